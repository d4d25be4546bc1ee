import { expect, fixture, html } from '@open-wc/testing';
import {
  BackendClient,
  BackendConfigError,
  BackendError,
  clientFor,
  Http,
  registerBackend,
  restBackend,
  staticBackend,
  wordpressBackend,
  type Backend,
  type RelatedStrategy,
} from '../src/backend/index.js';
import { configure, configureFromScript } from '../src/core/config.js';
import { openPage, rejection, until, referenceServer } from './helpers.js';

const server = referenceServer;

const http = (overrides: Partial<ConstructorParameters<typeof Http>[0]> = {}) =>
  new Http({
    timeout: 2000,
    retries: 2,
    backoff: 20,
    fetch: (input, init) => fetch(input, init),
    ...overrides,
  });

function captureErrors() {
  const messages: string[] = [];
  const original = console.error;
  console.error = (message: string) => messages.push(message);
  return { messages, restore: () => (console.error = original) };
}

describe('backend client on the reference server', () => {
  let api: string;
  const countOf = (requests: string[], path: string) =>
    requests.filter((line) => line.startsWith(`GET ${new URL(api).pathname}${path}`)).length;

  beforeEach(async () => {
    ({ url: api } = await server({ reset: true, delayMs: 0, failNext: 0 }));
    localStorage.clear();
  });

  it('fetches a typed article with its rating summary', async () => {
    const client = new BackendClient(restBackend({ api, http: http() }));
    const article = await client.getArticle('1');
    expect(article.title).to.equal(
      'Nông dân xã Hòa Bình ghi nhật ký sản xuất cà phê trên điện thoại',
    );
    expect(article.category).to.deep.equal({ id: 'kinh-te', name: 'Kinh tế' });
    expect(article.rating).to.deep.equal({ total: 0, count: 0, average: 0, open: true });
    expect(article.image?.url).to.match(/\/media\/seed\/.+\.svg$/);
  });

  it('asks the server once for the same article, however many elements want it', async () => {
    const client = new BackendClient(restBackend({ api, http: http() }));
    const [a, b] = await Promise.all([client.getArticle('2'), client.getArticle('2')]);
    expect(a).to.equal(b);
    await client.getArticle('2');
    await client.getRating('2');
    const related = await Promise.all([
      client.getRelated('2', { strategies: ['topic'], limit: 5 }),
      client.getRelated('2', { strategies: ['topic'], limit: 5 }),
    ]);
    expect(related[0].length).to.be.greaterThan(0);
    const { requests } = await server();
    expect(countOf(requests, '/articles/2')).to.equal(3, requests.join('\n'));
    expect(countOf(requests, '/articles/2/related')).to.equal(1);
    expect(countOf(requests, '/articles/2/rating')).to.equal(1);
  });

  it('cancels a request only when every element waiting for it has gone', async () => {
    await server({ delayMs: 300 });
    const client = new BackendClient(restBackend({ api, http: http() }));
    const leaving = new AbortController();
    const staying = client.getArticle('3');
    const gone = client.getArticle('3', { signal: leaving.signal });
    leaving.abort(new DOMException('removed', 'AbortError'));
    expect((await rejection(gone)).name).to.equal('AbortError');
    expect((await staying).id).to.equal('3');

    const alone = new AbortController();
    const started = performance.now();
    const lonely = client.getArticle('4', { signal: alone.signal });
    setTimeout(() => alone.abort(new DOMException('removed', 'AbortError')), 20);
    expect((await rejection(lonely)).name).to.equal('AbortError');
    expect(performance.now() - started).to.be.below(250);
    await server({ delayMs: 0 });
    expect((await client.getArticle('4')).id, 'a cancelled answer is not cached').to.equal('4');
  });

  it('times out a backend that does not answer', async () => {
    await server({ delayMs: 600 });
    const client = new BackendClient(
      restBackend({ api, http: http({ timeout: 150, retries: 1 }) }),
    );
    const error = await rejection(client.getArticle('5'));
    expect(error).to.be.instanceOf(BackendError);
    expect(error.code).to.equal('timeout');
    expect(error.message).to.include('150 ms');
  });

  it('retries reads after 5xx, but never sends a vote twice', async () => {
    await server({ failNext: 2, failOnly: '/articles/6' });
    const client = new BackendClient(restBackend({ api, http: http() }));
    expect((await client.getArticle('6')).id).to.equal('6');
    expect(countOf((await server()).requests, '/articles/6')).to.equal(3);

    await client.rate('6', 3).catch(() => undefined); // obtains a voter token first
    await server({ failNext: 1, failOnly: '/articles/7/votes' });
    const error = await rejection(client.rate('7', 4));
    expect(error.code).to.equal('network');
    expect(error.status, 'the answer is kept apart from no answer at all').to.equal(503);
    const posts = (await server()).requests.filter(
      (line) => line.startsWith('POST') && line.includes('/articles/7/votes'),
    );
    expect(posts).to.have.length(1);
  });

  it('votes once per visitor and explains a repeat with the current summary', async () => {
    const client = new BackendClient(restBackend({ api, http: http() }));
    await client.getArticle('8');
    const summary = await client.rate('8', 5);
    expect(summary).to.deep.equal({ total: 5, count: 1, average: 5, open: true, yourScore: 5 });
    expect(
      (await client.getArticle('8')).rating,
      'the cached article shows the confirmed summary',
    ).to.deep.equal(summary);
    const repeat = await rejection(client.rate('8', 2));
    expect(repeat.code).to.equal('already-voted');
    expect(repeat.summary).to.deep.equal(summary);
    const fresh = await client.getRating('8');
    expect(fresh.yourScore, 'the kept voter token identifies this visitor').to.equal(5);
  });

  it('reads the article as this voter after a reload, and anonymously before any vote', async () => {
    const sent: { token: string | null; cache?: RequestCache }[] = [];
    const watching = () =>
      http({
        fetch: (input, init) => {
          sent.push({ token: new Headers(init?.headers).get('x-voter-token'), cache: init?.cache });
          return fetch(input, init);
        },
      });
    const before = new BackendClient(restBackend({ api, http: watching() }));
    expect((await before.getArticle('11')).rating?.count).to.equal(0);
    expect(sent, 'no token before a vote: a publicly cacheable read').to.deep.equal([
      { token: null, cache: undefined },
    ]);
    await before.rate('11', 3);

    // A reload: a new client, the same localStorage and the same browser cache.
    const reloaded = new BackendClient(restBackend({ api, http: watching() }));
    const article = await reloaded.getArticle('11');
    expect(article.rating).to.deep.equal({
      total: 3,
      count: 1,
      average: 3,
      open: true,
      yourScore: 3,
    });
    expect(sent.at(-1)?.token).to.be.a('string').and.not.be.empty;
    expect(sent.at(-1)?.cache).to.equal('no-store');
  });

  it('turns a response of the wrong shape into bad-response naming the field', async () => {
    const lying = (async () =>
      new Response(JSON.stringify({ id: 1, title: 42 }), {
        headers: { 'content-type': 'application/json' },
      })) as typeof fetch;
    const client = new BackendClient(restBackend({ api, http: http({ fetch: lying }) }));
    const error = await rejection(client.getArticle('1'));
    expect(error.code).to.equal('bad-response');
    expect(error.message).to.include('"title"');
    const garbage = (async () => new Response('<html>oops</html>')) as typeof fetch;
    const broken = new BackendClient(restBackend({ api, http: http({ fetch: garbage }) }));
    expect((await rejection(broken.getArticle('1'))).code).to.equal('bad-response');
  });

  it('reports an unreachable backend as a network error', async () => {
    const client = new BackendClient(
      restBackend({ api: 'http://127.0.0.1:9/api/v1', http: http({ retries: 0 }) }),
    );
    const error = await rejection(client.getArticle('1'));
    expect(error.code).to.equal('network');
    expect(error.status).to.equal(undefined);
  });

  it('says not-found for an article the server does not have', async () => {
    const client = new BackendClient(restBackend({ api, http: http() }));
    expect((await rejection(client.getArticle('9999'))).code).to.equal('not-found');
    expect((await rejection(client.getRating('9999'))).code).to.equal('not-found');
  });

  it('tells a wrong API address apart from a missing article', async () => {
    // The server without /v1, and a page that is not an API at all: both answer 404.
    for (const wrong of [api.replace(/\/v1$/, ''), new URL('/no-api-here', location.href).href]) {
      const client = new BackendClient(restBackend({ api: wrong, http: http() }));
      const error = await rejection(client.getArticle('1'));
      expect(error.code, wrong).to.equal('bad-response');
      expect(error.status).to.equal(404);
      expect(error.message).to.include('Check data-api').and.include('/api/v1');
    }
  });
});

