// tsx bench/nukeviet-guide.ts [--root <NukeViet folder>] [--guide <label>=<checkout>]… [--saved <factor>]
//   <variant>
//
// Puts one variant of a real NukeViet 4.5's article page in place, in the `default` and
// `mobile_default` themes of the NukeViet at --root: `pristine…` (any name starting so) restores
// the templates as NukeViet shipped them; `<label>` applies docs/nukeviet.md's guide of that
// checkout word for word (its script tag in layout/footer_only.tpl, its detail.tpl snippet after
// the article's body), with that checkout's dist/cdn copied to themes/default/js/pw-<label>/.
// The pristine templates are kept beside the themes (`.pw-pristine/`) the first time, and every
// variant starts from them. `--saved 1.5` makes each visit one of a visitor who chose 150 % text
// before: an inline script ahead of the guide's tag saves that size as the text size bar would.
// Two ways to bench with it:
// - `npm run bench:page-cost -- --url <article> --switch 'tsx bench/nukeviet-guide.ts --guide
//   after=.' pristine after`: one NukeViet, its templates swapped before each run (and pristine
//   again at the end);
// - once per variant into a NukeViet of its own (a folder whose themes are copies and whose other
//   entries link to the real site's, index.php copied so NukeViet takes that folder as its root),
//   each served on a port of its own: the variants are then plain addresses, `after=<URL>`, and
//   the site others use is never changed.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    root: { type: 'string', default: '/work/nukeviet/src' },
    guide: { type: 'string', multiple: true, default: [] },
    saved: { type: 'string' },
  },
});
const [variant] = positionals;
if (!variant) throw new Error('Name the variant: pristine…, or a label given with --guide.');

const THEMES = ['default', 'mobile_default'];
const TEMPLATES = ['layout/footer_only.tpl', 'modules/news/detail.tpl'];
const themes = join(values.root, 'themes');
const kept = join(themes, '.pw-pristine');

for (const theme of THEMES)
  for (const template of TEMPLATES) {
    const copy = join(kept, theme, template);
    if (existsSync(copy)) continue;
    const text = readFileSync(join(themes, theme, template), 'utf8');
    if (text.includes('portal-widgets'))
      throw new Error(`${theme}/${template} already has the guide: restore it before keeping it.`);
    mkdirSync(resolve(copy, '..'), { recursive: true });
    writeFileSync(copy, text);
  }

const pristine = (theme: string, template: string) =>
  readFileSync(join(kept, theme, template), 'utf8');

const guides = new Map(
  values.guide.map((arg) => [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]),
);

if (variant.startsWith('pristine')) {
  for (const theme of THEMES)
    for (const template of TEMPLATES)
      writeFileSync(join(themes, theme, template), pristine(theme, template));
} else {
  const checkout = guides.get(variant);
  if (!checkout) throw new Error(`No checkout for "${variant}": give --guide ${variant}=<folder>.`);
  // The guide's ```html examples in order: the script tag, the detail.tpl snippet, read-aloud.
  const [script, detail] = [
    ...readFileSync(join(checkout, 'docs/nukeviet.md'), 'utf8').matchAll(/```html\n([\s\S]*?)```/g),
  ].map(([, code]) => code);
  if (!script?.includes('/pw/') || !detail?.includes('star-rating'))
    throw new Error(`${checkout}/docs/nukeviet.md: the guide's first two examples changed shape.`);
  const folder = `pw-${variant}`;
  cpSync(join(checkout, 'dist/cdn'), join(themes, 'default/js', folder), { recursive: true });
  for (const theme of THEMES) {
    const footer = pristine(theme, TEMPLATES[0]);
    // The template engine takes {WORD} for its own: the braces of the saved JSON are escaped;
    // data-show="inline" keeps it where it is written, ahead of the guide's tag.
    const saved = values.saved
      ? `<script data-show="inline">try { localStorage.setItem('portal-widgets.preferences', '\\x7B"textScale":${Number(values.saved)}\\x7D'); } catch (error) {}</script>\n`
      : '';
    const tag = saved + script.replaceAll('themes/default/js/pw/', `themes/default/js/${folder}/`);
    if (!footer.includes('</body>')) throw new Error(`${theme}: no </body> in footer_only.tpl`);
    writeFileSync(join(themes, theme, TEMPLATES[0]), footer.replace('</body>', `${tag}</body>`));
    const body = /\{DETAIL\.bodyhtml\}\s*<\/div>/;
    const page = pristine(theme, TEMPLATES[1]);
    if (!body.test(page)) throw new Error(`${theme}: no {DETAIL.bodyhtml}</div> in detail.tpl`);
    writeFileSync(
      join(themes, theme, TEMPLATES[1]),
      page.replace(body, (end) => `${end}\n${detail}`),
    );
  }
}
console.log(`NukeViet: ${variant} in place`);
