import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import createDOMPurify from 'dompurify';
import { XMLParser } from 'fast-xml-parser';
import { JSDOM } from 'jsdom';
import type { Kysely } from 'kysely';
import {
  countWords,
  SANITIZER_FORBID_ATTR,
  SANITIZER_FORBID_TAGS,
} from '../../src/model/portal-model.js';
import { nukevietTime } from '../../src/model/nukeviet-time.js';
import type { Database } from '../db.js';
import { ArticleRepository, type ArticleVoice } from '../repository.js';
import { MAX_ID } from '../api/schemas.js';
import { DEMO_ORIGIN } from '../demo/seed.js';
import { DEFAULT_SITE, isSiteId } from '../sites.js';

/** One article as every source is turned into before it is stored. */
export interface ImportedArticle {
  /** The source's own numeric id when it has one (WordPress post id, NukeViet article id). */
  sourceId?: number;
  originId: string;
  /** The article's page at its source, when the source names one. */
  link?: string;
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
  /** Recorded readings, in order; absent when the source does not say, so stored ones stay. */
  voices?: ArticleVoice[];
}

export type ImportFormat = 'rss' | 'nukeviet' | 'wordpress' | 'json';

const window = new JSDOM('').window;
const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);

/** Article HTML from a source we do not control, made safe before it is stored. */
export function sanitizeHtml(html: string, base?: string): string {
  const clean = purify.sanitize(html, {
    FORBID_TAGS: [...SANITIZER_FORBID_TAGS],
    FORBID_ATTR: [...SANITIZER_FORBID_ATTR],
  });
  return base ? absolutise(clean, base) : clean;
}

/** The address `url` names on the page at `base`, or `url` itself when it names none. */
function absoluteUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** Images and links inside a body, made absolute against the page they were on. */
function absolutise(html: string, base: string): string {
  const element = window.document.createElement('div');
  element.innerHTML = html;
  for (const node of element.querySelectorAll('[src], [href], [srcset]')) {
    for (const name of ['src', 'href']) {
      const value = node.getAttribute(name);
      if (value !== null && !value.startsWith('#'))
        node.setAttribute(name, absoluteUrl(value, base));
    }
    const srcset = node.getAttribute('srcset');
    if (srcset) {
      node.setAttribute(
        'srcset',
        srcset
          .split(',')
          .map((candidate) => {
            const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
            return [absoluteUrl(url, base), ...descriptor].join(' ');
          })
          .join(', '),
      );
    }
  }
  return element.innerHTML;
}

