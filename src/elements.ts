/** Every element's tag and the module that defines it: the single list the entries share. */
export const ELEMENT_LOADERS = {
  'font-scaler': () => import('./elements/font-scaler/font-scaler.define.js'),
  'contrast-toggle': () => import('./elements/contrast-toggle/contrast-toggle.define.js'),
} as const;
