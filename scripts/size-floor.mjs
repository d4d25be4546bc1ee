// How small each shipped form could get with the same words: lit plus only the text our code
// carries (UI strings in both languages, CSS, template markup, console messages), with no logic
// at all. Printed beside the size now and the aim it is held to; `now − floor` is what all our
// logic costs, `aim − floor` is what an aim leaves for it. Builds in memory; run any time.
import { gzipSync } from 'node:zlib';
import { build, parseAst } from 'vite';
import { buildLitPeer } from './lit-peer.mjs';

const KB = 1024;
const gzip = (text) => gzipSync(text, { level: 9 }).length;

/**
 * `chunks` picks the output files a visitor downloads, from the build's chunk list.
 * `lit` says whether those files carry lit (a lone element chunk does not).
 */
const FORMS = [
  {
    name: 'portal-widgets.js (five elements)',
    mode: 'cdn',
    aim: 16 * KB,
    lit: true,
    chunks: (bundle) => [bundle['portal-widgets.js']],
  },
  {
    name: 'star-rating page through autoloader.js',
    mode: 'autoloader',
    aim: 10 * KB,
    lit: true,
    chunks: (bundle) => {
      const own = Object.values(bundle).find(
        (chunk) =>
          chunk.type === 'chunk' && chunk.fileName.startsWith('chunks/star-rating.define-'),
      );
      const seen = new Set([bundle['autoloader.js'], own]);
      for (const chunk of seen) for (const file of chunk.imports) seen.add(bundle[file]);
      return [...seen];
    },
  },
  {
    name: 'star-rating chunk',
    mode: 'autoloader',
    aim: 3 * KB,
    lit: false,
    chunks: (bundle) =>
      // Chunks only: the build also emits each one's source map as an asset.
      Object.values(bundle).filter(
        (chunk) =>
          chunk.type === 'chunk' && chunk.fileName.startsWith('chunks/star-rating.define-'),
      ),
  },
];

/** Every string literal and template text (4 characters or more) of our own modules in `chunks`. */
function ourText(chunks) {
  const texts = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Literal' && typeof node.value === 'string') texts.push(node.value);
    if (node.type === 'TemplateElement' && node.value.cooked) texts.push(node.value.cooked);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  for (const chunk of chunks) {
    for (const [id, module] of Object.entries(chunk.modules)) {
      if (module.code && /[\\/]src[\\/]/.test(id)) visit(parseAst(module.code));
    }
  }
  return JSON.stringify(texts.filter((text) => text.length >= 4));
}

/** The output chunks of one build mode, kept in memory. */
async function bundleOf(mode) {
  let bundle;
  await build({
    mode,
    logLevel: 'silent',
    build: { write: false },
    plugins: [
      {
        name: 'keep-bundle',
        generateBundle(_, output) {
          bundle = output;
        },
      },
    ],
  });
  return bundle;
}

const peer = await buildLitPeer();
const bundles = {};
const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`.padStart(9);
console.log('\nSize floor: lit plus our text alone, no logic (gzip, level 9)');
console.log(
  `${'form'.padEnd(50)} ${'aim'.padStart(9)} ${'now'.padStart(9)} ${'floor'.padStart(9)} ${'logic now'.padStart(10)} ${'room left'.padStart(10)}`,
);
for (const form of FORMS) {
  bundles[form.mode] ??= await bundleOf(form.mode);
  const chunks = form.chunks(bundles[form.mode]);
  const now = chunks.reduce((sum, chunk) => sum + gzip(chunk.code), 0);
  const text = ourText(chunks);
  const floor = gzip(form.lit ? `${peer}\n${text}` : text);
  console.log(
    `${form.name.padEnd(50)} ${kb(form.aim)} ${kb(now)} ${kb(floor)} ${kb(now - floor).padStart(10)} ${kb(form.aim - floor).padStart(10)}`,
  );
}
console.log(`${'peer: lit + one trivial element'.padEnd(50)} ${''.padStart(9)} ${kb(gzip(peer))}`);
