import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { databaseKind, openDatabase } from '../db.js';
import { parseJson, storeArticles, type ImportedArticle } from '../import/import.js';
import { migrate } from '../migrations.js';
import { DEMO_ORIGIN, seedDemo } from '../demo/seed.js';
import { SEED_ARTICLES } from '../demo/seed-data.js';
import { settingsFromEnv, startServer, type ServerSettings } from '../start.js';
import { DATABASES, openEmptyDatabase } from './harness.js';

/** A portal's article whose own id (12) is one the demo uses too. */
function portalArticles(ids: number[], site = 'xa-mau'): ImportedArticle[] {
  return parseJson(
    JSON.stringify({
      articles: ids.map((id) => ({
        id,
        slug: `${site}-bai-${id}`,
        title: `Tin của ${site} số ${id}`,
        bodyHtml: `<p>Nội dung bài ${id} của ${site}.</p>`,
        category: { id: 'tin-xa', name: 'Tin xã' },
        publishedAt: `2026-11-${10 + (id % 15)}T02:00:00Z`,
      })),
    }),
  );
}

async function getJson(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('demo or real data: which the server starts with', () => {
  let folder: string;
  let settings: ServerSettings;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'portal-widgets-lifecycle-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));
  const fresh = (name: string): ServerSettings => ({
    ...settingsFromEnv({}),
    databaseUrl: `sqlite:${join(folder, name, 'widgets.sqlite')}`,
    port: 0,
  });

  it('demo only for the embedded default database or DEMO=1, never for DATABASE_URL alone', () => {
    assert.equal(settingsFromEnv({}).demo, true);
    assert.equal(settingsFromEnv({ DATABASE_URL: 'postgres://w:w@db/widgets' }).demo, false);
    assert.equal(settingsFromEnv({ DATABASE_URL: 'sqlite:/srv/w.sqlite' }).demo, false);
    assert.equal(settingsFromEnv({ DATABASE_URL: 'postgres://w:w@db/w', DEMO: '1' }).demo, true);
    assert.equal(settingsFromEnv({ DEMO: '0' }).demo, false);
    assert.equal(settingsFromEnv({ NODE_ENV: 'production' }).demo, false);
    assert.equal(settingsFromEnv({ NODE_ENV: 'production', DEMO: '1' }).demo, true);
    assert.throws(() => settingsFromEnv({ DEMO: 'maybe' }), /DEMO="maybe"/);
  });

  it('refuses a DATABASE_URL of another kind in one line, without naming its password', () => {
    assert.throws(
      () => settingsFromEnv({ DATABASE_URL: 'mysql://root:hunter2@db/widgets' }),
      (error: Error) =>
        /DATABASE_URL starts with "mysql:".*sqlite:.*postgres:\/\//.test(error.message) &&
        !error.message.includes('hunter2') &&
        !error.message.includes('\n'),
    );
    assert.equal(
      settingsFromEnv({ DATABASE_URL: './widgets.sqlite' }).databaseUrl,
      './widgets.sqlite',
    );
    // Never opened as a SQLite file named after a PostgreSQL address.
    assert.throws(() => settingsFromEnv({ DATABASE_URL: 'postgres:widgets' }), /"postgres:"/);
    assert.equal(databaseKind('POSTGRES://w:w@db/widgets'), 'postgres');
    assert.equal(databaseKind('PostgreSQL://w:w@db/widgets'), 'postgres');
    assert.equal(databaseKind('C:\\data\\widgets.sqlite'), 'sqlite');
  });

  it('import, then start: the portal ids stay, no demo article is added', async () => {
    settings = fresh('import-first');
    const { db } = openDatabase(settings.databaseUrl);
    await migrate(db);
    await storeArticles(db, 'json', portalArticles([1, 12, 30]));
    await db.destroy();

    const server = await startServer(settings);
    try {
      assert.deepEqual(server.demoSeed, { status: 'has-real-articles' });
      const article = await getJson(`${server.url}/api/v1/articles/12`);
      assert.equal(article.status, 200);
      assert.equal(article.body.title, 'Tin của xa-mau số 12');
      const list = await getJson(`${server.url}/api/v1/articles?limit=50`);
      assert.deepEqual(
        (list.body.items as { id: number }[]).map(({ id }) => id).sort((a, b) => a - b),
        [1, 12, 30],
      );
    } finally {
      await server.close();
    }
  });

  it('start, vote, then import: the portal ids replace the demo articles and their votes', async () => {
    settings = fresh('start-first');
    let server = await startServer(settings);
    assert.deepEqual(server.demoSeed, { status: 'seeded', inserted: SEED_ARTICLES.length });
    const { token } = (await (
      await fetch(`${server.url}/api/v1/voter-tokens`, { method: 'POST' })
    ).json()) as { token: string };
    const voted = await fetch(`${server.url}/api/v1/articles/12/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-voter-token': token },
      body: JSON.stringify({ score: 4 }),
    });
    assert.equal(voted.status, 201);
    const counts = await storeArticles(server.connection.db, 'json', portalArticles([12]));
    assert.deepEqual(counts, {
      inserted: 1,
      updated: 0,
      unchanged: 0,
      demoRemoved: SEED_ARTICLES.length,
    });
    const article = await getJson(`${server.url}/api/v1/articles/12`);
    assert.equal(article.body.title, 'Tin của xa-mau số 12');
    assert.deepEqual(article.body.rating, {
      articleId: 12,
      total: 0,
      count: 0,
      average: 0,
      open: true,
    });
    await server.close();

    server = await startServer(settings);
    try {
      assert.deepEqual(server.demoSeed, { status: 'has-real-articles' });
      const list = await getJson(`${server.url}/api/v1/articles?limit=50`);
      assert.deepEqual(
        (list.body.items as { id: number }[]).map(({ id }) => id),
        [12],
      );
    } finally {
      await server.close();
    }
  });

  it('a database named by DATABASE_URL starts empty, with no demo routes', async () => {
    settings = { ...fresh('production'), demo: false };
    const server = await startServer(settings);
    try {
      assert.equal(server.demoSeed, undefined);
      const list = await getJson(`${server.url}/api/v1/articles`);
      assert.deepEqual(list.body.items, []);
      const demoBackend = await fetch(`${server.url}/demo-backends/down/api/v1/articles/1`);
      assert.equal(demoBackend.status, 404);
    } finally {
      await server.close();
    }
  });
});

for (const database of DATABASES) {
  describe(`source ids on ${database.name}`, () => {
    it('two sources with the same id are refused whole, naming both; an id offset separates them', async () => {
      const { db } = await openEmptyDatabase(database.url);
      try {
        await migrate(db);
        await seedDemo(db);
        await storeArticles(db, 'rss:xa-a.example.gov.vn', portalArticles([7, 8], 'xa-a'));
        await assert.rejects(
          storeArticles(db, 'rss:xa-b.example.gov.vn', portalArticles([8, 9], 'xa-b')),
          /id 8 \("Tin của xa-b số 8"\) is taken by rss:xa-a\.example\.gov\.vn 8.*--id-offset/,
        );
        const afterRefusal = await db.selectFrom('articles').select(['id', 'origin']).execute();
        assert.deepEqual(
          afterRefusal.map(({ id }) => Number(id)).sort((a, b) => a - b),
          [7, 8],
          'nothing of the refused source was written',
        );
        assert.ok(afterRefusal.every(({ origin }) => origin !== DEMO_ORIGIN));

        await storeArticles(db, 'rss:xa-b.example.gov.vn', portalArticles([8, 9], 'xa-b'), {
          idOffset: 1_000_000,
        });
        const ids = await db.selectFrom('articles').select('id').orderBy('id').execute();
        assert.deepEqual(
          ids.map(({ id }) => Number(id)),
          [7, 8, 1_000_008, 1_000_009],
        );
        assert.deepEqual(await seedDemo(db), { status: 'has-real-articles' });
      } finally {
        await db.destroy();
      }
    });

    it('articles without a source id take the next free ids, past those just given in the same import', async () => {
      const { db } = await openEmptyDatabase(database.url);
      try {
        await migrate(db);
        const [first, second] = portalArticles([3, 4], 'xa-c');
        const unnumbered = (article: ImportedArticle, originId: string) => ({
          ...article,
          sourceId: undefined,
          originId,
          slug: `xa-c-${originId}`,
        });
        const counts = await storeArticles(db, 'rss:xa-c.example.gov.vn', [
          unnumbered(first, 'a'),
          { ...second, sourceId: 2 },
          unnumbered(second, 'b'),
          unnumbered(first, 'c'),
        ]);
        assert.equal(counts.inserted, 4);
        const ids = await db.selectFrom('articles').select('id').orderBy('id').execute();
        assert.deepEqual(
          ids.map(({ id }) => Number(id)),
          [1, 2, 3, 4],
        );
      } finally {
        await db.destroy();
      }
    });
  });
}
