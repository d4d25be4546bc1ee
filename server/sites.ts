/** The site the paths without one (`/api/v1/articles/12`) serve: every article from before sites. */
export const DEFAULT_SITE = 'default';

/** A site id as pages write it: lowercase letters, digits and inner hyphens (`xa-hoa-binh`). */
export const SITE_ID_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$';

const siteId = new RegExp(SITE_ID_PATTERN);

export function isSiteId(value: unknown): value is string {
  return typeof value === 'string' && siteId.test(value);
}

/** What the server needs to know of a site at run time; the sites file lists them. */
export interface SiteSettings {
  id: string;
  name: string;
  /** Origins (scheme://host[:port]) whose pages may vote and read as a voter on this site. */
  origins: string[];
}

/**
 * Which pages may act on which site. The default site also takes ALLOWED_ORIGINS; a reload
 * replaces the list at once, between two requests.
 */
export class SiteOrigins {
  private bySite = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly defaultOrigins: readonly string[] = [],
    sites: readonly SiteSettings[] = [],
  ) {
    this.update(sites);
  }

  update(sites: readonly SiteSettings[]): void {
    const bySite = new Map<string, ReadonlySet<string>>([
      [DEFAULT_SITE, new Set(this.defaultOrigins)],
    ]);
    for (const site of sites) {
      bySite.set(site.id, new Set([...(bySite.get(site.id) ?? []), ...site.origins]));
    }
    this.bySite = bySite;
  }

  /** Whether the sites file (or ALLOWED_ORIGINS, for the default site) names the site at all. */
  lists(site: string): boolean {
    return this.bySite.has(site);
  }

  sites(): string[] {
    return [...this.bySite.keys()];
  }

  allows(site: string, origin: string): boolean {
    return this.bySite.get(site)?.has(origin) ?? false;
  }
}
