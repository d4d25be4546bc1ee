// The checkout served on a loopback port for the browser benches, and with BENCH_BASELINE (another
// checkout's dist/cdn) that build under /baseline/, so both run in the same turns. No caching:
// each fresh page loads its files as a first visit does.
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';

export async function serveForBench(): Promise<{
  origin: string;
  baselineRoot: string | undefined;
  close: () => Promise<void>;
}> {
  const server = Fastify();
  await server.register(fastifyStatic, { root: resolve('.'), cacheControl: false, etag: false });
  const baselineRoot = process.env.BENCH_BASELINE;
  if (baselineRoot) {
    await server.register(fastifyStatic, {
      root: resolve(baselineRoot),
      prefix: '/baseline/',
      decorateReply: false,
      cacheControl: false,
      etag: false,
    });
  }
  const origin = await server.listen({ port: 0, host: '127.0.0.1' });
  return { origin, baselineRoot, close: () => server.close() };
}
