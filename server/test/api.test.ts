import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CATEGORIES, SEED_ARTICLES, TOPICS } from '../demo/seed-data.js';
import { seedDemo } from '../demo/seed.js';
import { countWords, readingMinutes } from '../../src/model/portal-model.js';
import { ArticleRepository } from '../repository.js';
import { createHarness, DATABASES, newToken, vote, type Harness } from './harness.js';

interface Summary {
  id: number;
  title: string;
  publishedAt: string;
  category: { id: string };
}

for (const database of DATABASES) {
  describe(`widgets API on ${database.name}`, () => {
    let harness: Harness;
    before(async () => {
      harness = await createHarness(database.url, {
        voteRateLimit: { max: 1000, windowMs: 60_000 },
      });
    });
    after(() => harness.close());

    const get = (url: string, headers: Record<string, string> = {}) =>
      harness.app.inject({ method: 'GET', url, headers });

    it('is seeded with our articles in every category and topic, once', async () => {
      const counts = await harness.connection.db
        .selectFrom('articles')
        .select((eb) => [eb.fn.countAll<number>().as('n')])
        .executeTakeFirstOrThrow();
      assert.equal(Number(counts.n), SEED_ARTICLES.length);
      assert.ok(SEED_ARTICLES.length >= 24);
      assert.ok(CATEGORIES.length >= 4 && TOPICS.length >= 3);
      assert.deepEqual(
        await seedDemo(harness.connection.db),
        { status: 'seeded', inserted: 0 },
        'seeding again adds nothing',
      );
    });

    it('serves one article with its rating summary and its image on the server', async () => {
      const response = await get('/api/v1/articles/1');
      assert.equal(response.statusCode, 200);
      const article = response.json();
      assert.equal(article.title, SEED_ARTICLES[0].title);
      assert.match(article.bodyHtml, /^<p>/);
      assert.equal(article.category.name, 'Kinh tế');
      assert.equal(article.topic.id, 'chuyen-doi-so');
      assert.match(article.image.url, /^\/media\/seed\/.+\.svg$/);
      assert.deepEqual(article.rating, {
        articleId: 1,
        total: 0,
        count: 0,
        average: 0,
        open: true,
      });
      assert.ok(article.readingMinutes >= 1);
      assert.deepEqual(article.voices, []);
    });

    it('gives the reading time from the words counted when the article was written', async () => {
      const { db } = harness.connection;
      const stored = await db
        .selectFrom('articles')
        .select(['word_count', 'body_html'])
        .where('id', '=', 3)
        .executeTakeFirstOrThrow();
      assert.equal(stored.word_count, countWords(stored.body_html), 'counted by the seed');
      const minutes = async () => (await get('/api/v1/articles/3')).json().readingMinutes;
      try {
        // The stored count is what the answer uses, not the body…
        await db.updateTable('articles').set({ word_count: 1000 }).where('id', '=', 3).execute();
        assert.equal(await minutes(), 5);
        // …and a row an older release wrote, with no count, is counted as it is read.
        await db.updateTable('articles').set({ word_count: null }).where('id', '=', 3).execute();
        assert.equal(await minutes(), readingMinutes(countWords(stored.body_html)));
      } finally {
        await db
          .updateTable('articles')
          .set({ word_count: stored.word_count })
          .where('id', '=', 3)
          .execute();
      }
    });

    it('serves an article’s recorded voices in their order', async () => {
      const repository = new ArticleRepository(harness.connection.db);
      const voices = [
        { id: '2', title: 'Giọng nam miền Nam', url: 'https://xa.example.gov.vn/2/nam.mp3' },
        { id: '1', title: 'Giọng nữ miền Bắc', url: 'https://xa.example.gov.vn/2/nu.mp3' },
      ];
      await repository.setVoices(2, voices);
      assert.deepEqual((await get('/api/v1/articles/2')).json().voices, voices);
      await repository.setVoices(2, voices.slice(1));
      assert.deepEqual((await get('/api/v1/articles/2')).json().voices, voices.slice(1));
      await repository.setVoices(2, []);
    });

    it('answers errors as JSON with the right 4xx', async () => {
      const cases: [string, number, string][] = [
        ['/api/v1/articles/999', 404, 'not-found'],
        ['/api/v1/articles/abc', 400, 'invalid'],
        ['/api/v1/articles/0', 400, 'invalid'],
        ['/api/v1/articles/1/related?strategy=tags', 400, 'invalid'],
        ['/api/v1/articles?limit=500', 400, 'invalid'],
        ['/api/v1/articles?cursor=bm9wZQ', 400, 'invalid'],
        ['/api/v1/nothing-here', 404, 'no-route'],
        ['/api/articles/1', 404, 'no-route'],
      ];
      for (const [url, status, code] of cases) {
        const response = await get(url);
        assert.equal(response.statusCode, status, url);
        assert.equal(response.json().error.code, code, url);
        assert.equal(typeof response.json().error.message, 'string');
      }
    });

    it('lists every article once, newest first, page by page', async () => {
      const seen: Summary[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page = (await get(`/api/v1/articles?limit=7${query}`)).json();
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(new Set(seen.map(({ id }) => id)).size, SEED_ARTICLES.length);
      const dates = seen.map(({ publishedAt }) => publishedAt);
      assert.deepEqual(dates, [...dates].sort().reverse());
      const inCategory = (await get('/api/v1/articles?category=y-te&limit=50')).json()
        .items as Summary[];
      assert.ok(inCategory.length >= 3);
      assert.ok(inCategory.every(({ category }) => category.id === 'y-te'));
    });

    it('gives related articles for every strategy, never the article itself', async () => {
      // Article 12 (y-te, sot-xuat-huyet) sits in the middle of its category.
      const related = async (strategy: string) =>
        (await get(`/api/v1/articles/12/related?strategy=${strategy}&limit=10`)).json()
          .items as Summary[];
      const self = (await get('/api/v1/articles/12')).json();
      for (const strategy of ['topic', 'newer', 'older', 'category']) {
        const items = await related(strategy);
        assert.ok(items.length > 0, strategy);
        assert.ok(
          items.every(({ id }) => id !== 12),
          strategy,
        );
      }
      const newer = await related('newer');
      assert.ok(newer.every(({ publishedAt }) => publishedAt > self.publishedAt));
      assert.deepEqual(
        newer.map(({ publishedAt }) => publishedAt),
        newer.map(({ publishedAt }) => publishedAt).sort(),
      );
      const older = await related('older');
      assert.ok(older.every(({ publishedAt }) => publishedAt < self.publishedAt));
      const topicIds = new Set(
        SEED_ARTICLES.flatMap((article, index) =>
          article.topic === 'sot-xuat-huyet' ? [index + 1] : [],
        ),
      );
      assert.ok((await related('topic')).every(({ id }) => topicIds.has(id)));
      const limited = (await get('/api/v1/articles/12/related?strategy=category&limit=2')).json()
        .items;
      assert.equal(limited.length, 2);
    });

    it('counts one vote per voter token and answers a repeat with 409 and the summary', async () => {
      const token = await newToken(harness.app);
      const first = await vote(harness.app, 2, 4, token);
      assert.equal(first.statusCode, 201);
      assert.deepEqual(first.json(), {
        articleId: 2,
        total: 4,
        count: 1,
        average: 4,
        open: true,
        yourScore: 4,
      });
      const repeat = await vote(harness.app, 2, 1, token);
      assert.equal(repeat.statusCode, 409);
      assert.equal(repeat.json().error.code, 'already-voted');
      assert.deepEqual(repeat.json().error.summary, first.json());
      const mine = await get('/api/v1/articles/2/rating', { 'x-voter-token': token });
      assert.equal(mine.json().yourScore, 4);
      assert.match(String(mine.headers['cache-control']), /private/);
      const anyone = await get('/api/v1/articles/2/rating');
      assert.equal(anyone.json().yourScore, undefined);
    });

    it('refuses votes without a genuine token, out of range, or on a closed article', async () => {
      const token = await newToken(harness.app);
      assert.equal((await vote(harness.app, 3, 5)).json().error.code, 'invalid-token');
      const forged = `${token.split('.')[0]}.AAAA`;
      assert.equal((await vote(harness.app, 3, 5, forged)).statusCode, 401);
      for (const score of [0, 6, 2.5, 'năm', null]) {
        const response = await vote(harness.app, 3, score, token);
        assert.equal(response.statusCode, 400, String(score));
      }
      assert.equal((await vote(harness.app, 999, 5, token)).statusCode, 404);
      await harness.connection.db
        .updateTable('articles')
        .set({ rating_open: 0 })
        .where('id', '=', 4)
        .execute();
      const closed = await vote(harness.app, 4, 5, token);
      assert.equal(closed.statusCode, 409);
      assert.equal(closed.json().error.code, 'rating-closed');
      const summary = (await get('/api/v1/articles/3/rating')).json();
      assert.equal(summary.count, 0, 'no refused vote was stored');
    });

    it('keeps exact counts with 20 concurrent voters and their repeats', async () => {
      const tokens = await Promise.all(Array.from({ length: 20 }, () => newToken(harness.app)));
      const scores = tokens.map((_, index) => (index % 5) + 1);
      const responses = await Promise.all(
        [...tokens, ...tokens].map((token, index) =>
          vote(harness.app, 5, scores[index % 20], token),
        ),
      );
      const statuses = responses.map(({ statusCode }) => statusCode).sort();
      assert.deepEqual(statuses, [...Array(20).fill(201), ...Array(20).fill(409)]);
      const summary = (await get('/api/v1/articles/5/rating')).json();
      assert.equal(summary.count, 20);
      assert.equal(
        summary.total,
        scores.reduce((sum, score) => sum + score, 0),
      );
      const rows = await harness.connection.db
        .selectFrom('votes')
        .selectAll()
        .where('article_id', '=', 5)
        .execute();
      assert.equal(rows.length, 20);
    });

    it('lets HTTP caches serve reads: ETag, 304 and stale-while-revalidate', async () => {
      const first = await get('/api/v1/articles/6');
      assert.match(String(first.headers['cache-control']), /public.*stale-while-revalidate/);
      const etag = String(first.headers.etag);
      assert.ok(etag);
      const again = await get('/api/v1/articles/6', { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
    });

    it('answers CORS only for allowed origins', async () => {
      const allowed = await get('/api/v1/articles/1', { origin: 'https://portal.example.gov.vn' });
      assert.equal(allowed.headers['access-control-allow-origin'], 'https://portal.example.gov.vn');
      const other = await get('/api/v1/articles/1', { origin: 'https://elsewhere.example' });
      assert.equal(other.headers['access-control-allow-origin'], undefined);
      const preflight = await harness.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/articles/1/votes',
        headers: {
          origin: 'https://portal.example.gov.vn',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-voter-token',
        },
      });
      assert.equal(preflight.statusCode, 204);
      assert.match(String(preflight.headers['access-control-allow-headers']), /x-voter-token/);
    });

    it('describes itself in OpenAPI', async () => {
      const document = (await get('/api/v1/openapi.json')).json();
      assert.match(document.openapi, /^3\./);
      for (const path of [
        '/api/v1/articles',
        '/api/v1/articles/{id}',
        '/api/v1/articles/{id}/related',
        '/api/v1/articles/{id}/rating',
        '/api/v1/articles/{id}/votes',
        '/api/v1/voter-tokens',
      ]) {
        assert.ok(document.paths[path], path);
      }
      assert.ok(document.components.schemas.RatingSummary ?? document.components.schemas['def-0']);
      const article = document.paths['/api/v1/articles/{id}'].get.responses['200'];
      const voice = article.content['application/json'].schema.properties.voices.items;
      assert.deepEqual(voice.required, ['id', 'title', 'url']);
    });

    it('reports health', async () => {
      const response = await get('/healthz');
      assert.deepEqual(response.json(), { status: 'ok' });
    });
  });
}

describe('vote rate limit', () => {
  it('answers 429 past the limit for one address, without storing the address', async () => {
    const harness = await createHarness('sqlite::memory:', {
      voteRateLimit: { max: 3, windowMs: 60_000 },
    });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push((await vote(harness.app, 7, 5, await newToken(harness.app))).statusCode);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      const tables = await harness.connection.db.introspection.getTables();
      const columns = tables.flatMap((table) => table.columns.map((column) => column.name));
      assert.ok(!columns.some((name) => /ip|address/i.test(name)), 'no column holds an address');
    } finally {
      await harness.close();
    }
  });

  it('believes X-Forwarded-For only from a trusted proxy', async () => {
    // Each vote claims another address; only behind a trusted proxy is that the visitor's.
    const statuses = async (trustProxy?: string) => {
      const harness = await createHarness('sqlite::memory:', {
        voteRateLimit: { max: 2, windowMs: 60_000 },
        ...(trustProxy ? { trustProxy } : {}),
      });
      try {
        const result = [];
        for (let i = 1; i <= 4; i += 1) {
          const answer = await harness.app.inject({
            method: 'POST',
            url: '/api/v1/articles/7/votes',
            remoteAddress: '127.0.0.1',
            headers: {
              'x-voter-token': await newToken(harness.app),
              'x-forwarded-for': `203.0.113.${i}`,
            },
            payload: { score: 4 },
          });
          result.push(answer.statusCode);
        }
        return result;
      } finally {
        await harness.close();
      }
    };
    assert.deepEqual(await statuses(), [201, 201, 429, 429]);
    assert.deepEqual(await statuses('127.0.0.1'), [201, 201, 201, 201]);
  });
});
