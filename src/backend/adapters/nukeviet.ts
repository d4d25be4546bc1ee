import { readingMinutesOfHtml } from '../html-text.js';
import { mergeRelated, ratingAverage } from '../../model/portal-model.js';
import { safeUrl } from '../../core/safe-url.js';
import { nukevietTime } from '../../model/nukeviet-time.js';
import { BackendError } from '../errors.js';
import type { ArticleSummary, ArticleVoice, RatingSummary, RelatedStrategy } from '../schema.js';
import type { Backend, BackendContext } from '../contract.js';

/**
 * `sendrating('<id>', value, '<checkss>')` as the news module's detail page prints it; the
 * eGovernment theme, and 4.4's default theme minified (`sendrating("16", b, "…")`), use double
 * quotes.
 */
const SEND_RATING = /sendrating\(\s*(['"])(\d+)\1\s*,\s*[\w.]+\s*,\s*(['"])([0-9a-f]{32})\3\s*\)/;

/** Labels of NukeViet's related lists (vi and en language packs). */
const LIST_LABELS: [RegExp, RelatedStrategy][] = [
  [/mới hơn|newer/i, 'newer'],
  [/cũ hơn|older/i, 'older'],
  [/sự kiện|chủ đề|event|topic/i, 'topic'],
];

/** rating.php's refusals (`<message>|0|0`) in the vi and en language packs. */
const ALREADY_VOTED = /đã đánh giá|was rated|already/i;
const NOT_ACCEPTED = /không hợp lệ|can't rate|cannot rate/i;

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** "19/01/2016 15:34" (as NukeViet prints dates, in the portal's time zone) → ISO 8601. */
export function parsePortalDate(value: string): string {
  const match = /(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\D+(\d{1,2}):(\d{2}))?/.exec(value);
  if (!match) return value;
  const [, day, month, year, hour, minute] = match;
  const pad = (part: string) => part.padStart(2, '0');
  return hour
    ? `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${minute}:00`
    : `${year}-${pad(month)}-${pad(day)}`;
}

/** "Tổng số điểm của bài viết là: 1234 trong 300 đánh giá" → 1234 points from 300 ratings. */
export function parseRatingSentence(sentence: string): { total: number; count: number } | null {
  const numbers = sentence.match(/\d+/g);
  return numbers && numbers.length >= 2
    ? { total: Number(numbers[0]), count: Number(numbers[1]) }
    : null;
}

/**
 * The rating endpoint's plain-text reply (modules/news/funcs/rating.php): "<sentence>|<average
 * rounded>|<count>" after a vote, "<message>|0|0" for a refusal. The exact total is read from the
 * sentence, never rebuilt from the rounded average.
 */
export function parseRatingReply(reply: string, score: number): RatingSummary {
  const [message = '', , countText = '0'] = reply.trim().split('|');
  const counts = Number(countText) ? parseRatingSentence(message) : null;
  if (counts?.count) {
    const { total, count } = counts;
    return { total, count, average: ratingAverage(total, count), open: true, yourScore: score };
  }
  // NukeViet does not say which score it kept, so a refusal carries no summary.
  if (ALREADY_VOTED.test(message)) throw new BackendError('already-voted', message);
  if (NOT_ACCEPTED.test(message)) {
    throw new BackendError(
      'session-expired',
      `${message}: the page's voting permission (its PHP session) has lapsed; reloading the page gives a new one`,
    );
  }
  throw new BackendError(
    /wrong url/i.test(message) ? 'unsupported' : 'bad-response',
    message ? `The portal answered "${message}"` : 'The portal sent an empty answer to the vote',
  );
}

/**
 * The recorded voices NukeViet 4.5's player offers, from its menu of `a[data-news="voicesel"]`
 * (the module's voice order) and the voice it starts with (the visitor's saved choice, else the
 * first), which comes first. As printed, `#newsVoicePlayer` names that voice; once the theme's
 * script has run, Plyr has replaced it and the menu's button label (`data-news="voiceval"`) does.
 */
function pageVoices(root: ParentNode, base: string): ArticleVoice[] {
  const voice = (id = '', title = '', path = ''): ArticleVoice[] => {
    const url = safeUrl(path, base);
    return id && url ? [{ id, title, url }] : [];
  };
  const menu = [...root.querySelectorAll<HTMLElement>('a[data-news="voicesel"]')].flatMap((link) =>
    voice(link.dataset.id, text(link), link.dataset.path),
  );
  const player = root.querySelector<HTMLElement>('#newsVoicePlayer')?.dataset;
  const shown = text(root.querySelector('[data-news="voiceval"]'));
  const current =
    menu.find(({ id, title }) => (player ? id === player.voiceId : title === shown)) ??
    (player && voice(player.voiceId, player.voiceTitle, player.voicePath)[0]);
  return current ? [current, ...menu.filter((other) => other !== current)] : menu;
}

/** What NukeViet's header prints for its own scripts (`var nv_base_siteurl="/",…`). */
interface PageVariables {
  nv_base_siteurl?: unknown;
  nv_lang_variable?: unknown;
  nv_lang_data?: unknown;
  nv_name_variable?: unknown;
  nv_module_name?: unknown;
  nv_fc_variable?: unknown;
}

/**
 * For widgets placed on a NukeViet news page itself: the article and its related lists are read
 * from the page (themes default, mobile_default and eGovernment, NukeViet 4.4 and 4.5), and votes go
 * through the news module's own `op=rating` with the page's `checkss`, which only works on the
 * portal's own origin (it checks the Referer and the PHP session). The rating address comes
 * from the page's own variables (sites in a subfolder, a renamed news module); `api` (the
 * portal's address, optionally with `nv=<module>`) is used only on a page without them.
 */
export function nukevietBackend({ api, http }: BackendContext): Backend {
  const portal = new URL(api, location.href);
  const sameOrigin = portal.origin === location.origin;

  function ratingUrl(): string {
    const page = globalThis as PageVariables;
    const word = (value: unknown, fallback: string) =>
      typeof value === 'string' && /^[\w-]+$/.test(value) ? value : fallback;
    const base =
      typeof page.nv_base_siteurl === 'string' && page.nv_base_siteurl.startsWith('/')
        ? page.nv_base_siteurl
        : portal.pathname.replace(/[^/]*$/, '');
    const language = word(
      page.nv_lang_data,
      portal.searchParams.get('language') ?? (document.documentElement.lang.slice(0, 2) || 'vi'),
    );
    const module = word(page.nv_module_name, portal.searchParams.get('nv') ?? 'news');
    const query = new URLSearchParams([
      [word(page.nv_lang_variable, 'language'), language],
      [word(page.nv_name_variable, 'nv'), module],
      [word(page.nv_fc_variable, 'op'), 'rating'],
      // The module refuses requests without a 10+ digit nocache value.
      ['nocache', String(Date.now())],
    ]);
    return `${location.origin}${base}index.php?${query}`;
  }

  function pageRating(): { id: string; checkss: string } | null {
    for (const script of document.scripts) {
      const match = SEND_RATING.exec(script.textContent ?? '');
      if (match) return { id: match[2], checkss: match[4] };
    }
    return null;
  }

  /** The id of the article this page shows: its rating call, else its address (…-<id>.html). */
  function shownId(): string | undefined {
    return pageRating()?.id ?? /-(\d+)\.html?$/.exec(location.pathname)?.[1];
  }

  function detail(id: string) {
    const root = document.querySelector('#news_detail') ?? document.querySelector('.news_column');
    const shown = shownId();
    if (!root || (shown && shown !== id)) {
      throw new BackendError(
        'not-found',
        `This page does not show NukeViet article ${id}${shown ? ` (it shows ${shown})` : ''}`,
      );
    }
    return root;
  }

  /** The page's own figures; the rating form is only printed while the article takes votes. */
  function summary(): RatingSummary | null {
    const counts = parseRatingSentence(text(document.querySelector('#stringrating')));
    if (!counts) return null;
    return { ...counts, average: ratingAverage(counts.total, counts.count), open: true };
  }

  /** A list's label: its tab (eGovernment), else the element before it or before its wrapper. */
  function labelOf(list: Element): string {
    // Only the list's own wrapper: a page's skip link names a far larger box.
    const panel = list.parentElement?.id ? list.parentElement : null;
    const tab = panel && document.querySelector(`a[href="#${CSS.escape(panel.id)}"]`);
    if (tab) return text(tab);
    for (let node: Element | null = list; node && node !== document.body; node = node.parentElement)
      if (node.previousElementSibling) return text(node.previousElementSibling);
    return '';
  }

  function listFor(strategy: RelatedStrategy): ArticleSummary[] {
    for (const list of document.querySelectorAll('ul.related')) {
      const label = labelOf(list);
      if (!LIST_LABELS.some(([pattern, kind]) => kind === strategy && pattern.test(label)))
        continue;
      return [...list.querySelectorAll('li')].flatMap((item): ArticleSummary[] => {
        const link = item.querySelector('a[href]');
        if (!link) return [];
        const href = (link as HTMLAnchorElement).href;
        const date = [...item.querySelectorAll('em, .date')].map(text).find((t) => /\d/.test(t));
        return [
          {
            id: /-(\d+)\.html?$/.exec(href)?.[1] ?? href,
            title: text(link) || link.getAttribute('title') || '',
            url: href,
            lead: '',
            image: null,
            publishedAt: parsePortalDate(date ?? ''),
            category: null,
          },
        ];
      });
    }
    return [];
  }

  return {
    capabilities: { rating: sameOrigin ? 'write' : 'none', related: ['topic', 'newer', 'older'] },

    async getArticle(id) {
      const root = detail(id);
      const leadBox =
        root.querySelector('.hometext') ??
        root.querySelector('#hometext [itemprop="description"]') ??
        root.querySelector('#hometext');
      const lead = leadBox?.cloneNode(true) as Element | undefined;
      lead?.querySelectorAll('#imghome, .imghome, figure, img').forEach((node) => node.remove());
      // The picture beside the lead (thumbnail) or below it (full width: mobile_default puts it
      // in a plain div after #hometext).
      const image = root.querySelector<HTMLImageElement>(
        'figure.article img, #hometext img, #imghome img, #hometext ~ div:not(.bodytext) > img',
      );
      const frame = image?.closest('figure, #imghome, .imghome') ?? image?.parentElement;
      const caption = frame?.querySelector('figcaption, em');
      const bodyHtml =
        (root.querySelector('#news-bodyhtml') ?? root.querySelector('.bodytext'))?.innerHTML ?? '';
      // NukeViet 4.5's datePublished is the last edit: its article:* meta tags come first.
      const meta = (property: string) =>
        nukevietTime(
          document.querySelector(`meta[property="${property}"]`)?.getAttribute('content'),
        );
      const published =
        meta('article:published_time') ||
        root.querySelector('[itemprop="datePublished"]')?.textContent?.trim() ||
        parsePortalDate(text(root.querySelector('span.h5, em.time, .time')));
      const modified =
        meta('article:modified_time') ||
        root.querySelector('[itemprop="dateModified"]')?.textContent?.trim();
      return {
        id,
        title: text(root.querySelector('h1')),
        url: location.href,
        lead: text(lead),
        image: image ? { url: image.src, alt: image.alt, caption: text(caption) } : null,
        publishedAt: published,
        category: null,
        bodyHtml,
        author: '',
        source: portal.origin,
        topic: null,
        updatedAt: modified || published,
        lang: document.documentElement.lang || 'vi',
        readingMinutes: readingMinutesOfHtml(bodyHtml),
        rating: summary(),
        voices: pageVoices(document, document.baseURI),
      };
    },

    async getRelated(id, { strategies, limit }) {
      detail(id);
      return mergeRelated(strategies.map(listFor), limit);
    },

    async getRating(id) {
      detail(id);
      const found = summary();
      if (!found) throw new BackendError('unsupported', 'This NukeViet page shows no rating');
      return found;
    },

    async rate(id, score, { signal } = {}) {
      if (!sameOrigin) {
        throw new BackendError(
          'unsupported',
          'NukeViet accepts votes only from its own pages; use the reference server from another site',
        );
      }
      detail(id);
      const page = pageRating();
      if (!page) {
        throw new BackendError(
          'unsupported',
          'This page prints no sendrating(…) call, so its checkss is unknown: keep the theme’s rating block in detail.tpl',
        );
      }
      const url = ratingUrl();
      const response = await http.request(url, {
        method: 'POST',
        signal,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        body: new URLSearchParams({
          id,
          point: String(score),
          checkss: page.checkss,
        }),
      });
      if (!response.ok)
        throw new BackendError(
          'unavailable',
          `${url} answered ${response.status}`,
          undefined,
          response.status,
        );
      return parseRatingReply(await response.text(), score);
    },
  };
}
