import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import { countWords } from '../src/model/portal-model.js';
import { isPostgres, type Database } from './db.js';

/** The schema's history, oldest first. Never edit a migration that has shipped: add one. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-27-initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('categories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('topics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('articles')
        // Ids are given, not generated: a portal's own article ids carry over on import.
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('lead', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addColumn('image_url', 'text')
        .addColumn('image_alt', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('image_caption', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('author', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('source_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('category_id', 'text', (c) => c.notNull().references('categories.id'))
        .addColumn('topic_id', 'text', (c) => c.references('topics.id'))
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull().defaultTo('vi'))
        .addColumn('total_points', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rating_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rating_open', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('origin_id', 'text', (c) => c.notNull())
        .addUniqueConstraint('articles_origin_unique', ['origin', 'origin_id'])
        .execute();
      await db.schema
        .createIndex('articles_category_published')
        .on('articles')
        .columns(['category_id', 'published_at'])
        .execute();
      await db.schema
        .createIndex('articles_topic_published')
        .on('articles')
        .columns(['topic_id', 'published_at'])
        .execute();
      await db.schema
        .createTable('votes')
        .addColumn('article_id', 'integer', (c) =>
          c.notNull().references('articles.id').onDelete('cascade'),
        )
        .addColumn('voter_id', 'text', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 1 and 5`))
        .addColumn('created_at', 'text', (c) => c.notNull())
        // One vote per voter per article, enforced by the database itself.
        .addPrimaryKeyConstraint('votes_one_per_voter', ['article_id', 'voter_id'])
        .execute();
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '2026-11-29-rate-limits-and-list-indexes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_index', 'integer', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();
      // The list, newest first, and its cursor (published_at, id); by category the same.
      await db.schema
        .createIndex('articles_published_id')
        .on('articles')
        .columns(['published_at', 'id'])
        .execute();
      await db.schema
        .createIndex('articles_category_published_id')
        .on('articles')
        .columns(['category_id', 'published_at', 'id'])
        .execute();
      await db.schema.dropIndex('articles_category_published').execute();
    },
  },
  '2026-12-06-sites': {
    async up(db: Kysely<unknown>) {
      // SQLite runs migrations outside a transaction: this one must not stop half-way there.
      if (db.isTransaction) await scopeBySite(db);
      else await db.transaction().execute(scopeBySite);
    },
  },
  '2026-12-06-sites-import-sources': {
    async up(db: Kysely<unknown>) {
      // One row per source of the sites file: when it runs next, and how its last runs went.
      await db.schema
        .createTable('import_sources')
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('next_run_at', 'text', (c) => c.notNull())
        .addColumn('last_success_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('last_error_at', 'text')
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('article_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('import_sources_pk', ['site_id', 'source'])
        .execute();
    },
  },
  '2026-12-06-sites-voices': {
    async up(db: Kysely<unknown>) {
      // An article's recorded readings, scoped like votes: (site_id, article_id) names the article.
      await db.schema
        .createTable('article_voices')
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('article_id', 'integer', (c) => c.notNull())
        .addColumn('voice_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        // One recording per voice per article; the key also finds an article's voices.
        .addPrimaryKeyConstraint('article_voices_one_per_voice', [
          'site_id',
          'article_id',
          'voice_id',
        ])
        .addForeignKeyConstraint(
          'article_voices_article_fk',
          ['site_id', 'article_id'],
          'articles',
          ['site_id', 'id'],
          (c) => c.onDelete('cascade'),
        )
        .execute();
    },
  },
  '2026-12-06-word-count': {
    async up(db: Kysely<unknown>) {
      // Counted once when the body is written, not on every read of the article.
      await db.schema.alterTable('articles').addColumn('word_count', 'integer').execute();
      await countEveryArticlesWords(db);
    },
  },
  // Kysely runs migrations in the order of their names: `.2` sorts after every `2026-12-06-…`.
  '2026-12-06.2-articles-room-for-votes': {
    async up(db: Kysely<unknown>) {
      // A vote writes a new version of its article's row (the counters). On PostgreSQL, when the
      // row's page has room, the new version stays on it and none of the article's six indexes
      // is written (a "HOT" update); pages filled to the brim left a third of the votes writing
      // all six. A tenth of each page is kept free from now on (VACUUM FULL applies it to pages
      // already written). SQLite rewrites the row in place and has no such setting.
      if (isPostgres(db)) {
        await sql`alter table articles set (fillfactor = 90)`.execute(db);
      }
    },
  },
};

/** Rows read and written at a time when the articles written before are counted. */
const WORD_COUNT_BATCH = 1000;

