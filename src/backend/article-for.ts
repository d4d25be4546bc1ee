import { clientFor } from './registry.js';
import type { Article } from './schema.js';

/**
 * An article as the backend `element`'s settings name it: what the autoloader gives
 * `<read-aloud article-id>` as `PortalWidgets.getArticle`. A module of its own, imported on first
 * use, so that the autoloader's other files stay as they were.
 */
export const articleFor = (id: string, element: Element): Promise<Article> =>
  clientFor(element).getArticle(id);
