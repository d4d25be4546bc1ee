import { ContrastChangeEvent } from '../../bases/events.js';
import type { Translations } from '../../core/lang.js';
import { PreferenceElement, type PreferenceButton } from '../../bases/preference-element.js';
import type { Contrast } from '../../prefs/store.js';
import { buttonStyles } from '../../styles/buttons.js';
import { hostStyles } from '../../styles/shared.js';
import { contrastToggleStyles } from './contrast-toggle.styles.js';

const STRINGS: Translations<{
  group: string;
  increase: string;
  decrease: string;
  on: string;
  off: string;
}> = {
  vi: {
    group: 'Độ tương phản',
    increase: 'Tăng tương phản',
    decrease: 'Giảm tương phản',
    on: 'Đã bật tương phản cao',
    off: 'Đã tắt tương phản cao',
  },
  en: {
    group: 'Contrast',
    increase: 'Increase contrast',
    decrease: 'Decrease contrast',
    on: 'High contrast on',
    off: 'High contrast off',
  },
};

/**
 * Turns the high-contrast theme on and off for the whole page: text and background at 7:1 or
 * better, links underlined, focus visible, images untouched. Remembered on the visitor's next
 * visit and shared by every tab; with nothing saved it follows the system's
 * `prefers-contrast: more`. Sets `data-pw-contrast="more"` or `"normal"` on `<html>`.
 *
 * @tag contrast-toggle
 * @summary Increase / decrease contrast for the whole page, remembered for the next visit.
 *
 * @fires {ContrastChangeEvent} pw-contrast-change - The visitor switched contrast; `detail.contrast` is `more` or `normal`.
 *
 * @csspart group - The group holding the two buttons.
 * @csspart button - Each button.
 * @csspart increase - "Tăng tương phản".
 * @csspart decrease - "Giảm tương phản".
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
export class ContrastToggle extends PreferenceElement {
  static override styles = [hostStyles, buttonStyles, contrastToggleStyles];

  private get current(): Contrast {
    return this.preferences?.store.contrast ?? 'normal';
  }

  protected press(name: string): void {
    const contrast: Contrast = name === 'increase' ? 'more' : 'normal';
    // The button for the state already in force only repeats that state.
    if (contrast !== this.current) {
      this.preferences?.store.setContrast(contrast);
      this.emit(new ContrastChangeEvent(contrast));
    }
    const strings = this.strings(STRINGS);
    this.announce(contrast === 'more' ? strings.on : strings.off);
  }

  protected groupLabel(): string {
    return this.strings(STRINGS).group;
  }

  protected describeButtons(): PreferenceButton[] {
    const strings = this.strings(STRINGS);
    const on = this.current === 'more';
    return [
      { name: 'increase', label: strings.increase, disabled: on },
      { name: 'decrease', label: strings.decrease, disabled: !on },
    ];
  }
}