/** `url` as an absolute http(s) address (resolved against `base` when given), else undefined. */
export function httpUrl(url: string, base?: string): string | undefined {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The last segment of an address, as a person reads it ("lam-đường.mp3"). */
function fileName(address: string): string {
  const name = new URL(address).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
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

/** The text of an XML node as fast-xml-parser gives it: a string, or an object with `#text`. */
const textOfNode = (value: unknown): string =>
  typeof value === 'object' && value !== null
    ? String((value as { '#text'?: unknown })['#text'] ?? '').trim()
    : String(value ?? '').trim();

const feedParser = () =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', cdataPropName: false });

/**
 * RSS 2.0 (NukeViet's `op=rss`, WordPress, most CMSs) or Atom. The body is the item's
 * `content:encoded` (Atom: `content`) when there is one, else its description (`summary`);
 * addresses in it are made absolute against the item's link.
 */
export function parseFeed(xml: string): ImportedArticle[] {
  const document = feedParser().parse(xml) as {
    rss?: { channel?: { item?: unknown; link?: unknown } };
    feed?: { entry?: unknown };
  };
  if (document.feed) return parseAtomEntries(document.feed);
  if (!document.rss?.channel)
    throw new Error('Not an RSS 2.0 or Atom feed: no <rss><channel> or <feed>.');
  const channelLink = textOfNode(document.rss.channel.link);
  const items = asArray(document.rss.channel.item) as Record<string, unknown>[];
  return items.map((item) => {
    const link = textOfNode(item.link);
    const base = link || channelLink || undefined;
    const guid = textOfNode(item.guid) || link;
    const description = textOfNode(item.description);
    const content = textOfNode(item['content:encoded']);
    // NukeViet links end in "-<id>.html"; that id is the one its pages use.
    const nukevietId = /-(\d+)\.html?$/.exec(link)?.[1];
    const categoryName = textOfNode(asArray(item.category)[0]) || 'Tin tức';
    const image = firstImage(content) ?? firstImage(description);
    const published = isoDate(item.pubDate);
    const title = textOf(textOfNode(item.title));
    const enclosures = asArray(item.enclosure) as { url?: string; type?: string }[];
    const enclosure = enclosures.find(({ type }) => !/^(audio|video)\//.test(type ?? ''));
    const imageUrl = enclosure?.url ?? image?.url;
    // A podcast-style recording (WordPress feeds print the `enclosure` a post keeps): its address
    // names it, as a feed gives it no other id or name.
    const voices = enclosures.flatMap(({ url, type }): ArticleVoice[] => {
      const address = url && /^audio\//.test(type ?? '') ? httpUrl(url, base) : undefined;
      return address ? [{ id: address, title: fileName(address), url: address }] : [];
    });
    return {
      sourceId: nukevietId ? Number(nukevietId) : undefined,
      originId: guid,
      voices,
      link,
      slug: slugify(title),
      title,
      lead: textOf(description || content).slice(0, 1000),
      bodyHtml: sanitizeHtml(content || description, base),
      image: imageUrl
        ? { url: base ? absoluteUrl(imageUrl, base) : imageUrl, alt: image?.alt ?? '', caption: '' }
        : null,
      author: textOfNode(item.author ?? item['dc:creator']),
      category: { id: slugify(categoryName), name: categoryName },
      topic: null,
      publishedAt: published,
      updatedAt: published,
    };
  });
}

function parseAtomEntries(feed: { entry?: unknown }): ImportedArticle[] {
  const entries = asArray(feed.entry) as Record<string, unknown>[];
  return entries.map((entry) => {
    const links = asArray(entry.link) as { href?: string; rel?: string }[];
    const link =
      (links.find((candidate) => !candidate.rel || candidate.rel === 'alternate') ?? links[0])
        ?.href ?? '';
    const summary = textOfNode(entry.summary);
    const content = textOfNode(entry.content);
    const title = textOf(textOfNode(entry.title));
    const category = asArray(entry.category)[0] as { term?: string; label?: string } | undefined;
    const categoryName = category?.label || category?.term || 'Tin tức';
    const author = asArray(entry.author)[0] as { name?: unknown } | undefined;
    const image = firstImage(content || summary);
    const published = isoDate(entry.published ?? entry.updated);
    return {
      originId: textOfNode(entry.id) || link,
      link,
      slug: slugify(title),
      title,
      lead: textOf(summary || content).slice(0, 1000),
      bodyHtml: sanitizeHtml(content || summary, link || undefined),
      image: image
        ? { url: link ? absoluteUrl(image.url, link) : image.url, alt: image.alt, caption: '' }
        : null,
      author: textOfNode(author?.name),
      category: { id: slugify(categoryName), name: categoryName },
      topic: null,
      publishedAt: published,
      updatedAt: isoDate(entry.updated ?? entry.published),
    };
  });
}

/**
 * The full article from a NukeViet 4.5 detail page (`…/<category>/<alias>-<id>.html`): the
 * headline, lead (`.hometext`), image with its caption (`figure.article`), body
 * (`#news-bodyhtml`), author, dates, category (the breadcrumb's last step) and topic.
 */
function parseNukeVietArticle(html: string, url: string): Partial<ImportedArticle> {
  const page = new JSDOM(html, { url }).window.document;
  const text = (selector: string) =>
    page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const body =
    page.querySelector('#news-bodyhtml #bodytext') ??
    page.querySelector('#news-bodyhtml, .bodytext');
  if (!body)
    throw new Error(`${url} has no article body (#news-bodyhtml): is it a NukeViet article page?`);
  const figure = page.querySelector('figure.article');
  const figureImage = figure?.querySelector('img');
  const imageUrl =
    figureImage?.getAttribute('src') ??
    page.querySelector('meta[property="og:image"]')?.getAttribute('content');
  const crumbs = [...page.querySelectorAll('[itemprop="itemListElement"] a')];
  const category = crumbs.at(-1);
  const categoryName = category?.textContent?.trim();
  const topicLink = page.querySelector('a[href*="/topic/"]');
  const topicSlug = /\/topic\/([^/?#]+)/.exec(topicLink?.getAttribute('href') ?? '')?.[1];
  const date = (prop: string) => text(`[itemprop="${prop}"]`);
  const meta = (property: string) =>
    nukevietTime(page.querySelector(`meta[property="${property}"]`)?.getAttribute('content'));
  const dates = (published: string, modified: string) => ({
    ...(published ? { publishedAt: isoDate(published) } : {}),
    ...(modified ? { updatedAt: isoDate(modified) } : {}),
  });
  return {
    voices: nukevietVoices(page, url),
    title: text('h1[itemprop="headline"]') || text('h1'),
    lead: text('.hometext'),
    bodyHtml: sanitizeHtml(body.innerHTML, url),
    // What the page does not show is left out, so the feed's own value stays.
    ...(imageUrl
      ? {
          image: {
            url: absoluteUrl(imageUrl, url),
            alt: figureImage?.getAttribute('alt') ?? '',
            caption: figure?.querySelector('figcaption')?.textContent?.trim() ?? '',
          },
        }
      : {}),
    author: text('[itemprop="author"] [itemprop="name"]'),
    ...(categoryName ? { category: { id: slugify(categoryName), name: categoryName } } : {}),
    ...(topicLink && topicSlug
      ? {
          topic: {
            id: slugify(decodeURIComponent(topicSlug)),
            name: topicLink.textContent?.trim() ?? topicSlug,
          },
        }
      : {}),
    // NukeViet 4.5's datePublished is the last edit: its article:* meta tags come first.
    ...dates(
      meta('article:published_time') ?? date('datePublished'),
      meta('article:modified_time') ?? date('dateModified'),
    ),
  };
}

/**
 * The voices NukeViet 4.5's player offers on an article page (`#newsVoicePlayer` and its menu
 * `a[data-news="voicesel"]`), the player's own voice first, as the `nukeviet` adapter reads them;
 * an address that is not http(s) is left out.
 */
function nukevietVoices(page: Document, url: string): ArticleVoice[] {
  const player = page.querySelector('#newsVoicePlayer');
  if (!player) return [];
  const voice = (id: string | null, title: string, path: string | null): ArticleVoice[] => {
    const address = path ? httpUrl(path, url) : undefined;
    return id && address ? [{ id, title, url: address }] : [];
  };
  const menu = [...page.querySelectorAll('a[data-news="voicesel"]')].flatMap((link) =>
    voice(
      link.getAttribute('data-id'),
      link.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      link.getAttribute('data-path'),
    ),
  );
  const currentId = player.getAttribute('data-voice-id');
  const current =
    menu.find(({ id }) => id === currentId) ??
    voice(
      currentId,
      player.getAttribute('data-voice-title') ?? '',
      player.getAttribute('data-voice-path'),
    )[0];
  return current ? [current, ...menu.filter((other) => other !== current)] : menu;
}

/**
 * A NukeViet feed's articles made whole: each item's detail page is read for what the feed
 * leaves out. An item whose page cannot be read keeps the feed's summary and is reported.
 */
async function completeFromNukeViet(
  articles: ImportedArticle[],
  fetchImpl: typeof fetch = fetch,
): Promise<{ articles: ImportedArticle[]; problems: string[] }> {
  const problems: string[] = [];
  const complete: ImportedArticle[] = [];
  for (const article of articles) {
    if (!article.link) {
      complete.push(article);
      continue;
    }
    try {
      const response = await fetchImpl(article.link);
      if (!response.ok) throw new Error(`${article.link} answered ${response.status}`);
      const page = parseNukeVietArticle(await response.text(), response.url || article.link);
      complete.push({
        ...article,
        ...Object.fromEntries(Object.entries(page).filter(([, value]) => value !== '')),
      });
    } catch (error) {
      // fetch says only "fetch failed"; the reason (a name that does not resolve, a refusal) is its cause.
      const { message, cause } = error as Error & { cause?: Error };
      const reason = cause?.message ? `${message} (${cause.message})` : message;
      problems.push(`${article.title}: ${reason}; kept the feed's summary`);
      complete.push(article);
    }
  }
  return { articles: complete, problems };
}

interface WordPressPost {
  id: number;
  link?: string;
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

/** An attachment as `media?…&_fields=id,title,source_url,post` gives it. */
interface WordPressMedia {
  id: number;
  post: number;
  title: { rendered: string };
  source_url: string;
}

/**
 * The audio files uploaded to these posts (the media list, one request for them all) as their
 * voices. A site that hides its media list leaves the voices as they were.
 */
async function addWordPressVoices(
  root: string,
  articles: ImportedArticle[],
  fetchImpl: typeof fetch,
): Promise<void> {
  if (!articles.length) return;
  const parents = articles.map((article) => article.sourceId).join(',');
  const url = `${root}/wp-json/wp/v2/media?media_type=audio&parent=${parents}&per_page=100&orderby=id&order=asc&_fields=id,title,source_url,post`;
  const response = await fetchImpl(url);
  const media = response.ok ? ((await response.json()) as unknown) : undefined;
  if (!Array.isArray(media)) return;
  for (const article of articles) {
    article.voices = (media as WordPressMedia[]).flatMap((item) => {
      const address = item.post === article.sourceId ? httpUrl(item.source_url) : undefined;
      return address
        ? [{ id: String(item.id), title: textOf(item.title.rendered), url: address }]
        : [];
    });
  }
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
        bodyHtml: sanitizeHtml(post.content.rendered, post.link),
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
    await addWordPressVoices(root, articles.slice(articles.length - posts.length), fetchImpl);
    const total = Number(response.headers.get('x-wp-totalpages') ?? page);
    if (page >= total || posts.length === 0) break;
  }
  return articles;
}

/** `voices` of a JSON article, each `{ id, title, url }` with an absolute http(s) url. */
function voicesOf(value: unknown, where: string): ArticleVoice[] {
  if (!Array.isArray(value)) throw new Error(`${where}.voices must be a list.`);
  const ids = new Set<string>();
  return value.map((raw, index) => {
    const voice = (raw ?? {}) as Record<string, unknown>;
    const at = `${where}.voices[${index}]`;
    const id = typeof voice.id === 'number' || typeof voice.id === 'string' ? String(voice.id) : '';
    if (!id) throw new Error(`${at}.id must be a non-empty string or a number.`);
    if (ids.has(id)) throw new Error(`${at}.id "${id}" is given twice.`);
    ids.add(id);
    if (typeof voice.title !== 'string') throw new Error(`${at}.title must be a string.`);
    const url = typeof voice.url === 'string' ? httpUrl(voice.url) : undefined;
    if (!url) {
      throw new Error(
        `${at}.url must be an absolute http(s) address, not ${JSON.stringify(voice.url)}.`,
      );
    }
    return { id, title: textOf(voice.title), url };
  });
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
    const voices =
      item.voices === undefined ? undefined : voicesOf(item.voices, `articles[${index}]`);
    return {
      ...(voices ? { voices } : {}),
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

/**
 * Reads a source: an http(s) URL or a file, as a feed (RSS or Atom), a NukeViet feed whose
 * articles are read in full from their pages, WordPress or our JSON (sniffed when not given).
 * `problems` lists what could not be read and was kept as the feed gave it.
 */
export async function readSource(
  source: string,
  format?: ImportFormat,
  fetchImpl: typeof fetch = fetch,
): Promise<{ articles: ImportedArticle[]; origin: string; problems: string[] }> {
  const isUrl = /^https?:\/\//.test(source);
  if (format === 'wordpress' || (!format && isUrl && /wp-json/.test(source))) {
    return {
      articles: await fetchWordPress(source, fetchImpl),
      origin: `wordpress:${new URL(source).host}`,
      problems: [],
    };
  }
  let text: string;
  if (isUrl) {
    const response = await fetchImpl(source);
    if (!response.ok) throw new Error(`${source} answered ${response.status}.`);
    text = await response.text();
  } else {
    text = await readFile(source, 'utf8');
  }
  const isFeed = text.trimStart().startsWith('<');
  const isNukeViet =
    format === 'nukeviet' ||
    (!format && isUrl && isFeed && /<generator>\s*(<!\[CDATA\[)?\s*NukeViet/i.test(text));
  const kind = isNukeViet ? 'rss' : (format ?? (isFeed ? 'rss' : 'json'));
  const origin = isUrl ? `${kind}:${new URL(source).host}` : kind;
  if (kind === 'json') return { articles: parseJson(text), origin, problems: [] };
  const articles = parseFeed(text);
  return isNukeViet
    ? { ...(await completeFromNukeViet(articles, fetchImpl)), origin }
    : { articles, origin, problems: [] };
}

export interface StoreOptions {
  /** The site the articles belong to (created if new); the default site when not given. */
  site?: string;
  /**
   * Added to every source id, so that a second source's ids do not meet the first's in one
   * site. Old: give each portal a site of its own instead; kept for one release.
   */
  idOffset?: number;
}

/**
 * Stores articles into one site, inserting new ones and updating changed ones by (origin, id at
 * the source); importing the same source twice changes nothing. Votes and counters are never
 * touched.
 *
 * A new article takes its source's id (plus `idOffset`), so the portal's own `article-id`
 * names it here too; one without a source id takes the next free id in the site. A source id
 * that another source's article in the same site already holds stops the whole import, nothing
 * written, naming both. The site's demo articles are removed (with their votes) by its first
 * import: real and demo articles never mix.
 */
export async function storeArticles(
  db: Kysely<Database>,
  origin: string,
  articles: ImportedArticle[],
  { idOffset = 0, site = DEFAULT_SITE }: StoreOptions = {},
): Promise<{ inserted: number; updated: number; unchanged: number; demoRemoved: number }> {
  if (!Number.isInteger(idOffset) || idOffset < 0 || idOffset > MAX_ID) {
    throw new Error(`--id-offset must be a whole number from 0 to ${MAX_ID}.`);
  }
  if (!isSiteId(site)) {
    throw new Error(
      `Site "${site}" is not a site id: use lowercase letters, digits and hyphens, e.g. xa-hoa-binh.`,
    );
  }
  const counts = { inserted: 0, updated: 0, unchanged: 0, demoRemoved: 0 };
  await db.transaction().execute(async (trx) => {
    const repository = new ArticleRepository(trx, site);
    await trx
      .insertInto('sites')
      .values({ id: site, name: '' })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
    const removed = await trx
      .deleteFrom('articles')
      .where('site_id', '=', site)
      .where('origin', '=', DEMO_ORIGIN)
      .execute();
    counts.demoRemoved = Number(removed[0]?.numDeletedRows ?? 0);
    const collisions: string[] = [];
    // A source has a few categories and topics for many articles: each is written once.
    const byId = <T extends { id: string }>(items: (T | null | undefined)[]) => [
      ...new Map(items.flatMap((item) => (item ? [[item.id, item] as const] : []))).values(),
    ];
    for (const category of byId(articles.map((article) => article.category))) {
      await trx
        .insertInto('categories')
        .values({ site_id: site, ...category })
        .onConflict((conflict) => conflict.columns(['site_id', 'id']).doNothing())
        .execute();
    }
    for (const topic of byId(articles.map((article) => article.topic))) {
      await trx
        .insertInto('topics')
        .values({ site_id: site, ...topic })
        .onConflict((conflict) => conflict.columns(['site_id', 'id']).doNothing())
        .execute();
    }
    // The highest id in use, read once when an article without a source id needs the next one.
    let highestId: number | undefined;
    for (const article of articles) {
      const fields = {
        title: article.title,
        lead: article.lead,
        body_html: article.bodyHtml,
        word_count: countWords(article.bodyHtml),
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
        .where('site_id', '=', site)
        .where('origin', '=', origin)
        .where('origin_id', '=', article.originId)
        .executeTakeFirst();
      if (existing) {
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).some(
          (key) => existing[key] !== fields[key],
        );
        const voicesChanged =
          article.voices !== undefined &&
          JSON.stringify(await repository.voices(existing.id)) !== JSON.stringify(article.voices);
        if (!changed && !voicesChanged) {
          counts.unchanged += 1;
          continue;
        }
        if (changed)
          await trx
            .updateTable('articles')
            .set(fields)
            .where('site_id', '=', site)
            .where('id', '=', existing.id)
            .execute();
        if (voicesChanged) await repository.setVoices(existing.id, article.voices ?? []);
        counts.updated += 1;
        continue;
      }
      let id: number;
      if (article.sourceId !== undefined) {
        id = article.sourceId + idOffset;
        if (id < 1 || id > MAX_ID) {
          collisions.push(`id ${id} ("${article.title}") is outside 1–${MAX_ID}`);
          continue;
        }
        const holder = await trx
          .selectFrom('articles')
          .select(['origin', 'origin_id'])
          .where('site_id', '=', site)
          .where('id', '=', id)
          .executeTakeFirst();
        if (holder) {
          collisions.push(
            `id ${id} ("${article.title}") is taken by ${holder.origin} ${holder.origin_id}`,
          );
          continue;
        }
      } else {
        highestId ??= Number(
          (
            await trx
              .selectFrom('articles')
              .select((eb) => eb.fn.max('id').as('max'))
              .where('site_id', '=', site)
              .executeTakeFirstOrThrow()
          ).max ?? 0,
        );
        id = highestId + 1;
      }
      let slug = article.slug;
      const slugTaken = await trx
        .selectFrom('articles')
        .select('id')
        .where('site_id', '=', site)
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (slugTaken) {
        slug = `${slug}-${createHash('sha1').update(`${origin}|${article.originId}`).digest('hex').slice(0, 6)}`;
      }
      await trx
        .insertInto('articles')
        .values({
          site_id: site,
          id,
          slug,
          ...fields,
          lang: 'vi',
          origin,
          origin_id: article.originId,
        })
        .execute();
      if (article.voices?.length) await repository.setVoices(id, article.voices);
      if (highestId !== undefined) highestId = Math.max(highestId, id);
      counts.inserted += 1;
    }
    if (collisions.length) {
      throw new Error(
        `${collisions.length} article(s) of ${origin} cannot keep their id, nothing was imported: ${collisions.slice(0, 5).join('; ')}${collisions.length > 5 ? '; …' : ''}. ` +
          'Import each portal into a site of its own (--site xa-hoa-binh); or, the old way, give this source --id-offset (e.g. 1000000).',
      );
    }
  });
  return counts;
}
