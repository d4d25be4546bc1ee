// npm run lighthouse — Lighthouse on the demo portal page, served by the real server from the
// current build, in the system Chromium. Prints the four category scores and the metrics behind
// them, for the desktop and the mobile profile. Aims: accessibility 100, best practices and
// performance 95 or more, cumulative layout shift 0. Scores are figures to note, not a test:
// performance depends on the machine.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { startDemoServer } from './demo-server.js';
import { findChromium } from './find-chromium.mjs';

const server = await startDemoServer();
const chromePath = findChromium();
if (!chromePath) {
  console.error('No Chromium found: apt-get install -y chromium, or set CHROME_PATH.');
  process.exit(1);
}
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox'],
});

const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['/'];
try {
  for (const path of pages) {
    for (const [profile, config] of [
      ['mobile', undefined],
      ['desktop', desktopConfig],
    ] as const) {
      const result = await lighthouse(
        `${server.url}${path}`,
        { port: chrome.port, output: 'json', logLevel: 'error' },
        config,
      );
      if (!result) throw new Error('Lighthouse returned nothing');
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const metric = (id: string) => audits[id]?.displayValue ?? '-';
      console.log(
        `${path} (${profile}): performance ${score('performance')}, accessibility ${score('accessibility')}, ` +
          `best practices ${score('best-practices')}, SEO ${score('seo')} | CLS ${metric('cumulative-layout-shift')}, ` +
          `LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, FCP ${metric('first-contentful-paint')}`,
      );
      for (const [id, audit] of Object.entries(audits)) {
        const category = ['accessibility', 'best-practices'].find((name) =>
          categories[name]?.auditRefs.some((ref) => ref.id === id && ref.weight > 0),
        );
        if (category && audit.score !== null && audit.score < 1) {
          console.log(`  ${category}: ${id} — ${audit.title}`);
        }
      }
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
