// What Safari does that the other engines do not, acted out in every engine so that each
// behaviour is checked wherever the tests run, and in WebKit as Safari itself.
import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { BackendError, registerBackend } from '../src/backend/index.js';
import '../src/elements/star-rating/star-rating.define.js';
import type { StarRating } from '../src/elements/star-rating/star-rating.js';
import {
  closePages,
  engine,
  openPage,
  part,
  referenceServer,
  reloadPage,
  until,
  type FramePage,
} from './helpers.js';

const shadow = (element: Element) => element.shadowRoot!;
const radios = (element: Element) => [
  ...shadow(element).querySelectorAll<HTMLInputElement>('input[type="radio"]'),
];
const status = (element: Element) =>
  (shadow(element).querySelector('[role="status"]')?.textContent ?? '').trim();
const ready = (element: Element) =>
  until(() => radios(element).length === 5 && !radios(element)[0].disabled, 'ready to vote');

/** The centre of an element, in this page's coordinates, for real mouse input. */
function centre(element: Element): [number, number] {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

/** Safari (macOS and iOS) focuses no button or radio on a click; any engine does so here. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

describe('as in Safari', () => {
  let api: string;
  beforeEach(async () => {
    ({ url: api } = await referenceServer({ reset: true, delayMs: 0, failNext: 0 }));
    localStorage.clear();
    document.addEventListener('mousedown', keepFocus, true);
  });
  afterEach(() => {
    document.removeEventListener('mousedown', keepFocus, true);
    closePages();
    localStorage.clear();
  });

  describe('a click focuses neither a star nor "Thử lại"', () => {
    it('after a vote by click, focus is on the words that say how it went', async () => {
      const element = await fixture<StarRating>(
        html`<star-rating api=${api} article-id="15"></star-rating>`,
      );
      await ready(element);
      const focusedStars: Element[] = [];
      shadow(element).addEventListener('focusin', (event) => {
        if ((event.target as Element).matches('input')) focusedStars.push(event.target as Element);
      });
      await sendMouse({ type: 'click', position: centre(radios(element)[3]) });
      await sendMouse({ type: 'move', position: [0, 0] });
      await until(() => status(element).startsWith('Cảm ơn'), 'voted by click');
      await element.updateComplete;
      expect(focusedStars, 'the click focused no star').to.deep.equal([]);
      expect(document.activeElement).to.equal(element);
      expect(shadow(element).activeElement).to.equal(
        shadow(element).querySelector('[part="status"]'),
      );
    });

    it('after "Thử lại" by click, focus is on the new button when it fails again, then on the stars', async () => {
      let failures = 2;
      registerBackend('fails-twice-on-click', () => ({
        capabilities: { rating: 'write', related: [] },
        getArticle: async () => Promise.reject(new BackendError('unsupported', 'no articles')),
        getRelated: async () => [],
        getRating: async () => {
          if (failures > 0) {
            failures -= 1;
            throw new BackendError('network', 'down');
          }
          return { total: 0, count: 0, average: 0, open: true };
        },
        rate: async () => Promise.reject(new BackendError('invalid', 'no')),
      }));
      const element = await fixture<StarRating>(
        html`<star-rating
          backend="fails-twice-on-click"
          api="https://x.example"
          article-id="1"
        ></star-rating>`,
      );
      const retry = () => shadow(element).querySelector<HTMLButtonElement>('[part="retry"]');
      await until(() => !!retry(), 'error shown');
      const first = retry()!;
      await sendMouse({ type: 'click', position: centre(first) });
      await until(
        () => !!retry() && retry() !== first && shadow(element).activeElement === retry(),
        'failed again, focus on the new "Thử lại"',
      );
      await sendMouse({ type: 'click', position: centre(retry()!) });
      await ready(element);
      await element.updateComplete;
      expect(document.activeElement).to.equal(element);
      expect(shadow(element).activeElement).to.equal(radios(element)[0]);
    });
  });

  describe('storage written by script is removed after 7 days without a visit', () => {
    const contrastOf = (page: FramePage) =>
      page.document.documentElement.getAttribute('data-pw-contrast');
    const rootSize = (page: FramePage) =>
      parseFloat(page.window.getComputedStyle(page.document.documentElement).fontSize);

    it('brings back the visitor’s own text size and contrast, with nothing broken', async () => {
      let page = await openPage('/test/fixtures/rem-page.html');
      const own = rootSize(page);
      part(page.document.querySelector('font-scaler')!, 'increase').click();
      part(page.document.querySelector('contrast-toggle')!, 'increase').click();
      await until(() => contrastOf(page) === 'more' && rootSize(page) > own, 'both chosen');
      page = await reloadPage(page);
      expect(contrastOf(page), 'kept while the visitor comes back').to.equal('more');

      localStorage.clear();
      page = await reloadPage(page);
      expect(rootSize(page)).to.equal(own);
      expect(contrastOf(page)).to.equal('normal');
      expect(page.window.pageErrors).to.deep.equal([]);
    });

    it('loses a vote still waiting to be sent, and offers the stars again', async () => {
      const element = await fixture<StarRating>(
        html`<star-rating api=${api} article-id="16"></star-rating>`,
      );
      await ready(element);
      await referenceServer({ failNext: 1 });
      radios(element)[2].click();
      await until(() => status(element).startsWith('Máy chủ đang gặp lỗi'), 'kept for later');
      element.remove();

      localStorage.clear();
      const reopened = await fixture<StarRating>(
        html`<star-rating api=${api} article-id="16"></star-rating>`,
      );
      await ready(reopened);
      dispatchEvent(new Event('online'));
      await reopened.updateComplete;
      const summary = await (
        await fetch(`${api}/articles/16/rating`, { cache: 'no-store' })
      ).json();
      expect(summary, 'the kept vote never sent').to.include({ total: 0, count: 0 });
      expect(radios(reopened).some((radio) => radio.checked)).to.equal(false);
      expect(status(reopened)).to.equal('');
    });
  });

  it('has no forced-colours mode in WebKit, so the high-contrast theme is the visitor’s only one', async function () {
    // Chromium and Firefox have forced colours; their tests check that it is left alone.
    if (engine !== 'webkit') this.skip();
    expect(matchMedia('(forced-colors: active)').matches).to.equal(false);
    const page = await openPage('/test/fixtures/rem-page.html');
    const text = page.document.getElementById('body-text')!;
    expect(page.window.getComputedStyle(text).color).to.equal('rgb(34, 34, 34)');
    part(page.document.querySelector('contrast-toggle')!, 'increase').click();
    await until(
      () => page.window.getComputedStyle(text).color === 'rgb(0, 0, 0)',
      'the page’s own text in the theme’s colour',
    );
  });
});
