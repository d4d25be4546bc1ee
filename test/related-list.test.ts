import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { registerBackend, type ArticleSummary } from '../src/backend/index.js';
import '../src/elements/related-list/related-list.define.js';
import type { RelatedList } from '../src/elements/related-list/related-list.js';
import {
  accessibilityTree,
  engine,
  computedAccessibility,
  findNode,
  runAxe,
  until,
  violations,
  referenceServer,
} from './helpers.js';
import { HOSTILE_URLS, isNeutralAddress, stayOnPage } from './xss-payloads.js';

/** A backend whose related articles carry hostile addresses for their page and their image. */
registerBackend('hostile-related', () => ({
  capabilities: { rating: 'none', related: ['topic'] },
  getRelated: async () =>
    HOSTILE_URLS.map((url, index): ArticleSummary => ({
      id: String(index + 1),
      title: `Bài liên quan số ${index + 1}`,
      url,
      lead: '',
      image: { url, alt: '', caption: '' },
      publishedAt: '2026-11-27T01:00:00Z',
      category: null,
    })),
  getArticle: async () => Promise.reject(new Error('not used')),
  getRating: async () => Promise.reject(new Error('not used')),
  rate: async () => Promise.reject(new Error('not used')),
}));

const server = referenceServer;

const shadow = (element: Element) => element.shadowRoot!;
const links = (element: Element) => [...shadow(element).querySelectorAll<HTMLAnchorElement>('a')];
const loaded = (element: Element) => until(() => links(element).length > 0, 'links shown');

