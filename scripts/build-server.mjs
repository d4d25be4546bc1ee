// The reference server as an operator installs it: compiled JavaScript, the script-tag files
// and a package.json naming only the server's dependencies, in dist-server/. No tsx, no build
// step and no widget toolchain on the server: `npm ci --omit=dev && npm start` there.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';

if (!existsSync('dist/cdn')) {
  console.error('Run `npm run build` first: the server serves the script-tag files from dist/cdn.');
  process.exit(1);
}
rmSync('dist-server', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.server-build.json'], { stdio: 'inherit' });
for (const file of ['package.json', 'package-lock.json']) {
  cpSync(`deploy/${file}`, `dist-server/${file}`);
}
// The server finds its static files at ../dist from its own folder, as in the repository.
cpSync('dist/cdn', 'dist-server/dist/cdn', { recursive: true });
console.log('Built dist-server/: copy it to the server, then `npm ci --omit=dev && npm start`.');