describe('sites on one reference server', () => {
  let api: string;
  const warnings: string[] = [];
  const originalWarn = console.warn;

  beforeEach(async () => {
    ({ url: api } = await server({ reset: true, sites: true, delayMs: 0, failNext: 0 }));
    localStorage.clear();
    warnings.length = 0;
    console.warn = (message: string) => warnings.push(message);
  });
  afterEach(() => {
    console.warn = originalWarn;
    configure({ api: undefined, site: undefined });
  });

  it('reads and votes on the site the element names, never the default site', async () => {
    const element = await fixture(html`<div api=${api} site="xa-an-phu"></div>`);
    const client = clientFor(element);
    expect((await client.getArticle('1')).title).to.equal('Xã An Phú: tin số 1');
    expect((await client.rate('1', 4)).count).to.equal(1);
    const plain = clientFor(await fixture(html`<div api=${api}></div>`));
    const defaultSite = await plain.getArticle('1');
    expect(defaultSite.title).to.not.include('An Phú');
    expect(defaultSite.rating).to.deep.include({ count: 0 });
  });

  it('takes the site from the script tag, and the element’s own attribute first', async () => {
    const script = document.createElement('script');
    script.dataset.api = api;
    script.dataset.site = 'xa-an-phu';
    configureFromScript(script);
    const paged = clientFor(await fixture(html`<div></div>`));
    expect((await paged.getArticle('2')).title).to.equal('Xã An Phú: tin số 2');
    const own = clientFor(await fixture(html`<div site="default"></div>`));
    expect((await own.getArticle('2')).title).to.not.include('An Phú');
  });

  it('names data-site when a page names no site on a server of several', async () => {
    const client = clientFor(await fixture(html`<div api=${api}></div>`));
    await client.getArticle('1');
    await until(() => warnings.length > 0, 'the missing site said in the console');
    expect(warnings[0]).to.include('data-site').and.include('2 sites');
    expect(warnings).to.have.length(1, 'said once');
    await client.getArticle('2');
    expect(warnings).to.have.length(1, 'said once');
  });

  it('says which site the server lacks, and refuses a malformed one before asking', async () => {
    const errors = captureErrors();
    try {
      const missing = clientFor(await fixture(html`<div api=${api} site="xa-khong-co"></div>`));
      const error = await rejection(missing.getArticle('1'));
      expect(error).to.be.instanceOf(BackendError);
      expect((error as BackendError).message)
        .to.include('xa-khong-co')
        .and.include('data-site');
      const malformed = await fixture(html`<div api=${api} site="Xã An Phú"></div>`);
      expect(() => clientFor(malformed)).to.throw(BackendConfigError);
      expect(errors.messages[0]).to.include('site="Xã An Phú"');
    } finally {
      errors.restore();
    }
  });
});

