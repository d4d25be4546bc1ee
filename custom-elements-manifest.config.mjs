// `cem analyze` reads this: the public API is the element classes and what they inherit.
export default {
  globs: ['src/elements/**/*.ts', 'src/core/portal-element.ts', 'src/core/preference-element.ts'],
  exclude: ['src/**/*.styles.ts'],
  litelement: true,
  // package.json's customElements field is written by hand; the analyzer would point it at --outdir.
  packagejson: false,
};
