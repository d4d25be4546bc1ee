import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseJson, storeArticles } from '../import/import.js';
import { SiteOrigins } from '../sites.js';
import { createHarness, DATABASES, type Harness } from './harness.js';

const XA_A = 'https://xa-hoa-binh.example.gov.vn';
const XA_B = 'https://xa-an-phu.example.gov.vn';

/** A commune's articles: the same category and topic names, and ids, as the other commune's. */
function communeArticles(site: string, ids: number[]) {
  return parseJson(
    JSON.stringify({
      articles: ids.map((id) => ({
        id,
        slug: `bai-${id}`,
        title: `${site}: bài ${id}`,
        bodyHtml: `<p>Tin của ${site}.</p>`,
        category: { id: 'tin-tuc', name: 'Tin tức' },
        topic: { id: 'chuyen-doi-so', name: 'Chuyển đổi số' },
        publishedAt: `2026-11-${String(10 + id).padStart(2, '0')}T02:00:00Z`,
      })),
    }),
  );
}

interface Listed {
  id: number;
  title: string;
}

for (const database of DATABASES) {
  describe(`sites on ${database.name}`, () => {
    let harness: Harness;
    before(async () => {
      harness = await createHarness(database.url, {
        allowedOrigins: [],
        siteOrigins: new SiteOrigins(
          [],
          [
            { id: 'xa-hoa-binh', name: 'Xã Hòa Bình', origins: [XA_A] },
            { id: 'xa-an-phu', name: 'Xã An Phú', origins: [XA_B] },
          ],
        ),
        voteRateLimit: { max: 1000, windowMs: 60_000 },
      });
      const { db } = harness.connection;
      await storeArticles(db, 'rss:xa-hoa-binh', communeArticles('xa-hoa-binh', [7, 8, 12]), {
        site: 'xa-hoa-binh',
      });
      await storeArticles(db, 'rss:xa-an-phu', communeArticles('xa-an-phu', [8, 12, 15]), {
        site: 'xa-an-phu',
      });
    });
    after(() => harness.close());

    const request = (
      method: 'GET' | 'POST' | 'OPTIONS',
      url: string,
      headers: Record<string, string> = {},
      payload?: object,
    ) => harness.app.inject({ method, url, headers, payload });
    const titles = (items: Listed[]) => items.map(({ title }) => title);

    it('keeps each portal its own ids: article 12 of each site is its own', async () => {
      const a = await request('GET', '/api/v1/sites/xa-hoa-binh/articles/12');
      const b = await request('GET', '/api/v1/sites/xa-an-phu/articles/12');
      assert.equal(a.json().title, 'xa-hoa-binh: bài 12');
      assert.equal(b.json().title, 'xa-an-phu: bài 12');
      assert.equal(
        (await request('GET', '/api/v1/sites/xa-an-phu/articles/7')).json().error.code,
        'not-found',
      );
    });

    it('never crosses sites in lists, related lists, category and topic filters', async () => {
      const list = await request('GET', '/api/v1/sites/xa-hoa-binh/articles?limit=50');
      assert.deepEqual(titles(list.json().items), [
        'xa-hoa-binh: bài 12',
        'xa-hoa-binh: bài 8',
        'xa-hoa-binh: bài 7',
      ]);
      const byCategory = await request(
        'GET',
        '/api/v1/sites/xa-an-phu/articles?category=tin-tuc&limit=50',
      );
      assert.deepEqual(titles(byCategory.json().items), [
        'xa-an-phu: bài 15',
        'xa-an-phu: bài 12',
        'xa-an-phu: bài 8',
      ]);
      for (const strategy of ['topic', 'newer', 'older', 'category']) {
        const related = await request(
          'GET',
          `/api/v1/sites/xa-hoa-binh/articles/8/related?strategy=${strategy}&limit=20`,
        );
        assert.equal(related.statusCode, 200);
        for (const title of titles(related.json().items)) {
          assert.match(title, /^xa-hoa-binh: /, `${strategy} stays in the site`);
        }
      }
      const topic = await request(
        'GET',
        '/api/v1/sites/xa-hoa-binh/articles/8/related?strategy=topic&limit=20',
      );
      assert.deepEqual(titles(topic.json().items), ['xa-hoa-binh: bài 12', 'xa-hoa-binh: bài 7']);
    });

    it('keeps each site its own recorded voices for the same article id', async () => {
      const { db } = harness.connection;
      // Article 12 of each commune, as communeArticles writes it, with recordings this time.
      const withVoice = (site: string, voices: object[]) => ({
        id: 12,
        slug: 'bai-12',
        title: `${site}: bài 12`,
        bodyHtml: `<p>Tin của ${site}.</p>`,
        category: { id: 'tin-tuc', name: 'Tin tức' },
        topic: { id: 'chuyen-doi-so', name: 'Chuyển đổi số' },
        publishedAt: '2026-11-22T02:00:00Z',
        voices,
      });
      const voice = (site: string) => ({
        id: '1',
        title: `Giọng đọc ${site}`,
        url: `https://${site}.example.gov.vn/uploads/news/bai-12.mp3`,
      });
      for (const site of ['xa-hoa-binh', 'xa-an-phu'])
        await storeArticles(
          db,
          `rss:${site}`,
          parseJson(JSON.stringify({ articles: [withVoice(site, [voice(site)])] })),
          { site },
        );
      const voicesOf = async (site: string) =>
        (await request('GET', `/api/v1/sites/${site}/articles/12`)).json().voices;
      assert.deepEqual(await voicesOf('xa-hoa-binh'), [voice('xa-hoa-binh')]);
      assert.deepEqual(await voicesOf('xa-an-phu'), [voice('xa-an-phu')]);
      await storeArticles(
        db,
        'rss:xa-an-phu',
        parseJson(JSON.stringify({ articles: [withVoice('xa-an-phu', [])] })),
        { site: 'xa-an-phu' },
      );
      assert.deepEqual(await voicesOf('xa-an-phu'), []);
      assert.deepEqual(
        await voicesOf('xa-hoa-binh'),
        [voice('xa-hoa-binh')],
        'the other site keeps its own',
      );
    });

    it('serves the default site at the old addresses, and lists the sites', async () => {
      const old = await request('GET', '/api/v1/articles/12');
      const scoped = await request('GET', '/api/v1/sites/default/articles/12');
      assert.equal(old.statusCode, 200);
      assert.deepEqual(old.json(), scoped.json());
      assert.doesNotMatch(old.json().title, /^xa-/);
      assert.equal(old.headers['x-portal-sites'], '3', 'a page naming no site can be told');
      assert.equal(scoped.headers['x-portal-sites'], undefined);
      const sites = await request('GET', '/api/v1/sites');
      assert.deepEqual(
        sites.json().items.map(({ id }: { id: string }) => id),
        ['default', 'xa-an-phu', 'xa-hoa-binh'],
      );
    });

    it('says which site is missing, and refuses a malformed site id', async () => {
      const missing = await request('GET', '/api/v1/sites/xa-khong-co/articles/12');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().error.code, 'no-site');
      assert.match(missing.json().error.message, /xa-khong-co.*\/api\/v1\/sites/);
      const malformed = await request('GET', '/api/v1/sites/Xa_A/articles/12');
      assert.equal(malformed.statusCode, 400);
      assert.equal(malformed.json().error.code, 'invalid');
    });

    it("lets only a site's own pages vote, take tokens or read as a voter", async () => {
      const token = (
        await request('POST', '/api/v1/sites/xa-hoa-binh/voter-tokens', { origin: XA_A })
      ).json().token as string;
      assert.equal(typeof token, 'string');
      const tokenFromB = await request('POST', '/api/v1/sites/xa-hoa-binh/voter-tokens', {
        origin: XA_B,
      });
      assert.equal(tokenFromB.statusCode, 403);
      assert.equal(tokenFromB.json().error.code, 'origin-not-allowed');

      const voteFrom = (origin: string, site: string) =>
        request(
          'POST',
          `/api/v1/sites/${site}/articles/12/votes`,
          { origin, 'x-voter-token': token },
          { score: 5 },
        );
      const refused = await voteFrom(XA_B, 'xa-hoa-binh');
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'origin-not-allowed');
      assert.match(refused.json().error.message, /xa-hoa-binh/);
      assert.equal((await voteFrom(XA_A, 'xa-hoa-binh')).statusCode, 201);
      // The same token and id on the other site is another article: its own vote, its own count.
      assert.equal((await voteFrom(XA_A, 'xa-an-phu')).statusCode, 403);
      assert.equal((await voteFrom(XA_B, 'xa-an-phu')).statusCode, 201);
      for (const site of ['xa-hoa-binh', 'xa-an-phu']) {
        const rating = await request('GET', `/api/v1/sites/${site}/articles/12/rating`);
        assert.equal(rating.json().count, 1, site);
      }
      assert.equal(
        (await request('GET', '/api/v1/articles/12/rating')).json().count,
        0,
        'the default site has its own article 12',
      );

      const personal = await request('GET', '/api/v1/sites/xa-hoa-binh/articles/12', {
        origin: XA_B,
        'x-voter-token': token,
      });
      assert.equal(personal.statusCode, 403);
      assert.equal(personal.json().error.code, 'origin-not-allowed');
      const own = await request('GET', '/api/v1/sites/xa-hoa-binh/articles/12/rating', {
        origin: XA_A,
        'x-voter-token': token,
      });
      assert.equal(own.json().yourScore, 5);
      const anonymous = await request('GET', '/api/v1/sites/xa-hoa-binh/articles/12', {
        origin: XA_B,
      });
      assert.equal(anonymous.statusCode, 200, 'reads stay public');
    });

    it("answers a site's preflight for its own pages only", async () => {
      const preflight = (origin: string, site: string) =>
        request('OPTIONS', `/api/v1/sites/${site}/articles/12/votes`, {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-voter-token',
        });
      const own = await preflight(XA_A, 'xa-hoa-binh');
      assert.equal(own.headers['access-control-allow-origin'], XA_A);
      const other = await preflight(XA_B, 'xa-hoa-binh');
      assert.equal(other.headers['access-control-allow-origin'], undefined);
      const oldPath = await request('OPTIONS', '/api/v1/articles/12/votes', {
        origin: XA_A,
        'access-control-request-method': 'POST',
      });
      assert.equal(oldPath.headers['access-control-allow-origin'], undefined);
    });

    it('describes the site addresses in the OpenAPI description', async () => {
      const { paths } = (await request('GET', '/api/v1/openapi.json')).json();
      for (const path of [
        '/api/v1/sites/{site}/articles',
        '/api/v1/sites/{site}/articles/{id}',
        '/api/v1/sites/{site}/articles/{id}/related',
        '/api/v1/sites/{site}/articles/{id}/rating',
        '/api/v1/sites/{site}/articles/{id}/votes',
        '/api/v1/sites/{site}/voter-tokens',
        '/api/v1/sites',
        '/api/v1/articles/{id}',
      ]) {
        assert.ok(paths[path], path);
      }
      const site = paths['/api/v1/sites/{site}/articles/{id}'].get.parameters.find(
        (parameter: { name: string }) => parameter.name === 'site',
      );
      assert.equal(site.in, 'path');
    });

    it('keeps two portals apart on import: the same id in two sites is no collision', async () => {
      const counts = await storeArticles(
        harness.connection.db,
        'rss:xa-an-phu',
        communeArticles('xa-an-phu', [7]),
        { site: 'xa-an-phu' },
      );
      assert.equal(counts.inserted, 1);
      await assert.rejects(
        storeArticles(harness.connection.db, 'json', communeArticles('x', [1]), { site: 'Xã A' }),
        /Site "Xã A" is not a site id/,
      );
    });
  });
}

