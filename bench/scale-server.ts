// The processes bench:scale measures, each alone in its own Node process as in production:
//   scale-server.ts server  the widgets server, started by startServer() as `npm start` starts it
//                           (DATABASE_URL, PORT, VOTER_SECRET from the environment), with the vote
//                           limit per network lifted: every benchmark vote comes from 127.0.0.1
//   scale-server.ts peer    bare Fastify answering BENCH_PEER_BODY (a JSON text) at /article
// Each prints one line, `listening <url>`, once it answers, and closes on SIGTERM or SIGINT
// (so that `node --cpu-prof` writes its profile).
import Fastify from 'fastify';
import { settingsFromEnv, startServer } from '../server/start.js';

const role = process.argv[2];
let close: () => Promise<unknown>;
let url: string;
if (role === 'server') {
  const server = await startServer({
    ...settingsFromEnv(),
    demo: false,
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
    voteRateLimit: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
  });
  ({ url } = server);
  close = () => server.close();
} else if (role === 'peer') {
  const body = JSON.parse(process.env.BENCH_PEER_BODY ?? '{}') as unknown;
  const bare = Fastify();
  bare.get('/article', async () => body);
  url = await bare.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  close = () => bare.close();
} else {
  console.error('Usage: scale-server.ts server|peer');
  process.exit(2);
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
console.log(`listening ${url}`);
