// Requests/s and p99 for reading an article and for voting, side by side in the same run with a
// bare Fastify route that returns the same JSON. Loopback only, bounded in time.
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { createHarness, newToken } from '../server/test/harness.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);

async function measure(title: string, options: autocannon.Options) {
  const result = await autocannon({ duration: DURATION, connections: 10, ...options });
  return {
    title,
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const harness = await createHarness('sqlite::memory:', {
  voteRateLimit: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
});
const url = await harness.app.listen({ port: 0, host: '127.0.0.1' });
const article = await (await fetch(`${url}/api/v1/articles/1`)).json();
const summary = article.rating;

const bare = Fastify();
bare.get('/article', async () => article);
bare.post('/vote', async (_request, reply) => reply.code(201).send(summary));
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

// Every vote needs a fresh voter, or it would be a (cheaper) 409 repeat.
const tokens = await Promise.all(Array.from({ length: 50_000 }, () => newToken(harness.app)));
let next = 0;

const rows = [
  await measure('read article: widgets API', { url: `${url}/api/v1/articles/1` }),
  await measure('read article: bare Fastify, same JSON', { url: `${bareUrl}/article` }),
  await measure('vote: widgets API (SQLite)', {
    url,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({
          ...request,
          path: `/api/v1/articles/${(next % 25) + 1}/votes`,
          headers: {
            'content-type': 'application/json',
            'x-voter-token': tokens[next++ % tokens.length],
          },
          body: JSON.stringify({ score: (next % 5) + 1 }),
        }),
      },
    ],
  }),
  await measure('vote: bare Fastify, same JSON', {
    url: `${bareUrl}/vote`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ score: 4 }),
  }),
];

console.log(`\nautocannon, 10 connections, ${DURATION} s each, loopback`);
console.log(
  `${'case'.padEnd(40)} ${'req/s'.padStart(9)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)}`,
);
for (const { title, rps, p99, errors } of rows) {
  console.log(
    `${title.padEnd(40)} ${rps.toFixed(0).padStart(9)} ${String(p99).padStart(8)} ${String(errors).padStart(8)}`,
  );
}
console.log(
  `ratio read ${(rows[0].rps / rows[1].rps).toFixed(2)} × bare, vote ${(rows[2].rps / rows[3].rps).toFixed(2)} × bare`,
);
await bare.close();
await harness.close();
