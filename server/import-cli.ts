import { parseArgs } from 'node:util';
import { openDatabase } from './db.js';
import { readSource, storeArticles, type ImportFormat } from './import.js';
import { migrate } from './migrations.js';
import { settingsFromEnv } from './start.js';

const USAGE = `Usage: npm run import -- <feed.xml | articles.json | https://…> [--format rss|wordpress|json]

  An RSS 2.0 feed (file or URL; NukeViet: https://portal/index.php?language=vi&nv=news&op=rss)
  A WordPress site:  https://site.example/wp-json   (or --format wordpress with the site URL)
  A JSON file:       { "articles": [ { "title", "bodyHtml", "category": { "id", "name" }, "publishedAt", … } ] }

Stores into DATABASE_URL (default sqlite:./data/portal-widgets.sqlite). Running it again with the
same source changes nothing.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { format: { type: 'string' }, help: { type: 'boolean' } },
});
const [source] = positionals;
const format = values.format as ImportFormat | undefined;
if (values.help || !source || (format && !['rss', 'wordpress', 'json'].includes(format))) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 1);
}

const { db } = openDatabase(settingsFromEnv().databaseUrl);
try {
  await migrate(db);
  const { articles, origin } = await readSource(source, format);
  const counts = await storeArticles(db, origin, articles);
  console.log(
    `Imported ${articles.length} articles from ${source}: ${counts.inserted} new, ${counts.updated} updated, ${counts.unchanged} unchanged.`,
  );
} catch (error) {
  console.error(`Import failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
