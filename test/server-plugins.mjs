// Node-side helpers for the browser tests: the real reference server, and stand-ins for a
// WordPress site and a NukeViet portal that answer exactly as those systems do (shapes,
// headers, error texts). Fakes live here, in the tests, never in the shipped code.
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { buildApp } = await import('../server/app.ts');
const { openDatabase } = await import('../server/db.ts');
const { migrate } = await import('../server/migrations.ts');
const { seedDemo } = await import('../server/demo/seed.ts');
const { parseJson, storeArticles } = await import('../server/import/import.ts');
const { SiteOrigins } = await import('../server/sites.ts');

/** A commune's site beside the demo's default one, with ids the default site has too. */
const COMMUNE_SITE = 'xa-an-phu';
const communeArticles = parseJson(
  JSON.stringify({
    articles: [1, 2].map((id) => ({
      id,
      title: `Xã An Phú: tin số ${id}`,
      bodyHtml: `<p>Tin số ${id} của xã An Phú.</p>`,
      category: { id: 'kinh-te', name: 'Kinh tế' },
      publishedAt: `2026-11-0${id}T02:00:00Z`,
    })),
  }),
);

/** A port nothing listens on at this moment. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/**
 * `executeServerCommand('reference-server', { reset?, delayMs?, failNext?, failOnly?, allowedOrigins?, sites? })` →
 * `{ url, requests }`: our widgets API on a fresh in-memory SQLite database, allowing the test
 * page's origin (or, after a reset, only `allowedOrigins`). It counts requests per path, can
 * answer slowly (`delayMs`) or fail the next N requests with 503 (only those whose address
 * holds `failOnly`, when given, so a stray request of an earlier test cannot take the failure). With `sites`, a second site
 * (`xa-an-phu`, articles 1 and 2 of its own) sits beside the demo's default one.
 */
export function referenceServerPlugin({ testOrigins }) {
  let running;
  let allowedOrigins = testOrigins;
  let withSites = false;
  const behaviour = { delayMs: 0, failNext: 0, failOnly: '' };
  const requests = [];

  async function start() {
    const { db } = openDatabase('sqlite::memory:');
    await migrate(db);
    await seedDemo(db);
    if (withSites) await storeArticles(db, 'json', communeArticles, { site: COMMUNE_SITE });
    // The answers' image addresses name the server itself, as PUBLIC_URL does in production.
    const port = await freePort();
    const app = await buildApp({
      db,
      publicUrl: `http://127.0.0.1:${port}`,
      secret: 'browser-tests-secret-0123456789abcdef0123',
      allowedOrigins,
      siteOrigins: new SiteOrigins(
        allowedOrigins,
        withSites ? [{ id: COMMUNE_SITE, name: 'Xã An Phú', origins: allowedOrigins }] : [],
      ),
      voteRateLimit: { max: 1000, windowMs: 60_000 },
      tokenRateLimit: { max: 1000, windowMs: 60_000 },
      // The demo's misbehaving backends (/demo-backends/), as npm start serves them.
      demo: true,
      staticRoot: fileURLToPath(new URL('../demo', import.meta.url)),
    });
    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'OPTIONS') requests.push(`${request.method} ${request.url}`);
      if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
      if (
        behaviour.failNext > 0 &&
        request.method !== 'OPTIONS' &&
        request.url.includes(behaviour.failOnly)
      ) {
        behaviour.failNext -= 1;
        return reply.code(503).send({ error: { code: 'internal', message: 'down for the test' } });
      }
      return undefined;
    });
    const url = await app.listen({ port, host: '127.0.0.1' });
    return { app, db, url: `${url}/api/v1` };
  }

  /** Serves the API and the demo backends under the demo pages' own path, as `npm start` does. */
  async function proxy(context, next) {
    if (!/^\/demo\/(api\/v1|demo-backends)\//.test(context.path)) return next();
    running ??= await start();
    const origin = running.url.slice(0, -'/api/v1'.length);
    const response = await fetch(`${origin}${context.url.slice('/demo'.length)}`, {
      method: context.method,
      // Only the headers the browser sent: an invented content-type would make Fastify refuse an
      // empty POST (as a voter-token request is).
      headers: Object.fromEntries(
        ['content-type', 'x-voter-token', 'origin']
          .map((name) => [name, context.get(name)])
          .filter(([, value]) => value),
      ),
      body: ['GET', 'HEAD'].includes(context.method)
        ? undefined
        : await new Promise((resolve) => {
            let data = '';
            context.req.on('data', (chunk) => (data += chunk));
            context.req.on('end', () => resolve(data));
          }),
    }).catch(() => undefined);
    if (!response) {
      // The server dropped the connection (a demo backend on purpose): so does this proxy.
      context.req.socket.destroy();
      return undefined;
    }
    context.status = response.status;
    context.type = response.headers.get('content-type') ?? 'application/json';
    context.body = Buffer.from(await response.arrayBuffer());
    return undefined;
  }

  return {
    name: 'reference-server',
    proxy,
    async executeCommand({ command, payload = {} }) {
      if (command !== 'reference-server') return undefined;
      if (payload.reset && running) {
        // The browser keeps connections open; a test reset does not wait for them.
        const closing = running.app.close();
        running.app.server.closeAllConnections();
        await closing;
        await running.db.destroy();
        running = undefined;
      }
      if (payload.reset) {
        allowedOrigins = payload.allowedOrigins ?? testOrigins;
        withSites = payload.sites ?? false;
      }
      running ??= await start();
      if (payload.reset) requests.length = 0;
      if (payload.delayMs !== undefined) behaviour.delayMs = payload.delayMs;
      if (payload.failNext !== undefined) {
        behaviour.failNext = payload.failNext;
        behaviour.failOnly = payload.failOnly ?? '';
      }
      return { url: running.url, requests: [...requests] };
    },
    async serverStop() {
      if (running) {
        await running.app.close();
        await running.db.destroy();
      }
    },
  };
}

