import type { Document } from './document.js';
import { isValidSlug } from './plan/slug-rule.js';

/** Longest URL kept: browsers and servers commonly stop near 2,000 characters. */
const MAX_URL_LENGTH = 2048;

/**
 * Whether `value` is an absolute http or https address, as a browser reads it: `javascript:`,
 * `data:`, relative paths and text with spaces or control characters are refused. The one check
 * for the canonical URL of every origin (flag, front matter, the page's `<link rel=canonical>`).
 */
export function isHttpUrl(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (value.length > MAX_URL_LENGTH || /[\s\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === 'http:' || protocol === 'https:') && hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Whether `value` can name an image: an http(s) address, or a path without a scheme (`/img/a.jpg`,
 * `images/a.jpg`). `javascript:`, `data:` and control characters are refused.
 */
export function isImageReference(value: string): boolean {
  if (isHttpUrl(value)) return true;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (value.length === 0 || value.length > MAX_URL_LENGTH || /[\u0000-\u001f\u007f]/.test(value))
    return false;
  // A scheme is letters then `:` before any `/`; a Windows drive letter (`C:`) is a path.
  return !/^[a-z][a-z0-9+.-]+:/i.test(value);
}

/** `YYYY-MM-DD`, optionally `THH:MM`, `:SS`, fractions and a `Z` or `±HH:MM` offset. */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * Whether `value` is an ISO 8601 date (and time) that exists on a calendar and a clock:
 * `2024-02-29` yes, `2023-02-29`, `2024-99-99` and `2024-02-03T99:99:99Z` no. The one check
 * for the publication date of every origin (flag, front matter, `article:published_time`).
 */
export function isValidDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return false;
  }
  const within = (part: string | undefined, maximum: number) => part === undefined || Number(part) <= maximum;
  return (
    within(match[4], 23) &&
    within(match[5], 59) &&
    within(match[6], 59) &&
    within(match[8], 14) &&
    within(match[9], 59)
  );
}

/**
 * The document with the metadata it brought that cannot be published taken out, and a French
 * warning for each: a canonical URL that is not http(s), a date that is not a real ISO date, a
 * slug from a page that is not a valid slug (the plan then builds one). Values imposed by the
 * user (options, front matter slug) are refused earlier, with an error.
 */
export function checkSourceMetadata(document: Document): { document: Document; warnings: string[] } {
  const metadata = { ...document.metadata };
  const warnings: string[] = [];
  const origin = document.format === 'markdown' ? 'du front matter' : 'de la source';
  if (metadata.url !== undefined && !isHttpUrl(metadata.url)) {
    warnings.push(
      `URL canonique ${origin} ignorée : « ${quote(metadata.url)} » n’est pas une adresse http(s).`,
    );
    delete metadata.url;
  }
  if (metadata.date !== undefined && !isValidDate(metadata.date)) {
    warnings.push(
      `Date ${origin} ignorée : « ${quote(metadata.date)} » n’est pas une date ISO réelle (AAAA-MM-JJ).`,
    );
    delete metadata.date;
  }
  if (metadata.image !== undefined && !isImageReference(metadata.image)) {
    warnings.push(
      `Image ${origin} ignorée : « ${quote(metadata.image)} » n’est ni une adresse http(s) ni un chemin.`,
    );
    delete metadata.image;
  }
  if (metadata.slug !== undefined && !isValidSlug(metadata.slug)) {
    warnings.push(`Slug ${origin} ignoré : « ${quote(metadata.slug)} » n’est pas un slug valide.`);
    delete metadata.slug;
  }
  return { document: { ...document, metadata }, warnings };
}

/** At most 80 characters of what the source gave, control characters shown as `?`. */
export function quote(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced.
  const visible = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return visible.length <= 80 ? visible : `${visible.slice(0, 79)}…`;
}
