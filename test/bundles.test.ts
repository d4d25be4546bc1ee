import { expect } from '@open-wc/testing';
import { clearPreferences, openPage, part, until, type FramePage } from './helpers.js';

const frames: HTMLIFrameElement[] = [];

async function open(src: string): Promise<FramePage> {
  const page = await openPage(src);
  frames.push(page.frame);
  return page;
}

const chunksLoaded = (page: FramePage) =>
  page.window.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/chunks/'));

describe('shipped bundles', () => {
  afterEach(() => {
    clearPreferences();
    frames.splice(0).forEach((frame) => frame.remove());
  });

  describe('autoloader.js', () => {
    it('loads only the elements on the page, and those added later', async () => {
      const page = await open('/test/fixtures/autoloader-page.html');
      const { customElements } = page.window;
      expect(customElements.get('font-scaler')).to.exist;
      expect(customElements.get('contrast-toggle')).to.equal(undefined);
      expect(chunksLoaded(page).some((name) => name.includes('contrast-toggle'))).to.equal(false);

      page.document.body.append(page.document.createElement('contrast-toggle'));
      await until(
        () => !!customElements.get('contrast-toggle'),
        'contrast-toggle defined on sight',
      );
      expect(chunksLoaded(page).some((name) => name.includes('contrast-toggle'))).to.equal(true);
      expect(page.window.pageErrors).to.deep.equal([]);
    });

    it('lifts its cloak once the elements are defined', async () => {
      const page = await open('/test/fixtures/autoloader-page.html');
      await until(
        () =>
          !page.document.adoptedStyleSheets.some((sheet) =>
            [...sheet.cssRules].some((rule) => rule.cssText.includes(':not(:defined)')),
          ),
        'cloak removed',
      );
      const scaler = page.document.querySelector('font-scaler')!;
      expect(page.window.getComputedStyle(scaler).visibility).to.equal('visible');
    });
  });

  describe('portal-widgets.iife.js', () => {
    it('works as a classic script and reads its data-* settings', async () => {
      const page = await open('/test/fixtures/iife-page.html');
      const toggle = page.document.querySelector('contrast-toggle')!;
      expect(part(toggle, 'increase').textContent!.trim()).to.equal('Increase contrast');
      const bodyBefore = page.window.getComputedStyle(page.document.body).backgroundColor;
      part(toggle, 'increase').click();
      await until(() => page.document.documentElement.dataset.pwContrast === 'more', 'contrast on');
      // data-contrast-styles="none": the attribute is set, the portal's own CSS does the rest.
      expect(page.window.getComputedStyle(page.document.body).backgroundColor).to.equal(bodyBefore);
      expect(page.window.PortalWidgets?.getConfig()).to.deep.equal({ contrastStyles: 'none' });
      expect(page.window.pageErrors).to.deep.equal([]);
    });
  });

  describe('misconfiguration', () => {
    it('names each bad setting, its value and the fix, and keeps working', async () => {
      const page = await open('/test/fixtures/bad-config-page.html');
      const errors = page.window.consoleMessages
        .filter(({ level }) => level === 'error')
        .map(({ text }) => text);
      expect(errors).to.have.length(3);
      expect(errors[0]).to.include('data-prefix="Gov_1"').and.include('lowercase');
      expect(errors[1]).to.include('data-contrast-styles="dark"').and.include('"none"');
      expect(errors[2]).to.include('target="[[broken"').and.include('CSS selector');
      expect(page.window.pageErrors).to.deep.equal([]);
      part(page.document.querySelector('font-scaler')!, 'increase').click();
      await until(
        () => page.document.documentElement.dataset.pwTextScale === '1.2',
        'still scales',
      );
    });
  });
});