const WP_POSTS = [
  {
    id: 101,
    slug: 'le-hoi-mua-xuan',
    date: '2026-11-01T01:00:00',
    categories: [7],
    tags: [31],
    title: 'Lễ hội mùa xuân &#8211; chuẩn bị',
  },
  {
    id: 102,
    slug: 'duong-moi-ve-thon',
    date: '2026-11-05T01:00:00',
    categories: [7],
    tags: [31],
    title: 'Đường mới về thôn',
  },
  {
    id: 103,
    slug: 'tiem-chung-mo-rong',
    date: '2026-11-09T01:00:00',
    categories: [7],
    tags: [],
    title: 'Tiêm chủng mở rộng',
  },
  {
    id: 104,
    slug: 'hoi-thao-nong-nghiep',
    date: '2026-11-12T01:00:00',
    categories: [8],
    tags: [31],
    title: 'Hội thảo nông nghiệp',
  },
].map((post) => ({
  id: post.id,
  date: post.date,
  date_gmt: post.date,
  modified_gmt: post.date,
  slug: post.slug,
  status: 'publish',
  type: 'post',
  link: `http://wp.example/${post.slug}/`,
  title: { rendered: post.title },
  content: { rendered: `<p>Nội dung bài ${post.id}.</p>`, protected: false },
  excerpt: { rendered: `<p>Tóm tắt bài ${post.id}&hellip;</p>\n`, protected: false },
  author: 2,
  featured_media: 900 + post.id,
  categories: post.categories,
  tags: post.tags,
  _embedded: {
    author: [{ id: 2, name: 'Ban biên tập', slug: 'bbt' }],
    'wp:featuredmedia': [
      {
        id: 900 + post.id,
        source_url: `http://wp.example/wp-content/uploads/${post.slug}.jpg`,
        alt_text: `Ảnh ${post.id}`,
        caption: { rendered: '<p>Chú thích ảnh</p>\n' },
      },
    ],
    'wp:term': [
      post.categories.map((id) => ({
        id,
        taxonomy: 'category',
        name: id === 7 ? 'Tin địa phương' : 'Nông nghiệp',
        slug: `c${id}`,
      })),
      post.tags.map((id) => ({ id, taxonomy: 'post_tag', name: 'Nông thôn mới', slug: `t${id}` })),
    ],
  },
}));

