// What an agency gets from npm: packs the built package, installs the tarball into a scratch
// project, imports every entry in Node and type-checks a React, Vue and Svelte user's code
// against it. Needs `npm run build` first (npm test builds before this runs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const scratch = mkdtempSync(join(tmpdir(), 'portal-widgets-pack-'));
const run = (command, args, cwd = scratch) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

before(() => {
  const [{ filename }] = JSON.parse(
    run('npm', ['pack', '--json', '--pack-destination', scratch], root),
  );
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
  );
  // The same versions the repository is tested with; the npm cache usually has them already.
  const peers = ['react', '@types/react', 'vue', 'svelte', 'typescript'].map(
    (name) => `${name}@${pkg.devDependencies[name]}`,
  );
  run('npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    join(scratch, filename),
    ...peers,
  ]);
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        lib: ['es2022', 'dom', 'dom.iterable'],
        jsx: 'react-jsx',
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      include: ['*.ts', '*.tsx'],
    }),
  );
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test('the tarball holds the built files and none of the demo or the server', () => {
  const files = run('tar', ['tzf', join(scratch, `portal-widgets-${pkg.version}.tgz`)]);
  for (const file of [
    'package/dist/cdn/portal-widgets.js',
    'package/dist/cdn/autoloader.js',
    'package/dist/esm/react/index.js',
    'package/dist/types/jsx/react.d.ts',
    'package/dist/vscode.html-custom-data.json',
    'package/dist/web-types.json',
    'package/custom-elements.json',
    'package/LICENSE',
    'package/dist/cdn/portal-widgets.js.map',
    'package/dist/cdn/autoloader.js.map',
    'package/dist/esm/index.js.map',
    'package/dist/esm/elements/star-rating/star-rating.js.map',
  ]) {
    assert.ok(files.split('\n').includes(file), `${file} is packed`);
  }
  assert.equal(files.match(/custom-elements\.json$/gm).length, 1, 'the manifest is packed once');
  assert.doesNotMatch(files, /package\/(server|src|test)\//);
  assert.doesNotMatch(files, /package\/dist\/index\.html/);
});

test('the licence is MIT, and the source maps carry the sources the package leaves out', () => {
  const installed = join(scratch, 'node_modules/portal-widgets');
  assert.equal(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).license, 'MIT');
  assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^MIT License/);
  for (const file of ['dist/cdn/portal-widgets.js', 'dist/esm/index.js']) {
    assert.match(
      readFileSync(join(installed, file), 'utf8'),
      /\/\/# sourceMappingURL=\S+\.map\s*$/,
    );
    const map = JSON.parse(readFileSync(join(installed, `${file}.map`), 'utf8'));
    const index = map.sources.findIndex((source) => source.endsWith('src/index.ts'));
    assert.ok(index >= 0, `${file}.map names src/index.ts`);
    assert.match(map.sourcesContent[index], /PortalWidgets/);
  }
});

test("JetBrains IDEs find the elements' web-types through package.json", () => {
  const installed = join(scratch, 'node_modules/portal-widgets');
  const field = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))['web-types'];
  const webTypes = JSON.parse(readFileSync(join(installed, field), 'utf8'));
  assert.equal(webTypes.name, 'portal-widgets');
  const elements = Object.fromEntries(
    webTypes.contributions.html.elements.map((element) => [element.name, element]),
  );
  assert.deepEqual(Object.keys(elements).sort(), [
    'article-view',
    'contrast-toggle',
    'font-scaler',
    'read-aloud',
    'related-list',
    'star-rating',
  ]);
  const rating = elements['star-rating'];
  assert.ok(rating.attributes.some((attribute) => attribute.name === 'article-id'));
  assert.ok(rating.js.events.some((event) => event.name === 'pw-rating-change'));
  assert.ok(rating.css.parts.some((cssPart) => cssPart.name === 'summary'));
  assert.ok(rating.css.properties.some((property) => property.name === '--pw-star-color'));
});

test('every JavaScript entry of the exports map imports in Node', () => {
  const entries = Object.entries(pkg.exports)
    .filter(([key, value]) => !key.includes('*') && (typeof value === 'string' || value.default))
    .map(([key]) => key.replace(/^\./, 'portal-widgets'))
    .filter((entry) => !entry.endsWith('.json'));
  assert.ok(entries.length >= 12, `found ${entries.length} entries`);
  const script = `for (const entry of ${JSON.stringify(entries)}) {
    const module = await import(entry);
    if (Object.keys(module).length === 0) throw new Error(entry + ' exports nothing');
  }
  const { StarRatingComponent } = await import('portal-widgets/react');
  if (!StarRatingComponent) throw new Error('no React component');
  console.log('ok');`;
  assert.equal(run('node', ['--input-type=module', '-e', script]).trim(), 'ok');
});

