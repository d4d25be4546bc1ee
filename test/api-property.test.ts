import { expect, fixture, html } from '@open-wc/testing';
import '../src/elements/article-view/article-view.define.js';
import { ArticleView } from '../src/elements/article-view/article-view.js';
import '../src/elements/related-list/related-list.define.js';
import type { RelatedList } from '../src/elements/related-list/related-list.js';
import { referenceServer, until } from './helpers.js';

const shadow = (element: Element) => element.shadowRoot!;
const title = (element: Element) => shadow(element).querySelector('h1')?.textContent?.trim() ?? '';
const alert = (element: Element) => shadow(element).querySelector('[role="alert"]');

/** What /react.js gives (web-test-runner.config.mjs): React 19 and @lit/react, as a portal's app uses them. */
interface ReactBundle {
  React: {
    createElement(type: unknown, props: Record<string, unknown>): unknown;
  };
  createRoot(container: Element): { render(node: unknown): void; unmount(): void };
  createComponent(options: Record<string, unknown>): unknown;
}

async function holder(): Promise<HTMLDivElement> {
  return fixture<HTMLDivElement>(html`<div></div>`);
}

/** The title the reference server gives an article. */
async function titleOf(api: string, id: string): Promise<string> {
  return ((await (await fetch(`${api}/articles/${id}`)).json()) as { title: string }).title;
}

describe('api and backend as properties', () => {
  let api: string;
  beforeEach(async () => {
    ({ url: api } = await referenceServer({ reset: true, delayMs: 0, failNext: 0 }));
  });

  it('article-view: api set as a property before it is connected', async () => {
    const element = document.createElement('article-view');
    element.api = api;
    element.articleId = '2';
    (await holder()).append(element);
    const expected = await titleOf(api, '2');
    await until(() => title(element) === expected || !!alert(element), 'article or alert');
    expect(alert(element)?.textContent ?? '').to.equal('');
    expect(title(element)).to.equal(expected);
    expect(element.getAttribute('api'), 'reflected').to.equal(api);
  });

  it('article-view: api set as a property after it is connected, then changed', async () => {
    const element = document.createElement('article-view');
    element.articleId = '2';
    (await holder()).append(element);
    await until(() => !!alert(element), 'no data source yet');
    element.api = api;
    const expected = await titleOf(api, '2');
    await until(() => title(element) === expected, 'article after the property is set');
    // Another backend address: the element asks it.
    element.api = new URL('/demo/demo-backends/garbage/api/v1', location.href).href;
    await until(() => !!alert(element), 'the new (broken) backend was asked');
  });

  it('article-view: the api attribute changed after connection refetches', async () => {
    const garbage = new URL('/demo/demo-backends/garbage/api/v1', location.href).href;
    const element = (await fixture<ArticleView>(
      html`<article-view api=${garbage} article-id="2"></article-view>`,
    ))!;
    await until(() => !!alert(element), 'alert from the broken backend');
    element.setAttribute('api', api);
    const expected = await titleOf(api, '2');
    await until(() => title(element) === expected, 'article from the new address');
  });

  it('article-view: backend set as a property chooses the adapter', async () => {
    const element = document.createElement('article-view');
    element.backend = 'static';
    element.api = new URL('/test/fixtures/static-api/', location.href).href;
    element.articleId = '7';
    (await holder()).append(element);
    await until(() => !!title(element) || !!alert(element), 'article or alert');
    expect(alert(element)).to.equal(null);
  });

  it('related-list: api set as a property before and after it is connected', async () => {
    const links = (element: Element) => shadow(element).querySelectorAll('a').length;
    const before = document.createElement('related-list') as RelatedList;
    before.api = api;
    before.articleId = '12';
    before.loading = 'eager';
    (await holder()).append(before);
    await until(() => links(before) > 0 || !!alert(before), 'links or alert');
    expect(alert(before)).to.equal(null);

    const after = document.createElement('related-list') as RelatedList;
    after.articleId = '12';
    after.loading = 'eager';
    (await holder()).append(after);
    await until(() => !!alert(after), 'no data source yet');
    after.api = api;
    await until(() => links(after) > 0, 'links after the property is set');
  });

  it('article-view through the React wrapper and in React 19 JSX, refetching when api changes', async () => {
    const { React, createRoot, createComponent } = (await import(
      /* @vite-ignore */ '/react.js' as string
    )) as ReactBundle;
    // As src/react/index.ts makes it.
    const ArticleViewComponent = createComponent({
      tagName: 'article-view',
      elementClass: ArticleView,
      react: React,
      events: { onPwLoad: 'pw-load', onPwError: 'pw-error' },
    });
    const garbage = new URL('/demo/demo-backends/garbage/api/v1', location.href).href;
    const expected = await titleOf(api, '2');
    for (const [name, type] of [
      ['the wrapper', ArticleViewComponent],
      ['React 19 JSX', 'article-view'],
    ] as const) {
      const container = await holder();
      const root = createRoot(container);
      try {
        root.render(React.createElement(type, { api, articleId: '2' }));
        await until(() => !!container.querySelector('article-view'), 'rendered by React');
        const element = container.querySelector('article-view')!;
        await until(() => title(element) === expected || !!alert(element), 'article or alert');
        expect(alert(element)?.textContent ?? '', name).to.equal('');
        root.render(React.createElement(type, { api: garbage, articleId: '2' }));
        await until(() => !!alert(element), 'the new (broken) backend was asked');
      } finally {
        root.unmount();
      }
    }
  });
});
