import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { registerBackend, type Article, type Backend } from '../src/backend/index.js';
import '../src/elements/article-view/article-view.define.js';
import {
  MAX_BODY_CHARACTERS,
  type ArticleView,
} from '../src/elements/article-view/article-view.js';
import '../src/elements/font-scaler/font-scaler.define.js';
import { getPagePreferences } from '../src/prefs/page-preferences.js';
import {
  clearPreferences,
  emulateMediaFeatures,
  emulateMediaType,
  engine,
  setOffline,
  fontSizePx,
  runAxe,
  until,
  violations,
  openPage,
  referenceServer,
} from './helpers.js';
import {
  HOSTILE_URLS,
  XSS_PAYLOADS,
  dangerousNodes,
  isNeutralAddress,
  stayOnPage,
} from './xss-payloads.js';

const server = referenceServer;

const shadow = (element: Element) => element.shadowRoot!;
const rendered = (element: ArticleView) =>
  until(
    () => !!shadow(element).querySelector('article[aria-busy="false"] .body > *'),
    'article body rendered',
  );

async function articleView(attributes: string, api: string): Promise<ArticleView> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  holder.innerHTML = `<article-view api="${api}" ${attributes}></article-view>`;
  return holder.querySelector('article-view')!;
}

/** A backend that hands the element whatever body the test wants, as a compromised CMS might. */
function bodyBackend(): Backend {
  const article: Article = {
    id: '1',
    title: 'Bài thử',
    lead: 'Tóm tắt',
    image: null,
    publishedAt: '2026-11-27T01:00:00Z',
    category: null,
    bodyHtml: '',
    author: '',
    source: '',
    topic: null,
    updatedAt: '2026-11-27T01:00:00Z',
    lang: 'vi',
    readingMinutes: 1,
    rating: null,
  };
  return {
    capabilities: { rating: 'none', related: [] },
    getArticle: async (id) => ({
      ...article,
      id,
      bodyHtml: bodyForTest,
      image: imageUrlForTest ? { url: imageUrlForTest, alt: 'Ảnh', caption: '' } : null,
      url: imageUrlForTest ?? undefined,
    }),
    getRelated: async () => [],
    getRating: async () => ({ total: 0, count: 0, average: 0, open: false }),
    rate: async () => ({ total: 0, count: 0, average: 0, open: false }),
  };
}

let bodyForTest = '';
let imageUrlForTest: string | null = null;
registerBackend('test-body', bodyBackend);

