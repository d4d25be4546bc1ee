import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { LimitRule } from './network-limit.js';
import { databaseKind, openDatabase, type DatabaseConnection } from './db.js';
import { migrate } from './migrations.js';
import { ArticleRepository } from './repository.js';
import { seedDemo, type DemoSeedResult } from './demo/seed.js';
import { ImportScheduler } from './import/scheduler.js';
import { readSitesFile, type SiteFileEntry } from './sites-file.js';
import { SiteOrigins } from './sites.js';

export interface ServerSettings {
  databaseUrl: string;
  port: number;
  host: string;
  allowedOrigins: string[];
  /** The sites file (SITES_FILE): every portal, its origins and its sources. */
  sitesFile?: string;
  voterSecret?: string;
  /** The operator's token for the status details (STATUS_TOKEN); without it they are only logged. */
  statusToken?: string;
  /** Where visitors reach this server (PUBLIC_URL); answers name its files against it. */
  publicUrl?: string;
  /** Which proxies' X-Forwarded-* headers to believe (Fastify's trustProxy); none by default. */
  trustProxy?: boolean | string;
  /**
   * The demo: its sample articles (only into a database with no imported article), its pages and
   * its misbehaving backends. On by default only for the embedded SQLite database.
   */
  demo: boolean;
  staticRoot?: string;
  logger?: false | { level: string };
  /** Votes per network per window; only for a caller that starts the server itself (a benchmark). */
  voteRateLimit?: LimitRule;
}

const DEFAULT_DATABASE_URL = 'sqlite:./data/portal-widgets.sqlite';

/** `sqlite:<file>`, a bare file path, or `postgres://…`; any other scheme is a mistake. */
export function databaseUrlFrom(value: string | undefined): string {
  const url = value || DEFAULT_DATABASE_URL;
  if (!databaseKind(url)) {
    const scheme = /^[^:]*/.exec(url)![0].toLowerCase();
    throw new Error(
      `DATABASE_URL starts with "${scheme}:", which names no database this server can use: write sqlite:/var/lib/portal-widgets/widgets.sqlite or postgres://user:password@host:5432/db.`,
    );
  }
  return url;
}

function demoFrom(value: string | undefined, env: NodeJS.ProcessEnv): boolean {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '') return !env.DATABASE_URL && env.NODE_ENV !== 'production';
  if (['1', 'true', 'yes'].includes(text)) return true;
  if (['0', 'false', 'no'].includes(text)) return false;
  throw new Error(`DEMO="${value}" is not understood: use DEMO=1 or DEMO=0.`);
}

/**
 * TRUST_PROXY: unset or `false` believes no X-Forwarded-* header (a visitor could otherwise pick
 * their own address); `true` believes any; addresses or CIDR ranges, only those proxies (e.g.
 * `127.0.0.1` for nginx on the same machine).
 */
function trustProxyFrom(value: string | undefined): boolean | string {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  if (/^[\d.:a-f/]+(\s*,\s*[\d.:a-f/]+)*$/i.test(text)) return text.replace(/\s+/g, '');
  throw new Error(
    `TRUST_PROXY="${text}" is not understood: use true, or the proxies' addresses, e.g. TRUST_PROXY=127.0.0.1.`,
  );
}

