import { expect } from '@open-wc/testing';
import { clearPreferences, closePages, openPage, until } from './helpers.js';

// Two layout points a designer noticed: a rating in a centred column, and the demo portal's
// toolbar on a 360-px phone.
describe('layout', () => {
  afterEach(() => {
    closePages();
    clearPreferences();
  });

  it('centres the stars of a rating whose host page centres its text', async () => {
    const page = await openPage('/test/fixtures/centred-rating.html', 600, 400);
    const rating = page.document.querySelector('star-rating')!;
    await until(() => !!rating.shadowRoot?.querySelector('.stars'), 'the stars');
    const host = rating.getBoundingClientRect();
    const stars = rating.shadowRoot!.querySelector('.stars')!.getBoundingClientRect();
    const hostCentre = host.left + host.width / 2;
    expect(stars.width, 'the stars take only their room').to.be.below(host.width / 2);
    expect(Math.abs(stars.left + stars.width / 2 - hostCentre)).to.be.below(2);
  });

  for (const width of [360, 1000]) {
    it(`never ends a line of the demo's toolbar with its "|" separator at ${width} px`, async () => {
      const page = await openPage('/demo/index.html', width, 700);
      const toolbar = page.document.querySelector('.toolbar')!;
      const separator = toolbar.querySelector('.toolbar-separator')!.getBoundingClientRect();
      const contrast = toolbar.querySelector('contrast-toggle')!.getBoundingClientRect();
      const scaler = toolbar.querySelector('font-scaler')!.getBoundingClientRect();
      const shown = separator.width > 0;
      if (width === 1000) expect(shown, 'shown where both groups share a line').to.equal(true);
      if (shown) {
        // Between the two groups, on the line they share.
        expect(contrast.top).to.be.below(separator.bottom);
        expect(scaler.top).to.be.below(separator.bottom);
        expect(separator.left).to.be.above(scaler.right - 1);
        expect(contrast.left).to.be.above(separator.right - 1);
      } else {
        expect(contrast.top, 'the groups on two lines').to.be.at.least(scaler.bottom);
      }
    });
  }
});
