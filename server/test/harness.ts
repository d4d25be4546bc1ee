import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../app.js';
import { openDatabase, type DatabaseConnection } from '../db.js';
import { migrate } from '../migrations.js';
import { seedDemo } from '../demo/seed.js';

/** The databases every server test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES: { name: string; url: string }[] = [
  { name: 'sqlite', url: 'sqlite::memory:' },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'postgres', url: process.env.TEST_DATABASE_URL }]
    : []),
];

export const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export interface Harness {
  app: FastifyInstance;
  connection: DatabaseConnection;
  close(): Promise<void>;
}

/** Opens the database at `url` empty: on PostgreSQL every table of an earlier run is dropped. */
export async function openEmptyDatabase(url: string): Promise<DatabaseConnection> {
  const connection = openDatabase(url);
  if (connection.kind === 'postgres') {
    for (const table of [
      'article_voices',
      'import_sources',
      'votes',
      'articles',
      'topics',
      'categories',
      'sites',
      'settings',
      'rate_limits',
      'kysely_migration',
      'kysely_migration_lock',
    ]) {
      await sql`drop table if exists ${sql.table(table)} cascade`.execute(connection.db);
    }
  }
  return connection;
}

/** A fresh, migrated database with the demo articles and the API (demo routes included) on top. */
export async function createHarness(
  url: string,
  options: Partial<AppOptions> = {},
): Promise<Harness> {
  const connection = await openEmptyDatabase(url);
  await migrate(connection.db);
  await seedDemo(connection.db);
  const app = await buildApp({
    db: connection.db,
    secret: SECRET,
    allowedOrigins: ['https://portal.example.gov.vn'],
    demo: true,
    // Tests mint many tokens from one address; the token limit has a test of its own.
    tokenRateLimit: { max: 1_000_000, windowMs: 60_000 },
    ...options,
  });
  return {
    app,
    connection,
    async close() {
      await app.close();
      await connection.db.destroy();
    },
  };
}

export async function newToken(app: FastifyInstance): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/voter-tokens' });
  return response.json<{ token: string }>().token;
}

export function vote(app: FastifyInstance, articleId: number, score: unknown, token?: string) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/articles/${articleId}/votes`,
    headers: token ? { 'x-voter-token': token } : {},
    payload: { score },
  });
}
