// A province in miniature: one reference server (port 8480) for three portals on three origins
// of their own (8481 the province, 8482 and 8483 two communes), each a page that names its site
// on the script tag. The sites file and the portals' articles are in server/demo/province/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import { parseSitesFile } from '../server/sites-file.js';
import { settingsFromEnv, startServer } from '../server/start.js';

const SITES_FILE = 'server/demo/province/sites.conf';
const API_PORT = 8480;
const sites = parseSitesFile(readFileSync(SITES_FILE, 'utf8'), SITES_FILE);
const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

const folder = mkdtempSync(join(tmpdir(), 'portal-widgets-province-'));
const server = await startServer({
  ...settingsFromEnv({ SITES_FILE }),
  databaseUrl: `sqlite:${join(folder, 'province.sqlite')}`,
  demo: false,
  port: API_PORT,
  host: '127.0.0.1',
  staticRoot: resolve('dist'),
  logger: { level: 'info' },
});

/** A portal's article page, as its CMS would print it: the article id from `?id=`. */
function portalPage(site: (typeof sites)[number], id: string) {
  const articles = (
    JSON.parse(readFileSync(site.sources[0].location, 'utf8')) as {
      articles: { id: number; title: string }[];
    }
  ).articles;
  const links = articles
    .map((article) => `<li><a href="?id=${article.id}">${escape(article.title)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escape(site.name)}</title>
<script type="module" src="/cdn/portal-widgets.js" data-api="http://localhost:${API_PORT}/api/v1" data-site="${site.id}"></script>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem}header{border-bottom:3px solid #a50e0e;margin-bottom:1rem}</style>
</head>
<body>
<header><p>${escape(site.name)} — <code>data-site="${site.id}"</code></p><font-scaler></font-scaler> <contrast-toggle></contrast-toggle></header>
<nav aria-label="Bài viết"><ul>${links}</ul></nav>
<main>
<article-view article-id="${escape(id)}"></article-view>
<star-rating article-id="${escape(id)}"></star-rating>
<related-list article-id="${escape(id)}" strategy="topic,newer,older"></related-list>
</main>
</body>
</html>`;
}

const portals: ReturnType<typeof Fastify>[] = [];
for (const site of sites) {
  const origin = new URL(site.origins[0]);
  const portal = Fastify();
  // A portal keeps a copy of the script-tag files, as the README's first steps say.
  await portal.register(fastifyStatic, { root: resolve('dist/cdn'), prefix: '/cdn/' });
  portal.get('/', async (request, reply) => {
    const { id = '1' } = request.query as { id?: string };
    return reply.type('text/html; charset=utf-8').send(portalPage(site, id));
  });
  await portal.listen({ port: Number(origin.port), host: '127.0.0.1' });
  portals.push(portal);
  console.log(`${site.name}: ${origin.origin}/`);
}
console.log(`One server for all three: ${server.url}/api/v1/sites (status: …/sites/<site>/status)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([server.close(), ...portals.map((portal) => portal.close())]).then(() => {
      rmSync(folder, { recursive: true, force: true });
      process.exit(0);
    });
  });
}
