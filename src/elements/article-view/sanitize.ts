import { getScriptUrl } from '../../core/config.js';

declare const __SINGLE_FILE__: boolean;

type DOMPurifyModule = typeof import('dompurify');
type TrustedPolicy = {
  createHTML(input: string): unknown;
  createScript(input: string): unknown;
};

const POLICY_KEY = Symbol.for('portal-widgets.trusted-types-policy');

/**
 * The named Trusted Types policy `portal-widgets`, for pages that enforce Trusted Types. It only
 * feeds DOMPurify (which sanitises what it gets) and JSON-LD made by us; it is never exported.
 */
export function trustedPolicy(): TrustedPolicy | undefined {
  const registry = globalThis as { [POLICY_KEY]?: TrustedPolicy };
  const factory = (
    globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): TrustedPolicy } }
  ).trustedTypes;
  if (!registry[POLICY_KEY] && factory) {
    try {
      registry[POLICY_KEY] = factory.createPolicy('portal-widgets', {
        createHTML: (input: string) => input,
        createScript: (input: string) => input,
      });
    } catch {
      // The page's CSP does not list the policy name: DOMPurify's own policy, or none, applies.
    }
  }
  return registry[POLICY_KEY];
}

let purify: Promise<DOMPurifyModule['default']> | undefined;

/** DOMPurify, loaded only when an article needs it and the browser has no Element.setHTML(). */
function loadPurify(): Promise<DOMPurifyModule['default']> {
  purify ??= (
    __SINGLE_FILE__
      ? // The script-tag bundle stays one file; the sanitiser ships beside it as sanitizer.js.
        (import(
          /* @vite-ignore */ new URL('sanitizer.js', getScriptUrl() ?? location.href).href
        ) as Promise<DOMPurifyModule>)
      : import('dompurify')
  ).then((module) => module.default);
  return purify;
}

/** Whether this browser sanitises natively (the HTML Sanitizer API's safe `setHTML`). */
export function hasNativeSanitizer(): boolean {
  return typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function';
}

/**
 * Untrusted article HTML turned into a fragment with nothing that runs: no scripts, no event
 * handlers, no javascript: URLs, no frames or forms.
 */
export async function sanitize(html: string): Promise<DocumentFragment> {
  if (hasNativeSanitizer()) {
    const holder = document.createElement('div');
    (holder as unknown as { setHTML(input: string): void }).setHTML(html);
    const fragment = document.createDocumentFragment();
    fragment.append(...holder.childNodes);
    return fragment;
  }
  const dompurify = await loadPurify();
  return dompurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'frame',
      'object',
      'embed',
    ],
    FORBID_ATTR: ['style'],
    // Links that open a new window keep doing so; finishBody adds rel="noopener noreferrer".
    ADD_ATTR: ['target'],
    TRUSTED_TYPES_POLICY: trustedPolicy() as never,
  });
}
