import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import createDOMPurify from 'dompurify';
import { XMLParser } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import type { Kysely } from 'kysely';
import type { Database } from './db.js';
import { DEMO_ORIGIN } from './seed.js';

/** One article as every source is turned into before it is stored. */
export interface ImportedArticle {
  /** The source's own numeric id when it has one (WordPress post id, NukeViet article id). */
  sourceId?: number;
  originId: string;
  slug: string;
  title: string;
  lead: string;
  bodyHtml: string;
  image: { url: string; alt: string; caption: string } | null;
  author: string;
  category: { id: string; name: string };
  topic: { id: string; name: string } | null;
  publishedAt: string;
  updatedAt: string;
}

export type ImportFormat = 'rss' | 'wordpress' | 'json';

const window = new JSDOM('').window;
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);

/** Article HTML from a source we do not control, made safe before it is stored. */
export function sanitizeHtml(html: string): string {
  return purify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    FORBID_ATTR: ['style'],
  });
}

export function textOf(html: string): string {
  const element = window.document.createElement('div');
  element.innerHTML = purify.sanitize(html);
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function slugify(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'bai-viet'
  );
}

function isoDate(value: unknown): string {
  const date = new Date(String(value ?? ''));
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

function firstImage(html: string): { url: string; alt: string } | null {
  const element = window.document.createElement('div');
  element.innerHTML = purify.sanitize(html);
  const image = element.querySelector('img');
  const url = image?.getAttribute('src');
  return url ? { url, alt: image?.getAttribute('alt') ?? '' } : null;
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** RSS 2.0, as NukeViet's `op=rss` and most CMSs publish it. */
export function parseRss(xml: string): ImportedArticle[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    cdataPropName: false,
  });
  const document = parser.parse(xml) as { rss?: { channel?: { item?: unknown } } };
  const items = asArray(document.rss?.channel?.item) as Record<string, unknown>[];
  if (!document.rss?.channel) throw new Error('Not an RSS 2.0 feed: no <rss><channel>.');
  return items.map((item) => {
    const text = (value: unknown) =>
      typeof value === 'object' && value !== null
        ? String((value as { '#text'?: unknown })['#text'] ?? '')
        : String(value ?? '');
    const link = text(item.link);
    const guid = text(item.guid) || link;
    const description = text(item.description);
    // NukeViet links end in "-<id>.html"; that id is the one its pages use.
    const nukevietId = /-(\d+)\.html?$/.exec(link)?.[1];
    const categoryName = text(asArray(item.category)[0]) || 'Tin tức';
    const image = firstImage(description);
    const enclosure = item.enclosure as { url?: string } | undefined;
    const published = isoDate(item.pubDate);
    const title = textOf(text(item.title));
    return {
      sourceId: nukevietId ? Number(nukevietId) : undefined,
      originId: guid,
      slug: slugify(title),
      title,
      lead: textOf(description),
      bodyHtml: sanitizeHtml(description),
      image: enclosure?.url
        ? { url: enclosure.url, alt: '', caption: '' }
        : image && { ...image, caption: '' },
      author: text(item.author ?? item['dc:creator']),
      category: { id: slugify(categoryName), name: categoryName },
      topic: null,
      publishedAt: published,
      updatedAt: published,
    };
  });
}

interface WordPressPost {
  id: number;
  slug: string;
  date_gmt: string;
  modified_gmt: string;
  title: { rendered: string };
  excerpt: { rendered: string };
  content: { rendered: string };
  _embedded?: {
    author?: { name?: string }[];
    'wp:featuredmedia'?: {
      source_url?: string;
      alt_text?: string;
      caption?: { rendered?: string };
    }[];
    'wp:term'?: { taxonomy: string; slug: string; name: string }[][];
  };
}

