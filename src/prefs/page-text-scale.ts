import { adoptDocumentSheet } from '../styles/document-sheets.js';
import { reportBadSetting } from '../core/config.js';

/** Set on `<html>` while text is scaled, so a portal's own CSS can react to it. */
export const TEXT_SCALE_ATTRIBUTE = 'data-pw-text-scale';

interface SavedInline {
  fontSize: [value: string, priority: string];
  lineHeight: [value: string, priority: string];
}

/**
 * Scales the host page's text by a factor of the visitor's own default size.
 *
 * Pages sized in rem/em grow through the root font size, written as a percentage so the
 * visitor's browser setting and zoom still count. Legacy pages sized in px name the part to
 * scale (`target`): each element there gets its own measured size times the factor, and goes
 * back to exactly what it had at 1.
 */
export class PageTextScaler {
  private scale = 1;
  private readonly sheet = adoptDocumentSheet();
  private readonly targets = new Map<object, string>();
  private readonly saved = new Map<HTMLElement, SavedInline>();
  private observer: MutationObserver | undefined;
  private resizeFrame = 0;

  constructor() {
    addEventListener('resize', () => {
      cancelAnimationFrame(this.resizeFrame);
      this.resizeFrame = requestAnimationFrame(() => this.apply());
    });
  }

  setScale(scale: number): void {
    if (scale === this.scale) return;
    this.scale = scale;
    this.apply();
  }

  /** Registers (or with `null`, withdraws) the part of the page one owner wants scaled. */
  setTarget(owner: object, selector: string | null): void {
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

  private observe(): void {
    if (!this.targets.size) {
      this.observer?.disconnect();
      this.observer = undefined;
      return;
    }
    if (this.observer) return;
    // New content inside a scaled part (an article rendered late, a "load more") is scaled too.
    this.observer = new MutationObserver((records) => {
      if (this.scale === 1) return;
      const roots = this.targetRoots();
      const touched = records.some(
        (record) =>
          roots.some((root) => root.contains(record.target)) ||
          [...record.addedNodes].some(
            (node) => node instanceof Element && roots.some((root) => node.contains(root)),
          ),
      );
      if (touched) this.apply();
    });
    this.observer.observe(document.body, { childList: true, subtree: true });
  }

  private restore(): void {
    document.documentElement.removeAttribute(TEXT_SCALE_ATTRIBUTE);
    for (const [element, { fontSize, lineHeight }] of this.saved) {
      element.style.setProperty('font-size', ...fontSize);
      element.style.setProperty('line-height', ...lineHeight);
    }
    this.saved.clear();
  }

  private apply(): void {
    this.restore();
    if (this.scale === 1) return;

    // Measure everything at the page's own sizes first, then write: two style passes in all.
    const html = document.documentElement;
    const rootPx = parseFloat(getComputedStyle(html).fontSize);
    const defaultPx = measureDefaultFontSize();
    const measured = this.targetRoots()
      .flatMap((root) => [root, ...root.querySelectorAll<HTMLElement>('*')])
      .filter((element) => element instanceof HTMLElement)
      .map((element) => {
        const style = getComputedStyle(element);
        return { element, fontSize: parseFloat(style.fontSize), lineHeight: style.lineHeight };
      });

    const rootPercent = ((rootPx / defaultPx) * this.scale * 100).toFixed(3);
    this.sheet.replaceSync(
      `html[${TEXT_SCALE_ATTRIBUTE}]{font-size:${rootPercent}% !important;--pw-text-scale:${this.scale}}`,
    );
    html.setAttribute(TEXT_SCALE_ATTRIBUTE, String(this.scale));

    for (const { element, fontSize, lineHeight } of measured) {
      if (this.saved.has(element)) continue;
      const { style } = element;
      this.saved.set(element, {
        fontSize: [style.getPropertyValue('font-size'), style.getPropertyPriority('font-size')],
        lineHeight: [
          style.getPropertyValue('line-height'),
          style.getPropertyPriority('line-height'),
        ],
      });
      style.setProperty('font-size', `${fontSize * this.scale}px`, 'important');
      // A px line height left alone would make the larger lines overlap.
      if (lineHeight.endsWith('px')) {
        style.setProperty('line-height', `${parseFloat(lineHeight) * this.scale}px`, 'important');
      }
    }
  }
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
