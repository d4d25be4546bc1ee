import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createHarness, DATABASES, newToken, type Harness } from './harness.js';

const segment = fc.oneof(
  fc.integer({ min: -5, max: 40 }).map(String),
  fc.constantFrom('0', '1', '25', '9999999999999', 'abc', '%00', '..', '1e3', ' 1', '-1', '%FF'),
  fc.constant('1'.repeat(101)),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
/** Cursors: base64url of date|id pairs near and far from the ones the API gives out, and junk. */
const cursor = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.string({ maxLength: 30 }),
        fc.constantFrom('2026-11-27T01:00:00.000Z', 'a\u0000b', ''),
      ),
      fc.oneof(
        fc.bigInt({ min: -1n, max: 99999999999999999999n }).map(String),
        fc.constantFrom('0', '2147483647', '2147483648', '1e3', ' 1', ''),
      ),
    )
    .map(([date, id]) => Buffer.from(`${date}|${id}`).toString('base64url')),
  fc.string({ maxLength: 40 }),
  fc.base64String({ maxLength: 40 }),
);
const listing = fc.record({
  method: fc.constantFrom('GET', 'HEAD'),
  path: fc.constant('/api/v1/articles'),
  query: fc.record(
    {
      category: fc.oneof(
        fc.constantFrom('kinh-te', 'giao-duc', 'khong-co', '%00', '\u0000', ''),
        fc.string({ maxLength: 70 }),
      ),
      limit: fc.oneof(fc.integer({ min: -2, max: 60 }).map(String), fc.string({ maxLength: 5 })),
      cursor,
    },
    { requiredKeys: [] },
  ),
  tokenIndex: fc.constant(null),
  garbageToken: fc.constant(null),
  body: fc.constant(null),
  contentType: fc.constant('application/json'),
});
const query = fc.dictionary(
  fc.constantFrom('limit', 'cursor', 'strategy', 'category', 'x'),
  fc.oneof(fc.string({ maxLength: 20 }), fc.integer().map(String)),
  { maxKeys: 3 },
);
const randomRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
  path: fc.oneof(
    segment.map((id) => `/api/v1/articles/${id}`),
    segment.map((id) => `/api/v1/articles/${id}/votes`),
    segment.map((id) => `/api/v1/articles/${id}/rating`),
    segment.map((id) => `/api/v1/articles/${id}/related`),
    fc.constant('/api/v1/articles'),
    fc.constant('/api/v1/voter-tokens'),
    fc.webPath().map((path) => (path.startsWith('/') ? path : `/${path}`)),
  ),
  query,
  tokenIndex: fc.option(fc.integer({ min: 0, max: 9 })),
  garbageToken: fc.option(fc.string({ maxLength: 60 })),
  body: fc.oneof(
    fc.record({ score: fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double(), fc.string()) }),
    fc.jsonValue(),
    fc.string({ maxLength: 200 }),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
  ),
});
/** A well-formed vote, mixed in so that plenty of votes are valid and the model has work to do. */
const validVote = fc.record({
  method: fc.constant('POST'),
  path: fc.integer({ min: 1, max: 25 }).map((id) => `/api/v1/articles/${id}/votes`),
  query: fc.constant({}),
  tokenIndex: fc.integer({ min: 0, max: 9 }),
  garbageToken: fc.constant(null),
  body: fc.record({ score: fc.integer({ min: 1, max: 5 }) }),
  contentType: fc.constant('application/json'),
});
const requestArbitrary = fc.oneof(
  { arbitrary: randomRequest, weight: 3 },
  { arbitrary: listing, weight: 2 },
  { arbitrary: validVote, weight: 1 },
);

for (const database of DATABASES) {
  describe(`random requests on ${database.name}`, () => {
    let harness: Harness;
    const tokens: string[] = [];
    before(async () => {
      harness = await createHarness(database.url, {
        voteRateLimit: { max: 1_000_000, windowMs: 60_000 },
      });
      for (let i = 0; i < 10; i += 1) tokens.push(await newToken(harness.app));
    });
    after(() => harness.close());

    it('answers thousands of them with 2xx/3xx/4xx only, and stores exactly the accepted votes', async () => {
      // The model: the first valid vote of each token on each article, and nothing else.
      const expected = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(requestArbitrary, async (request) => {
          const search = new URLSearchParams(request.query).toString();
          const token =
            request.tokenIndex !== null ? tokens[request.tokenIndex] : request.garbageToken;
          const response = await harness.app.inject({
            method: request.method as 'GET',
            url: search ? `${request.path}?${search}` : request.path,
            headers: {
              'content-type': request.contentType,
              ...(token ? { 'x-voter-token': token } : {}),
            },
            payload:
              request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS'
                ? undefined
                : typeof request.body === 'string'
                  ? request.body
                  : JSON.stringify(request.body),
          });
          assert.ok(
            response.statusCode < 500,
            `${request.method} ${request.path} → ${response.statusCode}: ${response.body}`,
          );
          if (response.statusCode >= 400 && request.method !== 'HEAD') {
            const { error } = response.json();
            assert.equal(typeof error.code, 'string', response.body);
            assert.equal(typeof error.message, 'string', response.body);
          }
          const votePath = /^\/api\/v1\/articles\/(\d+)\/votes$/.exec(request.path);
          const body = request.body as { score?: unknown };
          const valid =
            request.method === 'POST' &&
            votePath &&
            Number(votePath[1]) >= 1 &&
            Number(votePath[1]) <= 25 &&
            request.tokenIndex !== null &&
            request.contentType === 'application/json' &&
            typeof body === 'object' &&
            body !== null &&
            Number.isInteger(body.score) &&
            (body.score as number) >= 1 &&
            (body.score as number) <= 5;
          if (valid) {
            const key = `${votePath[1]}:${request.tokenIndex}`;
            assert.equal(response.statusCode, expected.has(key) ? 409 : 201, key);
            if (!expected.has(key)) expected.set(key, body.score as number);
          }
        }),
        {
          numRuns: Number(process.env.FUZZ_RUNS ?? 10_000),
          seed: Number(process.env.FUZZ_SEED ?? 20261127),
        },
      );

      const votes = await harness.connection.db.selectFrom('votes').selectAll().execute();
      assert.ok(expected.size > 50, `only ${expected.size} valid votes were generated`);
      const stored = new Map(
        votes.map((vote) => [
          `${vote.article_id}:${tokens.findIndex((token) => token.startsWith(`${vote.voter_id}.`))}`,
          Number(vote.score),
        ]),
      );
      assert.deepEqual(stored, expected);
      assert.ok(votes.every(({ score }) => Number(score) >= 1 && Number(score) <= 5));
      const articles = await harness.connection.db
        .selectFrom('articles')
        .select(['id', 'total_points', 'rating_count'])
        .execute();
      for (const article of articles) {
        const own = votes.filter((vote) => vote.article_id === article.id);
        assert.equal(Number(article.rating_count), own.length, `count of ${article.id}`);
        assert.equal(
          Number(article.total_points),
          own.reduce((sum, vote) => sum + Number(vote.score), 0),
          `total of ${article.id}`,
        );
      }
    });
  });
}
