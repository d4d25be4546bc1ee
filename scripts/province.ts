// A province in miniature: one reference server for three portals on three origins of their own
// (the province and two communes), each a page that names its site on the script tag. The sites
// file and the portals' articles are in server/demo/province/. `npm start` runs it beside the
// demo, `npm run demo:province` alone, and scripts/test/province.test.mjs in Chromium.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { parseSitesFile, type SiteFileEntry } from '../server/sites-file.js';
import { settingsFromEnv, startServer } from '../server/start.js';

const SITES_FILE = resolve('server/demo/province/sites.conf');
/** The portals' ports as the sites file names them. */
const DEFAULT_PORTAL_PORTS = [8481, 8482, 8483];

export interface ProvinceOptions {
  /** The reference server's port (default 8480). */
  apiPort?: number;
  /** The three portals' ports, in the sites file's order (default 8481, 8482, 8483). */
  portalPorts?: number[];
  /** The server's log: Fastify's level, or false for none. */
  logLevel?: string | false;
}

export interface Province {
  /** The API's address, `http://localhost:<port>/api/v1`. */
  api: string;
  portals: { id: string; name: string; url: string }[];
  close(): Promise<void>;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** A portal's article page, as its CMS would print it: the article id from `?id=`. */
function portalPage(site: SiteFileEntry, api: string, id: string): string {
  const { articles } = JSON.parse(readFileSync(site.sources[0]!.location, 'utf8')) as {
    articles: { id: number; title: string }[];
  };
  const links = articles
    .map((article) => `<li><a href="?id=${article.id}">${escape(article.title)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escape(site.name)}</title>
<script type="module" src="/cdn/portal-widgets.js" data-api="${api}" data-site="${site.id}"></script>
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

/** Starts the province's server and its three portals; `close()` stops them and removes the data. */
export async function startProvince({
  apiPort = 8480,
  portalPorts = DEFAULT_PORTAL_PORTS,
  logLevel = false,
}: ProvinceOptions = {}): Promise<Province> {
  const folder = mkdtempSync(join(tmpdir(), 'portal-widgets-province-'));
  // The sites file as shipped (its schedule included), each portal's origin on the port asked for.
  const text = DEFAULT_PORTAL_PORTS.reduce(
    (file, port, index) => file.replaceAll(`localhost:${port}`, `localhost:${portalPorts[index]}`),
    readFileSync(SITES_FILE, 'utf8'),
  );
  const sites = parseSitesFile(text, SITES_FILE);
  const sitesFile = join(folder, 'sites.conf');
  writeFileSync(sitesFile, text);
  const portals: FastifyInstance[] = [];
  const server = await startServer({
    ...settingsFromEnv({ SITES_FILE: sitesFile }),
    databaseUrl: `sqlite:${join(folder, 'province.sqlite')}`,
    demo: false,
    port: apiPort,
    host: '127.0.0.1',
    staticRoot: resolve('dist'),
    logger: logLevel ? { level: logLevel } : false,
  });
  const close = async () => {
    await Promise.all([server.close(), ...portals.map((portal) => portal.close())]);
    rmSync(folder, { recursive: true, force: true });
  };
  const api = `http://localhost:${apiPort}/api/v1`;
  try {
    for (const [index, site] of sites.entries()) {
      const portal = Fastify();
      portals.push(portal);
      // A portal keeps a copy of the script-tag files, as the README's first steps say.
      await portal.register(fastifyStatic, { root: resolve('dist/cdn'), prefix: '/cdn/' });
      portal.get('/', async (request, reply) => {
        const { id = '1' } = request.query as { id?: string };
        return reply.type('text/html; charset=utf-8').send(portalPage(site, api, id));
      });
      await portal.listen({ port: portalPorts[index]!, host: '127.0.0.1' });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    api,
    portals: sites.map((site) => ({ id: site.id, name: site.name, url: `${site.origins[0]}/` })),
    close,
  };
}
