// Builds every way of shipping (see vite.config.ts), then the type declarations.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { build } from 'vite';

rmSync('dist', { recursive: true, force: true });
for (const mode of ['cdn', 'iife', 'sanitizer', 'adapters', 'autoloader', 'esm']) {
  await build({ mode, logLevel: 'warn' });
}
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync('node', ['scripts/vscode-data.mjs'], { stdio: 'inherit' });
execFileSync('node', ['scripts/framework-types.mjs'], { stdio: 'inherit' });
// The demo sits beside cdn/ as on a portal: dist/ is then a complete static site.
cpSync('demo', 'dist', { recursive: true });
// The playground and theming pages read the elements' API from the manifest.
cpSync('custom-elements.json', 'dist/custom-elements.json');
console.log('Built dist/cdn (script-tag files), dist/esm (modules), dist/types and the demo.');
