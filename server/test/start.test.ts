import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { settingsFromEnv, startServer } from '../start.js';
import { createHarness } from './harness.js';

describe('server start-up', () => {
  it('names the variable and the fix for unusable settings', () => {
    assert.throws(() => settingsFromEnv({ PORT: 'eighty' }), /PORT="eighty".*e\.g\. PORT=8080/);
    assert.throws(
      () => settingsFromEnv({ ALLOWED_ORIGINS: 'https://portal.example.gov.vn/news' }),
      /ALLOWED_ORIGINS contains "https:\/\/portal\.example\.gov\.vn\/news"/,
    );
    assert.throws(
      () => settingsFromEnv({ VOTER_SECRET: 'short' }),
      /VOTER_SECRET must be at least 32/,
    );
    const settings = settingsFromEnv({
      ALLOWED_ORIGINS: 'https://a.example, http://localhost:3000',
    });
    assert.deepEqual(settings.allowedOrigins, ['https://a.example', 'http://localhost:3000']);
    assert.equal(settings.databaseUrl, 'sqlite:./data/portal-widgets.sqlite');
    assert.equal(settings.host, '127.0.0.1');
    assert.equal(settings.trustProxy, false);
    assert.equal(settingsFromEnv({ TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(
      settingsFromEnv({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy,
      '127.0.0.1,10.0.0.0/8',
    );
    assert.throws(() => settingsFromEnv({ TRUST_PROXY: 'nginx' }), /TRUST_PROXY="nginx"/);
  });

  it('stops with one clear line when the port is taken or the database is unreachable', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((done) => blocker.once('listening', done));
    const { port } = blocker.address() as { port: number };
    const run = (env: Record<string, string>) =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = execFile(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
          env: { ...process.env, DATABASE_URL: 'sqlite::memory:', ...env },
        });
        let stderr = '';
        child.stderr!.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code) => done({ code, stderr }));
      });
    try {
      const busy = await run({ PORT: String(port) });
      assert.equal(busy.code, 1);
      assert.match(
        busy.stderr,
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use.*PORT=`),
      );
      const noDatabase = await run({ PORT: '0', DATABASE_URL: 'postgres://x:y@127.0.0.1:9/none' });
      assert.equal(noDatabase.code, 1);
      assert.match(noDatabase.stderr, /DATABASE_URL refused the connection/);
      const badPort = await run({ PORT: 'eighty' });
      assert.match(badPort.stderr, /PORT="eighty"/);
    } finally {
      blocker.close();
    }
  });

  it('creates the SQLite file on first start, keeps votes and the voter secret across restarts', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'portal-widgets-start-'));
    const settings = {
      databaseUrl: `sqlite:${join(folder, 'data', 'db.sqlite')}`,
      port: 0,
      host: '127.0.0.1',
      allowedOrigins: [],
      demo: true,
    };
    try {
      let server = await startServer(settings);
      const issued = await fetch(`${server.url}/api/v1/voter-tokens`, { method: 'POST' });
      const { token } = (await issued.json()) as { token: string };
      const voted = await fetch(`${server.url}/api/v1/articles/1/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-voter-token': token },
        body: JSON.stringify({ score: 5 }),
      });
      assert.equal(voted.status, 201);
      await server.close();

      server = await startServer(settings);
      const again = await fetch(`${server.url}/api/v1/articles/1/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-voter-token': token },
        body: JSON.stringify({ score: 5 }),
      });
      assert.equal(again.status, 409, 'the same token is still recognised: the secret was kept');
      const refusal = (await again.json()) as { error: { summary: { count: number } } };
      assert.equal(refusal.error.summary.count, 1);
      await server.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('finishes the requests in flight when it closes', async () => {
    const harness = await createHarness('sqlite::memory:');
    // Requests that are all being answered when the shutdown begins.
    let arrived = 0;
    let allArrived: () => void = () => {};
    const inFlight = new Promise<void>((resolve) => (allArrived = resolve));
    harness.app.get('/slow-for-test', async () => {
      arrived += 1;
      if (arrived === 20) allArrived();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return harness.connection.db
        .selectFrom('articles')
        .select('id')
        .where('id', '=', 1)
        .executeTakeFirst();
    });
    const url = await harness.app.listen({ port: 0, host: '127.0.0.1' });
    const requests = Array.from({ length: 20 }, () =>
      fetch(`${url}/slow-for-test`).then(async (response) => [
        response.status,
        await response.json(),
      ]),
    );
    await inFlight;
    await harness.close();
    assert.deepEqual(await Promise.all(requests), Array(20).fill([200, { id: 1 }]));
  });
});
