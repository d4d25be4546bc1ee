import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './scripts/find-chromium.mjs';
import {
  nukevietFixture,
  referenceServerPlugin,
  wordpressFixture,
} from './test/server-plugins.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/**
 * `executeServerCommand('cdp', { method, params })` sends a Chrome DevTools Protocol command to
 * the test's page: media features WTR cannot emulate (prefers-contrast, forced-colors) and the
 * browser's default font size. One CDP session per page, so emulation lasts until reset.
 */
function cdpPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'cdp',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cdp') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      return (await sessions.get(page).send(payload.method, payload.params)) ?? {};
    },
  };
}

/** Serves fixture pages whose name says so under a strict Content Security Policy. */
function strictCspMiddleware(context, next) {
  if (context.path.includes('/fixtures/strict-csp')) {
    context.set('Content-Security-Policy', "default-src 'self'");
  }
  if (context.path.includes('/fixtures/trusted-types')) {
    // Only lit's policy and ours: any other policy, or a string reaching a sink, is refused.
    context.set(
      'Content-Security-Policy',
      "require-trusted-types-for 'script'; trusted-types lit-html portal-widgets",
    );
  }
  return next();
}

/** The demo page loads `cdn/…` as `npm start` serves it; here that is the build in dist/cdn. */
function demoCdnMiddleware(context, next) {
  if (context.path.startsWith('/demo/cdn/'))
    context.path = context.path.replace('/demo/', '/dist/');
  return next();
}

const PORT = 8765;
const referenceServer = referenceServerPlugin({
  testOrigins: [`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`],
});

export default {
  port: PORT,
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  middleware: [
    strictCspMiddleware,
    demoCdnMiddleware,
    referenceServer.proxy,
    wordpressFixture,
    nukevietFixture(),
  ],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: 'tsconfig.json',
      define: { __VERSION__: JSON.stringify(version), __SINGLE_FILE__: 'false' },
    }),
    cdpPlugin(),
    referenceServer,
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), args: ['--no-sandbox'] },
    }),
  ],
};
