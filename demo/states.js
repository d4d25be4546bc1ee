// The states gallery: every element in every state, side by side in Vietnamese and English.
// Each state comes from the reference server misbehaving on purpose (/demo-backends/<mode>/),
// from a real static JSON folder (data/), or from a visitor's action played by this script.
// Votes go to backends that record none: showing a state never changes the demo's data.
const backend = (mode) => `demo-backends/${mode}/api/v1`;

/** A short text for read-aloud, in Vietnamese in both columns (`lang` of the text, not of the cell). */
const listenText = (id, textLang = 'vi') =>
  `<p id="${id}" lang="${textLang}" class="listen-text">UBND xã Hòa Bình mở lớp hướng dẫn người cao tuổi dùng dịch vụ công trực tuyến. Lớp học diễn ra sáng thứ Bảy tại nhà văn hóa thôn Đồng Tâm.</p>`;

/** Two recordings of the demo's first article, as a portal publishes them. */
const RECORDINGS = [
  { id: 'nu', title: 'Giọng nữ', url: new URL('audio/giong-nu.mp3', location.href).href },
  { id: 'nam', title: 'Giọng nam', url: new URL('audio/giong-nam.mp3', location.href).href },
];

/** Each state: its name in both languages, and the elements that show it. */
const STATES = [
  {
    id: 'loading',
    vi: 'Đang tải (máy chủ trả lời sau 5 giây)',
    en: 'Loading (the server answers after 5 s)',
    markup: (lang) => `<article-view article-id="3" api="${backend('slow')}"></article-view>
      <star-rating article-id="3" api="${backend('slow')}"></star-rating>
      <related-list article-id="3" loading="eager" api="${backend('slow')}"
        heading="${lang === 'vi' ? 'Bài viết liên quan (máy chủ chậm)' : 'Related articles (slow server)'}"></related-list>`,
  },
  {
    id: 'down',
    vi: 'Lỗi: máy chủ không hoạt động (503), có nút thử lại',
    en: 'Error: the server is down (503), with a retry button',
    markup: (lang) => `<article-view article-id="3" api="${backend('down')}"></article-view>
      <star-rating article-id="3" api="${backend('down')}"></star-rating>
      <related-list article-id="3" loading="eager" api="${backend('down')}"
        heading="${lang === 'vi' ? 'Bài viết liên quan (máy chủ hỏng)' : 'Related articles (server down)'}"></related-list>`,
  },
  {
    id: 'garbage',
    vi: 'Lỗi: máy chủ trả về trang HTML thay cho JSON',
    en: 'Error: the server answers an HTML page instead of JSON',
    markup: `<star-rating article-id="3" api="${backend('garbage')}"></star-rating>`,
  },
  {
    id: 'not-found',
    vi: 'Không tìm thấy bài viết',
    en: 'Article not found',
    markup: `<article-view article-id="9999" api="${backend('unrecorded-votes')}"></article-view>
      <star-rating article-id="9999" api="${backend('unrecorded-votes')}"></star-rating>`,
  },
  {
    id: 'empty',
    vi: 'Không có bài liên quan (không hiển thị gì, không có gì để tab tới)',
    en: 'No related articles (nothing shown, nothing to tab to)',
    markup: `<related-list article-id="empty" backend="static" api="data" loading="eager"></related-list>
      <p class="empty-note">⟵ related-list</p>`,
  },
  {
    id: 'ready',
    vi: 'Sẵn sàng nhận đánh giá',
    en: 'Ready to rate',
    markup: `<star-rating article-id="4" api="${backend('unrecorded-votes')}"></star-rating>`,
  },
  {
    id: 'rated',
    vi: 'Vừa đánh giá 4 sao (cú nhấp do trang này thực hiện)',
    en: 'Just rated 4 stars (clicked by this page)',
    // One article per language: the two columns are one visitor, who may vote once per article.
    markup: (lang) =>
      `<star-rating article-id="${lang === 'vi' ? 5 : 7}" api="${backend('unrecorded-votes')}"></star-rating>`,
    play: (cell) => chooseStar(cell.querySelector('star-rating'), 4),
  },
  {
    id: 'already',
    vi: 'Đã đánh giá từ trước (người đọc quay lại)',
    en: 'Rated before (a returning visitor)',
    markup: (lang) =>
      `<star-rating article-id="${lang === 'vi' ? 5 : 7}" api="${backend('unrecorded-votes')}" hidden></star-rating>`,
    // Shown once the vote above is confirmed: this element then finds it remembered.
    play: (cell) =>
      document.addEventListener('pw-rating-change', function reveal(event) {
        if (event.target.closest('[data-state="rated"]')?.lang !== cell.lang) return;
        document.removeEventListener('pw-rating-change', reveal);
        const late = cell.querySelector('star-rating').cloneNode();
        late.hidden = false;
        cell.querySelector('star-rating').replaceWith(late);
      }),
  },
  {
    id: 'read-only',
    vi: 'Chỉ xem (readonly)',
    en: 'Read-only (readonly)',
    markup: `<star-rating article-id="2" readonly api="${backend('unrecorded-votes')}"></star-rating>`,
  },
  {
    id: 'offline',
    vi: 'Mất kết nối khi gửi: đánh giá được giữ lại để gửi sau',
    en: 'Connection lost while sending: the vote is kept and sent later',
    markup: (lang) =>
      `<star-rating article-id="${lang === 'vi' ? 6 : 8}" api="${backend('offline-votes')}"></star-rating>`,
    play: (cell) => chooseStar(cell.querySelector('star-rating'), 3),
  },
  {
    id: 'listen',
    vi: 'Nghe đọc bằng giọng của trình duyệt (nhấn nút để nghe; câu đang đọc được tô sáng). Trình duyệt không có giọng tiếng Việt thì hiện một dòng thông báo',
    en: 'Listen with the browser’s voice (press to listen; the sentence being read is highlighted). A browser without a Vietnamese voice shows a line instead',
    markup: (lang) =>
      `<read-aloud target="#listen-${lang}"></read-aloud>${listenText(`listen-${lang}`)}`,
  },
  {
    id: 'listen-recordings',
    vi: 'Nghe bản ghi âm của cổng, có hai giọng để chọn',
    en: 'Listen to the portal’s recordings, two voices to choose from',
    markup: (lang) =>
      `<read-aloud target="#recorded-${lang}"></read-aloud>${listenText(`recorded-${lang}`)}`,
    play: (cell) => {
      cell.querySelector('read-aloud').voices = RECORDINGS;
    },
  },
  {
    id: 'listen-broken',
    vi: 'Bản ghi âm không tải được (lỗi 404): khi nhấn nghe, giọng của trình duyệt đọc thay',
    en: 'A recording that cannot be fetched (404): on play, the browser’s voice reads instead',
    markup: (lang) =>
      `<read-aloud target="#broken-${lang}"></read-aloud>${listenText(`broken-${lang}`)}`,
    play: (cell) => {
      cell.querySelector('read-aloud').voices = [
        { id: 'cu', title: 'Giọng cũ', url: new URL('audio/khong-con.mp3', location.href).href },
      ];
    },
  },
  {
    id: 'listen-unsupported',
    vi: 'Không nghe được: không có bản ghi âm, và không trình duyệt nào có giọng cho đoạn văn không thuộc ngôn ngữ nào (lang="zxx")',
    en: 'Cannot listen: no recording, and no browser has a voice for text in no language (lang="zxx")',
    markup: (lang) =>
      `<read-aloud target="#none-${lang}"></read-aloud>${listenText(`none-${lang}`, 'zxx')}`,
  },
  {
    id: 'listen-hidden',
    vi: 'Không nghe được, và trang yêu cầu ẩn (hide-unsupported): không hiện gì',
    en: 'Cannot listen, and the page asks to hide (hide-unsupported): nothing shown',
    markup: (lang) =>
      `<read-aloud hide-unsupported target="#hidden-${lang}"></read-aloud>
      <p class="empty-note">⟵ read-aloud</p>${listenText(`hidden-${lang}`, 'zxx')}`,
  },
];

