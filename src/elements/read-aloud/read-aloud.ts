import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import type { Article, ArticleVoice } from '../../backend/schema.js';
import { ReadAloudEvent, type ReadAloudDetail } from '../../bases/events.js';
import { PortalElement } from '../../bases/portal-element.js';
import { nextAnnouncement } from '../../core/announce.js';
import { reportBadSetting } from '../../core/config.js';
import { tagName } from '../../core/define.js';
import { closestLang, type Translations } from '../../core/lang.js';
import { safeUrl } from '../../core/safe-url.js';
import { getListeningStore, LISTENING_RATES } from '../../prefs/listening.js';
import { buttonStyles } from '../../styles/buttons.js';
import { adoptDocumentSheet } from '../../styles/document-sheets.js';
import { READING_STYLES } from '../../styles/reading.js';
import { hostStyles } from '../../styles/shared.js';
import { readAloudStyles } from './read-aloud.styles.js';
import { ABBREVIATIONS, readingSentences, speakable, type Sentence } from './reading-text.js';
import { SpeechController, type SpeechEnd, type SpeechState } from './speech-controller.js';

const STRINGS: Translations<{
  label: string;
  pause: string;
  resume: string;
  stop: string;
  speed: string;
  voice: string;
  sentence: (index: number, total: number) => string;
  seek: string;
  /** What a screen reader says of the seek bar: a sentence's place, or a time in a recording. */
  sentenceOf: (index: number, total: number) => string;
  timeOf: (minutes: number, seconds: number, totalMinutes: number, totalSeconds: number) => string;
  paused: string;
  stopped: string;
  ended: string;
  failed: string;
  noText: string;
  recordingFailed: string;
  unsupported: string;
}> = {
  vi: {
    label: 'Nghe đọc bài viết',
    pause: 'Tạm dừng',
    resume: 'Đọc tiếp',
    stop: 'Dừng đọc',
    speed: 'Tốc độ',
    voice: 'Giọng đọc',
    sentence: (index, total) => `Câu ${index}/${total}`,
    seek: 'Vị trí đang nghe',
    sentenceOf: (index, total) => `Câu ${index} trên ${total}`,
    timeOf: (m, s, tm, ts) => `${m} phút ${s} giây trên ${tm} phút ${ts} giây`,
    paused: 'Đã tạm dừng',
    stopped: 'Đã dừng đọc',
    ended: 'Đã đọc hết bài',
    failed: 'Trình duyệt không đọc được bài này.',
    noText: 'Không tìm thấy nội dung để đọc.',
    recordingFailed: 'Không phát được bản ghi âm.',
    unsupported: 'Bài viết chưa có bản ghi âm và trình duyệt này chưa có giọng đọc tiếng Việt.',
  },
  en: {
    label: 'Listen to this article',
    pause: 'Pause',
    resume: 'Resume',
    stop: 'Stop reading',
    speed: 'Speed',
    voice: 'Voice',
    sentence: (index, total) => `Sentence ${index} of ${total}`,
    seek: 'Listening position',
    sentenceOf: (index, total) => `Sentence ${index} of ${total}`,
    timeOf: (m, s, tm, ts) => `${m} min ${s} s of ${tm} min ${ts} s`,
    paused: 'Paused',
    stopped: 'Reading stopped',
    ended: 'Finished reading',
    failed: 'The browser could not read this article.',
    noText: 'There is no text to read.',
    recordingFailed: 'The recording could not be played.',
    unsupported: 'This article has no recording and this browser has no voice for its language.',
  },
};

/** What an article-view offers a reader (see ArticleView.readingContent). */
interface Readable {
  readingContent(): { article?: Article; parts: Element[] };
}

const isReadable = (element: Element): element is Element & Readable =>
  typeof (element as Partial<Readable>).readingContent === 'function';

/** Our own elements, never read when they sit inside the text. */
const WIDGETS = [
  'font-scaler',
  'contrast-toggle',
  'article-view',
  'star-rating',
  'related-list',
  'read-aloud',
];

type Mode = 'waiting' | 'recording' | 'speech' | 'unsupported';
type PlayState = 'idle' | 'playing' | 'paused';

