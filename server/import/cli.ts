import { parseArgs } from 'node:util';
import { openDatabase } from '../db.js';
import { readSource, storeArticles, type ImportFormat } from './import.js';
import { migrate } from '../migrations.js';
import { DEFAULT_SITE } from '../sites.js';
import { databaseUrlFrom } from '../start.js';

const USAGE = `Usage: npm run import -- <feed.xml | articles.json | https://…> [--site xa-hoa-binh] [--format rss|nukeviet|wordpress|json]

  An RSS 2.0 or Atom feed (file or URL)
  NukeViet:          https://portal/index.php?language=vi&nv=news&op=rss   (each article read in
                     full from its page; --format nukeviet when the feed does not say NukeViet)
  A WordPress site:  https://site.example/wp-json   (or --format wordpress with the site URL)
  A JSON file:       { "articles": [ { "title", "bodyHtml", "category": { "id", "name" }, "publishedAt", … } ] }

Stores into DATABASE_URL (default sqlite:./data/portal-widgets.sqlite), into the site --site
names (created if new; the default site without it). Running it again with the same source
changes nothing. Articles keep their id at the source, within their site: give each portal a
site of its own. A site's first import removes its demo articles.

Old, for one release: --id-offset N adds N to every id, for a second portal imported into the
same site.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string' },
    site: { type: 'string' },
    'id-offset': { type: 'string' },
    help: { type: 'boolean' },
  },
});
const [source] = positionals;
const format = values.format as ImportFormat | undefined;
const idOffset = Number(values['id-offset'] ?? 0);
if (
  values.help ||
  !source ||
  (format && !['rss', 'nukeviet', 'wordpress', 'json'].includes(format)) ||
  !Number.isInteger(idOffset)
) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 1);
}

let databaseUrl: string;
try {
  databaseUrl = databaseUrlFrom(process.env.DATABASE_URL);
} catch (error) {
  console.error(`Import failed: ${(error as Error).message}`);
  process.exit(1);
}
const { db } = openDatabase(databaseUrl);
try {
  await migrate(db);
  const { articles, origin, problems } = await readSource(source, format);
  for (const problem of problems) console.warn(`Import: ${problem}`);
  const counts = await storeArticles(db, origin, articles, { idOffset, site: values.site });
  if (counts.demoRemoved) {
    console.log(`Removed the ${counts.demoRemoved} demo articles: real articles replace them.`);
  }
  console.log(
    `Imported ${articles.length} articles from ${source} into site ${values.site ?? DEFAULT_SITE}: ${counts.inserted} new, ${counts.updated} updated, ${counts.unchanged} unchanged.`,
  );
} catch (error) {
  console.error(`Import failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
