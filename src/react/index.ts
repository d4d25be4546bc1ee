// Generated from custom-elements.json by scripts/framework-types.mjs: do not edit.

/**
 * React components for the five elements, made with @lit/react: properties are set as
 * properties, and each custom event has an `on…` prop (`pw-rating-change` → `onPwRatingChange`).
 * Importing this module defines the elements.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type {
  ArticleErrorEvent,
  ArticleLoadEvent,
  ContrastChangeEvent,
  RatingChangeEvent,
  ReadAloudEvent,
  TextScaleChangeEvent,
} from '../bases/events.js';
import { ArticleView } from '../elements/article-view/article-view.js';
import '../elements/article-view/article-view.define.js';
import { ContrastToggle } from '../elements/contrast-toggle/contrast-toggle.js';
import '../elements/contrast-toggle/contrast-toggle.define.js';
import { FontScaler } from '../elements/font-scaler/font-scaler.js';
import '../elements/font-scaler/font-scaler.define.js';
import { ReadAloud } from '../elements/read-aloud/read-aloud.js';
import '../elements/read-aloud/read-aloud.define.js';
import { RelatedList } from '../elements/related-list/related-list.js';
import '../elements/related-list/related-list.define.js';
import { StarRating } from '../elements/star-rating/star-rating.js';
import '../elements/star-rating/star-rating.define.js';

/** `<article-view>`: A news article, fetched from the portal's backend and sanitised. */
export const ArticleViewComponent = createComponent({
  tagName: 'article-view',
  elementClass: ArticleView,
  react: React,
  events: {
    onPwLoad: 'pw-load' as EventName<ArticleLoadEvent>,
    onPwError: 'pw-error' as EventName<ArticleErrorEvent>,
  },
});

/** `<contrast-toggle>`: Increase / decrease contrast for the whole page, remembered for the next visit. */
export const ContrastToggleComponent = createComponent({
  tagName: 'contrast-toggle',
  elementClass: ContrastToggle,
  react: React,
  events: {
    onPwContrastChange: 'pw-contrast-change' as EventName<ContrastChangeEvent>,
  },
});

/** `<font-scaler>`: Text size bar (A- A A+) that scales the page's text and remembers the choice. */
export const FontScalerComponent = createComponent({
  tagName: 'font-scaler',
  elementClass: FontScaler,
  react: React,
  events: {
    onPwTextScaleChange: 'pw-text-scale-change' as EventName<TextScaleChangeEvent>,
  },
});

/** `<read-aloud>`: "Nghe đọc bài viết": the portal's recording, or the browser's speech with the sentence highlighted. */
export const ReadAloudComponent = createComponent({
  tagName: 'read-aloud',
  elementClass: ReadAloud,
  react: React,
  events: {
    onPwReadAloud: 'pw-read-aloud' as EventName<ReadAloudEvent>,
  },
});

/** `<related-list>`: "Bài viết liên quan": a named list of links to related articles. */
export const RelatedListComponent = createComponent({
  tagName: 'related-list',
  elementClass: RelatedList,
  react: React,
  events: {
    onPwError: 'pw-error' as EventName<ArticleErrorEvent>,
  },
});

/** `<star-rating>`: Star rating with the portal's summary sentence; one vote per visitor, none lost. */
export const StarRatingComponent = createComponent({
  tagName: 'star-rating',
  elementClass: StarRating,
  react: React,
  events: {
    onChange: 'change' as EventName<Event>,
    onPwRatingChange: 'pw-rating-change' as EventName<RatingChangeEvent>,
    onPwError: 'pw-error' as EventName<ArticleErrorEvent>,
  },
});
