// A 5,000-word article with 20 images and 5 tables, rendered by article-view (sanitised) and by
// a plain innerHTML assignment of the same, unsanitised HTML.
import { benchArticleView, registerArticleBackend } from './article-backend.js';

const WORDS =
  'xã huyện nông dân cà phê trường học đường giao thông trạm y tế cán bộ thôn hợp tác xã'.split(
    ' ',
  );
function longArticleHtml() {
  const parts = [];
  let words = 0;
  let paragraph = 0;
  while (words < 5000) {
    const sentence = Array.from(
      { length: 50 },
      (_, i) => WORDS[(i + paragraph) % WORDS.length],
    ).join(' ');
    parts.push(`<p>${sentence}.</p>`);
    words += 50;
    paragraph += 1;
    if (paragraph % 5 === 0 && paragraph / 5 <= 20) {
      parts.push(
        `<img src="/test/fixtures/photo.svg" width="320" height="180" alt="Ảnh ${paragraph / 5}">`,
      );
    }
    if (paragraph % 20 === 0 && paragraph / 20 <= 5) {
      const rows = Array.from(
        { length: 10 },
        (_, r) => `<tr><td>Dòng ${r}</td><td>${r * 7}</td><td>${r * 13}</td></tr>`,
      ).join('');
      parts.push(
        `<table><thead><tr><th>Mục</th><th>Số</th><th>Tổng</th></tr></thead><tbody>${rows}</tbody></table>`,
      );
    }
  }
  return parts.join('\n');
}

const mode = new URLSearchParams(location.search).get('mode');
const bodyHtml = longArticleHtml();

window.result = (async () => {
  if (mode === 'innerHTML') {
    const start = performance.now();
    const holder = document.createElement('div');
    document.body.append(holder);
    holder.innerHTML = bodyHtml;
    void document.body.offsetHeight;
    const end = performance.now();
    return { firstRender: end - start, body: end - start };
  }
  await import('/dist/cdn/portal-widgets.js');
  registerArticleBackend(bodyHtml, {
    title: 'Bài viết dài để đo thời gian hiển thị',
    lead: 'Năm nghìn chữ, hai mươi ảnh và năm bảng.',
    readingMinutes: 25,
  });
  const start = performance.now();
  const element = benchArticleView();
  const loaded = new Promise((resolve) =>
    element.addEventListener('pw-load', resolve, { once: true }),
  );
  document.body.append(element);
  await loaded;
  await element.updateComplete;
  void document.body.offsetHeight;
  const firstRender = performance.now() - start;
  const body = () => element.shadowRoot.querySelector('.body');
  while (!body()?.firstChild) await new Promise((resolve) => setTimeout(resolve, 0));
  void document.body.offsetHeight;
  return {
    firstRender,
    body: performance.now() - start,
    sanitizer: 'setHTML' in Element.prototype ? 'Element.setHTML' : 'DOMPurify',
  };
})();
