import { expect } from '@open-wc/testing';
import {
  hasNativeSanitizer,
  sanitizeNatively,
  sanitizeWithPurify,
} from '../src/elements/article-view/sanitize.js';
import { ARTICLE_BODIES, SANITISED_BODIES } from './article-bodies.js';
import { engine } from './helpers.js';
import { XSS_PAYLOADS, dangerousNodes } from './xss-payloads.js';

const BASE = 'https://portal.example.gov.vn/api/v1';

/** A fragment as markup, for comparing the two paths. */
function markup(fragment: DocumentFragment): string {
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

/**
 * Skips a test of the browser's own sanitiser in WebKit: Safari has no Element.setHTML, so its
 * visitors get the DOMPurify path, which every engine runs through the same tests.
 */
function skipNativeInWebKit(test: Mocha.Context, path: 'native' | 'DOMPurify'): void {
  if (path === 'native' && engine === 'webkit') test.skip();
}

describe('the article body sanitiser', () => {
  it('runs on the browser’s own HTML Sanitizer API in Chromium and Firefox, DOMPurify in WebKit', () => {
    expect(hasNativeSanitizer()).to.equal(engine !== 'webkit');
  });

  for (const path of ['native', 'DOMPurify'] as const) {
    for (const [name, body] of Object.entries(ARTICLE_BODIES)) {
      it(`makes of "${name}" the same markup in every engine (${path})`, async function () {
        skipNativeInWebKit(this, path);
        const clean =
          path === 'native' ? sanitizeNatively(body, BASE) : await sanitizeWithPurify(body, BASE);
        expect(markup(clean)).to.equal(SANITISED_BODIES[name]);
      });
    }
  }

  for (const path of ['native', 'DOMPurify'] as const) {
    const clean = async (body: string) => {
      const holder = document.createElement('div');
      holder.append(
        path === 'native' ? sanitizeNatively(body, BASE) : await sanitizeWithPurify(body, BASE),
      );
      return holder;
    };

    it(`keeps a photo with its alt text and caption, its address resolved against the backend (${path})`, async function () {
      skipNativeInWebKit(this, path);
      const body = await clean(ARTICLE_BODIES['photo with caption']);
      const image = body.querySelector('figure > img')!;
      expect(image.getAttribute('src')).to.equal(
        'https://portal.example.gov.vn/uploads/2026/11/cau-tan-phu.jpg',
      );
      expect(image.getAttribute('alt')).to.equal('Cầu Tân Phú ngày khánh thành');
      expect(body.querySelector('figcaption')!.textContent).to.include('dài 120 m');
      const more = await clean(ARTICLE_BODIES['relative and absolute images']);
      expect(
        [...more.querySelectorAll('img')].map((element) => element.getAttribute('src')),
      ).to.deep.equal([
        'https://portal.example.gov.vn/api/anh/le-hoi.jpg',
        'https://cdn.example.gov.vn/anh.png',
        'https://portal.example.gov.vn/uploads/lon.jpg',
      ]);
      expect(more.querySelector('source')!.getAttribute('srcset')).to.equal(
        'https://portal.example.gov.vn/uploads/nho.webp 480w, https://portal.example.gov.vn/uploads/lon.webp 960w',
      );
    });

    it(`keeps tables with caption, header cells and spans (${path})`, async function () {
      skipNativeInWebKit(this, path);
      const body = await clean(ARTICLE_BODIES['table of figures']);
      expect(body.querySelector('table caption')!.textContent).to.include('ngân sách');
      expect(body.querySelectorAll('th[scope="col"]').length).to.equal(2);
      expect(body.querySelector('td[colspan="2"]')).to.exist;
    });

    it(`keeps the portal's own video with its source, poster and captions (${path})`, async function () {
      skipNativeInWebKit(this, path);
      const body = await clean(ARTICLE_BODIES['portal video clip']);
      const video = body.querySelector('video')!;
      expect(video.hasAttribute('controls')).to.equal(true);
      expect(video.getAttribute('poster')).to.equal(
        'https://portal.example.gov.vn/uploads/video/anh-bia.jpg',
      );
      expect(video.querySelector('source')!.getAttribute('src')).to.equal(
        'https://portal.example.gov.vn/uploads/video/hoi-nghi.mp4',
      );
      expect(video.querySelector('track')!.getAttribute('srclang')).to.equal('vi');
    });

    it(`keeps a YouTube player, sandboxed, and no other frame (${path})`, async function () {
      skipNativeInWebKit(this, path);
      const body = await clean(ARTICLE_BODIES['youtube player']);
      const frames = [...body.querySelectorAll('iframe')];
      expect(frames.map((frame) => frame.getAttribute('src'))).to.deep.equal([
        'https://www.youtube.com/embed/aBcD3fGh1_k?start=30',
        'https://www.youtube-nocookie.com/embed/Zx9-yW8vU7t',
      ]);
      expect(frames[0]!.title).to.equal('Họp báo tháng 11');
      expect(frames[1]!.title).to.equal('YouTube');
      for (const frame of frames) {
        expect(frame.getAttribute('sandbox')).to.equal(
          'allow-scripts allow-same-origin allow-presentation allow-popups',
        );
      }
      const others = await clean(ARTICLE_BODIES['frames that are not a youtube player']);
      expect(others.querySelectorAll('iframe').length).to.equal(0);
      expect(others.textContent).to.include('giữ-chữ');
    });

    it(`keeps the text of wrappers old editors leave, and resolves links (${path})`, async function () {
      skipNativeInWebKit(this, path);
      const wrapped = await clean(ARTICLE_BODIES['wrappers from old editors']);
      expect(wrapped.textContent)
        .to.include('Thông báo khẩn về lịch cũ mới.')
        .and.include('Giữa trang')
        .and.include('Đoạn Word');
      const links = await clean(ARTICLE_BODIES['links of every kind']);
      expect(
        [...links.querySelectorAll('a')].map((link) => link.getAttribute('href')),
      ).to.deep.equal([
        'https://portal.example.gov.vn/tin-tuc/le-hoi.html',
        'https://chinhphu.vn/',
        '#muc-2',
        null,
      ]);
      expect(links.textContent).to.include('thư');
    });
  }
});

describe('the article body sanitiser with hostile bodies', () => {
  for (const path of ['native', 'DOMPurify'] as const) {
    it(`runs none of the XSS payloads, shown in the page, and keeps the harmless text (${path})`, async function () {
      skipNativeInWebKit(this, path);
      const hits: string[] = [];
      (window as unknown as { xssHit: (id: string) => void }).xssHit = (id) => hits.push(id);
      const host = document.createElement('div');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      try {
        for (const [index, payload] of XSS_PAYLOADS.entries()) {
          const body = `<p>an-toàn-${index}</p>${payload}`;
          const fragment =
            path === 'native'
              ? sanitizeNatively(body, location.href)
              : await sanitizeWithPurify(body, location.href);
          root.replaceChildren(fragment);
          expect(root.textContent, `payload ${index}`).to.include(`an-toàn-${index}`);
          expect(dangerousNodes(root), `payload ${index}`).to.deep.equal([]);
          for (const link of root.querySelectorAll('a')) link.click();
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(hits, 'payloads that ran').to.deep.equal([]);
      } finally {
        host.remove();
      }
    });
  }
});
