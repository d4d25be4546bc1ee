// Generates, from custom-elements.json, what framework users import:
//   src/react/index.ts           React components made with @lit/react (committed; `--check` fails when stale)
//   dist/types/jsx/*.d.ts        the tags' attributes for JSX and templates in React, Vue and Svelte
// Run with no argument by `npm run build`; `npm run manifest:check` runs it with --check.
import { mkdirSync, writeFileSync } from 'node:fs';
import { manifestElements, pretty, writeOrCheck } from './manifest.mjs';

const elements = manifestElements();

const HEADER =
  '// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.\n';
const eventProp = (name) =>
  `on${name.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase())}`;
/** TypeScript type text the manifest gives, kept when it is plain; anything else is a string attribute. */
const attributeType = (text) =>
  text && /^(\s*('[^']*'|string|number|boolean|undefined)\s*\|?)+$/.test(text)
    ? text
        .replace(/\s*\|\s*undefined/g, '')
        // Markup gives strings: heading-level="2", json-ld="".
        .replace(/\bnumber\b/, 'number | `${number}`')
        .replace(/\bboolean\b/, "boolean | ''")
    : 'string';

function reactSource() {
  const eventClasses = new Set(
    elements.flatMap(({ events = [] }) =>
      events.map(({ type }) => type?.text).filter((type) => type && type !== 'Event'),
    ),
  );
  const lines = [
    HEADER,
    '/**',
    ' * React components for the five elements, made with @lit/react: properties are set as',
    ' * properties, and each custom event has an `on…` prop (`pw-rating-change` → `onPwRatingChange`).',
    ' * Importing this module defines the elements.',
    ' */',
    "import { createComponent, type EventName } from '@lit/react';",
    "import * as React from 'react';",
    `import type { ${[...eventClasses].sort().join(', ')} } from '../bases/events.js';`,
  ];
  for (const element of elements) {
    const from = element.path.replace(/^src\//, '../').replace(/\.ts$/, '');
    lines.push(`import { ${element.name} } from '${from}.js';`);
    lines.push(`import '${from}.define.js';`);
  }
  for (const element of elements) {
    const events = (element.events ?? []).map(
      ({ name, type }) =>
        `    ${eventProp(name)}: '${name}' as EventName<${type?.text ?? 'Event'}>,`,
    );
    lines.push(
      '',
      `/** \`<${element.tagName}>\`: ${element.summary ?? ''} */`,
      `export const ${element.name}Component = createComponent({`,
      `  tagName: '${element.tagName}',`,
      `  elementClass: ${element.name},`,
      '  react: React,',
      events.length ? `  events: {\n${events.join('\n')}\n  },` : '  events: {},',
      '});',
    );
  }
  return `${lines.join('\n')}\n`;
}

function attributesDeclaration() {
  const lines = [
    HEADER,
    '/** Attributes of each element as written in markup, for JSX and template type checking. */',
  ];
  for (const element of elements) {
    lines.push(`export interface ${element.name}Attributes {`);
    for (const attribute of element.attributes ?? []) {
      if (attribute.description)
        lines.push(`  /** ${attribute.description.replace(/\n/g, ' ')} */`);
      lines.push(`  '${attribute.name}'?: ${attributeType(attribute.type?.text)};`);
    }
    lines.push('}');
  }
  lines.push(
    '',
    'export interface PortalWidgetsAttributes {',
    ...elements.map((element) => `  '${element.tagName}': ${element.name}Attributes;`),
    '}',
  );
  return `${lines.join('\n')}\n`;
}

const names = elements.map((element) => `${element.name}Attributes`).join(', ');
const frameworks = {
  // React 19 renders custom elements natively; this lets its JSX accept our tags.
  'react.d.ts': [
    HEADER,
    "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    `import type { ${names} } from './attributes.js';`,
    '',
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements {',
    ...elements.map(
      (element) =>
        `      '${element.tagName}': DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & ${element.name}Attributes;`,
    ),
    '    }',
    '  }',
    '}',
  ],
  'vue.d.ts': [
    HEADER,
    "import type { DefineComponent } from 'vue';",
    `import type { ${names} } from './attributes.js';`,
    '',
    "declare module 'vue' {",
    '  interface GlobalComponents {',
    ...elements.map(
      (element) => `    '${element.tagName}': DefineComponent<${element.name}Attributes>;`,
    ),
    '  }',
    '}',
  ],
  'svelte.d.ts': [
    HEADER,
    "import type { HTMLAttributes } from 'svelte/elements';",
    `import type { ${names} } from './attributes.js';`,
    '',
    "declare module 'svelte/elements' {",
    '  interface SvelteHTMLElements {',
    ...elements.map(
      (element) =>
        `    '${element.tagName}': HTMLAttributes<HTMLElement> & ${element.name}Attributes;`,
    ),
    '  }',
    '}',
  ],
};

const reactFile = 'src/react/index.ts';
const check = process.argv.includes('--check');
mkdirSync('src/react', { recursive: true });
if ((await writeOrCheck([[reactFile, reactSource()]], check)).length) {
  console.error(`${reactFile} is stale: run \`npm run analyze\` and commit it.`);
  process.exit(1);
}
if (check) console.log(`${reactFile} matches custom-elements.json.`);
else {
  mkdirSync('dist/types/jsx', { recursive: true });
  writeFileSync('dist/types/jsx/attributes.d.ts', await pretty(attributesDeclaration(), 'x.d.ts'));
  for (const [file, lines] of Object.entries(frameworks)) {
    writeFileSync(`dist/types/jsx/${file}`, await pretty(`${lines.join('\n')}\n`, 'x.d.ts'));
  }
  console.log(`${reactFile} and dist/types/jsx/{attributes,react,vue,svelte}.d.ts written.`);
}
