import { css } from 'lit';

/** Prints the article alone: the rest of the portal page is hidden on paper. */
export const PRINT_ALONE = `@media print{body *{visibility:hidden}article-view,article-view *{visibility:visible}article-view{position:absolute;inset:0 auto auto 0;width:100%}}`;

export const articleViewStyles = css`
  :host {
    --_skeleton: var(--pw-color-skeleton, #e5e7eb);
    display: block;
    line-height: 1.6;
    overflow-wrap: anywhere;
  }
  article {
    max-inline-size: var(--pw-article-measure, none);
  }
  .title {
    margin: 0 0 0.5em;
    font-size: var(--pw-article-title-size, 1.75em);
    color: var(--pw-color-accent);
  }
  .lead {
    font-weight: 600;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    font-size: 0.875em;
    color: var(--pw-color-muted);
  }
  figure {
    margin: 1em 0;
  }
  .figure img {
    display: block;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
  }
  figcaption {
    font-size: 0.875em;
    font-style: italic;
    text-align: center;
    color: var(--pw-color-muted);
  }
  .body img,
  .body video {
    max-inline-size: 100%;
    block-size: auto;
  }
  .body a {
    color: var(--pw-color-accent);
  }
  .body :focus-visible,
  .table-scroll:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .table-scroll {
    overflow-x: auto;
    margin: 1em 0;
  }
  table {
    border-collapse: collapse;
    /* A table too wide for the column scrolls in its region instead of breaking every word. */
    overflow-wrap: normal;
  }
  th,
  td {
    padding: 0.25em 0.5em;
    border: 1px solid var(--_border);
    text-align: start;
  }
  /* An article is longer than a screen: while it loads, what follows stays below the fold, so
     nothing the visitor sees moves when it arrives (no layout shift on a phone either). */
  .skeleton {
    min-block-size: 100vh;
  }
  .skeleton .bone {
    block-size: 1em;
    margin: 0.6em 0;
    border-radius: 0.25em;
    background: var(--_skeleton);
  }
  .skeleton .title-bone {
    block-size: 1.75em;
  }
  .short {
    inline-size: 60%;
  }
  .figure-bone {
    aspect-ratio: 16 / 9;
    block-size: auto !important;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.5s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (forced-colors: active) {
    .bone {
      background: GrayText;
    }
    th,
    td {
      border-color: CanvasText;
    }
  }
`;
