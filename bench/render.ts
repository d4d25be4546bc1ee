// npm run bench:render — in one headless Chromium and one run:
//  1. 200 <star-rating> against 200 Shoelace <sl-rating>: time to define, to render, and from
//     navigation start until the frame with every star is painted (the ratio is taken on that);
//     with BENCH_BASELINE=<another checkout's dist/cdn>, that build's <star-rating> too, in the
//     same turns (to compare a change with the build before it);
//  2. a 5,000-word article in <article-view> (sanitised) against innerHTML of the same HTML.
// Each case runs in a fresh page RUNS times; medians are printed. Loopback only.
import { readdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { serveForBench } from './static-server.js';
import { findChromium } from '../scripts/find-chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const { origin, baselineRoot, close } = await serveForBench();

function starRatingChunk(cdn: string): string {
  const chunk = readdirSync(`${cdn}/chunks`).find(
    (name) => name.startsWith('star-rating.define-') && name.endsWith('.js'),
  );
  if (!chunk)
    throw new Error(`Run \`npm run build\` first: no star-rating chunk in ${cdn}/chunks.`);
  return chunk;
}
const chunk = starRatingChunk('dist/cdn');

const browser = await puppeteer.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox'],
  headless: true,
});

async function measure<T>(path: string): Promise<T> {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  await page.goto(`${origin}${path}`);
  const result = (await page.evaluate('window.result')) as T;
  await page.close();
  return result;
}

/**
 * Runs the pages in turns (a, b, a, b…) rather than all of one then all of the other, so drift in
 * the machine's load over the run weighs on every side alike.
 */
async function alternate<T>(...paths: string[]): Promise<T[][]> {
  const results: T[][] = paths.map(() => []);
  for (let run = 0; run < RUNS; run += 1) {
    for (const [side, path] of paths.entries()) results[side].push(await measure<T>(path));
  }
  return results;
}

type RatingTimes = { define: number; render: number; drawn: number };
const ratingPage = '/bench/pages/star-ratings.html';
const [ours, shoelace, baseline] = await alternate<RatingTimes>(
  `${ratingPage}?tag=star-rating&module=/dist/cdn/chunks/${chunk}`,
  `${ratingPage}?tag=sl-rating&module=/node_modules/@shoelace-style/shoelace/cdn/components/rating/rating.js`,
  ...(baselineRoot
    ? [`${ratingPage}?tag=star-rating&module=/baseline/chunks/${starRatingChunk(baselineRoot)}`]
    : []),
);

type ArticleTimes = { firstRender: number; body: number; sanitizer?: string };
const [article, plain] = await alternate<ArticleTimes>(
  '/bench/pages/article.html?mode=article-view',
  '/bench/pages/article.html?mode=innerHTML',
);

await browser.close();
await close();

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
console.log(
  `\n200 rating elements, median of ${RUNS} fresh pages (define includes loading the module;` +
    ` drawn: from navigation start until the frame with every star is painted)`,
);
console.log(
  `${'element'.padEnd(34)}${'define'.padStart(10)}${'render'.padStart(10)}${'drawn'.padStart(10)}`,
);
for (const [name, results] of [
  ['<star-rating> (portal-widgets)', ours],
  ['<sl-rating> (Shoelace 2)', shoelace],
  ...(baseline ? [['<star-rating> (BENCH_BASELINE)', baseline] as const] : []),
] as const) {
  const define = median(results.map((r) => r.define));
  const render = median(results.map((r) => r.render));
  const drawn = median(results.map((r) => r.drawn));
  console.log(`${name.padEnd(34)}${ms(define)}${ms(render)}${ms(drawn)}`);
}
const drawn = (results: RatingTimes[]) => median(results.map((r) => r.drawn));
const ratios = ours.map((r, run) => r.drawn / shoelace[run].drawn);
console.log(
  `ratio, drawn: ours / Shoelace = ${(drawn(ours) / drawn(shoelace)).toFixed(2)}` +
    ` (runs ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
);
if (baseline) {
  console.log(
    `ratio, drawn: BENCH_BASELINE / Shoelace = ${(drawn(baseline) / drawn(shoelace)).toFixed(2)}`,
  );
}

console.log(`\nA 5,000-word article with 20 images and 5 tables, median of ${RUNS} fresh pages`);
console.log(`${'renderer'.padEnd(40)}${'first render'.padStart(14)}${'body shown'.padStart(12)}`);
const row = (name: string, results: ArticleTimes[]) =>
  console.log(
    `${name.padEnd(40)}${ms(median(results.map((r) => r.firstRender))).padStart(14)}${ms(median(results.map((r) => r.body))).padStart(12)}`,
  );
row(`<article-view>, sanitised (${article[0].sanitizer})`, article);
row('innerHTML, unsanitised', plain);
console.log(
  `ratio: body shown, article-view / innerHTML = ${(median(article.map((r) => r.body)) / median(plain.map((r) => r.body))).toFixed(2)}`,
);