describe('article-view', () => {
  let api: string;
  beforeEach(async () => {
    ({ url: api } = await server({ reset: true, delayMs: 0, failNext: 0 }));
  });
  afterEach(async () => {
    getPagePreferences().store.setTextScale(1);
    getPagePreferences().store.setContrast('normal');
    clearPreferences();
    await emulateMediaFeatures({ 'forced-colors': '' });
  });

  it('renders the article with one heading, lead, Vietnamese meta, image and body, and passes axe', async () => {
    const element = await articleView('article-id="1"', api);
    const loaded = oneEvent(element, 'pw-load');
    await rendered(element);
    expect((await loaded).detail.article.id).to.equal('1');
    const root = shadow(element);
    const article = root.querySelector('article')!;
    expect(article.getAttribute('lang')).to.equal('vi');
    const headings = root.querySelectorAll('h1, h2, h3, h4, h5, h6');
    expect([...headings].filter((h) => h.localName === 'h1')).to.have.length(1);
    expect(root.querySelector('h1')!.textContent).to.equal(
      'Nông dân xã Hòa Bình ghi nhật ký sản xuất cà phê trên điện thoại',
    );
    expect(root.querySelector('[part="lead"]')!.textContent).to.include('120 hộ');
    const meta = root.querySelector('[part="meta"]')!.textContent!;
    expect(meta).to.match(/26\/11\/2026/);
    expect(meta).to.include('Minh Hà').and.include('Kinh tế').and.include('phút đọc');
    const image = root.querySelector<HTMLImageElement>('figure img')!;
    expect(image.alt).to.equal('Vườn cà phê trên sườn đồi, phía trước là một máy tính bảng');
    expect(root.querySelector('figcaption')!.textContent).to.include('thôn Đồng Tâm');
    expect(root.querySelectorAll('.body p').length).to.equal(3);
    expect(violations(await runAxe(element))).to.deep.equal([]);
  });

  it('renders a WordPress post through the wordpress adapter', async () => {
    const site = new URL('/wp-site', location.href).href;
    const element = await articleView('article-id="101" backend="wordpress"', site);
    await rendered(element);
    expect(shadow(element).querySelector('h1')!.textContent).to.equal('Lễ hội mùa xuân – chuẩn bị');
    expect(shadow(element).querySelector('[part="meta"]')!.textContent).to.include('Ban biên tập');
    expect(shadow(element).querySelector('.body')!.textContent).to.include('Nội dung bài 101');
  });

  it('uses the configured heading level and keeps the body’s headings below it', async () => {
    bodyForTest = '<h1>Phần một</h1><p>a</p><h2>Mục nhỏ</h2><p>b</p>';
    const element = await articleView('article-id="1" heading-level="2" backend="test-body"', api);
    await rendered(element);
    const levels = [...shadow(element).querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
      (h) => h.localName,
    );
    expect(levels).to.deep.equal(['h2', 'h3', 'h4']);
  });

  it('is busy with a skeleton while loading, then shows the article', async () => {
    await server({ delayMs: 400 });
    const element = await articleView('article-id="2"', api);
    await element.updateComplete;
    const busy = shadow(element).querySelector('article[aria-busy="true"]');
    expect(busy, 'skeleton').to.exist;
    expect(busy!.getBoundingClientRect().height, 'reserves space').to.be.greaterThan(200);
    expect(violations(await runAxe(element))).to.deep.equal([]);
    await rendered(element);
  });

  it('says when the article does not exist, without a useless retry', async () => {
    const element = await articleView('article-id="999"', api);
    await until(() => !!shadow(element).querySelector('[role="alert"]'), 'alert');
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.include(
      'Không tìm thấy bài viết',
    );
    expect(shadow(element).querySelector('button')).to.equal(null);
  });

  it('shows an alert with a retry button when the backend fails, and recovers', async () => {
    await server({ failNext: 100 });
    const element = await articleView('article-id="3"', api);
    const failed = oneEvent(element, 'pw-error');
    await until(() => !!shadow(element).querySelector('[role="alert"] button'), 'alert with retry');
    expect((await failed).detail.error).to.exist;
    expect(violations(await runAxe(element))).to.deep.equal([]);
    await server({ failNext: 0 });
    shadow(element).querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await rendered(element);
  });

  describe('says what went wrong', () => {
    const alertText = async (element: ArticleView) => {
      await until(() => !!shadow(element).querySelector('[role="alert"] button'), 'alert', 8000);
      return shadow(element).querySelector('[role="alert"] p')!.textContent!;
    };

    it('a server error (5xx)', async () => {
      await server({ failNext: 100 });
      try {
        const text = await alertText(await articleView('article-id="3"', api));
        expect(text).to.include('Máy chủ dữ liệu đang gặp sự cố (lỗi 503)');
      } finally {
        await server({ failNext: 0 });
      }
    });

    it('a web page instead of JSON (a maintenance page)', async () => {
      const garbage = new URL('/demo/demo-backends/garbage/api/v1', location.href).href;
      const text = await alertText(await articleView('article-id="3"', garbage));
      expect(text).to.include('trả về một trang web thay vì dữ liệu');
    });

    it('a request the server refused to this site (CORS) or never answered', async () => {
      // The same API under the other host name: another origin, answered without CORS headers.
      const other = new URL('/demo/api/v1', location.href);
      other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
      const text = await alertText(await articleView('article-id="3"', other.href));
      expect(text).to.include('Máy chủ dữ liệu không trả lời');
    });

    it('a lost connection', async () => {
      // The browser's own network state goes offline (navigator.onLine, the "offline" event);
      // the address answers nothing, as no address does without a network. WebKit's WebDriver
      // cannot take the browser offline, so there navigator.onLine says so in this test alone.
      const offline = (state: boolean) =>
        engine === 'webkit'
          ? Object.defineProperty(navigator, 'onLine', { value: !state, configurable: true })
          : setOffline(state);
      await offline(true);
      try {
        expect(navigator.onLine).to.equal(false);
        const text = await alertText(
          await articleView('article-id="3"', 'http://127.0.0.1:9/api/v1'),
        );
        expect(text).to.include('mất kết nối mạng');
      } finally {
        if (engine === 'webkit') delete (navigator as { onLine?: boolean }).onLine;
        else await setOffline(false);
      }
    });

    it('in English too', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
      holder.innerHTML = `<article-view api="${new URL('/demo/demo-backends/garbage/api/v1', location.href).href}" article-id="3"></article-view>`;
      const text = await alertText(holder.querySelector('article-view')!);
      expect(text).to.include('web page instead of the data');
    });
  });

  it('keeps focus after "Thử lại": on the loading article, then its heading, or the new retry button', async () => {
    await server({ failNext: 100 });
    const element = await articleView('article-id="3"', api);
    const retryButton = () => shadow(element).querySelector<HTMLButtonElement>('[part~="retry"]');
    await until(() => !!retryButton(), 'retry offered');
    retryButton()!.focus();
    await sendKeys({ press: 'Enter' });
    await until(
      () => !!retryButton() && shadow(element).activeElement === retryButton(),
      'failed again',
    );
    expect(document.activeElement).to.equal(element);

    await server({ failNext: 0, delayMs: 400 });
    await sendKeys({ press: 'Enter' });
    await until(
      () => shadow(element).activeElement?.getAttribute('aria-busy') === 'true',
      'focus on the loading article',
    );
    await rendered(element);
    await until(
      () => shadow(element).activeElement === shadow(element).querySelector('h1'),
      'focus on the heading',
    );
    expect(document.activeElement).to.equal(element);
    await server({ delayMs: 0 });
  });

  it('tells the webmaster in the console how to fix an unreachable API', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const element = await articleView(
        'article-id="1" timeout="200"',
        'http://127.0.0.1:9/api/v1',
      );
      await until(
        () => !!shadow(element).querySelector('[role="alert"] button'),
        'alert with retry',
        8000,
      );
      expect(warnings.join('\n'))
        .to.include('http://127.0.0.1:9/api/v1')
        .and.include('ALLOWED_ORIGINS');
    } finally {
      console.warn = original;
    }
  });

  it('does not blame CORS in the console when the backend answered with a server error', async () => {
    await server({ failNext: 100 });
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const element = await articleView('article-id="2"', api);
      await until(() => !!shadow(element).querySelector('[role="alert"] button'), 'alert');
      expect(warnings.join('\n')).to.include('answered 503').and.not.include('ALLOWED_ORIGINS');
    } finally {
      console.warn = original;
      await server({ failNext: 0 });
    }
  });

  it('says the set-up is wrong, not that the article is missing, when data-api misses /v1', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const element = await articleView('article-id="1"', api.replace(/\/v1$/, ''));
      await until(() => !!shadow(element).querySelector('[role="alert"]'), 'alert');
      expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.include(
        'Chưa cấu hình nguồn dữ liệu',
      );
      expect(
        shadow(element).querySelector('[role="alert"] button'),
        'a retry cannot help',
      ).to.equal(null);
      expect(warnings.join('\n')).to.include('Check data-api');
    } finally {
      console.warn = original;
    }
  });

  it('explains a missing backend in an alert and in the console', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const element = await fixture<ArticleView>(
        html`<article-view article-id="1"></article-view>`,
      );
      await until(() => !!shadow(element).querySelector('[role="alert"]'), 'alert');
      expect(shadow(element).textContent).to.include('Chưa cấu hình nguồn dữ liệu');
      expect(errors.join('\n')).to.include('data-api');
    } finally {
      console.error = original;
    }
  });

  it('keeps an article the portal printed inside it, and fetches nothing', async () => {
    const element = await fixture<ArticleView>(
      html`<article-view api=${api} article-id="4">
        <article>
          <h1>Bài in sẵn từ máy chủ</h1>
          <p>Nội dung cho máy tìm kiếm.</p>
        </article>
      </article-view>`,
    );
    await element.updateComplete;
    expect(shadow(element).querySelector('slot')).to.exist;
    expect(element.querySelector('h1')!.getBoundingClientRect().height).to.be.greaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await server()).requests.filter((line) => line.includes('/articles/4'))).to.deep.equal(
      [],
    );
  });

  it('adds NewsArticle JSON-LD when asked, and removes it with the element', async () => {
    const element = await articleView('article-id="5" json-ld', api);
    await rendered(element);
    const script = document.head.querySelector('script[type="application/ld+json"]')!;
    const data = JSON.parse(script.textContent!);
    expect(data['@type']).to.equal('NewsArticle');
    expect(data.headline).to.equal('Làng nghề đan lát nhận đơn hàng xuất khẩu đầu tiên');
    expect(data.datePublished).to.match(/^2026-/);
    element.remove();
    expect(document.head.querySelector('script[type="application/ld+json"]')).to.equal(null);
  });

  it('makes links safe, images lazy with their size, and wide tables scrollable by keyboard', async () => {
    bodyForTest =
      '<p><a href="https://example.org" target="_blank">ngoài</a></p><img src="/test/fixtures/photo.svg" width="320" height="180" alt="Ảnh"><table><tr><td>' +
      'ô'.repeat(300) +
      '</td></tr></table><p>' +
      'chữ'.repeat(200) +
      '</p>';
    const element = await articleView('article-id="1" backend="test-body"', api);
    await rendered(element);
    const root = shadow(element);
    expect(root.querySelector('a[target]')!.getAttribute('rel')).to.equal('noopener noreferrer');
    const image = root.querySelector<HTMLImageElement>('.body img')!;
    expect([
      image.loading,
      image.getAttribute('width'),
      image.getAttribute('height'),
    ]).to.deep.equal(['lazy', '320', '180']);
    const region = root.querySelector<HTMLElement>('.table-scroll')!;
    expect(region.tabIndex).to.equal(0);
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    expect(element.scrollWidth, 'long words wrap inside the column').to.be.at.most(
      element.clientWidth + 1,
    );
    expect(violations(await runAxe(element))).to.deep.equal([]);
  });

  it('shows the photo inside the body with its caption, loaded from the backend (native sanitiser)', async () => {
    bodyForTest = `<p>Ảnh trong bài:</p><figure><img src="${location.origin}/test/fixtures/photo.svg" alt="Cầu mới" width="320" height="180"><figcaption>Cầu Tân Phú</figcaption></figure>`;
    const element = await articleView('article-id="1" backend="test-body"', api);
    await rendered(element);
    const image = shadow(element).querySelector<HTMLImageElement>('.body figure img');
    expect(image, 'the image survives Element.setHTML').to.exist;
    expect(image!.alt).to.equal('Cầu mới');
    expect(shadow(element).querySelector('.body figcaption')!.textContent).to.equal('Cầu Tân Phú');
    image!.loading = 'eager';
    await until(() => image!.complete && image!.naturalWidth > 0, 'image loaded');
  });

  it('renders a 1.2 MB body of 150,000 paragraphs, with no unhandled rejection', async function () {
    this.timeout(30_000);
    const rejections: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
    addEventListener('unhandledrejection', onRejection);
    try {
      bodyForTest = Array.from({ length: 150_000 }, (_, index) => `<p>Đ${index}</p>`).join('');
      expect(bodyForTest.length).to.be.greaterThan(1_200_000);
      const element = await articleView('article-id="1" backend="test-body"', api);
      await until(
        () =>
          shadow(element).querySelector('.body')?.childElementCount === 150_000 ||
          !!shadow(element).querySelector('[role="alert"]'),
        'large body shown',
        20_000,
      );
      expect(shadow(element).querySelector('[role="alert"]')).to.equal(null);
      expect(shadow(element).querySelector('.body')!.lastElementChild!.textContent).to.equal(
        'Đ149999',
      );
      expect(rejections).to.deep.equal([]);
    } finally {
      removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('refuses a body over the documented size before parsing it, says so, and the page keeps working', async function () {
    this.timeout(30_000);
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      const paragraph = `<p>${'Ủy ban nhân dân xã họp bàn về đường giao thông nông thôn. '.repeat(20)}</p>`;
      const paragraphs = Math.floor(MAX_BODY_CHARACTERS / paragraph.length) - 1;
      const last = `<p>${'a'.repeat(MAX_BODY_CHARACTERS - paragraphs * paragraph.length - 7)}</p>`;
      const atLimit = paragraph.repeat(paragraphs) + last;
      expect(atLimit.length).to.equal(MAX_BODY_CHARACTERS);
      bodyForTest = `${atLimit}x`;
      const holder = await fixture<HTMLDivElement>(
        html`<div>
          <font-scaler></font-scaler
          ><article-view api=${api} article-id="1" backend="test-body"></article-view>
        </div>`,
      );
      const element = holder.querySelector('article-view')!;
      await until(() => !!shadow(element).querySelector('[role="alert"]'), 'refusal shown', 20_000);
      const alert = shadow(element).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.include('Bài viết quá dài để hiển thị tại đây.');
      expect(
        shadow(element).querySelector('[part="retry"]'),
        'no retry for a body that stays too long',
      ).to.equal(null);
      expect(shadow(element).querySelector('[part="body"]')).to.equal(null);
      expect(
        logged.filter((line) =>
          line.includes(`article 1: a body of ${MAX_BODY_CHARACTERS + 1} characters, not shown`),
        ),
      ).to.have.length(1);
      // The rest of the page still answers: A+ scales the text at once.
      shadow(holder.querySelector('font-scaler')!)
        .querySelector<HTMLButtonElement>('[part~="increase"]')!
        .click();
      expect(getPagePreferences().store.textScale).to.be.greaterThan(1);
      getPagePreferences().store.setTextScale(1);

      // A body of exactly the limit is shown, whole.
      bodyForTest = atLimit;
      const shown = await articleView('article-id="2" backend="test-body"', api);
      await until(
        () => shadow(shown).querySelector('.body')?.childElementCount === paragraphs + 1,
        'body at the limit shown',
        20_000,
      );
      expect(shadow(shown).querySelector('.body')!.lastElementChild!.outerHTML).to.equal(last);
    } finally {
      console.error = consoleError;
    }
  });

  it('speaks English in an English page', async () => {
    const holder = await fixture<HTMLDivElement>(
      html`<div lang="en"><article-view api=${api} article-id="1"></article-view></div>`,
    );
    const element = holder.querySelector('article-view')!;
    await rendered(element);
    expect(shadow(element).querySelector('[part="meta"]')!.textContent)
      .to.include('min read')
      .and.include('November 26, 2026');
  });

  it('grows with font-scaler, because it is sized in rem and em', async () => {
    const holder = await fixture<HTMLDivElement>(
      html`<div>
        <font-scaler></font-scaler><article-view api=${api} article-id="1"></article-view>
      </div>`,
    );
    const element = holder.querySelector('article-view')!;
    await rendered(element);
    const paragraph = shadow(element).querySelector('.body p')!;
    const title = shadow(element).querySelector('h1')!;
    const before = [fontSizePx(paragraph), fontSizePx(title)];
    shadow(holder.querySelector('font-scaler')!)
      .querySelector<HTMLButtonElement>('[part~="increase"]')!
      .click();
    await until(() => fontSizePx(paragraph) > before[0], 'scaled');
    expect(fontSizePx(paragraph) / before[0]).to.be.closeTo(1.2, 0.01);
    expect(fontSizePx(title) / before[1]).to.be.closeTo(1.2, 0.01);
  });

  it('passes axe with AAA contrast in high contrast, and under forced colours', async () => {
    const element = await articleView('article-id="1"', api);
    await rendered(element);
    getPagePreferences().store.setContrast('more');
    await element.updateComplete;
    const enhanced = await runAxe(element, {
      runOnly: { type: 'rule', values: ['color-contrast-enhanced', 'color-contrast'] },
    });
    expect(violations(enhanced)).to.deep.equal([]);
    // Safari has no forced-colours mode: its visitors get contrast from the toggle, above.
    if (engine === 'webkit') return;
    await emulateMediaFeatures({ 'forced-colors': 'active' });
    expect(violations(await runAxe(element))).to.deep.equal([]);
  });

  it('prints the article alone', async function () {
    if (engine !== 'chromium') {
      // Neither WebDriver BiDi (Firefox) nor WebKit's WebDriver can switch a page to print
      // media; the print rules are the same CSS in every engine.
      this.skip();
    }
    const holder = await fixture<HTMLDivElement>(
      html`<div>
        <p id="elsewhere">Quảng cáo</p>
        <article-view api=${api} article-id="1"></article-view>
      </div>`,
    );
    const element = holder.querySelector('article-view')!;
    await rendered(element);
    await emulateMediaType('print');
    try {
      expect(getComputedStyle(holder.querySelector('#elsewhere')!).visibility).to.equal('hidden');
      expect(getComputedStyle(shadow(element).querySelector('h1')!).visibility).to.equal('visible');
    } finally {
      await emulateMediaType('');
    }
  });

  it(`runs none of ${XSS_PAYLOADS.length} known XSS payloads in the element and keeps the harmless text`, async () => {
    const hits: string[] = [];
    (window as unknown as { xssHit: (id: string) => void }).xssHit = (id) => hits.push(id);
    const element = await articleView('article-id="1" backend="test-body"', api);
    // One article per payload: a payload that leaves a tag open may swallow what follows it.
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      bodyForTest = `<p>an-toàn-${index}</p>${payload}`;
      element.articleId = String(index + 100);
      await until(
        () =>
          shadow(element).querySelector('.body')?.textContent?.includes(`an-toàn-${index}`) ??
          false,
        `harmless text of payload ${index} shown`,
      );
      expect(
        dangerousNodes(shadow(element).querySelector('.body')!),
        `payload ${index}`,
      ).to.deep.equal([]);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hits, 'payloads that ran').to.deep.equal([]);
  });

  it('uses only http(s) addresses from the backend: main image, links, images, video, frames', async () => {
    const hits: string[] = [];
    (window as unknown as { xssHit: (id: string) => void }).xssHit = (id) => hits.push(id);
    const element = await articleView('article-id="1" backend="test-body"', api);
    addEventListener('click', stayOnPage);
    try {
      for (const [index, url] of HOSTILE_URLS.entries()) {
        const quoted = url.replaceAll('"', '&quot;');
        bodyForTest = `<p>bài-${index} <a href="${quoted}">liên kết</a></p><img src="${quoted}" alt="ảnh"><video poster="${quoted}" src="${quoted}"><source src="${quoted}"></video><iframe src="${quoted}"></iframe>`;
        imageUrlForTest = url;
        element.articleId = String(index + 200);
        await until(
          () =>
            shadow(element).querySelector('.body')?.textContent?.includes(`bài-${index}`) ?? false,
          `article ${index} shown`,
        );
        const root = shadow(element);
        expect(dangerousNodes(root), url).to.deep.equal([]);
        const addresses = [...root.querySelectorAll('[href], [src], [poster]')].flatMap((node) =>
          ['href', 'src', 'poster'].map((name) => node.getAttribute(name)),
        );
        expect(
          addresses.filter((value) => !isNeutralAddress(value)),
          url,
        ).to.deep.equal([]);
        root.querySelectorAll('a').forEach((link) => link.click());
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(hits, 'addresses that ran').to.deep.equal([]);
    } finally {
      removeEventListener('click', stayOnPage);
      imageUrlForTest = null;
    }
  });
});

