import type { PropertyValues, ReactiveElement } from '@lit/reactive-element';
import { nextTask, PORTAL_WIDGETS_MARK } from '../core/define.js';
import { LangController, type Lang, type Translations } from '../core/lang.js';

// TypeScript's rule for mixins: constructors take `...args: any[]`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = abstract new (...args: any[]) => T;

/** The members `PortalWidget` adds, declared apart so declaration files can carry them. */
export declare abstract class PortalWidgetMembers {
  /** The language the element speaks now, from the closest `lang` attribute. */
  protected get uiLang(): Lang;
  /** `vi-VN` or `en` for Intl formatting. */
  protected get locale(): string;
  /** The string table for the current language. */
  protected strings<T>(table: Translations<T>): T;
  /** Dispatches one of our typed events (they bubble and cross shadow roots). */
  protected emit(event: Event): void;
  /** Our text drawn larger than the host's (a selector in the shadow root), if any. */
  protected largerText?: string;
}

/**
 * For reflected text properties whose default is "": an empty value leaves no attribute behind
 * (no `article-id=""` or `name=""` on every element that was never given one).
 */
export const emptyMeansNoAttribute = { toAttribute: (value: string) => value || null };

/**
 * What every Portal Widgets element shares, on LitElement or on bare ReactiveElement alike (the
 * toolbar's elements stay free of lit-html): the page's language, its strings and locale, our
 * typed events, and a mark other copies of the library recognise.
 */
export function PortalWidget<Base extends Constructor<ReactiveElement>>(base: Base) {
  abstract class Widget extends base {
    /** @internal */
    static readonly [PORTAL_WIDGETS_MARK] = true;

    private readonly langController = new LangController(this);

    protected get uiLang(): Lang {
      return this.langController.value;
    }

    protected get locale(): string {
      return this.uiLang === 'vi' ? 'vi-VN' : 'en';
    }

    protected strings<T>(table: Translations<T>): T {
      return table[this.uiLang];
    }

    protected emit(event: Event): void {
      this.dispatchEvent(event);
    }

    protected largerText?: string;

    /** The spacing read `updated` has asked for and not yet made. */
    #spacingRead?: ReturnType<typeof setTimeout>;

    /**
     * The first render waits for a task of its own, after the one that upgraded the element
     * (its styles adopted, the page's preferences read): on a slow phone the two together would
     * make one long task, and the page could answer no input in between.
     */
    protected override scheduleUpdate(): void | Promise<unknown> {
      return this.hasUpdated
        ? super.scheduleUpdate()
        : nextTask().then(() => super.scheduleUpdate());
    }

    /**
     * A visitor's own letter and word spacing (WCAG 1.4.12) reaches the shadow DOM only inherited,
     * as lengths of the host's text size: given again in em, larger text gets as much in proportion.
     * Read a little later, once a frame has computed the page's styles (not in a frame's callback,
     * which would make that frame's rendering count as ours): read now, the browser would have to
     * compute them inside our render.
     */
    protected override updated(changed: PropertyValues): void {
      super.updated(changed);
      const selector = this.largerText;
      // One read for every render until it is made: it covers what they all rendered.
      if (!selector || this.#spacingRead) return;
      this.#spacingRead = setTimeout(() => {
        this.#spacingRead = undefined;
        const { fontSize, letterSpacing, wordSpacing } = getComputedStyle(this);
        // No spacing asked for: nothing written, so our text carries no style attribute.
        const em = (length: string) =>
          parseFloat(length) ? `${parseFloat(length) / parseFloat(fontSize)}em` : '';
        for (const text of this.renderRoot.querySelectorAll<HTMLElement>(selector)) {
          text.style.letterSpacing = em(letterSpacing);
          text.style.wordSpacing = em(wordSpacing);
        }
      }, 100);
    }
  }
  return Widget as unknown as Base & Constructor<PortalWidgetMembers>;
}
