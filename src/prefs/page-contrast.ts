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
  private pageSheet: CSSStyleSheet | undefined;

  constructor() {
    adoptDocumentSheet(HIGH_CONTRAST_TOKENS);
  }

  apply(contrast: Contrast): void {
    // A portal with its own high-contrast CSS opts out of ours and hooks into the attribute.
    if (!this.pageSheet && getConfig().contrastStyles !== 'none') {
      this.pageSheet = adoptDocumentSheet(highContrastPage());
    }
    document.documentElement.setAttribute(CONTRAST_ATTRIBUTE, contrast);
  }
}
