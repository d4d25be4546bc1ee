import { expect } from '@open-wc/testing';
import {
  clearPreferences,
  closePages,
  openPage,
  part,
  referenceServer,
  runAxe,
  until,
  violations,
  type FramePage,
} from './helpers.js';

// The designers' pages: the states gallery against the real (misbehaving) reference server,
// and the playground and theming pages built from custom-elements.json.
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: { name: string }[];
  cssProperties?: { name: string }[];
  cssParts?: { name: string }[];
}
const manifest = (await (await fetch('/custom-elements.json')).json()) as {
  modules: { declarations?: Declaration[] }[];
};
const declarations = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName);

const shadow = (element: Element | null | undefined) => element?.shadowRoot;
const text = (element: Element | null | undefined) =>
  (shadow(element)?.textContent ?? '').replace(/\s+/g, ' ');

describe('demo: states gallery', () => {
  let page: FramePage;
  const cell = (state: string, lang: 'vi' | 'en') =>
    page.document.querySelector(`[data-state="${state}"][lang="${lang}"]`)!;

  before(async () => {
    await referenceServer({ reset: true });
    clearPreferences();
    localStorage.clear();
    page = await openPage('/demo/states.html', 1200, 900);
  });
  after(() => {
    closePages();
    localStorage.clear();
  });

  it('shows loading from a slow server, then errors from a down and a garbage server', async () => {
    const loading = cell('loading', 'vi').querySelector('star-rating')!;
    expect(shadow(loading)?.querySelector('[aria-busy="true"]'), 'busy while the server waits').to
      .exist;
    for (const lang of ['vi', 'en'] as const) {
      for (const element of cell('down', lang).querySelectorAll('article-view, star-rating')) {
        await until(() => !!shadow(element)?.querySelector('[role="alert"]'), `down ${lang}`, 8000);
        expect(shadow(element)!.querySelector('[part~="retry"]'), 'retry offered').to.exist;
      }
    }
    const garbage = cell('garbage', 'en').querySelector('star-rating')!;
    await until(() => !!shadow(garbage)?.querySelector('[role="alert"]'), 'garbage', 8000);
    expect(text(garbage)).to.include('a web page instead of the data');
  });

  it('shows not found, and an empty related list with nothing to focus', async () => {
    const article = cell('not-found', 'vi').querySelector('article-view')!;
    await until(() => text(article).includes('Không tìm thấy bài viết'), 'not found');
    expect(shadow(article)!.querySelector('[part~="retry"]'), 'no retry for not found').to.not
      .exist;
    const related = cell('empty', 'en').querySelector('related-list')!;
    // Loading first (it has room then), then nothing at all once the empty answer is in.
    await until(
      () => !!shadow(related) && related.getBoundingClientRect().height === 0,
      'the empty list takes no room',
      5000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; it shows: ${shadow(related)?.innerHTML ?? ''}`);
    });
    expect(shadow(related)!.querySelectorAll('a, button, [tabindex]').length).to.equal(0);
  });

  it('plays a vote, a returning visitor, read-only and a vote kept offline, in both languages', async () => {
    const rated = cell('rated', 'vi').querySelector('star-rating')!;
    await until(() => text(rated).includes('Cảm ơn bạn đã đánh giá 4 sao'), 'thanks', 6000);
    const already = () => cell('already', 'en').querySelector('star-rating')!;
    await until(
      () => !already().hidden && text(already()).includes('You have already rated'),
      'a returning visitor',
      6000,
    );
    const readOnly = cell('read-only', 'vi').querySelector('star-rating')!;
    await until(() => text(readOnly).includes('Tổng số điểm'), 'summary');
    expect(shadow(readOnly)!.querySelectorAll('input').length).to.equal(0);
    const offline = cell('offline', 'en').querySelector('star-rating')!;
    await until(() => text(offline).includes('Not sent: you are offline'), 'queued', 8000);
    const pending = JSON.parse(localStorage.getItem('portal-widgets.pending-votes') ?? '{}');
    expect(Object.values(pending)).to.include(3);
  });

  it('has no accessibility violations with every state shown, in normal and high contrast', async () => {
    expect(violations(await runAxe(page))).to.deep.equal([]);
    part(page.document.querySelector('contrast-toggle')!, 'increase').click();
    await until(
      () => page.document.documentElement.dataset.pwContrast === 'more',
      'high contrast on',
    );
    expect(violations(await runAxe(page))).to.deep.equal([]);
  });
});

describe('demo: playground', () => {
  afterEach(() => {
    closePages();
    clearPreferences();
  });

  it('offers every attribute, CSS property and part of the manifest, live, with markup', async () => {
    const page = await openPage('/demo/playground.html?tag=related-list', 1200, 900);
    const form = page.document.getElementById('controls') as HTMLFormElement;
    const related = declarations.find(({ tagName }) => tagName === 'related-list')!;
    await until(() => form.elements.length > 0, 'controls built');
    for (const { name } of [...related.attributes!, ...related.cssProperties!]) {
      expect(form.elements.namedItem(name), name).to.exist;
    }
    expect(form.querySelectorAll('[data-part]').length).to.equal(related.cssParts!.length);
    const layout = form.elements.namedItem('layout') as HTMLSelectElement;
    layout.value = 'cards';
    layout.dispatchEvent(new Event('change', { bubbles: true }));
    const preview = page.document.querySelector('#preview related-list')!;
    expect(preview.getAttribute('layout')).to.equal('cards');
    const markup = (page.document.getElementById('markup') as HTMLTextAreaElement).value;
    expect(markup).to.include('<related-list').and.include('layout="cards"');
    expect(markup).to.include('article-id="1"');
    const hints = [...form.querySelectorAll('.hint')];
    expect(hints.map((hint) => hint.textContent).join(' '), 'names shown as code').not.to.include(
      '`',
    );
    expect(hints.some((hint) => hint.querySelector('code'))).to.equal(true);
    expect(violations(await runAxe(page))).to.deep.equal([]);
  });

  it('logs the element’s events', async () => {
    const page = await openPage('/demo/playground.html?tag=font-scaler', 1200, 900);
    const scaler = await until(
      () => !!page.document.querySelector('#preview font-scaler')?.shadowRoot,
      'preview',
    ).then(() => page.document.querySelector('#preview font-scaler')!);
    part(scaler, 'increase').click();
    await until(
      () => page.document.getElementById('events')!.textContent!.includes('pw-text-scale-change'),
      'event logged',
    );
  });
});

describe('demo: theming', () => {
  afterEach(() => {
    closePages();
    clearPreferences();
  });

  it('edits every --pw-* token live on all five elements and gives the CSS', async () => {
    const page = await openPage('/demo/theming.html', 1200, 900);
    const tokens = new Set(
      declarations.flatMap(({ cssProperties = [] }) => cssProperties.map(({ name }) => name)),
    );
    const form = page.document.getElementById('tokens') as HTMLFormElement;
    await until(() => form.elements.length > 0, 'controls built');
    expect(form.querySelectorAll('input:not([type="color"])').length).to.equal(tokens.size);
    const rating = page.document.querySelector('star-rating')!;
    await until(() => text(rating).includes('Tổng số điểm'), 'rating loaded');
    const input = form.elements.namedItem('--pw-color-text') as HTMLInputElement;
    input.value = 'rgb(0, 100, 0)';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const summary = rating.shadowRoot!.querySelector('[part~="summary"]')!;
    expect(getComputedStyle(summary).color).to.equal('rgb(0, 100, 0)');
    expect((page.document.getElementById('css') as HTMLTextAreaElement).value).to.include(
      '--pw-color-text: rgb(0, 100, 0);',
    );
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(violations(await runAxe(page))).to.deep.equal([]);
  });
});
