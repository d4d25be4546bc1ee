import { readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { cdpPlugin, enginePlugin, launcherFor } from './test/engines.mjs';
import {
  nukevietFixture,
  referenceServerPlugin,
  wordpressFixture,
} from './test/server-plugins.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/**
 * The built files (`dist/`, under whichever address a middleware gave them) reach the browser
 * byte for byte as a portal serves them: esbuild, which compiles the tests' TypeScript, would
 * otherwise rewrite them too (a "use strict" line first, comments such as the compile hint
 * dropped, a source map inlined).
 */
function builtAsShipped(plugin) {
  const transform = plugin.transform.bind(plugin);
  plugin.transform = (context) =>
    context.path.startsWith('/dist/') ? undefined : transform(context);
  return plugin;
}

/** Serves fixture pages whose name says so under a strict Content Security Policy. */
function strictCspMiddleware(context, next) {
  if (context.path.includes('/fixtures/strict-csp')) {
    context.set('Content-Security-Policy', "default-src 'self'");
  }
  if (context.path.includes('/fixtures/trusted-types')) {
    // Only lit's policy and ours (or lit's alone): any other policy, or a string reaching a
    // sink, is refused.
    const policies = context.path.includes('lit-only') ? 'lit-html' : 'lit-html portal-widgets';
    context.set(
      'Content-Security-Policy',
      `require-trusted-types-for 'script'; trusted-types ${policies}`,
    );
  }
  return next();
}

/** The demo pages load `cdn/…` and the manifest as `npm start` serves them; here from the repository. */
function demoCdnMiddleware(context, next) {
  if (context.path.startsWith('/demo/cdn/'))
    context.path = context.path.replace('/demo/', '/dist/');
  if (context.path === '/demo/custom-elements.json') context.path = '/custom-elements.json';
  return next();
}

/**
 * `/single-file/` holds portal-widgets.js alone, as a portal that copied only that file;
 * `/two-files/` holds it and article-body.js, but not sanitizer.js.
 */
function singleFileMiddleware(context, next) {
  const [, folder, file] = /^\/(single-file|two-files)\/([a-z-]+\.js)$/.exec(context.path) ?? [];
  if (file === 'portal-widgets.js' || (folder === 'two-files' && file === 'article-body.js'))
    context.path = `/dist/cdn/${file}`;
  return next();
}

let reactBundle;
/**
 * `/react.js`: React, ReactDOM's client and @lit/react as one ES module (React ships CommonJS
 * only), for the tests of the React wrapper.
 */
async function reactMiddleware(context, next) {
  if (context.path !== '/react.js') return next();
  reactBundle ??= build({
    stdin: {
      contents: `export * as React from 'react';
        export { createRoot } from 'react-dom/client';
        export { createComponent } from '@lit/react';`,
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
  }).then(({ outputFiles }) => outputFiles[0].text);
  context.type = 'js';
  context.body = await reactBundle;
  return undefined;
}

/** The ```html examples of a Markdown file, in order. */
const htmlExamples = (file) =>
  [...readFileSync(file, 'utf8').matchAll(/```html\n([\s\S]*?)```/g)].map(([, code]) => code);

/**
 * The README's and the guides' HTML examples, as a webmaster pastes them, on otherwise blank
 * pages: `/guide/<name>/<n>.html` is the n-th example of README.md (`readme`) or
 * docs/<name>.md. Only what a webmaster would change is pointed at this test server: the
 * script's folder, the backend address (or `?api=`, a server on another origin) and, where the
 * guide's id is a placeholder, the article id. The README's page is a legacy theme sized in px.
 */
const GUIDES = {
  readme: { file: 'README.md', api: [/https:\/\/[^"]*\/api\/v1/, '/demo/api/v1'], pxTheme: true },
  wordpress: {
    file: 'docs/wordpress.md',
    api: [/https:\/\/site\.example\.gov\.vn/, '/wp-site'],
    id: '101',
  },
  static: { file: 'docs/static.md', api: [/\/widgets-data/, '/test/fixtures/static-api'], id: '7' },
};
function guideMiddleware(context, next) {
  const match = context.path.match(/^\/guide\/(\w+)\/(\d+)\.html$/);
  const guide = match && GUIDES[match[1]];
  if (!guide) return next();
  const pasted = htmlExamples(guide.file)[Number(match[2])];
  const api = context.query.api;
  let example = pasted
    .replaceAll('/static/pw/', '/dist/cdn/')
    .replace(
      /data-api="([^"]*)"/,
      (_, pastedApi) => `data-api="${api ?? pastedApi.replace(...guide.api)}"`,
    );
  if (guide.id) example = example.replaceAll('article-id="123"', `article-id="${guide.id}"`);
  const theme = guide.pxTheme ? '<style>body{font:13px/18px Arial,sans-serif}</style>' : '';
  // The portal's own text beside the pasted elements, which A+ must enlarge too.
  const portalText = guide.pxTheme ? '<p id="portal-text">Tin tức của cổng thông tin.</p>' : '';
  context.type = 'html';
  context.body = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Guide</title>
<script src="/test/fixtures/error-trap.js"></script>${theme}</head><body>${portalText}${example}</body></html>`;
  return undefined;
}

/**
 * `/nukeviet/guide/<theme>.html`: docs/nukeviet.md's script tag and detail.tpl snippet placed in
 * the page of that theme's shape (test/fixtures/nukeviet/<theme>.html), as a webmaster puts
 * them in footer_only.tpl (before `</body>`) and detail.tpl (after the article body's `</div>`).
 * Only the folder of dist/cdn is changed; {NEWSID} is the page's article. `?hold=<ms>` serves the
 * article's picture that much later, so that the page's load event comes late; `?hold-script=<ms>`
 * the guide's script (autoloader.js); `?tag=plain` puts the guide's plain tag in its loader's place.
 */
let pagesServed = 0;
function nukevietGuideMiddleware(context, next) {
  const match = context.path.match(
    /^\/nukeviet\/guide\/(default|egov|mobile|4\.5\.05\/default-voices)\.html$/,
  );
  if (!match) return next();
  // The guide's examples in order: step 3's loader, step 4's snippet, the plain tag for a policy
  // that forbids scripts in the page (`?tag=plain`), <read-aloud>.
  const [loader, detail, plainTag, readAloud] = htmlExamples('docs/nukeviet.md');
  const script = context.query.tag === 'plain' ? plainTag : loader;
  // The real 4.5.05 page with recordings (article 16) gets the guide's <read-aloud> as well.
  const voices = match[1].startsWith('4.5.05');
  const hold = Number(context.query.hold) || 0;
  const holdScript = Number(context.query['hold-script']) || 0;
  const snippet = (voices ? detail + readAloud : detail).replaceAll(
    '{NEWSID}',
    voices ? '16' : '412',
  );
  const page = readFileSync(`test/fixtures/nukeviet/${match[1]}.html`, 'utf8')
    .replace(
      '</head>',
      '<script src="/test/fixtures/error-trap.js"></script><script src="/test/fixtures/layout-record.js"></script></head>',
    )
    .replace(
      /<div[^>]* class="bodytext[^"]*"[^>]*>[\s\S]*?<\/div>/,
      (body) => `${body}\n${snippet}`,
    )
    // A new address each time, so that no cached copy comes early.
    .replaceAll(
      'src="/test/fixtures/photo.svg"',
      `src="/slow/test/fixtures/photo.svg?ms=${hold}&page=${(pagesServed += 1)}"`,
    )
    .replace(
      '</body>',
      `${
        holdScript
          ? script
              .replace('{NV_BASE_SITEURL}themes/default/js/pw/', '/slow/dist/cdn/')
              .replace('autoloader.js', `autoloader.js?ms=${holdScript}`)
          : script.replace('{NV_BASE_SITEURL}themes/default/js/pw/', '/dist/cdn/')
      }</body>`,
    );
  context.type = 'html';
  // Never from the browser's cache: each test's page asks for its picture anew.
  context.set('Cache-Control', 'no-store');
  context.body = page;
  return undefined;
}

/** `/slow/<path>?ms=<n>`: the file at `<path>`, served `n` ms late. */
async function slowMiddleware(context, next) {
  if (!context.path.startsWith('/slow/')) return next();
  await new Promise((resolve) => setTimeout(resolve, Number(context.query.ms) || 0));
  context.path = context.path.slice('/slow'.length);
  return next();
}

// WTR_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.WTR_PORT ?? 8765);
const referenceServer = referenceServerPlugin({
  testOrigins: [`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`],
});

export default {
  port: PORT,
  // test/real/ needs real systems: `npm run test:real` (scripts/real-wordpress.mjs) runs it.
  files: ['test/**/*.test.ts', '!test/real/**'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  middleware: [
    strictCspMiddleware,
    demoCdnMiddleware,
    singleFileMiddleware,
    reactMiddleware,
    guideMiddleware,
    nukevietGuideMiddleware,
    slowMiddleware,
    referenceServer.proxy,
    wordpressFixture,
    nukevietFixture(),
  ],
  plugins: [
    builtAsShipped(
      esbuildPlugin({
        ts: true,
        target: 'es2022',
        tsconfig: 'tsconfig.json',
        define: { __VERSION__: JSON.stringify(version), __SINGLE_FILE__: 'false' },
      }),
    ),
    cdpPlugin(),
    enginePlugin(),
    referenceServer,
  ],
  // One engine per run (chromium unless WTR_ENGINE names firefox or webkit): they share the
  // reference server's state. `npm run test:browser` runs the three in turn.
  browsers: [launcherFor(process.env.WTR_ENGINE ?? 'chromium')],
};
