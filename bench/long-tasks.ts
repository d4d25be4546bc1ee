// npm run bench:long-tasks -- [--runs 10] [--rate 4] [--ua phone|desktop] [--saved <scale>]
//   [--parts <ms>] <name>=<URL>…
//
// Our longest task on a real page, at a slow phone's CPU: each variant loaded in a fresh Chromium
// with Chromium's own CPU throttling (4× by default, as Lighthouse's phone), in turns, traced
// until the page has been quiet for 4 s. A task of the main thread counts as ours when the first
// script it runs is one of our files (`--ours`, as bench:page-cost), the way Lighthouse credits a
// task to the script it starts in; the page's own tasks in which a callback of ours also ran (its
// load event) are the page's. Prints per run our longest task, how many of ours reached 50 ms and
// the page's own longest; then per variant the median, the middle half and the extremes.
// Compiling one of our files is not running it: the HTML parser's task in which a module script
// is compiled (its file fetched early by the preload scanner) is the page's, printed apart, as
// Lighthouse credits it to our file.
// `--saved 1.5` loads each page as a visitor who chose 150 % text before (saved in the page's
// storage before it loads), the path on which the text size is applied as the page opens.
// `--parts 25` prints what each such task of 25 ms or more was made of (the trace's events).
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
    parts: { type: 'string' },
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
  /**
   * The longest task of the page's in which one of our files was compiled and no script file ran:
   * Lighthouse credits such a task to our file (the parser's, mostly).
   */
  compiledIn: number;
  /** The file our longest task started in. */
  oursFile: string;
  oursOver50: number;
  page: number;
}

/**
 * Compiling a file is not running it: the HTML parser's own task compiles a module script whose
 * file the preload scanner fetched before the parser reached its tag.
 */
const COMPILING = /^v8\.compile/;

/** The script an event ran or was caused by, if it names one. */
function scriptOf(event: TraceEvent): string | undefined {
  if (COMPILING.test(event.name)) return undefined;
  const data = event.args?.data;
  return (
    (event.name !== 'ParseHTML' ? data?.url : undefined) ||
    data?.stackTrace?.[0]?.url ||
    event.args?.beginData?.stackTrace?.[0]?.url ||
    undefined
  );
}

/**
 * `--parts <ms>`: what a task of ours (or one of the page's with our file compiled in it) of at
 * least that long was made of: the trace's events inside it, by their time including what they
 * called, a function's name and file beside each call of one.
 */
function printParts(ms: number, first: string | undefined, inside: TraceEvent[]): void {
  const parts = new Map<string, number>();
  for (const event of inside) {
    const data = event.args?.data as { functionName?: string; type?: string } | undefined;
    const what =
      event.name === 'FunctionCall' || event.name === 'EventDispatch'
        ? `${event.name} ${data?.functionName || data?.type || ''} ${scriptOf(event)?.split('/').pop() ?? ''}`
        : event.name;
    parts.set(what, (parts.get(what) ?? 0) + (event.dur ?? 0) / 1000);
  }
  const top = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(
    `  ${ms.toFixed(1)} ms, first ${first?.split('/').pop() ?? 'none (our file only compiled)'}: ${top.map(([what, time]) => `${what.trim()} ${time.toFixed(1)}`).join('; ')}`,
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
    let compiledIn = 0;
    for (const task of main.filter((event) => event.name === 'RunTask')) {
      const end = task.ts + (task.dur ?? 0);
      const inside = main.filter(
        (event) => event.ts >= task.ts && event.ts < end && event !== task,
      );
      const first = inside.map(scriptOf).find((script) => script && script !== url);
      const ms = (task.dur ?? 0) / 1000;
      const mine = first !== undefined && ours.test(first);
      // No script file ran in it, and one of ours was compiled: Lighthouse credits it to ours.
      const onlyCompiled =
        first === undefined &&
        inside.some(
          (event) => COMPILING.test(event.name) && ours.test(event.args?.data?.url ?? ''),
        );
      if (values.parts && ms >= Number(values.parts) && (mine || onlyCompiled))
        printParts(ms, first, inside);
      if (mine) {
        if (ms > oursLongest) [oursLongest, oursFile] = [ms, first.split('/').pop() ?? first];
        if (ms >= 50) oursOver50 += 1;
      } else {
        pageLongest = Math.max(pageLongest, ms);
        if (onlyCompiled) compiledIn = Math.max(compiledIn, ms);
      }
    }
    return { ours: oursLongest, oursFile, oursOver50, compiledIn, page: pageLongest };
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
      `turn ${turn + 1} ${name}: our longest task ${run.ours.toFixed(1)} ms (${run.oursFile || 'none'}), ${run.oursOver50} of ours ≥ 50 ms, the page's longest ${run.page.toFixed(1)} ms (${run.compiledIn ? `${run.compiledIn.toFixed(1)} ms with our file compiled in it` : 'none with our file compiled in it'}), load ${load.toFixed(1)}`,
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
  const cell = (key: 'ours' | 'page' | 'compiledIn') => {
    const xs = list.map((run) => run[key]);
    return `${quantile(xs, 0.5).toFixed(0)} [${quantile(xs, 0.25).toFixed(0)}–${quantile(xs, 0.75).toFixed(0)}] (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  };
  const over = list.filter((run) => run.oursOver50 > 0).length;
  const compiledOver = list.filter((run) => run.compiledIn >= 50).length;
  console.log(
    `${name.padEnd(width)}our longest task ${cell('ours')}   runs with one of ours ≥ 50 ms: ${over} of ${list.length}   the page's longest ${cell('page')}   the page's tasks with our file compiled in them (Lighthouse credits them to us): longest ${cell('compiledIn')}, ≥ 50 ms in ${compiledOver} runs`,
  );
}
