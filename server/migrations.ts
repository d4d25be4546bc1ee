import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Database } from './db.js';

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
  '2026-12-06-article-voices': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('article_voices')
        .addColumn('article_id', 'integer', (c) =>
          c.notNull().references('articles.id').onDelete('cascade'),
        )
        .addColumn('voice_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        // One recording per voice per article; the key also finds an article's voices.
        .addPrimaryKeyConstraint('article_voices_one_per_voice', ['article_id', 'voice_id'])
        .execute();
    },
  },
};

/** Brings the schema up to date; safe to run on every start and from several instances. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(
      `Database migration${failed ? ` ${failed.migrationName}` : ''} failed: ${String(error)}`,
    );
  }
}
