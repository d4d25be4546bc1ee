import type { FastifyPluginAsync } from 'fastify';
import { sendError } from '../api/errors.js';
import { registerDemoBackends } from './demo-backends.js';
import { illustration } from './illustration.js';
import { SEED_ARTICLES } from './seed-data.js';

/** The demo's server side: its articles' drawn images and its misbehaving backends. */
export const demoPlugin: FastifyPluginAsync<{ apiPrefix: string }> = async (app, { apiPrefix }) => {
  const seeded = new Map(SEED_ARTICLES.map((article) => [`${article.slug}.svg`, article.category]));
  app.get('/media/seed/:file', { schema: { hide: true } }, async (request, reply) => {
    const { file } = request.params as { file: string };
    const category = seeded.get(file);
    if (!category) return sendError(reply, 404, 'not-found', `No image ${file}`);
    reply.header('content-type', 'image/svg+xml').header('cache-control', 'public, max-age=86400');
    return illustration(file.replace(/\.svg$/, ''), category);
  });
  registerDemoBackends(app, { apiPrefix });
};
