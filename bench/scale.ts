// A province on one machine: 100 sites of 10,000 articles each (1,000,000) and 10,000,000 votes
// in PostgreSQL, made by generate_series inside the database, then every API read and votes under
// autocannon, each printed beside a bare Fastify route answering the same JSON, reads on one site
// beside reads spread over every site (the two back to back, in BENCH_ROUNDS rounds, each
// figure the median with its range), the CPU each request costs the server, PostgreSQL and
// autocannon, and the query plans. The server and the bare Fastify peer
// each run alone in a process of their own (bench/scale-server.ts), as the server runs in
// production; autocannon runs here. BENCH_PORT picks the server's port (the peer's is the next),
// BENCH_CPU_PROF=<folder> writes the server's CPU profile there (node --cpu-prof).
// Not run in CI: BENCH_DATABASE_URL names a database it may empty (BENCH_REUSE=1 keeps the
// rows of an earlier run; BENCH_ONLY=<regular expression> measures only the matching rows), e.g.
//   createdb -O widgets widgets_scale
//   BENCH_DATABASE_URL=postgres://widgets:widgets@127.0.0.1:5432/widgets_scale npm run bench:scale
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { countWords } from '../src/model/portal-model.js';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database } from '../server/db.js';
import { migrate } from '../server/migrations.js';
import { VoterTokens } from '../server/voter-token.js';
import { openEmptyDatabase } from '../server/test/harness.js';

const url = process.env.BENCH_DATABASE_URL;
if (!url?.startsWith('postgres')) {
  console.error('Set BENCH_DATABASE_URL to a PostgreSQL database this benchmark may empty.');
  process.exit(1);
}
const SITES = Number(process.env.BENCH_SITES ?? 100);
const PER_SITE = Number(process.env.BENCH_ARTICLES_PER_SITE ?? 10_000);
const ARTICLES = SITES * PER_SITE;
const VOTES_PER_ARTICLE = Number(process.env.BENCH_VOTES_PER_ARTICLE ?? 10);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/** Seconds of the same requests, unmeasured, before each measured row. */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CATEGORIES = 20;
const TOPICS = 100;
const SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';
const START = Date.parse('2020-01-01T00:00:00Z');
const STEP_MS = 2 * 60 * 1000;

/** Every generated article's body. */
const BODY = `<p>${'Nội dung bài viết của Ủy ban nhân dân xã về công tác địa phương. '.repeat(8)}</p>`;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Article i is published STEP_MS after article i-1: its date is known without a query. */
const publishedAt = (id: number) => new Date(START + id * STEP_MS).toISOString();