describe('backend configuration', () => {
  afterEach(() => configure({ api: undefined, backend: undefined }));

  it('takes the element’s attributes first, then configure(), and shares one client', async () => {
    const { url } = await server();
    configure({ api: 'http://127.0.0.1:9/unused' });
    const element = await fixture(html`<div api=${url}></div>`);
    const other = await fixture(html`<div api=${url}></div>`);
    const client = clientFor(element);
    expect(client).to.equal(clientFor(other));
    expect((await client.getArticle('1')).id).to.equal('1');
    const plain = await fixture(html`<div></div>`);
    expect(clientFor(plain)).to.not.equal(client);
  });

  it('says a wrong time-out once and keeps working with the default', async () => {
    const { url } = await server();
    const errors = captureErrors();
    configure({ timeout: Number('8s') });
    try {
      const element = await fixture(html`<div api=${url}></div>`);
      const client = clientFor(element);
      expect((await client.getArticle('1')).id).to.equal('1');
      expect(errors.messages).to.have.length(1);
      expect(errors.messages[0]).to.include('data-timeout').and.include('8000');
    } finally {
      configure({ timeout: undefined });
      errors.restore();
    }
  });

  it('names the attribute, the value and the fix for a bad setting', async () => {
    const errors = captureErrors();
    try {
      const unknown = await fixture(html`<div backend="soap" api="https://x.example"></div>`);
      expect(() => clientFor(unknown)).to.throw(BackendConfigError);
      // Reported once the page has loaded, in case a later script registers "soap".
      await until(() => errors.messages.length > 0, 'the unknown adapter reported');
      expect(errors.messages[0])
        .to.include('backend="soap"')
        .and.include('rest, wordpress, nukeviet, static');
      const ftp = await fixture(html`<div api="ftp://files.example/api"></div>`);
      expect(() => clientFor(ftp)).to.throw(BackendConfigError);
      expect(errors.messages[1]).to.include('api="ftp://files.example/api"').and.include('http(s)');
      const nothing = await fixture(html`<div></div>`);
      expect(() => clientFor(nothing)).to.throw(BackendConfigError);
      expect(errors.messages[2]).to.include('data-api');
    } finally {
      errors.restore();
    }
  });

  it('accepts an agency’s own adapter', async () => {
    const calls: string[] = [];
    const own: Backend = {
      capabilities: { rating: 'none', related: [] },
      async getArticle(id) {
        calls.push(id);
        return {
          id,
          title: 'Bài từ API riêng',
          lead: '',
          image: null,
          publishedAt: '2026-11-27T00:00:00Z',
          category: null,
          bodyHtml: '<p>…</p>',
          author: '',
          source: '',
          topic: null,
          updatedAt: '2026-11-27T00:00:00Z',
          lang: 'vi',
          readingMinutes: 1,
          rating: null,
        };
      },
      getRelated: async () => [],
      getRating: async () => Promise.reject(new BackendError('unsupported', 'none')),
      rate: async () => Promise.reject(new BackendError('unsupported', 'none')),
    };
    registerBackend('agency-api', ({ api }) => {
      expect(api).to.equal('https://agency.example/v2');
      return own;
    });
    const element = await fixture(
      html`<div backend="agency-api" api="https://agency.example/v2"></div>`,
    );
    expect((await clientFor(element).getArticle('x1')).title).to.equal('Bài từ API riêng');
    expect(calls).to.deep.equal(['x1']);
    expect(() => registerBackend('Bad Name', () => own)).to.throw(/lowercase/);
  });
});