describe('related-list', () => {
  let api: string;
  beforeEach(async () => {
    ({ url: api } = await server({ reset: true, delayMs: 0, failNext: 0 }));
  });

  it('is a section named "Bài viết liên quan" holding a list of links named by their titles', async () => {
    const element = await fixture<RelatedList>(
      html`<related-list api=${api} article-id="12"></related-list>`,
    );
    await loaded(element);
    if (engine === 'webkit') {
      // WebKit's WebDriver computes each element's role and name, not the whole tree.
      const section = element.shadowRoot!.querySelector('section')!;
      const list = section.querySelector('ul')!;
      const named = await computedAccessibility([section, list, ...links(element)]);
      expect(named.map(({ role, name }) => `${role}:${name}`)).to.deep.equal([
        'region:Bài viết liên quan',
        'list:',
        ...links(element).map((link) => `link:${link.textContent!.replace(/\s+/g, ' ').trim()}`),
      ]);
      expect(list.children.length).to.equal(5);
    } else {
      const section = findNode(
        await accessibilityTree(),
        (node) =>
          node.name === 'Bài viết liên quan' && ['region', 'navigation'].includes(node.role),
      );
      expect(section, 'named section').to.exist;
      const list = findNode(section!, (node) => node.role === 'list');
      expect(list?.children.length).to.equal(5);
    }
    for (const link of links(element)) {
      expect(link.textContent!.trim().length).to.be.greaterThan(10);
      expect(link.textContent).not.to.match(/^\s*(xem thêm|chi tiết)\s*$/i);
      expect(link.getBoundingClientRect().height).to.be.at.least(24);
    }
    expect(violations(await runAxe(element))).to.deep.equal([]);
  });

  it('shows the same topic first, then newer and older articles, each once, up to the limit', async () => {
    const element = await fixture<RelatedList>(
      html`<related-list
        api=${api}
        article-id="12"
        limit="20"
        href-template="/tin/{id}.html"
      ></related-list>`,
    );
    await loaded(element);
    const ids = links(element).map(
      (link) => new URL(link.href).pathname.match(/\/tin\/(\d+)\.html/)![1],
    );
    expect(new Set(ids).size).to.equal(ids.length);
    const topic = (
      await (await fetch(`${api}/articles/12/related?strategy=topic&limit=20`)).json()
    ).items.map(({ id }: { id: number }) => String(id));
    expect(ids.slice(0, topic.length)).to.deep.equal(topic);
    expect(ids).not.to.include('12');
  });

  it('asks the server once for all its strategies', async () => {
    const element = await fixture<RelatedList>(
      html`<related-list api=${api} article-id="12"></related-list>`,
    );
    await loaded(element);
    const related = (await server()).requests.filter((line) => line.includes('/related'));
    expect(related).to.deep.equal([
      `GET ${new URL(api).pathname}/articles/12/related?strategy=topic,newer,older&limit=5`,
    ]);
  });

  it('fetches only when it comes near the screen, unless loading="eager"', async () => {
    const holder = await fixture<HTMLDivElement>(
      html`<div>
        <div style="height: 5000px"></div>
        <related-list api=${api} article-id="13"></related-list>
      </div>`,
    );
    const element = holder.querySelector('related-list')!;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(
      (await server()).requests.filter((line) => line.includes('/articles/13/related')),
    ).to.have.length(0);
    element.scrollIntoView();
    await loaded(element);
    window.scrollTo(0, 0);

    const eager = await fixture<HTMLDivElement>(
      html`<div>
        <div style="height: 5000px"></div>
        <related-list api=${api} article-id="14" loading="eager"></related-list>
      </div>`,
    );
    await loaded(eager.querySelector('related-list')!);
  });

  it('renders nothing focusable when there are no related articles', async () => {
    // Article 1 is the newest of its category.
    const element = await fixture<RelatedList>(
      html`<related-list
        api=${api}
        article-id="1"
        strategy="newer"
        loading="eager"
      ></related-list>`,
    );
    const task = (element as unknown as { items: { status: number; value?: unknown[] } }).items;
    await until(() => task.status === 2 && Array.isArray(task.value), 'loaded');
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('a, button, [tabindex], h2, ul')).to.have.length(0);
    expect(element.getBoundingClientRect().height).to.equal(0);
  });

  it('shows an alert with a retry when the backend fails', async () => {
    await server({ failNext: 100 });
    const element = await fixture<RelatedList>(
      html`<related-list api=${api} article-id="12" loading="eager"></related-list>`,
    );
    await until(() => !!shadow(element).querySelector('[role="alert"] button'), 'retry');
    expect(shadow(element).querySelector('[role="alert"]')!.textContent).to.include(
      'Máy chủ dữ liệu đang gặp sự cố (lỗi 503)',
    );
    expect(violations(await runAxe(element))).to.deep.equal([]);
    await server({ failNext: 0 });
    shadow(element).querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await loaded(element);
  });

  it('keeps focus after "Thử lại": on the new retry button, then on the heading of the list', async () => {
    await server({ failNext: 100 });
    const element = await fixture<RelatedList>(
      html`<related-list api=${api} article-id="12" loading="eager"></related-list>`,
    );
    const retryButton = () => shadow(element).querySelector<HTMLButtonElement>('[part~="retry"]');
    await until(() => !!retryButton(), 'retry offered');
    retryButton()!.focus();
    await sendKeys({ press: 'Enter' });
    await until(
      () => !!retryButton() && shadow(element).activeElement === retryButton(),
      'failed again',
    );
    await server({ failNext: 0 });
    await sendKeys({ press: 'Enter' });
    await loaded(element);
    await until(
      () => shadow(element).activeElement === shadow(element).querySelector('h2'),
      'focus on the heading',
    );
    expect(document.activeElement).to.equal(element);
    await sendKeys({ press: 'Tab' });
    expect(shadow(element).activeElement, 'Tab goes on to the first link').to.equal(
      links(element)[0],
    );
  });

  it('takes its heading from the heading attribute or slot, in English pages too', async () => {
    const named = await fixture<RelatedList>(
      html`<related-list api=${api} article-id="12" heading="Tin cùng chủ đề"></related-list>`,
    );
    await loaded(named);
    expect(shadow(named).querySelector('h2')!.textContent!.trim()).to.equal('Tin cùng chủ đề');
    const holder = await fixture<HTMLDivElement>(
      html`<div lang="en"><related-list api=${api} article-id="12"></related-list></div>`,
    );
    const english = holder.querySelector('related-list')!;
    await loaded(english);
    expect(shadow(english).querySelector('h2')!.textContent!.trim()).to.equal('Related articles');
    const date = shadow(english).querySelector('time')!;
    expect(date.textContent!.trim(), 'month by name in English').to.equal(
      new Date(date.dateTime).toLocaleDateString('en', { dateStyle: 'long' }),
    );
    expect(date.textContent).to.match(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    expect(shadow(named).querySelector('time')!.textContent!.trim()).to.match(
      /^\d{2}\/\d{2}\/\d{4}$/,
    );
  });

  it('lists a WordPress post’s related posts, linking to their own pages', async () => {
    const site = new URL('/wp-site', location.href).href;
    const element = await fixture<RelatedList>(
      html`<related-list
        backend="wordpress"
        api=${site}
        article-id="102"
        strategy="category"
        loading="eager"
      ></related-list>`,
    );
    await loaded(element);
    expect(links(element).map((link) => link.href)).to.have.members([
      'http://wp.example/le-hoi-mua-xuan/',
      'http://wp.example/tiem-chung-mo-rong/',
    ]);
  });

  it('shows lazy, sized thumbnails in the cards layout', async () => {
    const element = await fixture<RelatedList>(
      html`<related-list api=${api} article-id="12" layout="cards"></related-list>`,
    );
    await loaded(element);
    const image = shadow(element).querySelector('img')!;
    expect([
      image.loading,
      image.getAttribute('width'),
      image.getAttribute('height'),
      image.alt,
    ]).to.deep.equal(['lazy', '96', '54', '']);
    expect(violations(await runAxe(element))).to.deep.equal([]);
  });

  it('links and shows images only at http(s) addresses, whatever the backend sends', async () => {
    const hits: string[] = [];
    (window as unknown as { xssHit: (id: string) => void }).xssHit = (id) => hits.push(id);
    const element = await fixture<RelatedList>(
      html`<related-list
        backend="hostile-related"
        api=${api}
        article-id="12"
        layout="cards"
        loading="eager"
      ></related-list>`,
    );
    await loaded(element);
    expect(links(element)).to.have.length(HOSTILE_URLS.length);
    addEventListener('click', stayOnPage);
    try {
      for (const link of links(element)) {
        expect(isNeutralAddress(link.getAttribute('href')), link.getAttribute('href')!).to.equal(
          true,
        );
        link.click();
      }
    } finally {
      removeEventListener('click', stayOnPage);
    }
    for (const image of shadow(element).querySelectorAll('img')) {
      expect(isNeutralAddress(image.getAttribute('src')), image.getAttribute('src')!).to.equal(
        true,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hits, 'addresses that ran').to.deep.equal([]);
  });
});
