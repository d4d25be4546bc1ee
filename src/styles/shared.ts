import { css } from '@lit/reactive-element';

/**
 * Text colours that have no `--pw-*` token follow the page's own text colour, so our text stays
 * as readable as the page's on a light or a dark page: registered with `currentColor` as their
 * value when unset, they outrank any colour written as a fallback. Registered once per page,
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
 * needs no theme CSS; the high-contrast theme swaps the tokens.
 */
export const hostStyles = css`
  :host {
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
