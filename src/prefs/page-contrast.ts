import { getConfig } from '../core/config.js';
import { adoptDocumentSheet } from '../styles/document-sheets.js';
import {
  CONTRAST_ATTRIBUTE,
  highContrastPage,
  HIGH_CONTRAST_TOKENS,
} from '../styles/high-contrast.js';
import type { Contrast } from './store.js';

/** Puts the contrast choice on `<html>` and gives the page its high-contrast stylesheet. */
export class PageContrast {
  private adopted = false;

  apply(contrast: Contrast): void {
    // The stylesheets join the page when the contrast is first raised, not before: every sheet
    // added to a page makes the browser compute all of its styles again, a cost each visit
    // would pay for a look most visitors never ask for.
    if (contrast === 'more' && !this.adopted) {
      this.adopted = true;
      adoptDocumentSheet(HIGH_CONTRAST_TOKENS);
      // A portal with its own high-contrast CSS opts out of ours and hooks into the attribute.
      if (getConfig().contrastStyles !== 'none') adoptDocumentSheet(highContrastPage());
    }
    document.documentElement.setAttribute(CONTRAST_ATTRIBUTE, contrast);
  }
}
