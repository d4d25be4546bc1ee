/**
 * Every element's tag and the module that defines it, found by convention: a folder
 * `elements/<tag>/` holding `<tag>.define.ts`. The single list the entries share.
 */
export const ELEMENT_LOADERS: Readonly<Record<string, () => Promise<unknown>>> = Object.fromEntries(
  Object.entries(import.meta.glob('./elements/*/*.define.ts')).flatMap(([path, load]) => {
    const [, , tag, file] = path.split('/');
    return file === `${tag}.define.ts` ? [[tag, load]] : [];
  }),
);
