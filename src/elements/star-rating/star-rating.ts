import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { BackendClient } from '../../backend/client.js';
import { BackendError, type RatingSummary } from '../../backend/types.js';
import { nextAnnouncement } from '../../core/announce.js';
import { BackendElement } from '../../core/backend-element.js';
import { ArticleErrorEvent, RatingChangeEvent } from '../../core/events.js';
import type { Translations } from '../../core/lang.js';
import { fetchStateStyles } from '../../styles/fetch-state.js';
import { hostStyles } from '../../styles/shared.js';
import { starRatingStyles } from './star-rating.styles.js';
import { clearPending, givenVote, pendingVote, queuePending, rememberGiven } from './vote-store.js';

type Fill = (n: string) => string;

/** "1 star", "4 stars", "1,234 ratings": an English count with its noun. */
const count = (n: string, noun: string) => `${n} ${noun}${n === '1' ? '' : 's'}`;

const STRINGS: Translations<{
  legend: string;
  star: Fill;
  summary: (total: string, count: string) => string;
  average: (average: string, count: string) => string;
  invite: string;
  hint: string;
  loading: string;
  sending: string;
  thanks: Fill;
  already: string;
  yours: Fill;
  queued: string;
  failed: string;
  closed: string;
  readOnly: string;
}> = {
  vi: {
    legend: 'Đánh giá bài viết',
    star: (n) => `${n} sao`,
    summary: (total, count) => `Tổng số điểm của bài viết là: ${total} trong ${count} đánh giá`,
    average: (average, count) => `Điểm trung bình ${average} trên 5 (${count} lượt đánh giá)`,
    invite: 'Click để đánh giá bài viết',
    hint: 'Dùng phím mũi tên để chọn số sao, Enter để gửi.',
    loading: 'Đang tải đánh giá…',
    sending: 'Đang gửi đánh giá…',
    thanks: (n) => `Cảm ơn bạn đã đánh giá ${n} sao.`,
    already: 'Bạn đã đánh giá bài viết này rồi',
    yours: (n) => `Bạn đã chấm ${n} sao.`,
    queued: 'Chưa gửi được vì mất kết nối. Đánh giá sẽ được gửi khi có mạng trở lại.',
    failed: 'Không gửi được đánh giá. Vui lòng thử lại sau.',
    closed: 'Bài viết đã ngừng nhận đánh giá.',
    readOnly: 'Trang này chỉ hiển thị điểm đánh giá, không nhận đánh giá.',
  },
  en: {
    legend: 'Rate this article',
    star: (n) => count(n, 'star'),
    summary: (total, ratings) =>
      `This article has ${count(total, 'point')} from ${count(ratings, 'rating')}`,
    average: (average, ratings) => `Average ${average} out of 5 (${count(ratings, 'rating')})`,
    invite: 'Click to rate this article',
    hint: 'Use the arrow keys to choose, Enter to send.',
    loading: 'Loading ratings…',
    sending: 'Sending your rating…',
    thanks: (n) => `Thank you for rating ${count(n, 'star')}.`,
    already: 'You have already rated this article',
    yours: (n) => `Your rating: ${count(n, 'star')}.`,
    queued: 'Not sent: you are offline. Your rating will be sent when the connection returns.',
    failed: 'Your rating could not be sent. Please try again later.',
    closed: 'Rating is closed for this article.',
    readOnly: 'Ratings are shown here but cannot be given on this page.',
  },
};

