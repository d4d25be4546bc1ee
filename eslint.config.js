import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { configs as litConfigs } from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The front end's layers, lowest first; a folder may import only from layers below it (and itself),
 * so no two folders import each other. Entries (src/*.ts, src/react/) sit on top and may use all.
 */
const LAYERS = [['model'], ['core', 'styles'], ['backend', 'prefs'], ['bases'], ['elements']];

/** One `no-restricted-imports` block per folder, forbidding every folder it must not reach. */
const layerRules = LAYERS.flatMap((layer, level) =>
  layer.map((folder) => {
    const above = LAYERS.slice(level + 1).flat();
    const beside = layer.filter((other) => other !== folder);
    return {
      files: [`src/${folder}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [...above, ...beside].map((forbidden) => ({
              group: [`**/${forbidden}/**`],
              message: `src/${folder}/ may not import src/${forbidden}/ (LAYERS in eslint.config.js): move the shared piece down.`,
            })),
          },
        ],
      },
    };
  }),
);

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', 'node_modules/', 'tmp/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    ...wcConfigs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ...litA11y.configs.recommended,
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'scripts/**/*.mjs',
      'server/**/*.ts',
      'bench/server.ts',
      'bench/render.ts',
      'bench/growing-page.ts',
      'bench/static-server.ts',
      'bench/page-cost.ts',
      'bench/nukeviet-guide.ts',
      'scripts/**/*.ts',
      'test/server-plugins.mjs',
      'test/engines.mjs',
      '*.config.{js,mjs,ts}',
      'web-test-runner.config.mjs',
      'eslint.config.js',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['test/fixtures/**/*.js', 'bench/pages/**/*.js', 'demo/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests reach into shadow roots and fixtures whose presence the test itself asserts.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Chai's property assertions (expect(x).to.exist) read as bare expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  ...layerRules,
  prettier,
);
