import { css } from 'lit';

export const relatedListStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0 0 0.5em;
    /* No text-transform: uppercase would change the name screen readers announce. */
    font-size: 1.125em;
  }
  ul {
    display: grid;
    gap: var(--pw-gap, 0.25em);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5em;
  }
  .cards li {
    flex-wrap: nowrap;
    align-items: center;
  }
  a {
    display: inline-flex;
    align-items: center;
    min-block-size: 24px;
    color: var(--pw-color-accent);
  }
  a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  time {
    font-size: 0.875em;
    color: var(--pw-color-muted);
  }
  img {
    flex: none;
    inline-size: 6em;
    block-size: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
  }
  .placeholder {
    min-block-size: 6em;
    color: var(--pw-color-muted);
  }
  @media (forced-colors: active) {
    a {
      color: LinkText;
    }
  }
`;
