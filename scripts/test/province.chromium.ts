// `npm run test:province`: the province demo (scripts/province.ts) in Chromium, as designers
// and a province's IT centre see it: one reference server, three portals on three origins, the
// same article ids and category names on each. Every page must show its own articles, ratings
// and related lists, and a vote must count on its own portal only. Needs `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findChromium } from '../find-chromium.mjs';
import { startProvince, type Province } from '../province.js';

const base = Number(process.env.PROVINCE_TEST_PORT ?? 18480);
let province: Province;
let browser: Browser;

/** Titles of a portal's own articles, from the file the sites file names for it. */
const titlesOf = (site: string) =>
  new Map(
    (
      JSON.parse(readFileSync(`server/demo/province/${site}.json`, 'utf8')) as {
        articles: { id: number; title: string }[];
      }
    ).articles.map(({ id, title }) => [id, title]),
  );

before(async () => {
  const chromium = findChromium();
  assert.ok(chromium, 'Chromium is needed: apt-get install -y chromium');
  province = await startProvince({ apiPort: base, portalPorts: [base + 1, base + 2, base + 3] });
  // The scheduler imports each site's file on start.
  for (const { id } of province.portals) {
    for (let tries = 0; ; tries += 1) {
      const answer = await fetch(`${province.api}/sites/${id}/articles?limit=1`);
      if (answer.ok && ((await answer.json()) as { items: unknown[] }).items.length) break;
      assert.ok(tries < 100, `${id}: no articles imported`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  browser = await puppeteer.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--headless=new'],
  });
});

after(async () => {
  await browser?.close();
  await province?.close();
});

/** The text of a widget's shadow root once `ready` holds in it. */
async function shadowText(page: Page, tag: string, ready: string): Promise<string> {
  await page.waitForFunction(
    (name, selector) => !!document.querySelector(name)?.shadowRoot?.querySelector(selector),
    { timeout: 15000 },
    tag,
    ready,
  );
  return page.$eval(tag, (element) =>
    (element.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

test('each portal shows its own article 1, its own related list and its own rating', async () => {
  const allTitles = province.portals.map(({ id }) => titlesOf(id));
  for (const [index, portal] of province.portals.entries()) {
    const own = allTitles[index]!;
    const others = allTitles
      .filter((_, other) => other !== index)
      .flatMap((map) => [...map.values()]);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      // A failed request is told apart below, with its address.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text());
    });
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (response.status() >= 400 && pathname !== '/favicon.ico')
        errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${portal.url}?id=1`);
    const article = await shadowText(page, 'article-view', 'h1');
    assert.ok(article.includes(own.get(1)!), `${portal.id}: its own article 1`);
    await page.waitForFunction(
      () =>
        (document.querySelector('related-list')?.shadowRoot?.querySelectorAll('a').length ?? 0) > 0,
      { timeout: 15000 },
    );
    const related = await page.$eval('related-list', (element) =>
      [...element.shadowRoot!.querySelectorAll('a')].map((link) => link.textContent!.trim()),
    );
    for (const title of related) {
      assert.ok([...own.values()].includes(title), `${portal.id}: "${title}" is its own`);
      assert.ok(!others.includes(title), `${portal.id}: "${title}" is another portal's`);
    }
    const rating = await shadowText(page, 'star-rating', 'input[value="5"]');
    assert.match(rating, /Tổng số điểm của bài viết là: 0 trong 0 đánh giá/);
    assert.deepEqual(errors, [], `${portal.id}: no error on the page`);
    await page.close();
  }
});

test('a vote on one portal counts there and nowhere else', async () => {
  const [, first, second] = province.portals;
  const page = await browser.newPage();
  await page.goto(`${first!.url}?id=2`);
  await shadowText(page, 'star-rating', 'input[value="4"]');
  await page.$eval('star-rating', (element) => {
    const star = element.shadowRoot!.querySelector<HTMLInputElement>('input[value="4"]')!;
    star.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    star.click();
  });
  await page.waitForFunction(
    () =>
      /4 trong 1 đánh giá/.test(
        document.querySelector('star-rating')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '',
      ),
    { timeout: 15000 },
  );
  await page.close();
  const rating = async (site: string) =>
    (await (await fetch(`${province.api}/sites/${site}/articles/2/rating`)).json()) as {
      count: number;
    };
  assert.equal((await rating(first!.id)).count, 1);
  assert.equal((await rating(second!.id)).count, 0, 'the other commune’s article 2 untouched');
  assert.equal((await rating(province.portals[0]!.id)).count, 0, 'the province’s untouched');
});
