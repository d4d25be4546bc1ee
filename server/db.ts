import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type CompiledQuery,
  SqliteDialect,
  type Generated,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';
import pg from 'pg';

/** One portal the server serves; every article, category, topic and vote belongs to one. */
export interface SiteTable {
  /** Short, as pages name it (`xa-hoa-binh`, `so-y-te`). */
  id: string;
  name: string;
}

export interface CategoryTable {
  site_id: string;
  id: string;
  name: string;
}

export interface TopicTable {
  site_id: string;
  id: string;
  name: string;
}

export interface ArticleTable {
  site_id: string;
  /** The portal's own article id, unique within its site. */
  id: number;
  slug: string;
  title: string;
  lead: string;
  body_html: string;
  /**
   * The body's words (`countWords`), counted when the body is written; null only for a row an
   * older release wrote after the migration that counted every row, and then counted on read.
   */
  word_count: number | null;
  image_url: string | null;
  image_alt: string;
  image_caption: string;
  author: string;
  source_name: string;
  category_id: string;
  topic_id: string | null;
  published_at: string;
  updated_at: string;
  lang: string;
  total_points: Generated<number>;
  rating_count: Generated<number>;
  /** 1 while visitors may rate the article, 0 once rating is closed. */
  rating_open: Generated<number>;
  /** Where the article came from (`seed`, `rss`, `wordpress`, `json`) and its id there. */
  origin: string;
  origin_id: string;
}

export interface VoteTable {
  site_id: string;
  article_id: number;
  voter_id: string;
  score: number;
  created_at: string;
}

/** A recorded reading of an article (a NukeViet voice, a WordPress audio file), in its order. */
export interface ArticleVoiceTable {
  site_id: string;
  article_id: number;
  /** The voice's id at the source (NukeViet's voice id), the same for every article. */
  voice_id: string;
  title: string;
  /** An absolute http(s) address, checked on import. */
  url: string;
  position: number;
}

/** A source of the sites file: its schedule and how its last imports went. */
export interface ImportSourceTable {
  site_id: string;
  /** `<format> <address>`, as the sites file writes it. */
  source: string;
  next_run_at: string;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  /** Imports failed in a row since the last success; the retry waits longer after each. */
  failures: Generated<number>;
  /** The site's articles from this source after its last successful import. */
  article_count: Generated<number>;
}

export interface SettingTable {
  key: string;
  value: string;
}

/** Actions counted per network and window; see NetworkLimit. */
export interface RateLimitTable {
  /** The kind of action and a daily-salted hash of the network: never an address. */
  key: string;
  window_index: number;
  count: number;
}

export interface Database {
  sites: SiteTable;
  categories: CategoryTable;
  topics: TopicTable;
  articles: ArticleTable;
  votes: VoteTable;
  article_voices: ArticleVoiceTable;
  settings: SettingTable;
  rate_limits: RateLimitTable;
  import_sources: ImportSourceTable;
}

export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseConnection {
  db: Kysely<Database>;
  kind: DatabaseKind;
}

/** Names of the query texts prepared so far, the same on every connection. */
const statementNames = new Map<string, string>();
/** Beyond this many texts (an import's batches of every size), queries are sent unprepared. */
const MAX_PREPARED = 200;

