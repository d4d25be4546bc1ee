type TrustedPolicy = {
  createHTML(input: string): unknown;
  createScript(input: string): unknown;
};

/** Kept on the window, so that every file of ours (portal-widgets.js, article-body.js) shares one. */
const POLICY_KEY = Symbol.for('portal-widgets.trusted-types-policy');

/**
 * The named Trusted Types policy `portal-widgets`, for pages that enforce Trusted Types. It only
 * feeds the two body sanitisers (each keeps only what BODY_ELEMENTS and BODY_ATTRIBUTES allow)
 * and JSON-LD made by us; it is never exported.
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