describe('the script-tag files for every portal', () => {
  it("may be loaded as modules by any portal's page, whatever its site", async () => {
    const staticRoot = mkdtempSync(join(tmpdir(), 'pw-cdn-'));
    mkdirSync(join(staticRoot, 'cdn'));
    writeFileSync(join(staticRoot, 'cdn', 'portal-widgets.js'), 'export {};\n');
    // A server whose sites all list their origins: the files are still the same for everyone.
    const harness = await createHarness('sqlite::memory:', {
      staticRoot,
      demo: false,
      siteOrigins: new SiteOrigins(
        [XA_A],
        [{ id: 'xa-an-phu', name: 'Xã An Phú', origins: [XA_B] }],
      ),
    });
    try {
      for (const origin of [XA_A, XA_B, 'https://xa-khac.example.gov.vn']) {
        const answer = await harness.app.inject({
          url: '/cdn/portal-widgets.js',
          headers: { origin },
        });
        assert.equal(answer.statusCode, 200, origin);
        assert.equal(answer.headers['access-control-allow-origin'], '*', origin);
      }
      // The API itself still answers only each site's own origins.
      const api = await harness.app.inject({
        url: '/api/v1/sites/xa-an-phu/articles',
        headers: { origin: XA_A },
      });
      assert.equal(api.headers['access-control-allow-origin'], undefined);
    } finally {
      await harness.close();
      rmSync(staticRoot, { recursive: true, force: true });
    }
  });
});
