// Keeps the README and the guides in docs/ true to the code: every element attribute, script-tag
// setting and server variable they mention exists, every variable the server reads is
// documented, and every relative link leads to a file.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const read = (file) => readFileSync(join(root, file), 'utf8');
const guides = [
  'README.md',
  'CONTRIBUTING.md',
  ...['docs', 'docs/vi'].flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((file) => file.endsWith('.md'))
      .map((file) => `${folder}/${file}`),
  ),
];

const manifest = JSON.parse(read('custom-elements.json'));
const attributesByTag = new Map(
  manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.tagName)
    .map((element) => [
      element.tagName,
      new Set((element.attributes ?? []).map((attribute) => attribute.name)),
    ]),
);
const GLOBAL = /^(id|class|style|lang|dir|hidden|slot|title|tabindex|aria-.+|data-.+)$/;

const kebab = (name) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
/** The script tag's settings, as the code reads them from its dataset. */
const settings = new Set([
  ...read('src/core/config.ts')
    .match(/const \{([^}]+)\} = script\?\.dataset/)[1]
    .split(',')
    .map((name) => `data-${kebab(name.trim())}`),
  ...[...read('src/autoloader.ts').matchAll(/dataset\.(\w+)/g)].map(
    ([, name]) => `data-${kebab(name)}`,
  ),
]);

/** Attributes a guide puts on our script tag for the CMS, not for us (NukeViet's optimiser). */
const CMS_ATTRIBUTES = new Set(['data-show']);

const htmlBlocks = (text) => [...text.matchAll(/```html\n([\s\S]*?)```/g)].map(([, code]) => code);
const tags = (code) =>
  [...code.matchAll(/<([a-z][a-z0-9]*(?:-[a-z0-9]+)+|script)\b([^>]*)>/g)].map(
    ([, name, attributes]) => ({
      name,
      attributes: [...attributes.matchAll(/([a-z][a-z0-9-]*)(?==|\s|$)/g)].map(([, n]) => n),
    }),
  );

test('the script-tag settings the code reads are found', () => {
  assert.ok(settings.has('data-api') && settings.has('data-cloak'), [...settings].join(' '));
});

for (const file of guides) {
  test(`${file}: every element attribute and script setting in its HTML exists`, () => {
    for (const code of htmlBlocks(read(file))) {
      for (const { name, attributes } of tags(code)) {
        const tag = name.replace(/^gov-/, '');
        if (name === 'script') {
          if (!/portal-widgets|autoloader/.test(code)) continue;
          for (const attribute of attributes.filter((a) => a.startsWith('data-'))) {
            if (CMS_ATTRIBUTES.has(attribute)) continue;
            assert.ok(settings.has(attribute), `${file}: <script ${attribute}> is no setting`);
          }
        } else if (attributesByTag.has(tag)) {
          for (const attribute of attributes) {
            assert.ok(
              attributesByTag.get(tag).has(attribute) || GLOBAL.test(attribute),
              `${file}: <${name} ${attribute}> is not an attribute of ${tag}`,
            );
          }
        }
      }
    }
  });

  test(`${file}: relative links lead to files`, () => {
    for (const [, target] of read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      assert.ok(existsSync(join(root, dirname(file), target)), `${file} links to ${target}`);
    }
  });
}

test("the NukeViet guide's loader sets only settings the autoloader reads, and looks for saved preferences where the widgets keep them", () => {
  const [loader] = htmlBlocks(read('docs/nukeviet.md'));
  const set = [...loader.matchAll(/dataset\.(\w+)/g)].map(([, name]) => `data-${kebab(name)}`);
  assert.deepEqual([...new Set(set)].sort(), ['data-backend', 'data-start']);
  for (const attribute of set) assert.ok(settings.has(attribute), attribute);
  const [, key] = read('src/prefs/store.ts').match(/STORAGE_KEY = '([^']+)'/);
  assert.ok(loader.includes(`localStorage.getItem('${key}')`), `the loader reads ${key}`);
});

test('every variable the server reads is documented in docs/deployment.md, and no other', () => {
  // Every folder of the server (api/, demo/, import/), its tests aside.
  const serverFiles = readdirSync(join(root, 'server'), { recursive: true })
    .filter((file) => file.endsWith('.ts') && !file.startsWith('test'))
    .map((file) => read(`server/${file}`))
    .join('\n');
  const read_ = new Set([...serverFiles.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map(([, v]) => v));
  const documented = new Set(
    [...read('docs/deployment.md').matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map(([, v]) => v),
  );
  assert.ok(read_.size >= 5, `found ${[...read_].join(', ')}`);
  assert.deepEqual([...documented].sort(), [...read_].sort());
});

test('the package version has its heading in CHANGELOG.md', () => {
  const { version } = JSON.parse(read('package.json'));
  assert.match(
    read('CHANGELOG.md'),
    new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
  );
});

test('the sample portal and its articles are of today: a commune, with no district or town', () => {
  // Since 1 July 2025 local government has two tiers, provinces and communes (xã, phường, đặc khu).
  const retired = /(^|[^\p{L}])(huyện|quận|thị xã|thị trấn)(?!\p{L})/iu;
  const written = [
    'server/demo/seed-data.ts',
    'server/demo/seed.ts',
    ...readdirSync(join(root, 'demo'))
      .filter((file) => /\.(html|js)$/.test(file))
      .map((file) => `demo/${file}`),
  ];
  for (const file of written) {
    const found = read(file).match(retired);
    assert.equal(found, null, `${file} names "${found?.[2]}"`);
  }
  assert.match(read('demo/index.html'), /Cổng thông tin điện tử xã/);
});

test("the README's first screen is what a webmaster needs to get the widgets working", () => {
  const firstScreen = read('README.md').split('\n').slice(0, 62).join('\n');
  const [snippet] = htmlBlocks(firstScreen);
  assert.ok(snippet, 'a snippet to paste');
  for (const needed of ['dist/cdn/', 'npm pack', 'ALLOWED_ORIGINS', 'GET /api/v1/articles']) {
    assert.ok(firstScreen.includes(needed), `the first screen says ${needed}`);
  }
  assert.match(firstScreen, /Nothing shows\?/);
  // The snippet's article exists on a freshly started reference server (ids 1 to the seed's count).
  const seeded = (read('server/demo/seed-data.ts').match(/^ {4}slug: /gm) ?? []).length;
  for (const [, id] of snippet.matchAll(/article-id="([^"]*)"/g)) {
    assert.ok(Number(id) >= 1 && Number(id) <= seeded, `article-id="${id}" is a sample article`);
  }
  assert.ok(read('README.md').length < 15_000, 'the README stays short; details go to docs/');
});
