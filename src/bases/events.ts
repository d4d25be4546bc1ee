import type { Article, RatingSummary } from '../backend/schema.js';
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

/** Fired by article-view when the article is shown. */
export class ArticleLoadEvent extends PortalWidgetsEvent<{ article: Article }> {
  constructor(article: Article) {
    super('pw-load', { article });
  }
}

/** Fired by an element that could not load what it shows; `detail.error` says why. */
export class ArticleErrorEvent extends PortalWidgetsEvent<{ error: unknown }> {
  constructor(error: unknown) {
    super('pw-error', { error });
  }
}

/** Fired by star-rating once the backend confirmed a vote; `detail.summary` is the new summary. */
export class RatingChangeEvent extends PortalWidgetsEvent<{
  score: number;
  summary: RatingSummary;
}> {
  constructor(score: number, summary: RatingSummary) {
    super('pw-rating-change', { score, summary });
  }
}

/** What read-aloud is doing now, and whether it plays a recording or the browser's speech. */
export interface ReadAloudDetail {
  state: 'playing' | 'paused' | 'stopped' | 'ended';
  source: 'recording' | 'speech';
}

/** Fired by read-aloud when reading starts, pauses, stops or reaches the end. */
export class ReadAloudEvent extends PortalWidgetsEvent<ReadAloudDetail> {
  constructor(detail: ReadAloudDetail) {
    super('pw-read-aloud', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pw-text-scale-change': TextScaleChangeEvent;
    'pw-contrast-change': ContrastChangeEvent;
    'pw-load': ArticleLoadEvent;
    'pw-error': ArticleErrorEvent;
    'pw-rating-change': RatingChangeEvent;
    'pw-read-aloud': ReadAloudEvent;
  }
}
