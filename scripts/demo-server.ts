// The built demo served by the real reference server on a throw-away SQLite file and a free
// port, for the scripts that look at it in a browser (screenshots, Lighthouse).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../server/start.js';

export async function startDemoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const folder = mkdtempSync(join(tmpdir(), 'portal-widgets-demo-'));
  const server = await startServer({
    databaseUrl: `sqlite:${join(folder, 'demo.sqlite')}`,
    port: 0,
    host: '127.0.0.1',
    allowedOrigins: [],
    demo: true,
    staticRoot: resolve('dist'),
  });
  return {
    url: server.url,
    async close() {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
