import { resolve } from 'node:path';
import { settingsFromEnv, startServer } from './start.js';

let settings;
try {
  settings = settingsFromEnv();
} catch (error) {
  console.error(`Portal Widgets server: ${(error as Error).message}`);
  process.exit(1);
}

const server = await startServer({
  ...settings,
  staticRoot: resolve('dist'),
  logger: { level: process.env.LOG_LEVEL ?? 'warn' },
});
const { kind } = server.connection;
console.log(
  `Portal Widgets: demo at ${server.url}/, script-tag files at ${server.url}/cdn/, API at ${server.url}/api/v1 (${kind}).`,
);

// Finish the requests in flight, then close the database, on a deploy or Ctrl-C.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
