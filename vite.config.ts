import { readFileSync } from 'node:fs';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { defineConfig, type UserConfig } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** Every element's class and defining module, for the per-element ESM build. */
const ELEMENTS = ['font-scaler', 'contrast-toggle', 'article-view', 'related-list', 'star-rating'];

const shared: UserConfig = {
  // Lit's html`` and css`` templates keep their whitespace unless minified on their own.
  plugins: [minifyTemplateLiterals({ include: 'src/**/*.ts' })],
  define: { __VERSION__: JSON.stringify(version), __SINGLE_FILE__: 'false' },
  build: {
    target: 'es2022',
    minify: true,
    emptyOutDir: false,
    copyPublicDir: false,
    // Maps (with the sources inside) let a portal's or an agency's debugger show our TypeScript.
    sourcemap: true,
  },
};

/**
 * One build per way of shipping (`vite build --mode <name>`); `npm run build` runs them all.
 * Vite's library mode cannot make an IIFE from several entries, hence separate builds.
 */
const builds: Record<string, UserConfig> = {
  // One self-contained ES module for a <script type="module"> tag: lit inlined, no imports.
  cdn: {
    define: { __SINGLE_FILE__: 'true' },
    build: {
      outDir: 'dist/cdn',
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'portal-widgets.js' },
      rolldownOptions: { output: { minify: true } },
    },
  },
  // The accessibility bar alone (font-scaler, contrast-toggle), for portals that want only it.
  toolbar: {
    define: { __SINGLE_FILE__: 'true' },
    build: {
      outDir: 'dist/cdn',
      lib: { entry: 'src/toolbar.ts', formats: ['es'], fileName: () => 'portal-toolbar.js' },
      rolldownOptions: { output: { minify: true } },
    },
  },
  // The same as a classic script, for CMS templates that only allow <script src>.
  iife: {
    // A classic script has no import.meta; it finds its tag through document.currentScript.
    define: { 'import.meta.url': 'undefined', __SINGLE_FILE__: 'true' },
    build: {
      outDir: 'dist/cdn',
      lib: {
        entry: 'src/iife.ts',
        formats: ['iife'],
        name: 'PortalWidgetsBundle',
        fileName: () => 'portal-widgets.iife.js',
      },
    },
  },
  // DOMPurify for the single-file bundles, fetched only on browsers without Element.setHTML().
  sanitizer: {
    build: {
      outDir: 'dist/cdn',
      lib: { entry: 'src/sanitizer.ts', formats: ['es'], fileName: () => 'sanitizer.js' },
      rolldownOptions: { output: { minify: true } },
    },
  },
  // The adapters most portals do not need, loaded on first use beside the single-file bundles.
  adapters: {
    build: {
      outDir: 'dist/cdn/adapters',
      lib: {
        entry: {
          wordpress: 'src/backend/adapters/wordpress-entry.ts',
          nukeviet: 'src/backend/adapters/nukeviet-entry.ts',
          static: 'src/backend/adapters/static-entry.ts',
        },
        formats: ['es'],
      },
      rolldownOptions: { output: { minify: true, chunkFileNames: '[name]-[hash].js' } },
    },
  },
  // A tiny loader that fetches each element's chunk only when the page uses the element.
  autoloader: {
    build: {
      outDir: 'dist/cdn',
      lib: { entry: 'src/autoloader.ts', formats: ['es'], fileName: () => 'autoloader.js' },
      rolldownOptions: {
        // The loader exports nothing a page imports; chunks may be shaped freely.
        preserveEntrySignatures: 'allow-extension',
        output: {
          minify: true,
          chunkFileNames: 'chunks/[name]-[hash].js',
          // Few, larger shared chunks: Lit's ReactiveElement with the core every element needs;
          // what only the three article elements share: lit-html and their backend client (the
          // toolbar's two elements need neither); and what only the toolbar's two share. Fewer round trips before an element is
          // defined, and less gzip overhead than a dozen tiny files.
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [
              {
                name: 'article',
                // The adapters most portals do not use stay apart, loaded on first use.
                test: /node_modules[\\/](lit|lit-html|lit-element)[\\/]|src[\\/](backend[\\/](?!adapters[\\/](wordpress|nukeviet|static))|bases[\\/](backend-element|portal-element)|styles[\\/]fetch-state)/,
                priority: 2,
              },
              {
                // The preferences machinery the toolbar's two elements share.
                name: 'toolbar',
                test: /src[\\/](bases[\\/]preference-element|prefs[\\/]|styles[\\/](buttons|high-contrast))/,
                priority: 2,
              },
              {
                name: 'core',
                test: /node_modules[\\/]@lit[\\/]reactive-element[\\/]|src[\\/](core[\\/](config|define|lang|announce)|bases[\\/]events|styles[\\/]shared)\b/,
                priority: 1,
              },
            ],
          },
        },
      },
    },
  },
  // One module per source file for bundler users, lit left to their bundler.
  esm: {
    build: {
      outDir: 'dist/esm',
      lib: {
        entry: {
          index: 'src/index.ts',
          'backend/index': 'src/backend/index.ts',
          'react/index': 'src/react/index.ts',
          ...Object.fromEntries(
            ELEMENTS.flatMap((tag) =>
              [`${tag}.define`, tag].map((file) => [
                `elements/${tag}/${file}`,
                `src/elements/${tag}/${file}.ts`,
              ]),
            ),
          ),
        },
        formats: ['es'],
      },
      minify: false,
      rolldownOptions: {
        external: [/^lit(\/|$)/, /^@lit\//, /^react(\/|$)/, /^dompurify$/],
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  },
};

export default defineConfig(({ command, mode }) => {
  if (command === 'build') {
    const build = builds[mode];
    if (!build)
      throw new Error(`Unknown build mode "${mode}": use ${Object.keys(builds).join(', ')}`);
    return {
      ...shared,
      ...build,
      define: { ...shared.define, ...build.define },
      build: { ...shared.build, ...build.build },
    };
  }
  // `vite preview` (npm start): the built site — the demo at /, the script-tag files at /cdn/.
  const server = { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 8080) };
  return { ...shared, build: { outDir: 'dist' }, preview: { ...server, strictPort: true } };
});
