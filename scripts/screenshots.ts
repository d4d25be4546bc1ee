// npm run screenshots — pictures of the demo page for the README, made from the real build and
// server in headless Chromium: the default look, high contrast, and a phone at 200 % text.
import puppeteer from 'puppeteer-core';
import { startDemoServer } from './demo-server.js';
import { findChromium } from './find-chromium.mjs';

const server = await startDemoServer();
const browser = await puppeteer.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });

async function shoot(name: string, width: number, height: number, prepare: string) {
  // A fresh context per picture: no preference saved by the previous one.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height });
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle0' });
  await page.evaluate(prepare);
  await page.waitForFunction(
    () => !!document.querySelector('star-rating')?.shadowRoot?.querySelector('[part="summary"]'),
  );
  await new Promise((done) => setTimeout(done, 300));
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
  await context.close();
  console.log(`docs/screenshots/${name}.png`);
}

const click = (tag: string, part: string) =>
  `document.querySelector('${tag}').shadowRoot.querySelector('[part~="${part}"]').click()`;
try {
  await shoot('demo', 1100, 1400, '');
  await shoot('demo-high-contrast', 1100, 1400, click('contrast-toggle', 'increase'));
  await shoot(
    'demo-phone-200',
    360,
    1400,
    `for (let i = 0; i < 3; i++) ${click('font-scaler', 'increase')}`,
  );
} finally {
  await browser.close();
  await server.close();
}
