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

/**
 * A number as Intl.NumberFormat writes it in our two languages (vi-VN 1.234,5; en 1,234.5), with
 * exactly `digits` decimals, rounded half away from zero, times 10^`shift` (2 for a percentage).
 * Written here because a page's first Intl formatter loads the browser's locale data, a task of
 * 85–132 ms on a phone. For numbers from 0 up, as the elements show; the tests compare with Intl.
 */
export function formatNumber(value: number, lang: Lang, digits = 0, shift = 0): string {
  // Rounded from the shortest decimal that names the value, as Intl does: 0.15 is 15 × 10^-2,
  // not the 0.1499… that toFixed rounds.
  const [mantissa, exponent = '0'] = String(value).split('e');
  const [whole, fraction = ''] = mantissa!.split('.');
  const places = +exponent + shift + digits - fraction.length;
  const unit = 10n ** BigInt(Math.abs(places));
  const scaled = BigInt(whole + fraction);
  const text = String(places < 0 ? (scaled * 2n + unit) / (2n * unit) : scaled * unit).padStart(
    digits + 1,
    '0',
  );
  const [group, decimal] = lang === 'vi' ? '.,' : ',.';
  const integer = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+$)/g, group!);
  return digits ? integer + decimal + text.slice(-digits) : integer;
}

const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );

/**
 * A publication date as Intl.DateTimeFormat writes it: 26/11/2026 as Vietnamese portals print it;
 * in English the month by name ("November 26, 2026"), since 11/05 reads as two different days to
 * English readers. In the visitor's time zone, for years 1000 to 9999.
 */
export function formatDate(date: Date, lang: Lang): string {
  const day = date.getDate();
  const month = date.getMonth();
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return lang === 'vi'
    ? `${twoDigits(day)}/${twoDigits(month + 1)}/${date.getFullYear()}`
    : `${MONTHS[month]} ${day}, ${date.getFullYear()}`;
}
