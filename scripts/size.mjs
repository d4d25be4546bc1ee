// Prints the gzip size of every shipped file against its budget, beside a lit-only peer built in
// the same run. With --check, exits 1 when a budget is exceeded. Run after `npm run build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildLitPeer } from './lit-peer.mjs';

const KB = 1024;
/** Gzip budgets (level 9) in bytes; a file matching no budget is listed without one. */
const BUDGETS = [
  // All five elements and the backend client with its rest adapter (sanitiser and other adapters apart).
  // Guards against growth; the aim of 16 KB is out of reach (see docs/sizes.md). Grown in #13 by
  // the body allow-list both sanitisers share, address checks, four error messages, star-rating's
  // honest vote outcomes in two languages and text size on px pages; start-up in short tasks and
  // the voter's own reads (#11, #12). 27 KB since 25.68 grew by 1.14 KB in #19-#21: bodies too
  // long to parse refused (0.12), only added content measured at A+ (0.24), numbers and dates
  // without Intl's locale data (0.05), star-rating's vote flow as its own controller and text
  // spacing reaching larger text (0.31), Safari's arrow keys and the Trusted Types message (0.21),
  // read-aloud fetched for pages that have one (0.18), recorded voices read from every backend
  // (0.06); 27.25 KB with the site a page names on a server of several portals (0.27, #18). Back
  // under 26 KB is open work in #19 (docs/sizes.md).
  { pattern: /^portal-widgets\.js$/, budget: 27.25 * KB },
  { pattern: /^portal-widgets\.iife\.js$/, budget: 27.25 * KB },
  // font-scaler and contrast-toggle alone: Lit's ReactiveElement without lit-html. 9.25 KB with
  // the text size's own number formatting and spacing of the larger A+ (#19, #20).
  { pattern: /^portal-toolbar\.js$/, budget: 9.25 * KB },
  // read-aloud alone with lit, which portal-widgets.js fetches only for a page that has one.
  { pattern: /^read-aloud\.js$/, budget: 14 * KB },
  { pattern: /^autoloader\.js$/, budget: 1.5 * KB },
  // Each element's own chunk; lit, the core and the backend client are shared chunks.
  // 4.35 KB since the body allow-list both sanitisers share and the backend address checks;
  // 4.54 KB with the refusal of bodies too long to parse (#19).
  { pattern: /^chunks\/article-view\.define-.*\.js$/, budget: 4.75 * KB },
  // 5.25 KB: each vote outcome worded for what it is, focus kept, keys and pointer apart (#13);
  // 5.5 KB with the vote flow as a controller and WebKit's arrow keys handled (#20).
  { pattern: /^chunks\/star-rating\.define-.*\.js$/, budget: 5.5 * KB },
  // Two players (recording, speech), sentences and highlight, abbreviations, two languages.
  { pattern: /^chunks\/read-aloud\.define-.*\.js$/, budget: 7 * KB },
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
