import { css } from 'lit';

/** The failure message and its "try again" button, shared by the elements that fetch. */
export const fetchStateStyles = css`
  .error {
    padding: 1em;
    border: 1px solid var(--_border);
    border-radius: var(--pw-radius, 0.25em);
  }
  button {
    min-block-size: max(24px, 2.25em);
    padding: 0.25em 1em;
    font: inherit;
    letter-spacing: inherit;
    word-spacing: inherit;
    color: var(--_button-text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--pw-radius, 0.25em);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    button,
    .error {
      border-color: ButtonText;
    }
  }
`;
