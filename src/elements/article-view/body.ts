// An article's body as article-view shows it: sanitised, then fitted to the page. In the
// script-tag files this is article-body.js, fetched beside them with a page's first article, so
// that pages without article-view (most portals show their own article) do not carry it.
import { sanitize } from './sanitize.js';

/** Makes the sanitised body fit the page: safe links, lazy images, scrollable tables, headings below the title. */
function finishBody(
  body: DocumentFragment,
  headingLevel: number,
  tableLabel: string,
): DocumentFragment {
  for (const link of body.querySelectorAll('a[target]'))
    link.setAttribute('rel', 'noopener noreferrer');
  for (const image of body.querySelectorAll('img')) {
    image.loading = 'lazy';
    image.decoding = 'async';
    if (!image.hasAttribute('alt')) image.alt = '';
  }
  body.querySelectorAll('table').forEach((table, index) => {
    // A focusable, named region so keyboard users can scroll a wide table.
    const region = document.createElement('div');
    region.className = 'table-scroll';
    region.tabIndex = 0;
    region.setAttribute('role', 'region');
    region.setAttribute('aria-label', `${tableLabel} ${index + 1}`);
    table.replaceWith(region);
    region.append(table);
  });
  const headings = [...body.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')];
  // A loop, not Math.min(...): a body may hold more headings than a call takes arguments.
  const highest = headings.reduce((min, element) => Math.min(min, Number(element.localName[1])), 7);
  const shift = Math.max(0, headingLevel + 1 - highest);
  if (shift) {
    for (const element of headings) {
      const level = Math.min(6, Number(element.localName[1]) + shift);
      const replacement = document.createElement(`h${level}`);
      replacement.append(...element.childNodes);
      element.replaceWith(replacement);
    }
  }
  return body;
}

/**
 * `html` from the backend at `base`, sanitised and fitted under a headline of `headingLevel`;
 * tables are named "`tableLabel` 1", "`tableLabel` 2"….
 */
export async function showableBody(
  html: string,
  base: string,
  headingLevel: number,
  tableLabel: string,
): Promise<DocumentFragment> {
  return finishBody(await sanitize(html, base), headingLevel, tableLabel);
}
