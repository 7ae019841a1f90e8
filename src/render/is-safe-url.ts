/**
 * Schemes a link or an image of a published article may use; anything else (`javascript:`, `data:`,
 * `vbscript:`…) is dropped.
 */
const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Whether a URL is safe to publish in `href` or `src`: relative URLs and fragments, or an absolute URL
 * with an allowed scheme. Reads the URL the way a browser does, so `  JavaS\tcript:` is still `javascript:`.
 */
export function isSafeUrl(url: string): boolean {
  const normalized = stripLeadingControls(url.replace(/[\t\n\r]/g, ''));
  const colon = normalized.indexOf(':');
  if (colon === -1) return true;
  // A colon after `/`, `?` or `#` belongs to the path, query or fragment of a relative URL.
  const delimiter = normalized.search(/[/?#]/);
  if (delimiter !== -1 && delimiter < colon) return true;
  return SAFE_PROTOCOLS.has(normalized.slice(0, colon).toLowerCase());
}

/** Browsers strip C0 controls and spaces before the scheme. */
function stripLeadingControls(value: string): string {
  let start = 0;
  while (start < value.length && value.charCodeAt(start) <= 0x20) start += 1;
  return value.slice(start);
}
