import { Task } from '@lit/task';
import { html, nothing, unsafeCSS, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Article } from '../../backend/schema.js';
import { BackendElement } from '../../bases/backend-element.js';
import { getScriptUrl, reportBadSetting } from '../../core/config.js';
import { heading } from '../../core/heading.js';
import { ArticleErrorEvent, ArticleLoadEvent } from '../../bases/events.js';
import type { Translations } from '../../core/lang.js';
import { adoptDocumentSheet } from '../../styles/document-sheets.js';
import { fetchStateStyles } from '../../styles/fetch-state.js';
import { READING_STYLES } from '../../styles/reading.js';
import { hostStyles } from '../../styles/shared.js';
import { articleViewStyles, PRINT_ALONE } from './article-view.styles.js';
import { trustedPolicy } from '../../core/trusted-policy.js';
import { SanitizerMissingError } from './body-errors.js';
import { showableBody } from './body.js';

declare const __SINGLE_FILE__: boolean;

type BodyCode = { showableBody: typeof showableBody };

let bodyCode: Promise<BodyCode> | undefined;

/**
 * The body's code: article-body.js from beside the script-tag files (asked for with the article,
 * not after it), bundled everywhere else. A failed load is tried again on the next article.
 */
function loadBody(): Promise<BodyCode> {
  if (!__SINGLE_FILE__) return Promise.resolve({ showableBody });
  if (!bodyCode) {
    const url = new URL('article-body.js', getScriptUrl() ?? location.href).href;
    bodyCode = (import(/* @vite-ignore */ url) as Promise<BodyCode>).catch(() => {
      bodyCode = undefined;
      const error = new SanitizerMissingError(url);
      console.error(`Portal Widgets: ${error.message}.`);
      throw error;
    });
  }
  return bodyCode;
}

/** An article as the element shows it, with its body sanitised. */
interface ShownArticle {
  article: Article;
  body: DocumentFragment;
}

const STRINGS: Translations<{
  loading: string;
  minutes: string;
  table: string;
  by: string;
  noSanitizer: (file: string) => string;
  tooLarge: string;
  policyRefused: string;
}> = {
  vi: {
    loading: 'Đang tải bài viết…',
    minutes: 'phút đọc',
    table: 'Bảng',
    by: 'Tác giả',
    noSanitizer: (file) =>
      `Không hiển thị được nội dung bài viết: thiếu tệp ${file} bên cạnh portal-widgets.js. Xem thông báo trong bảng điều khiển của trình duyệt.`,
    tooLarge: 'Bài viết quá dài để hiển thị tại đây.',
    policyRefused:
      'Không hiển thị được bài viết: cần thêm portal-widgets vào trusted-types của trang.',
  },
  en: {
    loading: 'Loading the article…',
    minutes: 'min read',
    table: 'Table',
    by: 'By',
    noSanitizer: (file) =>
      `The article body cannot be shown: ${file} is missing beside portal-widgets.js. See the message in the browser console.`,
    tooLarge: 'This article is too long to show here.',
    policyRefused: "The article cannot be shown: add portal-widgets to the page's trusted-types.",
  },
};

/**
 * The longest body shown, in characters: some 300,000 words, far past any real article. Parsing
 * more takes seconds on a phone; a 34-million-character body froze the page.
 */
export const MAX_BODY_CHARACTERS = 2e6;

/** A body over `MAX_BODY_CHARACTERS`, refused before it is parsed. */
class BodyTooLargeError extends Error {}

let printSheetAdopted = false;