describe('WordPress adapter', () => {
  const wordpress = (site = '/wp-site') =>
    new BackendClient(
      wordpressBackend({ api: new URL(site, location.href).href, http: http({ retries: 0 }) }),
    );

  it('reads the audio uploaded to a post as its recorded voice, by id or slug', async () => {
    const voice = {
      id: '905',
      title: 'Giọng nữ miền Bắc',
      url: 'http://wp.example/wp-content/uploads/2026/12/duong-moi-ve-thon.mp3',
    };
    expect((await wordpress().getArticle('102')).voices).to.deep.equal([voice]);
    expect((await wordpress().getArticle('duong-moi-ve-thon')).voices).to.deep.equal([voice]);
    expect((await wordpress().getArticle('101')).voices).to.deep.equal([]);
  });

  it('reads a post by id or slug with its author, image and terms', async () => {
    const client = wordpress();
    const byId = await client.getArticle('101');
    expect(byId.title).to.equal('Lễ hội mùa xuân – chuẩn bị');
    expect(byId.lead).to.equal('Tóm tắt bài 101…');
    expect(byId.author).to.equal('Ban biên tập');
    expect(byId.category).to.deep.equal({ id: '7', name: 'Tin địa phương' });
    expect(byId.topic).to.deep.equal({ id: '31', name: 'Nông thôn mới' });
    expect(byId.image).to.deep.equal({
      url: 'http://wp.example/wp-content/uploads/le-hoi-mua-xuan.jpg',
      alt: 'Ảnh 101',
      caption: 'Chú thích ảnh',
    });
    expect(byId.url).to.equal('http://wp.example/le-hoi-mua-xuan/');
    expect((await client.getArticle('duong-moi-ve-thon')).id).to.equal('102');
  });

  it('finds related posts by category, tag and date, never the post itself', async () => {
    const client = wordpress();
    const ids = async (strategy: 'category' | 'topic' | 'newer' | 'older') =>
      (await client.getRelated('102', { strategies: [strategy], limit: 5 })).map(({ id }) => id);
    expect(await ids('category')).to.have.members(['101', '103']);
    expect(await ids('newer')).to.deep.equal(['103']);
    expect(await ids('older')).to.deep.equal(['101']);
    expect(await ids('topic')).to.have.members(['101', '104']);
  });

  it('reads ratings from WP-PostRatings where installed, and cannot vote', async () => {
    const client = wordpress();
    expect(await client.getRating('101')).to.deep.equal({
      total: 17,
      count: 4,
      average: 4.3,
      open: false,
    });
    expect(client.capabilities.rating).to.equal('read');
    expect((await rejection(client.rate('101', 5))).code).to.equal('unsupported');
    // The rating route missing (404 rest_no_route): no ratings on this site from now on.
    expect((await rejection(client.getRating('102'))).code).to.equal('unsupported');
    expect(client.capabilities.rating).to.equal('none');
  });

  it('says clearly when the REST API is switched off, missing, or the post is not there', async () => {
    const locked = await rejection(wordpress('/wp-locked').getArticle('101'));
    expect(locked.code).to.equal('unavailable');
    expect(locked.message).to.include('REST API is switched off');
    const nowhere = await rejection(wordpress('/no-wordpress-here').getArticle('101'));
    expect(nowhere.code).to.equal('unavailable');
    expect(nowhere.message).to.include('No WordPress REST API');
    expect((await rejection(wordpress().getArticle('999'))).code).to.equal('not-found');
  });
});

