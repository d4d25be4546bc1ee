import { expect, fixture, html } from '@open-wc/testing';
import { BackendClient, BackendError, Http, wordpressBackend } from '../../src/backend/index.js';
import '../../src/elements/article-view/article-view.define.js';
import '../../src/elements/star-rating/star-rating.define.js';
import { rejection, until } from '../helpers.js';

/** What scripts/real-wordpress.mjs set up: the two sites and the ids of the posts it wrote. */
interface RealWordPress {
  plain: string;
  rated: string;
  posts: Record<'reading' | 'swimming' | 'road' | 'reception' | 'hostile' | 'recording', number>;
}

const real = (await (await fetch('/real-wordpress.json')).json()) as RealWordPress;
const id = (post: keyof RealWordPress['posts']) => String(real.posts[post]);

/** Every URL the adapters asked for, in order. */
const asked: string[] = [];

const site = (url: string) =>
  new BackendClient(
    wordpressBackend({
      api: url,
      http: new Http({
        timeout: 5000,
        retries: 2,
        backoff: 10,
        fetch: (input, init) => {
          asked.push(String(input));
          return fetch(input, init);
        },
      }),
    }),
  );

const requestsTo = (part: string) => asked.filter((url) => url.includes(part)).length;

describe('wordpress adapter against a real WordPress (Debian’s package)', () => {
  it('reads a post with its lead, date and category from another origin', async () => {
    const article = await site(real.plain).getArticle(id('reading'));
    expect(article.title).to.equal('Xã tổ chức ngày hội đọc sách cho thiếu nhi');
    expect(article.lead).to.equal('Hơn hai trăm em học sinh tham gia ngày hội đọc sách.');
    expect(article.bodyHtml).to.include('thi kể chuyện');
    expect(article.category?.name).to.equal('Tin tức');
    expect(article.topic?.name).to.equal('Văn hoá');
    expect(new Date(article.publishedAt).getTime()).to.equal(
      new Date('2026-11-20T08:30:00Z').getTime(),
    );
    expect(article.url).to.equal(`${real.plain}/xa-to-chuc-ngay-hoi-doc-sach-cho-thieu-nhi/`);
    expect((await rejection(site(real.plain).getArticle('999999'))).code).to.equal('not-found');
  });

  it('gives the MP3 uploaded to a post as its recorded voice; an enclosure is not reachable', async () => {
    const article = await site(real.plain).getArticle(id('reception'));
    expect(article.voices).to.have.length(1);
    const [voice] = article.voices!;
    expect(voice.id).to.equal(id('recording'));
    expect(voice.title).to.equal('Giọng nữ miền Bắc');
    expect(voice.url).to.match(
      /^http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/\d{4}\/\d{2}\/lich-tiep-cong-dan\.mp3$/,
    );
    // The file plays: the browser reads its length (the sentence lasts about four seconds).
    const audio = new Audio();
    audio.preload = 'metadata';
    const loaded = new Promise((resolve, reject) => {
      audio.addEventListener('loadedmetadata', resolve, { once: true });
      audio.addEventListener('error', () => reject(new Error(`${voice.url} did not load`)));
    });
    audio.src = voice.url;
    await loaded;
    expect(audio.duration).to.be.within(2, 8);
    // The enclosure WordPress keeps in post meta reaches only its RSS feed, which sends no CORS.
    expect((await site(real.plain).getArticle(id('road'))).voices).to.deep.equal([]);
  });

  it('finds related posts by category, tag and date, across its two categories', async () => {
    const client = site(real.plain);
    const ids = async (strategy: 'category' | 'topic' | 'newer' | 'older') =>
      (await client.getRelated(id('reading'), { strategies: [strategy], limit: 5 })).map(
        (item) => item.id,
      );
    expect(await ids('category')).to.deep.equal([id('road'), id('swimming')]);
    expect(await ids('newer')).to.deep.equal([id('road')]);
    expect(await ids('older')).to.deep.equal([id('swimming')]);
    expect(await ids('topic')).to.deep.equal([id('reception')]);
  });

  it('without a rating route: one request, no retry, and no ratings from then on', async () => {
    const client = site(real.plain);
    expect(client.capabilities.rating).to.equal('read');
    const before = requestsTo('/postratings/v1/');
    const error = await rejection(client.getRating(id('reading')));
    expect(error).to.be.instanceOf(BackendError);
    expect(error.code).to.equal('unsupported');
    expect(error.status).to.equal(404);
    expect(requestsTo('/postratings/v1/') - before).to.equal(1);
    expect(client.capabilities.rating).to.equal('none');
  });

  it('star-rating on a site without ratings shows nothing: no alert, no retry, no tab stop', async () => {
    const stars = await fixture<HTMLElement>(
      html`<star-rating
        backend="wordpress"
        api=${real.plain}
        article-id=${id('road')}
      ></star-rating>`,
    );
    const root = stars.shadowRoot!;
    await until(() => !root.querySelector('[aria-busy="true"]'), 'the rating read to end', 8000);
    const shown = root.querySelector('[role="alert"], [part="retry"], input, button');
    expect(shown?.outerHTML ?? null).to.equal(null);
    expect(root.textContent?.trim()).to.equal('');
  });

  it('star-rating with WP-PostRatings’ route: the figures, read-only, out of the tab order', async () => {
    const stars = await fixture<HTMLElement>(
      html`<star-rating
        backend="wordpress"
        api=${real.rated}
        article-id=${id('reading')}
      ></star-rating>`,
    );
    const root = stars.shadowRoot!;
    await until(() => !!root.querySelector('[part="summary"]'), 'the summary', 8000);
    expect(root.querySelector('[part="summary"]')!.textContent).to.include('17 trong 4 đánh giá');
    expect(root.querySelector('input:enabled, [role="alert"]')?.outerHTML ?? null).to.equal(null);
  });

  it('with WP-PostRatings’ route: the rating, read-only', async () => {
    const client = site(real.rated);
    expect(await client.getRating(id('reading'))).to.deep.equal({
      total: 17,
      count: 4,
      average: 4.3,
      open: false,
    });
    expect(client.capabilities.rating).to.equal('read');
    expect((await rejection(client.rate(id('reading'), 5))).code).to.equal('unsupported');
  });

  it('shows a post carrying hostile HTML without running any of it', async () => {
    const view = await fixture<HTMLElement>(
      html`<article-view
        backend="wordpress"
        api=${real.plain}
        article-id=${id('hostile')}
      ></article-view>`,
    );
    await until(() => !!view.shadowRoot?.querySelector('#safe, .body p'), 'the post', 8000);
    const body = view.shadowRoot!.innerHTML;
    expect(body).to.include('Nội dung an toàn.');
    expect(body).not.to.match(/<script|onerror|onclick|javascript:|<iframe|position:\s*fixed/i);
    expect((window as { pwed?: number }).pwed).to.equal(undefined);
  });
});