/** Plays a visitor's click on a star, once the element offers it. */
async function chooseStar(rating, score) {
  for (let tries = 0; tries < 100; tries += 1) {
    const input = rating.shadowRoot?.querySelector(`input[value="${score}"]:not([disabled])`);
    if (input) {
      input.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      input.click();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Forgets what earlier visits to this gallery left behind (its own backends only). */
function forgetGalleryVisits() {
  for (const key of Object.keys(localStorage)) {
    if (key.includes('/demo-backends/')) localStorage.removeItem(key);
  }
  for (const key of ['portal-widgets.given-votes', 'portal-widgets.pending-votes']) {
    try {
      const map = JSON.parse(localStorage.getItem(key) ?? '{}');
      for (const vote of Object.keys(map)) if (vote.includes('/demo-backends/')) delete map[vote];
      localStorage.setItem(key, JSON.stringify(map));
    } catch {
      localStorage.removeItem(key);
    }
  }
}

function render() {
  forgetGalleryVisits();
  const gallery = document.getElementById('gallery');
  gallery.replaceChildren();
  for (const state of STATES) {
    const section = document.createElement('section');
    section.className = 'state';
    section.id = `state-${state.id}`;
    section.setAttribute('aria-labelledby', `${section.id}-title`);
    const title = document.createElement('h2');
    title.id = `${section.id}-title`;
    title.textContent = state.vi;
    section.append(title);
    const pair = document.createElement('div');
    pair.className = 'pair';
    for (const lang of ['vi', 'en']) {
      const cell = document.createElement('div');
      cell.className = 'cell';
      cell.lang = lang;
      cell.dataset.state = state.id;
      const label = document.createElement('p');
      label.className = 'cell-label';
      label.textContent = lang === 'vi' ? 'Tiếng Việt' : `English — ${state.en}`;
      cell.append(label);
      const markup = typeof state.markup === 'function' ? state.markup(lang) : state.markup;
      cell.insertAdjacentHTML('beforeend', markup);
      // A long article scrolls inside its cell; the scrolling box is reachable by keyboard.
      for (const article of cell.querySelectorAll('article-view')) {
        const box = document.createElement('div');
        box.className = 'scroll-box';
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', `article-view — ${lang === 'vi' ? state.vi : state.en}`);
        article.replaceWith(box);
        box.append(article);
      }
      pair.append(cell);
      state.play?.(cell);
    }
    section.append(pair);
    gallery.append(section);
  }
}

render();
document.getElementById('replay').addEventListener('click', render);
