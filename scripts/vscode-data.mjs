// Writes dist/vscode.html-custom-data.json from custom-elements.json, so VS Code completes our
// tags and attributes in HTML (settings: "html.customData": ["./node_modules/portal-widgets/dist/vscode.html-custom-data.json"]).
import { mkdirSync, writeFileSync } from 'node:fs';
import { manifestElements } from './manifest.mjs';

const tags = manifestElements()
  .map((element) => ({
    name: element.tagName,
    description: [element.summary, element.description].filter(Boolean).join('\n\n'),
    attributes: (element.attributes ?? []).map((attribute) => ({
      name: attribute.name,
      description: attribute.description ?? '',
      // Literal unions such as 'list' | 'cards' become value completions.
      ...(/^('[^']*'\s*\|\s*)+'[^']*'$/.test(attribute.type?.text ?? '')
        ? {
            values: attribute.type.text
              .split('|')
              .map((value) => ({ name: value.trim().slice(1, -1) })),
          }
        : {}),
    })),
  }))
  .sort((a, b) => a.name.localeCompare(b.name));

mkdirSync('dist', { recursive: true });
writeFileSync(
  'dist/vscode.html-custom-data.json',
  `${JSON.stringify({ version: 1.1, tags }, null, 2)}\n`,
);
console.log(`dist/vscode.html-custom-data.json: ${tags.map(({ name }) => name).join(', ')}`);
