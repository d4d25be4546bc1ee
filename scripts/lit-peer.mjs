// The size peer both size scripts print beside our files: lit with one trivial element.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

/** The peer's minified code, built in this run the way our bundles are minified. */
export async function buildLitPeer() {
  const outDir = join(tmpdir(), `portal-widgets-size-peer-${process.pid}`);
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      target: 'es2022',
      lib: { entry: 'bench/lit-peer.ts', formats: ['es'], fileName: () => 'peer.js' },
      rolldownOptions: { output: { minify: true } },
    },
  });
  const code = readFileSync(join(outDir, 'peer.js'), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
  return code;
}
