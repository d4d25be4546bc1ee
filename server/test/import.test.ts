import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  fetchWordPress,
  parseJson,
  parseFeed,
  readSource,
  storeArticles,
} from '../import/import.js';
import { countWords } from '../../src/model/portal-model.js';
import { SEED_ARTICLES } from '../demo/seed-data.js';
import { ArticleRepository } from '../repository.js';
import { createHarness, DATABASES, type Harness } from './harness.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** A stand-in WordPress with the REST API's real shapes: pages, X-WP-TotalPages, _embedded. */
async function fakeWordPress(restEnabled = true): Promise<{
  server: FastifyInstance;
  url: string;
  posts: { title: { rendered: string }; modified_gmt: string }[];
}> {
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
  // As WordPress 6.1 answers `media?media_type=audio&parent=<ids>&_fields=id,title,source_url,post`.
  server.get('/wp-json/wp/v2/media', async (request) => {
    const { media_type: type, parent } = request.query as { media_type: string; parent: string };
    return type === 'audio' && parent.split(',').includes('71')
      ? [
          {
            id: 90,
            title: { rendered: 'Giọng nữ miền Bắc' },
            source_url: 'https://wp.example/wp-content/uploads/2026/12/bai-viet-1.mp3',
            post: 71,
          },
        ]
      : [];
  });
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
  return { server, url, posts };
}