async function generate(db: Kysely<Database>) {
  let since = performance.now();
  await sql`insert into sites (id, name)
    select 'xa-' || s, 'Xã số ' || s from generate_series(1, ${SITES}) s`.execute(db);
  // Every site has the same category and topic names: the way communes name theirs.
  await sql`insert into categories (site_id, id, name)
    select sites.id, 'danh-muc-' || i, 'Danh mục ' || i
    from sites, generate_series(0, ${CATEGORIES - 1}) i where sites.id <> 'default'`.execute(db);
  await sql`insert into topics (site_id, id, name)
    select sites.id, 'chu-de-' || i, 'Chủ đề ' || i
    from sites, generate_series(0, ${TOPICS - 1}) i where sites.id <> 'default'`.execute(db);
  // Indexes and checks are built after the rows: one sort each instead of ten million insertions.
  await sql`alter table votes drop constraint votes_article_fk`.execute(db);
  await sql`alter table votes drop constraint votes_site_one_per_voter`.execute(db);
  await sql`alter table articles drop constraint articles_category_fk`.execute(db);
  await sql`alter table articles drop constraint articles_topic_fk`.execute(db);
  for (const index of [
    'articles_site_topic_published',
    'articles_site_published_id',
    'articles_site_category_published_id',
  ]) {
    await sql`drop index ${sql.id(index)}`.execute(db);
  }
  const points = Array.from({ length: VOTES_PER_ARTICLE }, (_, k) => k)
    .map(String)
    .join(',');
  await sql`insert into articles (site_id, id, slug, title, lead, body_html, word_count, image_url, image_alt,
      image_caption, author, source_name, category_id, topic_id, published_at, updated_at, lang,
      total_points, rating_count, rating_open, origin, origin_id)
    select 'xa-' || s, i, 'bai-viet-' || i, 'Bài viết số ' || i || ' của cổng thông tin xã',
      'Tóm tắt bài viết số ' || i || '.',
      ${BODY}, ${countWords(BODY)},
      'https://xa.example.gov.vn/uploads/' || i || '.jpg', 'Ảnh ' || i, '', 'Ban biên tập',
      'bench', 'danh-muc-' || (i % ${CATEGORIES}),
      case when i % 3 = 0 then 'chu-de-' || (i % ${TOPICS}) end,
      to_char(timestamp '2020-01-01' + i * interval '2 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      to_char(timestamp '2020-01-01' + i * interval '2 minutes', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'vi',
      (select sum(((i + k) % 5) + 1) from unnest(array[${sql.raw(points)}]) k),
      ${VOTES_PER_ARTICLE}, 1, 'bench', i::text
    from generate_series(1, ${SITES}) s, generate_series(1, ${PER_SITE}) i`.execute(db);
  console.log(`${ARTICLES.toLocaleString('en')} articles: ${seconds(since)}`);
  since = performance.now();
  await sql`insert into votes (site_id, article_id, voter_id, score, created_at)
    select 'xa-' || s, a, 'voter-' || k || '-' || a, ((a + k) % 5) + 1, '2026-11-29T00:00:00.000Z'
    from generate_series(1, ${SITES}) s, generate_series(1, ${PER_SITE}) a,
      generate_series(0, ${VOTES_PER_ARTICLE - 1}) k`.execute(db);
  console.log(`${(ARTICLES * VOTES_PER_ARTICLE).toLocaleString('en')} votes: ${seconds(since)}`);
  since = performance.now();
  await sql`alter table votes add constraint votes_site_one_per_voter
    primary key (site_id, article_id, voter_id)`.execute(db);
  await sql`alter table votes add constraint votes_article_fk foreign key (site_id, article_id)
    references articles (site_id, id) on delete cascade`.execute(db);
  await sql`alter table articles add constraint articles_category_fk
    foreign key (site_id, category_id) references categories (site_id, id)`.execute(db);
  await sql`alter table articles add constraint articles_topic_fk
    foreign key (site_id, topic_id) references topics (site_id, id)`.execute(db);
  await sql`create index articles_site_topic_published
    on articles (site_id, topic_id, published_at)`.execute(db);
  await sql`create index articles_site_published_id
    on articles (site_id, published_at, id)`.execute(db);
  await sql`create index articles_site_category_published_id
    on articles (site_id, category_id, published_at, id)`.execute(db);
  await sql`analyze`.execute(db);
  console.log(`indexes and statistics: ${seconds(since)}`);
}

const randomId = () => 1 + Math.floor(Math.random() * PER_SITE);
const randomSite = () => `xa-${1 + Math.floor(Math.random() * SITES)}`;
/** One site's addresses, or any site's: the same reads, on one site's rows or on all of them. */
let spread = false;
const sitePath = () => `/api/v1/sites/${spread ? randomSite() : 'xa-1'}`;
const cursorAt = (id: number) => Buffer.from(`${publishedAt(id)}|${id}`).toString('base64url');

/** BENCH_ONLY=votes (a regular expression) measures only the rows whose title it matches. */
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : undefined;

/**
 * CPU time a process has used, user and system, in ms (Linux's /proc; undefined elsewhere): per
 * request, what the server costs, which a busy machine changes less than the requests a second.
 */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * CPU time every PostgreSQL process on this machine has used, in ms (undefined when there is
 * none or no /proc): what the database costs a request, beside what the server costs.
 */
function databaseCpuMs(): number | undefined {
  let total: number | undefined;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    const used = cpuMs(Number(entry));
    if (used !== undefined) total = (total ?? 0) + used;
  }
  return total;
}

