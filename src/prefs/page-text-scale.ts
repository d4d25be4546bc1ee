import { adoptDocumentSheet } from '../styles/document-sheets.js';
import { reportBadSetting } from '../core/config.js';
import { PORTAL_WIDGETS_MARK } from '../core/define.js';

/** Elements that never show text of their own. */
const NO_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'LINK',
  'META',
  'TEMPLATE',
  'NOSCRIPT',
  'IFRAME',
  'IMG',
  'VIDEO',
  'CANVAS',
]);

/** Set on `<html>` while text is scaled, so a portal's own CSS can react to it. */
export const TEXT_SCALE_ATTRIBUTE = 'data-pw-text-scale';

interface SavedInline {
  /** The `style` attribute as the page had it (null: none). */
  attribute: string | null;
  /** The attribute as we left it: when it still reads so, the page's own goes back verbatim. */
  written: string | null;
  fontSize: [value: string, priority: string];
  lineHeight: [value: string, priority: string];
}

/**
 * Scales the host page's text by a factor of the visitor's own default size.
 *
 * Pages sized in rem/em grow through the root font size, written as a percentage so the
 * visitor's browser setting and zoom still count. Whatever that did not reach (a theme sized in
 * px, most portal themes) is measured and given its own size times the factor, so a plain
 * `<font-scaler>` works on any page. `target` names the part of a px page to scale instead, for
 * precision: each element there is measured the same way. At 1 everything goes back to exactly
 * what it had.
 */
export class PageTextScaler {
  private scale = 1;
  private measuredScale = 1;
  private readonly sheet = adoptDocumentSheet();
  private readonly targets = new Map<object, string>();
  private readonly saved = new Map<HTMLElement, SavedInline>();
  private observer: MutationObserver | undefined;
  private frame = 0;

  constructor() {
    addEventListener('resize', () => this.applySoon());
  }

  /**
   * How much the page's text actually grew at the last change, measured: the factor asked for,
   * or 1 when nothing on the page could be scaled.
   */
  get inForce(): number {
    return this.measuredScale;
  }

