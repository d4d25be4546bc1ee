// `npm run test:browser [-- files…]`: the browser tests in Chromium, Firefox and WebKit in turn
// (WTR_ENGINES=firefox,webkit picks some), each run with its own reference server. Fails when
// any engine fails, after all have run.
import { spawnSync } from 'node:child_process';
import { ENGINES } from '../test/engines.mjs';

const engines = process.env.WTR_ENGINES?.split(',').filter(Boolean) ?? ENGINES;
const failed = [];
for (const engine of engines) {
  console.log(`\n— ${engine} —`);
  const run = spawnSync('npx', ['web-test-runner', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, WTR_ENGINE: engine },
  });
  if (run.status !== 0) failed.push(engine);
}
if (failed.length > 0) {
  console.error(`\nBrowser tests failed in ${failed.join(', ')}`);
  process.exit(1);
}