/**
 * A news article from the configured backend: headline, lead, meta line, main image with its
 * caption, and the body, sanitised before it reaches the page. When the portal already printed
 * the article inside the element, that content stays (for search engines and when scripts
 * fail) and no request is made.
 *
 * @tag article-view
 * @summary A news article, fetched from the portal's backend and sanitised.
 *
 * @slot - The article as the portal printed it; shown instead of fetching.
 *
 * @fires {ArticleLoadEvent} pw-load - The article is shown; `detail.article` holds it.
 * @fires {ArticleErrorEvent} pw-error - The article could not be shown; `detail.error` says why.
 *
 * @csspart article - The `<article>` element.
 * @csspart title - The headline.
 * @csspart lead - The lead paragraph (sapo).
 * @csspart meta - Date, author, category and reading time.
 * @csspart figure - The main image with its caption.
 * @csspart body - The article's body.
 * @csspart error - The failure message.
 * @csspart retry - The "try again" button.
 *
 * @cssproperty --pw-color-text - Body text colour (default: the page's own).
 * @cssproperty --pw-color-muted - Meta line and captions (default: the page's text colour).
 * @cssproperty --pw-color-accent - Links and the headline (default: the page's text colour).
 * @cssproperty --pw-color-surface - Background of the skeleton and focus ring gap (default #fff).
 * @cssproperty --pw-color-focus - Focus outline colour (default #0b5394).
 * @cssproperty --pw-article-title-size - Headline size (default 1.75em).
 * @cssproperty --pw-article-measure - Maximum line length (default none: the column's width).
 */
export class ArticleView extends BackendElement {
  static override styles = [
    hostStyles,
    fetchStateStyles,
    articleViewStyles,
    unsafeCSS(READING_STYLES),
  ];
  protected override largerText = '.title';

  static override properties: PropertyDeclarations = {
    headingLevel: { attribute: 'heading-level', type: Number, reflect: true },
    jsonLd: { attribute: 'json-ld', type: Boolean, reflect: true },
  };

  /** The headline's level: 1 by default, 2 when placed under the portal's own h1. */
  headingLevel = 1;

  /** Adds the article's schema.org `NewsArticle` JSON-LD to the page's head. */
  jsonLd = false;

  /** Whether the portal printed the article inside the element (no fetch then). */
  private prerendered = false;
  private jsonLdScript: HTMLScriptElement | undefined;
  private renderedBody: ShownArticle | undefined;

