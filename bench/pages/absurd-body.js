// An article whose body has `chars` characters (34,000,000 by default: the 50 MB article of
// issue #19), shown by <article-view> from `cdn` (this build's dist/cdn or the baseline's) beside
// a <font-scaler>. window.start() creates the element; window.outcome then says, once the body is
// shown or refused, how long that took from start().
import { benchArticleView, registerArticleBackend } from './article-backend.js';

const query = new URLSearchParams(location.search);
const cdn = query.get('cdn') ?? '/dist/cdn';
const chars = Number(query.get('chars') ?? 34_000_000);

const paragraph = `<p>${'Ủy ban nhân dân xã họp bàn về đường giao thông nông thôn. '.repeat(20)}</p>`;
const bodyHtml = paragraph
  .repeat(Math.ceil(chars / paragraph.length))
  .slice(0, chars - 4)
  .concat('</p>');

await import(`${cdn}/portal-widgets.js`);
registerArticleBackend(bodyHtml, {
  title: 'Bài viết có phần thân dài bất thường',
  lead: 'Phần thân được dán nhầm nhiều lần.',
});
await customElements.whenDefined('font-scaler');

window.start = () => {
  const start = performance.now();
  const element = benchArticleView();
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
