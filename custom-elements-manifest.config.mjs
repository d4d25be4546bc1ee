// `cem analyze` reads this: the public API is the element classes and what they inherit.
export default {
  globs: ['src/elements/**/*.ts', 'src/bases/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/bases/events.ts', 'src/elements/article-view/sanitize.ts'],
  litelement: true,
  // package.json's customElements field is written by hand; the analyzer would point it at --outdir.
  packagejson: false,
  plugins: [
    {
      // Files are analysed in whatever order the file system gives; sort them so the output is stable.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