/** What is read and in which language; no parts while there is nothing to read yet. */
interface Content {
  /** The element found: an article-view, or the first part of the portal's page. */
  source?: Element;
  parts: Element[];
  article?: Article;
  lang: string;
}

const minutes = (seconds: number): string =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

const ICONS = {
  play: svg`<path d="M7 4v16l13-8z"/>`,
  pause: svg`<path d="M6 4h4v16H6zm8 0h4v16h-4z"/>`,
  stop: svg`<path d="M6 6h12v12H6z"/>`,
};

let sheetAdopted = false;

/**
 * "Nghe đọc bài viết": reads the article aloud. When the portal recorded the article (its
 * `voices`, e.g. NukeViet 4.5's northern and southern voices), it plays the recording, with a
 * voice menu when there are several. Otherwise the browser's own speech reads it in the
 * article's language (Vietnamese first), sentence by sentence, the sentence being read
 * highlighted in the page, abbreviations such as "UBND" read as words. Nothing sounds until the
 * visitor presses the button (unless the page sets `autoplay` for recordings); speed and voice
 * are remembered on the portal and shared by its tabs. With neither a recording nor a voice for
 * the language, one short line says so, or nothing shows (`hide-unsupported`).
 *
 * It reads the page's first `<article-view>` (its headline, lead and body), or the parts of the
 * portal's own page that `target` names. Captions, scripts, forms, navigation, hidden text, our
 * other elements and anything marked `data-no-read-aloud` are never read.
 *
 * @tag read-aloud
 * @summary "Nghe đọc bài viết": the portal's recording, or the browser's speech with the sentence highlighted.
 *
 * @fires {ReadAloudEvent} pw-read-aloud - Reading started (`playing`), `paused`, was `stopped` or reached its end (`ended`); `detail.source` is `recording` or `speech`.
 *
 * @csspart player - The group of controls.
 * @csspart button - Each button.
 * @csspart play - Play, pause and resume.
 * @csspart stop - "Dừng đọc".
 * @csspart speed - The speed menu.
 * @csspart voice - The voice menu (only with several voices).
 * @csspart seek - The seek bar: the recording's time, or the sentence being read.
 * @csspart progress - The sentence being read, or the recording's time.
 * @csspart unsupported - The line saying the article cannot be listened to here.
 *
 * @cssproperty --pw-color-text - Button text colour (default #1f2328).
 * @cssproperty --pw-color-surface - Button background (default #fff).
 * @cssproperty --pw-color-border - Button border colour (default #6b7280).
 * @cssproperty --pw-color-accent - Border of a hovered button (default #0b5394).
 * @cssproperty --pw-color-focus - Focus outline colour (default #0b5394).
 * @cssproperty --pw-color-muted - The progress text (default: the page's text colour).
 * @cssproperty --pw-gap - Space between the controls (default 0.25em).
 * @cssproperty --pw-radius - Button corner radius (default 0.25em).
 */
export class ReadAloud extends PortalElement {
  static override styles = [hostStyles, buttonStyles, readAloudStyles];

  static override properties: PropertyDeclarations = {
    target: { reflect: true },
    abbreviations: {
      converter: {
        fromAttribute: (value: string | null) => {
          try {
            return value ? (JSON.parse(value) as Record<string, string>) : undefined;
          } catch {
            reportBadSetting(
              '<read-aloud abbreviations',
              value!,
              'Use JSON, e.g. {"BQL": "Ban quản lý"}. Reading with the built-in list only.',
            );
            return undefined;
          }
        },
      },
    },
    autoplay: { type: Boolean, reflect: true },
    hideUnsupported: { attribute: 'hide-unsupported', type: Boolean, reflect: true },
    voices: { attribute: false },
    articleId: { attribute: 'article-id', reflect: true },
  };

  /**
   * What to read, as a CSS selector: by default the page's `<article-view>`; on a portal's own
   * article page the parts holding its text, e.g. `.hometext, .bodytext` on NukeViet. Read in
   * page order.
   */
  target = '';

