import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type SpeechState = 'idle' | 'speaking' | 'paused';

/** Why reading stopped, for the host to say so. */
export type SpeechEnd = 'stopped' | 'ended' | 'failed';

export interface SpeechOptions {
  /** The state changed: reading began or resumed, paused, or ended (`end` says how). */
  onStateChange?: (state: SpeechState, end?: SpeechEnd) => void;
}

/** `vi_VN` (Android) and `vi-vn` alike, as BCP 47. */
const tag = (lang: string): string => lang.replace('_', '-').toLowerCase();

/** Stops waiting for `voiceschanged` after this long: some engines never fire it. */
const VOICES_WAIT = 1500;

/**
 * Reads a list of sentences aloud with the browser's speech synthesis, one utterance per
 * sentence (Chromium cuts long utterances short), and knows which sentence is being read. Pause
 * cancels and remembers the sentence, since `speechSynthesis.pause()` is unreliable on phones;
 * resume reads that sentence again. Reading pauses when the page is hidden and stops when it is
 * left. Uses `window.speechSynthesis` as it is when called.
 */
export class SpeechController implements ReactiveController {
  state: SpeechState = 'idle';
  /** The sentence being read, or the one a resume starts from. */
  index = 0;
  sentences: readonly string[] = [];
  lang = 'vi-VN';
  rate = 1;
  voice: SpeechSynthesisVoice | undefined;
  /** Whether the engine has said which voices it has (some say it only after a while). */
  voicesKnown = false;
  /** Tells the utterances of an earlier start from the current one's. */
  private generation = 0;
  /** The utterance being spoken, held: Chromium drops the end event of one nothing refers to. */
  utterance: SpeechSynthesisUtterance | undefined;
  private waiting: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SpeechOptions = {},
  ) {
    host.addController(this);
  }

  get engine(): SpeechSynthesis | undefined {
    return 'speechSynthesis' in window ? window.speechSynthesis : undefined;
  }

  hostConnected(): void {
    const engine = this.engine;
    engine?.addEventListener('voiceschanged', this.voicesChanged);
    this.voicesKnown = !engine || engine.getVoices().length > 0;
    if (!this.voicesKnown) this.waiting = setTimeout(this.voicesChanged, VOICES_WAIT);
    document.addEventListener('visibilitychange', this.visibilityChanged);
    addEventListener('pagehide', this.pageLeft);
  }

  hostDisconnected(): void {
    this.engine?.removeEventListener('voiceschanged', this.voicesChanged);
    clearTimeout(this.waiting);
    document.removeEventListener('visibilitychange', this.visibilityChanged);
    removeEventListener('pagehide', this.pageLeft);
    this.stop();
  }

  /** The engine's voices for `lang` (`vi-VN`, or `vi` for any region), its own region first. */
  voicesFor(lang: string): SpeechSynthesisVoice[] {
    const wanted = tag(lang);
    const primary = wanted.split('-')[0]!;
    return (this.engine?.getVoices() ?? [])
      .filter((voice) => tag(voice.lang).split('-')[0] === primary)
      .sort((a, b) => Number(tag(b.lang) === wanted) - Number(tag(a.lang) === wanted));
  }

  /** Reads `sentences` from the one at `from`. */
  play(sentences: readonly string[], from = 0): void {
    this.sentences = sentences;
    this.index = Math.min(Math.max(0, from), sentences.length - 1);
    this.speakCurrent();
  }

  pause(): void {
    if (this.state !== 'speaking') return;
    this.silence();
    this.setState('paused');
  }

  resume(): void {
    if (this.state === 'paused') this.speakCurrent();
  }

  /** Reads on from sentence `index`; a paused reading resumes from there. */
  seek(index: number): void {
    if (this.state === 'idle') return;
    this.index = Math.min(Math.max(0, index), this.sentences.length - 1);
    if (this.state === 'speaking') this.speakCurrent();
    else this.host.requestUpdate();
  }

  stop(end: SpeechEnd = 'stopped'): void {
    if (this.state === 'idle') return;
    this.silence();
    this.index = 0;
    this.setState('idle', end);
  }

  /** A new speed or voice: the sentence being read starts again with it. */
  changeVoice(rate: number, voice: SpeechSynthesisVoice | undefined): void {
    const changed = rate !== this.rate || voice !== this.voice;
    this.rate = rate;
    this.voice = voice;
    if (changed && this.state === 'speaking') this.speakCurrent();
  }

  private silence(): void {
    this.generation += 1;
    this.utterance = undefined;
    const engine = this.engine;
    if (engine?.speaking || engine?.pending) engine.cancel();
  }

  private speakCurrent(): void {
    const engine = this.engine;
    const text = this.sentences[this.index];
    if (!engine || text === undefined) {
      this.stop('failed');
      return;
    }
    this.silence();
    const generation = this.generation;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = this.voice?.lang ?? this.lang;
    if (this.voice) utterance.voice = this.voice;
    utterance.rate = this.rate;
    utterance.addEventListener('end', () => {
      if (generation !== this.generation) return;
      if (this.index + 1 < this.sentences.length) {
        this.index += 1;
        this.speakCurrent();
      } else {
        this.stop('ended');
      }
    });
    utterance.addEventListener('error', (event) => {
      // Our own cancel (pause, stop, a new sentence) reports as an error too.
      if (generation !== this.generation || ['interrupted', 'canceled'].includes(event.error))
        return;
      this.stop('failed');
    });
    this.utterance = utterance;
    engine.speak(utterance);
    this.setState('speaking');
  }

  private setState(state: SpeechState, end?: SpeechEnd): void {
    const changed = state !== this.state;
    this.state = state;
    this.host.requestUpdate();
    if (changed || end) this.options.onStateChange?.(state, end);
  }

  private readonly voicesChanged = (): void => {
    clearTimeout(this.waiting);
    this.voicesKnown = true;
    this.host.requestUpdate();
  };

  private readonly visibilityChanged = (): void => {
    if (document.visibilityState === 'hidden') this.pause();
  };

  private readonly pageLeft = (): void => this.stop();
}
