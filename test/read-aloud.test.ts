import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { registerBackend, type Article, type ArticleVoice } from '../src/backend/index.js';
import type { ReadAloudDetail } from '../src/bases/events.js';
import '../src/elements/article-view/article-view.define.js';
import '../src/elements/read-aloud/read-aloud.define.js';
import type { ReadAloud } from '../src/elements/read-aloud/read-aloud.js';
import { SpeechController } from '../src/elements/read-aloud/speech-controller.js';
import { LISTENING_KEY } from '../src/prefs/listening.js';
import { openPage, until, type FramePage } from './helpers.js';

/** An utterance as the fake engine keeps it: what was asked, and its listeners. */
class FakeUtterance extends EventTarget {
  lang = '';
  rate = 1;
  voice: FakeVoice | null = null;
  constructor(public text: string) {
    super();
  }
}

interface FakeVoice {
  name: string;
  lang: string;
  voiceURI: string;
  default: boolean;
  localService: boolean;
}

const voice = (name: string, lang: string): FakeVoice => ({
  name,
  lang,
  voiceURI: `test:${name}`,
  default: false,
  localService: true,
});

/**
 * A speech engine that says nothing: it records each utterance, and the test ends the one being
 * "spoken" with finish(). cancel() reports `interrupted`, as browsers do.
 */
class FakeSynthesis extends EventTarget {
  spoken: FakeUtterance[] = [];
  current: FakeUtterance | undefined;
  constructor(public voices: FakeVoice[]) {
    super();
  }
  getVoices() {
    return this.voices;
  }
  speak(utterance: FakeUtterance) {
    this.spoken.push(utterance);
    this.current = utterance;
  }
  cancel() {
    const utterance = this.current;
    this.current = undefined;
    if (utterance)
      utterance.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
  }
  finish() {
    const utterance = this.current!;
    this.current = undefined;
    utterance.dispatchEvent(new Event('end'));
  }
  pause() {}
  resume() {}
  get speaking() {
    return !!this.current;
  }
  pending = false;
  get texts() {
    return this.spoken.map(({ text }) => text);
  }
}

const originals = {
  speechSynthesis: Object.getOwnPropertyDescriptor(window, 'speechSynthesis'),
  SpeechSynthesisUtterance: Object.getOwnPropertyDescriptor(window, 'SpeechSynthesisUtterance'),
};

function installSpeech(voices: FakeVoice[] | null): FakeSynthesis {
  const fake = new FakeSynthesis(voices ?? []);
  if (voices === null) {
    // A browser with no speech synthesis at all.
    Reflect.deleteProperty(window, 'speechSynthesis');
  } else {
    Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: FakeUtterance,
    configurable: true,
    writable: true,
  });
  return fake;
}

function restoreSpeech(): void {
  for (const [name, descriptor] of Object.entries(originals))
    if (descriptor) Object.defineProperty(window, name, descriptor);
}

const STORY = html`<div id="story" lang="vi">
  <h2>Xã Tân Lập khánh thành trường học mới</h2>
  <p class="lead">UBND xã vừa khánh thành ngôi trường mới.</p>
  <figure>
    <img alt="Ngôi trường mới" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" />
    <figcaption>Ảnh: Phóng viên cơ sở</figcaption>
  </figure>
  <p>Trường có mười hai phòng học. Ông Lê Văn Hòa, Chủ tịch HĐND xã, dự lễ.</p>
  <p hidden>Dòng chữ bị ẩn.</p>
  <script>
    void 'mã trang';
  </script>
  <star-rating>Đánh giá</star-rating>
  <p>Học sinh về TP. Huế dự thi cuối năm.</p>
</div>`;

const EXPECTED = [
  'Xã Tân Lập khánh thành trường học mới',
  'Ủy ban nhân dân xã vừa khánh thành ngôi trường mới.',
  'Trường có mười hai phòng học.',
  'Ông Lê Văn Hòa, Chủ tịch Hội đồng nhân dân xã, dự lễ.',
  'Học sinh về thành phố Huế dự thi cuối năm.',
];

const shadow = (element: Element) => element.shadowRoot!;
const button = (element: ReadAloud, part: string) =>
  shadow(element).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
const select = (element: ReadAloud, part: string) =>
  shadow(element).querySelector<HTMLSelectElement>(`select[part="${part}"]`);
const progress = (element: ReadAloud) =>
  shadow(element).querySelector('[part="progress"]')!.textContent!.trim();
const seekBar = (element: ReadAloud) =>
  shadow(element).querySelector<HTMLInputElement>('input[part="seek"]');
