// The playground's and theming page's words in Vietnamese and English: the page's own texts, and
// Vietnamese for every description of custom-elements.json (whose descriptions are English,
// from the source's JSDoc). The demo test fails when the manifest gains a description that has
// no Vietnamese here.

/** The language chosen: `?lang=en` in the address, Vietnamese otherwise. */
export function chosenLanguage() {
  return new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
}

/** Puts `lang` in the address (keeping the other parameters) without reloading. */
export function rememberLanguage(lang) {
  const params = new URLSearchParams(location.search);
  if (lang === 'en') params.set('lang', 'en');
  else params.delete('lang');
  history.replaceState(null, '', `?${params}`);
}

/** The texts of the pages' own markup, by the `data-text` key that marks them. */
export const PAGE_TEXT = {
  vi: {
    'nav-label': 'Trang trình diễn',
    'nav-demo': 'Trang bài viết mẫu',
    'nav-states': 'Các trạng thái',
    'nav-playground': 'Thử thuộc tính',
    'nav-theming': 'Màu sắc',
    language: 'Ngôn ngữ',
    preview: 'Xem trước',
    copied: 'Đã sao chép.',
    'copy-by-hand': 'Hãy nhấn Ctrl+C để sao chép phần đã chọn.',
    'playground-title': 'Thử thuộc tính — Portal Widgets',
    'playground-heading': 'Thử thuộc tính của từng phần tử',
    'playground-intro':
      'Mọi thuộc tính, biến CSS, phần (`::part`) và sự kiện dưới đây được đọc từ `custom-elements.json`, tệp sinh ra từ mã nguồn: trang này không thể lệch khỏi mã. Sửa một giá trị, phần tử thay đổi ngay; sao chép mã HTML ở cuối.',
    element: 'Phần tử',
    controls: 'Tùy chỉnh phần tử',
    'html-heading': 'Mã HTML',
    'html-label': 'Mã HTML để sao chép',
    'copy-html': 'Sao chép mã',
    'events-heading': 'Sự kiện',
    'events-log': 'Sự kiện đã phát',
    attributes: 'Thuộc tính (attribute)',
    'css-properties': 'Biến CSS',
    parts: 'Phần (::part): chọn để tô viền',
    events: 'Sự kiện',
    default: '(mặc định)',
    'theming-title': 'Màu sắc và kiểu chữ — Portal Widgets',
    'theming-heading': 'Màu sắc và kiểu chữ',
    'theming-intro':
      'Các biến `--pw-*` của cả năm phần tử, đọc từ `custom-elements.json`. Đổi một giá trị, mọi phần tử đổi theo; sao chép CSS ở cuối vào tệp CSS của cổng. Ở chế độ tương phản cao, bộ màu 7:1 của chúng tôi được dùng thay.',
    tokens: 'Biến giao diện',
    'css-label': 'CSS để sao chép',
    'copy-css': 'Sao chép CSS',
    reset: 'Về mặc định',
    'css-empty': '/* Đổi một biến ở bên trái để có CSS. */',
    'pick-colour': 'chọn màu',
  },
  en: {
    'nav-label': 'Demo pages',
    'nav-demo': 'Sample article page',
    'nav-states': 'States',
    'nav-playground': 'Playground',
    'nav-theming': 'Colours',
    language: 'Language',
    preview: 'Preview',
    copied: 'Copied.',
    'copy-by-hand': 'Press Ctrl+C to copy the selection.',
    'playground-title': 'Playground — Portal Widgets',
    'playground-heading': 'Playground: every element, live',
    'playground-intro':
      'Every attribute, CSS property, part (`::part`) and event below is read from `custom-elements.json`, generated from the source: this page cannot drift from the code. Change a value and the element follows at once; copy the HTML at the end.',
    element: 'Element',
    controls: 'Element settings',
    'html-heading': 'HTML',
    'html-label': 'HTML to copy',
    'copy-html': 'Copy HTML',
    'events-heading': 'Events',
    'events-log': 'Events fired',
    attributes: 'Attributes',
    'css-properties': 'CSS properties',
    parts: 'Parts (::part): tick to outline',
    events: 'Events',
    default: '(default)',
    'theming-title': 'Colours and type — Portal Widgets',
    'theming-heading': 'Colours and type',
    'theming-intro':
      "The `--pw-*` properties of all five elements, read from `custom-elements.json`. Change a value and every element follows; copy the CSS at the end into the portal's stylesheet. In high contrast, our 7:1 colours are used instead.",
    tokens: 'Theme properties',
    'css-label': 'CSS to copy',
    'copy-css': 'Copy CSS',
    reset: 'Back to defaults',
    'css-empty': '/* Change a property on the left to get CSS. */',
    'pick-colour': 'pick a colour',
  },
};

