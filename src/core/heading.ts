import { html, nothing, type TemplateResult } from 'lit';

/**
 * A real `<h1>`–`<h6>` chosen at run time (six small templates cost less than Lit's
 * static-html). `level` outside 1–6 is clamped.
 */
export function heading(
  level: number,
  part: string,
  content: unknown,
  id?: string,
): TemplateResult {
  const idAttribute = id ?? nothing;
  switch (Math.min(6, Math.max(1, Math.round(level)))) {
    case 1:
      return html`<h1 part=${part} class=${part} id=${idAttribute}>${content}</h1>`;
    case 2:
      return html`<h2 part=${part} class=${part} id=${idAttribute}>${content}</h2>`;
    case 3:
      return html`<h3 part=${part} class=${part} id=${idAttribute}>${content}</h3>`;
    case 4:
      return html`<h4 part=${part} class=${part} id=${idAttribute}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part} class=${part} id=${idAttribute}>${content}</h5>`;
    default:
      return html`<h6 part=${part} class=${part} id=${idAttribute}>${content}</h6>`;
  }
}
