// The VS Code custom data is generated from custom-elements.json by `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

it('lists every element with its attributes, and value completions for literal unions', () => {
  const data = JSON.parse(readFileSync('dist/vscode.html-custom-data.json', 'utf8'));
  const byName = Object.fromEntries(data.tags.map((tag) => [tag.name, tag]));
  assert.deepEqual(Object.keys(byName), [
    'article-view',
    'contrast-toggle',
    'font-scaler',
    'read-aloud',
    'related-list',
    'star-rating',
  ]);
  const attributes = (name) => byName[name].attributes.map((attribute) => attribute.name);
  assert.ok(attributes('star-rating').includes('article-id'));
  assert.ok(attributes('font-scaler').includes('steps'));
  const layout = byName['related-list'].attributes.find((attribute) => attribute.name === 'layout');
  assert.deepEqual(
    layout.values.map((value) => value.name),
    ['list', 'cards', 'compact'],
  );
  assert.match(byName['star-rating'].description, /one vote per visitor/);
});
