// npm run bench:page-cost -- [--runs 15] [--throttling simulate|devtools] [--ua phone|desktop]
//   [--switch '<command>'] [--url <page>] [--json <file>] [--self-signed] <variant>…
//
// What the widgets cost a real page: Lighthouse 12 (mobile: a phone's screen, slow 4G, 4× CPU) on
// each variant of the page in turns, a fresh Chromium per run. The first variant is the pristine
// page; it is measured a second time in every turn under the name `<first>-aa`, so the difference
// between two measurements of the very same page (the A/A, the noise floor of this machine at this
// moment) is printed beside each variant's. Each turn starts one variant further on, so every
// variant runs in every position of the turn alike and the machine's drift weighs on all alike.
// Prints each run, then for LCP, TBT and CLS the median, its spread (the middle half of the runs
// and the lowest and highest), the median's difference from the pristine page's and the shift
// (the median of the differences between each run and each of the pristine page's); our files'
// requests and bytes; our longest task.
//
// `--throttling devtools` throttles for real (Chromium's own network and CPU throttling, the same
// slow 4G and 4×) instead of Lighthouse's simulation from an unthrottled load. `--ua desktop`
// sends a desktop browser's User-Agent from the same phone-sized screen: a CMS that picks its
// theme by User-Agent (NukeViet: `default` for desktops, `mobile_default` for phones) then serves
// its desktop theme. A variant is `name=URL`, or a bare name with --url and --switch: the command
// then runs as `<command> <name>` before each run to put that variant in place (e.g. copy a
// theme's templates: bench/nukeviet-guide.ts), and as `<command> <first>` at the end.
// `--ours` is a pattern for our files' addresses (default: portal-widgets, /pw, adapters/).
// `--self-signed` lets Chromium take a local HTTPS server's own certificate: a page served over
// HTTP/2, as portals are, instead of plain HTTP/1.1 and its six connections per host.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findChromium } from '../scripts/find-chromium.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '15' },
    switch: { type: 'string' },
    url: { type: 'string' },
    ours: { type: 'string', default: 'portal-widgets|/pw[/-]|/adapters/' },
    throttling: { type: 'string', default: 'simulate' },
    ua: { type: 'string', default: 'phone' },
    json: { type: 'string' },
    'self-signed': { type: 'boolean', default: false },
  },
});
if (values.throttling !== 'simulate' && values.throttling !== 'devtools')
  throw new Error('--throttling is simulate or devtools.');
if (values.ua !== 'phone' && values.ua !== 'desktop') throw new Error('--ua is phone or desktop.');
const throttlingMethod = values.throttling;

const given = positionals.map((arg) => {
  const [name, url] = arg.includes('=')
    ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
    : [arg, values.url];
  if (!url) throw new Error(`No address for variant "${name}": write ${name}=<URL> or give --url.`);
  return { name, url };
});
if (given.length < 2) throw new Error('Give at least two variants: the pristine page first.');
const [pristine] = given;
const twin = { name: `${pristine.name}-aa`, url: pristine.url };
const variants = [pristine, twin, ...given.slice(1)];
const chromePath = findChromium();
if (!chromePath)
  throw new Error('No Chromium found: apt-get install -y chromium, or set CHROME_PATH.');
const ours = new RegExp(values.ours);
// Lighthouse 12's desktop User-Agent; the phone's is Lighthouse's default.
const DESKTOP_UA =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36';

interface Run {
  lcp: number;
  tbt: number;
  cls: number;
  fcp: number;
  requests: number;
  bytes: number;
  longestTask: number;
  /** The file Lighthouse credits that task to, when there is one. */
  longestTaskFile?: string;
  /** When our first file was asked for, ms after navigation start (observed, not simulated). */
  ourStart: number;
  /**
   * Our bytes that finished loading before the page's own LCP as observed in the load Lighthouse
   * watched: only those can take part in LCP (Lighthouse's simulation keeps only the requests
   * that ended before it); a figure the machine's load does not move.
   */
  bytesBeforeLcp: number;
  lcpElement: string;
  load: number;
}

interface NetworkItem {
  url: string;
  transferSize: number;
  networkRequestTime?: number;
  networkEndTime?: number;
}
interface TaskItem {
  url: string;
  duration: number;
}

async function measure(url: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      ...(values['self-signed'] ? ['--ignore-certificate-errors'] : []),
    ],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error' },
      {
        extends: 'lighthouse:default',
        settings: {
          // Only what is printed: the rest of the report costs each run time and the machine CPU.
          onlyAudits: [
            'largest-contentful-paint',
            'largest-contentful-paint-element',
            'total-blocking-time',
            'cumulative-layout-shift',
            'first-contentful-paint',
            'network-requests',
            'long-tasks',
            'metrics',
          ],
          disableFullPageScreenshot: true,
          throttlingMethod,
          ...(values.ua === 'desktop' ? { emulatedUserAgent: DESKTOP_UA } : {}),
        },
      },
    );
    if (!result) throw new Error('Lighthouse returned nothing');
    const { audits } = result.lhr;
    if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
    const items = <T>(id: string) => (audits[id]?.details as { items?: T[] })?.items ?? [];
    const files = items<NetworkItem>('network-requests').filter((item) => ours.test(item.url));
    const tasks = items<TaskItem>('long-tasks').filter((item) => ours.test(item.url));
    const [longest] = tasks.sort((a, b) => b.duration - a.duration);
    const lcpNode = (
      audits['largest-contentful-paint-element']?.details as {
        items?: Array<{ items?: Array<{ node?: { selector?: string } }> }>;
      }
    )?.items?.[0]?.items?.[0]?.node?.selector;
    const observedLcp =
      (audits.metrics?.details as { items?: Array<{ observedLargestContentfulPaint?: number }> })
        ?.items?.[0]?.observedLargestContentfulPaint ?? NaN;
    return {
      bytesBeforeLcp: files
        .filter((item) => (item.networkEndTime ?? Infinity) <= observedLcp)
        .reduce((sum, item) => sum + item.transferSize, 0),
      lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbt: audits['total-blocking-time']?.numericValue ?? NaN,
      cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
      fcp: audits['first-contentful-paint']?.numericValue ?? NaN,
      requests: files.length,
      bytes: files.reduce((sum, item) => sum + item.transferSize, 0),
      longestTask: longest?.duration ?? 0,
      longestTaskFile: longest?.url.replace(/^.*\//, ''),
      ourStart: Math.min(...files.map((item) => item.networkRequestTime ?? Infinity)),
      lcpElement: lcpNode ?? '?',
      load: loadavg()[0],
    };
  } finally {
    chrome.kill();
  }
}

