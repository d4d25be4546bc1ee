import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  BackendError,
  registerBackend,
  type Backend,
  type RatingSummary,
} from '../src/backend/index.js';
import '../src/elements/article-view/article-view.define.js';
import '../src/elements/related-list/related-list.define.js';
import '../src/elements/star-rating/star-rating.define.js';
import type { StarRating } from '../src/elements/star-rating/star-rating.js';
import { getPagePreferences } from '../src/prefs/page-preferences.js';
import {
  accessibilityTree,
  emulateMediaFeatures,
  findNode,
  runAxe,
  until,
  violations,
  referenceServer,
} from './helpers.js';

const server = referenceServer;

const shadow = (element: Element) => element.shadowRoot!;
const radios = (element: Element) => [
  ...shadow(element).querySelectorAll<HTMLInputElement>('input[type="radio"]'),
];
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const status = (element: Element) => text(shadow(element).querySelector('[role="status"]'));
const summaryText = (element: Element) => text(shadow(element).querySelector('[part="summary"]'));

/** WCAG contrast ratio of two computed rgb() colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((channel) => {
        const value = Number(channel) / 255;
        return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}
const ready = (element: Element) =>
  until(() => radios(element).length === 5 && !radios(element)[0].disabled, 'ready to vote');
const votesTo = (requests: string[], id: number) =>
  requests.filter((line) => line.startsWith('POST') && line.endsWith(`/articles/${id}/votes`));

async function serverSummary(api: string, id: number): Promise<RatingSummary> {
  return (await fetch(`${api}/articles/${id}/rating`)).json();
}

/** Clicks a star as a pointer does. */
function clickStar(element: Element, score: number): void {
  const label = shadow(element).querySelectorAll<HTMLLabelElement>('label')[score - 1];
  label.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
  label.click();
}

let refusal: BackendError | undefined;
registerBackend('refusing', () => {
  const summary: RatingSummary = { total: 7, count: 2, average: 3.5, open: true };
  return {
    capabilities: { rating: 'write', related: [] },
    getArticle: async () => Promise.reject(new BackendError('unsupported', 'no articles')),
    getRelated: async () => [],
    getRating: async () => summary,
    rate: async () => Promise.reject(refusal),
  } satisfies Backend;
});

