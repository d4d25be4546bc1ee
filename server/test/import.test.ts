import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { fetchWordPress, parseJson, parseRss, readSource, storeArticles } from '../import.js';
import { SEED_ARTICLES } from '../seed-data.js';
import { createHarness, DATABASES, type Harness } from './harness.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** A stand-in WordPress with the REST API's real shapes: pages, X-WP-TotalPages, _embedded. */
async function fakeWordPress(
  restEnabled = true,
): Promise<{ server: FastifyInstance; url: string }> {
  const server = Fastify();
  const posts = Array.from({ length: 3 }, (_, index) => ({
    id: 70 + index,
    slug: `bai-viet-${index}`,
    date_gmt: `2026-11-2${index}T03:00:00`,
    modified_gmt: `2026-11-2${index}T04:00:00`,
    link: `https://wp.example/bai-viet-${index}/`,
    title: { rendered: `Bài viết số ${index} &#8211; WordPress` },
    excerpt: { rendered: `<p>Tóm tắt ${index}</p>` },
    content: {
      rendered: `<p>Nội dung ${index}</p><img src="x" onerror="alert(1)"><script>alert(2)</script>`,
    },
    _embedded: {
      author: [{ name: 'Biên tập viên' }],
      'wp:featuredmedia': [
        {
          source_url: `https://wp.example/anh-${index}.jpg`,
          alt_text: `Ảnh ${index}`,
          caption: { rendered: '<p>Chú thích</p>' },
        },
      ],
      'wp:term': [[{ taxonomy: 'category', slug: 'tin-dia-phuong', name: 'Tin địa phương' }], []],
    },
  }));
  server.get('/wp-json/wp/v2/posts', async (request, reply) => {
    if (!restEnabled) {
      return reply.code(401).send({
        code: 'rest_cannot_access',
        message: 'Chỉ người dùng đã đăng nhập mới truy cập được REST API.',
        data: { status: 401 },
      });
    }
    const { page, per_page: perPage } = request.query as { page: string; per_page: string };
    const size = Math.min(Number(perPage), 2);
    const slice = posts.slice((Number(page) - 1) * size, Number(page) * size);
    if (!slice.length) return reply.code(400).send({ code: 'rest_post_invalid_page_number' });
    reply
      .header('x-wp-total', String(posts.length))
      .header('x-wp-totalpages', String(Math.ceil(posts.length / size)));
    return slice;
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  return { server, url };
}

describe('import parsers', () => {
  it('reads NukeViet RSS: its ids, lead, first image, sanitised body', () => {
    const articles = parseRss(readFileSync(fixture('nukeviet-rss.xml'), 'utf8'));
    assert.equal(articles.length, 2);
    assert.deepEqual(
      articles.map(({ sourceId }) => sourceId),
      [412, 413],
    );
    const [first, second] = articles;
    assert.equal(first.title, 'Xã tổ chức ngày hội đọc sách cho thiếu nhi');
    assert.equal(first.lead, 'Hơn hai trăm em học sinh tham gia ngày hội đọc sách.');
    assert.deepEqual(first.image, {
      url: 'https://huyenmau.example.gov.vn/uploads/news/doc-sach.jpg',
      alt: 'Thiếu nhi đọc sách',
      caption: '',
    });
    assert.doesNotMatch(first.bodyHtml, /script|onerror/);
    assert.doesNotMatch(second.bodyHtml, /javascript:/);
    assert.match(second.bodyHtml, /Xem thêm/);
    assert.equal(first.publishedAt, '2026-11-26T01:30:00.000Z');
  });

  it('rejects what is not a feed or not our JSON, saying why', () => {
    assert.throws(() => parseRss('<html><body>404</body></html>'), /Not an RSS 2\.0 feed/);
    assert.throws(() => parseJson('{"posts": []}'), /needs \{ "articles"/);
    assert.throws(() => parseJson('{"articles": [{"title": "x"}]}'), /articles\[0\]\.bodyHtml/);
  });

  it('reads every page of a WordPress site, and says so when its REST API is off', async () => {
    const { server, url } = await fakeWordPress();
    try {
      const articles = await fetchWordPress(`${url}/wp-json`);
      assert.deepEqual(
        articles.map(({ sourceId }) => sourceId),
        [70, 71, 72],
      );
      assert.equal(articles[0].title, 'Bài viết số 0 – WordPress');
      assert.equal(articles[0].author, 'Biên tập viên');
      assert.deepEqual(articles[0].category, { id: 'tin-dia-phuong', name: 'Tin địa phương' });
      assert.deepEqual(articles[0].image, {
        url: 'https://wp.example/anh-0.jpg',
        alt: 'Ảnh 0',
        caption: 'Chú thích',
      });
      assert.doesNotMatch(articles[0].bodyHtml, /script|onerror/);
    } finally {
      await server.close();
    }
    const off = await fakeWordPress(false);
    try {
      await assert.rejects(
        fetchWordPress(off.url),
        /answered 401: the site's REST API is switched off/,
      );
    } finally {
      await off.server.close();
    }
  });
});

for (const database of DATABASES) {
  describe(`import into ${database.name}`, () => {
    let harness: Harness;
    before(async () => {
      harness = await createHarness(database.url);
    });
    after(() => harness.close());

    it('stores an RSS feed and a JSON file, keeps source ids, and changes nothing the second time', async () => {
      const rss = await readSource(fixture('nukeviet-rss.xml'));
      assert.deepEqual(await storeArticles(harness.connection.db, rss.origin, rss.articles), {
        inserted: 2,
        updated: 0,
        unchanged: 0,
        demoRemoved: SEED_ARTICLES.length,
      });
      const json = await readSource(fixture('articles.json'));
      assert.deepEqual(await storeArticles(harness.connection.db, json.origin, json.articles), {
        inserted: 1,
        updated: 0,
        unchanged: 0,
        demoRemoved: 0,
      });
      const snapshot = await harness.connection.db
        .selectFrom('articles')
        .selectAll()
        .orderBy('id')
        .execute();

      assert.deepEqual(await storeArticles(harness.connection.db, rss.origin, rss.articles), {
        inserted: 0,
        updated: 0,
        unchanged: 2,
        demoRemoved: 0,
      });
      assert.deepEqual(await storeArticles(harness.connection.db, json.origin, json.articles), {
        inserted: 0,
        updated: 0,
        unchanged: 1,
        demoRemoved: 0,
      });
      assert.deepEqual(
        await harness.connection.db.selectFrom('articles').selectAll().orderBy('id').execute(),
        snapshot,
      );

      const served = (await harness.app.inject({ url: '/api/v1/articles/412' })).json();
      assert.equal(served.title, 'Xã tổ chức ngày hội đọc sách cho thiếu nhi');
      assert.doesNotMatch(served.bodyHtml, /script|onerror/);
      const fromJson = (await harness.app.inject({ url: '/api/v1/articles/501' })).json();
      assert.equal(fromJson.topic.name, 'Tiếp công dân');
      assert.doesNotMatch(fromJson.bodyHtml, /iframe|srcdoc/);
    });

    it('updates an article whose source changed', async () => {
      const rss = await readSource(fixture('nukeviet-rss.xml'));
      const edited = rss.articles.map((article) => ({
        ...article,
        title: `${article.title} (cập nhật)`,
      }));
      assert.deepEqual(await storeArticles(harness.connection.db, rss.origin, edited), {
        inserted: 0,
        updated: 2,
        unchanged: 0,
        demoRemoved: 0,
      });
      const served = (await harness.app.inject({ url: '/api/v1/articles/413' })).json();
      assert.match(served.title, /\(cập nhật\)$/);
    });
  });
}
