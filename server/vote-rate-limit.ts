import { createHash, createHmac } from 'node:crypto';

/**
 * A soft limit on votes per network address. Addresses are hashed with a salt that changes
 * every day and are kept in memory only: no raw IP is stored. Generous, because offices and
 * mobile carriers put many people behind one address.
 */
export class VoteRateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly secret: string,
    private readonly maxVotes: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one vote from `ip`; false when that address is over the limit. */
  allow(ip: string, now = Date.now()): boolean {
    const key = this.hash(ip, now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.prune(now);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.maxVotes;
  }

  private hash(ip: string, now: number): string {
    const day = new Date(now).toISOString().slice(0, 10);
    const salt = createHmac('sha256', this.secret).update(`ip-salt:${day}`).digest();
    return createHash('sha256').update(salt).update(ip).digest('base64url').slice(0, 22);
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}
