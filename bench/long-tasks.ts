// npm run bench:long-tasks -- [--runs 10] [--rate 4] [--ua phone|desktop] [--saved <scale>]
//   <name>=<URL>…
//
// Our longest task on a real page, at a slow phone's CPU: each variant loaded in a fresh Chromium
// with Chromium's own CPU throttling (4× by default, as Lighthouse's phone), in turns, traced
// until the page has been quiet for 4 s. A task of the main thread counts as ours when the first
// script it runs is one of our files (`--ours`, as bench:page-cost), the way Lighthouse credits a
// task to the script it starts in; the page's own tasks in which a callback of ours also ran (its
// load event) are the page's. Prints per run our longest task, how many of ours reached 50 ms and
// the page's own longest; then per variant the median, the middle half and the extremes.
// `--saved 1.5` loads each page as a visitor who chose 150 % text before (saved in the page's
// storage before it loads), the path on which the text size is applied as the page opens.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import puppeteer, { type Page } from 'puppeteer-core';
import { findChromium } from '../scripts/find-chromium.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '10' },
    rate: { type: 'string', default: '4' },
    ua: { type: 'string', default: 'phone' },
    saved: { type: 'string' },
    ours: { type: 'string', default: 'portal-widgets|/pw[/-]|/adapters/' },
  },
});
const variants = positionals.map((arg) => {
  const at = arg.indexOf('=');
  if (at < 1) throw new Error(`Write each variant as name=URL, not "${arg}".`);
  return { name: arg.slice(0, at), url: arg.slice(at + 1) };
});
if (!variants.length) throw new Error('Give at least one variant: name=URL.');
const ours = new RegExp(values.ours);
const rate = Number(values.rate);
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { url?: string; stackTrace?: { url?: string }[] };
    beginData?: { stackTrace?: { url?: string }[] };
  };
}

interface Run {
  ours: number;
  /** The file our longest task started in. */
  oursFile: string;
  oursOver50: number;
  page: number;
}

/** The script an event ran or was caused by, if it names one. */
function scriptOf(event: TraceEvent): string | undefined {
  const data = event.args?.data;
  return (
    (event.name !== 'ParseHTML' ? data?.url : undefined) ||
    data?.stackTrace?.[0]?.url ||
    event.args?.beginData?.stackTrace?.[0]?.url ||
    undefined
  );
}

async function prepare(page: Page): Promise<void> {
  if (values.ua === 'phone') {
    await page.setUserAgent(PHONE_UA);
    await page.setViewport({ width: 412, height: 823, isMobile: true, hasTouch: true });
  } else {
    await page.setViewport({ width: 1350, height: 940 });
  }
  if (values.saved) {
    const saved = JSON.stringify({ textScale: Number(values.saved) });
    await page.evaluateOnNewDocument((value: string) => {
      localStorage.setItem('portal-widgets.preferences', value);
    }, saved);
  }
}

async function measure(url: string): Promise<Run> {
  const browser = await puppeteer.launch({
    executablePath: findChromium() ?? undefined,
    headless: true,
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage();
    await prepare(page);
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.tracing.start({
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.stack',
        'v8.execute',
      ],
    });
    await page.goto(url, { waitUntil: 'networkidle0', timeout: 120_000 });
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const events = (
      JSON.parse(Buffer.from((await page.tracing.stop())!).toString()) as {
        traceEvents: TraceEvent[];
      }
    ).traceEvents;
    // The renderer's main thread: the one that parsed the page.
    const parse = events.find((event) => event.name === 'ParseHTML');
    if (!parse) throw new Error(`${url}: no page parsed in the trace`);
    const main = events.filter(
      (event) => event.pid === parse.pid && event.tid === parse.tid && event.ph === 'X',
    );
    main.sort((a, b) => a.ts - b.ts);
    let oursLongest = 0;
    let oursFile = '';
    let oursOver50 = 0;
    let pageLongest = 0;
    for (const task of main.filter((event) => event.name === 'RunTask')) {
      const end = task.ts + (task.dur ?? 0);
      const first = main
        .filter((event) => event.ts >= task.ts && event.ts < end && event !== task)
        .map(scriptOf)
        .find((script) => script && script !== url);
      const ms = (task.dur ?? 0) / 1000;
      if (first && ours.test(first)) {
        if (ms > oursLongest) [oursLongest, oursFile] = [ms, first.split('/').pop() ?? first];
        if (ms >= 50) oursOver50 += 1;
      } else {
        pageLongest = Math.max(pageLongest, ms);
      }
    }
    return { ours: oursLongest, oursFile, oursOver50, page: pageLongest };
  } finally {
    await browser.close();
  }
}

const quantile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
};

const runs = Number(values.runs);
const results = new Map(variants.map(({ name }) => [name, [] as Run[]]));
const loads: number[] = [];
for (let turn = 0; turn < runs; turn += 1) {
  // Each turn starts one variant further on, so that none always runs first.
  for (let step = 0; step < variants.length; step += 1) {
    const { name, url } = variants[(turn + step) % variants.length]!;
    const run = await measure(url);
    const load = loadavg()[0]!;
    loads.push(load);
    results.get(name)!.push(run);
    console.log(
      `turn ${turn + 1} ${name}: our longest task ${run.ours.toFixed(1)} ms (${run.oursFile || 'none'}), ${run.oursOver50} of ours ≥ 50 ms, the page's longest ${run.page.toFixed(1)} ms, load ${load.toFixed(1)}`,
    );
  }
}

console.log(
  `\n${runs} runs of each variant, in turns, Chromium at ${rate}× CPU, ${values.ua} screen${values.saved ? `, text size ${values.saved} saved` : ''}; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on this machine`,
);
console.log('median [middle half] (lowest–highest), ms');
const width = Math.max(...variants.map(({ name }) => name.length)) + 2;
for (const { name } of variants) {
  const list = results.get(name)!;
  const cell = (key: 'ours' | 'page') => {
    const xs = list.map((run) => run[key]);
    return `${quantile(xs, 0.5).toFixed(0)} [${quantile(xs, 0.25).toFixed(0)}–${quantile(xs, 0.75).toFixed(0)}] (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  };
  const over = list.filter((run) => run.oursOver50 > 0).length;
  console.log(
    `${name.padEnd(width)}our longest task ${cell('ours')}   runs with one of ours ≥ 50 ms: ${over} of ${list.length}   the page's longest ${cell('page')}`,
  );
}
