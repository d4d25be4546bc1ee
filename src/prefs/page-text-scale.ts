import { adoptDocumentSheet } from '../styles/document-sheets.js';
import { reportBadSetting } from '../core/config.js';
import { PORTAL_WIDGETS_MARK, tagName } from '../core/define.js';

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

/** How long a window's width must rest before the page is measured again. */
const RESIZE_SETTLE_MS = 200;

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
  /** How much the text grew at the last change, measured when first asked (1: nothing scaled). */
  private measuredScale: number | (() => number) = 1;
  /** Added to the page with the first size other than 1: each sheet added costs a style pass. */
  private sheet: CSSStyleSheet | undefined;
  private readonly targets = new Map<object, string>();
  private readonly saved = new Map<HTMLElement, SavedInline>();
  private observer: MutationObserver | undefined;
  private frame = 0;
  /** Elements added inside a scaled part since the last frame, measured on their own. */
  private readonly added = new Set<HTMLElement>();
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The window's width, read once a frame has laid the page out (undefined until then). */
  private width: number | undefined;

  constructor() {
    // Read now, the width would make the browser lay the page out inside the task that creates
    // this (an element's upgrade; on a slow phone tens of milliseconds). Read once the browser is
    // idle, a frame has laid it out already (without idle callbacks, Safari, in a task of its
    // own). Not from a frame's callback: the frame's rendering, the page's, would be counted as
    // ours.
    (globalThis.requestIdleCallback ?? setTimeout)(() => (this.width ??= innerWidth));
    // A phone's address bar changes only the height, which no text size depends on; a width
    // change may cross a theme's breakpoint, so the page is measured again once it settles.
    addEventListener('resize', () => {
      if (innerWidth === this.width) return;
      this.width = innerWidth;
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => this.apply(), RESIZE_SETTLE_MS);
    });
  }

  /**
   * How much the page's text actually grew at the last change, measured: the factor asked for,
   * or 1 when nothing on the page could be scaled.
   */
  get inForce(): number {
    // Measured when asked (a visitor's click): a saved size applied as the page opens is not
    // asked about, and measuring means computing the page's styles and layout once more.
    if (typeof this.measuredScale === 'function') this.measuredScale = this.measuredScale();
    return this.measuredScale;
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
    this.declare(owner, selector);
    this.observe();
    this.apply();
  }

  private declare(owner: object, selector: string | null): void {
    this.targets.delete(owner);
    if (!selector) return;
    try {
      document.querySelector(selector);
      this.targets.set(owner, selector);
    } catch {
      reportBadSetting('target', selector, 'Use a CSS selector such as ".bodytext" or "#main".');
    }
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
    // New content inside a scaled part (an article rendered late, a "load more", a news ticker)
    // is measured and scaled on its own, as is a target that appears.
    this.observer = new MutationObserver((records) => {
      if (this.scale === 1) return;
      const roots = this.scaledRoots();
      for (const record of records) {
        for (const node of record.addedNodes) {
          // Scripts, frames and images an ad or a widget adds hold no text to scale.
          if (!(node instanceof HTMLElement) || NO_TEXT.has(node.tagName)) continue;
          if (roots.some((root) => root.contains(node) || node.contains(root)))
            this.added.add(node);
        }
      }
      if (this.added.size) {
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(() => this.scaleAdded());
      }
    });
    this.observer.observe(document.body, { childList: true, subtree: true });
  }

  private restore(): void {
    document.documentElement.removeAttribute(TEXT_SCALE_ATTRIBUTE);
    for (const element of [...this.saved.keys()]) this.unpin(element);
  }

  private apply(): void {
    this.observer?.takeRecords();
    this.added.clear();
    this.restore();
    this.measuredScale = 1;
    if (this.scale === 1) return;

    const html = document.documentElement;
    // The root's size and the visitor's default (a probe at `medium`) from one computation of
    // the page's styles, which then serves the measuring below: the probe stays until the end.
    const probe = document.createElement('span');
    probe.style.setProperty('font-size', 'medium', 'important');
    html.append(probe);
    const rootPx = parseFloat(getComputedStyle(html).fontSize);
    const defaultPx = parseFloat(getComputedStyle(probe).fontSize);
    const writeRoot = () => {
      const rootPercent = ((rootPx / defaultPx) * this.scale * 100).toFixed(3);
      (this.sheet ??= adoptDocumentSheet()).replaceSync(
        `html[${TEXT_SCALE_ATTRIBUTE}]{font-size:${rootPercent}% !important;--pw-text-scale:${this.scale}}`,
      );
      html.setAttribute(TEXT_SCALE_ATTRIBUTE, String(this.scale));
    };
    // In <head>: the root now, so rem text starts at its size; the rest once the body is parsed.
    if (!document.body) return (writeRoot(), probe.remove());
    // The targets the page's text size bars name in their markup, known before the bars render:
    // a saved size is then applied once, to them, not to the whole page first (on a phone, the
    // whole page measured costs hundreds of milliseconds).
    for (const scaler of document.querySelectorAll(`${tagName('font-scaler')}[target]`))
      this.declare(scaler, scaler.getAttribute('target'));
    // With targets, they and our own elements are scaled element by element, measured once
    // (ours get the size the root would give them where it reaches them). Without, the whole
    // page, where the root size does not reach: a theme sized in px.
    const precise = new Set(
      this.targetRoots().flatMap((root) => [root, ...root.querySelectorAll<HTMLElement>('*')]),
    );
    if (this.targets.size) for (const element of ownElements()) precise.add(element);
    const elements = [
      ...(this.targets.size ? precise : [document.body, ...document.body.querySelectorAll('*')]),
    ].filter((element): element is HTMLElement => element instanceof HTMLElement);
    const before = this.pin(elements, precise, writeRoot);
    probe.remove();
    this.measuredScale = () => measuredGrowth(elements, before);
  }

  /**
   * Gives each element its size at scale 1 (read with the root's size set back for a moment)
   * times the scale where the root size did not already do it: always for `precise` ones, else
   * when it did not grow by itself. `grow` makes the root grow once those are read. Returns the
   * sizes at scale 1.
   */
  private pin(
    elements: HTMLElement[],
    precise: Set<HTMLElement>,
    grow = () => document.documentElement.setAttribute(TEXT_SCALE_ATTRIBUTE, String(this.scale)),
  ): TextMetrics[] {
    const html = document.documentElement;
    html.removeAttribute(TEXT_SCALE_ATTRIBUTE);
    const before = elements.map(measure);
    grow();
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
    return before;
  }

  /**
   * Scales what was added since the last frame, and only that: with the pinned elements around
   * it, it is measured at scale 1 (root and pins back at the page's own for a moment) and pinned.
   */
  private scaleAdded(): void {
    const added = [...this.added];
    this.added.clear();
    if (this.scale === 1) return;
    // Removed elements are forgotten; a moved one is measured afresh, from its own style.
    for (const element of this.saved.keys()) if (!element.isConnected) this.saved.delete(element);
    // With targets, only what lies inside one is scaled, element by element.
    const targets = this.targetRoots();
    const inTarget = (element: HTMLElement) => targets.some((root) => root.contains(element));
    const measured = new Set<HTMLElement>();
    for (const top of added.filter((element) => element.isConnected)) {
      for (let parent = top.parentElement; parent; parent = parent.parentElement)
        if (this.saved.has(parent)) measured.add(parent);
      for (const element of [top, ...top.querySelectorAll('*')])
        if (element instanceof HTMLElement && (!this.targets.size || inTarget(element)))
          measured.add(element);
    }
    const elements = [...measured];
    elements.forEach((element) => this.unpin(element));
    this.pin(elements, new Set(elements.filter(inTarget)));
  }

  /** Gives one element its own inline sizes back, as `restore` does for all. */
  private unpin(element: HTMLElement): void {
    const saved = this.saved.get(element);
    if (!saved) return;
    this.saved.delete(element);
    if (element.getAttribute('style') === saved.written) {
      if (saved.attribute === null) element.removeAttribute('style');
      else element.setAttribute('style', saved.attribute);
    } else {
      element.style.setProperty('font-size', ...saved.fontSize);
      element.style.setProperty('line-height', ...saved.lineHeight);
    }
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