/** The name `text` is prepared under on every connection; undefined past MAX_PREPARED texts. */
function nameOf(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MAX_PREPARED) {
    name = `pw_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Kysely sends each query as a new unnamed statement, which PostgreSQL parses and plans every
 * time; the API's queries are few fixed texts with their values as parameters, so each is
 * prepared once per connection under a name and only bound and run after that.
 */
function preparing(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      function query<R>(
        sql: string,
        parameters: readonly unknown[],
      ): Promise<PostgresQueryResult<R>>;
      function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
      function query(text: string | object, values: readonly unknown[] = []): unknown {
        if (typeof text !== 'string') return client.query(text as pg.Submittable);
        const name = nameOf(text);
        return client.query({ name, text, values: [...values] });
      }
      return {
        query,
        release: (discard?: boolean) => client.release(discard),
      };
    },
    end: () => pool.end(),
  };
}

/** Whether `db` (a Kysely, a transaction, a migration's connection) speaks to PostgreSQL. */
export function isPostgres(db: { getExecutor(): { readonly adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The pool under each PostgreSQL Kysely that `openDatabase` made, as a query runner. */
const pooled = new WeakMap<
  Kysely<Database>,
  <R>(sql: string, parameters: readonly unknown[]) => Promise<R[]>
>();

/**
 * The rows of a query compiled once (the API's reads, a vote, a network's count). On PostgreSQL
 * it goes straight to the pool, as the prepared statement it is: Kysely's way through (its
 * executor, acquiring a connection through its driver, each step a promise of its own) cost the
 * server about a quarter of its time per article read (`bench:scale`, server CPU µs per request).
 * A transaction, or a Kysely this module did not make, runs it through Kysely as before.
 */
export async function rowsOf<R>(
  db: Kysely<Database>,
  query: CompiledQuery<R>,
  parameters: readonly unknown[],
): Promise<R[]> {
  const run = pooled.get(db);
  if (run) return run<R>(query.sql, parameters);
  return (await db.executeQuery<R>({ ...query, parameters })).rows;
}

/**
 * The database a DATABASE_URL names: PostgreSQL for `postgres://…` or `postgresql://…` (in any
 * letter case), SQLite for `sqlite:<file>` or a bare file path; undefined for anything else.
 */
export function databaseKind(url: string): DatabaseKind | undefined {
  // Two letters at least: `C:\data\widgets.sqlite` is a Windows path, not a scheme.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1].toLowerCase();
  if (!scheme || scheme === 'sqlite') return 'sqlite';
  if (['postgres', 'postgresql'].includes(scheme) && /^[a-z]+:\/\//i.test(url)) return 'postgres';
  return undefined;
}

/**
 * Opens the database: PostgreSQL for a `postgres://` URL (several server instances share it),
 * otherwise a SQLite file, created with its folder on first use.
 */
export function openDatabase(url: string): DatabaseConnection {
  if (databaseKind(url) === 'postgres') {
    const connections = new pg.Pool({
      connectionString: url,
      max: 10,
      // Before the connection's first query (see below); a PostgreSQL without the setting
      // (before 12) keeps its own plans.
      onConnect: async (client) => {
        await client.query('set plan_cache_mode = force_generic_plan').catch(() => undefined);
      },
    });
    // Every query is prepared once per connection (above), but PostgreSQL plans a prepared
    // statement anew for each execution while it judges its generic plan dearer than a
    // parameter-specific one, which it does for every `LIMIT $n` query (it guesses the limit
    // takes a tenth of the rows): lists and related reads were planned on every request, which
    // cost more than running them. Each of these queries is an index lookup whatever its values
    // (see docs/deployment.md), so the generic plan is kept: planned once per connection.
    // Set in the pool's `onConnect`, which the pool awaits: set on its 'connect' event, it was
    // still queued when the first query came, which the pg driver warns against.
    // An idle connection PostgreSQL ends (a restart, a failover, an administrator) is an error
    // on the pool, which would end the server unheard; the pool drops that connection itself
    // and opens another for the next query.
    connections.on('error', (error) => {
      console.warn(
        `Portal Widgets server: a PostgreSQL connection ended (${error.message}); the next query opens another.`,
      );
    });
    const pool = preparing(connections);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    pooled.set(db, async <R>(sql: string, parameters: readonly unknown[]) => {
      const result = await connections.query({
        name: nameOf(sql),
        text: sql,
        values: parameters as unknown[],
      });
      return result.rows as R[];
    });
    return { db, kind: 'postgres' };
  }
  const file = url.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Kysely prepares every query anew; preparing was the largest single cost of a read. The
  // queries are few and fixed, so each prepared statement is kept and reused (one connection,
  // used by one query at a time, as better-sqlite3 statements allow).
  const statements = new Map<string, SQLite.Statement>();
  const database = {
    close: () => sqlite.close(),
    prepare(query: string) {
      let statement = statements.get(query);
      if (!statement) {
        if (statements.size >= 500) statements.clear();
        statement = sqlite.prepare(query);
        statements.set(query, statement);
      }
      return statement;
    },
  };
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
    kind: 'sqlite',
  };
}