const SHARED = {
  'attribute article-id': 'Bài viết, theo mã (id) của nó ở nguồn dữ liệu.',
  'attribute api':
    'Địa chỉ nguồn dữ liệu riêng của phần tử này; nếu không có, dùng của trang (`data-api` trên thẻ script).',
  'attribute backend':
    'Tên bộ chuyển đổi riêng của phần tử này; nếu không có, dùng của trang (`data-backend`, mặc định `rest`).',
  'attribute site':
    'Trang (site) riêng của phần tử này trên máy chủ phục vụ nhiều cổng thông tin (`xa-hoa-binh`); nếu không có, dùng của trang (`data-site` trên thẻ script).',
  'css --pw-color-focus': 'Màu viền khi được chọn bằng bàn phím (mặc định #0b5394).',
  'css --pw-radius': 'Độ bo góc của nút (mặc định 0.25em).',
  'css --pw-gap': 'Khoảng cách giữa các nút (mặc định 0.25em).',
  'css --pw-font-family': 'Phông chữ (mặc định theo trang).',
};

const TOOLBAR_BUTTONS = {
  'css --pw-color-text': 'Màu chữ của nút (mặc định #1f2328).',
  'css --pw-color-surface': 'Màu nền của nút (mặc định #fff).',
  'css --pw-color-border': 'Màu viền của nút (mặc định #6b7280).',
  'css --pw-color-accent': 'Màu viền khi rê chuột (mặc định: màu chữ của nút).',
};

const FETCHED = {
  'part error': 'Thông báo lỗi.',
  'part retry': 'Nút "Thử lại".',
};

