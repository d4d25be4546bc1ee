import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import type { BackendClient } from '../../backend/client.js';
import { BackendError } from '../../backend/errors.js';
import type { RatingSummary } from '../../backend/schema.js';
import { RatingChangeEvent } from '../../bases/events.js';
import { clearPending, givenVote, pendingVote, queuePending, rememberGiven } from './vote-store.js';

/**
 * Where the vote stands: `ready` to vote; `sending`; `thanked` (confirmed now); `voted`
 * (confirmed on an earlier visit); `already` and `expired` (refused, final); `queued` (it never
 * reached the server, or the server failed: sent again later).
 */
export type VoteState =
  'ready' | 'sending' | 'thanked' | 'voted' | 'already' | 'expired' | 'queued';

/** The element a vote flow serves: the article voted on, and the score it shows as its value. */
export interface VoteHost extends ReactiveControllerHost, EventTarget {
  readonly articleId: string;
  /** "" or "1"–"5": set by the flow as the vote is cast, confirmed or refused. */
  value: string;
  /** Shows the average only: no vote at all. */
  readonly readonly: boolean;
}

/** What the flow asks of its element, kept out of the element's public API. */
export interface VoteOptions {
  /** The client votes go to; undefined when none can be set up. */
  client(): BackendClient | undefined;
  /** A form control with no backend: a vote is only the form's value. */
  formOnly(): boolean;
  /** Moves focus to the words that say how the vote went. */
  focusOutcome(): void;
}

/** A backend failure's code, status and summary (`instanceof` holds for every copy of the class). */
export function failureOf(
  error: unknown,
): Partial<Pick<BackendError, 'code' | 'status' | 'summary'>> {
  return error instanceof BackendError ? error : {};
}

/** Votes being delivered right now, so two elements for one article never send it twice. */
const delivering = new Set<string>();

/**
 * The vote flow of a rating: cast, send, keep what never arrived and deliver it later, each
 * outcome as it is, and focus on that outcome after a vote. One vote per visitor; the summary
 * changes only when the backend confirms; a refusal is final.
 */
export class VoteController implements ReactiveController {
  /** The figures shown: as loaded, then as the backend answered a vote. */
  summary: RatingSummary | null = null;
  state: VoteState = 'ready';
  queuedBecause: 'offline' | 'server' | 'earlier' = 'earlier';
  /** Why the last vote came back without effect, while the stars are offered again. */
  refused: '' | 'failed' | 'closed' = '';
  /** A vote was cast here: once its outcome is shown, focus goes to it. */
  private focusOutcome = false;

  constructor(
    private readonly host: VoteHost,
    private readonly options: VoteOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.deliverPending);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.deliverPending);
  }

  /** After a vote, focus goes to its outcome, never to the page with the stars (WCAG 2.4.3). */
  hostUpdated(): void {
    if (this.focusOutcome && this.state !== 'sending') {
      this.focusOutcome = false;
      if (this.state !== 'ready' || !this.canVote) this.options.focusOutcome();
    }
  }

  private get voteKey(): string {
    return `${this.options.client()?.key ?? ''}|${this.host.articleId}`;
  }

  get canVote(): boolean {
    if (this.host.readonly) return false;
    if (this.options.formOnly()) return true;
    return this.options.client()?.capabilities.rating === 'write' && this.summary?.open !== false;
  }

  get canChoose(): boolean {
    return this.canVote && this.state === 'ready';
  }

  /** Where the visitor stands with this article, once its summary is known. */
  loaded(summary: RatingSummary): void {
    this.summary = summary;
    this.refused = '';
    const key = this.voteKey;
    const given = givenVote(key) ?? summary.yourScore;
    const pending = pendingVote(key);
    if (given !== undefined) {
      this.host.value = given ? String(given) : '';
      this.state = 'voted';
    } else if (pending) {
      this.host.value = String(pending);
      this.state = 'queued';
      this.queuedBecause = 'earlier';
      void this.deliverPending();
    } else {
      this.host.value = '';
      this.state = 'ready';
    }
  }

  /** Sends a vote kept earlier; the backend's one-vote rule makes a repeat harmless. */
  readonly deliverPending = async (): Promise<void> => {
    const key = this.voteKey;
    const score = pendingVote(key);
    if (!score || delivering.has(key)) return;
    delivering.add(key);
    try {
      await this.send(score);
    } finally {
      delivering.delete(key);
    }
  };

  /** The visitor's deliberate vote (a click, Enter or Space); false when none can be cast now. */
  cast(score: number): boolean {
    if (!this.canChoose) return false;
    this.host.value = String(score);
    this.host.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    if (this.options.formOnly()) return true;
    this.focusOutcome = true;
    void this.send(score);
    return true;
  }

  private async send(score: number): Promise<void> {
    const key = this.voteKey;
    this.host.value = String(score);
    this.state = 'sending';
    this.refused = '';
    this.host.requestUpdate();
    try {
      const summary = await this.options.client()!.rate(this.host.articleId, score);
      clearPending(key);
      rememberGiven(key, score);
      this.summary = summary;
      this.state = 'thanked';
      this.host.dispatchEvent(new RatingChangeEvent(score, summary));
    } catch (error) {
      this.failed(key, score, error);
    }
    this.host.requestUpdate();
  }

  /** A vote that came back without effect: final refusals are never kept nor sent again. */
  private failed(key: string, score: number, error: unknown): void {
    const { code, status, summary } = failureOf(error);
    if (code === 'network' || code === 'timeout') {
      queuePending(key, score);
      this.state = 'queued';
      this.queuedBecause = status !== undefined && status >= 500 ? 'server' : 'offline';
      return;
    }
    clearPending(key);
    if (code === 'already-voted') {
      // The score the backend kept, only when it says which (NukeViet does not).
      const kept = summary?.yourScore;
      rememberGiven(key, kept ?? 0);
      this.summary = summary ?? this.summary;
      this.host.value = kept ? String(kept) : '';
      this.state = 'already';
      return;
    }
    this.host.value = '';
    if (code === 'session-expired') {
      this.state = 'expired';
      return;
    }
    // Refused for another reason: back exactly to how it was, and say why.
    this.state = 'ready';
    if (code === 'rating-closed' && this.summary) this.summary = { ...this.summary, open: false };
    this.refused = code === 'rating-closed' ? 'closed' : 'failed';
  }
}
