import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  BackendError,
  registerBackend,
  restBackend,
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
  type AccessibleNode,
  computedAccessibility,
  engine,
  pressShiftTab,
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
  return (await fetch(`${api}/articles/${id}/rating`, { cache: 'no-store' })).json();
}

/** Clicks a star as a pointer does: on its radio, which lies over the picture. */
function clickStar(element: Element, score: number): void {
  const radio = radios(element)[score - 1];
  radio.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
  radio.click();
}

/** The centre of a star, in the page's coordinates, for real mouse input. */
function starCentre(element: Element, score: number): [number, number] {
  const box = shadow(element).querySelectorAll('svg.star')[score - 1].getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}
const focused = (element: Element) => shadow(element).activeElement;
const castStars = (element: Element) => shadow(element).querySelectorAll('.star.on').length;
const chosenStars = (element: Element) => shadow(element).querySelectorAll('.star.chosen').length;
const pendingVotes = () => JSON.parse(localStorage.getItem('portal-widgets.pending-votes') ?? '{}');

/**
 * A failure as another copy of the BackendError class makes it (a lazily loaded adapter's): not
 * this module's class, only the mark every copy shares.
 */
function foreignFailure(code: string, summary?: RatingSummary): Error {
  return Object.assign(new Error(code), {
    name: 'BackendError',
    code,
    summary,
    [Symbol.for('portal-widgets.BackendError')]: true,
  });
}