describe('NukeViet 4.4 and 4.5 adapter, on the portal’s own page', () => {
  type PageWindow = Window & { createNukeViet(api: string, portal?: typeof fetch): Backend };

  /** A page of the given theme's shape, with the adapter (from src/) created in that page. */
  async function nukevietPage(theme: string, portal?: typeof fetch) {
    await fetch('/nukeviet/reset');
    const page = await openPage(`/test/fixtures/nukeviet/${theme}.html`);
    const script = page.document.createElement('script');
    script.type = 'module';
    script.textContent = `import { nukevietBackend, Http } from '/src/backend/index.ts';
      window.createNukeViet = (api, portal) => nukevietBackend({ api, http: new Http({
        timeout: 2000, retries: 0, backoff: 10, fetch: portal ?? ((input, init) => fetch(input, init)) }) });`;
    page.document.head.append(script);
    await until(() => 'createNukeViet' in page.window, 'adapter loaded in the page');
    // data-api as the guide leaves it: the portal's origin; the page says where rating lives.
    const backend = (page.window as unknown as PageWindow).createNukeViet('/', portal);
    return { page, backend };
  }

  for (const theme of ['default', 'egov', 'mobile']) {
    describe(`${theme} theme`, () => {
      it('reads the article, its lead, date and exact rating figures from the page', async () => {
        const { page, backend } = await nukevietPage(theme);
        const article = await backend.getArticle('412');
        expect(article.title).to.equal('Xã tổ chức ngày hội đọc sách cho thiếu nhi');
        expect(article.lead).to.equal('Hơn hai trăm em học sinh tham gia ngày hội đọc sách.');
        expect(article.image?.alt).to.equal('Thiếu nhi đọc sách');
        expect(article.image?.caption).to.equal(
          theme === 'egov' ? '' : 'Các em đọc sách tại thư viện xã',
        );
        expect(article.publishedAt).to.equal('2026-11-26T08:30:00+07:00');
        expect(article.bodyHtml).to.include('thi kể chuyện');
        expect(article.rating).to.deep.equal({ total: 1230, count: 299, average: 4.1, open: true });
        expect((await rejection(backend.getArticle('999'))).code).to.equal('not-found');
        page.frame.remove();
      });

      it('reads the topic, newer and older lists, with their dates', async () => {
        const { page, backend } = await nukevietPage(theme);
        const list = async (strategy: RelatedStrategy, limit = 5) =>
          (await backend.getRelated('412', { strategies: [strategy], limit })).map(
            ({ id, title, publishedAt }) => [id, title, publishedAt],
          );
        expect(await list('topic')).to.deep.equal([
          ['398', 'Thư viện xã mở cửa buổi tối', '2026-11-12'],
        ]);
        expect(await list('newer')).to.deep.equal([
          ['413', 'Xã ra quân làm đường liên thôn', '2026-11-27'],
        ]);
        expect(await list('older')).to.deep.equal([
          ['405', 'Khai giảng lớp học bơi', '2026-11-20'],
          ['401', 'Trao học bổng cho học sinh nghèo', '2026-11-18'],
        ]);
        page.frame.remove();
      });

      it('votes through the page’s own op=rating address, exact totals, once per session', async () => {
        const { page, backend } = await nukevietPage(theme);
        // 1,230 points from 299 ratings and a 4: NukeViet's average is rounded (4.1), the total is not.
        expect(await backend.rate('412', 4)).to.deep.equal({
          total: 1234,
          count: 300,
          average: 4.1,
          open: true,
          yourScore: 4,
        });
        const repeat = await rejection(backend.rate('412', 5));
        expect(repeat.code).to.equal('already-voted');
        expect(repeat.message).to.equal('Bạn đã đánh giá bài viết này rồi');
        expect(repeat.summary, 'NukeViet does not say which score it kept').to.equal(undefined);
        expect(await (await fetch('/nukeviet/stats')).json()).to.deep.equal({
          received: 2,
          points: 1234,
          count: 300,
        });
        page.frame.remove();
      });
    });
  }

  it('tells an expired session from a network failure', async () => {
    const { page, backend } = await nukevietPage('default');
    await fetch('/nukeviet/expire-session');
    const expired = await rejection(backend.rate('412', 3));
    expect(expired.code).to.equal('session-expired');
    expect(expired.message).to.include('Đánh giá không hợp lệ');
    page.frame.remove();
  });

  it('reads the refusals and the vote of rating.php’s replies, in Vietnamese and English', async () => {
    const { parseRatingReply } = await import('../src/backend/adapters/nukeviet.js');
    const code = (reply: string) => {
      try {
        parseRatingReply(reply, 4);
      } catch (error) {
        return (error as BackendError).code;
      }
      return 'accepted';
    };
    expect(code('Bạn đã đánh giá bài viết này rồi|0|0')).to.equal('already-voted');
    expect(code('You was rated|0|0')).to.equal('already-voted');
    expect(code('Đánh giá không hợp lệ|0|0')).to.equal('session-expired');
    expect(code("Error: Can't rate|0|0")).to.equal('session-expired');
    expect(code('Wrong URL')).to.equal('unsupported');
    expect(code('<html>Lỗi máy chủ</html>')).to.equal('bad-response');
    expect(parseRatingReply('Total notes of this article: 17 in 4 rating|4.3|4', 5)).to.deep.equal({
      total: 17,
      count: 4,
      average: 4.3,
      open: true,
      yourScore: 5,
    });
  });

  it('never calls the rating closed because the page’s call is written differently', async () => {
    const { page, backend } = await nukevietPage('egov');
    expect((await backend.getRating('412')).open).to.equal(true);
    page.document.querySelectorAll('script').forEach((script) => script.remove());
    expect((await backend.getRating('412')).open).to.equal(true);
    page.frame.remove();
  });

  describe('on pages a real NukeViet 4.4.08 printed, and its replies', () => {
    // Captured from a 4.4.08 installed with its own installer (PHP 8.2, MariaDB), article 16
    // written by us; only external scripts, styles and head tags other than article:* removed.
    // 4.4.08's default theme writes the vote call minified, with double quotes.
    const replies = {
      vote: 'Tổng số điểm của bài viết là: 1234 trong 300 đánh giá|4.1|300',
      again: 'Bạn đã đánh giá bài viết này rồi|0|0',
    };
    const checkss = {
      default: '867afc7d639a4160c565b9754078188b',
      mobile: 'fb509c1a7c391bc8d2d42d320c717419',
    };

    for (const theme of ['default', 'mobile'] as const) {
      it(`${theme}: reads the article, its picture, date, rating and both lists`, async () => {
        const { page, backend } = await nukevietPage(`4.4.08/${theme}`);
        const article = await backend.getArticle('16');
        expect(article.title).to.equal(
          'Lịch tiếp công dân tháng 12 của Ủy ban nhân dân xã Tân Phú',
        );
        expect(article.lead).to.match(/^Ủy ban nhân dân xã Tân Phú thông báo lịch tiếp công dân/);
        expect(article.image?.alt).to.equal('Trụ sở Ủy ban nhân dân xã Tân Phú');
        expect(article.image?.caption).to.equal('Trụ sở Ủy ban nhân dân xã Tân Phú');
        expect(article.image?.url).to.include('/uploads/news/lich-tiep-cong-dan-thang-12-2026.jpg');
        expect(article.publishedAt).to.equal('2026-11-28T15:00:00+07:00');
        expect(article.rating).to.deep.equal({ total: 1230, count: 299, average: 4.1, open: true });
        const list = async (strategy: RelatedStrategy) =>
          (await backend.getRelated('16', { strategies: [strategy], limit: 5 })).map(
            ({ id, title, publishedAt }) => [id, title, publishedAt],
          );
        expect(await list('newer')).to.deep.equal([
          ['20', 'Tăng cường phòng, chống cháy nổ trong mùa khô', '2026-12-01'],
          ['21', 'Xã Tân Phú tổ chức ngày hội Đại đoàn kết toàn dân tộc', '2026-12-04'],
        ]);
        expect(await list('older')).to.deep.equal([
          ['19', 'Hội nghị đối thoại giữa Chủ tịch UBND xã với nông dân', '2026-11-24'],
          ['18', 'Thông báo thu thuế sử dụng đất phi nông nghiệp năm 2026', '2026-11-18'],
          ['17', 'Xã Tân Phú ra quân tổng vệ sinh môi trường cuối năm', '2026-11-10'],
        ]);
        page.frame.remove();
      });

      it(`${theme}: votes as 4.4.08 accepted, and reads its vote and its refusal`, async () => {
        const sent: { url: URL; body: URLSearchParams }[] = [];
        // The portal, answering as the real 4.4.08 answered these requests (first, then again).
        const portal = async (input: RequestInfo | URL, init?: RequestInit) => {
          sent.push({
            url: new URL(String(input), location.href),
            body: new URLSearchParams(String(init?.body)),
          });
          return new Response(sent.length === 1 ? replies.vote : replies.again, {
            headers: { 'content-type': 'text/html; charset=UTF-8' },
          });
        };
        const { page, backend } = await nukevietPage(`4.4.08/${theme}`, portal);
        expect(await backend.rate('16', 4)).to.deep.equal({
          total: 1234,
          count: 300,
          average: 4.1,
          open: true,
          yourScore: 4,
        });
        const repeat = await rejection(backend.rate('16', 5));
        expect(repeat.code).to.equal('already-voted');
        // What 4.4.08 takes for a vote: its own address with a millisecond nocache, a POST of
        // the article, the page's checkss and the points.
        const [first] = sent;
        expect(first.url.pathname).to.equal('/index.php');
        expect(
          Object.fromEntries([...first.url.searchParams].filter(([k]) => k !== 'nocache')),
        ).to.deep.equal({ language: 'vi', nv: 'news', op: 'rating' });
        expect(first.url.searchParams.get('nocache')).to.match(/^\d{13}$/);
        expect(Object.fromEntries(first.body)).to.deep.equal({
          id: '16',
          checkss: checkss[theme],
          point: '4',
        });
        page.frame.remove();
      });
    }
  });

  describe('recorded voices, on pages a real NukeViet 4.5.05 printed', () => {
    const file = (name: string) => `${location.origin}/uploads/news/${name}`;
    const north = {
      id: '1',
      title: 'Giọng nữ miền Bắc',
      url: file('ubnd-xa-tan-phu-giong-nu.mp3'),
    };
    const south = {
      id: '2',
      title: 'Giọng nam miền Nam',
      url: file('ubnd-xa-tan-phu-giong-nam.mp3'),
    };

    for (const theme of ['default', 'mobile']) {
      it(`${theme}: every voice with its title and file, in the module's order`, async () => {
        const { page, backend } = await nukevietPage(`4.5.05/${theme}-voices`);
        const article = await backend.getArticle('16');
        expect(article.title).to.equal(
          'Lịch tiếp công dân tháng 12 của Ủy ban nhân dân xã Tân Phú',
        );
        expect(article.voices).to.deep.equal([north, south]);
        // The page's datePublished holds the last edit; the meta tags, mended, the real times.
        expect([article.publishedAt, article.updatedAt]).to.deep.equal([
          '2026-12-06T08:00:00+07:00',
          '2026-12-06T15:27:51+07:00',
        ]);
        page.frame.remove();
      });

      it(`${theme}: an article without recordings has none`, async () => {
        const { page, backend } = await nukevietPage(`4.5.05/${theme}-no-voices`);
        expect((await backend.getArticle('18')).voices).to.deep.equal([]);
        page.frame.remove();
      });
    }

    it('has none on the eGovernment theme, which prints no player for an article that has them', async () => {
      const { page, backend } = await nukevietPage('4.5.05/egov-voices-not-shown');
      const article = await backend.getArticle('16');
      expect(article.title).to.equal('Lịch tiếp công dân tháng 12 của Ủy ban nhân dân xã Tân Phú');
      expect(article.voices).to.deep.equal([]);
      page.frame.remove();
    });

    it('puts first the voice the visitor chose on the portal', async () => {
      const { page, backend } = await nukevietPage('4.5.05/default-voice-chosen');
      expect((await backend.getArticle('16')).voices).to.deep.equal([south, north]);
      page.frame.remove();
    });

    it('reads them as well once the theme’s script has put Plyr in the printed player’s place', async () => {
      for (const [name, order] of [
        ['default-voices-after-script', [north, south]],
        ['default-voice-chosen-after-script', [south, north]],
      ] as const) {
        const { page, backend } = await nukevietPage(`4.5.05/${name}`);
        expect(page.document.querySelector('#newsVoicePlayer'), name).to.equal(null);
        expect((await backend.getArticle('16')).voices, name).to.deep.equal(order);
        page.frame.remove();
      }
    });

    it('reads the player alone when a theme prints no menu, and skips an address it cannot play', async () => {
      const { page, backend } = await nukevietPage('4.5.05/default-voices');
      page.document
        .querySelector('[data-news="voicesel"][data-id="2"]')!
        .setAttribute('data-path', 'javascript:alert(1)');
      expect((await backend.getArticle('16')).voices).to.deep.equal([north]);
      page.document.querySelector('.news-detail-player .dropdown-menu')!.remove();
      expect((await backend.getArticle('16')).voices).to.deep.equal([north]);
      page.frame.remove();
    });
  });

  it('cannot vote for a NukeViet portal from another origin', async () => {
    const { page } = await nukevietPage('default');
    const backend = (page.window as unknown as PageWindow).createNukeViet(
      'https://portal.example.gov.vn/',
    );
    expect(backend.capabilities.rating).to.equal('none');
    expect((await rejection(backend.rate('412', 4))).code).to.equal('unsupported');
    page.frame.remove();
  });
});

