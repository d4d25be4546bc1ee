import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { settingsFromEnv, startServer } from './start.js';

let settings;
try {
  settings = settingsFromEnv();
} catch (error) {
  console.error(`Portal Widgets server: ${(error as Error).message}`);
  process.exit(1);
}

/** The province in miniature beside the demo (repository only; PROVINCE_DEMO=0 leaves it out). */
async function startProvinceDemo(): Promise<{ close(): Promise<void> } | undefined> {
  const module = new URL('../scripts/province.ts', import.meta.url);
  if (process.env.PROVINCE_DEMO === '0' || !existsSync(module)) return undefined;
  try {
    // Imported by address, so that the compiled server does not carry the demo's scripts.
    const { startProvince } = (await import(module.href)) as {
      startProvince(): Promise<{ api: string; portals: { url: string }[]; close(): Promise<void> }>;
    };
    const started = await startProvince();
    console.log(
      `A province on one server (${started.api}/sites): ${started.portals.map(({ url }) => url).join(', ')}`,
    );
    return started;
  } catch (error) {
    console.warn(
      `Portal Widgets: the province demo did not start (${(error as Error).message}); the demo above runs without it. PROVINCE_DEMO=0 silences this.`,
    );
    return undefined;
  }
}

let province: { close(): Promise<void> } | undefined;

const server = await startServer({
  ...settings,
  // ../dist from this file: the build in the repository, and dist-server/dist when compiled.
  staticRoot: fileURLToPath(new URL('../dist', import.meta.url)),
  logger: { level: process.env.LOG_LEVEL ?? 'warn' },
}).catch((error: NodeJS.ErrnoException) => {
  const reasons: Record<string, string> = {
    EADDRINUSE: `port ${settings.port} on ${settings.host} is already in use: stop the other program or set PORT, e.g. PORT=8081 npm start.`,
    EACCES: `no permission to listen on port ${settings.port}: use a port above 1024, e.g. PORT=8080.`,
    ECONNREFUSED: `the database at DATABASE_URL refused the connection: is PostgreSQL running, and is the address right?`,
  };
  const code = error.code ?? /E[A-Z]{4,}/.exec(error.message)?.[0] ?? '';
  console.error(`Portal Widgets server: ${reasons[code] ?? error.message}`);
  process.exit(1);
});
const { kind } = server.connection;
if (settings.demo) {
  console.log(
    `Portal Widgets: demo at ${server.url}/, script-tag files at ${server.url}/cdn/, API at ${server.url}/api/v1 (${kind}).\n` +
      `For designers: ${server.url}/states.html, ${server.url}/playground.html, ${server.url}/theming.html`,
  );
  if (server.demoSeed?.status === 'has-real-articles') {
    console.log('The database holds imported articles, so no demo articles were added to it.');
  }
  province = await startProvinceDemo();
} else {
  console.log(
    `Portal Widgets: API at ${server.url}/api/v1 (${kind}), script-tag files at ${server.url}/cdn/; no demo (DEMO=1 to add it).`,
  );
}

// Finish the requests in flight, then close the database, on a deploy or Ctrl-C.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    Promise.all([server.close(), province?.close()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

// The sites file again, applied between two requests; one with a mistake changes nothing.
process.on('SIGHUP', () => {
  if (!settings.sitesFile) {
    console.warn('Portal Widgets server: SIGHUP, but no SITES_FILE to read again.');
    return;
  }
  server.reload().then(
    () => console.log(`Portal Widgets server: ${settings.sitesFile} read again and applied.`),
    (error: Error) => console.error(`Portal Widgets server: ${error.message}`),
  );
});