  /**
   * More abbreviations to read as words, added to the built-in list (UBND, HĐND, TP., …):
   * `{"BQL": "Ban quản lý"}`, as a property or as JSON in the attribute.
   */
  abbreviations: Record<string, string> | undefined;

  /** Plays the recording as soon as the page opens, when it has one and the browser allows it. */
  autoplay = false;

  /** Shows nothing, rather than a line, where the article cannot be listened to. */
  hideUnsupported = false;

  /** Recordings to play, overriding the article's own `voices`. */
  voices: ArticleVoice[] | undefined;

  /**
   * With `target` and no `<article-view>`: the article whose recordings to offer, asked of the
   * page's backend (`{NEWSID}` on NukeViet, whose adapter finds its voice menu on the page).
   */
  articleId = '';

  /** The article asked for by `article-id`, once it has come. */
  private ownArticle: Article | undefined;
  private askedFor = '';
  /** The article asked for by `article-id` has not answered yet (for at most a few seconds). */
  private asking = false;

  private readonly store = getListeningStore();
  private readonly speech = new SpeechController(this, {
    onStateChange: (state, end) => this.speechChanged(state, end),
  });
  private sentences: Sentence[] = [];
  private audioState: PlayState = 'idle';
  private failedRecordings = new Set<string>();
  private announcement = '';
  private autoplayTried = false;
  private markedBlock: Element | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.store.addEventListener('change', this.choicesChanged);
    document.addEventListener('pw-load', this.articleLoaded);
    if (!sheetAdopted) {
      sheetAdopted = true;
      adoptDocumentSheet(READING_STYLES);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store.removeEventListener('change', this.choicesChanged);
    document.removeEventListener('pw-load', this.articleLoaded);
    // A detached audio element plays on.
    this.audio?.pause();
    this.audioState = 'idle';
    this.clearHighlight();
  }

  private readonly refresh = (): void => this.requestUpdate();

  protected override willUpdate(): void {
    if (this.articleId === this.askedFor) return;
    this.askedFor = this.articleId;
    this.ownArticle = undefined;
    this.asking = false;
    if (!this.articleId) return;
    const id = this.articleId;
    // Offer the browser's voices only once the article's own recordings are known not to exist:
    // a menu of speech voices replaced by the recordings a moment later misleads.
    this.asking = true;
    const answered = () => {
      if (id !== this.articleId || !this.asking) return;
      this.asking = false;
      this.requestUpdate();
    };
    setTimeout(answered, 4000);
    // The backend lives in portal-widgets.js (or the autoloader); this element is loaded beside it.
    Promise.resolve(window.PortalWidgets?.getArticle(id, this))
      .then((article) => {
        if (article && id === this.articleId) {
          this.ownArticle = article;
          this.requestUpdate();
        }
      })
      .catch((error: unknown) =>
        console.error(`Portal Widgets: <read-aloud article-id="${id}">: no recordings,`, error),
      )
      .finally(answered);
  }

  /** A new speed or voice, here or in another tab: what is being read goes on with it. */
  private readonly choicesChanged = (): void => {
    const audio = this.audio;
    if (audio) audio.playbackRate = this.store.rate;
    this.speech.changeVoice(this.store.rate, this.chosenVoice(this.content()));
    this.requestUpdate();
  };

  /** A new article in the article-view read here: what was being read is gone. */
  private readonly articleLoaded = (event: Event): void => {
    const view = event.target as Element & Partial<{ updateComplete: Promise<unknown> }>;
    if (view !== this.content().source) return;
    this.stop();
    void Promise.resolve(view.updateComplete).then(this.refresh);
  };

  private get table(): Record<string, string> {
    return this.abbreviations ? { ...ABBREVIATIONS, ...this.abbreviations } : ABBREVIATIONS;
  }

  private get audio(): HTMLAudioElement | null {
    return this.renderRoot.querySelector('audio');
  }

