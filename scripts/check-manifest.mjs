// Fails when the committed custom-elements.json differs from what the code's JSDoc produces now.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer takes --outdir relative to the working directory.
const outdir = 'node_modules/.cache/manifest-check';
try {
  execFileSync('npx', ['cem', 'analyze', '--litelement', '--outdir', outdir], { stdio: 'pipe' });
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(JSON.parse(committed))) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json matches the code.');
  // The React components are generated from the manifest and committed.
  execFileSync('node', ['scripts/framework-types.mjs', '--check'], { stdio: 'inherit' });
  // So are the API reference pages.
  execFileSync('node', ['scripts/api-docs.mjs', '--check'], { stdio: 'inherit' });
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