/** Counts the words of every article written before `word_count`, in batches by key. */
async function countEveryArticlesWords(db: Kysely<unknown>): Promise<void> {
  let after: { site_id: string; id: number } | undefined;
  for (;;) {
    const { rows } = await sql<{ site_id: string; id: number; body_html: string }>`
      select site_id, id, body_html from articles
      ${after ? sql`where (site_id, id) > (${after.site_id}, ${after.id})` : sql``}
      order by site_id, id limit ${WORD_COUNT_BATCH}`.execute(db);
    if (!rows.length) return;
    // One statement a batch; a VALUES list's columns are column1… in both databases.
    const values = rows.map(
      (row) =>
        sql`(cast(${row.site_id} as text), cast(${row.id} as integer), cast(${countWords(row.body_html)} as integer))`,
    );
    await sql`update articles set word_count = v.column3
      from (values ${sql.join(values)}) as v
      where articles.site_id = v.column1 and articles.id = v.column2`.execute(db);
    after = rows.at(-1);
  }
}

/** The site every row written before sites existed belongs to, and the old paths serve. */
const FIRST_SITE = 'default';

/**
 * Every table of a portal's content gains `site_id`, first in its key: categories, topics and
 * articles are keyed (site_id, id); a table about an article (votes) holds (site_id, article_id)
 * with a foreign key to articles (site_id, id) and its own key starting with them. Existing rows
 * move into the first site with their ids. Tables are rebuilt, as SQLite cannot change a key.
 */
async function scopeBySite(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`insert into sites (id, name) values (${sql.lit(FIRST_SITE)}, '')`.execute(db);
  await db.schema
    .createTable('site_categories')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('categories_site_pk', ['site_id', 'id'])
    .execute();
  await db.schema
    .createTable('site_topics')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('topics_site_pk', ['site_id', 'id'])
    .execute();
  await db.schema
    .createTable('site_articles')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('image_url', 'text')
    .addColumn('image_alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('topic_id', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('vi'))
    .addColumn('total_points', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('origin_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('articles_site_pk', ['site_id', 'id'])
    .addUniqueConstraint('articles_site_slug_unique', ['site_id', 'slug'])
    .addUniqueConstraint('articles_site_origin_unique', ['site_id', 'origin', 'origin_id'])
    .addForeignKeyConstraint(
      'articles_category_fk',
      ['site_id', 'category_id'],
      'site_categories',
      ['site_id', 'id'],
    )
    .addForeignKeyConstraint('articles_topic_fk', ['site_id', 'topic_id'], 'site_topics', [
      'site_id',
      'id',
    ])
    .execute();
  await db.schema
    .createTable('site_votes')
    .addColumn('site_id', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('voter_id', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 1 and 5`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('votes_site_one_per_voter', ['site_id', 'article_id', 'voter_id'])
    .addForeignKeyConstraint(
      'votes_article_fk',
      ['site_id', 'article_id'],
      'site_articles',
      ['site_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  const copy = async (from: string, to: string, columns: string[]) => {
    const list = sql.join(columns.map((column) => sql.ref(column)));
    await sql`insert into ${sql.table(to)} (site_id, ${list}) select ${sql.lit(FIRST_SITE)}, ${list} from ${sql.table(from)}`.execute(
      db,
    );
  };
  await copy('categories', 'site_categories', ['id', 'name']);
  await copy('topics', 'site_topics', ['id', 'name']);
  await copy('articles', 'site_articles', [
    'id',
    'slug',
    'title',
    'lead',
    'body_html',
    'image_url',
    'image_alt',
    'image_caption',
    'author',
    'source_name',
    'category_id',
    'topic_id',
    'published_at',
    'updated_at',
    'lang',
    'total_points',
    'rating_count',
    'rating_open',
    'origin',
    'origin_id',
  ]);
  await copy('votes', 'site_votes', ['article_id', 'voter_id', 'score', 'created_at']);
  for (const table of ['votes', 'articles', 'topics', 'categories']) {
    await db.schema.dropTable(table).execute();
    await db.schema.alterTable(`site_${table}`).renameTo(table).execute();
  }
  // The list, newest first, with its cursor; by category; by topic: each within one site.
  await db.schema
    .createIndex('articles_site_published_id')
    .on('articles')
    .columns(['site_id', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_site_category_published_id')
    .on('articles')
    .columns(['site_id', 'category_id', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_site_topic_published')
    .on('articles')
    .columns(['site_id', 'topic_id', 'published_at'])
    .execute();
}

/**
 * Brings the schema up to date; safe to run on every start and from several instances.
 * `upTo` stops after that migration: tests build a database as an older release left it.
 */
export async function migrate(db: Kysely<Database>, upTo?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = upTo
    ? await migrator.migrateTo(upTo)
    : await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(
      `Database migration${failed ? ` ${failed.migrationName}` : ''} failed: ${String(error)}`,
    );
  }
}