const status = (element: ReadAloud) =>
  shadow(element).querySelector('[role="status"]')!.textContent!.trim();
const highlighted = () => [...(CSS.highlights.get('pw-reading') ?? [])].map(String);

/** The story and a read-aloud reading it, with events recorded. */
async function storyReader(
  attributes = '',
): Promise<{ element: ReadAloud; events: ReadAloudDetail[] }> {
  const holder = await fixture<HTMLDivElement>(
    html`<div>
      ${STORY}
      <div id="player"></div>
    </div>`,
  );
  holder.querySelector('#player')!.innerHTML =
    `<read-aloud target="#story" ${attributes}></read-aloud>`;
  const element = holder.querySelector<ReadAloud>('read-aloud')!;
  const events: ReadAloudDetail[] = [];
  element.addEventListener('pw-read-aloud', (event) => events.push(event.detail));
  await element.updateComplete;
  return { element, events };
}

/**
 * The visitor's listening choices forgotten, by the page's store too: it keeps them in memory and
 * rereads localStorage only on a `storage` event, so a speed chosen by an earlier test would
 * otherwise stay.
 */
function forgetListening(): void {
  localStorage.removeItem(LISTENING_KEY);
  dispatchEvent(new StorageEvent('storage', { key: LISTENING_KEY }));
}

async function press(element: ReadAloud, part: string): Promise<void> {
  button(element, part).click();
  await element.updateComplete;
}

