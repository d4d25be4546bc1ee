// npm run bench:absurd-body — what an absurdly long article body costs the page (issue #19,
// goal 5): an <article-view> whose backend sends a body of 34,000,000 characters (a 50 MB
// article) and one of 2,000,000 (MAX_BODY_CHARACTERS, the longest still shown), beside a
// <font-scaler>. For each: how long until the body is shown or refused, from the element's
// creation, and then how long the page takes to answer a click on A+ (a real click, through
// the browser's input, timed from outside the page; given up after BENCH_CAP_S, 15 s). With
// BENCH_BASELINE=<another checkout's dist/cdn>, that build in the same turns. A fresh headless
// Chromium for every page: a page that stops answering cannot be reused. BENCH_RUNS (3) turns.
import puppeteer from 'puppeteer-core';
import { serveForBench } from './static-server.js';
import { findChromium } from '../scripts/find-chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CAP_MS = Number(process.env.BENCH_CAP_S ?? 15) * 1000;
const SIZES = [34_000_000, 2_000_000];

const { origin, baselineRoot, close } = await serveForBench();
const sides: [string, string][] = [
  ['this build', '/dist/cdn'],
  ...(baselineRoot ? [['BENCH_BASELINE', '/baseline'] as [string, string]] : []),
];

type Outcome = { what: string; ms: number; answer: number | undefined };

async function measure(cdn: string, chars: number): Promise<Outcome> {
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox'],
    headless: true,
    protocolTimeout: 600_000,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/bench/pages/absurd-body.html?cdn=${cdn}&chars=${chars}`);
    await page.waitForFunction('window.ready', { timeout: 60_000 });
    const aPlus = await page.evaluate(() => {
      const button = document
        .querySelector('font-scaler')!
        .shadowRoot!.querySelector('[part~="increase"]')!;
      const { x, y, width, height } = button.getBoundingClientRect();
      return { x: x + width / 2, y: y + height / 2 };
    });
    await page.evaluate('window.start()');
    await page.waitForFunction('window.outcome', { timeout: 300_000, polling: 100 });
    const { what, ms } = (await page.evaluate('window.outcome')) as { what: string; ms: number };
    const clicked = performance.now();
    const answered = page.mouse
      .click(aPlus.x, aPlus.y)
      .then(() =>
        page.waitForFunction('document.documentElement.dataset.pwTextScale', {
          timeout: CAP_MS,
          polling: 10,
        }),
      )
      .then(() => performance.now() - clicked);
    const answer = await Promise.race([
      answered.catch(() => undefined),
      new Promise<undefined>((done) => setTimeout(done, CAP_MS)),
    ]);
    return { what, ms, answer };
  } finally {
    browser.process()?.kill('SIGKILL');
  }
}

const results = new Map<string, Outcome[]>();
for (let run = 0; run < RUNS; run += 1) {
  for (const chars of SIZES) {
    for (const [name, cdn] of sides) {
      const outcome = await measure(cdn, chars);
      const key = `${chars}\t${name}`;
      results.set(key, [...(results.get(key) ?? []), outcome]);
      console.log(
        `turn ${run + 1}, ${chars.toLocaleString('en')} characters, ${name}: ${outcome.what} after ${Math.round(outcome.ms)} ms; A+ answered ${outcome.answer === undefined ? `not within ${CAP_MS / 1000} s` : `after ${Math.round(outcome.answer)} ms`}`,
      );
    }
  }
}
await close();

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const figure = (values: number[]) =>
  `${Math.round(median(values)).toLocaleString('en')} (${Math.round(Math.min(...values)).toLocaleString('en')}–${Math.round(Math.max(...values)).toLocaleString('en')})`;
console.log(`\n${RUNS} turns, one fresh Chromium per page; median (lowest–highest), ms`);
console.log('body characters | build | outcome | until shown or refused | A+ answered after');
for (const [key, outcomes] of results) {
  const [chars, name] = key.split('\t');
  const answers = outcomes.flatMap(({ answer }) => (answer === undefined ? [] : [answer]));
  const unanswered = outcomes.length - answers.length;
  console.log(
    [
      Number(chars).toLocaleString('en'),
      name,
      [...new Set(outcomes.map(({ what }) => what))].join(', '),
      figure(outcomes.map(({ ms }) => ms)),
      `${answers.length ? figure(answers) : '—'}${unanswered ? `; ${unanswered} of ${outcomes.length} not within ${CAP_MS / 1000} s` : ''}`,
    ].join(' | '),
  );
}
