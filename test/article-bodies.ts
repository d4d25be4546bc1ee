/**
 * Article bodies as Vietnamese portals publish them (written for these tests): a photo with its
 * caption, a table of figures, the "Video Clip" block as the portal's own video or a YouTube
 * player, and the wrappers old editors leave behind.
 */
export const ARTICLE_BODIES: Record<string, string> = {
  'photo with caption': `<p>Sáng 27/11, UBND xã Tân Phú tổ chức lễ khánh thành cầu mới.</p>
<figure class="image"><img src="/uploads/2026/11/cau-tan-phu.jpg" alt="Cầu Tân Phú ngày khánh thành" width="800" height="450"><figcaption>Cầu Tân Phú nối hai bờ sông, dài 120 m.</figcaption></figure>`,
  'relative and absolute images': `<p><img src="anh/le-hoi.jpg" alt="Lễ hội"> <img src="https://cdn.example.gov.vn/anh.png" alt="Ảnh ngoài"></p>
<picture><source srcset="/uploads/nho.webp 480w, /uploads/lon.webp 960w" type="image/webp"><img src="/uploads/lon.jpg" alt="Toàn cảnh"></picture>`,
  'table of figures': `<table><caption>Kết quả thu ngân sách 10 tháng năm 2026</caption>
<thead><tr><th scope="col">Khoản thu</th><th scope="col">Tỷ đồng</th></tr></thead>
<tbody><tr><td>Thuế</td><td>1.250</td></tr><tr><td colspan="2">Tổng cộng: 1.250</td></tr></tbody></table>`,
  'portal video clip': `<h3>Video Clip</h3><video controls poster="/uploads/video/anh-bia.jpg" width="640" height="360" preload="metadata"><source src="/uploads/video/hoi-nghi.mp4" type="video/mp4"><track kind="captions" src="/uploads/video/hoi-nghi.vtt" srclang="vi" label="Tiếng Việt"></video>`,
  'youtube player': `<p>Xem lại buổi họp báo:</p><iframe width="560" height="315" src="https://www.youtube.com/embed/aBcD3fGh1_k?start=30" title="Họp báo tháng 11" allowfullscreen></iframe><iframe src="https://www.youtube-nocookie.com/embed/Zx9-yW8vU7t"></iframe>`,
  'frames that are not a youtube player': `<p>giữ-chữ</p><iframe src="https://example.com/embed/x"></iframe><iframe src="https://www.youtube.com.evil.example/embed/x"></iframe><iframe src="//www.youtube.com/watch?v=x"></iframe>`,
  'links of every kind': `<p><a href="/tin-tuc/le-hoi.html">Lễ hội</a>, <a href="https://chinhphu.vn" target="_blank">Cổng Chính phủ</a>, <a href="#muc-2">mục 2</a>, <a href="mailto:banbientap@example.gov.vn">thư</a></p>`,
  'wrappers from old editors': `<section><p><font color="red" face="Arial">Thông báo khẩn</font> về lịch <strike>cũ</strike> mới.</p></section><center>Giữa trang</center><p>Đoạn Word<o:p></o:p></p>`,
  'lists, quotes, headings': `<h2>Nội dung chính</h2><ol start="3"><li>Một</li><li>Hai</li></ol><ul><li>Ý <em>nhấn</em> <strong>mạnh</strong></li></ul><blockquote cite="https://example.gov.vn/trich-dan">Trích dẫn phát biểu.</blockquote><p>H<sub>2</sub>O, m<sup>2</sup></p>`,
};

/**
 * What each body becomes against the backend https://portal.example.gov.vn/api/v1: the same
 * markup from the browser's own sanitiser (Chromium, Firefox) and from DOMPurify (every engine).
 */
export const SANITISED_BODIES: Record<keyof typeof ARTICLE_BODIES, string> = {
  'photo with caption':
    '<p>Sáng 27/11, UBND xã Tân Phú tổ chức lễ khánh thành cầu mới.</p>\n<figure><img src="https://portal.example.gov.vn/uploads/2026/11/cau-tan-phu.jpg" alt="Cầu Tân Phú ngày khánh thành" width="800" height="450"><figcaption>Cầu Tân Phú nối hai bờ sông, dài 120 m.</figcaption></figure>',
  'relative and absolute images':
    '<p><img src="https://portal.example.gov.vn/api/anh/le-hoi.jpg" alt="Lễ hội"> <img src="https://cdn.example.gov.vn/anh.png" alt="Ảnh ngoài"></p>\n<picture><source srcset="https://portal.example.gov.vn/uploads/nho.webp 480w, https://portal.example.gov.vn/uploads/lon.webp 960w" type="image/webp"><img src="https://portal.example.gov.vn/uploads/lon.jpg" alt="Toàn cảnh"></picture>',
  'table of figures':
    '<table><caption>Kết quả thu ngân sách 10 tháng năm 2026</caption>\n<thead><tr><th scope="col">Khoản thu</th><th scope="col">Tỷ đồng</th></tr></thead>\n<tbody><tr><td>Thuế</td><td>1.250</td></tr><tr><td colspan="2">Tổng cộng: 1.250</td></tr></tbody></table>',
  'portal video clip':
    '<h3>Video Clip</h3><video controls="" poster="https://portal.example.gov.vn/uploads/video/anh-bia.jpg" width="640" height="360" preload="metadata"><source src="https://portal.example.gov.vn/uploads/video/hoi-nghi.mp4" type="video/mp4"><track kind="captions" src="https://portal.example.gov.vn/uploads/video/hoi-nghi.vtt" srclang="vi" label="Tiếng Việt"></video>',
  'youtube player':
    '<p>Xem lại buổi họp báo:</p><iframe width="560" height="315" src="https://www.youtube.com/embed/aBcD3fGh1_k?start=30" title="Họp báo tháng 11" allowfullscreen="" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" referrerpolicy="strict-origin-when-cross-origin" loading="lazy"></iframe><iframe src="https://www.youtube-nocookie.com/embed/Zx9-yW8vU7t" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" referrerpolicy="strict-origin-when-cross-origin" loading="lazy" title="YouTube"></iframe>',
  'frames that are not a youtube player': '<p>giữ-chữ</p>',
  'links of every kind':
    '<p><a href="https://portal.example.gov.vn/tin-tuc/le-hoi.html">Lễ hội</a>, <a href="https://chinhphu.vn/" target="_blank">Cổng Chính phủ</a>, <a href="#muc-2">mục 2</a>, <a>thư</a></p>',
  'wrappers from old editors': '<p>Thông báo khẩn về lịch cũ mới.</p>Giữa trang<p>Đoạn Word</p>',
  'lists, quotes, headings':
    '<h2>Nội dung chính</h2><ol start="3"><li>Một</li><li>Hai</li></ol><ul><li>Ý <em>nhấn</em> <strong>mạnh</strong></li></ul><blockquote cite="https://example.gov.vn/trich-dan">Trích dẫn phát biểu.</blockquote><p>H<sub>2</sub>O, m<sup>2</sup></p>',
};
