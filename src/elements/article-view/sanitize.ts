import { safeUrl } from '../../core/safe-url.js';
import { trustedPolicy } from '../../core/trusted-policy.js';
import { SanitizerMissingError, TrustedTypesRefusedError } from './body-errors.js';

declare const __SINGLE_FILE__: boolean;

type DOMPurifyModule = typeof import('dompurify');

/** What an article body may hold, on both paths: text, links, images, figures, tables, video. */
export const BODY_ELEMENTS = [
  ...['p', 'br', 'hr', 'div', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre'],
  ...['b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q'],
  ...['code', 'time', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'picture', 'figure'],
  ...['figcaption', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr'],
  ...['th', 'td', 'ins', 'del', 'video', 'audio', 'source', 'track', 'iframe'],
];

export const BODY_ATTRIBUTES = [
  ...['href', 'target', 'title', 'lang', 'dir', 'src', 'srcset', 'sizes', 'alt', 'width'],
  ...['height', 'colspan', 'rowspan', 'scope', 'headers', 'datetime', 'cite', 'start'],
  ...['reversed', 'controls', 'poster', 'preload', 'type', 'media', 'kind', 'srclang'],
  ...['label', 'allowfullscreen'],
];

/**
 * Wrappers whose content stays without them (DOMPurify keeps the content of every element it
 * removes; the native sanitiser drops an element with its content unless it is listed here).
 */
export const BODY_UNWRAPPED = [
  ...['section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'address', 'hgroup'],
  ...['center', 'font', 'big', 'strike', 'tt', 'kbd', 'samp', 'var', 'bdi'],
  ...['bdo', 'data', 'dfn', 'details', 'summary', 'form', 'fieldset', 'legend', 'label'],
  ...['button', 'o:p'],
];

/** Attributes holding one address; `srcset` holds several and is checked apart. */
const ADDRESS_ATTRIBUTES = ['href', 'src', 'poster', 'cite'];

/** The only frames an article may embed: a YouTube video's player. */
const YOUTUBE_EMBED = /^https:\/\/www\.youtube(-nocookie)?\.com\/embed\/[\w-]+(\?[\w=&%.-]*)?$/;

/**
 * The step both paths share after sanitising: every address resolved against the backend and
 * kept only when http(s) (an in-page `#…` link too); frames only as a sandboxed YouTube player.
 */
function keepSafeAddresses(body: DocumentFragment, base: string): DocumentFragment {
  for (const element of body.querySelectorAll('*')) {
    for (const name of ADDRESS_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null || (name === 'href' && value.startsWith('#'))) continue;
      const url = safeUrl(value, base);
      if (url) element.setAttribute(name, url);
      else element.removeAttribute(name);
    }
    const srcset = element.getAttribute('srcset');
    if (srcset !== null) {
      const candidates = srcset.split(',').map((candidate) => {
        const [address = '', ...descriptor] = candidate.trim().split(/\s+/);
        const url = safeUrl(address, base);
        return url && [url, ...descriptor].join(' ');
      });
      if (candidates.every(Boolean)) element.setAttribute('srcset', candidates.join(', '));
      else element.removeAttribute('srcset');
    }
  }
  for (const frame of body.querySelectorAll('iframe')) {
    const src = frame.getAttribute('src') ?? '';
    if (!YOUTUBE_EMBED.test(src)) {
      frame.remove();
      continue;
    }
    frame.setAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-presentation allow-popups',
    );
    // YouTube refuses to play in a frame that sends no referrer.
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.setAttribute('loading', 'lazy');
    if (!frame.title) frame.title = 'YouTube';
  }
  return body;
}

/** Whether this browser has the HTML Sanitizer API (`Element.setHTML` and `Sanitizer`). */
export function hasNativeSanitizer(): boolean {
  return (
    typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function' &&
    typeof (globalThis as { Sanitizer?: unknown }).Sanitizer === 'function'
  );
}

let nativeSanitizer: object | undefined;

interface SanitizingElement {
  setHTMLUnsafe(input: unknown, options: { sanitizer: object }): void;
  setHTML(input: string, options: { sanitizer: object }): void;
}

/**
 * The body through the browser's own sanitiser, configured with the lists above. The "safe"
 * setHTML() always removes iframes, even allowed ones (HTML Sanitizer API), so a YouTube player
 * needs setHTMLUnsafe() with the same explicit allow-list; no script element, no event handler
 * and no address outside http(s) survives either way. Parsed in an inert document, so nothing
 * loads before the body is accepted.
 */
export function sanitizeNatively(html: string, base: string): DocumentFragment {
  const Sanitizer = (globalThis as unknown as { Sanitizer: new (config: object) => object })
    .Sanitizer;
  // Built once: a Sanitizer object is cheaper to reuse than a configuration read per call.
  nativeSanitizer ??= new Sanitizer({
    elements: BODY_ELEMENTS,
    attributes: BODY_ATTRIBUTES,
    replaceWithChildrenElements: BODY_UNWRAPPED,
    comments: false,
    dataAttributes: false,
  });
  const sanitizer = nativeSanitizer;
  const inert = document.implementation.createHTMLDocument('');
  const holder = inert.createElement('div');
  const sanitizing = holder as unknown as SanitizingElement;
  const policy = trustedPolicy();
  if (policy) sanitizing.setHTMLUnsafe(policy.createHTML(html), { sanitizer });
  // The page's Trusted Types rules refused our policy: the safe setHTML needs none (no frames).
  else if ('trustedTypes' in globalThis) sanitizing.setHTML(html, { sanitizer });
  else sanitizing.setHTMLUnsafe(html, { sanitizer });
  // Moved as one range: spreading 150,000 children into one call overflows the stack.
  const range = inert.createRange();
  range.selectNodeContents(holder);
  return keepSafeAddresses(range.extractContents(), base);
}

let purify: Promise<DOMPurifyModule['default']> | undefined;

/** DOMPurify, loaded only when an article needs it and the browser has no Element.setHTML(). */
function loadPurify(): Promise<DOMPurifyModule['default']> {
  if (!purify) {
    // In the script-tag files this code is article-body.js, and DOMPurify sanitizer.js beside it.
    const url = __SINGLE_FILE__ ? new URL('sanitizer.js', import.meta.url).href : '';
    purify = (
      __SINGLE_FILE__
        ? (import(/* @vite-ignore */ url) as Promise<DOMPurifyModule>).catch(() => {
            const error = new SanitizerMissingError(url);
            console.error(`Portal Widgets: ${error.message}.`);
            throw error;
          })
        : import('dompurify')
    ).then((module) => module.default);
    // A failed load is tried again on the next article (the file may have been copied since).
    purify.catch(() => (purify = undefined));
  }
  return purify;
}

/** The body through DOMPurify, with exactly what the native path allows. */
export async function sanitizeWithPurify(html: string, base: string): Promise<DocumentFragment> {
  const dompurify = await loadPurify();
  const body = dompurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    ALLOWED_TAGS: BODY_ELEMENTS,
    ALLOWED_ATTR: BODY_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    TRUSTED_TYPES_POLICY: trustedPolicy() as never,
  }) as DocumentFragment | null;
  // Nothing parsed: the page's Trusted Types refused DOMPurify, having no policy of ours (Safari).
  if (!body) throw new TrustedTypesRefusedError();
  return keepSafeAddresses(body, base);
}

/**
 * Untrusted article HTML turned into a fragment with nothing that runs: no scripts, no event
 * handlers, no address but http(s), no frame but a YouTube player, no forms. `base` is the
 * backend's address, against which relative addresses resolve.
 */
export function sanitize(html: string, base: string): Promise<DocumentFragment> {
  return hasNativeSanitizer()
    ? Promise.resolve().then(() => sanitizeNatively(html, base))
    : sanitizeWithPurify(html, base);
}
