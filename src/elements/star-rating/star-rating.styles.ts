import { css } from 'lit';

export const starRatingStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
    --_star: var(--pw-star-color, #a15c00);
    /* At least 24px to hit; at most a fifth of a small screen, so five fit at 200 % text. */
    --_size: max(24px, min(var(--pw-star-size, 1.5em), 9vw));
  }
  .summary,
  .note,
  .invite,
  .status {
    margin: 0.25em 0;
  }
  .invite,
  .note {
    color: var(--pw-color-muted);
  }
  .average {
    display: inline-flex;
    flex-wrap: wrap;
    max-inline-size: 100%;
    align-items: center;
    gap: 0.5em;
    font-weight: 600;
  }
  .track {
    /* Decorative (the number and the label say it): shrinks on narrow screens. */
    font-size: min(1em, 5vw);
    position: relative;
    display: inline-flex;
    white-space: nowrap;
  }
  .track svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: none;
    stroke: var(--_star);
    stroke-width: 1.5;
  }
  .fill {
    position: absolute;
    inset: 0 auto 0 0;
    display: inline-flex;
    overflow: hidden;
  }
  .fill svg {
    flex: none;
    fill: var(--_star);
  }
  .choices {
    margin: 0.5em 0 0;
  }
  .legend {
    margin: 0;
    font-weight: 600;
  }
  .stars {
    /* Inline, so a host page's text-align (a centred rating) places the stars too. */
    display: inline-flex;
    max-inline-size: 100%;
    vertical-align: top;
    flex-wrap: wrap;
    gap: var(--pw-star-gap, 0.125em);
  }
  .star {
    position: relative;
    display: inline-block;
    inline-size: var(--_size);
    block-size: var(--_size);
    cursor: pointer;
  }
  .star input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }
  .star svg {
    /* Block, not centred in a grid: the same look with far less layout work for many ratings. */
    display: block;
    inline-size: 100%;
    block-size: 100%;
    fill: transparent;
    stroke: var(--_star);
    stroke-width: 1.5;
  }
  /* A cast vote (class "on") is filled; a choice not sent yet (class "chosen") only tinted. */
  .on svg {
    fill: var(--_star);
  }
  .chosen svg {
    fill: var(--_star);
    fill-opacity: 0.3;
    stroke-width: 2.5;
  }
  /* The instruction for the way the visitor is using the stars: pointer and voice, or keys. */
  .keys,
  .invite.chosen .pointer,
  .choices:has(input:focus-visible) .pointer {
    display: none;
  }
  .choices:has(input:focus-visible) .invite:not(.chosen) .keys {
    display: inline;
  }
  /* While pointing, up to the star under the pointer; not on touch, where hover would stick. */
  @media (hover: hover) {
    .stars:hover svg {
      fill: var(--_star);
      fill-opacity: 1;
    }
    .stars:hover .star:hover ~ .star svg {
      fill: transparent;
    }
  }
  input:disabled {
    cursor: default;
  }
  input:focus-visible + svg {
    outline: 3px solid var(--pw-color-focus, #0b5394);
    outline-offset: 1px;
    border-radius: 0.25em;
  }
  @media (forced-colors: active) {
    .track svg,
    .star svg {
      stroke: CanvasText;
    }
    .fill svg,
    .on svg,
    .chosen svg {
      fill: CanvasText;
    }
    input:focus-visible + svg {
      outline-color: Highlight;
    }
  }
`;
