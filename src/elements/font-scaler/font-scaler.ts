import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { reportBadSetting } from '../../core/config.js';
import { TextScaleChangeEvent } from '../../bases/events.js';
import { formatNumber, type Translations } from '../../core/lang.js';
import { PreferenceElement, type PreferenceButton } from '../../bases/preference-element.js';
import { MAX_SCALE, MIN_SCALE } from '../../prefs/store.js';
import { buttonStyles } from '../../styles/buttons.js';
import { hostStyles } from '../../styles/shared.js';
import { fontScalerStyles } from './font-scaler.styles.js';

const DEFAULT_STEPS = '0.9 1 1.2 1.5 2';

/** The three buttons, in order: what each shows and which way it steps. */
const BUTTONS = {
  decrease: { glyph: 'A-', direction: -1 },
  reset: { glyph: 'A', direction: 0 },
  increase: { glyph: 'A+', direction: 1 },
} as const;
type ButtonName = keyof typeof BUTTONS;

const STRINGS: Translations<{
  group: string;
  decrease: string;
  reset: string;
  increase: string;
  size: string;
  current: (percent: string) => string;
  unchanged: string;
  smallest: string;
  largest: string;
}> = {
  vi: {
    group: 'Cỡ chữ',
    decrease: 'Giảm cỡ chữ',
    reset: 'Cỡ chữ mặc định',
    increase: 'Tăng cỡ chữ',
    size: 'Cỡ chữ',
    current: (percent) => `Cỡ chữ hiện tại ${percent}`,
    unchanged: 'Trang này không đổi được cỡ chữ',
    smallest: 'Đã ở cỡ chữ nhỏ nhất',
    largest: 'Đã ở cỡ chữ lớn nhất',
  },
  en: {
    group: 'Text size',
    decrease: 'Smaller text',
    reset: 'Default text size',
    increase: 'Larger text',
    size: 'Text size',
    current: (percent) => `Current text size ${percent}`,
    unchanged: 'The text size of this page cannot be changed',
    smallest: 'Smallest text size already',
    largest: 'Largest text size already',
  },
};

/** Parses "0.9 1 1.2" (spaces or commas); null when it is not a usable list including 1. */
function parseSteps(value: string): number[] | null {
  const steps = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  const valid = steps.every((step) => step >= MIN_SCALE && step <= MAX_SCALE) && steps.includes(1);
  return valid ? [...new Set(steps)].sort((a, b) => a - b) : null;
}

/**
 * A- / A / A+ : smaller, default and larger text for the whole page, remembered on the
 * visitor's next visit and shared by every text size bar of the portal, in every tab.
 *
 * "A" is the visitor's own browser default (100 %); the other steps multiply it, so browser
 * zoom and the visitor's font settings keep working.
 *
 * @tag font-scaler
 * @summary Text size bar (A- A A+) that scales the page's text and remembers the choice.
 *
 * @fires {TextScaleChangeEvent} pw-text-scale-change - The visitor chose a text size; `detail.scale` is the factor (1 = default).
 *
 * @csspart group - The group holding the three buttons.
 * @csspart button - Each of the three buttons.
 * @csspart decrease - The A- button.
 * @csspart reset - The A button.
 * @csspart increase - The A+ button.
 *
 * @cssproperty --pw-color-text - Button text colour (default #1f2328).
 * @cssproperty --pw-color-surface - Button background (default #fff).
 * @cssproperty --pw-color-border - Button border colour (default #6b7280).
 * @cssproperty --pw-color-accent - Border colour on hover (default: the button's text colour).
 * @cssproperty --pw-color-focus - Focus outline colour (default #0b5394).
 * @cssproperty --pw-radius - Button corner radius (default 0.25em).
 * @cssproperty --pw-gap - Space between the buttons (default 0.25em).
 * @cssproperty --pw-font-family - Font family (inherits the page's by default).
 */
export class FontScaler extends PreferenceElement {
  static override styles = [hostStyles, buttonStyles, fontScalerStyles];
  protected override largerText = '[part~=increase] [aria-hidden]';

  static override properties: PropertyDeclarations = {
    steps: { reflect: true },
    target: { reflect: true },
  };

  /**
   * The text sizes the buttons step through, as factors of the visitor's default, separated by
   * spaces or commas. Must include 1; each from 0.5 to 3.
   */
  steps = DEFAULT_STEPS;

  /**
   * A CSS selector for the only part of the page whose text should grow, for example
   * `article-view, .bodytext`. Without it the whole page grows: through its root font size, and
   * where the theme sizes text in px, by measuring that text and scaling it.
   */
  target = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.preferences?.textScaler.setTarget(this, null);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('target')) this.preferences?.textScaler.setTarget(this, this.target || null);
  }

  private get stepList(): number[] {
    const parsed = parseSteps(this.steps);
    if (parsed) return parsed;
    reportBadSetting(
      '<font-scaler steps',
      this.steps,
      `List factors from ${MIN_SCALE} to ${MAX_SCALE} including 1, e.g. "${DEFAULT_STEPS}". Using that default.`,
    );
    return parseSteps(DEFAULT_STEPS) ?? [1];
  }

  private get scale(): number {
    return this.preferences?.store.textScale ?? 1;
  }

  /** The next step down (-1) or up (+1) from the current size; undefined at the limit. */
  private neighbour(direction: -1 | 1): number | undefined {
    const steps = this.stepList;
    return direction < 0
      ? steps.filter((step) => step < this.scale).at(-1)
      : steps.find((step) => step > this.scale);
  }

  /** Reads the size at click time, so quick repeated clicks each take one step. */
  protected press(name: string): void {
    const direction = BUTTONS[name as ButtonName].direction;
    const strings = this.strings(STRINGS);
    const next = direction ? this.neighbour(direction) : 1;
    if (next === undefined)
      return this.announce(direction < 0 ? strings.smallest : strings.largest);
    this.preferences?.store.setTextScale(next);
    // What the page measured, so a size that did not take is never announced as done.
    const inForce = this.preferences?.textScaler.inForce ?? next;
    this.announce(
      next !== 1 && inForce === 1 ? strings.unchanged : `${strings.size} ${this.percent(inForce)}`,
    );
    this.emit(new TextScaleChangeEvent(next));
  }

  private percent(scale: number): string {
    return `${formatNumber(scale, this.uiLang, 0, 2)}%`;
  }

  protected override describeState(): string {
    return this.strings(STRINGS).current(this.percent(this.scale));
  }

  protected groupLabel(): string {
    return this.strings(STRINGS).group;
  }

  protected describeButtons(): PreferenceButton[] {
    const strings = this.strings(STRINGS);
    return Object.entries(BUTTONS).map(([name, { glyph, direction }]) => ({
      name,
      label: strings[name as ButtonName],
      glyph,
      disabled: direction !== 0 && this.neighbour(direction) === undefined,
    }));
  }
}
