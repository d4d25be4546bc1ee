// What the article benches share: a backend named `bench` that answers one article with the
// given body (registered on the PortalWidgets of the portal-widgets.js the page loaded), and an
// <article-view> asking it for that article.

/** Registers the `bench` backend; `title` and `lead` say what the page measures. */
export function registerArticleBackend(bodyHtml, { title, lead, readingMinutes = 0 }) {
  window.PortalWidgets.registerBackend('bench', () => ({
    capabilities: { rating: 'none', related: [] },
    getArticle: async (id) => ({
      id,
      title,
      lead,
      image: null,
      publishedAt: '2026-11-27T01:00:00Z',
      category: null,
      bodyHtml,
      author: '',
      source: '',
      topic: null,
      updatedAt: '2026-11-27T01:00:00Z',
      lang: 'vi',
      readingMinutes,
      rating: null,
    }),
    getRelated: async () => [],
    getRating: async () => ({ total: 0, count: 0, average: 0, open: false }),
    rate: async () => ({ total: 0, count: 0, average: 0, open: false }),
  }));
}

/** An <article-view> for the `bench` backend's article, not yet in the page. */
export function benchArticleView() {
  const element = document.createElement('article-view');
  element.setAttribute('backend', 'bench');
  element.setAttribute('api', location.origin);
  element.setAttribute('article-id', '1');
  return element;
}