describe('read-aloud with the browser speech', () => {
  let speech: FakeSynthesis;
  beforeEach(() => {
    forgetListening();
    speech = installSpeech([voice('Linh', 'vi-VN'), voice('Nam', 'vi_VN'), voice('Anna', 'en-US')]);
  });
  afterEach(() => {
    restoreSpeech();
    CSS.highlights.clear();
  });

  it('reads headline, lead and body sentence by sentence, abbreviations as words, never captions, hidden text, scripts or widgets', async () => {
    const { element } = await storyReader();
    await press(element, 'play');
    for (let index = 0; index < EXPECTED.length; index += 1) {
      expect(speech.texts, `after sentence ${index}`).to.deep.equal(EXPECTED.slice(0, index + 1));
      expect(speech.current!.lang).to.equal('vi-VN');
      speech.finish();
      await element.updateComplete;
    }
    expect(speech.texts).to.deep.equal(EXPECTED);
    expect(status(element)).to.equal('Đã đọc hết bài');
  });

  it('highlights the sentence being read in the page and says which one it is', async () => {
    const { element } = await storyReader();
    expect(highlighted()).to.deep.equal([]);
    await press(element, 'play');
    expect(highlighted()).to.deep.equal(['Xã Tân Lập khánh thành trường học mới']);
    speech.finish();
    speech.finish();
    await element.updateComplete;
    expect(highlighted()).to.deep.equal(['Trường có mười hai phòng học.']);
    expect(progress(element)).to.equal('Câu 3/5');
    await press(element, 'stop');
    expect(highlighted()).to.deep.equal([]);
    expect(progress(element)).to.equal('');
  });

  it('pauses, resumes at the same sentence, and stops back to the start', async () => {
    const { element, events } = await storyReader();
    await press(element, 'play');
    speech.finish();
    await element.updateComplete;
    await press(element, 'play');
    expect(speech.current, 'silent while paused').to.equal(undefined);
    expect(button(element, 'play').textContent!.trim()).to.equal('Đọc tiếp');
    expect(status(element)).to.equal('Đã tạm dừng');
    await press(element, 'play');
    expect(speech.current!.text).to.equal(EXPECTED[1]);
    await press(element, 'stop');
    expect(speech.current).to.equal(undefined);
    expect(button(element, 'stop').getAttribute('aria-disabled')).to.equal('true');
    await press(element, 'play');
    expect(speech.current!.text, 'a new start reads from the top').to.equal(EXPECTED[0]);
    expect(events.map(({ state }) => state)).to.deep.equal([
      'playing',
      'paused',
      'playing',
      'stopped',
      'playing',
    ]);
    expect(events.every(({ source }) => source === 'speech')).to.equal(true);
  });

  it('moves to another sentence with its seek bar, by keys or by hand, reading or paused', async () => {
    const { element } = await storyReader();
    expect(seekBar(element), 'no bar before reading').to.equal(null);
    await press(element, 'play');
    const bar = seekBar(element)!;
    expect([bar.min, bar.max, bar.value]).to.deep.equal(['1', '5', '1']);
    expect(bar.getAttribute('aria-label')).to.equal('Vị trí đang nghe');
    expect(bar.getAttribute('aria-valuetext')).to.equal('Câu 1 trên 5');
    bar.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(speech.current!.text, 'reading from the third sentence').to.equal(EXPECTED[2]);
    expect(progress(element)).to.equal('Câu 3/5');
    expect(seekBar(element)!.getAttribute('aria-valuetext')).to.equal('Câu 3 trên 5');
    expect(highlighted()).to.deep.equal([EXPECTED[2]]);
    expect(shadow(element).activeElement, 'focus stays on the bar').to.equal(seekBar(element));
    await press(element, 'play');
    seekBar(element)!.value = '5';
    seekBar(element)!.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(speech.current, 'still paused').to.equal(undefined);
    await press(element, 'play');
    expect(speech.current!.text, 'resumed where the bar was left').to.equal(EXPECTED[4]);
    await press(element, 'stop');
    expect(seekBar(element)).to.equal(null);
  });

  it('is driven by the keyboard: Enter and Space on its buttons, Escape stops', async () => {
    const { element } = await storyReader();
    button(element, 'play').focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(speech.current!.text).to.equal(EXPECTED[0]);
    await sendKeys({ press: ' ' });
    await element.updateComplete;
    expect(speech.current).to.equal(undefined);
    await sendKeys({ press: ' ' });
    await element.updateComplete;
    expect(speech.current!.text).to.equal(EXPECTED[0]);
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(speech.current).to.equal(undefined);
    expect(status(element)).to.equal('Đã dừng đọc');
  });

  it('reads at the chosen speed, restarting the sentence, and remembers it for the next page', async () => {
    const { element } = await storyReader();
    await press(element, 'play');
    const speed = select(element, 'speed')!;
    expect([...speed.options].map((option) => option.textContent!.trim())).to.deep.equal([
      '0,75×',
      '1×',
      '1,25×',
      '1,5×',
    ]);
    speed.value = '1.5';
    speed.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(speech.current!.text).to.equal(EXPECTED[0]);
    expect(speech.current!.rate).to.equal(1.5);
    expect(JSON.parse(localStorage.getItem(LISTENING_KEY)!).rate).to.equal(1.5);
    const { element: next } = await storyReader();
    expect(select(next, 'speed')!.value).to.equal('1.5');
  });

  it('offers the voices of the language and reads with the one chosen', async () => {
    const { element } = await storyReader();
    const voices = select(element, 'voice')!;
    expect([...voices.options].map((option) => option.textContent)).to.deep.equal(['Linh', 'Nam']);
    voices.value = 'test:Nam';
    voices.dispatchEvent(new Event('change'));
    await press(element, 'play');
    expect(speech.current!.voice!.name).to.equal('Nam');
    expect(JSON.parse(localStorage.getItem(LISTENING_KEY)!).speechVoice).to.equal('test:Nam');
  });

  it('reads page abbreviations added through the attribute, and reports a bad value', async () => {
    const { element } = await storyReader(`abbreviations='{"Tân Lập": "Tân Lập mới"}'`);
    await press(element, 'play');
    expect(speech.current!.text).to.equal('Xã Tân Lập mới khánh thành trường học mới');
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const { element: bad } = await storyReader(`abbreviations="{BQL"`);
      await press(bad, 'play');
      expect(speech.current!.text).to.equal(EXPECTED[0]);
    } finally {
      console.error = original;
    }
    expect(errors.join()).to.contain('read-aloud abbreviations');
  });

  it('reads a long sentence in pieces cut at a comma, each highlighted in turn', async () => {
    const clause = 'người dân các thôn Đồng Tâm, Tân Lập và Hòa Bình cùng góp công sửa đường';
    const holder = await fixture<HTMLDivElement>(
      html`<div>
        <p id="long" lang="vi">${`${clause}, ${clause}, ${clause}, ${clause}.`}</p>
        <read-aloud target="#long"></read-aloud>
      </div>`,
    );
    const element = holder.querySelector<ReadAloud>('read-aloud')!;
    await element.updateComplete;
    await press(element, 'play');
    const pieces: string[] = [];
    while (speech.current) {
      expect(highlighted()).to.deep.equal([speech.current.text]);
      pieces.push(speech.current.text);
      speech.finish();
      await element.updateComplete;
    }
    expect(pieces.length).to.be.greaterThan(1);
    for (const piece of pieces) expect(piece.length).to.be.at.most(220);
    expect(pieces.slice(0, -1).every((piece) => piece.endsWith(','))).to.equal(true);
    expect(pieces.join(' ')).to.equal(`${clause}, ${clause}, ${clause}, ${clause}.`);
  });

  it('reports a target that is not a CSS selector, and shows no button that would do nothing', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const { element } = await storyReader();
      element.target = '#story[';
      await element.updateComplete;
      expect(shadow(element).querySelector('button')).to.equal(null);
    } finally {
      console.error = original;
    }
    expect(errors.join()).to.contain('<read-aloud target="#story["');
  });

  it('waits for voices that load late, then offers the button', async () => {
    speech.voices = [];
    const { element } = await storyReader();
    expect(button(element, 'play')).to.equal(null);
    speech.voices = [voice('Linh', 'vi-VN')];
    speech.dispatchEvent(new Event('voiceschanged'));
    await element.updateComplete;
    expect(button(element, 'play')).to.exist;
    expect(select(element, 'voice'), 'no menu for one voice').to.equal(null);
  });

  it('says in one line that it cannot read without a voice for the language, or hides when asked', async () => {
    speech.voices = [voice('Anna', 'en-US')];
    const { element } = await storyReader();
    expect(shadow(element).querySelector('button')).to.equal(null);
    expect(shadow(element).querySelector('[part="unsupported"]')!.textContent).to.contain(
      'chưa có giọng đọc tiếng Việt',
    );
    await expect(element).to.be.accessible();
    const { element: hidden } = await storyReader('hide-unsupported');
    expect(shadow(hidden).textContent!.trim()).to.equal('');
  });

  it('says so in a browser without speech synthesis', async () => {
    installSpeech(null);
    const { element } = await storyReader();
    expect(shadow(element).querySelector('button')).to.equal(null);
    expect(shadow(element).querySelector('[part="unsupported"]')).to.exist;
  });

  it('outlines the paragraph being read where the browser has no Custom Highlight API', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(CSS, 'highlights')!;
    Reflect.deleteProperty(CSS, 'highlights');
    try {
      const { element } = await storyReader();
      await press(element, 'play');
      speech.finish();
      speech.finish();
      await element.updateComplete;
      const marked = [...document.querySelectorAll('[data-pw-reading]')];
      expect(marked.map((block) => block.textContent)).to.deep.equal([
        'Trường có mười hai phòng học. Ông Lê Văn Hòa, Chủ tịch HĐND xã, dự lễ.',
      ]);
      expect(getComputedStyle(marked[0]!).outlineStyle).to.equal('solid');
      await press(element, 'stop');
      expect(document.querySelector('[data-pw-reading]')).to.equal(null);
    } finally {
      Object.defineProperty(CSS, 'highlights', descriptor);
    }
  });

  it('marks the sentence in the system’s highlight colours (Mark, MarkText), the ones forced colours keep', async () => {
    const { element } = await storyReader();
    await press(element, 'play');
    const lead = document.querySelector('#story .lead')!;
    const probe = document.createElement('span');
    probe.style.cssText = 'background-color: Mark; color: MarkText';
    lead.append(probe);
    const style = getComputedStyle(lead, '::highlight(pw-reading)');
    expect(style.backgroundColor).to.equal(getComputedStyle(probe).backgroundColor);
    expect(style.color).to.equal(getComputedStyle(probe).color);
    probe.remove();
  });

  it('pauses when the page is hidden', async () => {
    const { element } = await storyReader();
    await press(element, 'play');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      Reflect.deleteProperty(document, 'visibilityState');
    }
    await element.updateComplete;
    expect(speech.current).to.equal(undefined);
    expect(button(element, 'play').textContent!.trim()).to.equal('Đọc tiếp');
  });

  it('passes axe idle, reading and paused, and its controls follow the text size', async () => {
    const { element } = await storyReader();
    await expect(element).to.be.accessible();
    await press(element, 'play');
    await expect(element).to.be.accessible();
    await press(element, 'play');
    await expect(element).to.be.accessible();
    const play = button(element, 'play');
    const before = play.getBoundingClientRect().height;
    element.style.fontSize = '200%';
    expect(play.getBoundingClientRect().height).to.be.greaterThan(before * 1.8);
    expect(before).to.be.at.least(24);
  });

  it('is a named group of native buttons and menus in English on an English page', async () => {
    const holder = await fixture<HTMLDivElement>(
      html`<div lang="en"><p id="en-story">The commune opened a school.</p></div>`,
    );
    holder.insertAdjacentHTML('beforeend', '<read-aloud target="#en-story"></read-aloud>');
    const element = holder.querySelector<ReadAloud>('read-aloud')!;
    await element.updateComplete;
    expect(shadow(element).querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal(
      'Listen to this article',
    );
    await press(element, 'play');
    expect(speech.current!.lang).to.equal('en-US');
    expect(speech.current!.voice!.name).to.equal('Anna');
  });
});

