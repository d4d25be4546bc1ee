/**
 * A time from NukeViet's `article:published_time` / `article:modified_time` meta tags, as an ISO
 * string, or undefined when it cannot be read. NukeViet 4.5 prints them with PHP's `T` (the zone)
 * where ISO's "T" belongs: `2026-12-06+0708:00:00` is 08:00 at +07:00. Those tags are read first
 * because the page's `itemprop="datePublished"` holds the last edit, not the publication.
 */
export function nukevietTime(value: string | null | undefined): string | undefined {
  const text = value?.trim() ?? '';
  const printed = /^(\d{4}-\d\d-\d\d)(?:([+-])(\d\d):?(\d\d)?|UTC|GMT)(\d\d:\d\d:\d\d)$/.exec(text);
  const iso = printed
    ? `${printed[1]}T${printed[5]}${printed[2] ? `${printed[2]}${printed[3]}:${printed[4] ?? '00'}` : 'Z'}`
    : text;
  // Only a full date and time with its zone: a bare date would be read in the reader's zone.
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?(\.\d+)?(Z|[+-]\d\d:?\d\d)$/.test(iso)) return undefined;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? undefined : iso;
}
