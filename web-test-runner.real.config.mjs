import base from './web-test-runner.config.mjs';

/**
 * `npm run test:real`: the tests in test/real/ against the real systems scripts/real-wordpress.mjs
 * starts; it passes their addresses in REAL_WORDPRESS, served to the tests as /real-wordpress.json.
 */
function realSystemsMiddleware(context, next) {
  if (context.path !== '/real-wordpress.json') return next();
  context.type = 'json';
  context.body = process.env.REAL_WORDPRESS ?? 'null';
  return undefined;
}

export default {
  ...base,
  files: ['test/real/*.test.ts'],
  middleware: [realSystemsMiddleware, ...base.middleware],
};