const ARTICLE: Article = {
  id: '31',
  title: 'Tỉnh khai trương cổng dịch vụ công',
  lead: 'Người dân nộp hồ sơ trực tuyến.',
  image: null,
  publishedAt: '2026-11-27T01:00:00Z',
  category: null,
  bodyHtml:
    '<p>Cổng mới chạy từ hôm nay. Mọi thủ tục đều có hướng dẫn.</p><figure><img src="data:," alt=""><figcaption>Ảnh: Sở Thông tin</figcaption></figure>',
  author: '',
  source: '',
  topic: null,
  updatedAt: '2026-11-27T01:00:00Z',
  lang: 'vi',
  readingMinutes: 1,
  rating: null,
};

const RECORDINGS: ArticleVoice[] = [
  {
    id: 'north',
    title: 'Giọng nữ miền Bắc',
    url: new URL('/test/fixtures/voice-north.mp3', location.href).href,
  },
  {
    id: 'south',
    title: 'Giọng nam miền Nam',
    url: new URL('/test/fixtures/voice-south.mp3', location.href).href,
  },
];

let voicesForTest: ArticleVoice[] | undefined;
registerBackend('test-read-aloud', () => ({
  capabilities: { rating: 'none', related: [] },
  getArticle: async (id) => ({ ...ARTICLE, id, voices: voicesForTest }),
  getRelated: async () => [],
  getRating: async () => ({ total: 0, count: 0, average: 0, open: false }),
  rate: async () => ({ total: 0, count: 0, average: 0, open: false }),
}));

