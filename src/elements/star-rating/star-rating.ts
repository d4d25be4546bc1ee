import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { BackendClient } from '../../backend/client.js';
import type { RatingSummary } from '../../backend/schema.js';
import { BackendElement } from '../../bases/backend-element.js';
import { emptyMeansNoAttribute } from '../../bases/portal-widget.js';
import { ArticleErrorEvent } from '../../bases/events.js';
import { nextTask } from '../../core/define.js';
import { formatNumber, type Translations } from '../../core/lang.js';
import { fetchStateStyles } from '../../styles/fetch-state.js';
import { hostStyles } from '../../styles/shared.js';
import { starRatingStyles } from './star-rating.styles.js';
import { failureOf, VoteController } from './vote-controller.js';

type Fill = (n: string) => string;

/** "1 star", "4 stars", "1,234 ratings": an English count with its noun. */
const count = (n: string, noun: string) => `${n} ${noun}${n === '1' ? '' : 's'}`;

const STRINGS: Translations<{
  legend: string;
  star: Fill;
  summary: (total: string, count: string) => string;
  average: (average: string, count: string) => string;
  invite: string;
  tap: string;
  keys: string;
  chosen: Fill;
  loading: string;
  sending: string;
  thanks: Fill;
  yours: Fill;
  rated: string;
  already: string;
  expired: string;
  offline: string;
  serverFailed: string;
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
    tap: 'Chạm vào một sao để gửi ngay, hoặc dùng phím.',
    keys: 'Phím mũi tên để chọn số sao, Enter hoặc phím cách để gửi.',
    chosen: (n) => `Đã chọn ${n} sao, chưa gửi. Nhấn Enter để gửi.`,
    loading: 'Đang tải đánh giá…',
    sending: 'Đang gửi đánh giá…',
    thanks: (n) => `Cảm ơn bạn đã đánh giá ${n} sao.`,
    yours: (n) => `Bạn đã đánh giá bài viết này ${n} sao.`,
    rated: 'Bạn đã đánh giá bài viết này.',
    already:
      'Bạn đã đánh giá bài viết này trước đây; mỗi người chỉ được đánh giá một lần nên lần này không được tính.',
    expired:
      'Phiên làm việc của trang đã hết hạn nên đánh giá chưa được ghi nhận. Vui lòng tải lại trang rồi đánh giá lại.',
    offline: 'Chưa gửi được vì mất kết nối. Đánh giá sẽ được gửi khi có mạng trở lại.',
    serverFailed:
      'Máy chủ đang gặp lỗi nên chưa ghi nhận đánh giá. Đánh giá sẽ được gửi lại khi bạn mở lại trang.',
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
    invite: 'Click a star to rate this article',
    tap: 'Tap a star to send it, or use the keys.',
    keys: 'Arrow keys choose the stars, Enter or Space sends.',
    chosen: (n) => `${count(n, 'star')} chosen, not sent yet. Press Enter to send.`,
    loading: 'Loading ratings…',
    sending: 'Sending your rating…',
    thanks: (n) => `Thank you for rating ${count(n, 'star')}.`,
    yours: (n) => `You rated this article ${count(n, 'star')}.`,
    rated: 'You have rated this article.',
    already:
      'You had already rated this article; only one rating per visitor counts, so this one was not added.',
    expired:
      'Your rating was not recorded because this page’s session has expired. Please reload the page and rate again.',
    offline: 'Not sent: you are offline. Your rating will be sent when the connection returns.',
    serverFailed:
      'The server failed, so your rating is not recorded yet. It will be sent again when you next open this page.',
    failed: 'Your rating could not be sent. Please try again later.',
    closed: 'Rating is closed for this article.',
    readOnly: 'Ratings are shown here but cannot be given on this page.',
  },
};

