import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/elements/contrast-toggle/contrast-toggle.define.js';
import type { ContrastToggle } from '../src/elements/contrast-toggle/contrast-toggle.js';
import { getPagePreferences } from '../src/prefs/page-preferences.js';
import { highContrastPage } from '../src/styles/high-contrast.js';
import {
  accessibilityTree,
  engine,
  computedAccessibility,
  clearPreferences,
  emulateMediaFeatures,
  screenshot,
  elementScreenshot,
  findNode,
  openPage,
  part,
  reloadPage,
  runAxe,
  statusText,
  until,
  violations,
  type FramePage,
  closePages,
} from './helpers.js';

/** The demo page is laid out for a desktop. */
const open = (src: string) => openPage(src, 1000, 800);

async function toggle(): Promise<ContrastToggle> {
  const element = await fixture<ContrastToggle>(html`<contrast-toggle></contrast-toggle>`);
  await element.updateComplete;
  return element;
}

async function click(element: Element, name: 'increase' | 'decrease') {
  part(element, name).click();
  await (element as ContrastToggle).updateComplete;
}

const contrastOf = (page: FramePage | Document) =>
  ('document' in page ? page.document : page).documentElement.getAttribute('data-pw-contrast');

/** A PNG of one element's box, as the screen shows it. */
async function screenshotOf(page: FramePage, element: Element): Promise<string> {
  if (engine === 'webkit') return elementScreenshot(page, element);
  const frameBox = page.frame.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  return screenshot({
    x: frameBox.x + box.x,
    y: frameBox.y + box.y,
    width: box.width,
    height: box.height,
  });
}