/** Vietnamese for each description of the manifest, by tag, then by `<kind> <name>`. */
const VIETNAMESE = {
  'article-view': {
    ...SHARED,
    ...FETCHED,
    summary: 'Một bài viết, lấy từ nguồn dữ liệu của cổng và đã được làm sạch.',
    'attribute heading-level':
      'Cấp của tiêu đề: 1 theo mặc định, 2 khi đặt dưới thẻ h1 của chính cổng.',
    'attribute json-ld': 'Thêm JSON-LD `NewsArticle` (schema.org) của bài vào phần head của trang.',
    'css --pw-color-text': 'Màu chữ nội dung (mặc định: màu chữ của trang).',
    'css --pw-color-muted': 'Dòng thông tin và chú thích ảnh (mặc định: màu chữ của trang).',
    'css --pw-color-accent': 'Liên kết và tiêu đề (mặc định: màu chữ của trang).',
    'css --pw-color-surface': 'Nền của khung chờ và khe quanh viền chọn (mặc định #fff).',
    'css --pw-article-title-size': 'Cỡ chữ tiêu đề (mặc định 1.75em).',
    'css --pw-article-measure': 'Độ dài dòng tối đa (mặc định none: theo bề rộng cột).',
    'part article': 'Thẻ `<article>`.',
    'part title': 'Tiêu đề.',
    'part lead': 'Đoạn sapo.',
    'part meta': 'Ngày, tác giả, chuyên mục và thời gian đọc.',
    'part figure': 'Ảnh chính cùng chú thích.',
    'part body': 'Nội dung bài.',
    'event pw-load': 'Bài viết đã hiện; `detail.article` chứa bài.',
    'event pw-error': 'Không hiện được bài viết; `detail.error` cho biết lý do.',
    'slot ': 'Bài viết do cổng in sẵn; được hiện thay cho việc tải về.',
  },
  'contrast-toggle': {
    ...SHARED,
    ...TOOLBAR_BUTTONS,
    summary: 'Tăng / giảm tương phản cho cả trang, ghi nhớ cho lần truy cập sau.',
    'part group': 'Nhóm chứa hai nút.',
    'part button': 'Từng nút.',
    'part increase': 'Nút "Tăng tương phản".',
    'part decrease': 'Nút "Giảm tương phản".',
    'event pw-contrast-change':
      'Người đọc đổi độ tương phản; `detail.contrast` là `more` (tăng) hoặc `normal` (bình thường).',
  },
  'font-scaler': {
    ...SHARED,
    ...TOOLBAR_BUTTONS,
    summary: 'Thanh cỡ chữ (A- A A+) phóng to thu nhỏ chữ của trang và ghi nhớ lựa chọn.',
    'attribute steps':
      'Các cỡ chữ mà nút lần lượt chuyển qua, là hệ số của cỡ mặc định của người đọc, cách nhau bằng dấu cách hoặc dấu phẩy. Phải có 1; mỗi hệ số từ 0.5 đến 3.',
    'attribute target':
      'Bộ chọn CSS cho phần duy nhất của trang cần phóng to chữ, ví dụ `article-view, .bodytext`. Không có thì cả trang được phóng to: qua cỡ chữ gốc, và ở giao diện đặt cỡ chữ bằng px thì bằng cách đo rồi phóng to phần chữ đó.',
    'part group': 'Nhóm chứa ba nút.',
    'part button': 'Từng nút trong ba nút.',
    'part decrease': 'Nút A-.',
    'part reset': 'Nút A.',
    'part increase': 'Nút A+.',
    'event pw-text-scale-change':
      'Người đọc chọn một cỡ chữ; `detail.scale` là hệ số (1 = mặc định).',
  },
  'read-aloud': {
    ...SHARED,
    ...TOOLBAR_BUTTONS,
    summary:
      '"Nghe đọc bài viết": phát bản ghi âm của cổng, hoặc giọng đọc của trình duyệt với câu đang đọc được tô sáng.',
    'attribute target':
      'Phần cần đọc, bằng bộ chọn CSS: mặc định là `<article-view>` của trang; trên trang bài viết của chính cổng là các phần chứa chữ, ví dụ `.hometext, .bodytext` trên NukeViet. Đọc theo thứ tự trên trang.',
    'attribute abbreviations':
      'Thêm chữ viết tắt cần đọc thành lời, ngoài danh sách có sẵn (UBND, HĐND, TP., …): `{"BQL": "Ban quản lý"}`, đặt bằng thuộc tính hoặc JSON trong attribute.',
    'attribute autoplay':
      'Phát bản ghi âm ngay khi mở trang, nếu bài có bản ghi âm và trình duyệt cho phép.',
    'attribute hide-unsupported':
      'Không hiện gì, thay cho một dòng thông báo, ở nơi không nghe được bài viết.',
    'css --pw-color-muted': 'Chữ cho biết đang đọc đến đâu (mặc định: màu chữ của trang).',
    'part player': 'Nhóm các nút điều khiển.',
    'part button': 'Từng nút.',
    'part play': 'Nút nghe, tạm dừng, đọc tiếp.',
    'part stop': 'Nút "Dừng đọc".',
    'part speed': 'Danh sách chọn tốc độ đọc.',
    'part voice': 'Danh sách chọn giọng đọc (chỉ khi có nhiều giọng).',
    'part seek': 'Thanh tua: thời gian của bản ghi âm, hoặc câu đang đọc.',
    'part progress': 'Câu đang đọc, hoặc thời gian của bản ghi âm.',
    'part unsupported': 'Dòng cho biết không nghe được bài viết ở đây.',
    'event pw-read-aloud':
      'Bắt đầu đọc (`playing`), tạm dừng (`paused`), dừng (`stopped`) hoặc đọc hết bài (`ended`); `detail.source` là `recording` (bản ghi âm) hoặc `speech` (giọng đọc của trình duyệt).',
  },
  'related-list': {
    ...SHARED,
    ...FETCHED,
    summary: '"Bài viết liên quan": một danh sách có tiêu đề gồm các liên kết đến bài liên quan.',
    'attribute strategy':
      'Những bài liên quan nào, theo thứ tự, cách nhau bằng dấu cách: `topic` (cùng chủ đề), `newer` (mới hơn), `older` (cũ hơn), `category` (cùng chuyên mục). Bài trùng chỉ hiện một lần.',
    'attribute limit': 'Tối đa bấy nhiêu liên kết (1–20).',
    'attribute layout':
      '`list` (tiêu đề và ngày), `cards` (kèm ảnh thu nhỏ) hoặc `compact` (chỉ tiêu đề).',
    'attribute heading': 'Chữ của tiêu đề; mặc định "Bài viết liên quan".',
    'attribute heading-level': 'Cấp của tiêu đề (mặc định 2).',
    'attribute loading':
      '`lazy` (mặc định): tải khi danh sách đến gần màn hình; `eager`: tải ngay.',
    'attribute href-template':
      'Địa chỉ của liên kết khi nguồn dữ liệu không cho địa chỉ: `{id}` được thay bằng mã bài, ví dụ `/tin-tuc/{id}.html`. Mặc định `?id={id}`.',
    'css --pw-color-text': 'Màu chữ (mặc định: màu chữ của trang).',
    'css --pw-color-muted': 'Ngày đăng (mặc định: màu chữ của trang).',
    'css --pw-color-accent': 'Liên kết (mặc định: màu chữ của trang).',
    'css --pw-gap': 'Khoảng cách giữa các mục (mặc định 0.25em).',
    'part section': 'Vùng có tên của danh sách.',
    'part heading': 'Tiêu đề.',
    'part list': 'Thẻ `<ul>`.',
    'part item': 'Từng thẻ `<li>`.',
    'part link': 'Từng liên kết (tên của nó là tiêu đề bài).',
    'part date': 'Từng ngày đăng.',
    'part thumbnail': 'Từng ảnh (kiểu `cards`).',
    'event pw-error': 'Không tải được danh sách; `detail.error` cho biết lý do.',
    'slot heading': 'Thay cho chữ của tiêu đề.',
  },
  'star-rating': {
    ...SHARED,
    ...FETCHED,
    summary:
      'Đánh giá bằng sao với câu tổng kết của cổng; mỗi người đọc một lượt, không mất lượt nào.',
    'attribute value':
      'Số sao đã chọn, là giá trị của biểu mẫu: "" hoặc "1"–"5". Đặt giá trị này không phát sự kiện `change`.',
    'attribute name': 'Tên trường trong biểu mẫu.',
    'attribute required': 'Trong biểu mẫu: bắt buộc chọn số sao.',
    'attribute readonly': 'Chỉ hiện điểm trung bình; không có gì để chọn hay nhấn.',
    'css --pw-star-color':
      'Màu sao đã tô và viền sao (mặc định #a15c00, tương phản từ 3:1 trở lên trên nền trắng).',
    'css --pw-star-size': 'Cỡ mỗi ngôi sao (mặc định 1.5em, không dưới 24px).',
    'css --pw-star-gap': 'Khoảng cách giữa các sao (mặc định 0.125em).',
    'css --pw-color-text': 'Màu chữ (mặc định: màu chữ của trang).',
    'css --pw-color-muted': 'Hướng dẫn và ghi chú (mặc định: màu chữ của trang).',
    'part summary': 'Câu tổng số điểm và số lượt đánh giá.',
    'part average': 'Điểm trung bình, bằng sao và bằng số.',
    'part group': 'Nhóm nút chọn gồm năm lựa chọn.',
    'part star': 'Từng lựa chọn.',
    'part status': 'Tiến trình và kết quả của một lượt đánh giá.',
    'event change': 'Người đọc chọn số sao (không phát khi `value` được đặt từ mã).',
    'event pw-rating-change':
      'Nguồn dữ liệu đã xác nhận lượt đánh giá; `detail.summary` là tổng kết mới.',
    'event pw-error': 'Không tải được phần tổng kết.',
  },
};

/**
 * An element's description of one item (`kind`: summary, attribute, css, part, event, slot) in
 * `lang`: the manifest's English, or its Vietnamese (undefined when there is none yet).
 */
export function describe(lang, tag, kind, item) {
  if (lang === 'en') return kind === 'summary' ? item.summary : item.description;
  return VIETNAMESE[tag]?.[kind === 'summary' ? 'summary' : `${kind} ${item.name ?? ''}`];
}

/** Sets the page's language and every `data-text` in it, rendering `backticked` names as code. */
export function translatePage(lang, render) {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-text]')) {
    const text = PAGE_TEXT[lang][node.dataset.text];
    if (node.dataset.textAttribute) node.setAttribute(node.dataset.textAttribute, text);
    else if (node.localName === 'title') document.title = text;
    else {
      node.replaceChildren();
      render(node, text);
    }
  }
}