const STAR = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
</svg>`;

/** Votes being delivered right now, so two elements for one article never send it twice. */
const delivering = new Set<string>();

/**
 * Lets visitors rate the article 1–5 and shows the portal's summary: "Tổng số điểm của bài viết
 * là: X trong Y đánh giá", the average as stars and as a number. A native radio group (APG
 * rating pattern): arrows choose, Enter or Space sends, a click sends at once. One vote per
 * visitor; the summary changes only when the backend confirms; a vote that cannot be sent
 * (offline, time-out, server error) is kept and sent once the connection returns.
 *
 * Also a form control (`name`, `value`, `required`), with `backend="none"` inside a feedback
 * form that has no backend.
 *
 * @tag star-rating
 * @summary Star rating with the portal's summary sentence; one vote per visitor, none lost.
 *
 * @fires change - The visitor chose a score (never when `value` is set from code).
 * @fires {RatingChangeEvent} pw-rating-change - The backend confirmed a vote; `detail.summary` is the new summary.
 * @fires {ArticleErrorEvent} pw-error - The summary could not be loaded.
 *
 * @csspart summary - The sentence with total points and number of ratings.
 * @csspart average - The average, as stars and as a number.
 * @csspart group - The radio group of the five choices.
 * @csspart star - Each choice.
 * @csspart status - Progress and results of a vote.
 *
 * @cssproperty --pw-star-color - Filled stars and outlines (default #a15c00, 3:1 or better on white).
 * @cssproperty --pw-star-size - Size of each star (default 1.5em, never under 24px).
 * @cssproperty --pw-star-gap - Space between stars (default 0.125em).
 * @cssproperty --pw-color-text - Text colour (default #1f2328).
 * @cssproperty --pw-color-muted - Secondary text (default #4b5563).
 * @cssproperty --pw-color-focus - Focus outline colour (default #0b5394).
 */
export class StarRating extends BackendElement {
  static override styles = [hostStyles, fetchStateStyles, starRatingStyles];
  static formAssociated = true;

  static override properties: PropertyDeclarations = {
    value: {},
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    readonly: { type: Boolean, reflect: true },
  };

  /** The chosen score as a form value: "" or "1"–"5". Setting it fires no `change`. */
  value = '';

  /** The form field's name. */
  name = '';

  /** In a form: a score must be chosen. */
  required = false;

  /** Shows the average only; nothing to focus, nothing to click. */
  readonly = false;

  private readonly internals = this.attachInternals();
  private summary: RatingSummary | null = null;
  private state: 'loading' | 'ready' | 'sending' | 'voted' | 'queued' | 'error' = 'loading';
  private message = '';
  private loadError: unknown;
  private pointerChoice = false;
  private loadedKey = '';

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.deliverPending);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.deliverPending);
  }

  private get formOnly(): boolean {
    return (this.backend ?? this.getAttribute('backend')) === 'none';
  }

  private get voteKey(): string {
    return `${this.tryClient()?.key ?? ''}|${this.articleId}`;
  }

  private tryClient(): BackendClient | undefined {
    try {
      return this.formOnly ? undefined : this.client();
    } catch {
      return undefined;
    }
  }

  private get canVote(): boolean {
    if (this.readonly) return false;
    if (this.formOnly) return true;
    return this.tryClient()?.capabilities.rating === 'write' && this.summary?.open !== false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') || changed.has('required')) this.syncForm();
    const key = `${this.articleId}|${this.api}|${this.backend}`;
    if (this.formOnly) this.state = this.state === 'loading' ? 'ready' : this.state;
    else if (key !== this.loadedKey) {
      this.loadedKey = key;
      void this.load();
    }
  }

  private syncForm(): void {
    this.internals.setFormValue(this.value || null);
    if (this.required && !this.value) {
      this.internals.setValidity({ valueMissing: true }, this.strings(STRINGS).legend);
    } else {
      this.internals.setValidity({});
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Through the CSSOM, which a strict Content Security Policy allows (a style attribute it does not).
    const fill = this.renderRoot.querySelector<HTMLElement>('.fill');
    if (fill && this.summary) fill.style.width = `${(this.summary.average / 5) * 100}%`;
  }

  formResetCallback(): void {
    this.value = '';
  }

  private async load(): Promise<void> {
    this.state = 'loading';
    this.requestUpdate();
    try {
      const client = this.client();
      this.summary = await client.getRating(this.articleId);
      const given = givenVote(this.voteKey);
      if (given) {
        this.value = String(given);
        this.state = 'voted';
      } else if (pendingVote(this.voteKey)) {
        this.value = String(pendingVote(this.voteKey));
        this.state = 'queued';
        void this.deliverPending();
      } else {
        this.state = 'ready';
      }
    } catch (error) {
      this.state = 'error';
      this.loadError = error;
      this.emit(new ArticleErrorEvent(error));
    }
    this.requestUpdate();
  }

  /** Sends a vote kept while offline; the backend's one-vote rule makes a repeat harmless. */
  private readonly deliverPending = async (): Promise<void> => {
    const key = this.voteKey;
    const score = pendingVote(key);
    if (!score || delivering.has(key)) return;
    delivering.add(key);
    try {
      await this.send(score, true);
    } finally {
      delivering.delete(key);
    }
  };

  private announce(message: string): void {
    this.message = nextAnnouncement(this.message, message);
  }

  private choose(score: number): void {
    // What a refusal returns to: votes are only offered before any vote, so no score was shown.
    const previous = { value: '', state: this.state };
    this.value = String(score);
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    if (!this.formOnly) void this.send(score, false, previous);
    else this.requestUpdate();
  }

  private async send(
    score: number,
    fromQueue: boolean,
    previous = { value: this.value, state: this.state },
  ): Promise<void> {
    const strings = this.strings(STRINGS);
    const key = this.voteKey;
    this.value = String(score);
    this.state = 'sending';
    this.announce(strings.sending);
    this.requestUpdate();
    try {
      const summary = await this.client().rate(this.articleId, score);
      this.confirmed(key, score, summary);
      this.announce(strings.thanks(this.number(score)));
      this.emit(new RatingChangeEvent(score, summary));
    } catch (error) {
      const code = error instanceof BackendError ? error.code : 'network';
      if (code === 'already-voted') {
        const summary = (error as BackendError).summary;
        this.confirmed(key, summary?.yourScore ?? score, summary ?? this.summary);
        this.announce(strings.already);
      } else if (code === 'network' || code === 'timeout') {
        queuePending(key, score);
        this.state = 'queued';
        this.announce(strings.queued);
      } else {
        if (fromQueue) clearPending(key);
        // Refused: back exactly to how it was, and say why.
        this.value = fromQueue ? '' : previous.value;
        this.state = fromQueue ? 'ready' : previous.state;
        if (code === 'rating-closed' && this.summary)
          this.summary = { ...this.summary, open: false };
        this.announce(code === 'rating-closed' ? strings.closed : strings.failed);
      }
    }
    this.requestUpdate();
  }

  private confirmed(key: string, score: number, summary: RatingSummary | null): void {
    clearPending(key);
    rememberGiven(key, score);
    this.summary = summary;
    this.value = String(score);
    this.state = 'voted';
  }

  private number(value: number, digits = 0): string {
    return new Intl.NumberFormat(this.locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && this.canChoose) {
      event.preventDefault();
      const checked = this.renderRoot.querySelector<HTMLInputElement>('input:checked');
      if (checked) this.choose(Number(checked.value));
    }
  }

  private onPointerdown(): void {
    this.pointerChoice = true;
  }

  private onRadioChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    // A click sends at once; the arrow keys only choose, Enter or Space then sends.
    if (this.pointerChoice) this.choose(Number(input.value));
    else {
      this.value = input.value;
      this.requestUpdate();
    }
    this.pointerChoice = false;
  }

  private onRadioKeyup(event: KeyboardEvent): void {
    if (event.key === ' ' && this.canChoose)
      this.choose(Number((event.target as HTMLInputElement).value));
  }

  private get canChoose(): boolean {
    return this.canVote && (this.state === 'ready' || this.formOnly);
  }

  private renderAverage() {
    const summary = this.summary;
    if (!summary) return nothing;
    const strings = this.strings(STRINGS);
    const average = this.number(summary.average, 1);
    const count = this.number(summary.count);
    return html`<p part="summary" class="summary">
        ${strings.summary(this.number(summary.total), count)}
      </p>
      <div part="average" class="average" role="img" aria-label=${strings.average(average, count)}>
        <span class="track" aria-hidden="true"
          >${[1, 2, 3, 4, 5].map(() => STAR)}<span class="fill"
            >${[1, 2, 3, 4, 5].map(() => STAR)}</span
          ></span
        >
        <span aria-hidden="true">${average}</span>
      </div>`;
  }

  private renderChoices() {
    const strings = this.strings(STRINGS);
    const disabled = !this.canChoose;
    // One listener of each kind for the five stars: their events bubble to the group.
    return html`<div
      part="group"
      class="choices"
      role="radiogroup"
      aria-labelledby="legend"
      aria-describedby="hint"
      @keydown=${this.onKeydown}
      @change=${this.onRadioChange}
      @keyup=${this.onRadioKeyup}
      @pointerdown=${this.onPointerdown}
    >
      <p id="legend" class="legend">${strings.legend}</p>
      ${this.state === 'ready' ? html`<p class="invite">${strings.invite}</p>` : nothing}
      <p id="hint" class="visually-hidden">${strings.hint}</p>
      <div class="stars">
        ${[1, 2, 3, 4, 5].map(
          (score) =>
            html`<label part="star" class=${Number(this.value) >= score ? 'star on' : 'star'}
              ><input
                type="radio"
                name="score"
                value=${score}
                aria-label=${strings.star(String(score))}
                .checked=${this.value === String(score)}
                ?disabled=${disabled} /><svg
                viewBox="0 0 24 24"
                aria-hidden="true"
                focusable="false"
              >
                <path
                  d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"
                /></svg
            ></label>`,
        )}
      </div>
    </div>`;
  }

  protected override render() {
    const strings = this.strings(STRINGS);
    if (this.state === 'error') {
      return this.renderError(this.loadError, () => void this.load());
    }
    const note =
      this.state === 'voted'
        ? html`<p class="note">${strings.already}. ${strings.yours(this.value)}</p>`
        : !this.canVote && this.state !== 'loading'
          ? html`<p class="note">
              ${this.summary?.open === false ? strings.closed : strings.readOnly}
            </p>`
          : nothing;
    return html`<div class="base" aria-busy=${this.state === 'loading'}>
      ${this.state === 'loading' ? html`<p class="summary">${strings.loading}</p>` : this.renderAverage()}
      ${this.canVote && this.state !== 'voted' ? this.renderChoices() : nothing} ${note}
      <p part="status" class="status" role="status">
        ${this.state === 'loading' ? '' : this.message}
      </p>
    </div>`;
  }
}
