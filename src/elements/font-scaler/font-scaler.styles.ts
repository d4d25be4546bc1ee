import { css } from '@lit/reactive-element';

export const fontScalerStyles = css`
  :host {
    display: inline-block;
  }
  /* Only the glyphs differ in size, so the three buttons line up. */
  [part~='decrease'] [aria-hidden] {
    font-size: 0.875em;
  }
  [part~='increase'] [aria-hidden] {
    font-size: 1.125em;
  }
`;
