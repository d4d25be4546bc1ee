import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompiledQuery, sql } from 'kysely';
import { openDatabase, rowsOf } from '../db.js';
import { createHarness } from './harness.js';

const url = process.env.TEST_DATABASE_URL;

// In a file of its own: Node prints each deprecation once a process, so an earlier test's
// warning would hide this file's.
describe('PostgreSQL connections', { skip: url ? false : 'TEST_DATABASE_URL is not set' }, () => {
  it('keep generic plans from their first query, with no query queued behind the setting', async () => {
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listener);
    const harness = await createHarness(url!);
    // A fresh pool: its connections are opened by these requests, each asked at once.
    const { db } = openDatabase(url!);
    try {
      const show = CompiledQuery.raw('show plan_cache_mode') as CompiledQuery<{
        plan_cache_mode: string;
      }>;
      const direct = await Promise.all(Array.from({ length: 10 }, () => rowsOf(db, show, [])));
      assert.deepEqual(
        direct.map(([row]) => row?.plan_cache_mode),
        Array(10).fill('force_generic_plan'),
      );
      const { rows } = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(db);
      assert.equal(rows[0]?.plan_cache_mode, 'force_generic_plan');
      // The API's reads on the harness's own fresh pool, ten at once.
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => harness.app.inject({ url: '/api/v1/articles/1' })),
      );
      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        Array(10).fill(200),
      );
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(
        warnings.filter((message) => /already executing a query/.test(message)),
        [],
      );
    } finally {
      process.off('warning', listener);
      await db.destroy();
      await harness.close();
    }
  });

  it('survive PostgreSQL ending an idle connection, and answer the next query', async () => {
    const { db } = openDatabase(url!);
    const warn = console.warn;
    const warned: string[] = [];
    console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      // The connection now idles in the pool; another session ends it, as a restart of
      // PostgreSQL or a failover does.
      const other = openDatabase(url!).db;
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(other);
      await other.destroy();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await sql<{ one: number }>`select 1 as one`.execute(db);
      assert.equal(again.rows[0]?.one, 1);
      assert.match(warned.join('\n'), /PostgreSQL connection/);
    } finally {
      console.warn = warn;
      await db.destroy();
    }
  });

  it('leave room on the pages of articles for the new version a vote writes', async () => {
    const harness = await createHarness(url!);
    try {
      const { rows } = await sql<{ reloptions: string[] | null }>`
        select reloptions from pg_class where relname = 'articles'`.execute(harness.connection.db);
      assert.deepEqual(rows[0]?.reloptions, ['fillfactor=90']);
    } finally {
      await harness.close();
    }
  });
});
