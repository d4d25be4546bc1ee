import { css } from '@lit/reactive-element';

/**
 * Text colours that have no `--pw-*` token follow the page's own text colour, so our text stays
 * as readable as the page's on a light or a dark page: registered with `currentColor` as their
 * value when unset, so rules use them with no fallback (where registering is not supported, the
 * unset token leaves the colour inherited, the same page colour). Registered once per page,
 * whichever copy of the bundle comes first.
 */
for (const name of ['--pw-color-muted', '--pw-color-accent']) {
  try {
    CSS.registerProperty({ name, syntax: '*', inherits: true, initialValue: 'currentColor' });
  } catch {
    // Already registered, by another copy of Portal Widgets or by the page.
  }
}

/**
 * Host defaults every element shares. Colours come from `--pw-*` tokens; without them the text
 * takes the page's colour (an unset `var()` leaves `color` inherited), so a script-tag page
 * needs no theme CSS; the high-contrast theme swaps the tokens. Each colour that does have a
 * default gets it here, once, in a private token the rules use; the public token stays unset, so
 * a page or the high-contrast theme setting it on any ancestor still reaches us.
 */
export const hostStyles = css`
  :host {
    --_focus: var(--pw-color-focus, #0b5394);
    --_border: var(--pw-color-border, #6b7280);
    --_surface: var(--pw-color-surface, #fff);
    /* Buttons keep their own surface, so their text has a default of its own too. */
    --_button-text: var(--pw-color-text, #1f2328);
    box-sizing: border-box;
    color: var(--pw-color-text);
    font-family: var(--pw-font-family, inherit);
  }
  :host([hidden]) {
    display: none !important;
  }
  * {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
