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
interface Item {
  name: string;
  description?: string;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Item[];
  cssProperties?: Item[];
  cssParts?: Item[];
  events?: Item[];
}
const manifest = (await (await fetch('/custom-elements.json')).json()) as {
  modules: { declarations?: Declaration[] }[];
};
const declarations = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName);

const shadow = (element: Element | null | undefined) => element?.shadowRoot;
/** A manifest description as the pages show it: `names` become code, the backticks go. */
const shown = (item: Item) => (item.description ?? '').replaceAll('`', '');
const VIETNAMESE_LETTERS = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const text = (element: Element | null | undefined) =>
  (shadow(element)?.textContent ?? '').replace(/\s+/g, ' ');

describe('demo: states gallery', () => {
  let page: FramePage;
  const cell = (state: string, lang: 'vi' | 'en') =>
    page.document.querySelector(`[data-state="${state}"][lang="${lang}"]`)!;

  /** Every sample article's rating count, read from the real API. */
  const voteCounts = () =>
    Promise.all(
      Array.from({ length: 25 }, async (_, index) => {
        const response = await fetch(`/demo/api/v1/articles/${index + 1}/rating`);
        return ((await response.json()) as { count: number }).count;
      }),
    );
  let countsBefore: number[];

  before(async () => {
    await referenceServer({ reset: true });
    clearPreferences();
    localStorage.clear();
    countsBefore = await voteCounts();
    page = await openPage('/demo/states.html', 1200, 900);
  });
  after(() => {
    closePages();
    localStorage.clear();
  });

  it('shows loading from a slow server, then errors from a down and a garbage server', async () => {
    const loading = cell('loading', 'vi').querySelector('star-rating')!;
    // The slow server holds its answer for seconds: the element is busy until then.
    await until(
      () => !!shadow(loading)?.querySelector('[aria-busy="true"]'),
      'busy while the server waits',
      5000,
    );
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
      () => !already().hidden && text(already()).includes('You rated this article 4 stars.'),
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

  it('shows read-aloud with two recordings to choose from, and without any way to listen: a line, or nothing', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const recorded = cell('listen-recordings', lang).querySelector('read-aloud')!;
      await until(() => !!shadow(recorded)?.querySelector('audio'), `recordings ${lang}`);
      const voices = shadow(recorded)!.querySelector('select[part="voice"]')!;
      expect(
        [...voices.querySelectorAll('option')].map((option) => option.textContent),
      ).to.deep.equal(['Giọng nữ', 'Giọng nam']);
      const unsupported = cell('listen-unsupported', lang).querySelector('read-aloud')!;
      await until(
        () => !!shadow(unsupported)?.querySelector('[part="unsupported"]'),
        `unsupported ${lang}`,
        4000,
      );
      const hidden = cell('listen-hidden', lang).querySelector('read-aloud')!;
      expect(hidden.getBoundingClientRect().height).to.equal(0);
    }
    expect(text(cell('listen-unsupported', 'en').querySelector('read-aloud'))).to.include(
      'no recording',
    );
  });

  it('changes no data: after the votes it plays, and a replay, every count is as before', async () => {
    const rated = cell('rated', 'en').querySelector('star-rating')!;
    await until(() => text(rated).includes('Thank you for rating 4 stars'), 'thanks', 6000);
    page.document.getElementById('replay')!.click();
    const replayed = cell('rated', 'vi').querySelector('star-rating')!;
    await until(() => text(replayed).includes('Cảm ơn bạn đã đánh giá 4 sao'), 'replayed', 6000);
    expect(await voteCounts()).to.deep.equal(countsBefore);
  });

  it('has no accessibility violations with every state shown, in normal and high contrast', async function () {
    // Two axe runs over every state take WebKit, driven through WebDriver, past the usual 10 s.
    this.timeout(40000);
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

  it('reads in Vietnamese throughout, descriptions included, and in English when chosen', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const page = await openPage(`/demo/playground.html?lang=${lang}`, 1200, 900);
      const form = page.document.getElementById('controls') as HTMLFormElement;
      await until(() => form.elements.length > 0, 'controls built');
      expect(page.document.documentElement.lang).to.equal(lang);
      expect(page.document.querySelector('h1')!.textContent).to.equal(
        lang === 'vi' ? 'Thử thuộc tính của từng phần tử' : 'Playground: every element, live',
      );
      const select = page.document.getElementById('tag') as HTMLSelectElement;
      for (const declaration of declarations) {
        select.value = declaration.tagName!;
        select.dispatchEvent(new Event('change'));
        const items = [
          ...(declaration.attributes ?? []),
          ...(declaration.cssProperties ?? []),
          ...(declaration.cssParts ?? []),
        ];
        const hints = [...form.querySelectorAll('.hint')].map((hint) => hint.textContent ?? '');
        const events = [...form.querySelectorAll('fieldset:last-of-type p')].map(
          (line) => line.textContent ?? '',
        );
        expect(hints.length, declaration.tagName).to.equal(items.length);
        for (const [index, item] of items.entries()) {
          const where = `${declaration.tagName} ${item.name} (${lang})`;
          if (lang === 'en') expect(hints[index], where).to.equal(shown(item));
          else {
            expect(hints[index], where).not.to.equal(shown(item));
            expect(hints[index], where).to.match(VIETNAMESE_LETTERS);
          }
        }
        for (const [index, event] of (declaration.events ?? []).entries()) {
          const where = `${declaration.tagName} ${event.name} (${lang})`;
          if (lang === 'en') expect(events[index], where).to.include(shown(event));
          else expect(events[index], where).not.to.include(shown(event));
        }
      }
      closePages();
    }
  });

  it('logs the element’s events', async () => {
    const page = await openPage('/demo/playground.html?tag=font-scaler', 1200, 900);
    const scaler = await until(
      () =>
        !!page.document
          .querySelector('#preview font-scaler')
          ?.shadowRoot?.querySelector('[part~="increase"]'),
      'preview rendered',
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

  it('reads in Vietnamese, and in English when chosen', async () => {
    const page = await openPage('/demo/theming.html', 1200, 900);
    const form = page.document.getElementById('tokens') as HTMLFormElement;
    await until(() => form.elements.length > 0, 'controls built');
    const hints = () => [...form.querySelectorAll('.hint')].map((hint) => hint.textContent ?? '');
    expect(page.document.querySelector('h1')!.textContent).to.equal('Màu sắc và kiểu chữ');
    for (const hint of hints()) expect(hint).to.match(VIETNAMESE_LETTERS);
    const input = form.elements.namedItem('--pw-star-size') as HTMLInputElement;
    input.value = '2em';
    const language = page.document.getElementById('lang') as HTMLSelectElement;
    language.value = 'en';
    language.dispatchEvent(new Event('change'));
    expect(page.document.documentElement.lang).to.equal('en');
    expect(page.document.querySelector('h1')!.textContent).to.equal('Colours and type');
    expect(hints().join(' ')).to.include('Size of each star (default 1.5em, never under 24px).');
    expect((form.elements.namedItem('--pw-star-size') as HTMLInputElement).value).to.equal('2em');
    const rating = page.document.querySelector('star-rating')!;
    await until(() => text(rating).includes('This article has'), 'the elements in English too');
  });
});
