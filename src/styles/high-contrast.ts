/** Set on `<html>`: `more` while the high-contrast theme is on, `normal` otherwise. */
export const CONTRAST_ATTRIBUTE = 'data-pw-contrast';

const on = `html[${CONTRAST_ATTRIBUTE}=more]`;

/**
 * The 7:1 token set our own elements switch to. Light or dark follows the visitor's
 * `prefers-color-scheme`; a portal can set the four `--pw-hc-*` values itself.
 */
export const HIGH_CONTRAST_TOKENS = `
${on}{--pw-hc-bg:#fff;--pw-hc-fg:#000;--pw-hc-link:#00308f;--pw-hc-focus:#000;
--pw-color-text:var(--pw-hc-fg)!important;--pw-color-muted:var(--pw-hc-fg)!important;
--pw-color-surface:var(--pw-hc-bg)!important;--pw-color-accent:var(--pw-hc-link)!important;
--pw-color-border:var(--pw-hc-fg)!important;--pw-color-focus:var(--pw-hc-focus)!important;
--pw-star-color:var(--pw-hc-fg)!important}
@media (prefers-color-scheme:dark){${on}{--pw-hc-bg:#000;--pw-hc-fg:#fff;--pw-hc-link:#ff0;--pw-hc-focus:#ff0}}`;

const HIGH_CONTRAST_RULES = `{
${on}{color-scheme:light}
@media (prefers-color-scheme:dark){${on}{color-scheme:dark}}
${on},${on} body,${on} body :not(img,svg,svg *,video,canvas,picture,iframe,object,embed){
background-color:var(--pw-hc-bg)!important;color:var(--pw-hc-fg)!important;
border-color:var(--pw-hc-fg)!important;background-image:none!important;
text-shadow:none!important;box-shadow:none!important}
${on} a,${on} a *{color:var(--pw-hc-link)!important;text-decoration:underline!important}
${on} :focus-visible{outline:3px solid var(--pw-hc-focus)!important;outline-offset:2px!important}
${on} ::placeholder{color:var(--pw-hc-fg)!important;opacity:1!important}}`;

/**
 * The host page's high-contrast look: plain text on a plain background at 7:1 or better,
 * links underlined, focus always visible. No filter, so images keep their pixels. Left out
 * under forced colours, where the visitor's own colours rule.
 *
 * Written as `not all and (…)`, which every browser with forced colours parses: `not (…)` alone
 * is newer syntax (Chromium 104 and later), and the Samsung Internet and Chrome versions before
 * it drop such a rule whole. A browser that knows nothing of forced colours (older Safari) would
 * drop either form, so it gets the rules without the condition.
 */
export const highContrastPage = (): string =>
  (matchMedia('(forced-colors:none),(forced-colors:active)').matches
    ? '@media not all and (forced-colors:active)'
    : '@media all') + HIGH_CONTRAST_RULES;