/** Reads the environment, naming the variable and the fix when a value is unusable. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT="${env.PORT}" is not a port number: use 0–65535, e.g. PORT=8080.`);
  }
  const allowedOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of allowedOrigins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      throw new Error(
        `ALLOWED_ORIGINS contains "${origin}", which is not an origin: write scheme://host[:port] with no path, e.g. https://portal.example.gov.vn`,
      );
    }
  }
  const publicUrl = env.PUBLIC_URL?.trim() || undefined;
  if (publicUrl !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(publicUrl);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash) {
      throw new Error(
        `PUBLIC_URL="${publicUrl}" is not an address visitors can use: write https://host[/path], e.g. PUBLIC_URL=https://widgets.portal.example.gov.vn`,
      );
    }
  }
  if (env.VOTER_SECRET !== undefined && env.VOTER_SECRET.length < 32) {
    throw new Error('VOTER_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`).');
  }
  const statusToken = env.STATUS_TOKEN?.trim() || undefined;
  if (statusToken !== undefined && (statusToken.length < 32 || /\s/.test(statusToken))) {
    throw new Error(
      'STATUS_TOKEN must be at least 32 characters with no spaces (e.g. `openssl rand -hex 32`).',
    );
  }
  return {
    databaseUrl: databaseUrlFrom(env.DATABASE_URL),
    demo: demoFrom(env.DEMO, env),
    port,
    host: env.HOST || '127.0.0.1',
    allowedOrigins,
    sitesFile: env.SITES_FILE?.trim() || undefined,
    voterSecret: env.VOTER_SECRET,
    statusToken,
    publicUrl,
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
  };
}

export interface RunningServer {
  app: FastifyInstance;
  connection: DatabaseConnection;
  url: string;
  /** What happened to the demo articles on this start; undefined when the demo is off. */
  demoSeed?: DemoSeedResult;
  /**
   * Reads the sites file again (SIGHUP) and applies it between two requests; a file with a
   * mistake throws SitesFileError and changes nothing.
   */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Opens (and on first start creates and migrates) the database, seeds the demo if on, then listens. */
export async function startServer(settings: ServerSettings): Promise<RunningServer> {
  // A sites file with a mistake stops the start before anything is opened.
  const sites: SiteFileEntry[] = settings.sitesFile ? await readSitesFile(settings.sitesFile) : [];
  const connection = openDatabase(settings.databaseUrl);
  let app: FastifyInstance | undefined;
  try {
    await migrate(connection.db);
    const repository = new ArticleRepository(connection.db);
    await repository.saveSites(sites);
    const demoSeed = settings.demo ? await seedDemo(connection.db) : undefined;
    // Several instances share one secret: the first to start stores it, the others read it.
    const secret =
      settings.voterSecret ??
      (await repository.settingOnce('voter-secret', randomBytes(32).toString('hex')));
    const siteOrigins = new SiteOrigins(settings.allowedOrigins, sites);
    app = await buildApp({
      db: connection.db,
      secret,
      allowedOrigins: settings.allowedOrigins,
      siteOrigins,
      trustProxy: settings.trustProxy,
      publicUrl: settings.publicUrl,
      statusToken: settings.statusToken,
      staticRoot: settings.staticRoot,
      demo: settings.demo,
      logger: settings.logger,
      voteRateLimit: settings.voteRateLimit,
    });
    const log = app.log;
    const scheduler = new ImportScheduler(connection.db, {
      log: { info: (message) => log.info(message), warn: (message) => log.warn(message) },
    });
    await scheduler.update(sites);
    const address = await app.listen({ port: settings.port, host: settings.host });
    if (settings.sitesFile) scheduler.start();
    const { sitesFile } = settings;
    const reload = async () => {
      if (!sitesFile) return;
      const next = await readSitesFile(sitesFile);
      await repository.saveSites(next);
      siteOrigins.update(next);
      await scheduler.update(next);
    };
    return running(app, connection, address, demoSeed, scheduler, reload);
  } catch (error) {
    // A failed start leaves no pool or file handle behind to keep the process alive.
    await app?.close();
    await connection.db.destroy();
    throw error;
  }
}

function running(
  app: FastifyInstance,
  connection: DatabaseConnection,
  url: string,
  demoSeed: DemoSeedResult | undefined,
  scheduler: ImportScheduler,
  reload: () => Promise<void>,
): RunningServer {
  return {
    app,
    connection,
    url,
    demoSeed,
    reload,
    async close() {
      await scheduler.stop();
      await app.close();
      await connection.db.destroy();
    },
  };
}
