import { readingMinutes } from '../model/portal-model.js';

/** The text of an HTML fragment, entities decoded; DOMParser runs no script and loads nothing. */
export function textFromHtml(html: string): string {
  return (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reading time of an article body, counted as the server counts it. */
export function readingMinutesOfHtml(html: string): number {
  return readingMinutes(textFromHtml(html).split(' ').filter(Boolean).length);
}
