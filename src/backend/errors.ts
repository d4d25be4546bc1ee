/** The failures a backend reports, as codes the elements explain to the visitor. */
import type { RATING_CLOSED } from '../model/portal-model.js';
import type { RatingSummary } from './schema.js';

export type BackendErrorCode =
  | 'not-found'
  | 'already-voted'
  // The page's voting permission lapsed (NukeViet's PHP session): a reload gives a new one.
  | 'session-expired'
  | typeof RATING_CLOSED
  | 'invalid'
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'rate-limited'
  // The server does not take votes from this page's origin (its ALLOWED_ORIGINS).
  | 'origin-not-allowed'
  | 'unavailable'
  | 'unsupported';

/** Marks a BackendError made by any copy of this module (see `Symbol.hasInstance` below). */
const BACKEND_ERROR = Symbol.for('portal-widgets.BackendError');

/**
 * A failure the elements can explain to the visitor; `summary` comes with vote refusals, and
 * `status` is the HTTP status when the backend did answer.
 */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  readonly [BACKEND_ERROR] = true;

  /**
   * `instanceof BackendError` by mark, not by class identity: an adapter file loaded beside a
   * script-tag bundle (adapters/*.js) carries its own copy of this class.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== BackendError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [BACKEND_ERROR]?: unknown })[BACKEND_ERROR] === true
    );
  }

  constructor(
    readonly code: BackendErrorCode,
    message: string,
    readonly summary?: RatingSummary,
    readonly status?: number,
  ) {
    super(message);
  }
}
