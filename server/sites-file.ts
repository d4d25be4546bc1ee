import { readFile } from 'node:fs/promises';
import type { ImportFormat } from './import/import.js';
import { DEFAULT_SITE, isSiteId, type SiteSettings } from './sites.js';

/** Where a site's articles come from, and how often they are read again. */
export interface SourceSettings {
  format: ImportFormat;
  /** An http(s) address, or a file on the server. */
  location: string;
  everyMs: number;
}

export interface SiteFileEntry extends SiteSettings {
  sources: SourceSettings[];
}

/** A sites file that cannot be used: every mistake, each with its line, site and field. */
export class SitesFileError extends Error {
  constructor(
    readonly file: string,
    readonly mistakes: string[],
  ) {
    super(
      `${file} has ${mistakes.length} mistake(s), nothing was changed:\n  ${mistakes.join('\n  ')}`,
    );
  }
}

const FORMATS: readonly ImportFormat[] = ['nukeviet', 'wordpress', 'rss', 'json'];
const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const DEFAULT_EVERY = 30 * 60_000;

/** `15m`, `2h`, `1d`: at least five minutes, at most a week. */
function durationMs(text: string): number | undefined {
  const match = /^(\d{1,4})\s*([mhd])$/.exec(text);
  if (!match) return undefined;
  const ms = Number(match[1]) * UNITS[match[2]];
  return ms >= 5 * 60_000 && ms <= 7 * UNITS.d ? ms : undefined;
}

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return /^https?:$/.test(url.protocol) && url.origin === text;
  } catch {
    return false;
  }
}

/**
 * Reads a sites file: `[site-id]` sections of `key = value` lines, `#` comments.
 *
 * ```
 * every = 30m                      # before any section: the default for every source
 * [xa-hoa-binh]
 * name = Xã Hòa Bình
 * origins = https://xahoabinh.example.gov.vn, https://www.xahoabinh.example.gov.vn
 * source = nukeviet https://xahoabinh.example.gov.vn/index.php?language=vi&nv=news&op=rss
 * every = 15m                      # this site's sources
 * ```
 *
 * Every mistake is collected, then all are thrown together: a file is used whole or not at all.
 */
export function parseSitesFile(text: string, file = 'sites file'): SiteFileEntry[] {
  const mistakes: string[] = [];
  const sites: (SiteFileEntry & { line: number; every?: number })[] = [];
  let defaultEvery = DEFAULT_EVERY;
  let current: (typeof sites)[number] | undefined;
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!content) return;
    const where = current ? `${file}:${line}: site ${current.id}` : `${file}:${line}`;
    const section = /^\[(.*)\]$/.exec(content);
    if (section) {
      const id = section[1].trim();
      if (!isSiteId(id)) {
        mistakes.push(
          `${file}:${line}: [${id}] is not a site id: lowercase letters, digits and hyphens, e.g. [xa-hoa-binh]`,
        );
      } else if (seen.has(id)) {
        mistakes.push(
          `${file}:${line}: site ${id} is listed twice (first on line ${seen.get(id)})`,
        );
      }
      seen.set(id, seen.get(id) ?? line);
      current = { id, name: '', origins: [], sources: [], line };
      sites.push(current);
      return;
    }
    const pair = /^([a-z]+)\s*=\s*(.*)$/.exec(content);
    if (!pair) {
      mistakes.push(`${where}: "${content.slice(0, 60)}" is not "key = value" nor a [site-id]`);
      return;
    }
    const [, key, value] = pair;
    if (key === 'every') {
      const ms = durationMs(value);
      if (ms === undefined) {
        mistakes.push(
          `${where}: every: "${value}" is not a duration from 5m to 7d, e.g. 30m, 2h, 1d`,
        );
      } else if (current) current.every = ms;
      else defaultEvery = ms;
      return;
    }
    if (!current) {
      mistakes.push(`${file}:${line}: ${key}: only "every" may come before the first [site-id]`);
      return;
    }
    switch (key) {
      case 'name':
        if (!value) mistakes.push(`${where}: name: empty`);
        current.name = value;
        return;
      case 'origins':
        for (const origin of value.split(',').map((part) => part.trim())) {
          if (isOrigin(origin)) current.origins.push(origin);
          else
            mistakes.push(
              `${where}: origins: "${origin}" is not an origin: scheme://host[:port] with no path, e.g. https://xahoabinh.example.gov.vn`,
            );
        }
        return;
      case 'source': {
        const [format = '', location = '', extra] = value.split(/\s+/);
        if (!FORMATS.includes(format as ImportFormat) || !location || extra !== undefined) {
          mistakes.push(
            `${where}: source: "${value}" is not "<format> <address>", format one of ${FORMATS.join(', ')}`,
          );
        } else if (format !== 'json' && !/^https?:\/\/[^/\s]+/.test(location)) {
          mistakes.push(
            `${where}: source: a ${format} source is an http(s) address, not "${location}"`,
          );
        } else {
          current.sources.push({ format: format as ImportFormat, location, everyMs: 0 });
        }
        return;
      }
      default:
        mistakes.push(`${where}: "${key}" is not a setting: use name, origins, source or every`);
    }
  });
  for (const site of sites) {
    if (!site.name && site.id !== DEFAULT_SITE) {
      mistakes.push(`${file}:${site.line}: site ${site.id}: name: missing (name = Xã …)`);
    }
    for (const source of site.sources) source.everyMs = site.every ?? defaultEvery;
  }
  if (mistakes.length) throw new SitesFileError(file, mistakes);
  return sites.map(({ id, name, origins, sources }) => ({ id, name, origins, sources }));
}

export async function readSitesFile(path: string): Promise<SiteFileEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SitesFileError(path, [`${path}: cannot be read (${(error as Error).message})`]);
  }
  return parseSitesFile(text, path);
}
