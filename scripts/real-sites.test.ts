// Run by `npm run test:real` (scripts/real-wordpress.mjs) while its real WordPress is up: one
// reference server for three portals of a province, each a site of its own,
//   xa-thu-nghiem  the real WordPress (Debian's package), read through its REST API;
//   xa-tan-phu     a NukeViet 4.5 portal: the feed and article pages a real 4.5.05 printed
//                  (test/fixtures/nukeviet/4.5.05/), served here on a port of its own;
//   xa-an-phu      a JSON file on the server;
// all with articles 16, 17 and 18 and the categories "Tin tức" / "Tin tức địa phương". Each
// portal's page (Chromium) and each API answer must show only that portal's articles, votes and
// related lists, and a page of one portal may not vote on another's.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { settingsFromEnv, startServer, type RunningServer } from '../server/start.js';
import { findChromium } from './find-chromium.mjs';

interface RealSystems {
  plain: string;
  posts: Record<'reading' | 'swimming' | 'road' | 'reception' | 'hostile' | 'recording', number>;
  province: { api: number; nukeviet: number; json: number };
}

const real = JSON.parse(process.env.REAL_WORDPRESS ?? 'null') as RealSystems | null;
if (!real) throw new Error('Run through `npm run test:real`, which starts the real WordPress.');

const API = `http://127.0.0.1:${real.province.api}`;
const NUKEVIET = `http://127.0.0.1:${real.province.nukeviet}`;
const JSON_PORTAL = `http://127.0.0.1:${real.province.json}`;
const STATUS_TOKEN = 'real-sites-status-token-0123456789abcdef';
const SITES = {
  wordpress: { id: 'xa-thu-nghiem', origin: real.plain },
  nukeviet: { id: 'xa-tan-phu', origin: NUKEVIET },
  json: { id: 'xa-an-phu', origin: JSON_PORTAL },
} as const;
type Portal = keyof typeof SITES;
const PORTALS = Object.keys(SITES) as Portal[];

/** The NukeViet portal's article pages, as the real 4.5.05 printed them, by article id. */
const CAPTURED = 'test/fixtures/nukeviet/4.5.05';
const NUKEVIET_PAGES: Record<string, string> = {
  16: 'default-voices.html',
  17: 'default-one-voice.html',
  18: 'default-no-voices.html',
};
const REAL_NUKEVIET = 'http://127.0.0.1:8090';

/** The widgets as a portal's template places them, pointed at the province's server. */
const widgets = (site: string, id: string) =>
  `<div id="portal-widgets"><article-view article-id="${id}"></article-view>` +
  `<star-rating article-id="${id}"></star-rating>` +
  `<related-list article-id="${id}" strategy="category,newer,older"></related-list></div>` +
  `<script type="module" src="${API}/cdn/portal-widgets.js" data-api="${API}/api/v1" data-site="${site}"></script>`;

/** The JSON site's articles: the same ids and category names as the two other portals. */
const JSON_ARTICLES = [16, 17, 18, 19].map((id) => ({
  id,
  title: `Xã An Phú: tin số ${id}`,
  lead: `Tóm tắt tin số ${id} của xã An Phú.`,
  bodyHtml: `<p>Tin số ${id} của xã An Phú.</p>`,
  category:
    id < 18
      ? { id: 'tin-tuc', name: 'Tin tức' }
      : { id: 'tin-tuc-dia-phuong', name: 'Tin tức địa phương' },
  publishedAt: `2026-12-0${id - 15}T02:00:00Z`,
}));

const folder = mkdtempSync(join(tmpdir(), 'portal-widgets-sites-'));
const portals: FastifyInstance[] = [];
let server: RunningServer;
let browser: Browser | undefined;

