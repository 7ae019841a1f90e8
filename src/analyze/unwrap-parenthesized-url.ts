/**
 * « [texte]((http://exemple.fr)) »: some authors wrap the URL in a second pair of parentheses, and
 * Markdown then reads the URL as `(http://exemple.fr)`, which no browser follows. The URL inside is what
 * the author meant: an outbound link to keep, not an unsafe one to drop.
 */
export function unwrapParenthesizedUrl(url: string): string {
  const trimmed = url.trim();
  const inner = /^\(\s*([a-z][a-z0-9+.-]*:[^()\s]*|\/\/[^()\s]*)\s*\)$/i.exec(trimmed);
  return inner ? (inner[1] as string) : trimmed;
}
