/**
 * Votes this browser gave (so the element shows "already rated" without asking) and votes it
 * could not deliver yet (sent again when the connection returns or the page is next opened).
 * Kept in the portal's own localStorage; a vote counts only once the backend confirms it.
 */
const GIVEN_KEY = 'portal-widgets.given-votes';
const PENDING_KEY = 'portal-widgets.pending-votes';

type ScoreMap = Record<string, number>;

function read(key: string): ScoreMap {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as ScoreMap) : {};
  } catch {
    return {};
  }
}

function write(key: string, map: ScoreMap): void {
  try {
    localStorage.setItem(key, JSON.stringify(map));
  } catch {
    // Storage blocked: the vote still goes through now; it is only not remembered.
  }
}

function update(key: string, voteKey: string, score: number | undefined): void {
  const map = read(key);
  if (score === undefined) delete map[voteKey];
  else map[voteKey] = score;
  write(key, map);
}

export const givenVote = (voteKey: string): number | undefined => read(GIVEN_KEY)[voteKey];
export const rememberGiven = (voteKey: string, score: number) => update(GIVEN_KEY, voteKey, score);
export const pendingVote = (voteKey: string): number | undefined => read(PENDING_KEY)[voteKey];
export const queuePending = (voteKey: string, score: number) => update(PENDING_KEY, voteKey, score);
export const clearPending = (voteKey: string) => update(PENDING_KEY, voteKey, undefined);