describe('import parsers', () => {
  it('reads NukeViet RSS: its ids, lead, first image, sanitised body', () => {
    const articles = parseFeed(readFileSync(fixture('nukeviet-rss.xml'), 'utf8'));
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
    assert.throws(() => parseFeed('<html><body>404</body></html>'), /Not an RSS 2\.0 or Atom feed/);
    assert.throws(() => parseJson('{"posts": []}'), /needs \{ "articles"/);
    assert.throws(() => parseJson('{"articles": [{"title": "x"}]}'), /articles\[0\]\.bodyHtml/);
  });

  it('refuses a voice it could not play safely, naming it', () => {
    const withVoices = (voices: unknown) =>
      JSON.stringify({
        articles: [
          {
            title: 'Lịch tiếp công dân',
            bodyHtml: '<p>x</p>',
            publishedAt: '2026-12-01T01:00:00Z',
            category: { id: 'thong-bao', name: 'Thông báo' },
            voices,
          },
        ],
      });
    const good = { id: 1, title: 'Giọng nữ miền Bắc', url: 'https://xa.example.gov.vn/a.mp3' };
    assert.deepEqual(parseJson(withVoices([good]))[0].voices, [{ ...good, id: '1' }]);
    assert.equal(parseJson(withVoices(undefined))[0].voices, undefined);
    assert.throws(
      () => parseJson(withVoices([good, { ...good, id: 2, url: 'javascript:alert(1)' }])),
      /articles\[0\]\.voices\[1\]\.url must be an absolute http\(s\) address, not "javascript:alert\(1\)"/,
    );
    assert.throws(
      () => parseJson(withVoices([{ ...good, url: '/uploads/a.mp3' }])),
      /voices\[0\]\.url must be an absolute http\(s\) address/,
    );
    assert.throws(() => parseJson(withVoices([good, good])), /voices\[1\]\.id "1" is given twice/);
    assert.throws(() => parseJson(withVoices('a.mp3')), /articles\[0\]\.voices must be a list/);
    assert.throws(() => parseJson(withVoices([{ url: good.url }])), /voices\[0\]\.id/);
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
      assert.deepEqual(articles[0].voices, []);
      assert.deepEqual(articles[1].voices, [
        {
          id: '90',
          title: 'Giọng nữ miền Bắc',
          url: 'https://wp.example/wp-content/uploads/2026/12/bai-viet-1.mp3',
        },
      ]);
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
      await new ArticleRepository(harness.connection.db).setVoices(1, [
        { id: '1', title: 'Giọng đọc mẫu', url: 'https://xa.example.gov.vn/mau.mp3' },
      ]);
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
      assert.deepEqual(
        await harness.connection.db.selectFrom('article_voices').select('article_id').execute(),
        [{ article_id: 501 }, { article_id: 501 }],
        'the demo articles went with their voices',
      );
      const snapshot = await harness.connection.db
        .selectFrom('articles')
        .selectAll()
        .orderBy('id')
        .execute();
      for (const row of snapshot) {
        assert.equal(row.word_count, countWords(row.body_html), `article ${row.id}'s words`);
      }

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
      assert.deepEqual(fromJson.voices, [
        {
          id: '2',
          title: 'Giọng nam miền Nam',
          url: 'https://xatanphu.example.gov.vn/uploads/news/lich-tiep-cong-dan-giong-nam.mp3',
        },
        {
          id: '1',
          title: 'Giọng nữ miền Bắc',
          url: 'https://xatanphu.example.gov.vn/uploads/news/lich-tiep-cong-dan-giong-nu.mp3',
        },
      ]);
      assert.deepEqual(served.voices, [], 'a feed without recordings gives none');
      assert.doesNotMatch(fromJson.bodyHtml, /iframe|srcdoc/);
    });

    it('imports every page of a WordPress site again: ids kept, a changed post updated', async () => {
      const wordpress = await fakeWordPress();
      try {
        const first = await readSource(`${wordpress.url}/wp-json`);
        assert.deepEqual(await storeArticles(harness.connection.db, first.origin, first.articles), {
          inserted: 3,
          updated: 0,
          unchanged: 0,
          demoRemoved: 0,
        });
        wordpress.posts[1].title.rendered = 'Bài viết số 1 (đã sửa)';
        wordpress.posts[1].modified_gmt = '2026-11-28T09:00:00';
        const again = await readSource(`${wordpress.url}/wp-json`);
        assert.deepEqual(await storeArticles(harness.connection.db, again.origin, again.articles), {
          inserted: 0,
          updated: 1,
          unchanged: 2,
          demoRemoved: 0,
        });
        const served = (await harness.app.inject({ url: '/api/v1/articles/71' })).json();
        assert.equal(served.title, 'Bài viết số 1 (đã sửa)');
        assert.equal(served.updatedAt, '2026-11-28T09:00:00.000Z');
      } finally {
        await wordpress.server.close();
      }
    });

    it('replaces the voices a source changed, and keeps them when it no longer says', async () => {
      const json = await readSource(fixture('articles.json'));
      const [article] = json.articles;
      const voicesOf501 = async () =>
        (await harness.app.inject({ url: '/api/v1/articles/501' }))
          .json()
          .voices.map(({ id }: { id: string }) => id);
      await storeArticles(harness.connection.db, json.origin, json.articles);
      const reordered = { ...article, voices: [...(article.voices ?? [])].reverse() };
      assert.deepEqual(await storeArticles(harness.connection.db, json.origin, [reordered]), {
        inserted: 0,
        updated: 1,
        unchanged: 0,
        demoRemoved: 0,
      });
      assert.deepEqual(await voicesOf501(), ['1', '2']);
      const silent = { ...article, voices: undefined };
      assert.equal(
        (await storeArticles(harness.connection.db, json.origin, [silent])).unchanged,
        1,
      );
      assert.deepEqual(await voicesOf501(), ['1', '2']);
      const bad = JSON.stringify({
        articles: [{ ...article, voices: [{ id: 1, title: 'x', url: 'ftp://x/a.mp3' }] }],
      });
      assert.throws(() => parseJson(bad), /voices\[0\]\.url/);
      assert.deepEqual(await voicesOf501(), ['1', '2'], 'a refused file changes nothing');
      await storeArticles(harness.connection.db, json.origin, [{ ...article, voices: [] }]);
      assert.deepEqual(await voicesOf501(), []);
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

describe('full articles and their addresses', () => {
  it('takes the body from content:encoded, the lead from the description, and makes addresses absolute', () => {
    const [article] = parseFeed(`<?xml version="1.0"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Xã Mẫu</title><link>https://xamau.example.gov.vn/</link>
          <item>
            <title>Lịch tiếp công dân tháng Mười hai</title>
            <link>https://xamau.example.gov.vn/tin-tuc/lich-tiep-cong-dan/</link>
            <guid>https://xamau.example.gov.vn/?p=88</guid>
            <description><![CDATA[Chủ tịch UBND xã tiếp công dân vào thứ Năm.]]></description>
            <content:encoded><![CDATA[<p>Chủ tịch UBND xã tiếp công dân vào thứ Năm.</p><p><img src="/wp-content/uploads/tiep-dan.jpg" alt="Phòng tiếp dân"></p><p><a href="../van-ban/lich.pdf">Lịch</a><a href="#muc-2">Mục 2</a></p>]]></content:encoded>
          </item>
        </channel>
      </rss>`);
    assert.equal(article.lead, 'Chủ tịch UBND xã tiếp công dân vào thứ Năm.');
    assert.match(
      article.bodyHtml,
      /src="https:\/\/xamau\.example\.gov\.vn\/wp-content\/uploads\/tiep-dan\.jpg"/,
    );
    assert.match(
      article.bodyHtml,
      /href="https:\/\/xamau\.example\.gov\.vn\/tin-tuc\/van-ban\/lich\.pdf"/,
    );
    assert.match(article.bodyHtml, /href="#muc-2"/);
    assert.equal(
      article.image?.url,
      'https://xamau.example.gov.vn/wp-content/uploads/tiep-dan.jpg',
    );
  });

  it('keeps a feed item’s audio enclosure as its voice, an image enclosure as its picture', () => {
    const [item] = parseFeed(`<?xml version="1.0"?><rss version="2.0"><channel><title>Xã</title>
      <item><title>Xã ra quân làm đường liên thôn</title>
        <link>https://xa.example.gov.vn/xa-ra-quan-lam-duong/</link>
        <description>Người dân góp công làm đường.</description>
        <enclosure url="https://xa.example.gov.vn/am-thanh/lam-duong.mp3" length="7200" type="audio/mpeg" />
        <enclosure url="javascript:alert(1)" length="1" type="audio/mpeg" />
        <enclosure url="https://xa.example.gov.vn/anh/lam-duong.jpg" length="900" type="image/jpeg" />
      </item></channel></rss>`);
    const file = 'https://xa.example.gov.vn/am-thanh/lam-duong.mp3';
    assert.deepEqual(item.voices, [{ id: file, title: 'lam-duong.mp3', url: file }]);
    assert.equal(item.image?.url, 'https://xa.example.gov.vn/anh/lam-duong.jpg');
  });

  it('reads an Atom feed', () => {
    const [article] = parseFeed(`<?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <title>Tỉnh Mẫu</title>
        <entry>
          <title>Tỉnh khởi công cầu qua sông</title>
          <link rel="alternate" href="https://tinhmau.example.gov.vn/tin/khoi-cong-cau.html"/>
          <id>tag:tinhmau.example.gov.vn,2026:tin-77</id>
          <published>2026-11-25T02:00:00Z</published>
          <updated>2026-11-25T05:00:00Z</updated>
          <author><name>Ban biên tập</name></author>
          <category term="giao-thong" label="Giao thông"/>
          <summary>Cây cầu nối hai xã ven sông.</summary>
          <content type="html">&lt;p&gt;Cây cầu dài 300 m.&lt;/p&gt;&lt;img src="anh/cau.jpg" alt="Phối cảnh cầu"&gt;</content>
        </entry>
      </feed>`);
    assert.equal(article.title, 'Tỉnh khởi công cầu qua sông');
    assert.equal(article.originId, 'tag:tinhmau.example.gov.vn,2026:tin-77');
    assert.equal(article.lead, 'Cây cầu nối hai xã ven sông.');
    assert.match(article.bodyHtml, /Cây cầu dài 300 m/);
    assert.match(article.bodyHtml, /src="https:\/\/tinhmau\.example\.gov\.vn\/tin\/anh\/cau\.jpg"/);
    assert.equal(article.author, 'Ban biên tập');
    assert.deepEqual(article.category, { id: 'giao-thong', name: 'Giao thông' });
    assert.equal(article.publishedAt, '2026-11-25T02:00:00.000Z');
    assert.equal(article.updatedAt, '2026-11-25T05:00:00.000Z');
  });

  it('keeps the recorded voices a real NukeViet 4.5.05 page shows, the player’s voice first', async () => {
    const captured = (name: string) =>
      readFileSync(
        new URL(`../../test/fixtures/nukeviet/4.5.05/${name}.html`, import.meta.url),
        'utf8',
      );
    const pages: Record<string, string> = {
      'lich-tiep-cong-dan-16.html': captured('default-voice-chosen'),
      'nop-ho-so-truc-tuyen-18.html': captured('default-no-voices'),
    };
    const server = Fastify();
    let base = '';
    server.get('/index.php', async (_request, reply) => {
      reply.type('application/rss+xml');
      return `<?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Tin Tức</title><link>${base}/index.php/</link>
          <generator><![CDATA[NukeViet v4.0]]></generator>
          ${Object.keys(pages)
            .map(
              (name) => `<item><title>${name}</title>
                <link>${base}/index.php/tin-tuc-dia-phuong/${name}</link>
                <guid isPermaLink="false"><![CDATA[news_${name}]]></guid>
                <description><![CDATA[Tóm tắt.]]></description></item>`,
            )
            .join('')}
        </channel></rss>`;
    });
    server.get('/index.php/tin-tuc-dia-phuong/:page', async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(pages[(request.params as { page: string }).page]),
    );
    base = await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { articles, problems } = await readSource(`${base}/index.php?nv=news&op=rss`);
      assert.deepEqual(problems, []);
      assert.deepEqual(articles[0].voices, [
        {
          id: '2',
          title: 'Giọng nam miền Nam',
          url: `${base}/uploads/news/ubnd-xa-tan-phu-giong-nam.mp3`,
        },
        {
          id: '1',
          title: 'Giọng nữ miền Bắc',
          url: `${base}/uploads/news/ubnd-xa-tan-phu-giong-nu.mp3`,
        },
      ]);
      assert.deepEqual(articles[1].voices, [], 'a page without the player has no voices');
      // Published at 08:00 and 08:10 (+07:00), both last edited at 15:27:51, which is what the
      // page's datePublished says: the article:* meta tags are read, their format mended.
      assert.deepEqual(
        articles.map(({ publishedAt, updatedAt }) => [publishedAt, updatedAt]),
        [
          ['2026-12-06T01:00:00.000Z', '2026-12-06T08:27:51.000Z'],
          ['2026-12-06T01:10:00.000Z', '2026-12-06T08:27:51.000Z'],
        ],
      );
    } finally {
      await server.close();
    }
  });

  it('reads NukeViet articles in full from the pages its feed links to', async () => {
    const server = Fastify();
    const page = readFileSync(fixture('nukeviet-4.5-article.html'), 'utf8');
    let base = '';
    server.get('/index.php', async (_request, reply) => {
      reply.type('application/rss+xml');
      return `<?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Tin Tức</title><link>${base}/index.php/tin-tuc/</link>
          <generator><![CDATA[NukeViet v4.0]]></generator>
          <item><title>Xã tổ chức ngày hội đọc sách cho thiếu nhi</title>
            <link>${base}/index.php/tin-tuc/Giao-duc/xa-to-chuc-ngay-hoi-doc-sach-cho-thieu-nhi-412.html</link>
            <guid isPermaLink="false"><![CDATA[tin-tuc_412]]></guid>
            <pubDate>Thu, 26 Nov 2026 01:30:00 GMT</pubDate>
            <description><![CDATA[Hơn hai trăm em học sinh tham gia ngày hội đọc sách.]]></description></item>
          <item><title>Ảnh chỉ có trong tin</title>
            <link>${base}/index.php/tin-tuc/Giao-duc/anh-chi-co-trong-tin-414.html</link>
            <guid isPermaLink="false"><![CDATA[tin-tuc_414]]></guid>
            <description><![CDATA[<img src="${base}/uploads/news/tin-414.jpg" alt="Ảnh tin"> Tóm tắt.]]></description></item>
          <item><title>Bài đã gỡ</title>
            <link>${base}/index.php/tin-tuc/Giao-duc/bai-da-go-413.html</link>
            <guid isPermaLink="false"><![CDATA[tin-tuc_413]]></guid>
            <description><![CDATA[Tóm tắt bài đã gỡ.]]></description></item>
        </channel></rss>`;
    });
    server.get('/index.php/tin-tuc/Giao-duc/:page', async (request, reply) => {
      const { page: name } = request.params as { page: string };
      // 414: a page with no picture of its own (no figure, no og:image).
      const shown = name.endsWith('-414.html')
        ? page
            .replace(/<figure class="article[^]*?<\/figure>/, '')
            .replace(/<meta property="og:image"[^>]*>/, '')
        : page;
      if (!/-41[24]\.html$/.test(name)) return reply.code(404).type('text/html').send('404');
      return reply.type('text/html; charset=utf-8').send(shown);
    });
    base = await server.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { articles, problems } = await readSource(`${base}/index.php?nv=tin-tuc&op=rss`);
      const [full, pictureInFeed, missing] = articles;
      assert.deepEqual(
        pictureInFeed.image,
        { url: `${base}/uploads/news/tin-414.jpg`, alt: 'Ảnh tin', caption: '' },
        "a page without a picture keeps the feed's",
      );
      assert.equal(full.sourceId, 412);
      assert.equal(
        full.lead,
        'Hơn hai trăm em học sinh tham gia ngày hội đọc sách tại nhà văn hóa xã.',
      );
      const body = full.bodyHtml.replace(/\s+/g, ' ');
      assert.match(body, /^ ?<p> ?Sáng 26\/11, Ủy ban nhân dân xã/);
      assert.match(body, /Thư viện xã mở cửa cả thứ Bảy/);
      assert.doesNotMatch(full.bodyHtml, /script|onclick/);
      assert.match(full.bodyHtml, new RegExp(`src="${base}/uploads/news/2026_11/gian-sach\\.jpg"`));
      assert.match(
        full.bodyHtml,
        new RegExp(`href="${base}/index.php/van-ban/danh-sach-sach-tang\\.html"`),
      );
      assert.deepEqual(full.image, {
        url: `${base}/uploads/news/2026_11/ngay-hoi-doc-sach.jpg`,
        alt: 'Thiếu nhi đọc sách tại nhà văn hóa xã',
        caption: 'Các em đọc sách tại nhà văn hóa xã sáng 26/11.',
      });
      assert.equal(full.author, 'Nguyễn Thu Hà');
      assert.deepEqual(full.category, { id: 'giao-duc', name: 'Giáo dục' });
      assert.deepEqual(full.topic, { id: 'van-hoa-doc', name: 'Văn hóa đọc' });
      assert.equal(full.publishedAt, '2026-11-26T01:30:00.000Z');
      assert.equal(full.updatedAt, '2026-11-26T03:05:00.000Z');
      assert.equal(
        missing.bodyHtml,
        'Tóm tắt bài đã gỡ.',
        'a page that cannot be read keeps the summary',
      );
      assert.match(problems.join('\n'), /Bài đã gỡ: .*answered 404; kept the feed's summary/);
    } finally {
      await server.close();
    }
  });
});
