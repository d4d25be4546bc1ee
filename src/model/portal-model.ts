/**
 * The facts both sides of the HTTP line hold: the reference server answers with them and the
 * widgets read them. No DOM and no Node here, so the server and the browser import this file.
 */

/** The error code, and the one name, for an article that no longer takes ratings. */
export const RATING_CLOSED = 'rating-closed';

/** Total points over the number of ratings, one decimal; 0 with no ratings. */
export function ratingAverage(total: number, count: number): number {
  return count ? Math.round((total / count) * 10) / 10 : 0;
}

const READING_WORDS_PER_MINUTE = 200;

/** The words of an article's HTML body: its text between tags, split at white space. */
export function countWords(html: string): number {
  return html
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter(Boolean).length;
}

/** Minutes to read a text of `words` words, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / READING_WORDS_PER_MINUTE));
}

/** Related articles as NukeViet portals show them: same topic, newer, older, latest in the category. */
export type RelatedStrategy = 'topic' | 'newer' | 'older' | 'category';
export const RELATED_STRATEGIES: readonly RelatedStrategy[] = [
  'topic',
  'newer',
  'older',
  'category',
];

/** Several strategies' lists merged in order, each article once, at most `limit`. */
export function mergeRelated<T extends { id: unknown }>(
  lists: readonly (readonly T[])[],
  limit: number,
): T[] {
  const seen = new Set<unknown>();
  const merged: T[] = [];
  for (const item of lists.flat()) {
    if (merged.length >= limit) break;
    if (!seen.has(item.id)) {
      seen.add(item.id);
      merged.push(item);
    }
  }
  return merged;
}

/**
 * What the sanitiser removes from article HTML, on import and on display, beyond DOMPurify's
 * own rules (which already drop scripts, event handlers and javascript: URLs).
 */
export const SANITIZER_FORBID_TAGS: readonly string[] = [
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'iframe',
  'frame',
  'object',
  'embed',
];
export const SANITIZER_FORBID_ATTR: readonly string[] = ['style'];