/** Each page its own article, since the page's client keeps the articles it fetched. */
let articleIds = 30;

async function articlePage(): Promise<{ element: ReadAloud; events: ReadAloudDetail[] }> {
  articleIds += 1;
  const holder = await fixture<HTMLDivElement>(
    html`<div>
      <read-aloud></read-aloud>
      <article-view
        api="https://example.test/api"
        backend="test-read-aloud"
        article-id=${articleIds}
      ></article-view>
    </div>`,
  );
  const element = holder.querySelector<ReadAloud>('read-aloud')!;
  const events: ReadAloudDetail[] = [];
  element.addEventListener('pw-read-aloud', (event) => events.push(event.detail));
  await until(() => !!shadow(element).querySelector('button'), 'read-aloud ready');
  return { element, events };
}

describe('read-aloud on an article-view', () => {
  let speech: FakeSynthesis;
  beforeEach(() => {
    forgetListening();
    speech = installSpeech([voice('Linh', 'vi-VN')]);
    voicesForTest = undefined;
  });
  afterEach(() => {
    restoreSpeech();
    CSS.highlights.clear();
  });

  it('waits for the article, then reads its headline, lead and body, highlighted inside it', async () => {
    const { element } = await articlePage();
    await press(element, 'play');
    expect(highlighted()).to.deep.equal(['Tỉnh khai trương cổng dịch vụ công']);
    const view = document.querySelector('article-view')!;
    const range = [...CSS.highlights.get('pw-reading')!][0] as Range;
    expect(range.startContainer.getRootNode()).to.equal(view.shadowRoot);
    for (let index = 0; index < 3; index += 1) speech.finish();
    expect(speech.texts).to.deep.equal([
      'Tỉnh khai trương cổng dịch vụ công',
      'Người dân nộp hồ sơ trực tuyến.',
      'Cổng mới chạy từ hôm nay.',
      'Mọi thủ tục đều có hướng dẫn.',
    ]);
  });
  it('stops when its article-view shows another article, not when another article-view loads', async () => {
    const { element } = await articlePage();
    await press(element, 'play');
    const other = document.createElement('article-view');
    other.setAttribute('api', 'https://example.test/api');
    other.setAttribute('backend', 'test-read-aloud');
    other.setAttribute('article-id', '99');
    const loaded = new Promise((resolve) => other.addEventListener('pw-load', resolve));
    document.body.append(other);
    await loaded;
    other.remove();
    expect(speech.current?.text, 'still reading').to.equal('Tỉnh khai trương cổng dịch vụ công');
    const view = document.querySelector('article-view')!;
    view.setAttribute('article-id', '98');
    await new Promise((resolve) => view.addEventListener('pw-load', resolve, { once: true }));
    expect(speech.current, 'the old article is not read on').to.equal(undefined);
    await until(() => highlighted().length === 0, 'highlight gone');
  });
});