describe('the demo article page', () => {
  it('follows its related links: ?id= picks the article for all three elements', async () => {
    await referenceServer({ reset: true, delayMs: 0, failNext: 0 });
    const page = await openPage('/demo/index.html?id=12');
    try {
      const view = page.document.querySelector('article-view')!;
      await until(() => !!view.shadowRoot?.querySelector('h1'), 'article shown');
      expect(view.shadowRoot!.querySelector('h1')!.textContent).to.equal(
        'Phun hóa chất diệt muỗi tại các khu dân cư có ca bệnh',
      );
      expect(page.document.title).to.match(/^Phun hóa chất/);
      expect(page.document.querySelector('star-rating')!.getAttribute('article-id')).to.equal('12');
      const related = page.document.querySelector('related-list')!;
      related.scrollIntoView();
      await until(
        () => (related.shadowRoot?.querySelectorAll('a').length ?? 0) > 0,
        'related shown',
      );
      const link = related.shadowRoot!.querySelector('a')!;
      expect(new URL(link.href).search).to.match(/^\?id=\d+$/);
    } finally {
      page.frame.remove();
    }
  });
});

describe('the demo article page on a small screen', () => {
  it('has no horizontal scroll at 320 px, at 200 % text, with WCAG 1.4.12 text spacing, nothing clipped', async () => {
    await referenceServer({ reset: true, delayMs: 0, failNext: 0 });
    const page = await openPage('/demo/index.html', 320, 640);
    try {
      const view = page.document.querySelector('article-view')!;
      await until(() => !!view.shadowRoot?.querySelector('.body p'), 'article shown');
      // The text-spacing overrides of WCAG 1.4.12, as the bookmarklet testers use applies them.
      const spacing = new page.window.CSSStyleSheet();
      spacing.replaceSync(
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      );
      page.document.adoptedStyleSheets = [...page.document.adoptedStyleSheets, spacing];
      const scaler = page.document.querySelector('font-scaler')!;
      for (let i = 0; i < 3; i += 1)
        scaler.shadowRoot!.querySelector<HTMLButtonElement>('[part~="increase"]')!.click();
      await until(() => page.document.documentElement.dataset.pwTextScale === '2', 'at 200 %');
      const root = page.document.documentElement;
      const everything = (root: ParentNode): HTMLElement[] =>
        [...root.querySelectorAll<HTMLElement>('*')].flatMap((node) => [
          node,
          ...(node.shadowRoot ? everything(node.shadowRoot) : []),
        ]);
      const wide = everything(page.document.body)
        .filter((node) => node.getBoundingClientRect().right > root.clientWidth + 1)
        .map(
          (node) =>
            `${node.localName}.${node.className} ${Math.round(node.getBoundingClientRect().right)}`,
        );
      expect(wide, 'wider than the screen').to.deep.equal([]);
      expect(root.scrollWidth, 'page width').to.be.at.most(root.clientWidth);
      for (const element of [
        view,
        page.document.querySelector('star-rating')!,
        page.document.querySelector('related-list')!,
      ]) {
        for (const node of element.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
          const style = page.window.getComputedStyle(node);
          if (
            style.overflow === 'hidden' &&
            !node.classList.contains('fill') &&
            !node.classList.contains('visually-hidden')
          ) {
            expect(node.scrollHeight, `${node.localName}.${node.className} clipped`).to.be.at.most(
              node.clientHeight + 1,
            );
          }
        }
        expect(element.scrollWidth, `${element.localName} width`).to.be.at.most(
          element.clientWidth + 1,
        );
      }
    } finally {
      page.frame.remove();
      getPagePreferences().store.setTextScale(1);
      clearPreferences();
    }
  });
});