  private readonly article = new Task(this, {
    task: async ([id], { signal }): Promise<ShownArticle | undefined> => {
      if (this.prerendered) return undefined;
      const client = this.client();
      const code = loadBody();
      // Reported when awaited below, unless the article itself fails first.
      code.catch(() => undefined);
      const article = await client.getArticle(String(id), { signal });
      if (article.bodyHtml.length > MAX_BODY_CHARACTERS) {
        console.error(
          `Portal Widgets: article ${article.id}: a body of ${article.bodyHtml.length} characters, not shown.`,
        );
        throw new BodyTooLargeError();
      }
      // Sanitised within the task: a failure shows the error state, a stale answer is dropped.
      const body = await (
        await code
      ).showableBody(article.bodyHtml, client.base, this.level, this.strings(STRINGS).table);
      return { article, body };
    },
    args: () => [this.articleId, this.api, this.backend, this.site] as const,
    onComplete: (shown) => {
      if (shown) this.emit(new ArticleLoadEvent(shown.article));
    },
    onError: (error) => this.emit(new ArticleErrorEvent(error)),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.prerendered = [...this.childNodes].some(
      (node) => node.nodeType === Node.ELEMENT_NODE || node.textContent?.trim(),
    );
    if (!printSheetAdopted) {
      printSheetAdopted = true;
      adoptDocumentSheet(PRINT_ALONE);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.jsonLdScript?.remove();
    this.jsonLdScript = undefined;
  }

  /**
   * What read-aloud reads: the shown article with its headline, lead and body, in that order
   * (the portal's own content when it printed the article inside); no parts while loading.
   */
  readingContent(): { article?: Article; parts: Element[] } {
    if (this.prerendered) return { parts: [this] };
    const shown = this.article.value;
    const parts = this.renderRoot.querySelectorAll('.title,.lead,.body');
    return shown && shown === this.renderedBody
      ? { article: shown.article, parts: [...parts] }
      : { parts: [] };
  }

  private get level(): number {
    if (Number.isInteger(this.headingLevel) && this.headingLevel >= 1 && this.headingLevel <= 6) {
      return this.headingLevel;
    }
    reportBadSetting(
      '<article-view heading-level',
      String(this.headingLevel),
      'Use 1 to 6. Using 1.',
    );
    return 1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const shown = this.article.value;
    if (!shown || shown === this.renderedBody) return;
    const target = this.renderRoot.querySelector('[part="body"]');
    if (target) {
      this.renderedBody = shown;
      target.replaceChildren(shown.body);
      this.updateJsonLd(shown);
    }
  }

  private updateJsonLd({ article }: ShownArticle): void {
    this.jsonLdScript?.remove();
    this.jsonLdScript = undefined;
    if (!this.jsonLd) return;
    const data = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      description: article.lead,
      datePublished: article.publishedAt,
      dateModified: article.updatedAt,
      inLanguage: article.lang,
      ...(article.image ? { image: [article.image.url] } : {}),
      ...(article.author ? { author: [{ '@type': 'Person', name: article.author }] } : {}),
      ...(article.url ? { mainEntityOfPage: article.url } : {}),
    };
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    // "<" escaped, so a title cannot close the script element.
    const json = JSON.stringify(data).replace(/</g, '\\u003c');
    (script as unknown as { text: unknown }).text = trustedPolicy()?.createScript(json) ?? json;
    document.head.append(script);
    this.jsonLdScript = script;
  }

  private renderMeta(article: Article) {
    const strings = this.strings(STRINGS);
    const date = new Date(article.publishedAt);
    const parts = [
      Number.isNaN(date.getTime())
        ? html`<span>${article.publishedAt}</span>`
        : html`<time datetime=${article.publishedAt}>${this.formatDate(date)}</time>`,
      article.author ? html`<span>${strings.by}: ${article.author}</span>` : nothing,
      article.category ? html`<span>${article.category.name}</span>` : nothing,
      html`<span>${article.readingMinutes} ${strings.minutes}</span>`,
    ];
    return html`<p part="meta" class="meta">${parts}</p>`;
  }

  private renderArticle({ article }: ShownArticle) {
    return html`<article part="article" lang=${article.lang || nothing} aria-busy="false">
      ${heading(this.level, 'title', article.title)}
      ${article.lead ? html`<p part="lead" class="lead">${article.lead}</p>` : nothing}
      ${this.renderMeta(article)}
      ${
        article.image
          ? html`<figure part="figure" class="figure">
              <img
                src=${article.image.url}
                alt=${article.image.alt}
                loading="lazy"
                decoding="async"
              />
              ${article.image.caption ? html`<figcaption>${article.image.caption}</figcaption>` : nothing}
            </figure>`
          : nothing
      }
      <div part="body" class="body"></div>
    </article>`;
  }

  protected override describeError(error: unknown): { message: string; retry: boolean } {
    // By name: article-body.js, a file of its own, throws its own copies of these classes.
    const name = (error as Error | undefined)?.name;
    if (name === 'SanitizerMissingError') {
      const file = (error as SanitizerMissingError).url.replace(/^.*\//, '');
      return { message: this.strings(STRINGS).noSanitizer(file), retry: true };
    }
    if (error instanceof BodyTooLargeError)
      return { message: this.strings(STRINGS).tooLarge, retry: false };
    // Trying again cannot help: only the page's rules can change.
    if (name === 'TrustedTypesRefusedError')
      return { message: this.strings(STRINGS).policyRefused, retry: false };
    return super.describeError(error);
  }

  protected override render() {
    if (this.prerendered) return html`<slot></slot>`;
    return this.article.render({
      initial: () => this.renderSkeleton(),
      pending: () => this.renderSkeleton(),
      complete: (shown) => (shown ? this.renderArticle(shown) : nothing),
      error: (error) => this.renderError(error, () => void this.retry(this.article)),
    });
  }

  private renderSkeleton() {
    return html`<article part="article" class="skeleton" aria-busy="true">
      <p class="visually-hidden" role="status">${this.strings(STRINGS).loading}</p>
      <div class="bone title-bone"></div>
      <div class="bone title-bone short"></div>
      <div class="bone line"></div>
      <div class="bone line"></div>
      <div class="bone figure-bone"></div>
      ${Array.from({ length: 6 }, () => html`<div class="bone line"></div>`)}
    </article>`;
  }
}