async function nukevietPortal(): Promise<FastifyInstance> {
  const portal = Fastify();
  const local = (text: string) => text.replaceAll(REAL_NUKEVIET, NUKEVIET);
  portal.get('/index.php', async (request, reply) => {
    const { op } = request.query as { op?: string };
    if (op !== 'rss') return reply.code(404).send('Not Found');
    return reply
      .type('application/rss+xml; charset=utf-8')
      .send(local(readFileSync(`${CAPTURED}/rss.xml`, 'utf8')));
  });
  portal.get('/index.php/tin-tuc-dia-phuong/:page', async (request, reply) => {
    const id = /-(\d+)\.html$/.exec((request.params as { page: string }).page)?.[1] ?? '';
    const file = NUKEVIET_PAGES[id];
    if (!file) return reply.code(404).send('Not Found');
    const page = readFileSync(`${CAPTURED}/${file}`, 'utf8');
    // Where a webmaster puts the widgets: detail.tpl's end, the script tag in footer_only.tpl.
    return reply
      .type('text/html; charset=utf-8')
      .send(local(page).replace('</body>', `${widgets(SITES.nukeviet.id, id)}</body>`));
  });
  await portal.listen({ port: real!.province.nukeviet, host: '127.0.0.1' });
  return portal;
}

async function jsonPortal(): Promise<FastifyInstance> {
  const portal = Fastify();
  portal.get('/', async (request, reply) => {
    const id = Number((request.query as { id?: string }).id ?? 16);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Xã An Phú</title></head>` +
          `<body><h1>Cổng thông tin xã An Phú</h1>${widgets(SITES.json.id, String(id))}</body></html>`,
      );
  });
  await portal.listen({ port: real!.province.json, host: '127.0.0.1' });
  return portal;
}

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${API}/api/v1${path}`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const siteGet = (portal: Portal, path: string) => get(`/sites/${SITES[portal].id}${path}`);

interface Summary {
  id: number;
  title: string;
  category: { id: string; name: string };
}
/** Every article of a site, id → title. */
const held: Record<Portal, Map<number, string>> = {
  wordpress: new Map(),
  nukeviet: new Map(),
  json: new Map(),
};

async function waitForImports() {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const statuses = await Promise.all(PORTALS.map((portal) => siteGet(portal, '/status')));
    if (statuses.every(({ body }) => body.lastSuccessAt && body.ok)) return;
    if (Date.now() > deadline || statuses.some(({ body }) => body.ok === false)) {
      // The operator's view says which source failed and why.
      const details = await Promise.all(
        PORTALS.map((portal) =>
          get(`/sites/${SITES[portal].id}/status`, {
            authorization: `Bearer ${STATUS_TOKEN}`,
          }),
        ),
      );
      throw new Error(`The sources were not imported: ${JSON.stringify(details)}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
}

before(async () => {
  const json = join(folder, 'xa-an-phu.json');
  writeFileSync(json, JSON.stringify({ articles: JSON_ARTICLES }));
  const sitesFile = join(folder, 'sites.conf');
  writeFileSync(
    sitesFile,
    `every = 1h
[${SITES.wordpress.id}]
name = Xã Thử Nghiệm (WordPress)
origins = ${SITES.wordpress.origin}
source = wordpress ${real.plain}

[${SITES.nukeviet.id}]
name = Xã Tân Phú (NukeViet 4.5)
origins = ${SITES.nukeviet.origin}
source = nukeviet ${NUKEVIET}/index.php?language=vi&nv=news&op=rss

[${SITES.json.id}]
name = Xã An Phú
origins = ${SITES.json.origin}
source = json ${json}
`,
  );
  portals.push(await nukevietPortal(), await jsonPortal());
  server = await startServer({
    ...settingsFromEnv({ SITES_FILE: sitesFile, STATUS_TOKEN }),
    databaseUrl: `sqlite:${join(folder, 'province.sqlite')}`,
    demo: false,
    port: real.province.api,
    host: '127.0.0.1',
    staticRoot: resolve('dist'),
    logger: { level: 'warn' },
  });
  await waitForImports();
  for (const portal of PORTALS) {
    const { body } = await siteGet(portal, '/articles?limit=50');
    for (const item of body.items as Summary[]) held[portal].set(item.id, item.title);
  }
});

after(async () => {
  await browser?.close();
  await server?.close();
  await Promise.all(portals.map((portal) => portal.close()));
  rmSync(folder, { recursive: true, force: true });
});

describe('one reference server for three portals: WordPress, NukeViet, JSON', () => {
  it("keeps each portal's articles under the portal's own ids, with the same ids and category names in each", async () => {
    const { posts } = real;
    const wordpressIds = [
      posts.reading,
      posts.swimming,
      posts.road,
      posts.reception,
      posts.hostile,
    ];
    assert.deepEqual([...held.wordpress.keys()].sort(), wordpressIds.sort());
    assert.deepEqual([...held.nukeviet.keys()].sort(), [16, 17, 18]);
    assert.deepEqual([...held.json.keys()].sort(), [16, 17, 18, 19]);
    // Article 16 is a different article on each portal.
    const sixteen = await Promise.all(PORTALS.map((portal) => siteGet(portal, '/articles/16')));
    assert.deepEqual(
      sixteen.map(({ body }) => body.title),
      [
        'Xã tổ chức ngày hội đọc sách cho thiếu nhi',
        'Lịch tiếp công dân tháng 12 của Ủy ban nhân dân xã Tân Phú',
        'Xã An Phú: tin số 16',
      ],
    );
    const [wordpress16, nukeviet16, json16] = sixteen.map(({ body }) => body);
    assert.deepEqual(wordpress16.category, { id: 'tin-tuc', name: 'Tin tức' });
    assert.deepEqual(json16.category, wordpress16.category);
    assert.deepEqual(nukeviet16.category, { id: 'tin-tuc-dia-phuong', name: 'Tin tức địa phương' });
    assert.deepEqual((await siteGet('json', '/articles/18')).body.category, nukeviet16.category);
    // NukeViet's recorded voices came with its pages, and stay with its article 16.
    assert.deepEqual(
      (nukeviet16.voices as { title: string }[]).map(({ title }) => title),
      ['Giọng nữ miền Bắc', 'Giọng nam miền Nam'],
    );
    assert.deepEqual(wordpress16.voices, []);
    assert.deepEqual(json16.voices, []);
  });

  it("lists a shared category's articles from the asking portal only", async () => {
    for (const portal of PORTALS) {
      for (const category of ['tin-tuc', 'tin-tuc-dia-phuong']) {
        const { status, body } = await siteGet(portal, `/articles?category=${category}&limit=50`);
        assert.equal(status, 200);
        for (const item of body.items as Summary[]) {
          assert.equal(held[portal].get(item.id), item.title, `${portal} ${category} ${item.id}`);
        }
      }
    }
    const ids = async (portal: Portal, category: string) =>
      ((await siteGet(portal, `/articles?category=${category}`)).body.items as Summary[])
        .map(({ id }) => id)
        .sort();
    assert.deepEqual(await ids('json', 'tin-tuc'), [16, 17]);
    assert.deepEqual(await ids('json', 'tin-tuc-dia-phuong'), [18, 19]);
    assert.deepEqual(await ids('nukeviet', 'tin-tuc-dia-phuong'), [16, 17, 18]);
    assert.deepEqual(await ids('nukeviet', 'tin-tuc'), []);
    assert.deepEqual(
      await ids('wordpress', 'tin-tuc'),
      [real.posts.reading, real.posts.swimming, real.posts.road].sort(),
    );
  });

  it('answers related lists from the same portal only, for every strategy', async () => {
    let seen = 0;
    for (const portal of PORTALS) {
      for (const id of [16, 17, 18]) {
        const { status, body } = await siteGet(
          portal,
          `/articles/${id}/related?strategy=category,newer,older,topic&limit=20`,
        );
        assert.equal(status, 200, `${portal} ${id}`);
        for (const item of body.items as Summary[]) {
          assert.equal(held[portal].get(item.id), item.title, `${portal} ${id} → ${item.id}`);
          seen += 1;
        }
      }
    }
    assert.ok(seen > 10, `related lists were not empty (${seen} items)`);
    const related = async (portal: Portal, id: number, strategy: string) =>
      (
        (await siteGet(portal, `/articles/${id}/related?strategy=${strategy}`)).body
          .items as Summary[]
      )
        .map((item) => item.id)
        .sort();
    assert.deepEqual(await related('json', 16, 'category'), [17]);
    assert.deepEqual(await related('nukeviet', 16, 'category'), [17, 18]);
  });

  it("counts a vote on its own portal's article only, and refuses one from another portal's page", async () => {
    const token = async (portal: Portal, origin: string) =>
      fetch(`${API}/api/v1/sites/${SITES[portal].id}/voter-tokens`, {
        method: 'POST',
        headers: { origin },
      });
    const own = await token('wordpress', SITES.wordpress.origin);
    assert.equal(own.status, 201);
    const { token: voter } = (await own.json()) as { token: string };
    const vote = (portal: Portal, origin: string) =>
      fetch(`${API}/api/v1/sites/${SITES[portal].id}/articles/17/votes`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json', 'x-voter-token': voter },
        body: JSON.stringify({ score: 4 }),
      });
    // A NukeViet portal's page voting on the WordPress portal's article 17.
    const refused = await vote('wordpress', SITES.nukeviet.origin);
    assert.equal(refused.status, 403);
    const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'origin-not-allowed');
    assert.match(error.message, /site xa-thu-nghiem/);
    assert.equal((await token('json', SITES.nukeviet.origin)).status, 403);

    assert.equal((await vote('wordpress', SITES.wordpress.origin)).status, 201);
    const counts = await Promise.all(
      PORTALS.map(async (portal) => (await siteGet(portal, '/articles/17/rating')).body.count),
    );
    assert.deepEqual(counts, [1, 0, 0], "the vote is the WordPress portal's article 17's alone");
  });

  it("tells the public whether each portal is current, and the operator each source's address", async () => {
    for (const portal of PORTALS) {
      const { body } = await siteGet(portal, '/status');
      assert.deepEqual(Object.keys(body).sort(), ['articles', 'lastSuccessAt', 'ok', 'site']);
      assert.equal(body.articles, held[portal].size);
    }
    const { body } = await get(`/sites/${SITES.nukeviet.id}/status`, {
      authorization: `Bearer ${STATUS_TOKEN}`,
    });
    const [source] = body.sources as { source: string; articleCount: number }[];
    assert.equal(source.source, `nukeviet ${NUKEVIET}/index.php?language=vi&nv=news&op=rss`);
    assert.equal(source.articleCount, 3);
  });

  describe("each portal's own page in Chromium", () => {
    const pages: Record<Portal, (id: number) => string> = {
      wordpress: (id) => `${real.plain}/?p=${id}`,
      nukeviet: (id) =>
        `${NUKEVIET}/index.php/tin-tuc-dia-phuong/${/^(.*)\.html$/.exec(NUKEVIET_PAGES[id])![1]}-${id}.html`,
      json: (id) => `${JSON_PORTAL}/?id=${id}`,
    };

    // Run in the page as written here: tsx would wrap a function's inner names in a helper the
    // page does not have.
    const WIDGETS = `(() => {
      const root = (tag) => document.querySelector(tag)?.shadowRoot;
      const title = root('article-view')?.querySelector('[part="title"]');
      const rating = root('star-rating')?.querySelector('[part="summary"]');
      const related = [...(root('related-list')?.querySelectorAll('[part="link"]') ?? [])];
      return {
        ready: Boolean(title && rating && related.length),
        title: title?.textContent.trim(),
        rating: rating?.textContent.trim(),
        related: related.map((link) => link.textContent.trim()),
        said: ['article-view', 'star-rating', 'related-list'].map(
          (tag) => tag + ': ' + (root(tag)?.textContent.replace(/\\s+/g, ' ').trim() ?? '(not defined)'),
        ),
      };
    })()`;

    /** What the widgets show: the article's title, the rating's sentence, the related titles. */
    async function shown(page: Page, said: string[]) {
      try {
        // The related list loads once it is scrolled into view, and a portal's page is long:
        // kept in view while the article above it grows.
        await page.waitForFunction(
          `(document.querySelector('related-list')?.scrollIntoView(), ${WIDGETS}.ready)`,
          { timeout: 20_000 },
        );
      } catch (error) {
        // What the page and its widgets said, for whoever reads the failure.
        const widgets = (await page.evaluate(WIDGETS)) as { said: string[] };
        throw new Error(
          `${page.url()}: the widgets did not show (${(error as Error).message})\n${[...widgets.said, ...said].join('\n')}`,
        );
      }
      return (await page.evaluate(WIDGETS)) as { title: string; rating: string; related: string[] };
    }

    /** A new tab that notes what the page says in its console and which API calls failed. */
    async function open(url: string) {
      const page = await browser!.newPage();
      const said: string[] = [];
      page.on('console', (message) => said.push(`console.${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => said.push(`page error: ${(error as Error).message}`));
      page.on('request', (request) => {
        if (request.url().startsWith(API)) said.push(`${request.method()} ${request.url()}`);
      });
      page.on('response', (response) => {
        if (response.url().startsWith(API) && response.status() >= 400)
          said.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return { page, said };
    }

    before(async () => {
      browser = await puppeteer.launch({
        executablePath: findChromium(),
        headless: true,
        args: ['--no-sandbox'],
      });
    });

    for (const portal of PORTALS) {
      it(`${portal}: article 16, its rating and related list are the portal's own`, async () => {
        const { page, said } = await open(pages[portal](16));
        try {
          const { title, rating, related } = await shown(page, said);
          assert.equal(title, held[portal].get(16));
          // The widgets speak the page's language: WordPress was installed in English.
          assert.match(rating, /(: 0 trong 0 đánh giá|has 0 points from 0 ratings)$/);
          const own = new Set(held[portal].values());
          for (const item of related) assert.ok(own.has(item), `${portal} shows "${item}"`);
          assert.deepEqual(
            said.filter((line) => /^\d{3} /.test(line)),
            [],
          );
        } finally {
          await page.close();
        }
      });
    }

    it("a vote on the JSON portal's page counts there and nowhere else; its page cannot vote on another portal", async () => {
      const { page, said } = await open(pages.json(18));
      try {
        await shown(page, said);
        const sent = page.waitForResponse(
          (response) =>
            response.url() === `${API}/api/v1/sites/${SITES.json.id}/articles/18/votes` &&
            response.request().method() === 'POST',
          { timeout: 10_000 },
        );
        // As a pointer clicks a star: on its radio, which lies over the picture.
        await page.evaluate(`(() => {
          const radio = document.querySelector('star-rating').shadowRoot
            .querySelectorAll('input[type="radio"]')[4];
          radio.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
          radio.click();
        })()`);
        const answer = await sent.catch(async (error: Error) => {
          const widgets = (await page.evaluate(WIDGETS)) as { said: string[] };
          throw new Error(`${error.message}\n${[...widgets.said, ...said].join('\n')}`);
        });
        assert.equal(answer.status(), 201);
        const counts = await Promise.all(
          PORTALS.map(async (portal) => (await siteGet(portal, '/articles/18/rating')).body.count),
        );
        assert.deepEqual(counts, [0, 0, 1]);

        // The same page voting on the NukeViet portal's article 18, as its widgets would (a
        // voter token, JSON): the browser's preflight is refused, so the vote is never sent; a
        // bare request for a voter token is answered 403 (above) and gives the page nothing.
        const elsewhere = `${API}/api/v1/sites/${SITES.nukeviet.id}`;
        const attempts = await page.evaluate(`Promise.all([
          fetch('${elsewhere}/articles/18/votes', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-voter-token': 'x' },
            body: JSON.stringify({ score: 1 }),
          }),
          fetch('${elsewhere}/voter-tokens', { method: 'POST' }),
        ].map((request) => request.then((answer) => 'read ' + answer.status, (error) => error.name)))`);
        assert.deepEqual(attempts, ['TypeError', 'TypeError']);
        assert.equal((await siteGet('nukeviet', '/articles/18/rating')).body.count, 0);
      } finally {
        await page.close();
      }
    });
  });
});
