// npm run screenshots — pictures of the demo page for the README, made from the real build and
// server in headless Chromium (playwright-core driving the system's): the default look, high
// contrast, and a phone at 200 % text.
import { chromium } from 'playwright-core';
import { startDemoServer } from './demo-server.js';
import { findChromium } from './find-chromium.mjs';

const server = await startDemoServer();
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });

async function shoot(name: string, width: number, height: number, presses: [string, number][]) {
  // A fresh context per picture: no preference saved by the previous one.
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  // Playwright's locators reach into shadow roots: press the elements' own buttons.
  for (const [selector, times] of presses) {
    for (let press = 0; press < times; press += 1) await page.locator(selector).click();
  }
  await page.locator('star-rating [part="summary"]').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
  await context.close();
  console.log(`docs/screenshots/${name}.png`);
}

try {
  await shoot('demo', 1100, 1400, []);
  await shoot('demo-high-contrast', 1100, 1400, [['contrast-toggle [part~="increase"]', 1]]);
  await shoot('demo-phone-200', 360, 1400, [['font-scaler [part~="increase"]', 3]]);
} finally {
  await browser.close();
  await server.close();
}