describe('star-rating', () => {
  let api: string;
  beforeEach(async () => {
    ({ url: api } = await server({ reset: true, delayMs: 0, failNext: 0 }));
    localStorage.clear();
  });
  afterEach(async () => {
    getPagePreferences().store.setContrast('normal');
    await emulateMediaFeatures({ 'forced-colors': '' });
  });

  it('outlines its stars at 3:1 or better on a white page', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="1"></star-rating>`,
    );
    await ready(element);
    const stroke = getComputedStyle(shadow(element).querySelector('label svg')!).stroke;
    expect(contrast(stroke, 'rgb(255, 255, 255)')).to.be.at.least(3);
    clickStar(element, 2);
    await until(() => status(element).startsWith('Cảm ơn'), 'voted');
    const fill = getComputedStyle(shadow(element).querySelector('.fill svg')!).fill;
    expect(contrast(fill, 'rgb(255, 255, 255)')).to.be.at.least(3);
  });

  it('is a radio group named "Đánh giá bài viết" with exactly five radios, and a labelled average', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="1"></star-rating>`,
    );
    await ready(element);
    const group = findNode(
      await accessibilityTree(),
      (node) => node.role === 'radiogroup' && node.name === 'Đánh giá bài viết',
    );
    expect(group, 'named group').to.exist;
    const radioNodes: string[] = [];
    const collect = (node: { role: string; name: string; children: never[] }) => {
      if (node.role === 'radio') radioNodes.push(node.name);
      node.children.forEach(collect);
    };
    collect(group as never);
    expect(radioNodes).to.deep.equal(['1 sao', '2 sao', '3 sao', '4 sao', '5 sao']);
    expect(summaryText(element)).to.equal('Tổng số điểm của bài viết là: 0 trong 0 đánh giá');
    const average = shadow(element).querySelector('[role="img"]')!;
    expect(average.getAttribute('aria-label')).to.equal(
      'Điểm trung bình 0,0 trên 5 (0 lượt đánh giá)',
    );
    expect(average.querySelector('[tabindex], input, button')).to.equal(null);
    expect(shadow(element).textContent).to.include('Click để đánh giá bài viết');
    expect(violations(await runAxe(element))).to.deep.equal([]);
  });

  it('follows the APG keys: Tab in, arrows choose (and wrap) without sending, Enter sends', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="2"></star-rating>`,
    );
    await ready(element);
    const changes: string[] = [];
    element.addEventListener('change', () => changes.push(element.value));
    radios(element)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(shadow(element).activeElement).to.equal(radios(element)[3]);
    expect(radios(element)[3].checked).to.equal(true);
    expect(votesTo((await server()).requests, 2), 'choosing is not voting').to.have.length(0);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await until(() => status(element).startsWith('Cảm ơn'), 'confirmed');
    expect(changes).to.deep.equal(['4']);
    expect(await serverSummary(api, 2)).to.include({ total: 4, count: 1 });
    expect(summaryText(element)).to.equal('Tổng số điểm của bài viết là: 4 trong 1 đánh giá');
  });

  it('wraps from the last star to the first, and Space sends', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="3"></star-rating>`,
    );
    await ready(element);
    radios(element)[4].focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(radios(element)[0].checked).to.equal(true);
    await sendKeys({ press: 'Space' });
    await until(() => status(element).startsWith('Cảm ơn'), 'confirmed');
    expect(await serverSummary(api, 3)).to.include({ total: 1, count: 1 });
  });

  it('votes on a click, says so, fires pw-rating-change, and offers no second vote', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="4"></star-rating>`,
    );
    await ready(element);
    await server({ delayMs: 300 });
    const confirmed = oneEvent(element, 'pw-rating-change');
    clickStar(element, 5);
    await element.updateComplete;
    expect(status(element)).to.equal('Đang gửi đánh giá…');
    expect(radios(element)[4].checked, 'the chosen stars stay lit while sending').to.equal(true);
    expect(summaryText(element), 'unchanged until confirmed').to.include('0 trong 0');
    const { detail } = await confirmed;
    await server({ delayMs: 0 });
    expect(detail).to.deep.equal({
      score: 5,
      summary: { total: 5, count: 1, average: 5, open: true, yourScore: 5 },
    });
    await element.updateComplete;
    expect(status(element)).to.equal('Cảm ơn bạn đã đánh giá 5 sao.');
    expect(shadow(element).textContent)
      .to.include('Bạn đã đánh giá bài viết này rồi')
      .and.include('Bạn đã chấm 5 sao.');
    expect(radios(element), 'no way to vote again').to.have.length(0);
    expect(violations(await runAxe(element))).to.deep.equal([]);
  });

  it('fires no change when the value is set from code', async () => {
    const element = await fixture<StarRating>(html`<star-rating backend="none"></star-rating>`);
    let changes = 0;
    element.addEventListener('change', () => (changes += 1));
    element.value = '3';
    await element.updateComplete;
    expect(radios(element)[2].checked).to.equal(true);
    expect(changes).to.equal(0);
  });

  it('politely refuses a second vote from the same visitor, showing the current summary', async () => {
    const first = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="5"></star-rating>`,
    );
    await ready(first);
    clickStar(first, 4);
    await until(() => status(first).startsWith('Cảm ơn'), 'first vote');
    first.remove();
    // The page forgot the vote (storage of votes cleared), but the voter token is the same.
    localStorage.removeItem('portal-widgets.given-votes');
    const again = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="5"></star-rating>`,
    );
    await ready(again);
    clickStar(again, 1);
    await until(() => status(again) === 'Bạn đã đánh giá bài viết này rồi', 'refused politely');
    expect(shadow(again).textContent).to.include('Bạn đã chấm 4 sao.');
    expect(await serverSummary(api, 5)).to.include({ total: 4, count: 1 });
  });

  it('returns exactly to its previous state when the backend refuses, and says why', async () => {
    refusal = new BackendError('invalid', 'refused');
    const element = await fixture<StarRating>(
      html`<star-rating backend="refusing" api="https://x.example" article-id="1"></star-rating>`,
    );
    await ready(element);
    const before = shadow(element).querySelector('.base')!.innerHTML;
    clickStar(element, 2);
    await until(
      () => status(element) === 'Không gửi được đánh giá. Vui lòng thử lại sau.',
      'refusal announced',
    );
    expect(element.value).to.equal('');
    expect(radios(element).some((radio) => radio.checked)).to.equal(false);
    expect(radios(element).every((radio) => !radio.disabled)).to.equal(true);
    expect(summaryText(element)).to.include('7 trong 2');
    expect(
      shadow(element)
        .querySelector('.base')!
        .innerHTML.replace(/<!--\?lit\$\d+\$-->/g, '')
        .replace(/<p part="status"[^]*$/, ''),
    ).to.equal(before.replace(/<!--\?lit\$\d+\$-->/g, '').replace(/<p part="status"[^]*$/, ''));
    refusal = new BackendError('rating-closed', 'closed');
    clickStar(element, 3);
    await until(() => status(element) === 'Bài viết đã ngừng nhận đánh giá.', 'closed announced');
    expect(radios(element)).to.have.length(0);
  });

  it('keeps a vote made offline and delivers it exactly once when the connection returns', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="6"></star-rating>`,
    );
    await ready(element);
    await server({ failNext: 1 });
    clickStar(element, 3);
    await until(() => status(element).startsWith('Chưa gửi được'), 'queued');
    expect(radios(element)[2].checked, 'shown as chosen').to.equal(true);
    expect(summaryText(element), 'not shown as counted').to.include('0 trong 0');
    expect(JSON.parse(localStorage.getItem('portal-widgets.pending-votes')!)).to.be.an('object')
      .that.is.not.empty;

    // Another element for the same article opens (a reload) while the connection returns.
    const reopened = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="6"></star-rating>`,
    );
    dispatchEvent(new Event('online'));
    await until(
      () => status(element).startsWith('Cảm ơn') || status(reopened).startsWith('Cảm ơn'),
      'delivered',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await serverSummary(api, 6)).to.include({ total: 3, count: 1 });
    const attempts = votesTo((await server()).requests, 6);
    expect(attempts.length, 'the failed try, then one delivery').to.be.at.most(3);
    expect(localStorage.getItem('portal-widgets.pending-votes')).to.equal('{}');
  });

  it('delivers a kept vote when the page is next opened', async () => {
    // The queue as an earlier visit left it: client key (adapter and address) and article id.
    localStorage.setItem(
      'portal-widgets.pending-votes',
      JSON.stringify({ [`rest|${new URL(api).href}|7`]: 2 }),
    );
    const reopened = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="7"></star-rating>`,
    );
    await until(() => status(reopened).startsWith('Cảm ơn'), 'delivered on open');
    expect(await serverSummary(api, 7)).to.include({ total: 2, count: 1 });
    expect(votesTo((await server()).requests, 7)).to.have.length(1);
  });

  it('is read-only with the readonly attribute: average only, nothing to focus, scrolling free', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="8" readonly></star-rating>`,
    );
    await until(() => !!shadow(element).querySelector('[role="img"]'), 'average shown');
    expect(shadow(element).querySelectorAll('input, button, [tabindex]')).to.have.length(0);
    expect(shadow(element).textContent).to.include('Trang này chỉ hiển thị điểm đánh giá');
    expect(getComputedStyle(element).touchAction).to.not.equal('none');
    for (const node of shadow(element).querySelectorAll('*')) {
      expect(getComputedStyle(node).touchAction).to.not.equal('none');
    }
    expect(violations(await runAxe(element))).to.deep.equal([]);
  });

  it('is read-only where the backend cannot take votes (a static folder), and says so', async () => {
    const folder = new URL('/test/fixtures/static-api/', location.href).href;
    const element = await fixture<StarRating>(
      html`<star-rating backend="static" api=${folder} article-id="7"></star-rating>`,
    );
    await until(() => !!shadow(element).querySelector('[role="img"]'), 'average shown');
    expect(shadow(element).querySelector('[role="img"]')!.getAttribute('aria-label')).to.equal(
      'Điểm trung bình 4,5 trên 5 (2 lượt đánh giá)',
    );
    expect(shadow(element).querySelectorAll('input')).to.have.length(0);
    expect(shadow(element).textContent).to.include('Bài viết đã ngừng nhận đánh giá');
  });

  it('works as a form control without a backend', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><star-rating backend="none" name="diem" required></star-rating></form>`,
    );
    const element = form.querySelector('star-rating')!;
    await element.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    clickStar(element, 4);
    await element.updateComplete;
    expect(new FormData(form).get('diem')).to.equal('4');
    expect(form.checkValidity()).to.equal(true);
    form.reset();
    await element.updateComplete;
    expect(element.value).to.equal('');
    expect(new FormData(form).get('diem')).to.equal(null);
  });

  it('gives each star a 24 × 24 px target and a visible focus ring', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="9" style="font-size: 10px"></star-rating>`,
    );
    await ready(element);
    for (const label of shadow(element).querySelectorAll('label')) {
      const { width, height } = label.getBoundingClientRect();
      expect(Math.min(width, height)).to.be.at.least(24);
    }
    radios(element)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(
      getComputedStyle(shadow(element).querySelectorAll('label svg')[1]).outlineStyle,
    ).to.equal('solid');
  });

  it('keeps 3:1 stars and AAA text in high contrast, and uses system colours when forced', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="10"></star-rating>`,
    );
    await ready(element);
    getPagePreferences().store.setContrast('more');
    await element.updateComplete;
    const enhanced = await runAxe(element, {
      runOnly: {
        type: 'rule',
        values: ['color-contrast-enhanced', 'color-contrast'],
      },
    });
    expect(violations(enhanced)).to.deep.equal([]);
    const star = () => getComputedStyle(shadow(element).querySelector('label svg')!).stroke;
    const page = getComputedStyle(document.body).backgroundColor;
    expect(
      contrast(star(), page === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : page),
    ).to.be.at.least(3);
    await emulateMediaFeatures({ 'forced-colors': 'active' });
    expect(star()).to.equal(getComputedStyle(element).color);
    expect(violations(await runAxe(element))).to.deep.equal([]);
  });

  it('speaks English in an English page', async () => {
    const holder = await fixture<HTMLDivElement>(
      html`<div lang="en"><star-rating api=${api} article-id="11"></star-rating></div>`,
    );
    const element = holder.querySelector('star-rating')!;
    await ready(element);
    expect(summaryText(element)).to.equal('This article has 0 points from 0 ratings');
    expect(text(shadow(element).querySelector('.legend'))).to.equal('Rate this article');
    clickStar(element, 1);
    await until(() => status(element).startsWith('Thank'), 'voted');
    expect(status(element)).to.equal('Thank you for rating 1 star.');
    expect(summaryText(element)).to.equal('This article has 1 point from 1 rating');
    expect(shadow(element).querySelector('[part="average"]')!.getAttribute('aria-label')).to.equal(
      'Average 1.0 out of 5 (1 rating)',
    );
    expect(text(shadow(element).querySelector('.note'))).to.equal(
      'You have already rated this article. Your rating: 1 star.',
    );
  });

  it('shares one article request and one related request with article-view and related-list', async () => {
    await fixture(
      html`<div>
        <article-view api=${api} article-id="12"></article-view>
        <star-rating api=${api} article-id="12"></star-rating>
        <related-list api=${api} article-id="12" loading="eager"></related-list>
      </div>`,
    );
    const rating = document.querySelector('star-rating')!;
    await ready(rating);
    await until(
      () => document.querySelector('related-list')!.shadowRoot!.querySelectorAll('a').length > 0,
      'related',
    );
    await until(
      () => !!document.querySelector('article-view')!.shadowRoot!.querySelector('h1'),
      'article',
    );
    const requests = (await server()).requests.filter(
      (line) => line.startsWith('GET') && line.includes('/articles/12'),
    );
    expect(requests).to.have.length(2);
    expect(requests.filter((line) => /\/articles\/12$/.test(line))).to.have.length(1);
    expect(requests.filter((line) => line.includes('/related'))).to.have.length(1);
  });
});
