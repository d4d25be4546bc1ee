// What the playground and theming pages share: the elements of custom-elements.json (served
// beside the demo), its descriptions shown with their `code`, and a "copy" button for a
// read-only text box, in the page's language.
import { PAGE_TEXT } from './i18n.js';

/** Every custom element the manifest describes, sorted by tag. */
export async function manifestElements() {
  const manifest = await (await fetch('custom-elements.json')).json();
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Appends a manifest description to `target`, its `backticked` names as <code>, as text only. */
export function appendDescription(target, description) {
  description.split('`').forEach((piece, index) => {
    if (index % 2) {
      const code = document.createElement('code');
      code.textContent = piece;
      target.append(code);
    } else if (piece) {
      target.append(piece);
    }
  });
}

/** Copies `box`'s text on `button`; where the clipboard is refused, selects it and says how. */
export function copyButton(button, box, status) {
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(box.value);
      status.textContent = PAGE_TEXT[document.documentElement.lang].copied;
    } catch {
      box.select();
      status.textContent = PAGE_TEXT[document.documentElement.lang]['copy-by-hand'];
    }
  });
}
