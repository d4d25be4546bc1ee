// What the generators share: the elements of custom-elements.json, and writing generated files
// or (with --check) failing when the committed ones are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

/** Every custom element of the manifest with its module path, sorted by tag. */
export function manifestElements() {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  return manifest.modules
    .flatMap((module) =>
      (module.declarations ?? [])
        .filter((declaration) => declaration.customElement && declaration.tagName)
        .map((declaration) => ({ ...declaration, path: module.path })),
    )
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Formats text with the project's Prettier settings, as the file at `file` would be. */
export async function pretty(text, file) {
  return format(text, { ...(await resolveConfig(file)), filepath: file });
}

/**
 * Writes each `[file, text]` (formatted), or with `check` compares them with what is committed
 * and returns the stale files.
 */
export async function writeOrCheck(files, check) {
  const stale = [];
  for (const [file, text] of files) {
    const formatted = await pretty(text, file);
    if (!check) {
      writeFileSync(file, formatted);
      continue;
    }
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed !== formatted) stale.push(file);
  }
  return stale;
}
