import { readingMinutes } from '../html-text.js';
import {
  BackendError,
  mergeRelated,
  type ArticleSummary,
  type Backend,
  type BackendContext,
  type RatingSummary,
  type RelatedStrategy,
} from '../types.js';

/** `sendrating('<id>', value, '<checkss>')`, as the news module's detail page prints it. */
const SEND_RATING = /sendrating\(\s*'(\d+)'\s*,\s*[\w.]+\s*,\s*'([0-9a-f]{32})'\s*\)/;

/** Labels above NukeViet's related lists ("Những tin mới hơn", "Những tin cũ hơn", the topic's). */
const LIST_LABELS: [RegExp, RelatedStrategy][] = [
  [/mới hơn|newer/i, 'newer'],
  [/cũ hơn|older/i, 'older'],
  [/sự kiện|chủ đề|topic/i, 'topic'],
];

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** "Tổng số điểm của bài viết là: 12 trong 3 đánh giá" → 12 points from 3 ratings. */
export function parseRatingSentence(sentence: string): { total: number; count: number } | null {
  const numbers = sentence.match(/\d+/g);
  return numbers && numbers.length >= 2
    ? { total: Number(numbers[0]), count: Number(numbers[1]) }
    : null;
}

/** The rating endpoint's plain-text reply: "<sentence>|<average>|<count>"; errors are "<message>|0|0". */
export function parseRatingReply(reply: string, score: number): RatingSummary {
  const [message = '', averageText = '0', countText = '0'] = reply.trim().split('|');
  const average = Number(averageText);
  const count = Number(countText);
  if (!count) {
    if (/đã đánh giá|already/i.test(message)) {
      throw new BackendError('already-voted', message);
    }
    throw new BackendError(
      /wrong url/i.test(message) ? 'unsupported' : 'invalid',
      message || 'The portal refused the vote',
    );
  }
  return { total: Math.round(average * count), count, average, open: true, yourScore: score };
}

/**
 * For widgets placed on a NukeViet news page itself: the article and its related lists are read
 * from the page, and votes go through the news module's own `op=rating` with the page's
 * `checkss`, which only works on the portal's own origin (it checks the Referer and the PHP
 * session). `api` is the portal's address, optionally with `nv=<module>`.
 */
export function nukevietBackend({ api, http }: BackendContext): Backend {
  const portal = new URL(api, location.href);
  const sameOrigin = portal.origin === location.origin;
  const module = portal.searchParams.get('nv') ?? 'news';
  const language =
    portal.searchParams.get('language') ?? (document.documentElement.lang.slice(0, 2) || 'vi');

  function pageRating(): { id: string; checkss: string } | null {
    for (const script of document.scripts) {
      const match = SEND_RATING.exec(script.textContent ?? '');
      if (match) return { id: match[1], checkss: match[2] };
    }
    return null;
  }

  function detail(id: string) {
    const root = document.querySelector('#news_detail') ?? document.querySelector('.news_column');
    const shown = pageRating()?.id;
    if (!root || (shown && shown !== id)) {
      throw new BackendError(
        'not-found',
        `This page does not show NukeViet article ${id}${shown ? ` (it shows ${shown})` : ''}`,
      );
    }
    return root;
  }

  function summary(): RatingSummary | null {
    const counts = parseRatingSentence(text(document.querySelector('#stringrating')));
    if (!counts) return null;
    const average = counts.count ? Math.round((counts.total / counts.count) * 10) / 10 : 0;
    return { ...counts, average, open: Boolean(pageRating()) };
  }

  function listFor(strategy: RelatedStrategy): ArticleSummary[] {
    for (const list of document.querySelectorAll('ul.related')) {
      const label = text(list.previousElementSibling);
      if (!LIST_LABELS.some(([pattern, kind]) => kind === strategy && pattern.test(label)))
        continue;
      return [...list.querySelectorAll('li')].map((item): ArticleSummary => {
        const link = item.querySelector('a');
        const href = link?.href ?? '';
        return {
          id: /-(\d+)\.html?$/.exec(href)?.[1] ?? href,
          title: text(link),
          url: href,
          lead: '',
          image: null,
          publishedAt: text(item.querySelector('.date')).replace(/^\(|\)$/g, ''),
          category: null,
        };
      });
    }
    return [];
  }

  return {
    capabilities: { rating: sameOrigin ? 'write' : 'none', related: ['topic', 'newer', 'older'] },

    async getArticle(id) {
      const root = detail(id);
      const lead = root.querySelector('#hometext')?.cloneNode(true) as Element | undefined;
      lead?.querySelector('#imghome')?.remove();
      const image = root.querySelector<HTMLImageElement>('#imghome img, #hometext img');
      const bodyHtml = root.querySelector('.bodytext')?.innerHTML ?? '';
      const time = text(root.querySelector('.time'));
      return {
        id,
        title: text(root.querySelector('h1')),
        url: location.href,
        lead: text(lead),
        image: image
          ? { url: image.src, alt: image.alt, caption: text(root.querySelector('#imghome em')) }
          : null,
        publishedAt: time,
        category: null,
        bodyHtml,
        author: '',
        source: portal.origin,
        topic: null,
        updatedAt: time,
        lang: document.documentElement.lang || 'vi',
        readingMinutes: readingMinutes(bodyHtml),
        rating: summary(),
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
      const page = pageRating();
      if (!sameOrigin || !page) {
        throw new BackendError(
          'unsupported',
          sameOrigin
            ? 'This page has no rating form (rating is off for this article)'
            : 'NukeViet accepts votes only from its own pages; use the reference server from another site',
        );
      }
      // The module refuses requests without a 10+ digit nocache value.
      const url = `${portal.origin}${portal.pathname.replace(/[^/]*$/, '')}index.php?language=${language}&nv=${module}&op=rating&nocache=${Date.now()}`;
      const response = await http.request(url, {
        method: 'POST',
        signal,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
        body: new URLSearchParams({ id, point: String(score), checkss: page.checkss }),
      });
      if (!response.ok) throw new BackendError('invalid', `${url} answered ${response.status}`);
      return parseRatingReply(await response.text(), score);
    },
  };
}
