/**
 * Adds a stylesheet to the host document through `adoptedStyleSheets`, which a strict Content
 * Security Policy allows (no inline `<style>`, no `style` attribute).
 */
export function adoptDocumentSheet(cssText = ''): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}