describe('SpeechController alone', () => {
  let speech: FakeSynthesis;
  beforeEach(() => {
    speech = installSpeech([voice('Linh', 'vi-VN'), voice('Anna', 'en-GB')]);
  });
  afterEach(restoreSpeech);

  class Host extends LitElement {
    states: string[] = [];
    speech = new SpeechController(this, {
      onStateChange: (state, end) => this.states.push(end ? `${state}:${end}` : state),
    });
  }
  customElements.define('speech-host', Host);

  it('speaks one utterance per sentence, pauses, resumes and ends', async () => {
    const host = await fixture<Host>(html`<speech-host></speech-host>`);
    const controller = host.speech;
    expect(controller.voicesFor('vi-VN').map(({ name }) => name)).to.deep.equal(['Linh']);
    controller.changeVoice(0.75, undefined);
    controller.play(['Một.', 'Hai.', 'Ba.']);
    expect(speech.current!.rate).to.equal(0.75);
    speech.finish();
    expect(controller.index).to.equal(1);
    expect(controller.utterance, 'held while spoken').to.equal(speech.current);
    controller.pause();
    expect(speech.current).to.equal(undefined);
    controller.resume();
    expect(speech.current!.text).to.equal('Hai.');
    speech.finish();
    speech.finish();
    expect(controller.state).to.equal('idle');
    expect(host.states).to.deep.equal(['speaking', 'paused', 'speaking', 'idle:ended']);
  });

  it('stops when the host leaves the page, and an engine error ends the reading', async () => {
    const host = await fixture<Host>(html`<speech-host></speech-host>`);
    host.speech.play(['Một.', 'Hai.']);
    speech.current!.dispatchEvent(Object.assign(new Event('error'), { error: 'synthesis-failed' }));
    expect(host.states).to.deep.equal(['speaking', 'idle:failed']);
    host.speech.play(['Một.']);
    host.remove();
    expect(speech.current).to.equal(undefined);
    expect(host.states.at(-1)).to.equal('idle:stopped');
  });
});

