import { css } from 'lit';

export const readAloudStyles = css`
  :host {
    display: block;
  }
  button {
    gap: 0.4em;
  }
  svg {
    inline-size: 1em;
    block-size: 1em;
    flex: none;
    fill: currentColor;
  }
  .field {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  select {
    min-block-size: max(24px, 2.25em);
    /* The visitor's own text size and spacing reach the menus too. */
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
    color: var(--pw-color-text, #1f2328);
    background: var(--pw-color-surface, #fff);
    border: 1px solid var(--pw-color-border, #6b7280);
    border-radius: var(--pw-radius, 0.25em);
  }
  select:focus-visible {
    outline: 3px solid var(--pw-color-focus, #0b5394);
    outline-offset: 2px;
  }
  input {
    inline-size: min(14em, 100%);
    min-block-size: 24px;
    margin: 0;
    accent-color: var(--pw-color-focus, #0b5394);
  }
  input:focus-visible {
    outline: 3px solid var(--pw-color-focus, #0b5394);
    outline-offset: 2px;
  }
  .progress {
    font-variant-numeric: tabular-nums;
    color: var(--pw-color-muted, #4b5563);
  }
  .unsupported {
    margin: 0;
    color: var(--pw-color-muted, #4b5563);
  }
  @media (forced-colors: active) {
    select {
      border-color: ButtonText;
    }
    select:focus-visible,
    input:focus-visible {
      outline-color: Highlight;
    }
  }
`;
