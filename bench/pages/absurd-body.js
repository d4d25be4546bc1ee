// An article whose body has `chars` characters (34,000,000 by default: the 50 MB article of
// issue #19), shown by <article-view> from `cdn` (this build's dist/cdn or the baseline's) beside
// a <font-scaler>. window.start() creates the element; window.outcome then says, once the body is
// shown or refused, how long that took from start().
const query = new URLSearchParams(location.search);
const cdn = query.get('cdn') ?? '/dist/cdn';
const chars = Number(query.get('chars') ?? 34_000_000);

const paragraph = `<p>${'Ủy ban nhân dân xã họp bàn về đường giao thông nông thôn. '.repeat(20)}</p>`;
const bodyHtml = paragraph
  .repeat(Math.ceil(chars / paragraph.length))
  .slice(0, chars - 4)
  .concat('</p>');

await import(`${cdn}/portal-widgets.js`);
window.PortalWidgets.registerBackend('bench', () => ({
  capabilities: { rating: 'none', related: [] },
  getArticle: async (id) => ({
    id,
    title: 'Bài viết có phần thân dài bất thường',
    lead: 'Phần thân được dán nhầm nhiều lần.',
    image: null,
    publishedAt: '2026-12-01T01:00:00Z',
    category: null,
    bodyHtml,
    author: '',
    source: '',
    topic: null,
    updatedAt: '2026-12-01T01:00:00Z',
    lang: 'vi',
    readingMinutes: 0,
    rating: null,
  }),
  getRelated: async () => [],
  getRating: async () => ({ total: 0, count: 0, average: 0, open: false }),
  rate: async () => ({ total: 0, count: 0, average: 0, open: false }),
}));
await customElements.whenDefined('font-scaler');

window.start = () => {
  const start = performance.now();
  const element = document.createElement('article-view');
  element.setAttribute('backend', 'bench');
  element.setAttribute('api', location.origin);
  element.setAttribute('article-id', '1');
  document.body.append(element);
  const check = () => {
    const root = element.shadowRoot;
    const refused = root?.querySelector('[role="alert"]');
    const shown = root?.querySelector('.body')?.firstChild;
    if (!refused && !shown) return setTimeout(check, 10);
    void document.body.offsetHeight;
    window.outcome = { what: refused ? 'refused' : 'shown', ms: performance.now() - start };
  };
  check();
};
window.ready = true;
