import { expect, fixture, html } from '@open-wc/testing';
import '../src/elements/article-view/article-view.define.js';
import '../src/elements/contrast-toggle/contrast-toggle.define.js';
import '../src/elements/font-scaler/font-scaler.define.js';
import '../src/elements/related-list/related-list.define.js';
import '../src/elements/star-rating/star-rating.define.js';
import { referenceServer, runAxe, until, violations } from './helpers.js';

/** Our elements take the host page's terms: its text colour, and the visitor's own spacing. */
describe('on the host page’s terms', () => {
  let api: string;
  beforeEach(async () => {
    ({ url: api } = await referenceServer({ reset: true, delayMs: 0, failNext: 0 }));
    localStorage.clear();
  });

  it('stays readable on a dark page (light text on #121212) with no --pw-* token set', async () => {
    const page = await fixture<HTMLDivElement>(html`
      <div style="background: #121212; color: #e8e8e8; padding: 1em">
        <font-scaler></font-scaler>
        <contrast-toggle></contrast-toggle>
        <article-view api=${api} article-id="1"></article-view>
        <star-rating api=${api} article-id="1"></star-rating>
        <related-list api=${api} article-id="1" loading="eager"></related-list>
      </div>
    `);
    const inside = (tag: string, selector: string) =>
      page.querySelector(tag)!.shadowRoot?.querySelector(selector);
    await until(
      () =>
        !!inside('article-view', '.body p') &&
        !!inside('star-rating', 'input') &&
        !!inside('related-list', 'a') &&
        !!inside('font-scaler', 'button') &&
        !!inside('contrast-toggle', 'button'),
      'every element shown',
    );
    // Text of each element, as measured: the page's own colour where no token says otherwise.
    for (const [tag, selector] of [
      ['article-view', '[part="lead"]'],
      ['article-view', '.body p'],
      ['star-rating', '[part="summary"]'],
      ['star-rating', '.invite'],
      ['related-list', 'a'],
    ]) {
      expect(getComputedStyle(inside(tag, selector)!).color, `${tag} ${selector}`).to.equal(
        'rgb(232, 232, 232)',
      );
    }
    const contrast = await runAxe(page, {
      runOnly: { type: 'rule', values: ['color-contrast'] },
    });
    expect(violations(contrast)).to.deep.equal([]);
    expect(contrast.passes.flatMap((rule) => rule.nodes).length, 'text was checked').to.be.above(
      10,
    );
  });

  it('lets the visitor’s text-spacing overrides (WCAG 1.4.12) reach every text of every element, the headline too', async () => {
    // A visitor's own style sheet: every element, !important, the values of WCAG 1.4.12.
    const style = document.createElement('style');
    style.textContent =
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }';
    document.head.append(style);
    try {
      const page = await fixture<HTMLDivElement>(html`
        <div>
          <font-scaler></font-scaler>
          <contrast-toggle></contrast-toggle>
          <article-view api=${api} article-id="1"></article-view>
          <star-rating api=${api} article-id="1"></star-rating>
          <related-list api=${api} article-id="1" loading="eager"></related-list>
        </div>
      `);
      const inside = (tag: string, selector: string) =>
        page.querySelector(tag)!.shadowRoot?.querySelector(selector);
      await until(
        () =>
          !!inside('article-view', '.body p') &&
          !!inside('star-rating', 'input') &&
          !!inside('related-list', 'a'),
        'every element shown',
      );
      // Each element of ours that holds text of its own, in every shadow root.
      const texts = [...page.children].flatMap((element) =>
        [...element.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter((node) =>
          [...node.childNodes].some(
            (child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim(),
          ),
        ),
      );
      const title = inside('article-view', '[part="title"]')!;
      expect(texts, 'the headline is among them').to.include(title);
      expect(texts.length, 'texts found').to.be.above(20);
      const short = () =>
        texts.flatMap((node) => {
          const computed = getComputedStyle(node);
          const size = parseFloat(computed.fontSize);
          const host = (node.getRootNode() as ShadowRoot).host.localName;
          // At least what the visitor asked for, in proportion to this text's own size.
          return (
            [
              ['line height', computed.lineHeight, 1.5],
              ['letter spacing', computed.letterSpacing, 0.12],
              ['word spacing', computed.wordSpacing, 0.16],
            ] as const
          )
            .filter(([, value, factor]) => !(parseFloat(value) >= factor * size - 0.05))
            .map(
              ([property, value]) =>
                `${host} ${node.localName}.${node.className}: ${property} ${value}`,
            );
        });
      // Larger text gets its spacing once a frame has computed the page's styles.
      await until(() => short().length === 0, 'spacing in proportion', 2000).catch(() => {});
      expect(short()).to.deep.equal([]);
    } finally {
      style.remove();
    }
  });

  it('lets the visitor’s text-spacing overrides (WCAG 1.4.12) reach every button', async () => {
    const style = document.createElement('style');
    // The usual text-spacing bookmarklet, as a visitor applies it.
    style.textContent =
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }';
    document.head.append(style);
    try {
      const page = await fixture<HTMLDivElement>(html`
        <div>
          <font-scaler></font-scaler>
          <contrast-toggle></contrast-toggle>
          <star-rating api="http://127.0.0.1:9/api/v1" article-id="1"></star-rating>
        </div>
      `);
      const retry = () =>
        page.querySelector('star-rating')!.shadowRoot!.querySelector('[part="retry"]');
      await until(() => !!retry(), 'the retry button', 8000);
      const buttons = [
        ...page.querySelector('font-scaler')!.shadowRoot!.querySelectorAll('button'),
        ...page.querySelector('contrast-toggle')!.shadowRoot!.querySelectorAll('button'),
        retry()!,
      ];
      for (const button of buttons) {
        const computed = getComputedStyle(button);
        const size = parseFloat(computed.fontSize);
        const name = button.textContent!.trim();
        expect(parseFloat(computed.letterSpacing), `letter spacing: ${name}`).to.be.closeTo(
          0.12 * size,
          0.05,
        );
        expect(parseFloat(computed.wordSpacing), `word spacing: ${name}`).to.be.closeTo(
          0.16 * size,
          0.05,
        );
        expect(parseFloat(computed.lineHeight), `line height: ${name}`).to.be.closeTo(
          1.5 * size,
          0.05,
        );
      }
    } finally {
      style.remove();
    }
  });
});
