// A px-themed portal page of some 2,000 elements, its text at A+ (120 %), with a news ticker that
// adds an item every 100 ms. `?cdn=` picks the build (none: the page without our script).
const TOPICS = ['Nông thôn mới', 'Y tế xã', 'Trường học', 'Giao thông', 'Cải cách hành chính'];
const content = document.getElementById('content');
content.innerHTML = Array.from(
  { length: 400 },
  (_, index) => `<div class="item"><h3>${TOPICS[index % 5]} số ${index}</h3>
    <p class="note">Ủy ban nhân dân xã thông báo kết quả <a href="#">xem thêm</a>.</p>
    <p style="font-size: 13px">Ngày ${(index % 28) + 1}/11/2026</p></div>`,
).join('');

const cdn = new URLSearchParams(location.search).get('cdn');
localStorage.setItem('portal-widgets.preferences', JSON.stringify({ textScale: 1.2 }));
if (cdn) await import(`${cdn}/portal-widgets.js`);

const ticker = document.getElementById('ticker');
let count = 0;
window.tick = () =>
  setInterval(() => {
    const item = document.createElement('li');
    item.innerHTML = `<span>Tin mới ${(count += 1)}:</span> <b>${TOPICS[count % 5]}</b>`;
    ticker.append(item);
  }, 100);
window.ready = true;
