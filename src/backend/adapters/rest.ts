import { okJson, parseJson, type HttpRequest } from '../http.js';
import { BackendError, type BackendErrorCode } from '../errors.js';
import { RELATED_STRATEGIES } from '../schema.js';
import type { Backend, BackendContext } from '../contract.js';
import { articleFrom, summaryFrom } from '../schema-reader.js';
import { Shape } from '../validate.js';

const TOKEN_HEADER = 'x-voter-token';

/** The API's refusal codes the elements tell apart; any other is 'invalid'. */
const REFUSALS: Record<string, BackendErrorCode> = {
  'already-voted': 'already-voted',
  'rating-closed': 'rating-closed',
  'not-found': 'not-found',
  'rate-limited': 'rate-limited',
  'origin-not-allowed': 'origin-not-allowed',
};

/** Servers of several sites already told about, once per page. */
const sitesExplained = new Set<string>();

/**
 * Our reference widgets API (`/api/v1`): articles, related articles, ratings, and votes with a
 * voter token the server signs and this browser keeps. With a site, its addresses are under
 * `/sites/{site}`; without one, the server's default site.
 */
export function restBackend({ api, http, site }: BackendContext): Backend {
  const root = api.replace(/\/+$/, '');
  const base = site ? `${root}/sites/${encodeURIComponent(site)}` : root;
  // A token is the server's, good on every site it serves.
  const tokenKey = `portal-widgets.voter-token:${root}`;

  /**
   * A page that names no site reads the server's default site: when the server says it has
   * several, that is most likely a missing setting, said once with the setting that fixes it.
   */
  function explainSites(response: Response): void {
    const count = response.headers.get('x-portal-sites');
    if (site || !count || sitesExplained.has(root)) return;
    sitesExplained.add(root);
    console.warn(
      `Portal Widgets: ${root} serves ${count} sites and this page names none (the default site is read): add data-site="…" to the <script> tag.`,
    );
  }

  async function voterToken(signal?: AbortSignal): Promise<string> {
    try {
      const kept = localStorage.getItem(tokenKey);
      if (kept) return kept;
    } catch {
      // Storage blocked: a token for this page view only.
    }
    const url = `${base}/voter-tokens`;
    const response = await http.request(url, { method: 'POST', signal });
    const body = await parseJson<{ token?: unknown }>(response, url);
    if (!response.ok) throw refusal(body, url, response.status);
    const { token } = body;
    if (typeof token !== 'string') throw new BackendError('bad-response', `${url} sent no token`);
    try {
      localStorage.setItem(tokenKey, token);
    } catch {
      // As above.
    }
    return token;
  }

  /**
   * A read. Our API says "not-found" in its own error body, and "no-site" for a site it lacks; a
   * 404 without either means the address is not our API at all, the commonest set-up mistake.
   */
  async function read(url: string, init: HttpRequest): Promise<unknown> {
    const response = await http.request(url, init);
    explainSites(response);
    if (response.status === 404) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null;
      const code = body?.error?.code;
      if (code !== 'not-found') {
        throw new BackendError(
          'bad-response',
          code === 'no-site'
            ? `${String(body?.error?.message)}: check data-site`
            : `${url} answered 404, not as the widgets API does. Check data-api: it is the API's base address, ending in /api/v1`,
          undefined,
          404,
        );
      }
    }
    return okJson(response, url);
  }

  /**
   * A read as this visitor: once they hold a voter token, with it and past every HTTP cache, so
   * the answer counts their own vote; before that, anonymous and publicly cacheable.
   */
  const visitorRead = (signal?: AbortSignal): HttpRequest => {
    let token: string | null = null;
    try {
      token = localStorage.getItem(tokenKey);
    } catch {
      // Storage blocked: no token kept, so nothing of this visitor's to read.
    }
    return token ? { signal, headers: { [TOKEN_HEADER]: token }, cache: 'no-store' } : { signal };
  };

  let originExplained = false;
  /** A vote or token refusal in the API's own words, as a BackendError. */
  function refusal(body: unknown, url: string, status: number): BackendError {
    const error = new Shape(body, url).object('error');
    const summary = error.optionalObject('summary');
    const code = error.string('code');
    if (code === 'origin-not-allowed' && !originExplained) {
      originExplained = true;
      // For the webmaster: the visitor can do nothing about it, the server's operator can.
      console.warn(
        `Portal Widgets: ${base} refuses votes from pages of ${location.origin}. Add ${location.origin} to ${site ? `site ${site}'s origins` : 'ALLOWED_ORIGINS'} on the server.`,
      );
    }
    return new BackendError(
      REFUSALS[code] ?? 'invalid',
      error.string('message'),
      summary?.rating(),
      status,
    );
  }

  return {
    capabilities: { rating: 'write', related: RELATED_STRATEGIES },

    async getArticle(id, { signal } = {}) {
      const url = `${base}/articles/${encodeURIComponent(id)}`;
      return articleFrom(await read(url, visitorRead(signal)), url);
    },

    async getRelated(id, { strategies, limit, signal }) {
      const url = `${base}/articles/${encodeURIComponent(id)}/related?strategy=${strategies.join(',')}&limit=${limit}`;
      const shape = new Shape(await read(url, { signal }), url);
      return shape.array('items').map(summaryFrom);
    },

    async getRating(id, { signal } = {}) {
      const url = `${base}/articles/${encodeURIComponent(id)}/rating`;
      return new Shape(await read(url, visitorRead(signal)), url).rating();
    },

    async rate(id, score, { signal } = {}) {
      const url = `${base}/articles/${encodeURIComponent(id)}/votes`;
      const token = await voterToken(signal);
      const response = await http.request(url, {
        method: 'POST',
        signal,
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify({ score }),
      });
      const body = await parseJson<unknown>(response, url);
      if (response.ok) return new Shape(body, url).rating();
      throw refusal(body, url, response.status);
    },
  };
}
