import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { defineConfig, type UserConfig } from 'vite';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** Every element, by convention a folder `src/elements/<tag>/` holding `<tag>.define.ts`. */
const ELEMENTS = readdirSync('src/elements', { withFileTypes: true })
  .filter(({ name }) => existsSync(`src/elements/${name}/${name}.define.ts`))
  .map(({ name }) => name);

/** The element bases (`src/bases/*-element.ts`), each naming the chunk its elements share. */
const BASES = readdirSync('src/bases')
  .filter((file) => file.endsWith('-element.ts'))
  .map((file) => resolve('src/bases', file));

const DEFINE_MODULE = /[\\/]src[\\/]elements[\\/]([^\\/]+)[\\/]\1\.define\.ts$/;

type ModuleGraph = { getModuleInfo(id: string): { importers: readonly string[] } | null };

/**
 * Which shared chunk a module joins, from who statically imports it: what every element needs
 * goes to `core`; what only the elements of one base need goes to that base's chunk (the
 * smallest such base), anything else several share to `core`; one element's own code, and what
 * is loaded on first use, stay apart.
 */
/**
 * Elements left out of that count: what they share with the others comes from the chunks the
 * others already use, so that pages without them download exactly what they did before. A page
 * with read-aloud mostly has article-view or the text-size bar too.
 */
const GUESTS = new Set(['read-aloud']);
const HOSTS = ELEMENTS.filter((tag) => !GUESTS.has(tag));

function sharedChunkNamer() {
  const reach = new Map<string, Set<string>>();
  const elementsReaching = (id: string, graph: ModuleGraph): Set<string> => {
    const known = reach.get(id);
    if (known) return known;
    const users = new Set<string>();
    reach.set(id, users);
    const tag = DEFINE_MODULE.exec(id)?.[1];
    if (tag) users.add(tag);
    for (const importer of graph.getModuleInfo(id)?.importers ?? [])
      for (const user of elementsReaching(importer, graph)) users.add(user);
    return users;
  };
  const hosts = (users: Set<string>) => [...users].filter((tag) => !GUESTS.has(tag));
  return (id: string, graph: ModuleGraph): string | null => {
    const reached = elementsReaching(id, graph);
    const users = hosts(reached);
    if (reached.size < 2 || !users.length) return null;
    const [base] = BASES.map((file) => ({ file, family: hosts(elementsReaching(file, graph)) }))
      .filter(
        ({ family }) => family.length < HOSTS.length && users.every((u) => family.includes(u)),
      )
      .sort((a, b) => a.family.length - b.family.length || a.file.localeCompare(b.file));
    return base ? base.file.replace(/^.*[\\/]|\.ts$/g, '') : 'core';
  };
}

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
  // read-aloud alone, which portal-widgets.js loads from beside itself for a page that has one.
  'read-aloud': {
    define: { __SINGLE_FILE__: 'true' },
    build: {
      outDir: 'dist/cdn',
      lib: { entry: 'src/read-aloud.ts', formats: ['es'], fileName: () => 'read-aloud.js' },
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
  // An article body's code for the single-file bundles, fetched with a page's first article.
  'article-body': {
    define: { __SINGLE_FILE__: 'true' },
    build: {
      outDir: 'dist/cdn',
      lib: { entry: 'src/article-body.ts', formats: ['es'], fileName: () => 'article-body.js' },
      rolldownOptions: { output: { minify: true } },
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
          // Few, larger shared chunks, named by sharedChunkNamer: fewer round trips before an
          // element is defined, and less gzip overhead than a dozen tiny files; the toolbar's
          // elements never load lit-html or the backend client.
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [{ name: sharedChunkNamer() }],
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

/**
 * Chromium's explicit compile hint (V8 13.6+): the file's functions are compiled while it
 * downloads, on a worker thread, instead of on the page's main thread the first time each is
 * called. Nearly every function of a script-tag file runs as its elements are defined and first
 * drawn, and at a slow phone's 4× those first calls' compiling was a third to a half of our
 * longest task (docs/nukeviet.md, "Long tasks"). Other engines read a comment. Not on
 * `autoloader.js`, whose few lines run once and whose budget is bytes.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * `autoloader.js` is built as a module without imports or exports (its chunks are imported
 * dynamically, relative to the file in either kind of script) and wrapped in a function, so that
 * it runs as a classic script too, as the NukeViet guide loads it, without declaring anything in
 * the page's global scope.
 */
const [WRAPPER_START, WRAPPER_END] = ['(()=>{', '})();'];

/** What heads each script-tag file, after minifying. */
const fileStart = ({ fileName }: { fileName: string }) =>
  fileName === 'autoloader.js' ? WRAPPER_START : COMPILE_HINT;
/**
 * What ends `autoloader.js`, before the source map's comment; no other file gets a footer
 * (undefined: an empty one would still add a line to each).
 */
const fileEnd = ({ fileName }: { fileName: string }) =>
  fileName === 'autoloader.js' ? WRAPPER_END : (undefined as unknown as string);

export default defineConfig(({ command, mode }) => {
  if (command === 'build') {
    const build = builds[mode];
    if (!build)
      throw new Error(`Unknown build mode "${mode}": use ${Object.keys(builds).join(', ')}`);
    const { rolldownOptions } = build.build ?? {};
    return {
      ...shared,
      ...build,
      define: { ...shared.define, ...build.define },
      build: {
        ...shared.build,
        ...build.build,
        rolldownOptions:
          mode === 'esm'
            ? rolldownOptions
            : {
                ...rolldownOptions,
                output: {
                  ...rolldownOptions?.output,
                  postBanner: fileStart,
                  postFooter: fileEnd,
                  // The minifier keeps a bundler's annotations (`/* @__PURE__ */`, 29 in
                  // portal-widgets.js); nothing bundles these files again.
                  comments: false,
                },
              },
      },
    };
  }
  // `vite preview` (npm start): the built site — the demo at /, the script-tag files at /cdn/.
  const server = { host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 8080) };
  return { ...shared, build: { outDir: 'dist' }, preview: { ...server, strictPort: true } };
});
