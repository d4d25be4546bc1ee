import { css } from 'lit';

export const contrastToggleStyles = css`
  :host {
    display: inline-block;
  }
`;