test("a React, Vue and Svelte user's code type-checks, and misuse does not", () => {
  writeFileSync(
    join(scratch, 'react-user.tsx'),
    `import type {} from 'portal-widgets/jsx/react';
import { StarRatingComponent, RelatedListComponent } from 'portal-widgets/react';
import { BackendError, type RatingSummary } from 'portal-widgets';
import type { StarRating } from 'portal-widgets/star-rating/class';

export function Page() {
  return (
    <main>
      <font-scaler steps="0.9 1 1.25"></font-scaler>
      <article-view article-id="12" heading-level="2" json-ld></article-view>
      <related-list article-id="12" layout="cards" limit={3}></related-list>
      {/* @ts-expect-error: not a layout */}
      <related-list layout="grid"></related-list>
      <StarRatingComponent
        articleId="12"
        onPwRatingChange={(event) => {
          const summary: RatingSummary = event.detail.summary;
          console.log(summary.total);
        }}
      />
      <RelatedListComponent articleId="12" layout="compact" />
      {/* @ts-expect-error: not a layout */}
      <RelatedListComponent layout="grid" />
    </main>
  );
}
const rating: StarRating | null = document.querySelector('star-rating');
console.log(rating?.value, BackendError);

// TypeScript does not check hyphenated attribute names in JSX: this misspelling passes.
export const unchecked = <star-rating articel-id="1"></star-rating>;
// The typed forms catch it: the React component's props and the element's properties.
// @ts-expect-error: no such prop
export const caught = <StarRatingComponent articelId="1" />;
if (rating) {
  rating.articleId = '1';
  // @ts-expect-error: no such property
  rating.articelId = '1';
}

// The package declares no globals of its build (a user's own __VERSION__ stays theirs).
declare global {
  const __VERSION__: number;
}
`,
  );
  writeFileSync(
    join(scratch, 'vue-user.ts'),
    `import type {} from 'portal-widgets/jsx/vue';
import type { GlobalComponents } from 'vue';
type Props = InstanceType<GlobalComponents['related-list']>['$props'];
export const good: Props = { layout: 'cards', 'article-id': '12' };
// @ts-expect-error: not a layout
export const bad: Props = { layout: 'grid' };
`,
  );
  writeFileSync(
    join(scratch, 'svelte-user.ts'),
    `import type {} from 'portal-widgets/jsx/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';
export const good: SvelteHTMLElements['star-rating'] = { 'article-id': '12', readonly: true };
// @ts-expect-error: not a layout
export const bad: SvelteHTMLElements['related-list'] = { layout: 'grid' };
`,
  );
  try {
    run(join(scratch, 'node_modules/.bin/tsc'), ['-p', '.']);
  } catch (error) {
    assert.fail(`tsc found errors:\n${error.stdout}${error.stderr}`);
  }
});

test('each element entry alone types its tag and its events', () => {
  const elements = JSON.parse(
    readFileSync(join(scratch, 'node_modules/portal-widgets/custom-elements.json'), 'utf8'),
  )
    .modules.flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName);
  assert.equal(elements.length, 6);
  for (const { tagName, events = [] } of elements) {
    const custom = events.filter(({ type }) => type?.text && type.text !== 'Event');
    assert.ok(custom.length > 0, `${tagName} fires events of its own`);
    // A project of its own per entry: nothing else of the package is in the program.
    const file = `only-${tagName}.ts`;
    writeFileSync(
      join(scratch, file),
      `import 'portal-widgets/${tagName}';
const element = document.querySelector('${tagName}');
${custom
  .map(
    ({ name, type }) => `element?.addEventListener('${name}', (event) => {
  const typed: import('portal-widgets/${tagName}').${type.text} = event;
  console.log(typed.detail);
});`,
  )
  .join('\n')}
${
  tagName === 'star-rating'
    ? `element?.addEventListener('pw-rating-change', (event) => {
  const total: number = event.detail.summary.total;
  console.log(total);
});`
    : ''
}
export {};
`,
    );
    writeFileSync(
      join(scratch, `tsconfig.${tagName}.json`),
      JSON.stringify({ extends: './tsconfig.json', include: [file] }),
    );
    try {
      run(join(scratch, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${tagName}.json`]);
    } catch (error) {
      assert.fail(
        `portal-widgets/${tagName} alone: tsc found errors:\n${error.stdout}${error.stderr}`,
      );
    }
  }
});
