import { css } from '@lit/reactive-element';

export const contrastToggleStyles = css`
  :host {
    display: inline-block;
  }
`;