let refusal: unknown;
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
    const stroke = getComputedStyle(shadow(element).querySelector('svg.star')!).stroke;
    expect(contrast(stroke, 'rgb(255, 255, 255)')).to.be.at.least(3);
    clickStar(element, 2);
    await until(() => status(element).startsWith('Cảm ơn'), 'voted');
    const fill = getComputedStyle(shadow(element).querySelector('.fill svg')!).fill;
    expect(contrast(fill, 'rgb(255, 255, 255)')).to.be.at.least(3);
  });

  it('has its stars in place when updateComplete resolves after the figures came', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="1"></star-rating>`,
    );
    // Read in the microtask after the figures render, before the task that brings the stars.
    const starsOnceComplete = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!shadow(element).querySelector('[part="summary"]')) return;
        observer.disconnect();
        void element.updateComplete.then(() => resolve(radios(element).length));
      });
      observer.observe(shadow(element), { childList: true, subtree: true });
    });
    expect(await starsOnceComplete).to.equal(5);
  });

  it('is a radio group named "Đánh giá bài viết" with exactly five radios, and a labelled average', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="1"></star-rating>`,
    );
    await ready(element);
    const radioNames = ['1 sao', '2 sao', '3 sao', '4 sao', '5 sao'];
    if (engine === 'webkit') {
      // WebKit's WebDriver computes each element's role and name, not the whole tree.
      const group = shadow(element).querySelector('[role="radiogroup"]')!;
      const named = await computedAccessibility([group, ...group.querySelectorAll('input')]);
      expect(named.map(({ role, name }) => `${role}:${name}`)).to.deep.equal([
        'radiogroup:Đánh giá bài viết',
        ...radioNames.map((name) => `radio:${name}`),
      ]);
    } else {
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
      expect(radioNodes).to.deep.equal(radioNames);
    }
    expect(summaryText(element)).to.equal('Tổng số điểm của bài viết là: 0 trong 0 đánh giá');
    const average = shadow(element).querySelector('[role="img"]')!;
    expect(average.getAttribute('aria-label')).to.equal(
      'Điểm trung bình 0,0 trên 5 (0 lượt đánh giá)',
    );
    expect(average.querySelector('[tabindex], input, button')).to.equal(null);
    expect(shadow(element).textContent).to.include('Click để đánh giá bài viết');
    expect(violations(await runAxe(element))).to.deep.equal([]);
  });

  it('describes its group for touch, keys and screen readers alike, and says "Click" only to the eye', async function () {
    // WebKit gives no accessibility tree over WebDriver, and its computed label holds no
    // description; Chromium and Firefox read the description from the browser's own tree.
    if (engine === 'webkit') this.skip();
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="20"></star-rating>`,
    );
    await ready(element);
    // The computed description is in no engine-neutral API (Puppeteer's and Playwright's
    // snapshots leave it out): the browser's own tree, as the group's name is read above.
    const tree = await accessibilityTree();
    const group = findNode(
      tree,
      (node) => node.role === 'radiogroup' && node.name === 'Đánh giá bài viết',
    );
    expect(group, 'the named group').to.exist;
    expect(group!.description).to.equal(
      'Chạm vào một sao để gửi ngay, hoặc dùng phím. Phím mũi tên để chọn số sao, Enter hoặc phím cách để gửi.',
    );
    const spoken: string[] = [];
    const collect = (node: AccessibleNode) => {
      spoken.push(node.name, node.description);
      node.children.forEach(collect);
    };
    collect(tree);
    expect(
      spoken.filter((words) => /click/i.test(words)),
      'nothing read out says "Click"',
    ).to.be.empty;
    expect(text(shadow(element).querySelector('.invite')), 'the portal’s sentence, seen').to.equal(
      'Click để đánh giá bài viết',
    );

    const holder = await fixture<HTMLDivElement>(
      html`<div lang="en"><star-rating api=${api} article-id="20"></star-rating></div>`,
    );
    const english = holder.querySelector('star-rating')!;
    await ready(english);
    const englishGroup = shadow(english).querySelector('[role="radiogroup"]')!;
    expect(
      text(shadow(english).getElementById(englishGroup.getAttribute('aria-describedby')!)),
    ).to.equal(
      'Tap a star to send it, or use the keys. Arrow keys choose the stars, Enter or Space sends.',
    );
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
    await sendKeys({ press: ' ' });
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
    expect(shadow(element).textContent, 'thanks, not a refusal').to.not.include('rồi');
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

  it('says "already rated" as it is, claims no score the backend did not name, and never re-sends it', async () => {
    // NukeViet's refusal: a sentence, no summary, no word of which score it kept.
    refusal = foreignFailure('already-voted');
    const element = await fixture<StarRating>(
      html`<star-rating backend="refusing" api="https://x.example" article-id="21"></star-rating>`,
    );
    await ready(element);
    clickStar(element, 4);
    await until(() => status(element).startsWith('Bạn đã đánh giá'), 'refusal shown');
    expect(status(element)).to.equal(
      'Bạn đã đánh giá bài viết này trước đây; mỗi người chỉ được đánh giá một lần nên lần này không được tính.',
    );
    expect(shadow(element).textContent, 'not the score just chosen').to.not.include('4 sao');
    expect(element.value).to.equal('');
    expect(castStars(element)).to.equal(0);
    expect(pendingVotes()).to.deep.equal({});
    expect(summaryText(element), 'the summary as it was').to.include('7 trong 2');

    // The backend that does name the kept score (the reference server) is quoted.
    refusal = foreignFailure('already-voted', {
      total: 9,
      count: 3,
      average: 3,
      open: true,
      yourScore: 2,
    });
    const named = await fixture<StarRating>(
      html`<star-rating backend="refusing" api="https://x.example" article-id="22"></star-rating>`,
    );
    await ready(named);
    clickStar(named, 5);
    await until(() => status(named).startsWith('Bạn đã đánh giá'), 'named refusal');
    expect(status(named)).to.include('Bạn đã đánh giá bài viết này 2 sao.');
    expect(summaryText(named)).to.include('9 trong 3');

    const reopened = await fixture<StarRating>(
      html`<star-rating backend="refusing" api="https://x.example" article-id="21"></star-rating>`,
    );
    await until(() => !!shadow(reopened).querySelector('.note'), 'reopened');
    expect(text(shadow(reopened).querySelector('.note'))).to.equal('Bạn đã đánh giá bài viết này.');
    expect(radios(reopened)).to.have.length(0);
  });

  it('asks for a reload when the session expired, and neither keeps nor re-sends that vote', async () => {
    let attempts = 0;
    refusal = foreignFailure('session-expired');
    registerBackend('expiring', () => ({
      capabilities: { rating: 'write', related: [] },
      getArticle: async () => Promise.reject(new BackendError('unsupported', 'no articles')),
      getRelated: async () => [],
      getRating: async () => ({ total: 0, count: 0, average: 0, open: true }),
      rate: async () => {
        attempts += 1;
        return Promise.reject(refusal);
      },
    }));
    const element = await fixture<StarRating>(
      html`<star-rating backend="expiring" api="https://x.example" article-id="23"></star-rating>`,
    );
    await ready(element);
    clickStar(element, 3);
    await until(() => status(element).startsWith('Phiên'), 'expired shown');
    expect(status(element)).to.include('tải lại trang');
    expect(pendingVotes()).to.deep.equal({});
    dispatchEvent(new Event('online'));
    await fixture<StarRating>(
      html`<star-rating backend="expiring" api="https://x.example" article-id="23"></star-rating>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(attempts, 'sent once, never again').to.equal(1);
    expect(radios(element), 'no vote offered until the reload').to.have.length(0);
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
    await until(() => status(element).startsWith('Máy chủ đang gặp lỗi'), 'queued');
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

  it('keeps a vote that never reached the server, and says the visitor is offline', async () => {
    refusal = foreignFailure('network');
    const element = await fixture<StarRating>(
      html`<star-rating backend="refusing" api="https://x.example" article-id="24"></star-rating>`,
    );
    await ready(element);
    clickStar(element, 2);
    await until(() => status(element).startsWith('Chưa gửi được'), 'queued offline');
    expect(status(element)).to.equal(
      'Chưa gửi được vì mất kết nối. Đánh giá sẽ được gửi khi có mạng trở lại.',
    );
    expect(Object.values(pendingVotes())).to.deep.equal([2]);
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

  it('shows a returning voter the total with their own vote, though the anonymous answer is cached', async () => {
    const before = await serverSummary(api, 9);
    const first = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="9"></star-rating>`,
    );
    await ready(first);
    clickStar(first, 4);
    await until(() => status(first).startsWith('Cảm ơn'), 'counted');
    first.remove();

    // A reload: a new client for the same address, the same localStorage and browser cache.
    registerBackend('rest', restBackend);
    const reloaded = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="9"></star-rating>`,
    );
    const note = () => text(shadow(reloaded).querySelector('.note'));
    await until(() => note() !== '', 'shown as rated');
    expect(summaryText(reloaded)).to.include(
      `${before.total + 4} trong ${before.count + 1} đánh giá`,
    );
    expect(note()).to.equal('Bạn đã đánh giá bài viết này 4 sao.');
  });

  it('keeps reads anonymous and cacheable until the visitor holds a voter token', async function () {
    if (engine === 'webkit') {
      // WebKitGTK's automation session serves no fetch from its HTTP cache; that reads carry no
      // voter token before a vote, which keeps them cacheable, backend.test.ts checks in WebKit.
      this.skip();
    }
    const first = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="10"></star-rating>`,
    );
    await ready(first);
    first.remove();
    registerBackend('rest', restBackend);
    const again = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="10"></star-rating>`,
    );
    await ready(again);
    const reads = (await server()).requests.filter(
      (line) => line === 'GET /api/v1/articles/10/rating',
    );
    expect(reads, 'the second read came from the browser cache').to.have.length(1);
  });

  it('tells a page whose origin the server refuses that its vote was not taken, not that it is offline, and says why in the console', async () => {
    // The API reached through the page's own site (a proxy), its operator not listing the portal.
    const proxied = new URL('/demo/api/v1', location.href).href;
    const { url: direct } = await server({ reset: true, delayMs: 0, failNext: 0 });
    const token = (await (await fetch(`${direct}/voter-tokens`, { method: 'POST' })).json()) as {
      token: string;
    };
    await server({ reset: true, delayMs: 0, failNext: 0, allowedOrigins: [] });
    registerBackend('rest', restBackend);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      for (const [id, held] of [
        [11, undefined],
        [12, token.token],
      ] as const) {
        localStorage.clear();
        if (held) localStorage.setItem(`portal-widgets.voter-token:${proxied}`, held);
        const element = await fixture<StarRating>(
          html`<star-rating api=${proxied} article-id=${id}></star-rating>`,
        );
        await ready(element);
        clickStar(element, 5);
        await until(() => status(element).startsWith('Không gửi được'), 'refused');
        expect(status(element)).to.equal('Không gửi được đánh giá. Vui lòng thử lại sau.');
        expect(pendingVotes(), 'not kept for later').to.deep.equal({});
        expect(radios(element).some((radio) => radio.checked)).to.equal(false);
      }
    } finally {
      console.warn = warn;
    }
    const { requests } = await server();
    expect(requests.filter((line) => line.startsWith('POST'))).to.deep.equal([
      'POST /api/v1/voter-tokens',
      'POST /api/v1/articles/12/votes',
    ]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('ALLOWED_ORIGINS').and.include(location.origin);
    expect((await serverSummary(proxied, 12)).count).to.equal(0);
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
    for (const radio of radios(element)) {
      const { width, height } = radio.getBoundingClientRect();
      expect(Math.min(width, height)).to.be.at.least(24);
    }
    radios(element)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(getComputedStyle(radios(element)[1]).outlineStyle).to.equal('solid');
    expect(getComputedStyle(radios(element)[0]).outlineStyle).to.equal('none');
  });

  it('leaves no empty article-id or name attribute behind, and reflects those it is given', async () => {
    const element = await fixture<StarRating>(html`<star-rating backend="none"></star-rating>`);
    await element.updateComplete;
    expect(element.getAttributeNames().sort()).to.deep.equal(['backend']);
    element.name = 'diem';
    element.articleId = '7';
    await element.updateComplete;
    expect(element.getAttribute('name')).to.equal('diem');
    expect(element.getAttribute('article-id')).to.equal('7');
  });

  it('keeps each star on its own radio when the row wraps, either way round, however narrow', async () => {
    const cases = [
      ['ltr', '100px', ''],
      ['rtl', '100px', ''],
      ['ltr', '20px', ''],
      // A theme spacing the pictures with a margin of its own.
      ['ltr', '100px', 'margin: 0 4px'],
    ];
    for (const [dir, width, theme] of cases) {
      const holder = await fixture<HTMLElement>(
        html`<div dir=${dir} style="inline-size: ${width}">
          <star-rating
            backend="none"
            class="themed"
            style="font-size: 20px; --pw-star-size: 1.75em; --pw-star-gap: 9px"
          ></star-rating>
        </div>`,
      );
      const themeSheet = document.createElement('style');
      themeSheet.textContent = `.themed::part(star) { ${theme} }`;
      holder.prepend(themeSheet);
      const element = holder.querySelector('star-rating')!;
      await element.updateComplete;
      const pictures = [...shadow(element).querySelectorAll('svg.star')];
      const rows = new Set(radios(element).map((radio) => radio.getBoundingClientRect().y));
      expect(rows.size, `${dir} ${width}: the row wraps`).to.be.above(1);
      for (const [index, radio] of radios(element).entries()) {
        // In view, so that elementFromPoint can see it.
        radio.scrollIntoView({ block: 'center' });
        const box = radio.getBoundingClientRect();
        const picture = pictures[index].getBoundingClientRect();
        const where = `${dir} ${width} ${theme}: star ${index + 1}`;
        // A theme's margin may shift the picture by that margin, never off its radio.
        const slack = theme ? 4.5 : 0.5;
        expect(Math.abs(picture.x - box.x), where).to.be.below(slack);
        expect(Math.abs(picture.y - box.y), where).to.be.below(0.5);
        expect(box.width, where).to.be.above(0);
        // What the pointer meets at the picture's centre is its own radio (compared as a
        // boolean: chai's message for two unequal elements never finishes).
        const hit = shadow(element).elementFromPoint(
          picture.x + picture.width / 2,
          picture.y + picture.height / 2,
        );
        expect(hit === radio, `${where}: ${hit?.localName} hit`).to.equal(true);
      }
    }
  });

  it('fills the stars up to the one under the pointer', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="11"></star-rating>`,
    );
    await ready(element);
    // Headless Chromium reports no hover-capable pointer and cannot emulate one: apply the
    // element's own `@media (hover: hover)` rules as a mouse-driven browser would.
    const root = shadow(element);
    const hoverRules = root.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule)
      .filter((rule) => rule.conditionText === '(hover: hover)')
      .flatMap((rule) => [...rule.cssRules].map((inner) => inner.cssText));
    expect(hoverRules).to.not.be.empty;
    const asOnAMouse = new CSSStyleSheet();
    asOnAMouse.replaceSync(hoverRules.join('\n'));
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, asOnAMouse];
    const filled = () =>
      [...shadow(element).querySelectorAll('svg.star')].map(
        (star) => getComputedStyle(star).fill !== 'rgba(0, 0, 0, 0)',
      );
    expect(filled()).to.deep.equal([false, false, false, false, false]);
    const [x, y] = starCentre(element, 3);
    await sendMouse({ type: 'move', position: [x, y] });
    expect(filled()).to.deep.equal([true, true, true, false, false]);
    await sendMouse({ type: 'move', position: [0, 0] });
    expect(filled()).to.deep.equal([false, false, false, false, false]);
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
    const star = () => getComputedStyle(shadow(element).querySelector('svg.star')!).stroke;
    const page = getComputedStyle(document.body).backgroundColor;
    expect(
      contrast(star(), page === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : page),
    ).to.be.at.least(3);
    // Safari has no forced-colours mode: its visitors get contrast from the toggle, above.
    if (engine === 'webkit') return;
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
    expect(shadow(element).querySelector('.note'), 'no note beside the thanks').to.equal(null);
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
    expect(requests).to.have.length(3);
    expect(requests.filter((line) => /\/articles\/12$/.test(line))).to.have.length(1);
    expect(requests.filter((line) => line.includes('/rating'))).to.have.length(1);
    expect(requests.filter((line) => line.includes('/related'))).to.have.length(1);
  });

  it('shows the rating of the article it shows now, whatever order the answers arrive in', async () => {
    const answers = new Map<string, (summary: RatingSummary) => void>();
    registerBackend('ordered-by-test', () => ({
      capabilities: { rating: 'write', related: [] },
      getArticle: async () => Promise.reject(new BackendError('unsupported', 'no articles')),
      getRelated: async () => [],
      getRating: (id) => new Promise((resolve) => answers.set(id, resolve)),
      rate: async () => Promise.reject(new BackendError('invalid', 'no')),
    }));
    const element = await fixture<StarRating>(
      html`<star-rating
        backend="ordered-by-test"
        api="https://x.example"
        article-id="1"
      ></star-rating>`,
    );
    await until(() => answers.has('1'), 'article 1 asked');
    element.articleId = '2';
    await until(() => answers.has('2'), 'article 2 asked');
    answers.get('2')!({ total: 8, count: 2, average: 4, open: true });
    await ready(element);
    answers.get('1')!({ total: 1, count: 1, average: 1, open: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await element.updateComplete;
    expect(summaryText(element)).to.equal('Tổng số điểm của bài viết là: 8 trong 2 đánh giá');
  });

  it('reads the rating beside the article, not after it, when the article does not come', async () => {
    let articleAsked = false;
    registerBackend('article-hangs', () => ({
      capabilities: { rating: 'write', related: [] },
      getArticle: () => {
        articleAsked = true;
        return new Promise(() => undefined);
      },
      getRelated: async () => [],
      getRating: async () => ({ total: 3, count: 1, average: 3, open: true }),
      rate: async () => Promise.reject(new BackendError('invalid', 'no')),
    }));
    const holder = await fixture<HTMLDivElement>(
      html`<div>
        <article-view backend="article-hangs" api="https://x.example" article-id="5"></article-view>
        <star-rating backend="article-hangs" api="https://x.example" article-id="5"></star-rating>
      </div>`,
    );
    const element = holder.querySelector('star-rating')!;
    await ready(element);
    expect(articleAsked).to.equal(true);
    expect(summaryText(element)).to.include('3 trong 1');
  });

  it('keeps focus inside after a vote by Enter or Space, on the words that say how it went', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="13"></star-rating>`,
    );
    await ready(element);
    radios(element)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await until(() => status(element).startsWith('Cảm ơn'), 'voted by Enter');
    await element.updateComplete;
    expect(document.activeElement).to.equal(element);
    expect(focused(element)).to.equal(shadow(element).querySelector('[part="status"]'));

    const second = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="14"></star-rating>`,
    );
    await ready(second);
    radios(second)[2].focus();
    await sendKeys({ press: ' ' });
    await until(() => status(second).startsWith('Cảm ơn'), 'voted by Space');
    await second.updateComplete;
    expect(focused(second)).to.equal(shadow(second).querySelector('[part="status"]'));
    expect(await serverSummary(api, 14)).to.include({ total: 3, count: 1 });
  });

  it('keeps focus inside after "Thử lại": on the stars once they are there, on the button if it fails again', async () => {
    let failures = 2;
    registerBackend('fails-twice', () => ({
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
        backend="fails-twice"
        api="https://x.example"
        article-id="1"
      ></star-rating>`,
    );
    const retry = () => shadow(element).querySelector<HTMLButtonElement>('[part="retry"]');
    await until(() => !!retry(), 'error shown');
    retry()!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!retry() && focused(element) === retry(), 'failed again, focus on retry');
    await sendKeys({ press: ' ' });
    await ready(element);
    await element.updateComplete;
    expect(document.activeElement).to.equal(element);
    expect(focused(element)).to.equal(radios(element)[0]);
  });

  it('casts no vote from a press that turns into a drag or a scroll, nor from the arrow keys after it', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="15"></star-rating>`,
    );
    await ready(element);
    const [x, y] = starCentre(element, 2);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x, y + 200] });
    await sendMouse({ type: 'up' });
    // A touch press the browser turns into a scroll: down, then cancel, no click.
    const radio = radios(element)[3];
    radio.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    radio.dispatchEvent(new PointerEvent('pointercancel', { bubbles: true, composed: true }));
    await element.updateComplete;
    expect(element.value, 'no stale choice').to.equal('');
    expect(castStars(element) + chosenStars(element)).to.equal(0);
    radios(element)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowLeft' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(votesTo((await server()).requests, 15), 'no vote without Enter, Space or a click').to.be
      .empty;
    expect(element.value).to.equal('');
  });

  it('shows an arrow-key choice apart from a vote, and drops it when focus leaves unsent', async () => {
    const element = await fixture<StarRating>(
      html`<button>before</button><star-rating api=${api} article-id="16"></star-rating>`,
    );
    const rating = element.parentElement!.querySelector('star-rating')!;
    await ready(rating);
    radios(rating)[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await rating.updateComplete;
    expect(chosenStars(rating), 'three stars chosen').to.equal(3);
    expect(castStars(rating), 'none looks cast').to.equal(0);
    expect(text(shadow(rating).querySelector('.invite'))).to.include(
      'Đã chọn 3 sao, chưa gửi. Nhấn Enter để gửi.',
    );
    const chosenFill = getComputedStyle(shadow(rating).querySelector('.star.chosen')!);
    expect(Number(chosenFill.fillOpacity)).to.be.below(1);
    await pressShiftTab();
    await rating.updateComplete;
    expect(chosenStars(rating) + castStars(rating)).to.equal(0);
    expect(radios(rating).some((radio) => radio.checked)).to.equal(false);
    expect(votesTo((await server()).requests, 16)).to.be.empty;
  });

  it('votes on a real mouse click and on a click with no pointer before it (voice control)', async () => {
    const element = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="17"></star-rating>`,
    );
    await ready(element);
    const [x, y] = starCentre(element, 4);
    await sendMouse({ type: 'click', position: [x, y] });
    await until(() => status(element).startsWith('Cảm ơn'), 'mouse vote');
    expect(await serverSummary(api, 17)).to.include({ total: 4, count: 1 });
    await sendMouse({ type: 'move', position: [0, 0] });

    const voice = await fixture<StarRating>(
      html`<star-rating api=${api} article-id="18"></star-rating>`,
    );
    await ready(voice);
    radios(voice)[1].click();
    await until(() => status(voice).startsWith('Cảm ơn'), 'voice vote');
    expect(await serverSummary(api, 18)).to.include({ total: 2, count: 1 });
  });

  it('tells the keys as soon as the keyboard is used on a star that was clicked', async () => {
    const element = await fixture<StarRating>(html`<star-rating backend="none"></star-rating>`);
    await element.updateComplete;
    const [x, y] = starCentre(element, 3);
    await sendMouse({ type: 'click', position: [x, y] });
    await element.updateComplete;
    expect(element.value).to.equal('3');
    const invite = () => text(shadow(element).querySelector('.invite'));
    expect(invite()).to.equal('Click để đánh giá bài viết');
    await sendKeys({ press: 'Shift' });
    await element.updateComplete;
    expect(invite()).to.equal('Phím mũi tên để chọn số sao, Enter hoặc phím cách để gửi.');
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('tells keyboard users about keys, pointer and voice users about clicking', async () => {
    const element = await fixture<StarRating>(
      html`<button>before</button><star-rating api=${api} article-id="19"></star-rating>`,
    );
    const rating = element.parentElement!.querySelector('star-rating')!;
    await ready(rating);
    const invite = () => text(shadow(rating).querySelector('.invite'));
    expect(invite(), 'the portal’s sentence for pointer and voice').to.equal(
      'Click để đánh giá bài viết',
    );
    element.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(rating)).to.equal(radios(rating)[0]);
    await rating.updateComplete;
    const keys = 'Phím mũi tên để chọn số sao, Enter hoặc phím cách để gửi.';
    expect(invite(), 'the keys, once the keyboard is in').to.equal(keys);
    // The radios' description, read with each of them, whatever the line above says.
    const group = shadow(rating).querySelector('[role="radiogroup"]')!;
    const description = shadow(rating).getElementById(group.getAttribute('aria-describedby')!)!;
    expect(text(description)).to.equal(`Chạm vào một sao để gửi ngay, hoặc dùng phím. ${keys}`);
    await pressShiftTab();
    await rating.updateComplete;
    expect(invite(), 'back to the portal’s sentence when focus leaves').to.equal(
      'Click để đánh giá bài viết',
    );
  });
});
