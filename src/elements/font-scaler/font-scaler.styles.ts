import { css } from 'lit';

export const fontScalerStyles = css`
  :host {
    display: inline-block;
  }
  [part~='decrease'] {
    font-size: 0.875em;
  }
  [part~='increase'] {
    font-size: 1.125em;
  }
`;
