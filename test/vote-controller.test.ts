import { expect, fixture, html } from '@open-wc/testing';
import { ReactiveElement } from '@lit/reactive-element';
import { clientFor } from '../src/backend/index.js';
import type { RatingSummary } from '../src/backend/index.js';
import type { RatingChangeEvent } from '../src/bases/events.js';
import { VoteController } from '../src/elements/star-rating/vote-controller.js';
import { referenceServer, until } from './helpers.js';

/**
 * Not star-rating: an element with no template at all, so what is tested here is the vote flow
 * alone, against the reference server the test runner runs.
 */
class VotingHost extends ReactiveElement {
  api = '';
  articleId = '';
  value = '';
  readonly = false;
  formOnly = false;
  /** The flow's state each time it moved focus to the outcome. */
  readonly outcomesFocused: string[] = [];
  readonly votes = new VoteController(this, {
    client: () => (this.formOnly ? undefined : clientFor(this)),
    formOnly: () => this.formOnly,
    focusOutcome: () => this.outcomesFocused.push(this.votes.state),
  });
}
customElements.define('voting-host', VotingHost);

const pendingVotes = () => JSON.parse(localStorage.getItem('portal-widgets.pending-votes') ?? '{}');

async function host(api: string, articleId: string): Promise<VotingHost> {
  const element = await fixture<VotingHost>(html`<voting-host></voting-host>`);
  Object.assign(element, { api, articleId });
  return element;
}

async function serverSummary(api: string, id: string): Promise<RatingSummary> {
  return (await fetch(`${api}/articles/${id}/rating`, { cache: 'no-store' })).json();
}

describe('star-rating’s vote flow, on a host of its own', () => {
  let api: string;
  beforeEach(async () => {
    ({ url: api } = await referenceServer({ reset: true, delayMs: 0, failNext: 0 }));
    localStorage.clear();
  });

  it('casts a vote: one change, the confirmed summary, then focus on the outcome', async () => {
    const element = await host(api, '1');
    element.votes.loaded(await serverSummary(api, '1'));
    expect(element.votes.state).to.equal('ready');
    const changes: string[] = [];
    element.addEventListener('change', () => changes.push(element.value));
    const confirmed = new Promise<RatingChangeEvent>((resolve) =>
      element.addEventListener('pw-rating-change', resolve, { once: true }),
    );
    expect(element.votes.cast(4)).to.equal(true);
    expect(element.votes.state).to.equal('sending');
    expect(element.votes.canChoose, 'no second vote while sending').to.equal(false);
    const { detail } = await confirmed;
    await element.updateComplete;
    expect(changes).to.deep.equal(['4']);
    expect(detail.score).to.equal(4);
    expect(element.votes.state).to.equal('thanked');
    expect(element.votes.summary).to.include({ total: 4, count: 1 });
    expect(await serverSummary(api, '1')).to.include({ total: 4, count: 1 });
    expect(element.outcomesFocused, 'focus moved once, to the outcome').to.deep.equal(['thanked']);
    expect(element.votes.cast(5), 'one vote per visitor').to.equal(false);
  });

  it('keeps a vote the server failed, and delivers it once when the connection returns', async () => {
    const element = await host(api, '2');
    element.votes.loaded(await serverSummary(api, '2'));
    await referenceServer({ failNext: 1 });
    element.votes.cast(3);
    await until(() => element.votes.state === 'queued', 'queued');
    expect(element.votes.queuedBecause).to.equal('server');
    expect(Object.values(pendingVotes())).to.deep.equal([3]);
    expect(element.votes.summary, 'not counted before the server says so').to.include({
      count: 0,
    });

    const votePosts = async () =>
      (await referenceServer()).requests.filter((line) => line === 'POST /api/v1/articles/2/votes')
        .length;
    const before = await votePosts();
    // A second host for the same article (another element, or the page opened again).
    const other = await host(api, '2');
    other.votes.loaded(await serverSummary(api, '2'));
    expect(other.votes.state, 'the kept vote is shown as on its way').to.be.oneOf([
      'queued',
      'sending',
    ]);
    dispatchEvent(new Event('online'));
    await until(
      () => element.votes.state === 'thanked' || other.votes.state === 'thanked',
      'delivered',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await votePosts()) - before, 'one delivery for the two hosts').to.equal(1);
    expect(await serverSummary(api, '2')).to.include({ total: 3, count: 1 });
    expect(pendingVotes()).to.deep.equal({});
  });

  it('takes the server’s "already rated" as final, with the score it kept', async () => {
    const first = await host(api, '3');
    first.votes.cast(5);
    await until(() => first.votes.state === 'thanked', 'first vote');
    // Forgotten by this browser, remembered by the server (the same voter token).
    localStorage.removeItem('portal-widgets.given-votes');
    const again = await host(api, '3');
    again.votes.cast(2);
    await until(() => again.votes.state === 'already', 'refused');
    await again.updateComplete;
    expect(again.value, 'the score the server kept, not the one just cast').to.equal('5');
    expect(again.votes.summary).to.include({ total: 5, count: 1 });
    expect(pendingVotes()).to.deep.equal({});
    expect(again.outcomesFocused).to.deep.equal(['already']);

    const reopened = await host(api, '3');
    reopened.votes.loaded(await serverSummary(api, '3'));
    expect(reopened.votes.state).to.equal('voted');
    expect(reopened.value).to.equal('5');
  });

  it('as a form control only sets the value; read-only casts nothing', async () => {
    const form = await host(api, '');
    form.formOnly = true;
    let changes = 0;
    form.addEventListener('change', () => (changes += 1));
    expect(form.votes.cast(2)).to.equal(true);
    await form.updateComplete;
    expect(form.value).to.equal('2');
    expect(changes).to.equal(1);
    expect(form.votes.state).to.equal('ready');
    expect(form.outcomesFocused, 'focus stays on the star').to.deep.equal([]);

    const shown = await host(api, '4');
    shown.readonly = true;
    shown.votes.loaded(await serverSummary(api, '4'));
    shown.addEventListener('change', () => (changes += 1));
    expect(shown.votes.canVote).to.equal(false);
    expect(shown.votes.cast(4)).to.equal(false);
    expect(changes).to.equal(1);
    const { requests } = await referenceServer();
    expect(requests.filter((line) => line.startsWith('POST /api/v1/articles'))).to.deep.equal([]);
  });
});
