import { css } from '@lit/reactive-element';

/**
 * Host defaults every element shares. Colours come from `--pw-*` tokens with fallbacks, so a
 * script-tag page needs no theme CSS; the high-contrast theme swaps the tokens.
 */
export const hostStyles = css`
  :host {
    box-sizing: border-box;
    color: var(--pw-color-text, #1f2328);
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