/**
 * A WordPress site under /wp-site/ (REST API on, WP-PostRatings installed for post 101) and
 * one under /wp-locked/ whose security plugin answers 401 to anonymous REST requests.
 */
/** An error as the WordPress REST API sends it. */
function wordpressError(context, status, code, message) {
  context.status = status;
  context.body = { code, message, data: { status } };
}

const NO_ROUTE = 'No route was found matching the URL and request method.';

export function wordpressFixture(context, next) {
  const url = new URL(context.url, 'http://localhost');
  if (url.pathname.startsWith('/wp-locked/wp-json/')) {
    wordpressError(
      context,
      401,
      'rest_cannot_access',
      'Chỉ thành viên đã đăng nhập mới có thể gọi REST API.',
    );
    return undefined;
  }
  if (!url.pathname.startsWith('/wp-site/wp-json/')) return next();
  const route = url.pathname.slice('/wp-site/wp-json'.length);
  const rating = /^\/postratings\/v1\/post\/(\d+)$/.exec(route);
  if (rating) {
    if (rating[1] !== '101') {
      wordpressError(context, 404, 'rest_no_route', NO_ROUTE);
      return undefined;
    }
    context.body = {
      id: 101,
      users: 4,
      score: 17,
      average: 4.25,
      has_rated: false,
      can_rate: true,
    };
    return undefined;
  }
  if (route === '/wp/v2/media') {
    // As WordPress 6.1 answered `media?parent=<post>&media_type=audio&_fields=id,title,source_url`
    // for a post with one MP3 uploaded to it; any other post has none.
    const query = url.searchParams;
    const audio = query.get('media_type') === 'audio' && query.get('parent') === '102';
    context.set('X-WP-Total', audio ? '1' : '0');
    context.set('X-WP-TotalPages', audio ? '1' : '0');
    context.body = audio
      ? [
          {
            id: 905,
            title: { rendered: 'Giọng nữ miền Bắc' },
            source_url: 'http://wp.example/wp-content/uploads/2026/12/duong-moi-ve-thon.mp3',
          },
        ]
      : [];
    return undefined;
  }
  const single = /^\/wp\/v2\/posts\/(\d+)$/.exec(route);
  if (single) {
    const post = WP_POSTS.find(({ id }) => String(id) === single[1]);
    if (!post) {
      wordpressError(context, 404, 'rest_post_invalid_id', 'ID bài viết không hợp lệ.');
      return undefined;
    }
    context.body = post;
    return undefined;
  }
  if (route === '/wp/v2/posts') {
    const query = url.searchParams;
    let list = WP_POSTS;
    if (query.get('slug')) list = list.filter(({ slug }) => slug === query.get('slug'));
    if (query.get('categories'))
      list = list.filter(({ categories }) => categories.includes(Number(query.get('categories'))));
    if (query.get('tags'))
      list = list.filter(({ tags }) =>
        query
          .get('tags')
          .split(',')
          .some((tag) => tags.includes(Number(tag))),
      );
    if (query.get('exclude')) list = list.filter(({ id }) => String(id) !== query.get('exclude'));
    if (query.get('after'))
      list = list.filter(
        ({ date_gmt }) =>
          `${date_gmt}Z` > new Date(query.get('after')).toISOString().replace('.000', ''),
      );
    if (query.get('before'))
      list = list.filter(
        ({ date_gmt }) =>
          `${date_gmt}Z` < new Date(query.get('before')).toISOString().replace('.000', ''),
      );
    list = [...list].sort(
      (a, b) => (query.get('order') === 'asc' ? 1 : -1) * a.date_gmt.localeCompare(b.date_gmt),
    );
    list = list.slice(0, Number(query.get('per_page') ?? 10));
    context.set('X-WP-Total', String(list.length));
    context.set('X-WP-TotalPages', '1');
    context.body = list;
    return undefined;
  }
  wordpressError(context, 404, 'rest_no_route', NO_ROUTE);
  return undefined;
}

