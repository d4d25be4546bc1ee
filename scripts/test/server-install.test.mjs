// What an operator installs: the compiled server with only the dependencies in
// deploy/package.json (`npm ci --omit=dev`), started with node, no tsx, no build step, no demo.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const rootPackage = readJson(join(root, 'package.json'));
const serverPackage = readJson(join(root, 'deploy/package.json'));
const scratch = mkdtempSync(join(tmpdir(), 'portal-widgets-server-install-'));

/** The packages the server's own files import (not its tests). */
function serverImports() {
  const names = new Set();
  for (const file of readdirSync(join(root, 'server'), { recursive: true })) {
    if (!String(file).endsWith('.ts') || String(file).startsWith('test')) continue;
    const text = readFileSync(join(root, 'server', String(file)), 'utf8');
    for (const [, name] of text.matchAll(/^import [^;]*? from '([^.][^']*)';/gms)) {
      if (name.startsWith('node:')) continue;
      names.add(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]);
    }
  }
  return [...names].sort();
}

test('the server package names exactly what the server imports, at the tested versions', () => {
  assert.deepEqual(Object.keys(serverPackage.dependencies).sort(), serverImports());
  for (const [name, version] of Object.entries(serverPackage.dependencies)) {
    assert.equal(
      version,
      rootPackage.devDependencies[name] ?? rootPackage.dependencies[name],
      name,
    );
  }
  assert.deepEqual(serverPackage.overrides, rootPackage.overrides);
  assert.deepEqual(serverPackage.engines, rootPackage.engines);
  const lock = readJson(join(root, 'deploy/package-lock.json'));
  assert.deepEqual(lock.packages[''].dependencies, serverPackage.dependencies, 'lock is current');
  for (const name of ['fastify', 'kysely', 'better-sqlite3', 'pg', 'tsx']) {
    assert.ok(!(name in (rootPackage.dependencies ?? {})), `${name} is no widget dependency`);
  }
});

let server;
let base;
before(async () => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.server-build.json', '--outDir', scratch], {
    cwd: root,
    stdio: 'pipe',
  });
  for (const file of ['package.json', 'package-lock.json']) {
    cpSync(join(root, 'deploy', file), join(scratch, file));
  }
  mkdirSync(join(scratch, 'dist/cdn'), { recursive: true });
  writeFileSync(join(scratch, 'dist/cdn/portal-widgets.js'), 'export {};\n');
  execFileSync(
    'npm',
    ['ci', '--omit=dev', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'],
    { cwd: scratch, stdio: 'pipe' },
  );
  // The same better-sqlite3 version, built once already: compiling it again takes minutes.
  cpSync(
    join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    join(scratch, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
  );
  server = spawn(process.execPath, ['server/main.js'], {
    cwd: scratch,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: '0',
      DATABASE_URL: `sqlite:${join(scratch, 'data/widgets.sqlite')}`,
    },
  });
  base = await new Promise((done, fail) => {
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /API at (http:\/\/[^\s]+)\/api\/v1/.exec(output)?.[1];
      if (url) done(url);
    });
    server.stderr.on('data', (chunk) => (output += chunk));
    server.on('exit', (code) => fail(new Error(`server exited ${code}: ${output}`)));
  });
});

after(() => {
  server?.kill();
  rmSync(scratch, { recursive: true, force: true });
});

test('installs no tsx, TypeScript or widget toolchain', () => {
  for (const name of ['tsx', 'typescript', 'vite', 'lit', '@web/test-runner']) {
    assert.ok(!existsSync(join(scratch, 'node_modules', name)), `${name} is not installed`);
  }
});

test('starts from compiled JavaScript: the API and the script-tag files, no demo', async () => {
  const list = await fetch(`${base}/api/v1/articles`);
  assert.equal(list.status, 200);
  assert.deepEqual(await list.json(), { items: [], nextCursor: null });
  assert.equal((await fetch(`${base}/cdn/portal-widgets.js`)).status, 200);
  assert.equal((await fetch(`${base}/`)).status, 404);
  assert.equal((await fetch(`${base}/demo-backends/down/api/v1/articles/1`)).status, 404);
  assert.equal((await fetch(`${base}/healthz`)).status, 200);
});

test('imports with the compiled importer, and serves what it imported', async () => {
  const output = execFileSync(
    process.execPath,
    ['server/import/cli.js', join(root, 'server/test/fixtures/articles.json')],
    {
      cwd: scratch,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: `sqlite:${join(scratch, 'data/widgets.sqlite')}`,
      },
    },
  );
  assert.match(output, /1 new/);
  const article = await fetch(`${base}/api/v1/articles/501`);
  assert.equal(article.status, 200);
});
