import type { Contrast } from '../prefs/store.js';

/** Base of every Portal Widgets event: bubbles and crosses shadow roots, so a page can listen on `document`. */
class PortalWidgetsEvent<Detail> extends CustomEvent<Detail> {
  constructor(type: string, detail: Detail) {
    super(type, { bubbles: true, composed: true, detail });
  }
}

/** Fired when the visitor picks a text size; `detail.scale` is the factor, 1 being their own default. */
export class TextScaleChangeEvent extends PortalWidgetsEvent<{ scale: number }> {
  constructor(scale: number) {
    super('pw-text-scale-change', { scale });
  }
}

/** Fired when the visitor turns high contrast on (`more`) or off (`normal`). */
export class ContrastChangeEvent extends PortalWidgetsEvent<{ contrast: Contrast }> {
  constructor(contrast: Contrast) {
    super('pw-contrast-change', { contrast });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pw-text-scale-change': TextScaleChangeEvent;
    'pw-contrast-change': ContrastChangeEvent;
  }
}