  private content(): Content {
    const viewTag = tagName('article-view');
    let found: Element[] = [];
    try {
      found = [...document.querySelectorAll(this.target || viewTag)];
    } catch {
      reportBadSetting('<read-aloud target', this.target, 'Use a CSS selector, e.g. ".bodytext".');
    }
    // A match inside another is read with it, once.
    found = found.filter(
      (element) => !found.some((other) => other !== element && other.contains(element)),
    );
    const [first] = found;
    const pageLang = closestLang(first ?? this) || 'vi';
    if (first && isReadable(first)) {
      const { article, parts } = first.readingContent();
      return { source: first, article, parts, lang: article?.lang || pageLang };
    }
    if (first?.localName === viewTag) {
      void customElements.whenDefined(viewTag).then(this.refresh);
      return { source: first, parts: [], lang: pageLang };
    }
    return { source: first, parts: found, lang: pageLang };
  }

  /** The recordings to offer: given here or by the article, http(s) only, none that failed. */
  private recordings(content: Content): ArticleVoice[] {
    return (this.voices ?? content.article?.voices ?? this.ownArticle?.voices ?? []).filter(
      (voice) => safeUrl(voice.url, location.href) && !this.failedRecordings.has(voice.url),
    );
  }

  private speechLang(content: Content): string {
    return /^vi\b/i.test(content.lang) ? 'vi-VN' : content.lang;
  }

  private mode(content: Content): Mode {
    if (!content.parts.length) return 'waiting';
    if (this.recordings(content).length) return 'recording';
    if (!this.speech.voicesKnown || this.asking) return 'waiting';
    return this.speech.voicesFor(this.speechLang(content)).length ? 'speech' : 'unsupported';
  }

  private chosenVoice(content: Content): SpeechSynthesisVoice | undefined {
    const voices = this.speech.voicesFor(this.speechLang(content));
    return voices.find((voice) => voice.voiceURI === this.store.speechVoice) ?? voices[0];
  }

  private chosenRecording(recordings: ArticleVoice[]): ArticleVoice | undefined {
    return recordings.find((voice) => voice.id === this.store.recording) ?? recordings[0];
  }

  private get playState(): PlayState {
    if (this.audioState !== 'idle') return this.audioState;
    return this.speech.state === 'speaking' ? 'playing' : this.speech.state;
  }

  private emitState(state: ReadAloudDetail['state'], source: ReadAloudDetail['source']): void {
    this.emit(new ReadAloudEvent({ state, source }));
  }

  private announce(message: string): void {
    this.announcement = nextAnnouncement(this.announcement, message);
    this.requestUpdate();
  }

  private speechChanged(state: SpeechState, end?: SpeechEnd): void {
    const strings = this.strings(STRINGS);
    if (state === 'speaking') this.emitState('playing', 'speech');
    else if (state === 'paused') {
      this.emitState('paused', 'speech');
      this.announce(strings.paused);
    } else {
      this.emitState(end === 'ended' ? 'ended' : 'stopped', 'speech');
      this.announce(
        end === 'ended' ? strings.ended : end === 'failed' ? strings.failed : strings.stopped,
      );
    }
  }

  private toggle(): void {
    const content = this.content();
    const mode = this.mode(content);
    if (mode === 'recording') {
      if (this.audioState === 'playing') this.audio?.pause();
      else this.playAudio();
    } else if (mode === 'speech') {
      if (this.speech.state === 'speaking') this.speech.pause();
      else if (this.speech.state === 'paused') this.speech.resume();
      else this.startSpeech(content);
    }
  }

  private startSpeech(content: Content): void {
    const table = this.table;
    this.sentences = readingSentences(content.parts, content.lang, table, (element) =>
      WIDGETS.some((tag) => element.localName === tagName(tag)),
    );
    if (!this.sentences.length) {
      this.announce(this.strings(STRINGS).noText);
      return;
    }
    this.speech.lang = this.speechLang(content);
    this.speech.changeVoice(this.store.rate, this.chosenVoice(content));
    this.speech.play(this.sentences.map(({ text }) => speakable(text, table)));
  }

  private playAudio(): void {
    const audio = this.audio;
    if (!audio) return;
    audio.playbackRate = this.store.rate;
    // Refused autoplay stays silent; a file that cannot play reports through `error`.
    audio.play().catch(() => undefined);
  }

