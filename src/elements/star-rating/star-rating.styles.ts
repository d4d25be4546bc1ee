import { css } from 'lit';

export const starRatingStyles = css`
  :host {
    display: block;
    overflow-wrap: anywhere;
    --_star: var(--pw-star-color, #a15c00);
    /* At least 24px to hit; at most a fifth of a small screen, so five fit at 200 % text. */
    --_size: max(24px, min(var(--pw-star-size, 1.5em), 9vw));
    --_gap: var(--pw-star-gap, 0.125em);
    --_box: min(var(--_size), 100%);
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
    gap: var(--_gap);
  }
  /*
   * Each star is its picture with an invisible radio laid over it (the target, and the focus
   * ring). The radio's negative margin puts it on the picture and gives it no width of its own,
   * so a wrapping row never parts the two; the overlap is on the radio, not on the picture a theme
   * may style as part "star". Never wider than the row, so even a row narrower than one star
   * keeps each radio on its picture.
   */
  .star,
  .stars input {
    flex: none;
    inline-size: var(--_box);
    block-size: var(--_size);
  }
  .stars input {
    appearance: none;
    /* Sizes in em then mean the page's text size here too, not the form controls' own. */
    font: inherit;
    margin-block: 0;
    margin-inline: calc(-1 * (var(--_box) + var(--_gap))) 0;
    border: 0;
    border-radius: 0.25em;
    background: none;
    cursor: pointer;
  }
  .star {
    pointer-events: none;
    fill: transparent;
    stroke: var(--_star);
    stroke-width: 1.5;
  }
  /* A cast vote (class "on") is filled; a choice not sent yet (class "chosen") only tinted. */
  .on {
    fill: var(--_star);
  }
  .chosen {
    fill: var(--_star);
    fill-opacity: 0.3;
    stroke-width: 2.5;
  }
  /* While pointing, up to the star under the pointer; not on touch, where hover would stick. */
  @media (hover: hover) {
    .stars:hover .star {
      fill: var(--_star);
      fill-opacity: 1;
    }
    .stars input:hover ~ .star {
      fill: transparent;
    }
  }
  input:disabled {
    cursor: default;
  }
  input:focus-visible,
  .keys input:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  @media (forced-colors: active) {
    .track svg,
    .star {
      stroke: CanvasText;
    }
    .fill svg,
    .on,
    .chosen {
      fill: CanvasText;
    }
    input:focus-visible,
    .keys input:focus {
      outline-color: Highlight;
    }
  }
`;
