// Prints the gzip size of every shipped file against its budget, beside a lit-only peer built in
// the same run. With --check, exits 1 when a budget is exceeded. Run after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildLitPeer } from './lit-peer.mjs';

const KB = 1024;
/** Gzip budgets (level 9) in bytes; a file matching no budget is listed without one. */
const BUDGETS = [
  // All five elements and the backend client with its rest adapter; the article body's code,
  // DOMPurify and the other adapters apart. 26 KB, the guard #19 keeps; the aim of 16 KB is out
  // of reach (see docs/sizes.md). It had grown to 27.11 KB (#13, #18-#21: the body allow-list,
  // address checks, honest vote outcomes, start-up in short tasks, numbers and dates without
  // Intl, the vote controller, read-aloud's loader, sites); 25.81 KB since the body's code
  // (sanitisers' allow-list, native path, fitting to the page: 1.30 KB) is article-body.js.
  { pattern: /^portal-widgets\.js$/, budget: 26 * KB },
  { pattern: /^portal-widgets\.iife\.js$/, budget: 26 * KB },
  // Fetched with a page's first article by the two above: most portals show their own article.
  { pattern: /^article-body\.js$/, budget: 2.25 * KB },
  // font-scaler and contrast-toggle alone: Lit's ReactiveElement without lit-html. 9.25 KB with
  // the text size's own number formatting and spacing of the larger A+ (#19, #20); 9.26 KB with
  // that spacing read once for renders close together, not once each (a style computation each).
  { pattern: /^portal-toolbar\.js$/, budget: 9.26 * KB },
  // read-aloud alone with lit, which portal-widgets.js fetches only for a page that has one.
  // 14.25 KB with the seek bar (recording time or sentence, said in words: 0.33 KB); 14.26 KB
  // with larger text's spacing read once for renders close together.
  { pattern: /^read-aloud\.js$/, budget: 14.26 * KB },
  // 1.45 KB with data-start="near" (each element's file once it nears the view) and the check
  // of data-start's value; 1.50 KB with a keyboard visitor's first key or focus fetching them all;
  // 1.54 KB with the core fetched only with the first element (near: none near, none fetched);
  // 1.57 KB with `load`/`near` waiting no longer than 5 s after the page is parsed, when a
  // stalled request of the page holds its load event back; 1.63 KB with those 5 s counted from
  // DOMContentLoaded also when the file was added after it (read from the navigation's timing).
  { pattern: /^autoloader\.js$/, budget: 1.63 * KB },
  // Each element's own chunk; lit, the core and the backend client are shared chunks.
  // 4.35 KB since the body allow-list both sanitisers share and the backend address checks;
  // 4.54 KB with the refusal of bodies too long to parse (#19).
  { pattern: /^chunks\/article-view\.define-.*\.js$/, budget: 4.75 * KB },
  // 5.25 KB: each vote outcome worded for what it is, focus kept, keys and pointer apart (#13);
  // 5.5 KB with the vote flow as a controller and WebKit's arrow keys handled (#20).
  { pattern: /^chunks\/star-rating\.define-.*\.js$/, budget: 5.5 * KB },
  // Two players (recording, speech), sentences and highlight, abbreviations, two languages;
  // 7.25 KB with the seek bar.
  { pattern: /^chunks\/read-aloud\.define-.*\.js$/, budget: 7.25 * KB },
  { pattern: /^chunks\/[a-z-]+\.define-.*\.js$/, budget: 2.5 * KB },
];

const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

const rows = listFiles('dist/cdn')
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const rule = BUDGETS.find(({ pattern }) => pattern.test(file));
    return { file, size: gzipSize(join('dist/cdn', file)), ...rule };
  });
const peer = gzipSync(await buildLitPeer(), { level: 9 }).length;

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
console.log('\nGzip sizes (level 9) of dist/cdn');
console.log(`${'file'.padEnd(48)} ${'gzip'.padStart(9)} ${'budget'.padStart(9)}  status`);
for (const { file, size, budget } of rows) {
  const status = budget === undefined ? 'shared' : size <= budget ? 'ok' : 'OVER';
  console.log(
    `${file.padEnd(48)} ${kb(size).padStart(9)} ${(budget ? kb(budget) : '-').padStart(9)}  ${status}`,
  );
}
console.log(`${'peer: lit + one trivial element'.padEnd(48)} ${kb(peer).padStart(9)}`);

/** Every file a page downloads through the autoloader for `tags`: the loader and the chunks it imports. */
function autoloaderPage(tags) {
  const seen = new Set(['autoloader.js']);
  const visit = (file) => {
    const text = readFileSync(join('dist/cdn', file), 'utf8');
    for (const [, path] of text.matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+)"/g)) {
      const next = join(file, '..', path).replace(/^\.\//, '');
      if (!seen.has(next)) {
        seen.add(next);
        visit(next);
      }
    }
  };
  for (const tag of tags) {
    const own = rows.find(({ file }) => file.startsWith(`chunks/${tag}.define-`)).file;
    seen.add(own);
    visit(own);
  }
  return [...seen].reduce((sum, file) => sum + gzipSize(join('dist/cdn', file)), 0);
}
console.log('\nWhat a page downloads through autoloader.js (gzip, all files)');
for (const tags of [
  ['star-rating'],
  ['font-scaler', 'contrast-toggle'],
  ['article-view', 'star-rating', 'related-list'],
  ['article-view', 'read-aloud'],
]) {
  console.log(`${tags.join(' + ').padEnd(48)} ${kb(autoloaderPage(tags)).padStart(9)}`);
}

const over = rows.filter(({ size, budget }) => budget !== undefined && size > budget);
if (process.argv.includes('--check') && over.length) {
  console.error(`\nOver budget: ${over.map(({ file }) => file).join(', ')}`);
  process.exit(1);
}