  private stop(): void {
    const audio = this.audio;
    if (this.audioState !== 'idle' && audio) {
      this.audioState = 'idle';
      audio.pause();
      audio.currentTime = 0;
      this.emitState('stopped', 'recording');
      this.announce(this.strings(STRINGS).stopped);
    }
    this.speech.stop();
  }

  private readonly keydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.playState !== 'idle') {
      event.preventDefault();
      this.stop();
    }
  };

  private audioEvent(event: Event): void {
    const audio = event.target as HTMLAudioElement;
    // Firefox may fire "play" again for a recording already playing: one event per change.
    if (event.type === 'play') {
      if (this.audioState !== 'playing') this.emitState('playing', 'recording');
      this.audioState = 'playing';
    } else if (event.type === 'pause' && this.audioState === 'playing' && !audio.ended) {
      this.audioState = 'paused';
      this.emitState('paused', 'recording');
      this.announce(this.strings(STRINGS).paused);
    } else if (event.type === 'ended') {
      this.audioState = 'idle';
      this.emitState('ended', 'recording');
      this.announce(this.strings(STRINGS).ended);
    } else if (event.type === 'error') {
      this.recordingFailed(audio);
    }
    this.requestUpdate();
  }

  /** A recording that cannot play: the next voice, or the browser's speech, takes over. */
  private recordingFailed(audio: HTMLAudioElement): void {
    const url = audio.getAttribute('src') ?? '';
    console.warn(`Portal Widgets: <read-aloud> could not play the recording ${url}.`);
    this.failedRecordings.add(url);
    const wanted = this.audioState === 'playing' || audio.autoplay || !audio.paused;
    this.audioState = 'idle';
    this.announce(this.strings(STRINGS).recordingFailed);
    if (!wanted) return;
    void this.updateComplete.then(() => {
      const content = this.content();
      const mode = this.mode(content);
      if (mode === 'recording') this.playAudio();
      else if (mode === 'speech') this.startSpeech(content);
    });
  }

  private async chooseRecording(event: Event): Promise<void> {
    const playing = this.audioState === 'playing';
    this.audioState = 'idle';
    this.store.save({ recording: (event.target as HTMLSelectElement).value });
    await this.updateComplete;
    if (playing) this.playAudio();
  }

  private chooseSpeechVoice(event: Event): void {
    this.store.save({ speechVoice: (event.target as HTMLSelectElement).value });
  }

  private chooseRate(event: Event): void {
    this.store.save({ rate: Number((event.target as HTMLSelectElement).value) });
  }

  protected override updated(): void {
    if (this.audio && this.autoplay && !this.autoplayTried) {
      this.autoplayTried = true;
      this.playAudio();
    }
    this.showSentence(this.speech.state === 'idle' ? undefined : this.sentences[this.speech.index]);
  }

  /** Highlights the sentence being read and keeps its paragraph in view. */
  private showSentence(sentence: Sentence | undefined): void {
    const registry = 'highlights' in CSS ? CSS.highlights : undefined;
    if (sentence) registry?.set('pw-reading', new Highlight(sentence.range));
    else registry?.delete('pw-reading');
    if (sentence?.block === this.markedBlock) return;
    this.markedBlock?.removeAttribute('data-pw-reading');
    this.markedBlock = sentence?.block;
    if (!sentence) return;
    if (!registry) sentence.block.setAttribute('data-pw-reading', '');
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    sentence.block.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
  }

  private clearHighlight(): void {
    this.showSentence(undefined);
  }

  private renderProgress(mode: Mode) {
    const strings = this.strings(STRINGS);
    const { speech, audio } = this;
    let text = '';
    let seek: unknown = nothing;
    /** A seek bar from `min` to `max` at `value`, each move handed to `move`. */
    const bar = (
      value: number,
      min: number,
      max: number,
      spoken: string,
      move: (value: number) => void,
      live = false,
    ) => {
      const moved = (event: Event) => move(Number((event.target as HTMLInputElement).value));
      return html`<input
        part="seek"
        type="range"
        min=${min}
        max=${max}
        .value=${String(value)}
        aria-label=${strings.seek}
        aria-valuetext=${spoken}
        @input=${live ? moved : null}
        @change=${live ? null : moved}
      />`;
    };
    if (mode === 'speech' && speech.state !== 'idle') {
      const total = speech.sentences.length;
      const index = speech.index + 1;
      text = strings.sentence(index, total);
      // A new sentence on release: each sentence passed while dragging would start and stop.
      if (total > 1)
        seek = bar(index, 1, total, strings.sentenceOf(index, total), (value) =>
          speech.seek(value - 1),
        );
    }
    if (
      mode === 'recording' &&
      audio &&
      Number.isFinite(audio.duration) &&
      this.audioState !== 'idle'
    ) {
      const at = Math.floor(audio.currentTime);
      const end = Math.floor(audio.duration);
      text = `${minutes(at)} / ${minutes(end)}`;
      seek = bar(
        at,
        0,
        end,
        strings.timeOf(Math.floor(at / 60), at % 60, Math.floor(end / 60), end % 60),
        // Followed while dragging: the sound is where the thumb is.
        (value) => (audio.currentTime = value),
        true,
      );
    }
    return html`${seek}<span part="progress" class="progress">${text}</span>`;
  }

  private renderVoices(content: Content, mode: Mode) {
    const strings = this.strings(STRINGS);
    const options: { value: string; label: string; chosen: boolean }[] = [];
    if (mode === 'recording') {
      const recordings = this.recordings(content);
      const chosen = this.chosenRecording(recordings);
      for (const voice of recordings)
        options.push({ value: voice.id, label: voice.title, chosen: voice === chosen });
    } else {
      const voices = this.speech.voicesFor(this.speechLang(content));
      const chosen = this.chosenVoice(content);
      for (const voice of voices)
        options.push({ value: voice.voiceURI, label: voice.name, chosen: voice === chosen });
    }
    if (options.length < 2) return nothing;
    return html`<label class="field"
      >${strings.voice}
      <select
        part="voice"
        @change=${mode === 'recording' ? this.chooseRecording : this.chooseSpeechVoice}
      >
        ${options.map(
          ({ value, label, chosen }) =>
            html`<option value=${value} ?selected=${chosen}>${label}</option>`,
        )}
      </select></label
    >`;
  }

  protected override render() {
    const strings = this.strings(STRINGS);
    const content = this.content();
    const mode = this.mode(content);
    if (mode === 'waiting') return nothing;
    if (mode === 'unsupported')
      return this.hideUnsupported
        ? nothing
        : html`<p part="unsupported" class="unsupported">${strings.unsupported}</p>`;
    const state = this.playState;
    const rate = this.store.rate;
    const recording =
      mode === 'recording' ? this.chosenRecording(this.recordings(content)) : undefined;
    return html`<div
        part="player"
        class="group"
        role="group"
        aria-label=${strings.label}
        @keydown=${this.keydown}
      >
        <button part="button play" type="button" @click=${this.toggle}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            ${state === 'playing' ? ICONS.pause : ICONS.play}
          </svg>
          ${state === 'playing' ? strings.pause : state === 'paused' ? strings.resume : strings.label}
        </button>
        <button
          part="button stop"
          type="button"
          aria-disabled=${state === 'idle'}
          @click=${this.stop}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">${ICONS.stop}</svg>
          ${strings.stop}
        </button>
        <label class="field"
          >${strings.speed}
          <select part="speed" @change=${this.chooseRate}>
            ${LISTENING_RATES.map(
              (value) =>
                html`<option value=${value} ?selected=${value === rate}>
                  ${this.uiLang === 'vi' ? String(value).replace('.', ',') : value}×
                </option>`,
            )}
          </select></label
        >
        ${this.renderVoices(content, mode)} ${this.renderProgress(mode)}
        ${
          recording
            ? html`<audio
                preload="none"
                src=${recording.url}
                @play=${this.audioEvent}
                @pause=${this.audioEvent}
                @ended=${this.audioEvent}
                @error=${this.audioEvent}
                @timeupdate=${this.refresh}
                @loadedmetadata=${this.refresh}
              ></audio>`
            : nothing
        }
      </div>
      <span class="visually-hidden" role="status">${this.announcement}</span>`;
  }
}