describe('static adapter', () => {
  const folderUrl = new URL('/test/fixtures/static-api/', location.href).href;
  const folder = () =>
    new BackendClient(
      staticBackend({ api: folderUrl, http: http({ retries: 0 }) }),
      `static|${folderUrl}`,
      folderUrl,
    );

  it('reads articles and related lists from JSON files, read-only', async () => {
    const client = folder();
    const article = await client.getArticle('7');
    expect(article.title).to.equal('Ngày hội hiến máu tình nguyện');
    expect(await client.getRating('7')).to.deep.equal({
      total: 9,
      count: 2,
      average: 4.5,
      open: false,
    });
    expect(
      (await client.getRelated('7', { strategies: ['category'], limit: 1 })).map(({ id }) => id),
    ).to.deep.equal(['8']);
    expect(await client.getRelated('7', { strategies: ['topic'], limit: 5 })).to.deep.equal([]);
    expect((await rejection(client.rate('7', 5))).code).to.equal('unsupported');
    expect(client.capabilities.rating).to.equal('read');
  });

  it('names the broken field of a hand-written file', async () => {
    const error = await rejection(folder().getArticle('8'));
    expect(error.code).to.equal('bad-response');
    expect(error.message).to.include('"title"').and.include('articles/8.json');
    expect((await rejection(folder().getArticle('404'))).code).to.equal('not-found');
  });

  it('reads recorded voices, absolute against the folder, and leaves out one it cannot play', async () => {
    const article = await folder().getArticle('9');
    expect(article.voices).to.deep.equal([
      { id: '1', title: 'Giọng nữ miền Bắc', url: `${folderUrl}audio/9-giong-nu.mp3` },
    ]);
    expect((await folder().getArticle('7')).voices).to.deep.equal([]);
  });

  it('names the voice field a hand-written file got wrong', async () => {
    const error = await rejection(folder().getArticle('10'));
    expect(error.code).to.equal('bad-response');
    expect(error.message).to.include('articles/10.json').and.include('voices[0]');
    expect(error.message).to.include('"url"');
  });
});
