import type { Kysely } from 'kysely';
import type { Database } from '../db.js';
import type { SiteFileEntry, SourceSettings } from '../sites-file.js';
import { readSource, storeArticles } from './import.js';

/** What the log needs: Fastify's logger, or the console. */
export interface ImportLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface SchedulerOptions {
  log: ImportLog;
  fetch?: typeof fetch;
  /** The clock; tests move it by hand. */
  now?: () => number;
  /** The first retry after a failure; each next one waits twice as long, up to the schedule. */
  retryMs?: number;
  /** How often the due sources are looked for. */
  checkMs?: number;
}

/** A run is claimed for this long: an instance that dies mid-import leaves it to another. */
const LEASE_MS = 10 * 60_000;

export const sourceKey = (source: SourceSettings) => `${source.format} ${source.location}`;

/**
 * Imports every source of the sites file on its schedule, in the background. A source that
 * fails is retried with back-off and never stops the others or the reads; each source's last
 * success, last error and article count are kept in `import_sources`, where every instance
 * sees them and only one instance claims each run.
 */
export class ImportScheduler {
  private sources = new Map<string, { site: string; settings: SourceSettings }>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: SchedulerOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Takes the sites file's sources: new ones are due at once, removed ones forgotten. */
  async update(sites: readonly SiteFileEntry[]): Promise<void> {
    const sources = new Map<string, { site: string; settings: SourceSettings }>();
    for (const site of sites) {
      for (const settings of site.sources) {
        sources.set(`${site.id}\n${sourceKey(settings)}`, { site: site.id, settings });
      }
    }
    const now = new Date(this.now()).toISOString();
    for (const { site, settings } of sources.values()) {
      await this.db
        .insertInto('import_sources')
        .values({
          site_id: site,
          source: sourceKey(settings),
          next_run_at: now,
          last_success_at: null,
          last_error: null,
          last_error_at: null,
        })
        .onConflict((conflict) => conflict.columns(['site_id', 'source']).doNothing())
        .execute();
    }
    for (const row of await this.db
      .selectFrom('import_sources')
      .select(['site_id', 'source'])
      .execute()) {
      if (!sources.has(`${row.site_id}\n${row.source}`)) {
        await this.db
          .deleteFrom('import_sources')
          .where('site_id', '=', row.site_id)
          .where('source', '=', row.source)
          .execute();
      }
    }
    this.sources = sources;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.runDue(), this.options.checkMs ?? 30_000);
    this.timer.unref();
    void this.runDue();
  }

  /** Stops the schedule and waits for the import under way, if any. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs each source that is due and that no other instance has claimed, one after another. */
  runDue(): Promise<void> {
    this.running ??= this.runDueSources().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runDueSources(): Promise<void> {
    const now = this.now();
    const due = await this.db
      .selectFrom('import_sources')
      .select(['site_id', 'source', 'next_run_at', 'failures'])
      .where('next_run_at', '<=', new Date(now).toISOString())
      .orderBy('next_run_at')
      .execute();
    for (const row of due) {
      const entry = this.sources.get(`${row.site_id}\n${row.source}`);
      if (!entry) continue;
      // Claimed only if no other instance moved the time first.
      const claimed = await this.db
        .updateTable('import_sources')
        .set({ next_run_at: new Date(now + LEASE_MS).toISOString() })
        .where('site_id', '=', row.site_id)
        .where('source', '=', row.source)
        .where('next_run_at', '=', row.next_run_at)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      await this.runOne(entry.site, entry.settings, Number(row.failures));
    }
  }

  private async runOne(site: string, settings: SourceSettings, failures: number): Promise<void> {
    const key = sourceKey(settings);
    const row = this.db
      .updateTable('import_sources')
      .where('site_id', '=', site)
      .where('source', '=', key);
    try {
      const { articles, origin, problems } = await readSource(
        settings.location,
        settings.format,
        this.options.fetch,
      );
      for (const problem of problems) this.options.log.warn(`Import ${site} ${key}: ${problem}`);
      const counts = await storeArticles(this.db, origin, articles, { site });
      const { count } = await this.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('site_id', '=', site)
        .where('origin', '=', origin)
        .executeTakeFirstOrThrow();
      const finished = this.now();
      await row
        .set({
          next_run_at: new Date(finished + settings.everyMs).toISOString(),
          last_success_at: new Date(finished).toISOString(),
          failures: 0,
          article_count: Number(count),
        })
        .execute();
      this.options.log.info(
        `Import ${site} ${key}: ${counts.inserted} new, ${counts.updated} updated, ${counts.unchanged} unchanged`,
      );
    } catch (error) {
      const { message, cause } = error as Error & { cause?: Error };
      const reason = cause?.message ? `${message} (${cause.message})` : message;
      const finished = this.now();
      const wait = Math.min(settings.everyMs, (this.options.retryMs ?? 60_000) * 2 ** failures);
      await row
        .set({
          next_run_at: new Date(finished + wait).toISOString(),
          last_error: reason.slice(0, 1000),
          last_error_at: new Date(finished).toISOString(),
          failures: failures + 1,
        })
        .execute();
      this.options.log.warn(
        `Import ${site} ${key} failed (${failures + 1} in a row), next try in ${Math.round(wait / 60_000)} min: ${reason}`,
      );
    }
  }
}