  /** Once per frame at most, for a resize or new content. */
  private applySoon(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.apply());
  }

  setScale(scale: number): void {
    if (scale === this.scale) return;
    this.scale = scale;
    this.apply();
    if (document.body) this.observe();
    else {
      // A script in <head> with a saved size: the page's text is not there yet.
      document.addEventListener(
        'DOMContentLoaded',
        () => {
          this.observe();
          this.apply();
        },
        { once: true },
      );
    }
  }

  /** Registers (or with `null`, withdraws) the part of the page one owner wants scaled. */
  setTarget(owner: object, selector: string | null): void {
    // Nothing changes (each <font-scaler> without a target says so on its first render): the
    // page is already scaled by setScale, and measuring it again costs a pass over every element.
    if ((selector || undefined) === this.targets.get(owner)) return;
    if (selector) {
      try {
        document.querySelector(selector);
        this.targets.set(owner, selector);
      } catch {
        reportBadSetting('target', selector, 'Use a CSS selector such as ".bodytext" or "#main".');
        this.targets.delete(owner);
      }
    } else {
      this.targets.delete(owner);
    }
    this.observe();
    this.apply();
  }

  private targetRoots(): HTMLElement[] {
    const selector = [...new Set(this.targets.values())].join(',');
    return selector ? [...document.querySelectorAll<HTMLElement>(selector)] : [];
  }

  /** The parts whose new content is scaled too: the targets, or else the whole body. */
  private scaledRoots(): HTMLElement[] {
    return this.targets.size ? this.targetRoots() : [document.body];
  }

  private observe(): void {
    if (this.scale === 1 || !document.body) {
      this.observer?.disconnect();
      this.observer = undefined;
      return;
    }
    if (this.observer) return;
    // New content inside a scaled part (an article rendered late, a "load more") is scaled too.
    this.observer = new MutationObserver((records) => {
      if (this.scale === 1) return;
      const roots = this.scaledRoots();
      const touched = records.some((record) => {
        // Scripts, frames and images an ad or a widget adds hold no text to scale.
        const added = [...record.addedNodes].filter(
          (node): node is Element => node instanceof Element && !NO_TEXT.has(node.tagName),
        );
        return (
          added.length > 0 &&
          (roots.some((root) => root.contains(record.target)) ||
            added.some((node) => roots.some((root) => node.contains(root))))
        );
      });
      if (touched) this.applySoon();
    });
    this.observer.observe(document.body, { childList: true, subtree: true });
  }

  private restore(): void {
    document.documentElement.removeAttribute(TEXT_SCALE_ATTRIBUTE);
    for (const [element, { attribute, written, fontSize, lineHeight }] of this.saved) {
      if (element.getAttribute('style') === written) {
        if (attribute === null) element.removeAttribute('style');
        else element.setAttribute('style', attribute);
      } else {
        // The page changed the element's style since: only our two properties go back.
        element.style.setProperty('font-size', ...fontSize);
        element.style.setProperty('line-height', ...lineHeight);
      }
    }
    this.saved.clear();
  }

  private apply(): void {
    this.observer?.takeRecords();
    this.restore();
    this.measuredScale = 1;
    if (this.scale === 1) return;

    // Measure everything at the page's own sizes first, then write: few style passes in all.
    const html = document.documentElement;
    const rootPx = parseFloat(getComputedStyle(html).fontSize);
    const defaultPx = measureDefaultFontSize();
    const writeRoot = () => {
      const rootPercent = ((rootPx / defaultPx) * this.scale * 100).toFixed(3);
      this.sheet.replaceSync(
        `html[${TEXT_SCALE_ATTRIBUTE}]{font-size:${rootPercent}% !important;--pw-text-scale:${this.scale}}`,
      );
      html.setAttribute(TEXT_SCALE_ATTRIBUTE, String(this.scale));
    };
    // In <head>: the root now, so rem text starts at its size; the rest once the body is parsed.
    if (!document.body) return writeRoot();
    // The targets are scaled element by element; the rest of the page (or, with a target, our
    // own elements) only where the root size does not reach: a theme sized in px.
    const precise = new Set(
      this.targetRoots().flatMap((root) => [root, ...root.querySelectorAll<HTMLElement>('*')]),
    );
    const checked = this.targets.size
      ? ownElements()
      : [document.body, ...document.body.querySelectorAll('*')];
    const elements = [
      ...precise,
      ...checked.filter((element) => !precise.has(element as HTMLElement)),
    ].filter((element): element is HTMLElement => element instanceof HTMLElement);
    const before = elements.map(measure);

    writeRoot();
    const after = elements.map((element) => (precise.has(element) ? undefined : measure(element)));
    const follows = (wanted: number, got: number | undefined) =>
      got !== undefined && Math.abs(got - wanted) < 0.05;
    elements.forEach((element, index) => {
      const { fontSize, lineHeight } = before[index]!;
      const grown = after[index];
      const pinFont = !follows(fontSize * this.scale, grown?.fontSize);
      // A px line height left alone would make the larger lines overlap.
      const pinLine =
        lineHeight !== undefined && !follows(lineHeight * this.scale, grown?.lineHeight);
      if (!pinFont && !pinLine) return;
      const { style } = element;
      const saved: SavedInline = {
        attribute: element.getAttribute('style'),
        written: null,
        fontSize: [style.getPropertyValue('font-size'), style.getPropertyPriority('font-size')],
        lineHeight: [
          style.getPropertyValue('line-height'),
          style.getPropertyPriority('line-height'),
        ],
      };
      if (pinFont) style.setProperty('font-size', `${fontSize * this.scale}px`, 'important');
      if (pinLine) style.setProperty('line-height', `${lineHeight * this.scale}px`, 'important');
      saved.written = element.getAttribute('style');
      this.saved.set(element, saved);
    });
    this.measuredScale = measuredGrowth(elements, before);
  }
}

interface TextMetrics {
  fontSize: number;
  /** In px; undefined for `normal`, which follows the font size by itself. */
  lineHeight: number | undefined;
}

/** The page's Portal Widgets elements, of any copy of the bundle. */
function ownElements(): HTMLElement[] {
  return [...document.body.querySelectorAll<HTMLElement>('*')].filter(
    (element) =>
      element.localName.includes('-') &&
      (customElements.get(element.localName) as { [PORTAL_WIDGETS_MARK]?: true } | undefined)?.[
        PORTAL_WIDGETS_MARK
      ],
  );
}

function measure(element: HTMLElement): TextMetrics {
  const style = getComputedStyle(element);
  return {
    fontSize: parseFloat(style.fontSize),
    lineHeight: style.lineHeight.endsWith('px') ? parseFloat(style.lineHeight) : undefined,
  };
}

/** How much the elements that hold text grew, by the median; 1 when there is no text. */
function measuredGrowth(elements: HTMLElement[], before: TextMetrics[]): number {
  const ratios = elements
    .map((element, index) =>
      !NO_TEXT.has(element.tagName) &&
      [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
      )
        ? parseFloat(getComputedStyle(element).fontSize) / before[index]!.fontSize
        : undefined,
    )
    .filter((ratio): ratio is number => ratio !== undefined && Number.isFinite(ratio))
    .sort((a, b) => a - b);
  return ratios.length ? Math.round(ratios[Math.floor(ratios.length / 2)]! * 1000) / 1000 : 1;
}

/** The visitor's default font size in px (the `medium` keyword), whatever the page sets. */
function measureDefaultFontSize(): number {
  const probe = document.createElement('span');
  probe.style.setProperty('font-size', 'medium', 'important');
  document.documentElement.append(probe);
  const size = parseFloat(getComputedStyle(probe).fontSize);
  probe.remove();
  return size;
}