const NUKEVIET_CHECKSS = '0123456789abcdef0123456789abcdef';
const NUKEVIET_START = { points: 1230, count: 299 };

/**
 * A NukeViet 4.5 portal in the /nukeviet/ subfolder, news module renamed "tin-tuc", answering
 * `op=rating` as modules/news/funcs/rating.php does: only to its own pages (a Referer from its
 * own host and a 10+ digit nocache, else "Wrong URL"); a checkss that no longer matches the PHP
 * session, or anything else amiss, gets "Đánh giá không hợp lệ|0|0"; a second vote in the same
 * session gets "Bạn đã đánh giá bài viết này rồi|0|0"; a vote gets "<sentence>|<average rounded
 * to one decimal>|<count>". `/nukeviet/expire-session` makes the pages' checkss stale (as when
 * the PHP session has ended); `/nukeviet/stats` tells how many votes reached it.
 */
export function nukevietFixture() {
  const votes = new Map();
  let totals = { ...NUKEVIET_START };
  let expired = false;
  let received = 0;
  return async (context, next) => {
    const url = new URL(context.url, 'http://localhost');
    if (url.pathname === '/nukeviet/reset') {
      votes.clear();
      totals = { ...NUKEVIET_START };
      expired = false;
      received = 0;
      context.body = 'ok';
      return undefined;
    }
    if (url.pathname === '/nukeviet/expire-session') {
      expired = true;
      context.body = 'ok';
      return undefined;
    }
    if (url.pathname === '/nukeviet/stats') {
      context.body = { received, ...totals };
      return undefined;
    }
    if (url.pathname !== '/nukeviet/index.php' || url.searchParams.get('op') !== 'rating')
      return next();
    if (url.searchParams.get('nv') !== 'tin-tuc' || url.searchParams.get('language') !== 'vi') {
      context.status = 404;
      context.body = 'Not Found';
      return undefined;
    }
    const referer = context.get('referer');
    const nocache = url.searchParams.get('nocache') ?? '';
    context.type = 'text/html';
    const ownPage = referer && new URL(referer).host === context.get('host');
    if (!ownPage || !/^\d{10,}$/.test(nocache)) {
      context.body = 'Wrong URL';
      return undefined;
    }
    const body = await new Promise((resolve) => {
      let data = '';
      context.req.on('data', (chunk) => (data += chunk));
      context.req.on('end', () => resolve(new URLSearchParams(data)));
    });
    received += 1;
    let session = /nvsession=(\w+)/.exec(context.get('cookie'))?.[1];
    if (!session) {
      session = Math.random().toString(36).slice(2);
      context.set('Set-Cookie', `nvsession=${session}; Path=/nukeviet/`);
    }
    const point = Number(body.get('point'));
    const valid =
      !expired &&
      body.get('checkss') === NUKEVIET_CHECKSS &&
      body.get('id') === '412' &&
      [1, 2, 3, 4, 5].includes(point);
    if (!valid) {
      context.body = 'Đánh giá không hợp lệ|0|0';
      return undefined;
    }
    if (votes.has(session)) {
      context.body = 'Bạn đã đánh giá bài viết này rồi|0|0';
      return undefined;
    }
    votes.set(session, point);
    totals = { points: totals.points + point, count: totals.count + 1 };
    const average = Math.round((totals.points / totals.count) * 10) / 10;
    context.body = `Tổng số điểm của bài viết là: ${totals.points} trong ${totals.count} đánh giá|${average}|${totals.count}`;
    return undefined;
  };
}