/** Posts from a WordPress site's REST API (`/wp-json/wp/v2/posts`), page by page. */
export async function fetchWordPress(
  base: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ImportedArticle[]> {
  const root = base.replace(/\/+$/, '').replace(/\/wp-json.*$/, '');
  const articles: ImportedArticle[] = [];
  for (let page = 1; ; page += 1) {
    const url = `${root}/wp-json/wp/v2/posts?per_page=50&page=${page}&_embed=author,wp:featuredmedia,wp:term`;
    const response = await fetchImpl(url);
    if (response.status === 400 && page > 1) break; // past the last page
    if (response.status === 401 || response.status === 403 || response.status === 404) {
      throw new Error(
        `${url} answered ${response.status}: the site's REST API is switched off or hidden (often by a security plugin).`,
      );
    }
    if (!response.ok) throw new Error(`${url} answered ${response.status}.`);
    const posts = (await response.json()) as WordPressPost[];
    if (!Array.isArray(posts)) throw new Error(`${url} did not answer with a list of posts.`);
    for (const post of posts) {
      const terms = (post._embedded?.['wp:term'] ?? []).flat();
      const category = terms.find((term) => term.taxonomy === 'category');
      const media = post._embedded?.['wp:featuredmedia']?.[0];
      const title = textOf(post.title.rendered);
      articles.push({
        sourceId: post.id,
        originId: String(post.id),
        slug: slugify(post.slug || title),
        title,
        lead: textOf(post.excerpt.rendered),
        bodyHtml: sanitizeHtml(post.content.rendered),
        image: media?.source_url
          ? {
              url: media.source_url,
              alt: media.alt_text ?? '',
              caption: textOf(media.caption?.rendered ?? ''),
            }
          : null,
        author: post._embedded?.author?.[0]?.name ?? '',
        category: category
          ? { id: slugify(category.slug), name: category.name }
          : { id: 'tin-tuc', name: 'Tin tức' },
        topic: null,
        publishedAt: isoDate(`${post.date_gmt}Z`),
        updatedAt: isoDate(`${post.modified_gmt}Z`),
      });
    }
    const total = Number(response.headers.get('x-wp-totalpages') ?? page);
    if (page >= total || posts.length === 0) break;
  }
  return articles;
}

/** A JSON file in our own schema: `{ "articles": [ ... ] }`, each like the API's article. */
export function parseJson(text: string): ImportedArticle[] {
  const document = JSON.parse(text) as { articles?: unknown };
  if (!Array.isArray(document.articles))
    throw new Error('JSON import needs { "articles": [ ... ] }.');
  return document.articles.map((raw, index) => {
    const item = raw as Record<string, unknown>;
    const need = (field: string) => {
      if (typeof item[field] !== 'string' || !item[field]) {
        throw new Error(`articles[${index}].${field} must be a non-empty string.`);
      }
      return item[field] as string;
    };
    const title = need('title');
    const bodyHtml = need('bodyHtml');
    const published = isoDate(need('publishedAt'));
    const category = item.category as { id?: string; name?: string } | undefined;
    if (!category?.id || !category.name)
      throw new Error(`articles[${index}].category needs id and name.`);
    const topic = item.topic as { id?: string; name?: string } | undefined | null;
    const image = item.image as { url?: string; alt?: string; caption?: string } | undefined | null;
    return {
      sourceId: Number.isInteger(item.id) ? (item.id as number) : undefined,
      originId: String(item.id ?? item.slug ?? title),
      slug: slugify(String(item.slug ?? title)),
      title: textOf(title),
      lead: textOf(String(item.lead ?? '')),
      bodyHtml: sanitizeHtml(bodyHtml),
      image: image?.url
        ? { url: image.url, alt: image.alt ?? '', caption: image.caption ?? '' }
        : null,
      author: String(item.author ?? ''),
      category: { id: slugify(category.id), name: category.name },
      topic: topic?.id && topic.name ? { id: slugify(topic.id), name: topic.name } : null,
      publishedAt: published,
      updatedAt: item.updatedAt ? isoDate(item.updatedAt) : published,
    };
  });
}

/** Reads a source: an http(s) URL or a file, as RSS, WordPress or our JSON (sniffed when not given). */
export async function readSource(
  source: string,
  format?: ImportFormat,
): Promise<{ articles: ImportedArticle[]; origin: string }> {
  const isUrl = /^https?:\/\//.test(source);
  if (format === 'wordpress' || (!format && isUrl && /wp-json/.test(source))) {
    return { articles: await fetchWordPress(source), origin: `wordpress:${new URL(source).host}` };
  }
  const text = isUrl ? await (await fetch(source)).text() : await readFile(source, 'utf8');
  const kind = format ?? (text.trimStart().startsWith('<') ? 'rss' : 'json');
  const origin = isUrl ? `${kind}:${new URL(source).host}` : kind;
  return { articles: kind === 'rss' ? parseRss(text) : parseJson(text), origin };
}

/** The largest article id the API accepts (a PostgreSQL `integer`). */
export const MAX_ARTICLE_ID = 2147483647;

export interface StoreOptions {
  /** Added to every source id, so that a second source's ids do not meet the first's. */
  idOffset?: number;
}

/**
 * Stores articles, inserting new ones and updating changed ones by (origin, id at the source);
 * importing the same source twice changes nothing. Votes and counters are never touched.
 *
 * A new article takes its source's id (plus `idOffset`), so the portal's own `article-id`
 * names it here too; one without a source id takes the next free id. A source id that another
 * source's article already holds stops the whole import, nothing written, naming both. The demo
 * articles are removed (with their votes) by the first import: real and demo articles never mix.
 */
export async function storeArticles(
  db: Kysely<Database>,
  origin: string,
  articles: ImportedArticle[],
  { idOffset = 0 }: StoreOptions = {},
): Promise<{ inserted: number; updated: number; unchanged: number; demoRemoved: number }> {
  if (!Number.isInteger(idOffset) || idOffset < 0 || idOffset > MAX_ARTICLE_ID) {
    throw new Error(`--id-offset must be a whole number from 0 to ${MAX_ARTICLE_ID}.`);
  }
  const counts = { inserted: 0, updated: 0, unchanged: 0, demoRemoved: 0 };
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('articles').where('origin', '=', DEMO_ORIGIN).execute();
    counts.demoRemoved = Number(removed[0]?.numDeletedRows ?? 0);
    const collisions: string[] = [];
    for (const article of articles) {
      await trx
        .insertInto('categories')
        .values(article.category)
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
      if (article.topic) {
        await trx
          .insertInto('topics')
          .values(article.topic)
          .onConflict((conflict) => conflict.column('id').doNothing())
          .execute();
      }
      const fields = {
        title: article.title,
        lead: article.lead,
        body_html: article.bodyHtml,
        image_url: article.image?.url ?? null,
        image_alt: article.image?.alt ?? '',
        image_caption: article.image?.caption ?? '',
        author: article.author,
        source_name: origin,
        category_id: article.category.id,
        topic_id: article.topic?.id ?? null,
        published_at: article.publishedAt,
        updated_at: article.updatedAt,
      };
      const existing = await trx
        .selectFrom('articles')
        .selectAll()
        .where('origin', '=', origin)
        .where('origin_id', '=', article.originId)
        .executeTakeFirst();
      if (existing) {
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).some(
          (key) => existing[key] !== fields[key],
        );
        if (!changed) {
          counts.unchanged += 1;
          continue;
        }
        await trx.updateTable('articles').set(fields).where('id', '=', existing.id).execute();
        counts.updated += 1;
        continue;
      }
      let id: number;
      if (article.sourceId !== undefined) {
        id = article.sourceId + idOffset;
        if (id < 1 || id > MAX_ARTICLE_ID) {
          collisions.push(`id ${id} ("${article.title}") is outside 1–${MAX_ARTICLE_ID}`);
          continue;
        }
        const holder = await trx
          .selectFrom('articles')
          .select(['origin', 'origin_id'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (holder) {
          collisions.push(
            `id ${id} ("${article.title}") is taken by ${holder.origin} ${holder.origin_id}`,
          );
          continue;
        }
      } else {
        const { max } = await trx
          .selectFrom('articles')
          .select((eb) => eb.fn.max('id').as('max'))
          .executeTakeFirstOrThrow();
        id = Number(max ?? 0) + 1;
      }
      let slug = article.slug;
      const slugTaken = await trx
        .selectFrom('articles')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (slugTaken) {
        slug = `${slug}-${createHash('sha1').update(`${origin}|${article.originId}`).digest('hex').slice(0, 6)}`;
      }
      await trx
        .insertInto('articles')
        .values({ id, slug, ...fields, lang: 'vi', origin, origin_id: article.originId })
        .execute();
      counts.inserted += 1;
    }
    if (collisions.length) {
      throw new Error(
        `${collisions.length} article(s) of ${origin} cannot keep their id, nothing was imported: ${collisions.slice(0, 5).join('; ')}${collisions.length > 5 ? '; …' : ''}. ` +
          'Import this source with --id-offset (e.g. --id-offset 1000000) to put its ids in a range of their own.',
      );
    }
  });
  return counts;
}
