import { html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { BackendConfigError, clientFor, whenRegistered } from '../backend/registry.js';
import type { BackendClient } from '../backend/client.js';
import { BackendError } from '../backend/errors.js';
import { formatDate, type Translations } from '../core/lang.js';
import { PortalElement } from './portal-element.js';
import { emptyMeansNoAttribute } from './portal-widget.js';
import { reportBadSetting } from '../core/config.js';

const STRINGS: Translations<{
  retry: string;
  config: string;
  missingId: string;
  notFound: string;
  serverError: (status: number) => string;
  notJson: string;
  noAnswer: string;
  offline: string;
  failed: string;
}> = {
  vi: {
    retry: 'Thử lại',
    config: 'Chưa cấu hình nguồn dữ liệu. Xem thông báo trong bảng điều khiển của trình duyệt.',
    missingId: 'Thiếu mã bài viết (article-id).',
    notFound: 'Không tìm thấy bài viết.',
    serverError: (status) =>
      `Máy chủ dữ liệu đang gặp sự cố (lỗi ${status}). Vui lòng thử lại sau ít phút.`,
    notJson:
      'Máy chủ trả về một trang web thay vì dữ liệu (có thể đang bảo trì). Vui lòng thử lại sau.',
    noAnswer: 'Máy chủ dữ liệu không trả lời. Vui lòng thử lại sau.',
    offline: 'Thiết bị đang mất kết nối mạng. Hãy kiểm tra kết nối Internet rồi thử lại.',
    failed: 'Không tải được dữ liệu. Vui lòng thử lại.',
  },
  en: {
    retry: 'Try again',
    config: 'No data source is configured. See the message in the browser console.',
    missingId: 'The article id (article-id) is missing.',
    notFound: 'Article not found.',
    serverError: (status) =>
      `The data server has a problem (error ${status}). Please try again in a few minutes.`,
    notJson:
      'The server sent a web page instead of the data (it may be under maintenance). Please try again later.',
    noAnswer: 'The data server did not answer. Please try again later.',
    offline: 'This device is offline. Check the Internet connection and try again.',
    failed: 'The data could not be loaded. Please try again.',
  },
};

const explained = new Set<string>();

/**
 * Tells the webmaster, once per cause, what went wrong and what usually fixes it; the visitor
 * sees the short message in the element.
 */
function explainInConsole(error: unknown): void {
  if (!(error instanceof BackendError) || explained.has(error.message)) return;
  explained.add(error.message);
  // A request that got no answer at all is what a missing CORS permission looks like.
  const hint =
    error.code === 'network' && error.status === undefined
      ? ` If the API is on another site, add ${location.origin} to ALLOWED_ORIGINS on the server.`
      : '';
  console.warn(`Portal Widgets: ${error.message}.${hint}`);
}

/** Base of the elements that read an article from the configured backend. */
export class BackendElement extends PortalElement {
  static override properties: PropertyDeclarations = {
    articleId: { attribute: 'article-id', reflect: true, converter: emptyMeansNoAttribute },
    api: { reflect: true },
    backend: { reflect: true },
    site: { reflect: true },
  };

  /** The article, by its id at the backend. */
  articleId = '';

  /** This element's own backend address; otherwise the page's (`data-api` on the script tag). */
  api?: string;

  /** This element's own adapter name; otherwise the page's (`data-backend`, default `rest`). */
  backend?: string;

  /**
   * This element's own site on a server that serves several portals (`xa-hoa-binh`); otherwise
   * the page's (`data-site` on the script tag).
   */
  site?: string;

  /** A publication date in the element's language: 26/11/2026, or November 26, 2026. */
  protected formatDate(date: Date): string {
    return formatDate(date, this.uiLang);
  }

  /** The shared client, or throws BackendConfigError (already reported in the console). */
  protected client(): BackendClient {
    if (!this.articleId) {
      reportBadSetting(
        `<${this.localName} article-id`,
        '',
        'Give the id of the article, e.g. article-id="123".',
      );
      throw new BackendConfigError('article-id is missing');
    }
    return clientFor(this);
  }

  /** The visitor-facing words for a failure, and whether trying again can help. */
  protected describeError(error: unknown): { message: string; retry: boolean } {
    const strings = this.strings(STRINGS);
    if (error instanceof BackendConfigError) {
      return { message: this.articleId ? strings.config : strings.missingId, retry: false };
    }
    // An address that is not the API at all (a 404 in no API's words): set-up, not bad luck.
    if (error instanceof BackendError && error.code === 'bad-response' && error.status === 404) {
      return { message: strings.config, retry: false };
    }
    if (error instanceof BackendError && error.code === 'not-found') {
      return { message: strings.notFound, retry: false };
    }
    // The browser knows it has no network: say so, whatever the request saw.
    if (!navigator.onLine) return { message: strings.offline, retry: true };
    if (error instanceof BackendError && error.status !== undefined && error.status >= 500) {
      return { message: strings.serverError(error.status), retry: true };
    }
    if (error instanceof BackendError && error.code === 'bad-response') {
      return { message: strings.notJson, retry: true };
    }
    // No answer at all: the server is down or unreachable, or refused this site (CORS).
    if (error instanceof BackendError && (error.code === 'network' || error.code === 'timeout')) {
      return { message: strings.noAnswer, retry: true };
    }
    return { message: strings.failed, retry: true };
  }

  /**
   * "Thử lại" (WCAG 2.4.3): runs `task` again and keeps focus inside the element rather than
   * letting it fall to <body> with the removed button: on the loading state, then on the new
   * content's heading, or on the new retry button when it failed again.
   */
  protected async retry(task: { run(): Promise<void> }): Promise<void> {
    const finished = task.run();
    await this.updateComplete;
    this.focusAfterRetry();
    await finished;
    await this.updateComplete;
    this.focusAfterRetry();
  }

  private focusAfterRetry(): void {
    this.focusOn(this.retryFocusTarget());
  }

  /**
   * Where focus goes while and after "Thử lại" runs: the new retry button when it failed again,
   * otherwise the loading state or the new content's heading. Elements with controls to offer
   * name their own.
   */
  protected retryFocusTarget(): HTMLElement | null {
    return (
      this.renderRoot.querySelector<HTMLElement>('[part~="retry"]') ??
      this.renderRoot.querySelector<HTMLElement>('h1, h2, h3, h4, h5, h6, [aria-busy="true"]')
    );
  }

  /** Focuses a control, or words made focusable by script for this (never by Tab). */
  protected focusOn(target: HTMLElement | null): void {
    if (!target) return;
    if (!target.matches('input, button')) target.tabIndex = -1;
    target.focus();
  }

  /** A failure in a `role="alert"`, with a retry button when trying again can help. */
  protected renderError(error: unknown, retry: () => void) {
    explainInConsole(error);
    // An adapter registered by a script after ours: load again once it is there.
    if (error instanceof BackendConfigError && error.unknownBackend)
      whenRegistered(error.unknownBackend, this, retry);
    const { message, retry: canRetry } = this.describeError(error);
    return html`<div part="error" class="error" role="alert">
      <p>${message}</p>
      ${
        canRetry
          ? html`<button part="retry" type="button" @click=${retry}>
              ${this.strings(STRINGS).retry}
            </button>`
          : nothing
      }
    </div>`;
  }
}
