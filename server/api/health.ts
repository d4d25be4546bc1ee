import type { FastifyPluginAsync } from 'fastify';
import type { ArticleRepository } from '../repository.js';

/** `/healthz` for a load balancer: answers once the database does. */
export const healthPlugin: FastifyPluginAsync<{ repository: ArticleRepository }> = async (
  app,
  { repository },
) => {
  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    await repository.setting('voter-secret');
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });
};