describe('read-aloud with recordings', function () {
  // Real audio files, fetched and decoded by the browser while other work shares the machine.
  this.timeout(20000);
  beforeEach(() => {
    forgetListening();
    installSpeech([voice('Linh', 'vi-VN')]);
    voicesForTest = RECORDINGS;
  });
  afterEach(() => {
    restoreSpeech();
    for (const audio of document.querySelectorAll('read-aloud'))
      audio.shadowRoot?.querySelector('audio')?.pause();
  });

  const audio = (element: ReadAloud) => shadow(element).querySelector('audio')!;

  it('plays the article’s recording with our controls, pauses it, and offers its voices', async () => {
    const { element, events } = await articlePage();
    expect(audio(element).src).to.equal(RECORDINGS[0]!.url);
    expect(audio(element).preload, 'nothing downloads before the visitor asks').to.equal('none');
    expect(audio(element).paused).to.equal(true);
    const voices = select(element, 'voice')!;
    expect([...voices.options].map((option) => option.textContent)).to.deep.equal([
      'Giọng nữ miền Bắc',
      'Giọng nam miền Nam',
    ]);
    button(element, 'play').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => audio(element).currentTime > 0, 'the recording plays', 8000);
    await until(() => button(element, 'play').textContent!.trim() === 'Tạm dừng', 'says Tạm dừng');
    await until(() => /^0:\d\d \/ 0:\d\d$/.test(progress(element)), 'time shown', 8000);
    const speed = select(element, 'speed')!;
    speed.value = '1.25';
    speed.dispatchEvent(new Event('change'));
    expect(audio(element).playbackRate, 'the chosen speed, while playing').to.equal(1.25);
    button(element, 'play').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => audio(element).paused, 'paused', 8000);
    await expect(element).to.be.accessible();
    expect(events.map(({ state }) => state)).to.deep.equal(['playing', 'paused']);
    expect(events.every(({ source }) => source === 'recording')).to.equal(true);
  });

  it('with article-id, offers the browser’s voices only once the article is known to have no recordings', async () => {
    const page = window as { PortalWidgets?: unknown };
    const before = page.PortalWidgets;
    const answers: Record<string, (voices: ArticleVoice[]) => void> = {};
    page.PortalWidgets = {
      getArticle: (id: string) =>
        new Promise((resolve) => {
          answers[id] = (voices) => resolve({ ...ARTICLE, id, voices });
        }),
    };
    try {
      const holder = await fixture<HTMLDivElement>(
        html`<div>${STORY}<read-aloud target="#story" article-id="81"></read-aloud></div>`,
      );
      const element = holder.querySelector<ReadAloud>('read-aloud')!;
      const offered = () =>
        [...(select(element, 'voice')?.options ?? [])].map((option) => option.textContent);
      // A slow backend: frame after frame, no speech voice is offered in the meantime.
      for (let frame = 0; frame < 10; frame += 1) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        expect(offered(), `frame ${frame}`).to.deep.equal([]);
        expect(!!shadow(element).querySelector('[part~="play"]'), `frame ${frame}`).to.equal(false);
      }
      answers['81']!(RECORDINGS);
      await until(() => offered().length > 0, 'the recordings offered');
      expect(offered()).to.deep.equal(['Giọng nữ miền Bắc', 'Giọng nam miền Nam']);

      // An article with no recordings: the browser reads it once that is known.
      element.setAttribute('article-id', '82');
      await until(() => !!answers['82'], 'the second article asked for');
      await element.updateComplete;
      expect(shadow(element).querySelector('audio'), 'no recording of another article').to.equal(
        null,
      );
      answers['82']!([]);
      await until(() => !!shadow(element).querySelector('[part~="play"]'), 'the speech offered');
      expect(!!shadow(element).querySelector('audio')).to.equal(false);
    } finally {
      page.PortalWidgets = before;
    }
  });

  it('seeks within the recording with its bar, which says the time in words', async () => {
    const { element } = await articlePage();
    expect(shadow(element).querySelector('[part="seek"]'), 'no bar before playing').to.equal(null);
    button(element, 'play').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!shadow(element).querySelector('[part="seek"]'), 'the bar', 8000);
    const bar = shadow(element).querySelector<HTMLInputElement>('[part="seek"]')!;
    expect(bar.max).to.equal(String(Math.floor(audio(element).duration)));
    expect(bar.getAttribute('aria-valuetext')).to.match(/^0 phút \d+ giây trên 0 phút \d+ giây$/);
    const before = audio(element).currentTime;
    bar.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(audio(element).currentTime, 'two seconds on').to.be.at.least(Math.floor(before) + 2);
    expect(audio(element).paused, 'still playing').to.equal(false);
  });

  it('plays at the speed the visitor chose before pressing play, to the end', async () => {
    const { element, events } = await articlePage();
    const speed = select(element, 'speed')!;
    speed.value = '1.5';
    speed.dispatchEvent(new Event('change'));
    button(element, 'play').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => audio(element).currentTime > 0, 'the recording plays', 8000);
    expect(audio(element).playbackRate).to.equal(1.5);
    // The last second, then the end as the file really has it.
    audio(element).currentTime = audio(element).duration - 1;
    await until(() => audio(element).ended, 'played to its end', 8000);
    await until(() => status(element) === 'Đã đọc hết bài', 'the end announced');
    expect(events.map(({ state }) => state)).to.deep.equal(['playing', 'ended']);
    expect(button(element, 'play').textContent!.trim()).to.equal('Nghe đọc bài viết');
  });

  it('switches voice while playing and remembers the choice', async () => {
    const { element } = await articlePage();
    button(element, 'play').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !audio(element).paused, 'playing', 8000);
    const voices = select(element, 'voice')!;
    voices.value = 'south';
    voices.dispatchEvent(new Event('change'));
    await until(() => audio(element).src === RECORDINGS[1]!.url, 'new voice', 8000);
    await until(() => audio(element).currentTime > 0, 'the new voice plays', 8000);
    expect(JSON.parse(localStorage.getItem(LISTENING_KEY)!).recording).to.equal('south');
    const { element: next } = await articlePage();
    expect(audio(next).src, 'the next page starts with it').to.equal(RECORDINGS[1]!.url);
  });

  it('falls back to the browser speech when the recording cannot be fetched', async () => {
    voicesForTest = [
      {
        id: 'gone',
        title: 'Giọng cũ',
        url: new URL('/test/fixtures/missing-voice.mp3', location.href).href,
      },
    ];
    const speech = installSpeech([voice('Linh', 'vi-VN')]);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(message);
    try {
      const { element } = await articlePage();
      button(element, 'play').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => speech.current !== undefined, 'speech takes over', 8000);
      expect(speech.current!.text).to.equal('Tỉnh khai trương cổng dịch vụ công');
      expect(shadow(element).querySelector('audio')).to.equal(null);
      expect(status(element)).to.equal('Không phát được bản ghi âm.');
    } finally {
      console.warn = warn;
    }
    expect(warnings.join()).to.contain('missing-voice.mp3');
  });

  it('makes no sound on its own', async () => {
    const { element } = await articlePage();
    // Resource selection done: with preload="none" it stops there, fetching nothing (WebKit may
    // still call that loading).
    await until(
      () => audio(element).networkState !== HTMLMediaElement.NETWORK_EMPTY,
      'a source chosen',
      8000,
    );
    expect(audio(element).paused).to.equal(true);
    expect(audio(element).played.length).to.equal(0);
  });

  it('plays at once when the page sets autoplay', async () => {
    const holder = await fixture<HTMLDivElement>(
      html`<div>
        <read-aloud autoplay .voices=${RECORDINGS} target="#autoplay-text"></read-aloud>
        <p id="autoplay-text">Bài có bản ghi âm.</p>
      </div>`,
    );
    const playing = holder.querySelector<ReadAloud>('read-aloud')!;
    await until(
      () => (audio(playing)?.currentTime ?? 0) > 0,
      'the recording plays by itself',
      8000,
    );
  });
});

