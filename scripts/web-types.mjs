// Writes dist/web-types.json from custom-elements.json, so JetBrains IDEs (WebStorm, IntelliJ)
// complete our tags, attributes, events, parts and CSS properties in HTML. package.json's
// "web-types" field points the IDE at it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { manifestElements } from './manifest.mjs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const described = (items = []) =>
  items.map((item) => ({ name: item.name, description: item.description ?? '' }));

const elements = manifestElements().map((element) => ({
  name: element.tagName,
  description: [element.summary, element.description].filter(Boolean).join('\n\n'),
  attributes: (element.attributes ?? []).map((attribute) => ({
    name: attribute.name,
    description: attribute.description ?? '',
    ...(attribute.default !== undefined ? { default: attribute.default } : {}),
    value: { type: attribute.type?.text ?? 'string', required: false },
  })),
  slots: described(element.slots),
  events: described(element.events),
  js: {
    properties: (element.attributes ?? [])
      .filter((attribute) => attribute.fieldName)
      .map((attribute) => ({
        name: attribute.fieldName,
        description: attribute.description ?? '',
        type: attribute.type?.text ?? 'string',
      })),
    events: described(element.events),
  },
  css: { properties: described(element.cssProperties), parts: described(element.cssParts) },
}));

mkdirSync('dist', { recursive: true });
writeFileSync(
  'dist/web-types.json',
  `${JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/web-types',
      name,
      version,
      'js-types-syntax': 'typescript',
      'description-markup': 'markdown',
      contributions: { html: { elements } },
    },
    null,
    2,
  )}\n`,
);
console.log(`dist/web-types.json: ${elements.map((element) => element.name).join(', ')}`);