describe('contrast-toggle', () => {
  afterEach(async () => {
    getPagePreferences().store.setContrast('normal');
    clearPreferences();
    closePages();
    await emulateMediaFeatures({ 'prefers-contrast': '', 'forced-colors': '' });
  });

  it('passes axe in both states', async () => {
    const element = await toggle();
    expect(violations(await runAxe(element))).to.deep.equal([]);
    await click(element, 'increase');
    expect(
      violations(
        await runAxe(element, { rules: { 'color-contrast-enhanced': { enabled: true } } }),
      ),
    ).to.deep.equal([]);
  });

  it('offers two plain buttons, "Tăng tương phản" and "Giảm tương phản", in a named group', async () => {
    const element = await toggle();
    if (engine === 'webkit') {
      // WebKit's WebDriver computes each element's role and name, not the whole tree.
      const group = element.shadowRoot!.querySelector('[role="group"]')!;
      expect(
        await computedAccessibility([group, ...group.querySelectorAll('button')]),
      ).to.deep.equal([
        { role: 'group', name: 'Độ tương phản' },
        { role: 'button', name: 'Tăng tương phản' },
        { role: 'button', name: 'Giảm tương phản' },
      ]);
      return;
    }
    const group = findNode(
      await accessibilityTree(),
      (node) => node.role === 'group' && node.name === 'Độ tương phản',
    );
    expect(group?.children.map(({ role, name }) => `${role}:${name}`)).to.deep.equal([
      'button:Tăng tương phản',
      'button:Giảm tương phản',
    ]);
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = await fixture(
      html`<div lang="en-GB"><contrast-toggle></contrast-toggle></div>`,
    );
    const element = wrapper.querySelector('contrast-toggle')!;
    await element.updateComplete;
    expect(part(element, 'increase').textContent!.trim()).to.equal('Increase contrast');
    expect(part(element, 'decrease').textContent!.trim()).to.equal('Decrease contrast');
  });

  it('switches the page on and off, marks the state in force, announces it and fires one event each way', async () => {
    const element = await toggle();
    expect(contrastOf(document)).to.equal('normal');
    expect(part(element, 'decrease').getAttribute('aria-disabled')).to.equal('true');

    setTimeout(() => part(element, 'increase').click());
    const on = await oneEvent(document, 'pw-contrast-change');
    expect(on.detail).to.deep.equal({ contrast: 'more' });
    await element.updateComplete;
    expect(contrastOf(document)).to.equal('more');
    expect(part(element, 'increase').getAttribute('aria-disabled')).to.equal('true');
    expect(part(element, 'decrease').getAttribute('aria-disabled')).to.equal('false');
    expect(statusText(element)).to.equal('Đã bật tương phản cao');

    let events = 0;
    document.addEventListener('pw-contrast-change', () => (events += 1));
    await click(element, 'increase');
    expect(events, 'pressing the state in force changes nothing').to.equal(0);

    await click(element, 'decrease');
    expect(events).to.equal(1);
    expect(contrastOf(document)).to.equal('normal');
    expect(statusText(element)).to.equal('Đã tắt tương phản cao');
  });

  it('is operated with the keyboard and shows a focus ring', async () => {
    const element = await toggle();
    part(element, 'increase').focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(contrastOf(document)).to.equal('more');
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal(part(element, 'decrease'));
    expect(getComputedStyle(part(element, 'decrease')).outlineStyle).to.equal('solid');
    await sendKeys({ press: ' ' });
    await element.updateComplete;
    expect(contrastOf(document)).to.equal('normal');
  });

  it('gives both buttons a target of at least 24 × 24 px', async () => {
    const element = await toggle();
    for (const name of ['increase', 'decrease'] as const) {
      const { width, height } = part(element, name).getBoundingClientRect();
      expect(Math.min(width, height)).to.be.at.least(24);
    }
  });

  it('switches our own elements to the 7:1 token set', async () => {
    const element = await toggle();
    const before = getComputedStyle(part(element, 'increase')).color;
    await click(element, 'increase');
    expect(getComputedStyle(part(element, 'increase')).color).not.to.equal(before);
    const tokens = getComputedStyle(document.documentElement);
    expect(tokens.getPropertyValue('--pw-color-text').trim()).to.not.equal('');
  });

  describe('on the demo page', () => {
    it('passes axe WCAG 2.2 AA when off and the AAA contrast rule when on', async () => {
      const page = await open('/demo/index.html');
      const aa = await runAxe(page, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      expect(violations(aa)).to.deep.equal([]);
      part(page.document.querySelector('contrast-toggle')!, 'increase').click();
      await until(() => contrastOf(page) === 'more', 'contrast on');
      const aaa = await runAxe(page, {
        runOnly: {
          type: 'rule',
          values: ['color-contrast-enhanced', 'color-contrast', 'link-in-text-block'],
        },
      });
      expect(violations(aaa)).to.deep.equal([]);
    });

    it('underlines links and keeps focus visible in high contrast, with no filter anywhere', async () => {
      const page = await open('/demo/index.html');
      part(page.document.querySelector('contrast-toggle')!, 'increase').click();
      await until(() => contrastOf(page) === 'more', 'contrast on');
      const link = page.document.querySelector('.sidebar a')!;
      expect(getComputedStyle(link).textDecorationLine).to.equal('underline');
      for (const element of page.document.querySelectorAll('*')) {
        expect(getComputedStyle(element).filter, element.localName).to.equal('none');
      }
    });

    it('leaves image pixels unchanged', async () => {
      const page = await open('/demo/index.html');
      const view = page.document.querySelector('article-view')!;
      await until(() => !!view.shadowRoot?.querySelector('figure img'), 'article shown');
      const image = view.shadowRoot!.querySelector<HTMLImageElement>('figure img')!;
      image.loading = 'eager';
      await until(() => image.complete && image.naturalWidth > 0, 'image loaded');
      await image.decode();
      // A loaded machine may paint the picture a frame late: compare settled pixels only.
      const settled = async (): Promise<string> => {
        let last = await screenshotOf(page, image);
        for (let tries = 0; tries < 10; tries++) {
          await new Promise((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(resolve)),
          );
          const next = await screenshotOf(page, image);
          if (next === last) return next;
          last = next;
        }
        return last;
      };
      const before = await settled();
      part(page.document.querySelector('contrast-toggle')!, 'increase').click();
      await until(() => contrastOf(page) === 'more', 'contrast on');
      expect(await settled()).to.equal(before);
    });

    it('survives a reload and is shared with other tabs', async () => {
      let page = await open('/demo/index.html');
      const other = await open('/demo/index.html');
      part(page.document.querySelector('contrast-toggle')!, 'increase').click();
      await until(() => contrastOf(other) === 'more', 'other tab switched');
      const otherToggle = other.document.querySelector('contrast-toggle')!;
      await until(
        () => part(otherToggle, 'increase').getAttribute('aria-disabled') === 'true',
        'other tab’s buttons',
      );
      page = await reloadPage(page);
      expect(contrastOf(page)).to.equal('more');
    });

    it('starts on when the system asks for more contrast and nothing is saved', async function () {
      if (engine === 'webkit') {
        // Safari takes prefers-contrast from the system's "Increase contrast", which WebKit's
        // WebDriver cannot set; the same start runs in Chromium and Firefox.
        this.skip();
      }
      await emulateMediaFeatures({ 'prefers-contrast': 'more' });
      const page = await open('/demo/index.html');
      expect(contrastOf(page)).to.equal('more');
      part(page.document.querySelector('contrast-toggle')!, 'decrease').click();
      await until(() => contrastOf(page) === 'normal', 'visitor’s choice wins over the system');
    });

    it('leaves the visitor’s forced colours alone and keeps focus visible', async function () {
      if (engine === 'webkit') {
        // Safari has no forced-colours mode: its visitors get contrast from this toggle, whose
        // focus ring the keyboard test above checks in WebKit too.
        this.skip();
      }
      await emulateMediaFeatures({ 'forced-colors': 'active' });
      const page = await open('/demo/index.html');
      const toggleElement = page.document.querySelector('contrast-toggle')!;
      part(toggleElement, 'increase').click();
      await until(() => contrastOf(page) === 'more', 'contrast on');
      // No rule of ours that applies now may set a colour: the visitor's palette rules.
      const { CSSMediaRule, CSSStyleRule } = page.window;
      const applying = (rules: CSSRuleList): CSSStyleRule[] =>
        [...rules].flatMap((rule) => {
          if (rule instanceof CSSMediaRule) {
            return page.window.matchMedia(rule.conditionText).matches
              ? applying(rule.cssRules)
              : [];
          }
          return rule instanceof CSSStyleRule ? [rule] : [];
        });
      // System colours (Mark, CanvasText, …) are the visitor's palette itself; any other colour
      // word, variable or function in these properties is ours.
      const SYSTEM_COLOUR =
        /^(canvas|canvastext|linktext|visitedtext|activetext|buttonface|buttontext|buttonborder|field|fieldtext|highlight|highlighttext|selecteditem|selecteditemtext|mark|marktext|graytext|accentcolor|accentcolortext|currentcolor|inherit|transparent)$/i;
      const NOT_A_COLOUR = /^(\d[\w.%]*|solid|dashed|dotted|double|none)$/i;
      const setsColour = (value: string) =>
        value
          .split(/\s+/)
          .some((word) => word && !SYSTEM_COLOUR.test(word) && !NOT_A_COLOUR.test(word));
      const colouring = page.document.adoptedStyleSheets
        .flatMap((sheet) => applying(sheet.cssRules))
        .filter((rule) =>
          ['color', 'background', 'background-color', 'border', 'border-color'].some((name) =>
            setsColour(rule.style.getPropertyValue(name).trim()),
          ),
        );
      expect(colouring.map((rule) => rule.cssText)).to.deep.equal([]);

      const button = part(toggleElement, 'decrease');
      part(toggleElement, 'increase').focus();
      await sendKeys({ press: 'Tab' });
      expect(getComputedStyle(button).outlineStyle).to.not.equal('none');
      for (const element of [
        page.document.documentElement,
        page.document.body,
        toggleElement,
        button,
      ]) {
        expect(getComputedStyle(element).forcedColorAdjust).to.equal('auto');
      }
    });
  });
});

describe('the page’s high-contrast stylesheet', () => {
  const parsed = (css: string) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return [...sheet.cssRules];
  };

  it('keeps out of forced colours in a condition browsers before Media Queries 4 parse', () => {
    const [rule] = parsed(highContrastPage()) as CSSMediaRule[];
    expect(rule!.media.mediaText).to.equal('not all and (forced-colors: active)');
    expect(rule!.cssRules.length, 'every rule inside it kept').to.equal(6);
    expect(matchMedia(rule!.media.mediaText).matches, 'on now').to.equal(true);
  });

  it('applies unconditionally where the browser knows nothing of forced colours', () => {
    const real = window.matchMedia;
    window.matchMedia = (query: string) =>
      ({ matches: false, media: query }) as unknown as MediaQueryList;
    try {
      const [rule] = parsed(highContrastPage()) as CSSMediaRule[];
      expect(rule!.media.mediaText).to.equal('all');
      expect(rule!.cssRules.length).to.equal(6);
    } finally {
      window.matchMedia = real;
    }
  });
});
