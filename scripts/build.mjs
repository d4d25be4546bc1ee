// Builds every way of shipping (see vite.config.ts), then the type declarations.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

rmSync('dist', { recursive: true, force: true });
for (const mode of [
  'cdn',
  'toolbar',
  'read-aloud',
  'iife',
  'article-body',
  'sanitizer',
  'adapters',
  'autoloader',
  'esm',
]) {
  await build({ mode, logLevel: 'warn' });
}
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync('node', ['scripts/vscode-data.mjs'], { stdio: 'inherit' });
execFileSync('node', ['scripts/web-types.mjs'], { stdio: 'inherit' });
execFileSync('node', ['scripts/framework-types.mjs'], { stdio: 'inherit' });
// The demo sits beside cdn/ as on a portal: dist/ is then a complete static site.
cpSync('demo', 'dist', { recursive: true });
// The playground and theming pages read the elements' API from the manifest.
cpSync('custom-elements.json', 'dist/custom-elements.json');
console.log('Built dist/cdn (script-tag files), dist/esm (modules), dist/types and the demo.');

// Brotli and gzip copies beside every text file the server serves (it sends them to browsers that
// accept them, at no cost per request). Not part of the npm package.
let compressed = 0;
for (const entry of readdirSync('dist', { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(js|css|html|json|svg)$/.test(entry.name)) continue;
  if (/^dist\/(esm|types)\b/.test(entry.parentPath)) continue;
  const file = join(entry.parentPath, entry.name);
  const bytes = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  compressed += 1;
}
console.log(`Compressed copies (.br, .gz) of ${compressed} files for the server.`);
