import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { countWords } from '../../src/model/portal-model.js';
import { openDatabase } from '../db.js';
import { migrate } from '../migrations.js';
import { ArticleRepository } from '../repository.js';
import { DEFAULT_SITE } from '../sites.js';
import { DATABASES, openEmptyDatabase } from './harness.js';

/** Tables as an older release had them, which the current types do not describe. */
type Untyped = Record<string, Record<string, unknown>>;

/** The last migration before sites: the schema every database written until now has. */
const BEFORE_SITES = '2026-11-29-rate-limits-and-list-indexes';

/** A row of every kind the code before sites wrote: demo, imported with and without an offset, voted on. */
async function writeAsBeforeSites(db: Kysely<Untyped>) {
  await db
    .insertInto('categories')
    .values([
      { id: 'tin-tuc', name: 'Tin tức' },
      { id: 'kinh-te', name: 'Kinh tế' },
    ])
    .execute();
  await db.insertInto('topics').values({ id: 'chuyen-doi-so', name: 'Chuyển đổi số' }).execute();
  const article = (id: number, origin: string, extra: Record<string, unknown> = {}) => ({
    id,
    slug: `bai-${id}`,
    title: `Bài số ${id}`,
    lead: `Tóm tắt bài ${id}`,
    body_html: `<p>Nội dung bài ${id}</p>`,
    image_url: id % 2 ? `/media/anh-${id}.jpg` : null,
    image_alt: 'Ảnh minh hoạ',
    image_caption: '',
    author: 'Ban biên tập',
    source_name: origin,
    category_id: id > 100 ? 'kinh-te' : 'tin-tuc',
    topic_id: id === 12 ? 'chuyen-doi-so' : null,
    published_at: new Date(Date.UTC(2026, 10, id % 28)).toISOString(),
    updated_at: new Date(Date.UTC(2026, 10, 28)).toISOString(),
    lang: 'vi',
    origin,
    origin_id: String(id),
    total_points: 0,
    rating_count: 0,
    rating_open: 1,
    ...extra,
  });
  await db
    .insertInto('articles')
    .values([
      article(1, 'seed', { origin_id: 'bai-1' }),
      article(12, 'rss:xa-a.example.gov.vn', { total_points: 9, rating_count: 2 }),
      // A second portal imported with --id-offset 1000000, as docs/deployment.md said to.
      article(1_000_012, 'rss:xa-b.example.gov.vn', {
        origin_id: '12',
        total_points: 5,
        rating_count: 1,
        rating_open: 0,
      }),
    ])
    .execute();
  await db
    .insertInto('votes')
    .values([
      { article_id: 12, voter_id: 'voter-a', score: 4, created_at: '2026-11-28T01:00:00.000Z' },
      { article_id: 12, voter_id: 'voter-b', score: 5, created_at: '2026-11-28T02:00:00.000Z' },
      {
        article_id: 1_000_012,
        voter_id: 'voter-a',
        score: 5,
        created_at: '2026-11-28T03:00:00.000Z',
      },
    ])
    .execute();
  await db
    .insertInto('settings')
    .values({ key: 'voter-secret', value: 'a'.repeat(64) })
    .execute();
  await db
    .insertInto('rate_limits')
    .values({ key: 'vote:abc', window_index: 7, count: 3 })
    .execute();
}

const TABLES: Record<string, string[]> = {
  categories: ['id'],
  topics: ['id'],
  articles: ['id'],
  votes: ['article_id', 'voter_id'],
  settings: ['key'],
  rate_limits: ['key'],
};
const SITE_SCOPED = ['categories', 'topics', 'articles', 'votes'];
/** Columns added since: compared apart from the rest. */
const LATER_COLUMNS = ['site_id', 'word_count'];

async function everyRow(db: Kysely<Untyped>) {
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const [table, key] of Object.entries(TABLES)) {
    let query = db.selectFrom(table).selectAll();
    for (const column of key) query = query.orderBy(column);
    rows[table] = await query.execute();
  }
  return rows;
}

for (const database of DATABASES) {
  describe(`moving a database into sites on ${database.name}`, () => {
    // The older release and the new one each open the database themselves: a file, for SQLite.
    const folder = mkdtempSync(join(tmpdir(), 'pw-sites-'));
    after(() => rmSync(folder, { recursive: true, force: true }));
    const url = database.name === 'sqlite' ? `sqlite:${join(folder, 'old.sqlite')}` : database.url;

    it('keeps every row, id and vote, each in the default site', async () => {
      const old = await openEmptyDatabase(url);
      let before;
      try {
        await migrate(old.db, BEFORE_SITES);
        await writeAsBeforeSites(old.db as unknown as Kysely<Untyped>);
        before = await everyRow(old.db as unknown as Kysely<Untyped>);
        assert.equal(before.votes.length, 3);
      } finally {
        await old.db.destroy();
      }

      const { db } = openDatabase(url);
      try {
        await migrate(db);
        const moved = await everyRow(db as unknown as Kysely<Untyped>);
        for (const table of Object.keys(TABLES)) {
          const scoped = SITE_SCOPED.includes(table);
          for (const row of moved[table]) {
            assert.equal(row.site_id, scoped ? DEFAULT_SITE : undefined, `${table} site_id`);
          }
          assert.deepEqual(
            moved[table].map((row) =>
              Object.fromEntries(
                Object.entries(row).filter(([column]) => !LATER_COLUMNS.includes(column)),
              ),
            ),
            before[table],
            `every row of ${table} as it was`,
          );
        }
        // Every article's words counted by the migration that added the count.
        assert.deepEqual(
          moved.articles.map((row) => row.word_count),
          before.articles.map((row) => countWords(String(row.body_html))),
        );
        assert.deepEqual(await db.selectFrom('sites').select('id').execute(), [
          { id: DEFAULT_SITE },
        ]);

        // The moved rows work as before: a voter's vote is still theirs, counters go on.
        const repository = new ArticleRepository(db);
        const again = await repository.vote(12, 'voter-a', 1);
        assert.equal(again.status, 'already-voted');
        assert.equal(again.status === 'already-voted' && again.summary.yourScore, 4);
        const counted = await repository.vote(12, 'voter-c', 3);
        assert.deepEqual(counted.status === 'counted' && counted.summary, {
          articleId: 12,
          total: 12,
          count: 3,
          average: 4,
          open: true,
          yourScore: 3,
        });
        assert.equal((await repository.vote(1_000_012, 'voter-c', 3)).status, 'rating-closed');
        assert.equal((await repository.read(12))?.topic_name, 'Chuyển đổi số');
        // Deleting an article still takes its votes with it.
        await db.deleteFrom('articles').where('id', '=', 12).execute();
        assert.equal(
          (await db.selectFrom('votes').select('voter_id').where('article_id', '=', 12).execute())
            .length,
          0,
        );
      } finally {
        await db.destroy();
      }
    });
  });
}