const runs = new Map<string, Run[]>(variants.map(({ name }) => [name, []]));
const put = (name: string) => {
  if (values.switch) execSync(`${values.switch} ${name}`, { stdio: 'inherit' });
};
const started = Date.now();
try {
  for (let turn = 0; turn < Number(values.runs); turn += 1) {
    for (let i = 0; i < variants.length; i += 1) {
      const { name, url } = variants[(turn + i) % variants.length];
      put(name);
      let run: Run | undefined;
      for (let attempt = 1; !run; attempt += 1) {
        try {
          run = await measure(url);
        } catch (error) {
          if (attempt === 3) throw error;
          console.log(`turn ${turn + 1} ${name}: ${String(error)}; again`);
        }
      }
      runs.get(name)!.push(run);
      console.log(
        `turn ${turn + 1} ${name}: LCP ${run.lcp.toFixed(0)} ms (${run.lcpElement}), TBT ${run.tbt.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}, our longest task ${run.longestTask.toFixed(0)} ms${run.longestTaskFile ? ` (${run.longestTaskFile})` : ''}, ${run.requests} requests from ${Number.isFinite(run.ourStart) ? run.ourStart.toFixed(0) : '-'} ms, ${(run.bytes / 1024).toFixed(1)} KB (${(run.bytesBeforeLcp / 1024).toFixed(1)} KB before the observed LCP), load ${run.load.toFixed(1)}`,
      );
    }
  }
} finally {
  put(pristine.name);
}

const quantile = (numbers: number[], q: number) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
};
const median = (numbers: number[]) => quantile(numbers, 0.5);
// A metric Lighthouse could not compute in a run (TBT when the page never went quiet) is left out.
const column = (name: string, key: keyof Run) =>
  runs
    .get(name)!
    .map((run) => Number(run[key]))
    .filter(Number.isFinite);

const loads = [...runs.values()].flat().map((run) => run.load);
console.log(
  `\n${values.runs} runs of each variant, in turns (Lighthouse mobile, ${throttlingMethod} throttling, ${values.ua} User-Agent), ${((Date.now() - started) / 60000).toFixed(0)} min, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (median ${median(loads).toFixed(1)}) on ${availableParallelism()} cores`,
);
console.log(
  'median, its difference from the pristine page’s and the shift (the median of the differences between each run and each of the pristine page’s) [middle half] (lowest–highest)',
);
const METRICS: Array<[keyof Run, string, number]> = [
  ['lcp', 'LCP ms', 0],
  ['tbt', 'TBT ms', 0],
  ['cls', 'CLS', 3],
];
const width = Math.max(...variants.map(({ name }) => name.length)) + 2;
for (const { name } of variants) {
  const cells = METRICS.map(([key, label, digits]) => {
    const numbers = column(name, key);
    const value = median(numbers);
    const fixed = (n: number) => n.toFixed(digits);
    const signed = (n: number) => `${n >= 0 ? '+' : '−'}${fixed(Math.abs(n))}`;
    // Lighthouse's simulated LCP falls on a few levels per page, hundreds of ms apart: the
    // difference of two medians then says on which level more runs fell, the shift what the
    // runs of the variant add to those of the pristine page (Hodges–Lehmann).
    const base = column(pristine.name, key);
    const difference =
      name === pristine.name
        ? ''
        : ` ${signed(value - median(base))} (shift ${signed(median(numbers.flatMap((n) => base.map((b) => n - b))))})`;
    return `${label} ${fixed(value)}${difference} [${fixed(quantile(numbers, 0.25))}–${fixed(quantile(numbers, 0.75))}] (${fixed(Math.min(...numbers))}–${fixed(Math.max(...numbers))})`;
  });
  const bytes = median(column(name, 'bytes')) / 1024;
  console.log(
    `${name.padEnd(width)}${cells.join('   ')}   ours: ${median(column(name, 'requests'))} requests, ${bytes.toFixed(1)} KB (before the observed LCP: ${(median(column(name, 'bytesBeforeLcp')) / 1024).toFixed(1)} KB, at most ${(Math.max(...column(name, 'bytesBeforeLcp')) / 1024).toFixed(1)}), longest task ${median(column(name, 'longestTask')).toFixed(0)} ms (highest ${Math.max(...column(name, 'longestTask')).toFixed(0)})`,
  );
}
if (values.json) {
  writeFileSync(
    values.json,
    JSON.stringify(
      { throttling: throttlingMethod, ua: values.ua, variants, runs: Object.fromEntries(runs) },
      null,
      1,
    ),
  );
}
