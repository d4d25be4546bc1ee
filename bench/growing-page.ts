// npm run bench:growing — what the text size costs a page that keeps growing: a px-themed page of
// some 2,000 elements at A+ with a ticker adding 10 items a second, for BENCH_SECONDS (10) in a
// fresh page, in turns: the page without our script, with this build, and with BENCH_BASELINE
// (another checkout's dist/cdn) when given. Script, style and layout time per second from the
// browser's own counters (CDP Performance.getMetrics); ours is a side's time less the page's
// alone. Medians of BENCH_RUNS (5) turns with their range. Loopback only.
import puppeteer from 'puppeteer-core';
import { serveForBench } from './static-server.js';
import { findChromium } from '../scripts/find-chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const { origin, baselineRoot, close } = await serveForBench();
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox'],
  headless: true,
});

type PerSecond = { script: number; style: number; layout: number };

async function measure(cdn: string): Promise<PerSecond> {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  const session = await page.createCDPSession();
  await session.send('Performance.enable');
  await page.goto(`${origin}/bench/pages/growing.html${cdn ? `?cdn=${cdn}` : ''}`);
  await page.waitForFunction('window.ready');
  // Start-up is not what is measured here: let it finish first.
  await new Promise((done) => setTimeout(done, 1000));
  const read = async () =>
    Object.fromEntries(
      (await session.send('Performance.getMetrics')).metrics.map(({ name, value }) => [
        name,
        value,
      ]),
    );
  const start = await read();
  await page.evaluate('window.tick()');
  await new Promise((done) => setTimeout(done, SECONDS * 1000));
  const end = await read();
  await page.close();
  const perSecond = (name: string) => ((end[name]! - start[name]!) * 1000) / SECONDS;
  return {
    script: perSecond('ScriptDuration'),
    style: perSecond('RecalcStyleDuration'),
    layout: perSecond('LayoutDuration'),
  };
}

const sides: [string, string][] = [
  ['the page alone (no widgets)', ''],
  ['this build', '/dist/cdn'],
  ...(baselineRoot ? [['BENCH_BASELINE', '/baseline'] as [string, string]] : []),
];
const results: PerSecond[][] = sides.map(() => []);
for (let run = 0; run < RUNS; run += 1) {
  for (const [index, [, cdn]] of sides.entries()) results[index]!.push(await measure(cdn));
}
await browser.close();
await close();

const cell = (values: number[]) =>
  `${median(values).toFixed(1)} (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`.padStart(
    22,
  );
console.log(
  `\nA+ on a px page of ~2,000 elements, 10 items added a second; ms per second, median (range) of ${RUNS} fresh pages, ${SECONDS} s each`,
);
console.log(
  `${'side'.padEnd(30)}${'script'.padStart(22)}${'style'.padStart(22)}${'layout'.padStart(22)}`,
);
for (const [index, [name]] of sides.entries()) {
  const side = results[index]!;
  console.log(
    `${name.padEnd(30)}${cell(side.map((r) => r.script))}${cell(side.map((r) => r.style))}${cell(side.map((r) => r.layout))}`,
  );
}
const alone = median(results[0]!.map((r) => r.script));
for (const [index, [name]] of sides.entries()) {
  if (index === 0) continue;
  console.log(
    `our script per second, ${name}: ${(median(results[index]!.map((r) => r.script)) - alone).toFixed(1)} ms`,
  );
}
