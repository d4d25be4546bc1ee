import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/**
 * The build's files: the script-tag files at `/cdn/`, and with the demo the whole folder (the
 * demo's pages) at `/`. The build writes .br and .gz beside each file; browsers that accept
 * them get those.
 */
export const staticFilesPlugin: FastifyPluginAsync<{ root?: string; demo: boolean }> = async (
  app,
  { root, demo },
) => {
  if (!root) return;
  const folder = demo ? root : join(root, 'cdn');
  if (!existsSync(folder)) return;
  await app.register(fastifyStatic, {
    root: folder,
    prefix: demo ? '/' : '/cdn/',
    // An array: with preCompressed, a plain string index is not looked up.
    index: ['index.html'],
    preCompressed: true,
  });
};
