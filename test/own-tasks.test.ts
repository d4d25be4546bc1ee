import { expect } from '@open-wc/testing';
import '../src/elements/font-scaler/font-scaler.define.js';
import '../src/elements/star-rating/star-rating.define.js';
import { BackendClient, type Backend, type RatingSummary } from '../src/backend/index.js';
import { clearPreferences } from './helpers.js';

/** Lets every microtask queued so far (and those they queue) run, all within this task. */
async function drainMicrotasks(): Promise<void> {
  for (let turn = 0; turn < 50; turn += 1)
    await new Promise<void>((resolve) => queueMicrotask(resolve));
}

// On a slow phone, an element's upgrade, its first render and rendering an answer each cost a
// few milliseconds of script; in one task they would add up to a long one.
describe('work split across tasks', () => {
  afterEach(() => clearPreferences());

  for (const tag of ['font-scaler', 'star-rating'] as const) {
    it(`<${tag}> renders first in a task after the one that upgraded it`, async () => {
      const element = document.createElement(tag);
      element.setAttribute('article-id', '1');
      element.setAttribute('api', 'http://127.0.0.1:9/api/v1');
      document.body.append(element);
      try {
        expect(element.shadowRoot, 'upgraded at once').to.not.equal(null);
        await drainMicrotasks();
        expect(element.shadowRoot!.childElementCount, 'nothing rendered in that task').to.equal(0);
        await element.updateComplete;
        expect(element.shadowRoot!.childElementCount, 'rendered in the next').to.be.above(0);
      } finally {
        element.remove();
      }
    });
  }

  it('reads the visitor’s spacing once for renders close together, not once each', async () => {
    const element = document.createElement('font-scaler');
    document.body.append(element);
    const ownGetComputedStyle = window.getComputedStyle;
    let reads = 0;
    try {
      await element.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 250));
      window.getComputedStyle = (target, pseudo) => {
        if (target === element) reads += 1;
        return ownGetComputedStyle.call(window, target, pseudo);
      };
      for (let render = 0; render < 5; render += 1) {
        element.requestUpdate();
        await element.updateComplete;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(reads).to.equal(1);
    } finally {
      window.getComputedStyle = ownGetComputedStyle;
      element.remove();
    }
  });

  it('hands an answer over in a task after the one that produced it', async () => {
    const summary: RatingSummary = { total: 8, count: 2, average: 4, open: true };
    const backend = {
      capabilities: { rating: 'read', related: [] },
      // An adapter that reads the page: the answer is there in the same task.
      getRating: () => Promise.resolve(summary),
    } as unknown as Backend;
    const client = new BackendClient(backend);
    let answered: RatingSummary | undefined;
    const answer = client.getRating('1').then((value) => (answered = value));
    await drainMicrotasks();
    expect(answered, 'not in the task that read it').to.equal(undefined);
    await answer;
    expect(answered).to.deep.equal(summary);
    // Asked again, the kept answer comes at once.
    let again: RatingSummary | undefined;
    void client.getRating('1').then((value) => (again = value));
    await drainMicrotasks();
    expect(again).to.deep.equal(summary);
  });
});
