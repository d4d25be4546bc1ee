import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { networkOf } from '../network-limit.js';
import { createHarness, DATABASES, newToken, SECRET, vote, type Harness } from './harness.js';

const PORTAL = 'https://portal.example.gov.vn';

function assertApiError(response: LightMyRequestResponse, status: number, code: string) {
  assert.equal(response.statusCode, status, response.body);
  const body = response.json<{ error: { code: string; message: string } }>();
  assert.equal(body.error.code, code, response.body);
  assert.equal(typeof body.error.message, 'string');
  assert.deepEqual(Object.keys(body), ['error']);
}

describe('networks', () => {
  it('groups IPv6 by /64 and keeps IPv4 addresses apart', () => {
    assert.equal(networkOf('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(networkOf('2001:0db8:0001:0002:ffff:0:0:9'), '2001:db8:1:2::/64');
    assert.equal(networkOf('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(networkOf('::1'), '0:0:0:0::/64');
    assert.equal(networkOf('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(networkOf('203.0.113.7'), '203.0.113.7');
    assert.notEqual(networkOf('2001:db8:1:2::1'), networkOf('2001:db8:1:3::1'));
  });
});

for (const database of DATABASES) {
  describe(`hostile requests on ${database.name}`, () => {
    let harness: Harness;
    before(async () => {
      harness = await createHarness(database.url, {
        voteRateLimit: { max: 1_000_000, windowMs: 60_000 },
      });
    });
    after(() => harness.close());
    const get = (url: string, headers: Record<string, string> = {}) =>
      harness.app.inject({ method: 'GET', url, headers });

    it('refuses bad list parameters and cursors before the database, with 400', async () => {
      for (const url of [
        '/api/v1/articles?category=%00',
        '/api/v1/articles?category=Kinh%20t%E1%BA%BF',
        // A cursor whose id is past the integer range, one with a NUL in its date, one not base64url.
        '/api/v1/articles?cursor=eHw5OTk5OTk5OTk5OTk5OTk5OTk5OQ',
        '/api/v1/articles?cursor=YQBifDU',
        `/api/v1/articles?cursor=${Buffer.from('2026-11-27T01:00:00.000Z|0').toString('base64url')}`,
        '/api/v1/articles?cursor=a%00b',
      ]) {
        assertApiError(await get(url), 400, 'invalid');
      }
      const first = (await get('/api/v1/articles?limit=2')).json<{ nextCursor: string }>();
      const next = await get(`/api/v1/articles?limit=2&cursor=${first.nextCursor}`);
      assert.equal(next.statusCode, 200, 'a cursor the API gave out still works');
    });

    it('answers a malformed or over-long address with the API error shape', async () => {
      assertApiError(await get('/api/v1/articles/%FF'), 400, 'invalid');
      assertApiError(await get(`/api/v1/articles/${'1'.repeat(101)}`), 414, 'invalid');
      assertApiError(await get(`/api/v1/articles/${'9'.repeat(40)}`), 400, 'invalid');
    });

    it('refuses a vote with a field the schema does not name', async () => {
      const token = await newToken(harness.app);
      const answer = await harness.app.inject({
        method: 'POST',
        url: '/api/v1/articles/2/votes',
        headers: { 'x-voter-token': token },
        payload: { score: 3, admin: true },
      });
      assertApiError(answer, 400, 'invalid');
      const rating = (await get('/api/v1/articles/2/rating')).json<{ count: number }>();
      assert.equal(rating.count, 0);
    });

    it('never builds an address in a cached answer from request headers', async () => {
      for (const options of [{ trustProxy: true }, {}]) {
        const app = await buildApp({
          db: harness.connection.db,
          secret: SECRET,
          allowedOrigins: [],
          ...options,
        });
        const answer = await app.inject({
          url: '/api/v1/articles/1',
          headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
        });
        assert.doesNotMatch(answer.body, /evil\.example/);
        await app.close();
      }
      const configured = await buildApp({
        db: harness.connection.db,
        secret: SECRET,
        allowedOrigins: [],
        trustProxy: true,
        publicUrl: 'https://widgets.portal.example.gov.vn/',
      });
      const answer = await configured.inject({
        url: '/api/v1/articles/1',
        headers: { 'x-forwarded-host': 'evil.example' },
      });
      assert.match(
        answer.json<{ image: { url: string } }>().image.url,
        /^https:\/\/widgets\.portal\.example\.gov\.vn\/media\/seed\//,
      );
      await configured.close();
    });

    it('refuses votes and tokens asked for by a page of another origin', async () => {
      const token = await newToken(harness.app);
      const from = (origin: string | undefined, articleId: number) =>
        harness.app.inject({
          method: 'POST',
          url: `/api/v1/articles/${articleId}/votes`,
          headers: { 'x-voter-token': token, ...(origin ? { origin } : {}) },
          payload: { score: 5 },
        });
      assertApiError(await from('https://elsewhere.example', 3), 403, 'origin-not-allowed');
      assert.equal((await get('/api/v1/articles/3/rating')).json<{ count: number }>().count, 0);
      assert.equal((await from(PORTAL, 3)).statusCode, 201);
      assert.equal((await from('http://localhost:80', 4)).statusCode, 201, 'the server own pages');
      assert.equal((await from(undefined, 5)).statusCode, 201, 'no browser, no origin');
      const minted = await harness.app.inject({
        method: 'POST',
        url: '/api/v1/voter-tokens',
        headers: { origin: 'https://elsewhere.example' },
      });
      assertApiError(minted, 403, 'origin-not-allowed');
    });

    it('shows voters their own vote on their next read, others a cacheable one', async () => {
      const token = await newToken(harness.app);
      const cached = await get('/api/v1/articles/9');
      assert.match(String(cached.headers['cache-control']), /^public/);
      assert.equal((await vote(harness.app, 9, 4, token)).statusCode, 201);
      const own = await get('/api/v1/articles/9', { 'x-voter-token': token });
      assert.equal(own.statusCode, 200);
      assert.match(String(own.headers['cache-control']), /no-store/);
      assert.match(String(own.headers.vary), /x-voter-token/i);
      const fromPortal = await get('/api/v1/articles/9', {
        'x-voter-token': token,
        origin: PORTAL,
      });
      assert.match(String(fromPortal.headers.vary), /origin.*x-voter-token/i);
      const { rating } = own.json<{ rating: { count: number; yourScore: number } }>();
      assert.equal(rating.count, 1);
      assert.equal(rating.yourScore, 4);
      const anyone = await get('/api/v1/articles/9');
      assert.match(String(anyone.headers['cache-control']), /^public/);
      assert.equal(anyone.json<{ rating: { yourScore?: number } }>().rating.yourScore, undefined);
    });
  });

  describe(`limits per network on ${database.name}`, () => {
    let harness: Harness;
    before(async () => {
      harness = await createHarness(database.url, {
        voteRateLimit: { max: 3, windowMs: 60_000 },
        tokenRateLimit: { max: 5, windowMs: 60_000 },
      });
    });
    after(() => harness.close());
    const voteFrom = (remoteAddress: string, token: string, url = '/api/v1/articles/7/votes') =>
      harness.app.inject({
        method: 'POST',
        url,
        remoteAddress,
        headers: { 'x-voter-token': token },
        payload: { score: 4 },
      });

    it('counts votes per IPv6 /64, in the database: a second instance and a restart see them', async () => {
      const tokens: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        tokens.push(
          (
            await harness.app.inject({
              method: 'POST',
              url: '/api/v1/voter-tokens',
              remoteAddress: `198.51.100.${i}`,
            })
          ).json<{ token: string }>().token,
        );
      }
      const statuses = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await voteFrom(`2001:db8:5:6::${i + 1}`, tokens[i])).statusCode);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429]);
      const second = await buildApp({
        db: harness.connection.db,
        secret: SECRET,
        allowedOrigins: [],
        voteRateLimit: { max: 3, windowMs: 60_000 },
      });
      const fromSecond = await second.inject({
        method: 'POST',
        url: '/api/v1/articles/7/votes',
        remoteAddress: '2001:db8:5:6:ffff::9',
        headers: { 'x-voter-token': tokens[5] },
        payload: { score: 4 },
      });
      await second.close();
      assert.equal(fromSecond.statusCode, 429, 'another instance sees the same count');
      assert.equal((await voteFrom('2001:db8:5:7::1', tokens[6])).statusCode, 201);
      assert.equal((await voteFrom('198.51.100.77', tokens[7])).statusCode, 201);
      const count = (await harness.app.inject({ url: '/api/v1/articles/7/rating' })).json<{
        count: number;
      }>().count;
      assert.equal(count, 5);
    });

    it('the demo relay passes the visitor on: no votes past the limit through it', async () => {
      const token = await newToken(harness.app);
      for (let i = 0; i < 3; i += 1) {
        await voteFrom('203.0.113.50', token, `/api/v1/articles/${10 + i}/votes`);
      }
      const relayed = await voteFrom(
        '203.0.113.50',
        token,
        '/demo-backends/normal/api/v1/articles/14/votes',
      );
      assert.equal(relayed.statusCode, 429);
    });

    it('limits voter tokens per network', async () => {
      const statuses = [];
      for (let i = 0; i < 7; i += 1) {
        const answer = await harness.app.inject({
          method: 'POST',
          url: '/api/v1/voter-tokens',
          remoteAddress: `2001:db8:77:1::${i + 1}`,
        });
        statuses.push(answer.statusCode);
        if (answer.statusCode === 429) assertApiError(answer, 429, 'rate-limited');
      }
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429]);
    });
  });
}
