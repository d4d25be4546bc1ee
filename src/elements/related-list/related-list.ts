import { Task } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import {
  RELATED_STRATEGIES,
  type ArticleSummary,
  type RelatedStrategy,
} from '../../backend/schema.js';
import { BackendElement } from '../../bases/backend-element.js';
import { reportBadSetting } from '../../core/config.js';
import { heading } from '../../core/heading.js';
import { ArticleErrorEvent } from '../../bases/events.js';
import type { Translations } from '../../core/lang.js';
import { fetchStateStyles } from '../../styles/fetch-state.js';
import { hostStyles } from '../../styles/shared.js';
import { relatedListStyles } from './related-list.styles.js';

const STRINGS: Translations<{ heading: string; loading: string }> = {
  vi: { heading: 'Bài viết liên quan', loading: 'Đang tải bài viết liên quan…' },
  en: { heading: 'Related articles', loading: 'Loading related articles…' },
};

const DEFAULT_STRATEGY = 'topic newer older';

/**
 * Related articles, as NukeViet portals show them by default: the same topic ("theo dòng sự
 * kiện"), then newer and older articles of the category. Fetched only when the list comes near
 * the screen. An empty result shows nothing at all.
 *
 * @tag related-list
 * @summary "Bài viết liên quan": a named list of links to related articles.
 *
 * @slot heading - Replaces the heading text.
 *
 * @fires {ArticleErrorEvent} pw-error - The list could not be loaded; `detail.error` says why.
 *
 * @csspart section - The named section.
 * @csspart heading - The heading.
 * @csspart list - The `<ul>`.
 * @csspart item - Each `<li>`.
 * @csspart link - Each link (its name is the article's title).
 * @csspart date - Each date.
 * @csspart thumbnail - Each image (layout `cards`).
 * @csspart error - The failure message.
 * @csspart retry - The "try again" button.
 *
 * @cssproperty --pw-color-text - Text colour (default: the page's own).
 * @cssproperty --pw-color-muted - Dates (default: the page's text colour).
 * @cssproperty --pw-color-accent - Links (default: the page's text colour).
 * @cssproperty --pw-color-focus - Focus outline colour (default #0b5394).
 * @cssproperty --pw-gap - Space between items (default 0.25em).
 */
export class RelatedList extends BackendElement {
  static override styles = [hostStyles, fetchStateStyles, relatedListStyles];
  protected override largerText = '.heading';

  static override properties: PropertyDeclarations = {
    strategy: { reflect: true },
    limit: { type: Number, reflect: true },
    layout: { reflect: true },
    heading: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number, reflect: true },
    loading: { reflect: true },
    hrefTemplate: { attribute: 'href-template', reflect: true },
  };

  /**
   * Which related articles, in order, separated by spaces: `topic`, `newer`, `older`,
   * `category`. Duplicates are shown once.
   */
  strategy = DEFAULT_STRATEGY;

  /** At most this many links (1–20). */
  limit = 5;

  /** `list` (titles and dates), `cards` (with thumbnails) or `compact` (titles only). */
  layout: 'list' | 'cards' | 'compact' = 'list';

  /** The heading text; "Bài viết liên quan" by default. */
  heading = '';

  /** The heading's level (default 2). */
  headingLevel = 2;

  /** `lazy` (default): fetch when the list comes near the screen; `eager`: at once. */
  loading: 'lazy' | 'eager' = 'lazy';

  /**
   * Where a link goes when the backend gives no address: `{id}` is replaced, e.g.
   * `/tin-tuc/{id}.html`. Default `?id={id}`.
   */
  hrefTemplate = '?id={id}';

  private nearScreen = false;
  private observer: IntersectionObserver | undefined;

  private readonly items = new Task(this, {
    task: async ([id, , limit, near], { signal }) => {
      if (!near) return undefined;
      return this.client().getRelated(String(id), {
        strategies: this.strategies,
        limit: Number(limit),
        signal,
      });
    },
    // Primitive arguments only: the task runs again whenever one of them differs.
    args: () =>
      [
        this.articleId,
        this.strategy,
        this.safeLimit,
        this.nearScreen || this.loading === 'eager',
        this.api,
        this.backend,
        this.site,
      ] as const,
    onError: (error) => this.emit(new ArticleErrorEvent(error)),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.loading !== 'eager' && 'IntersectionObserver' in window) {
      this.observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) {
            this.nearScreen = true;
            this.observer?.disconnect();
            this.requestUpdate();
          }
        },
        { rootMargin: '400px 0px' },
      );
      this.observer.observe(this);
    } else {
      this.nearScreen = true;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  private get strategies(): RelatedStrategy[] {
    const chosen = this.strategy.split(/[\s,]+/).filter(Boolean);
    if (
      chosen.length &&
      chosen.every((name) => (RELATED_STRATEGIES as readonly string[]).includes(name))
    ) {
      return chosen as RelatedStrategy[];
    }
    reportBadSetting(
      '<related-list strategy',
      this.strategy,
      `Use one or more of ${RELATED_STRATEGIES.join(', ')}, e.g. "${DEFAULT_STRATEGY}". Using that default.`,
    );
    return DEFAULT_STRATEGY.split(' ') as RelatedStrategy[];
  }

  private get safeLimit(): number {
    return Number.isInteger(this.limit) && this.limit >= 1 && this.limit <= 20 ? this.limit : 5;
  }

  /** The backend's address for the article (the client keeps only http(s)), else the portal's pattern. */
  private href(item: ArticleSummary): string {
    return item.url ?? this.hrefTemplate.replace('{id}', encodeURIComponent(item.id));
  }

  private renderItem(item: ArticleSummary) {
    const date = new Date(item.publishedAt);
    const thumbnail =
      this.layout === 'cards' && item.image
        ? html`<img
            part="thumbnail"
            src=${item.image.url}
            alt=""
            width="96"
            height="54"
            loading="lazy"
            decoding="async"
          />`
        : nothing;
    return html`<li part="item">
      ${thumbnail}<a part="link" href=${this.href(item)}>${item.title}</a>
      ${
        this.layout !== 'compact' && !Number.isNaN(date.getTime())
          ? html`<time part="date" datetime=${item.publishedAt}>${this.formatDate(date)}</time>`
          : nothing
      }
    </li>`;
  }

  private renderSection(content: unknown, busy: boolean) {
    const level = Number.isInteger(this.headingLevel) ? this.headingLevel : 2;
    return html`<section part="section" aria-labelledby="heading" aria-busy=${busy}>
      ${heading(
        level,
        'heading',
        html`<slot name="heading">${this.heading || this.strings(STRINGS).heading}</slot>`,
        'heading',
      )}
      ${content}
    </section>`;
  }

  protected override render() {
    return this.items.render({
      initial: () =>
        this.renderSection(html`<p class="placeholder">${this.strings(STRINGS).loading}</p>`, true),
      pending: () =>
        this.renderSection(
          html`<p class="placeholder" role="status">${this.strings(STRINGS).loading}</p>`,
          true,
        ),
      complete: (items) =>
        !items
          ? this.renderSection(
              html`<p class="placeholder">${this.strings(STRINGS).loading}</p>`,
              true,
            )
          : items.length
            ? this.renderSection(
                html`<ul part="list" class=${this.layout}>
                  ${items.map((item) => this.renderItem(item))}
                </ul>`,
                false,
              )
            : nothing,
      error: (error) =>
        this.renderSection(
          this.renderError(error, () => void this.retry(this.items)),
          false,
        ),
    });
  }
}
