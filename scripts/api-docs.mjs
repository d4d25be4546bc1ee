// Writes docs/api/<tag>.md, one reference page per element, from custom-elements.json and the
// hand-written example in docs/api/examples/<tag>.html. With --check, fails when a page is stale
// (`npm run manifest:check` runs it so).
import { readFileSync } from 'node:fs';
import { manifestElements, writeOrCheck } from './manifest.mjs';

const elements = manifestElements();

const oneLine = (text = '') => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text) => (text ? `\`${oneLine(text).replace(/`/g, "'")}\`` : '');
const table = (head, rows) =>
  rows.length
    ? [
        `| ${head.join(' | ')} |`,
        `| ${head.map(() => '---').join(' | ')} |`,
        ...rows.map((row) => `| ${row.join(' | ')} |`),
        '',
      ]
    : ['None.', ''];

function page(element) {
  const properties = (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      (member.privacy ?? 'public') === 'public' &&
      !member.name.startsWith('_'),
  );
  const example = readFileSync(`docs/api/examples/${element.tagName}.html`, 'utf8').trim();
  return [
    '<!-- Generated from custom-elements.json by scripts/api-docs.mjs: do not edit. -->',
    '',
    `# \`<${element.tagName}>\``,
    '',
    oneLine(element.summary),
    '',
    element.description ?? '',
    '',
    '## Example',
    '',
    '```html',
    example,
    '```',
    '',
    `Import: \`portal-widgets/${element.tagName}\` (defines the tag), class \`${element.name}\` from`,
    `\`portal-widgets/${element.tagName}/class\`, React: \`${element.name}Component\` from \`portal-widgets/react\`.`,
    '',
    '## Attributes',
    '',
    ...table(
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      (element.attributes ?? []).map((attribute) => {
        const field = properties.find((member) => member.name === attribute.fieldName);
        return [
          code(attribute.name),
          code(attribute.fieldName),
          code(attribute.type?.text ?? field?.type?.text ?? 'string'),
          code(field?.default ?? attribute.default),
          oneLine(attribute.description),
        ];
      }),
    ),
    '## Properties without an attribute',
    '',
    ...table(
      ['Property', 'Type', 'Description'],
      properties
        .filter((member) => !member.attribute)
        .map((member) => [
          code(member.name),
          code(member.type?.text),
          oneLine(member.description) || '',
        ]),
    ),
    '## Events',
    '',
    ...table(
      ['Event', 'Type', 'Description'],
      (element.events ?? []).map((event) => [
        code(event.name),
        code(event.type?.text),
        oneLine(event.description),
      ]),
    ),
    '## Slots',
    '',
    ...table(
      ['Slot', 'Description'],
      (element.slots ?? []).map((slot) => [
        slot.name ? code(slot.name) : '(default)',
        oneLine(slot.description),
      ]),
    ),
    '## CSS parts',
    '',
    ...table(
      ['Part', 'Description'],
      (element.cssParts ?? []).map((part) => [code(part.name), oneLine(part.description)]),
    ),
    '## CSS custom properties',
    '',
    ...table(
      ['Property', 'Description'],
      (element.cssProperties ?? []).map((property) => [
        code(property.name),
        oneLine(property.description),
      ]),
    ),
  ].join('\n');
}

const index = [
  '<!-- Generated from custom-elements.json by scripts/api-docs.mjs: do not edit. -->',
  '',
  '# API reference',
  '',
  ...elements.map(
    (element) => `- [\`<${element.tagName}>\`](${element.tagName}.md): ${oneLine(element.summary)}`,
  ),
  '',
].join('\n');

const pages = [
  ...elements.map((element) => [`docs/api/${element.tagName}.md`, page(element)]),
  ['docs/api/README.md', index],
];
const check = process.argv.includes('--check');
const stale = await writeOrCheck(pages, check);
if (stale.length) {
  console.error(`${stale.join(', ')} stale: run \`npm run analyze\` and commit.`);
  process.exit(1);
}
console.log(check ? 'docs/api matches custom-elements.json.' : `${pages.length} pages in docs/api`);
