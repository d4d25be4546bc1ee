import type { Kysely } from 'kysely';
import type { Database } from '../db.js';
import { countWords } from '../../src/model/portal-model.js';
import { DEFAULT_SITE } from '../sites.js';
import { CATEGORIES, SEED_ARTICLES, SEED_SOURCE, TOPICS } from './seed-data.js';

/** The `origin` of the demo articles; an import removes every article with it. */
export const DEMO_ORIGIN = 'seed';

/** The seeded articles are dated back from this moment, so their order never changes. */
const SEED_DATE = Date.parse('2026-11-27T01:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

export type DemoSeedResult =
  | { status: 'seeded'; inserted: number }
  /** The database holds imported articles: demo articles would sit among real ones. */
  | { status: 'has-real-articles' };

/**
 * Adds the demo categories, topics and articles that are missing to the default site, unless it
 * holds any article that is not a demo one; running it again changes nothing.
 */
export async function seedDemo(db: Kysely<Database>): Promise<DemoSeedResult> {
  const site_id = DEFAULT_SITE;
  return db.transaction().execute(async (trx) => {
    const real = await trx
      .selectFrom('articles')
      .select('id')
      .where('site_id', '=', site_id)
      .where('origin', '!=', DEMO_ORIGIN)
      .limit(1)
      .executeTakeFirst();
    if (real) return { status: 'has-real-articles' } as const;
    await trx
      .insertInto('categories')
      .values(CATEGORIES.map(({ id, name }) => ({ site_id, id, name })))
      .onConflict((conflict) => conflict.columns(['site_id', 'id']).doNothing())
      .execute();
    await trx
      .insertInto('topics')
      .values(TOPICS.map(({ id, name }) => ({ site_id, id, name })))
      .onConflict((conflict) => conflict.columns(['site_id', 'id']).doNothing())
      .execute();
    const rows = SEED_ARTICLES.map((article, index) => {
      const published = new Date(SEED_DATE - article.daysAgo * DAY).toISOString();
      const body = article.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
      return {
        site_id,
        id: index + 1,
        slug: article.slug,
        title: article.title,
        lead: article.lead,
        body_html: body,
        word_count: countWords(body),
        image_url: `/media/seed/${article.slug}.svg`,
        image_alt: article.imageAlt,
        image_caption: article.imageCaption,
        author: article.author,
        source_name: SEED_SOURCE,
        category_id: article.category,
        topic_id: article.topic,
        published_at: published,
        updated_at: published,
        lang: 'vi',
        origin: DEMO_ORIGIN,
        origin_id: article.slug,
      };
    });
    const inserted = await trx
      .insertInto('articles')
      .values(rows)
      .onConflict((conflict) => conflict.columns(['site_id', 'origin', 'origin_id']).doNothing())
      .returning('id')
      .execute();
    return { status: 'seeded', inserted: inserted.length } as const;
  });
}
