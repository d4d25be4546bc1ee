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
    'package/custom-elements.json',
  ]) {
    assert.ok(files.includes(file), `${file} is packed`);
  }
  assert.doesNotMatch(files, /package\/(server|src|test)\//);
  assert.doesNotMatch(files, /package\/dist\/index\.html/);
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