/** µs per request from two CPU readings in ms. */
const microsEach = (before: number | undefined, after: number | undefined, requests: number) =>
  before === undefined || after === undefined || !requests
    ? '–'
    : Math.round(((after - before) * 1000) / requests);

async function measure(title: string, options: autocannon.Options) {
  if (only && !only.test(title) && !title.startsWith('bare')) return undefined;
  const origin = new URL(String(options.url)).origin;
  const pid = (origin === new URL(bareUrl).origin ? peer : server).child.pid;
  // Unmeasured first: a new process runs its code unoptimised until V8 has seen it run, as a
  // server that has been up a while no longer does.
  if (WARMUP > 0) await autocannon({ duration: WARMUP, connections: 10, ...options });
  const before = { server: cpuMs(pid), database: databaseCpuMs(), load: process.cpuUsage() };
  const result = await autocannon({ duration: DURATION, connections: 10, ...options });
  const load = process.cpuUsage(before.load);
  const requests = result.requests.total;
  return {
    title,
    'req/s': Math.round(result.requests.average),
    'p99 ms': result.latency.p99,
    'server CPU µs/req': microsEach(before.server, cpuMs(pid), requests),
    'database µs/req': microsEach(before.database, databaseCpuMs(), requests),
    'autocannon µs/req': requests ? Math.round((load.user + load.system) / requests) : '–',
    errors: result.errors + result.non2xx,
  };
}

/** A GET with a new random article id in every request. */
const randomGet = (path: (id: number) => string): autocannon.Options['requests'] => [
  {
    method: 'GET',
    setupRequest: (request) => ({ ...request, path: `${sitePath()}${path(randomId())}` }),
  },
];

// The server's own connection pool, as production opens it.
const kept = openDatabase(url).db;
const existing = await sql<{ n: string }>`select count(*) as n from articles`
  .execute(kept)
  .then((result) => Number(result.rows[0]?.n ?? 0))
  .catch(() => 0);
let db: Kysely<Database>;
// BENCH_REUSE=1 measures again on the articles an earlier run generated.
if (process.env.BENCH_REUSE === '1' && existing === ARTICLES) {
  db = kept;
  console.log(`Reusing ${existing.toLocaleString('en')} generated articles.\n`);
} else {
  await kept.destroy();
  ({ db } = await openEmptyDatabase(url));
  const started = performance.now();
  await migrate(db);
  await generate(db);
  console.log(`generated in ${seconds(started)}\n`);
}

// What PostgreSQL keeps in its own memory beside what the reads touch: with 100 sites' articles
// larger than shared_buffers, reads spread over the sites wait on pages from the file system.
{
  const memory = await sql<{ buffers: string; articles: string; votes: string }>`select
      current_setting('shared_buffers') as buffers,
      pg_size_pretty(pg_total_relation_size('articles')) as articles,
      pg_size_pretty(pg_total_relation_size('votes')) as votes`.execute(db);
  const { buffers, articles, votes } = memory.rows[0]!;
  console.log(`PostgreSQL shared_buffers ${buffers}; articles ${articles}, votes ${votes}.\n`);
}

// Every query the API makes, recorded once per endpoint and explained, and counted: each query
// is a round trip to PostgreSQL, which costs the server more than most queries cost the database.
const queries = new Map<string, readonly unknown[]>();
let sent = 0;
const recording = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
  log: (event) => {
    if (event.level !== 'query') return;
    sent += 1;
    if (/^select/i.test(event.query.sql)) queries.set(event.query.sql, event.query.parameters);
  },
});

