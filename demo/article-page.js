// The sample portal's own page script: shows the article named in ?id= (related links go there).
const id = new URLSearchParams(location.search).get('id');
if (id && /^\d+$/.test(id)) {
  for (const element of document.querySelectorAll('[article-id]'))
    element.setAttribute('article-id', id);
}
document.addEventListener('pw-load', (event) => {
  document.title = `${event.detail.article.title} — Cổng thông tin điện tử xã Hòa Bình`;
});