describe('read-aloud from the script-tag files', function () {
  // Whole pages with two script files and the wait for a speech engine that may never answer.
  this.timeout(20000);
  const fetched = (page: FramePage, file: string) =>
    page.window.performance
      .getEntriesByType('resource')
      .some(({ name }) => new URL(name).pathname === `/dist/cdn/${file}`);

  it('is fetched by portal-widgets.js from beside it for a page that has one, with the page’s prefix', async () => {
    const page = await openPage('/test/fixtures/read-aloud-page.html');
    const element = page.document.querySelector('gov-read-aloud')!;
    // Without a speech engine in the test browser, either the button or the line shows.
    await until(
      () => !!element.shadowRoot?.querySelector('button, [part="unsupported"]'),
      'gov-read-aloud rendered',
      10000,
    );
    expect(fetched(page, 'read-aloud.js')).to.equal(true);
    expect(page.window.pageErrors).to.deep.equal([]);
    expect(page.window.consoleMessages).to.deep.equal([]);
  });

  it('is fetched the same way by the classic-script bundle', async () => {
    const page = await openPage('/test/fixtures/read-aloud-iife-page.html');
    const element = page.document.querySelector('gov-read-aloud')!;
    await until(
      () => !!element.shadowRoot?.querySelector('button, [part="unsupported"]'),
      'gov-read-aloud rendered',
      10000,
    );
    expect(fetched(page, 'read-aloud.js')).to.equal(true);
    expect(page.window.pageErrors).to.deep.equal([]);
  });

  it('offers a NukeViet 4.5 article’s recordings, with the guide’s snippet on a page a real 4.5.05 printed', async () => {
    localStorage.removeItem(LISTENING_KEY);
    // The guide's data-start="near" fetches an element once the visitor nears it: the player
    // is under the article, as the guide places it.
    const page = await openPage('/nukeviet/guide/4.5.05/default-voices.html', 800, 600, {
      settled: false,
    });
    const element = page.document.querySelector('read-aloud')!;
    element.scrollIntoView({ block: 'center' });
    const voiceMenu = () => element.shadowRoot?.querySelector<HTMLSelectElement>('[part~="voice"]');
    await until(() => !!voiceMenu(), 'the recordings offered', 10000);
    expect([...voiceMenu()!.options].map((option) => option.textContent!.trim())).to.deep.equal([
      'Giọng nữ miền Bắc',
      'Giọng nam miền Nam',
    ]);
    expect(new URL(element.shadowRoot!.querySelector('audio')!.src).pathname).to.equal(
      '/uploads/news/ubnd-xa-tan-phu-giong-nu.mp3',
    );
    // The captured page's inline scripts expect the jQuery that the fixture leaves out.
    expect(page.window.pageErrors.filter((error) => !error.includes('$'))).to.deep.equal([]);
  });

  it('is not fetched by a page without one', async () => {
    const page = await openPage('/test/fixtures/rem-page.html');
    await until(() => fetched(page, 'portal-widgets.js'), 'bundle loaded');
    expect(fetched(page, 'read-aloud.js')).to.equal(false);
  });
});