/** Five stars in one template (one instance, not five, per use). */
const FIVE_STARS = html`<svg viewBox="0 0 24 24" aria-hidden="true">
    <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" /></svg
  ><svg viewBox="0 0 24 24" aria-hidden="true">
    <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" /></svg
  ><svg viewBox="0 0 24 24" aria-hidden="true">
    <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" /></svg
  ><svg viewBox="0 0 24 24" aria-hidden="true">
    <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" /></svg
  ><svg viewBox="0 0 24 24" aria-hidden="true">
    <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
  </svg>`;

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/**
 * Lets visitors rate the article 1–5 and shows the portal's summary: "Tổng số điểm của bài viết
 * là: X trong Y đánh giá", the average as stars and as a number. A native radio group (APG
 * rating pattern): the arrow keys choose, shown apart from a cast vote and never sent by
 * themselves; Enter or Space sends the choice; a click (pointer, voice control, screen-reader
 * browse mode) sends at once. One vote per visitor; the summary changes only when the backend
 * confirms; a refusal is final and said as it is; only a vote that never reached the server (or
 * met a server failure) is kept and sent again later.
 *
 * Also a form control (`name`, `value`, `required`), with `backend="none"` inside a feedback
 * form that has no backend.
 *
 * @tag star-rating
 * @summary Star rating with the portal's summary sentence; one vote per visitor, none lost.
 *
 * @fires {Event} change - The visitor cast a score (in a form: chose one; never when `value` is set from code).
 * @fires {RatingChangeEvent} pw-rating-change - The backend confirmed a vote; `detail.summary` is the new summary.
 * @fires {ArticleErrorEvent} pw-error - The summary could not be loaded.
 *
 * @csspart summary - The sentence with total points and number of ratings.
 * @csspart average - The average, as stars and as a number.
 * @csspart group - The radio group of the five choices.
 * @csspart star - Each choice's star picture (a radio laid over it takes clicks and shows focus).
 * @csspart status - Progress and results of a vote.
 * @csspart error - The failure message.
 * @csspart retry - The "try again" button.
 *
 * @cssproperty --pw-star-color - Filled stars and outlines (default #a15c00, 3:1 or better on white).
 * @cssproperty --pw-star-size - Size of each star (default 1.5em, never under 24px).
 * @cssproperty --pw-star-gap - Space between stars (default 0.125em).
 * @cssproperty --pw-color-text - Text colour (default: the page's own).
 * @cssproperty --pw-color-muted - Instructions and notes (default: the page's text colour).
 * @cssproperty --pw-color-focus - Focus outline colour (default #0b5394).
 */
export class StarRating extends BackendElement {
  static override styles = [hostStyles, fetchStateStyles, starRatingStyles];
  static formAssociated = true;

