import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ArticleRepository } from '../repository.js';
import { DEFAULT_SITE, type SiteOrigins } from '../sites.js';
import { sendError } from './errors.js';

/** On the default site's answers: how many sites the server has, when more than one. */
export const SITE_COUNT_HEADER = 'x-portal-sites';

/** The site a request is about, and what pages may do on it. */
export class SiteScope {
  private readonly publicOrigin: string | undefined;
  /** Sites seen in the database; one is never removed while the server runs. */
  private readonly known = new Set<string>([DEFAULT_SITE]);

  /** The sites in the database and in the sites file. */
  get siteCount(): number {
    return new Set([...this.known, ...this.origins.sites()]).size;
  }

  /** Reads the sites from the database again: at start, and when the sites file is reloaded. */
  async refresh(): Promise<void> {
    for (const { id } of await this.repository.sites()) this.known.add(id);
  }

  constructor(
    private readonly repository: ArticleRepository,
    private readonly origins: SiteOrigins,
    publicUrl: string,
  ) {
    this.publicOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  }

  /** The path's site (`/sites/{site}/…`); the paths without one are the default site's. */
  siteOf(request: FastifyRequest): string {
    return (request.params as { site?: string }).site ?? DEFAULT_SITE;
  }

  repositoryFor(request: FastifyRequest): ArticleRepository {
    return this.repository.forSite(this.siteOf(request));
  }

  async exists(site: string): Promise<boolean> {
    if (this.known.has(site)) return true;
    if (!(await this.repository.forSite(site).siteExists())) return false;
    this.known.add(site);
    return true;
  }

  /** A page elsewhere than the site's own origins (or this server's) may not act as a voter. */
  originRefused(request: FastifyRequest): boolean {
    const { origin } = request.headers;
    if (origin === undefined || this.origins.allows(this.siteOf(request), origin)) return false;
    return origin !== (this.publicOrigin ?? `${request.protocol}://${request.host}`);
  }

  refuseOrigin(request: FastifyRequest, reply: FastifyReply, what: string) {
    const site = this.siteOf(request);
    const where =
      site === DEFAULT_SITE
        ? 'ALLOWED_ORIGINS (or the default site in the sites file)'
        : `the origins of site ${site} in the sites file`;
    return sendError(
      reply,
      403,
      'origin-not-allowed',
      `Pages of ${request.headers.origin} may not ${what} on site ${site}: add the portal to ${where}`,
    );
  }
}
