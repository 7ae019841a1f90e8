import type { Article } from '../article.js';

/** Options of {@link buildJsonLd}. */
export interface JsonLdOptions {
  /** schema.org type of the page: `BlogPosting` for a blog, `Article` otherwise (default: `'Article'`). */
  type?: 'Article' | 'BlogPosting';
}

/** Google ignores headlines longer than this (Article structured data guidelines). */
const MAX_HEADLINE_LENGTH = 110;

const DEFAULT_LOCALE = 'fr-FR';

/**
 * Builds the schema.org structured data of an article, for a `<script type="application/ld+json">`.
 * Absent metadata leaves its fields out rather than writing `null`.
 */
export function buildJsonLd(article: Article, options: JsonLdOptions = {}): Record<string, unknown> {
  const { metadata } = article;
  const jsonLd: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': options.type ?? 'Article',
  };
  const headline = cutAtWord(metadata.title.trim(), MAX_HEADLINE_LENGTH);
  if (headline) jsonLd.headline = headline;
  if (metadata.description) jsonLd.description = metadata.description;
  jsonLd.inLanguage = metadata.locale || DEFAULT_LOCALE;
  jsonLd.wordCount = metadata.wordCount;
  const keywords = uniqueKeywords([metadata.keyphrase, ...metadata.keywords]);
  if (keywords.length > 0) jsonLd.keywords = keywords.join(', ');
  if (metadata.url) {
    jsonLd.mainEntityOfPage = { '@type': 'WebPage', '@id': metadata.url };
    jsonLd.url = metadata.url;
  }
  if (metadata.date) {
    jsonLd.datePublished = metadata.date;
    // We know of no later revision: the article is as modified as it is published.
    jsonLd.dateModified = metadata.date;
  }
  if (metadata.image) {
    // Google reads `image` for the Article rich result; the alt text is the image's caption.
    jsonLd.image = {
      '@type': 'ImageObject',
      url: absoluteImageUrl(metadata.image.url, metadata.url),
      ...(metadata.image.alt ? { caption: metadata.image.alt } : {}),
    };
  }
  if (metadata.author) {
    jsonLd.author = {
      '@type': 'Person',
      name: metadata.author,
      ...(metadata.authorUrl ? { url: metadata.authorUrl } : {}),
    };
  }
  if (metadata.siteName) {
    jsonLd.publisher = {
      '@type': 'Organization',
      name: metadata.siteName,
      ...(metadata.siteLogo ? { logo: { '@type': 'ImageObject', url: metadata.siteLogo } } : {}),
    };
  }
  return jsonLd;
}

/**
 * The image as an absolute address when it can be one: a path is resolved against the canonical URL
 * (Open Graph and schema.org want absolute addresses). Without a canonical URL it stays as written.
 */
export function absoluteImageUrl(image: string, canonicalUrl: string | undefined): string {
  if (/^https?:\/\//i.test(image) || canonicalUrl === undefined) return image;
  try {
    return new URL(image, canonicalUrl).href;
  } catch {
    return image;
  }
}

/** Characters that could close the `<script>` element or break a JavaScript parser, as JSON escapes. */
const SCRIPT_UNSAFE_CHARACTERS: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * Serializes a value as JSON that is safe inside `<script type="application/ld+json">`: `</script>`
 * or `<!--` in a string cannot end the element. These characters only occur inside JSON strings, where
 * `\u003c` means the same thing, so the result parses back to the same value.
 */
export function serializeJsonLd(value: unknown): string {
  // `JSON.stringify(undefined)` is `undefined`, not a string.
  const json = JSON.stringify(value) ?? 'null';
  return json.replace(/[<>&\u2028\u2029]/g, (character) => SCRIPT_UNSAFE_CHARACTERS[character] ?? character);
}

/**
 * Cuts text to at most `maxLength` characters (code points) at a word boundary. Only ordinary spaces
 * separate words: a non-breaking space binds « 100 000 » or « : » and is never a cut point.
 */
function cutAtWord(text: string, maxLength: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) return text;
  const next = characters[maxLength] ?? '';
  let end = maxLength;
  if (!/[ \t\r\n]/.test(next)) {
    const lastSpace = characters
      .slice(0, maxLength)
      .findLastIndex((character) => /[ \t\r\n]/.test(character));
    // One word longer than the limit: cut inside it rather than return nothing.
    if (lastSpace > 0) end = lastSpace;
  }
  return characters
    .slice(0, end)
    .join('')
    .replace(/[\s,;:–—-]+$/u, '');
}

/** Keyphrase first, then the keywords, without blanks or case-insensitive repeats. */
function uniqueKeywords(candidates: readonly string[]): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const candidate of candidates) {
    const keyword = candidate.trim();
    // Unicode's default lowercasing is French's (only Turkish, Azeri and Lithuanian differ), and cheaper.
    const key = keyword.toLowerCase();
    if (!keyword || seen.has(key)) continue;
    seen.add(key);
    keywords.push(keyword);
  }
  return keywords;
}

/** A question heading of the article and the paragraph that answers it. */
export interface FaqEntry {
  question: string;
  answer: string;
}

/** schema.org `FAQPage` for the article's question headings (only with `--faq`). */
export function buildFaqJsonLd(entries: readonly FaqEntry[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: entries.map((entry) => ({
      '@type': 'Question',
      name: entry.question,
      acceptedAnswer: { '@type': 'Answer', text: entry.answer },
    })),
  };
}
