/** The text of an HTML fragment, entities decoded; DOMParser runs no script and loads nothing. */
export function textFromHtml(html: string): string {
  return (new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function readingMinutes(html: string): number {
  return Math.max(1, Math.round(textFromHtml(html).split(' ').filter(Boolean).length / 200));
}