  static override properties: PropertyDeclarations = {
    value: {},
    name: { reflect: true, converter: emptyMeansNoAttribute },
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
  /** The vote flow: this element only renders it and turns keys and clicks into its calls. */
  private readonly votes = new VoteController(this, {
    client: () => this.tryClient(),
    formOnly: () => this.formOnly,
    focusOutcome: () => this.focusOn(this.renderRoot.querySelector<HTMLElement>('[part="status"]')),
  });
  /** A score chosen with the arrow keys and not sent (0: none). */
  private choice = 0;
  /** A star has keyboard focus (the browser's `:focus-visible`). */
  private keyboardFocus = false;
  /** The change event that follows this keydown is an arrow key's choice, not a vote. */
  private arrowKey = false;
  /**
   * Resolves once the stars are on screen after the figures came: they render in the task after
   * the figures, so that neither render keeps a phone busy for long.
   */
  private choicesShown: Promise<void> | undefined;

  private readonly rating = new Task(this, {
    // Run from willUpdate, and never for a form control: no backend, no second update.
    autoRun: false,
    task: async ([id], { signal }) => {
      try {
        return await this.client().getRating(String(id), { signal });
      } catch (error) {
        // A site with no ratings at all (WordPress without a rating plugin): nothing to show.
        if (failureOf(error).code === 'unsupported') return null;
        throw error;
      }
    },
    args: () => [this.articleId, this.api, this.backend] as const,
    onComplete: (summary) => summary && this.loaded(summary),
    onError: (error) => this.emit(new ArticleErrorEvent(error)),
  });

  private get formOnly(): boolean {
    return (this.backend ?? this.getAttribute('backend')) === 'none';
  }

  private tryClient(): BackendClient | undefined {
    try {
      return this.formOnly ? undefined : this.client();
    } catch {
      return undefined;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') || changed.has('required')) this.syncForm();
    const source =
      changed.has('articleId') ||
      changed.has('api') ||
      changed.has('backend') ||
      changed.has('site');
    if (source && !this.formOnly) void this.rating.run();
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
    const summary = this.votes.summary;
    if (summary) {
      const fill = this.renderRoot.querySelector<HTMLElement>('.fill');
      if (fill) fill.style.width = `${(summary.average / 5) * 100}%`;
    }
  }

  formResetCallback(): void {
    this.value = '';
  }

  /** The figures came: the flow learns where the visitor stands, the stars follow a task later. */
  private loaded(summary: RatingSummary): void {
    this.votes.loaded(summary);
    this.choicesShown = this.showChoicesLater();
    this.choice = 0;
  }

  private async showChoicesLater(): Promise<void> {
    const summary = this.votes.summary;
    await nextTask();
    // Figures for another article came meanwhile: their own turn shows the stars.
    if (this.votes.summary !== summary) return;
    this.choicesShown = undefined;
    this.requestUpdate();
    await this.updateComplete;
  }

  /** Includes the stars' own render, when they come in the task after the figures. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.choicesShown) return done;
    await this.choicesShown;
    return super.getUpdateComplete();
  }

  /** After "Thử lại": the loading line, then the stars (the chosen one first), else the figures. */
  protected override retryFocusTarget(): HTMLElement | null {
    const root = this.renderRoot;
    return (
      root.querySelector<HTMLElement>('[part="retry"], .loading') ??
      root.querySelector<HTMLElement>('input:checked:enabled') ??
      root.querySelector<HTMLElement>('input:enabled') ??
      root.querySelector<HTMLElement>('[part="summary"]')
    );
  }

  /** A deliberate vote: a choice made with the arrow keys ends with it. */
  private cast(score: number): void {
    if (this.votes.cast(score)) this.choice = 0;
  }

  private number(value: number, digits = 0): string {
    return formatNumber(value, this.uiLang, digits);
  }

  private onKeydown(event: KeyboardEvent): void {
    // Keys on a star clicked before: from now on the keyboard is in use (as :focus-visible has it).
    if (!this.keyboardFocus) {
      this.keyboardFocus = true;
      this.requestUpdate();
    }
    if (ARROWS.has(event.key)) {
      // Nothing to choose while a vote is on its way.
      if (!this.votes.canChoose) event.preventDefault();
      else {
        this.arrowKey = true;
        this.wrapAtEnds(event);
      }
    } else if (event.key === 'Enter' && this.votes.canChoose) {
      event.preventDefault();
      if (this.choice) this.cast(this.choice);
    }
  }

  /** An arrow past the last star chooses the first and back (APG); Safari's radios stop there. */
  private wrapAtEnds(event: KeyboardEvent): void {
    const stars = [...this.renderRoot.querySelectorAll('input')];
    const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown';
    if (event.target !== stars.at(forward ? -1 : 0)) return;
    event.preventDefault();
    const next = stars.at(forward ? 0 : -1)!;
    next.focus();
    next.checked = true;
    next.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onKeyup(event: KeyboardEvent): void {
    this.arrowKey = false;
    const input = event.target as HTMLInputElement;
    // Space on the chosen star sends it; on another star the browser's click does (onChange).
    if (event.key === ' ' && input.checked && Number(input.value) === this.choice)
      this.cast(this.choice);
  }

  private onChange(event: Event): void {
    const score = Number((event.target as HTMLInputElement).value);
    const arrowKey = this.arrowKey;
    this.arrowKey = false;
    if (!this.votes.canChoose) {
      // Nothing to choose now: the star the browser just checked goes back as it was shown.
      for (const radio of this.renderRoot.querySelectorAll('input'))
        radio.checked = radio.value === this.value;
    } else if (arrowKey && !this.formOnly) {
      this.choice = score;
      this.requestUpdate();
    } else {
      this.cast(score);
      this.requestUpdate();
    }
  }

  /** Keyboard focus on a star: the instruction for keys replaces the portal's "Click để…". */
  private onFocusin(event: FocusEvent): void {
    // WebKit does not match :focus-visible on a radio reached by an arrow key.
    const keyboard = this.arrowKey || (event.target as HTMLElement).matches(':focus-visible');
    if (keyboard !== this.keyboardFocus) {
      this.keyboardFocus = keyboard;
      this.requestUpdate();
    }
  }

  /** A choice that was never sent does not stay on screen looking like a vote. */
  private onFocusout(event: FocusEvent): void {
    const group = event.currentTarget as HTMLElement;
    if (group.contains(event.relatedTarget as Node | null)) return;
    if (this.choice || this.keyboardFocus) {
      this.choice = 0;
      this.keyboardFocus = false;
      this.requestUpdate();
    }
  }

  private renderAverage() {
    const summary = this.votes.summary;
    if (!summary) return nothing;
    const strings = this.strings(STRINGS);
    const average = this.number(summary.average, 1);
    const count = this.number(summary.count);
    return html`<p part="summary" class="summary">
        ${strings.summary(this.number(summary.total), count)}
      </p>
      <div part="average" class="average" role="img" aria-label=${strings.average(average, count)}>
        <span class="track" aria-hidden="true"
          >${FIVE_STARS}<span class="fill">${FIVE_STARS}</span></span
        >
        <span aria-hidden="true">${average}</span>
      </div>`;
  }

  /** The five stars, rendered only while the visitor can vote (see renderBody). */
  private renderChoices() {
    const strings = this.strings(STRINGS);
    const { state } = this.votes;
    const ready = state === 'ready';
    const choosing = ready && !this.formOnly;
    const shown = choosing ? this.choice : Number(this.value);
    const chosen = choosing && this.choice > 0;
    const disabled = !ready && state !== 'sending';
    const look = (score: number) => (shown < score ? 'star' : choosing ? 'star chosen' : 'star on');
    // For the way the visitor is using the stars: the portal's sentence for pointer and voice,
    // the keys once the keyboard is on them, and a choice not sent yet as such. Seen, not read
    // out: the group's description tells touch, keys and screen readers alike, with no "Click".
    const instruction = chosen
      ? strings.chosen(String(this.choice))
      : this.keyboardFocus
        ? strings.keys
        : strings.invite;
    // One listener of each kind for the five stars: their events bubble to the group. The five
    // are written out, not mapped: one template per element instead of six renders a page of
    // many ratings markedly faster (npm run bench:render). Each star is its picture with a bare,
    // invisible radio laid over it: no <label> around the pair, since every element less per
    // star is style, layout and paint saved on every rating of the page.
    return html`<div
      part="group"
      class=${this.keyboardFocus ? 'choices keys' : 'choices'}
      role="radiogroup"
      aria-labelledby="legend"
      aria-describedby="how"
      @keydown=${this.onKeydown}
      @keyup=${this.onKeyup}
      @change=${this.onChange}
      @focusin=${this.onFocusin}
      @focusout=${this.onFocusout}
    >
      <p id="legend" class="legend">${strings.legend}</p>
      <p class="invite" aria-hidden="true" ?hidden=${!ready}>${instruction}</p>
      <p id="how" hidden>${strings.tap} ${strings.keys}</p>
      <div class="stars">
        <svg part="star" class=${look(1)} viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"
          /></svg
        ><input
          type="radio"
          name="score"
          value="1"
          aria-label=${strings.star('1')}
          .checked=${shown === 1}
          ?disabled=${disabled}
        /><svg part="star" class=${look(2)} viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"
          /></svg
        ><input
          type="radio"
          name="score"
          value="2"
          aria-label=${strings.star('2')}
          .checked=${shown === 2}
          ?disabled=${disabled}
        /><svg part="star" class=${look(3)} viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"
          /></svg
        ><input
          type="radio"
          name="score"
          value="3"
          aria-label=${strings.star('3')}
          .checked=${shown === 3}
          ?disabled=${disabled}
        /><svg part="star" class=${look(4)} viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"
          /></svg
        ><input
          type="radio"
          name="score"
          value="4"
          aria-label=${strings.star('4')}
          .checked=${shown === 4}
          ?disabled=${disabled}
        /><svg part="star" class=${look(5)} viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"
          /></svg
        ><input
          type="radio"
          name="score"
          value="5"
          aria-label=${strings.star('5')}
          .checked=${shown === 5}
          ?disabled=${disabled}
        />
      </div>
    </div>`;
  }

  private get statusText(): string {
    const strings = this.strings(STRINGS);
    const { state, queuedBecause, refused } = this.votes;
    switch (state) {
      case 'sending':
        return strings.sending;
      case 'thanked':
        return strings.thanks(this.value);
      case 'already':
        return this.value ? `${strings.already} ${strings.yours(this.value)}` : strings.already;
      case 'expired':
        return strings.expired;
      case 'queued':
        return queuedBecause === 'server'
          ? strings.serverFailed
          : queuedBecause === 'offline'
            ? strings.offline
            : '';
      default:
        return refused && strings[refused];
    }
  }

  private renderNote(canVote: boolean) {
    const strings = this.strings(STRINGS);
    if (this.votes.state === 'voted')
      return html`<p class="note">${this.value ? strings.yours(this.value) : strings.rated}</p>`;
    if (!canVote)
      return html`<p class="note">
        ${this.votes.summary?.open === false ? strings.closed : strings.readOnly}
      </p>`;
    return nothing;
  }

  private renderBody() {
    // Asked once per render: it looks up the backend client.
    const { canVote, state } = this.votes;
    const choices =
      canVote &&
      !this.choicesShown &&
      (state === 'ready' || state === 'sending' || state === 'queued');
    return html`<div class="base">
      ${this.renderAverage()} ${choices ? this.renderChoices() : nothing}
      ${this.renderNote(canVote)}
      <p part="status" class="status" role="status">${this.statusText}</p>
    </div>`;
  }

  protected override render() {
    if (this.formOnly) return this.renderBody();
    return this.rating.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: (summary) => (summary ? this.renderBody() : nothing),
      error: (error) => this.renderError(error, () => void this.retry(this.rating)),
    });
  }

  private renderLoading() {
    return html`<div class="base" aria-busy="true">
      <p class="summary loading">${this.strings(STRINGS).loading}</p>
      <p part="status" class="status" role="status"></p>
    </div>`;
  }
}
