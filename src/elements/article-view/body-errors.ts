// Why an article body cannot be shown, where only the page's files or rules can help. The
// script-tag files throw these from article-body.js, a file of its own, so article-view tells
// them apart by `name`, not by class.

/** A file the body needs did not load: article-body.js, or sanitizer.js where there is no setHTML. */
export class SanitizerMissingError extends Error {
  override readonly name = 'SanitizerMissingError';

  constructor(readonly url: string) {
    super(
      `${url} could not be loaded, and article bodies need it: copy the whole cdn folder, not portal-widgets.js alone`,
    );
  }
}

/** A page enforcing Trusted Types refused our policy, and this browser has no Element.setHTML(). */
export class TrustedTypesRefusedError extends Error {
  override readonly name = 'TrustedTypesRefusedError';
}
