import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The languages every element speaks: Vietnamese first, English second. */
export type Lang = 'vi' | 'en';

/** One table of UI strings per language, checked by the compiler to have the same keys. */
export type Translations<T> = Record<Lang, T>;

const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/** The `lang` of the closest ancestor that has one, looking through shadow roots. */
export function closestLang(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/** English for `en`, `en-GB` and the like; Vietnamese for everything else. */
export function resolveLang(element: Element): Lang {
  return /^en\b/i.test(closestLang(element)) ? 'en' : 'vi';
}

/** Keeps `host.lang` in step with the page, re-rendering the host when a `lang` changes. */
export class LangController implements ReactiveController {
  value: Lang = 'vi';

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    // One observer for the whole page, however many elements listen.
    observer ??= new MutationObserver(() => listeners.forEach((listener) => listener()));
    if (!listeners.size) {
      observer.observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['lang'],
        subtree: true,
      });
    }
    listeners.add(this.refresh);
    this.refresh();
  }

  hostDisconnected(): void {
    listeners.delete(this.refresh);
    if (!listeners.size) observer?.disconnect();
  }

  private readonly refresh = (): void => {
    const next = resolveLang(this.host);
    if (next !== this.value) {
      this.value = next;
      this.host.requestUpdate();
    }
  };
}

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

/**
 * One formatter per kind, locale and options for the whole page: making one costs far more
 * than using it, and a render formats several numbers or dates.
 */
function cachedFormat<T extends Intl.NumberFormat | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

export function numberFormat(
  locale: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  const key = `number|${locale}|${JSON.stringify(options)}`;
  return cachedFormat(key, () => new Intl.NumberFormat(locale, options));
}

export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions = {},
): Intl.DateTimeFormat {
  const key = `date|${locale}|${JSON.stringify(options)}`;
  return cachedFormat(key, () => new Intl.DateTimeFormat(locale, options));
}
