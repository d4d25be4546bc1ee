import { css } from '@lit/reactive-element';

/** Toolbar buttons: at least 24×24 CSS px (WCAG 2.5.8), sized in em so text scaling reaches them. */
export const buttonStyles = css`
  .group {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--pw-gap, 0.25em);
    align-items: center;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: max(24px, 2.25em);
    min-block-size: max(24px, 2.25em);
    margin: 0;
    padding: 0.25em 0.6em;
    /* The visitor's own line, letter and word spacing reach the label (WCAG 1.4.12). */
    font: inherit;
    font-weight: 600;
    letter-spacing: inherit;
    word-spacing: inherit;
    color: var(--_button-text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--pw-radius, 0.25em);
    cursor: pointer;
  }
  button:hover {
    border-color: var(--pw-color-accent);
    text-decoration: underline;
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* Same text colour as the others, on the button's own surface: the dashed border tells it. */
  button[aria-disabled='true'] {
    border-style: dashed;
    text-decoration: none;
    cursor: not-allowed;
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    button[aria-disabled='true'] {
      color: GrayText;
    }
    button:focus-visible {
      outline-color: Highlight;
    }
  }
`;
