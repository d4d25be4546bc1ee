// npm run bench:page-cost -- [--runs 3] [--switch '<command>'] [--url <page>] <variant>…
//
// What the widgets cost a real page: Lighthouse (mobile, simulated slow 4G and 4× CPU) on each
// variant of the page in turns (a, b, a, b…, so that the machine's drift weighs on all alike), a
// fresh Chromium per run. Prints each run's LCP and TBT, the medians side by side with the first
// variant's (the pristine page), our files' requests and bytes, and our longest task.
//
// A variant is `name=URL`, or a bare name with --url and --switch: the command then runs as
// `<command> <name>` before each run to put that variant in place (e.g. copy a theme's templates).
// `--ours` is a pattern for our files' addresses (default: portal-widgets, /pw/, adapters/).
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { findChromium } from '../scripts/find-chromium.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    switch: { type: 'string' },
    url: { type: 'string' },
    ours: { type: 'string', default: 'portal-widgets|/pw/|/adapters/' },
  },
});
const variants = positionals.map((arg) => {
  const [name, url] = arg.includes('=')
    ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
    : [arg, values.url];
  if (!url) throw new Error(`No address for variant "${name}": write ${name}=<URL> or give --url.`);
  return { name, url };
});
if (variants.length < 2) throw new Error('Give at least two variants: the pristine page first.');
const chromePath = findChromium();
if (!chromePath)
  throw new Error('No Chromium found: apt-get install -y chromium, or set CHROME_PATH.');
const ours = new RegExp(values.ours);

interface Run {
  lcp: number;
  tbt: number;
  requests: number;
  bytes: number;
  longestTask: number;
}

interface NetworkItem {
  url: string;
  transferSize: number;
}
interface TaskItem {
  url: string;
  duration: number;
}

async function measure(url: string): Promise<Run> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    const { audits } = result.lhr;
    const items = <T>(id: string) => (audits[id]?.details as { items?: T[] })?.items ?? [];
    const files = items<NetworkItem>('network-requests').filter((item) => ours.test(item.url));
    const tasks = items<TaskItem>('long-tasks').filter((item) => ours.test(item.url));
    return {
      lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
      tbt: audits['total-blocking-time']?.numericValue ?? NaN,
      requests: files.length,
      bytes: files.reduce((sum, item) => sum + item.transferSize, 0),
      longestTask: Math.max(0, ...tasks.map((item) => item.duration)),
    };
  } finally {
    chrome.kill();
  }
}

const runs = new Map<string, Run[]>(variants.map(({ name }) => [name, []]));
for (let turn = 1; turn <= Number(values.runs); turn += 1) {
  for (const { name, url } of variants) {
    if (values.switch) execSync(`${values.switch} ${name}`, { stdio: 'inherit' });
    const run = await measure(url);
    runs.get(name)!.push(run);
    console.log(
      `turn ${turn} ${name}: LCP ${run.lcp.toFixed(0)} ms, TBT ${run.tbt.toFixed(0)} ms, our longest task ${run.longestTask.toFixed(0)} ms, ${run.requests} requests, ${(run.bytes / 1024).toFixed(1)} KB`,
    );
  }
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const [pristine] = variants;
const base = (key: keyof Run) => median(runs.get(pristine.name)!.map((run) => run[key]));
console.log(`\nMedians of ${values.runs} runs (Lighthouse mobile, simulated throttling)`);
console.log(
  `${'variant'.padEnd(24)}${'LCP'.padStart(9)}${'added'.padStart(8)}${'TBT'.padStart(7)}${'added'.padStart(8)}${'longest task'.padStart(14)}${'requests'.padStart(10)}${'KB'.padStart(8)}`,
);
for (const { name } of variants) {
  const value = (key: keyof Run) => median(runs.get(name)!.map((run) => run[key]));
  const added = (key: keyof Run) =>
    name === pristine.name
      ? ''
      : `${value(key) >= base(key) ? '+' : ''}${(value(key) - base(key)).toFixed(0)}`;
  console.log(
    `${name.padEnd(24)}${value('lcp').toFixed(0).padStart(9)}${added('lcp').padStart(8)}${value('tbt').toFixed(0).padStart(7)}${added('tbt').padStart(8)}${value('longestTask').toFixed(0).padStart(14)}${String(value('requests')).padStart(10)}${(value('bytes') / 1024).toFixed(1).padStart(8)}`,
  );
}
