import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ArticleRepository } from '../repository.js';
import { DEFAULT_SITE, type SiteOrigins } from '../sites.js';
import { sendError } from './errors.js';

/** The site a request is about, and what pages may do on it. */
export class SiteScope {
  private readonly publicOrigin: string | undefined;
  /** Sites seen in the database; one is never removed while the server runs. */
  private readonly known = new Set<string>([DEFAULT_SITE]);

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
