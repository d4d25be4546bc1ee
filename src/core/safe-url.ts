/**
 * An address a backend gave, as the page may use it: absolute, resolved against the backend's
 * own address `base`, and only http(s). Anything else (`javascript:`, `data:`, `vbscript:`,
 * schemes split by tabs or newlines, which the URL parser joins) gives `undefined`.
 */
export function safeUrl(value: string | null | undefined, base: string): string | undefined {
  if (!value?.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
