import type { Article, ArticleSummary } from './schema.js';
import { Shape } from './validate.js';

/** An article's summary in our own JSON schema, as lists of related articles carry it. */
export function summaryFrom(shape: Shape): ArticleSummary {
  return {
    id: shape.id('id'),
    title: shape.string('title'),
    url: shape.optionalString('url') || undefined,
    lead: shape.optionalString('lead'),
    image: shape.image('image'),
    publishedAt: shape.string('publishedAt'),
    category: shape.named('category'),
  };
}

/** An article in our own JSON schema, as the reference API and static folders send it. */
export function articleFrom(value: unknown, where: string): Article {
  const shape = new Shape(value, where);
  const rating = shape.optionalObject('rating');
  return {
    ...summaryFrom(shape),
    bodyHtml: shape.string('bodyHtml'),
    author: shape.optionalString('author'),
    source: shape.optionalString('source'),
    topic: shape.named('topic'),
    updatedAt: shape.optionalString('updatedAt', shape.string('publishedAt')),
    lang: shape.optionalString('lang', 'vi'),
    readingMinutes: shape.number('readingMinutes'),
    rating: rating && rating.rating(),
    voices: shape.optionalArray('voices').map((voice) => ({
      id: voice.id('id'),
      title: voice.string('title'),
      url: voice.string('url'),
    })),
  };
}
