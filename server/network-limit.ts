import { createHash, createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { sql, type Kysely } from 'kysely';
import { CompiledQueries, slot } from './compiled-once.js';
import { isPostgres, type Database } from './db.js';

/**
 * The network an address belongs to, as one visitor's devices share it: an IPv4 address itself;
 * for IPv6 its /64 (one household or phone gets a whole /64, so single addresses mean nothing).
 * IPv4 written as IPv6 (`::ffff:203.0.113.7`) is taken as IPv4.
 */
export function networkOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return mapped;
  if (isIPv4(address) || !isIPv6(address)) return address;
  const [head, tail = ''] = address.toLowerCase().split('::');
  const groups = (text: string) => (text ? text.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  // An IPv4 tail (`64:ff9b::192.0.2.1`) counts as two groups; only the first four matter here.
  const rightCount = right.reduce((count, group) => count + (group.includes('.') ? 2 : 1), 0);
  const full = address.includes('::')
    ? [...left, ...Array(8 - left.length - rightCount).fill('0'), ...right]
    : left;
  return `${full
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

export interface LimitRule {
  max: number;
  windowMs: number;
}

/**
 * Counts actions per network in fixed windows, in the database, so that every instance and a
 * restart see the same counts. A network is stored only as a hash salted with a secret that
 * changes every day: no address is kept.
 */
export class NetworkLimit {
  private lastPrune = 0;
  private readonly compiled: CompiledQueries;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly secret: string,
    private readonly kind: string,
    private readonly rule: LimitRule,
  ) {
    this.compiled = new CompiledQueries(db);
  }

  /** Counts one action from `address`; false when its network is over the limit. */
  async allow(address: string, now = Date.now()): Promise<boolean> {
    const window = Math.floor(now / this.rule.windowMs);
    const key = this.keyOf(networkOf(address), now);
    // Compiled once (on every vote and token): the key is slot 0, the window slot 1.
    const build = () =>
      this.db
        .insertInto('rate_limits')
        .columns(['key', 'window_index', 'count'])
        .expression(
          this.db
            .selectNoFrom((eb) => [
              eb.cast<string>(eb.val(slot<string>(0)), 'text').as('key'),
              eb.cast<number>(eb.val(slot<number>(1)), 'integer').as('window_index'),
              eb.lit(1).as('count'),
            ])
            // Every request of a network waits for its counter's row while the count commits: on
            // PostgreSQL it commits without waiting for the disk, so the lock is not held through
            // a WAL flush. A crash may forget the last moment's counts; votes are flushed as ever.
            .$if(isPostgres(this.db), (query) =>
              query.where(sql<boolean>`set_config('synchronous_commit', 'off', true) = 'off'`),
            ),
        )
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet((eb) => ({
            count: eb
              .case()
              .when('rate_limits.window_index', '=', slot<number>(1))
              .then(eb('rate_limits.count', '+', 1))
              .else(1)
              .end(),
            window_index: slot<number>(1),
          })),
        )
        .returning('count');
    const [row] = await this.compiled.run('count', build, [key, window]);
    if (!row) throw new Error(`No count for ${this.kind}`);
    if (now - this.lastPrune > this.rule.windowMs) {
      this.lastPrune = now;
      await this.db
        .deleteFrom('rate_limits')
        .where('key', 'like', `${this.kind}:%`)
        .where('window_index', '<', window)
        .execute();
    }
    return Number(row.count) <= this.rule.max;
  }

  /** The day's salt, derived once a day rather than once a request. */
  private salt = { day: '', value: Buffer.alloc(0) };

  private keyOf(network: string, now: number): string {
    const day = new Date(now).toISOString().slice(0, 10);
    if (this.salt.day !== day) {
      this.salt = {
        day,
        value: createHmac('sha256', this.secret).update(`ip-salt:${day}`).digest(),
      };
    }
    const salt = this.salt.value;
    return `${this.kind}:${createHash('sha256').update(salt).update(network).digest('base64url').slice(0, 22)}`;
  }
}