const limits = { voteRateLimit: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 } };
const recorder = await buildApp({ db: recording, secret: SECRET, allowedOrigins: [], ...limits });
const middle = Math.floor(PER_SITE / 2) - (Math.floor(PER_SITE / 2) % 3);
const perRequest: { request: string; queries: number }[] = [];
for (const path of [
  `/articles/${middle}`,
  `/articles/${middle}/rating`,
  ...['topic', 'newer', 'older', 'category'].map(
    (strategy) => `/articles/${middle}/related?strategy=${strategy}`,
  ),
  '/articles?limit=10',
  `/articles?limit=10&cursor=${cursorAt(middle)}`,
  `/articles?limit=10&category=danh-muc-7&cursor=${cursorAt(middle)}`,
]) {
  sent = 0;
  const response = await recorder.inject({ url: `${sitePath()}${path}` });
  if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode}`);
  perRequest.push({ request: `GET ${path.replace(/cursor=[^&]*/, 'cursor=…')}`, queries: sent });
}
// The first vote also clears old rate-limit windows (once a window): the second is the usual.
for (const pass of ['first', 'usual']) {
  sent = 0;
  const voted = await recorder.inject({
    method: 'POST',
    url: `${sitePath()}/articles/${middle}/votes`,
    headers: { 'x-voter-token': new VoterTokens(SECRET).issue() },
    payload: { score: 5 },
  });
  if (voted.statusCode !== 201) throw new Error(`vote: ${voted.statusCode}`);
  if (pass === 'usual')
    perRequest.push({ request: 'POST /articles/{id}/votes (new voter)', queries: sent });
}
await recorder.close();
console.log('Queries (round trips to PostgreSQL) per request:');
console.table(perRequest);
await recording.destroy();
// The server keeps each prepared query's generic plan (server/db.ts): these are those plans.
console.log('Query plans (EXPLAIN ANALYZE of the generic plan, as the server runs it):');
const explaining = new pg.Client({ connectionString: url });
await explaining.connect();
await explaining.query('set plan_cache_mode = force_generic_plan');
let statement = 0;
for (const [text, parameters] of queries) {
  const name = `explained_${(statement += 1)}`;
  await explaining.query(`prepare ${name} as ${text}`);
  const values = parameters.map((value) =>
    typeof value === 'number' ? String(value) : explaining.escapeLiteral(String(value)),
  );
  const execute = `execute ${name}${values.length ? `(${values.join(', ')})` : ''}`;
  // Run once first: the plan is made then, and kept, as on the server's connections.
  await explaining.query(execute);
  const plan = await explaining.query(`explain (analyze, costs off, timing on) ${execute}`);
  console.log(`\n${text}\n${plan.rows.map((row) => `  ${row['QUERY PLAN']}`).join('\n')}`);
}
await explaining.end();

await db.destroy();

/** Children still running: ended with this process, however it ends. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130));
}
const launcher = fileURLToPath(new URL('./scale-server.ts', import.meta.url));
const port = Number(process.env.BENCH_PORT ?? 0);

/** Starts bench/scale-server.ts in a new Node process; resolves with its address. */
function startChild(
  role: 'server' | 'peer',
  env: Record<string, string>,
  nodeOptions: string[] = [],
) {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', launcher, role], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return {
    child,
    url: new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`${role} process ended (${code})`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const address = /^listening (\S+)/.exec(line)?.[1];
        if (address) resolve(address);
        else console.log(`[${role}] ${line}`);
      });
    }),
  };
}

/** Ends a child and waits for it (a CPU profile is written as it exits). */
function stop(child: ChildProcess) {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

const profile = process.env.BENCH_CPU_PROF;
const server = startChild(
  'server',
  {
    DATABASE_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
    VOTER_SECRET: SECRET,
    DEMO: '0',
  },
  profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
);
const base = await server.url;
const sample = await (await fetch(`${base}${sitePath()}/articles/${middle}`)).json();
const peer = startChild('peer', {
  PORT: String(port && port + 1),
  BENCH_PEER_BODY: JSON.stringify(sample),
});
const bareUrl = await peer.url;
console.log(
  `\nThe server under test runs alone in its own process (pid ${server.child.pid}, ${base}), the bare Fastify peer in another (pid ${peer.child.pid}); autocannon runs in this one.`,
);

const tokens = new VoterTokens(SECRET);
/** Every read and a vote, each on the addresses `sitePath` gives. */
const endpoints: { title: string; options: () => autocannon.Options }[] = [
  {
    title: 'GET /articles/{id}',
    options: () => ({ url: base, requests: randomGet((id) => `/articles/${id}`) }),
  },
  {
    title: 'GET /articles/{id}/rating',
    options: () => ({ url: base, requests: randomGet((id) => `/articles/${id}/rating`) }),
  },
  ...['topic', 'newer', 'older', 'category'].map((strategy) => ({
    title: `GET /articles/{id}/related?strategy=${strategy}`,
    options: () => ({
      url: base,
      requests: randomGet(
        (id) => `/articles/${Math.max(3, id - (id % 3))}/related?strategy=${strategy}`,
      ),
    }),
  })),
  {
    title: 'GET /articles?limit=10&cursor=',
    options: () => ({
      url: base,
      requests: randomGet((id) => `/articles?limit=10&cursor=${cursorAt(id)}`),
    }),
  },
  {
    title: 'GET /articles?category=&cursor=',
    options: () => ({
      url: base,
      requests: randomGet(
        (id) => `/articles?limit=10&category=danh-muc-${id % CATEGORIES}&cursor=${cursorAt(id)}`,
      ),
    }),
  },
  {
    title: 'POST /articles/{id}/votes, new voter each',
    options: () => ({
      url: base,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            path: `${sitePath()}/articles/${randomId()}/votes`,
            headers: { 'content-type': 'application/json', 'x-voter-token': tokens.issue() },
            body: JSON.stringify({ score: 1 + Math.floor(Math.random() * 5) }),
          }),
        },
      ],
    }),
  },
];

/**
 * BENCH_ROUNDS rounds (3 unless set); in each, every endpoint on one site and then spread over
 * every site, back to back, so that the two are measured in the same state of the machine, and
 * the peer once. Each figure is the median of the rounds with their range: the noise, shown.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
type Row = NonNullable<Awaited<ReturnType<typeof measure>>>;
const samples = new Map<string, Row[]>();
const keep = (row: Row | undefined) => {
  if (row) samples.set(row.title, [...(samples.get(row.title) ?? []), row]);
};
for (let round = 0; round < ROUNDS; round += 1) {
  keep(await measure('bare Fastify, the same article JSON (peer)', { url: `${bareUrl}/article` }));
  for (const { title, options } of endpoints) {
    spread = false;
    keep(await measure(`${title} (one site)`, options()));
    spread = true;
    keep(await measure(`${title} (any of ${SITES} sites)`, options()));
  }
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? sorted[middle]!
    : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
};
/** `median [lowest–highest]` of a column, or the one value. */
const spreadOf = (rows: Row[], column: keyof Row) => {
  const values = rows.map((row) => row[column]).filter((value) => typeof value === 'number');
  if (!values.length) return '–';
  const middle = median(values).toLocaleString('en');
  return values.length === 1
    ? middle
    : `${middle} [${Math.min(...values).toLocaleString('en')}–${Math.max(...values).toLocaleString('en')}]`;
};
console.log(
  `\n${SITES} sites × ${PER_SITE.toLocaleString('en')} articles, ${(ARTICLES * VOTES_PER_ARTICLE).toLocaleString('en')} votes; autocannon, 10 connections, ${DURATION} s each, ${ROUNDS} rounds (median [range]); the server and the peer each in a process of their own:`,
);
console.table(
  [...samples.values()].map((rows) => ({
    title: rows[0]!.title,
    'req/s': spreadOf(rows, 'req/s'),
    'p99 ms (highest)': Math.max(...rows.map((row) => row['p99 ms'])),
    'server CPU µs/req': spreadOf(rows, 'server CPU µs/req'),
    'database µs/req': spreadOf(rows, 'database µs/req'),
    'autocannon µs/req': spreadOf(rows, 'autocannon µs/req'),
    errors: rows.reduce((sum, row) => sum + row.errors, 0),
  })),
);
// A moment for the answers still on their way when autocannon stopped, then the children end.
await new Promise((resolve) => setTimeout(resolve, 1000));
await Promise.all([stop(server.child), stop(peer.child)]);
