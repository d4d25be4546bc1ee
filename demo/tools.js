// What the playground and theming pages share: the elements of custom-elements.json (served
// beside the demo) and a "copy" button for a read-only text box.

/** Every custom element the manifest describes, sorted by tag. */
export async function manifestElements() {
  const manifest = await (await fetch('custom-elements.json')).json();
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Copies `box`'s text on `button`; where the clipboard is refused, selects it and says how. */
export function copyButton(button, box, status) {
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(box.value);
      status.textContent = 'Đã sao chép.';
    } catch {
      box.select();
      status.textContent = 'Hãy nhấn Ctrl+C để sao chép phần đã chọn.';
    }
  });
}
