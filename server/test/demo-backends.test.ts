import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createHarness, type Harness } from './harness.js';

// The misbehaving backends the demo's states gallery uses, over real HTTP (a dropped connection
// only shows on a real socket).
describe('demo backends', () => {
  let harness: Harness;
  let base: string;
  const staticRoot = mkdtempSync(join(tmpdir(), 'pw-demo-'));

  before(async () => {
    const page = '<!doctype html><title>Demo</title>';
    writeFileSync(join(staticRoot, 'index.html'), page);
    writeFileSync(join(staticRoot, 'index.html.br'), brotliCompressSync(page));
    harness = await createHarness('sqlite::memory:', { staticRoot });
    base = `${await harness.app.listen({ port: 0, host: '127.0.0.1' })}/demo-backends`;
  });
  after(async () => {
    await harness.close();
    rmSync(staticRoot, { recursive: true, force: true });
  });

  it('serves the demo page at /, compressed for a browser that accepts it', async () => {
    const response = await fetch(`${base.replace('/demo-backends', '')}/`, {
      headers: { 'accept-encoding': 'br' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-encoding'), 'br');
    assert.match(await response.text(), /<title>Demo<\/title>/);
  });

  it('slow answers exactly what the API answers', async () => {
    const real = await fetch(`${base.replace('/demo-backends', '')}/api/v1/articles/3`);
    const slow = await fetch(`${base}/slow/api/v1/articles/3`);
    assert.equal(slow.status, 200);
    const article = (await slow.json()) as { image: { url: string } | null };
    assert.deepEqual(article, await real.json());
    assert.match(String(article.image?.url), /^\/media\/seed\//);
  });

  it('down answers 503 with an error body, garbage answers an HTML page', async () => {
    const down = await fetch(`${base}/down/api/v1/articles/3`);
    assert.equal(down.status, 503);
    assert.equal(((await down.json()) as { error: { code: string } }).error.code, 'unavailable');
    const garbage = await fetch(`${base}/garbage/api/v1/articles/3`);
    assert.equal(garbage.status, 200);
    assert.match(garbage.headers.get('content-type')!, /text\/html/);
  });

  it('offline-votes reads and hands out tokens, but drops the connection on a vote', async () => {
    const rating = await fetch(`${base}/offline-votes/api/v1/articles/3/rating`);
    assert.equal(rating.status, 200);
    const before = (await rating.json()) as { count: number };
    const { token } = (await (
      await fetch(`${base}/offline-votes/api/v1/voter-tokens`, { method: 'POST' })
    ).json()) as { token: string };
    assert.ok(token);
    await assert.rejects(
      fetch(`${base}/offline-votes/api/v1/articles/3/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-voter-token': token },
        body: JSON.stringify({ score: 4 }),
      }),
      TypeError,
    );
    // Nothing was recorded.
    const now = (await harness.app.inject({ url: '/api/v1/articles/3/rating' })).json<{
      count: number;
    }>();
    assert.equal(now.count, before.count);
  });

  it('unrecorded-votes answers a vote as the API would, and records nothing', async () => {
    const real = await harness.app.inject({ url: '/api/v1/articles/4/rating' });
    const before = real.json<{ total: number; count: number }>();
    const { token } = (await (
      await fetch(`${base}/unrecorded-votes/api/v1/voter-tokens`, { method: 'POST' })
    ).json()) as { token: string };
    const vote = (score: unknown, headers: Record<string, string> = { 'x-voter-token': token }) =>
      fetch(`${base}/unrecorded-votes/api/v1/articles/4/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ score }),
      });
    const answer = await vote(4);
    assert.equal(answer.status, 201);
    const summary = (await answer.json()) as { total: number; count: number; yourScore: number };
    assert.equal(summary.total, before.total + 4);
    assert.equal(summary.count, before.count + 1);
    assert.equal(summary.yourScore, 4);
    // The article's summary as the API gives it (its id too), with the score given.
    assert.deepEqual(Object.keys(summary).sort(), Object.keys(before).concat('yourScore').sort());
    assert.equal((await vote(6)).status, 400);
    assert.equal((await vote(4, {})).status, 401);
    const missing = await fetch(`${base}/unrecorded-votes/api/v1/articles/9999/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-voter-token': token },
      body: JSON.stringify({ score: 4 }),
    });
    assert.equal(missing.status, 404);
    const after = (await harness.app.inject({ url: '/api/v1/articles/4/rating' })).json();
    assert.deepEqual(after, before);
  });

  it('an unknown mode is a 404 naming the modes; without the demo there are none', async () => {
    const unknown = await fetch(`${base}/flaky/api/v1/articles/3`);
    assert.equal(unknown.status, 404);
    assert.match(
      await unknown.text(),
      /normal, slow, down, garbage, offline-votes, unrecorded-votes/,
    );
    const apiOnly = await createHarness('sqlite::memory:', { demo: false });
    try {
      const response = await apiOnly.app.inject({ url: '/demo-backends/down/api/v1/articles/3' });
      assert.equal(response.statusCode, 404);
      assert.doesNotMatch(response.body, /demo backend/);
    } finally {
      await apiOnly.close();
    }
  });
});
