// Every element is a folder src/elements/<tag>/ with <tag>.define.ts; what lists elements by
// hand (package.json exports, src/index.ts) must list exactly those folders.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { it } from 'node:test';

const tags = readdirSync('src/elements')
  .filter((tag) => existsSync(`src/elements/${tag}/${tag}.define.ts`))
  .sort();
const className = (tag) => tag.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());

it('finds the elements by their folders', () => {
  assert.ok(tags.length > 0);
});

it('exports each element, and its class, from package.json, and nothing for a missing folder', () => {
  const { exports } = JSON.parse(readFileSync('package.json', 'utf8'));
  for (const tag of tags) {
    for (const [key, file] of [
      [`./${tag}`, `${tag}.define`],
      [`./${tag}/class`, tag],
    ]) {
      assert.deepEqual(
        exports[key],
        {
          types: `./dist/types/elements/${tag}/${file}.d.ts`,
          default: `./dist/esm/elements/${tag}/${file}.js`,
        },
        `package.json exports["${key}"]`,
      );
    }
  }
  const listed = Object.values(exports)
    .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
    .flatMap((target) => target.match(/\/elements\/([^/]+)\//)?.[1] ?? []);
  assert.deepEqual(
    [...new Set(listed)].sort(),
    tags,
    'package.json exports elements without a folder',
  );
});

it('exports each element class from src/index.ts, and no other element', () => {
  const index = readFileSync('src/index.ts', 'utf8');
  const exported = [...index.matchAll(/from '\.\/elements\/([^/]+)\/\1\.define\.js'/g)].map(
    ([, tag]) => tag,
  );
  assert.deepEqual(exported.sort(), tags);
  for (const tag of tags) {
    // An element with a script-tag file of its own (src/<tag>.ts) is left out of the bundle: its type only.
    const type = existsSync(`src/${tag}.ts`) ? 'type ' : '';
    assert.match(
      index,
      new RegExp(
        `export ${type}\\{ ${className(tag)} \\} from './elements/${tag}/${tag}\\.define\\.js'`,
      ),
    );
  }
});
