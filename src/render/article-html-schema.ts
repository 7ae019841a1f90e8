import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * What an article body may contain once rendered to HTML, as a `rehype-sanitize` allow-list:
 * GitHub's schema (the elements and attributes Markdown and GFM produce) plus our boxes
 * (`<aside class="essentiel">`) and class names. Anything else, raw HTML included, is dropped;
 * URLs keep only these schemes, relative URLs pass.
 */
export const ARTICLE_HTML_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []),
    'aside',
    'figure',
    'figcaption',
    'abbr',
    'cite',
    'mark',
    'time',
  ],
  attributes: {
    ...defaultSchema.attributes,
    // Class names and labels style and name things; they run nothing.
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'ariaLabel'],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
  // Ids are ours (headings, footnotes) and the page runs no script: no prefix, anchors keep working.
  clobber: [],
  clobberPrefix: '',
  // Dropped with their content (other elements not allowed keep their text): code or non-text.
  strip: [
    'script',
    'style',
    'template',
    'noscript',
    'textarea',
    'title',
    'svg',
    'math',
    'select',
    'iframe',
    'object',
  ],
};
