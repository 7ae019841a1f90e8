import type { Paragraph, Root, Yaml } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument, visit, YAMLParseError } from 'yaml';
import type { Document, SourceMetadata } from '../document.js';
import { cleanMarkdownTree, type HtmlToMdast } from './clean-markdown-tree.js';
import { InputError } from './input-error.js';
import { INPUT_LIMITS, quoteInput } from './input-limits.js';
import { parsePlainMarkdown } from './parse-plain-markdown.js';
import { readPlainFrontMatter } from './plain-front-matter.js';
import { authorFromByline, normalizeSourceDate } from './read-source-metadata.js';
import { unwrapOwnBoxes } from './unwrap-own-boxes.js';

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** Front matter keys read for each metadata field, first found wins (Hugo, Jekyll, Yoast-style exports). */
const FRONT_MATTER_KEYS = {
  title: ['title', 'seo_title', 'seoTitle', 'meta_title', 'metaTitle'],
  description: ['description', 'meta_description', 'metaDescription', 'excerpt'],
  slug: ['slug'],
  keyphrase: ['keyphrase', 'focus_keyphrase', 'focusKeyphrase', 'keyword', 'focus_keyword', 'focusKeyword'],
  synonyms: ['synonyms'],
  keywords: ['keywords'],
  lang: ['lang', 'language', 'locale'],
  url: ['url', 'canonical', 'canonical_url', 'canonicalUrl'],
  author: ['author'],
  date: ['date', 'published', 'publishedAt', 'pubDate'],
  siteName: ['site_name', 'siteName'],
  image: ['image', 'featured_image', 'featuredImage', 'images', 'heroImage', 'cover', 'og_image'],
  imageAlt: ['image_alt', 'imageAlt', 'heroImageAlt'],
} as const satisfies Record<Exclude<keyof SourceMetadata, 'frontMatter'>, readonly string[]>;

/**
 * Keys Plume writes from the article itself: not carried over from a source. `pubDate` and `permalink`
 * are the Astro and Eleventy spellings of the date and slug Plume writes again.
 */
const REWRITTEN_KEYS: ReadonlySet<string> = new Set([
  ...Object.values(FRONT_MATTER_KEYS).flat(),
  'excerpt',
  'summary',
  'lead',
  'chapo',
  'generator',
  'words',
  'constraints_failed',
  'pubDate',
  'permalink',
]);

type FrontMatter = Record<string, unknown>;

/**
 * Parses Markdown (CommonMark + GFM) into a document. YAML front matter becomes metadata and leaves
 * the tree; every node keeps its position in `text`. HTML blocks and tags go through `convertHtml`
 * (see `htmlConverterFor`).
 */
export function parseMarkdownWith(text: string, convertHtml: HtmlToMdast): Document {
  // Plain prose (most batch inputs) skips micromark: the same tree, built directly.
  const tree: Root = parsePlainMarkdown(text) ?? markdownParser.parse(text);
  const frontMatterNode = tree.children.find((node): node is Yaml => node.type === 'yaml');
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  const frontMatter = frontMatterNode ? parseFrontMatter(frontMatterNode) : {};
  const metadata = readMetadata(frontMatter);
  const generatedByPlume = readString(frontMatter.generator)?.startsWith('Plume') === true;
  const others = Object.entries(frontMatter).filter(
    // A draft flag Plume wrote is decided again from the new audit.
    ([key]) => !REWRITTEN_KEYS.has(key) && !(generatedByPlume && (key === 'draft' || key === 'published')),
  );
  if (others.length > 0) metadata.frontMatter = Object.fromEntries(others);
  cleanMarkdownTree(tree, convertHtml);
  // An article Plume wrote: its boxes are built again, not kept as content.
  if (generatedByPlume) unwrapOwnBoxes(tree);
  // The author's title is the article's H1 when the body has none (Hugo, Jekyll and Eleventy print it
  // from the front matter); an SEO title (`seo_title`) is not a headline.
  const headline = readString(frontMatter.title);
  const first = tree.children[0];
  if (headline !== undefined && first !== undefined && !(first.type === 'heading' && first.depth === 1)) {
    // The generator prints the title as the page's H1: `#` headings in the body are its sections.
    for (const node of tree.children) if (node.type === 'heading' && node.depth === 1) node.depth = 2;
    tree.children.unshift({ type: 'heading', depth: 1, children: [{ type: 'text', value: headline }] });
  }
  addExcerpt(tree, frontMatter);
  return { format: 'markdown', tree, metadata };
}

/** Front matter keys of a summary written by the author, often the article's real opening. */
const EXCERPT_KEYS = ['excerpt', 'summary', 'lead', 'chapo'] as const;

/**
 * An excerpt the body does not repeat is the author's opening (Jekyll and Hugo print it above the
 * article): it becomes the first paragraph, after the H1, instead of being dropped.
 */
function addExcerpt(tree: Root, frontMatter: FrontMatter): void {
  const excerpt = EXCERPT_KEYS.map((key) => readString(frontMatter[key])).find(
    (value) => value !== undefined,
  );
  if (excerpt === undefined || tree.children.length === 0) return;
  const comparable = (text: string) =>
    text
      .toLocaleLowerCase('fr')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  if (comparable(mdastToString(tree)).includes(comparable(excerpt))) return;
  const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: excerpt }] };
  const afterTitle = tree.children[0]?.type === 'heading' && tree.children[0].depth === 1 ? 1 : 0;
  tree.children.splice(afterTitle, 0, paragraph);
}

function parseFrontMatter(node: Yaml): FrontMatter {
  const plain = readPlainFrontMatter(node.value);
  if (plain !== undefined) return plain;
  let value: unknown;
  try {
    const yamlDocument = parseDocument(node.value);
    const [firstError] = yamlDocument.errors;
    if (firstError) throw firstError;
    // Aliases are counted before they are expanded: a few of them nested can expand into billions of nodes.
    let aliasCount = 0;
    visit(yamlDocument, {
      Alias: () => {
        aliasCount += 1;
      },
    });
    if (aliasCount > INPUT_LIMITS.maxYamlAliases) {
      throw new InputError(
        'too-complex',
        `Front matter YAML refusé : ${aliasCount} alias (au plus ${INPUT_LIMITS.maxYamlAliases}) ; écrivez les valeurs en clair.`,
      );
    }
    value = yamlDocument.toJS({ maxAliasCount: INPUT_LIMITS.maxYamlAliases * 10 });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    // Report the line in the file, not in the front matter: it starts one line after `---`.
    const yamlLine = error.linePos?.[0]?.line;
    const fileLine = yamlLine !== undefined ? yamlLine + (node.position?.start.line ?? 1) : undefined;
    const reason = quoteInput(
      (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, ''),
      200,
    );
    const where = fileLine !== undefined ? ` ligne ${fileLine}` : '';
    throw new InputError('unreadable', `Front matter YAML invalide${where} : ${reason}.`, { cause: error });
  }
  // A front matter that is a list or a lone scalar carries no named fields.
  return isRecord(value) ? value : {};
}

function readMetadata(frontMatter: FrontMatter): SourceMetadata {
  const metadata: SourceMetadata = {};
  const pick = (keys: readonly string[]): unknown => {
    for (const key of keys) {
      const value = frontMatter[key];
      if (value !== undefined && value !== null && value !== '') return value;
    }
    return undefined;
  };
  const assign = <Key extends keyof SourceMetadata>(key: Key, value: SourceMetadata[Key] | undefined) => {
    if (value !== undefined) metadata[key] = value;
  };

  assign('title', readString(pick(FRONT_MATTER_KEYS.title)));
  assign('description', readString(pick(FRONT_MATTER_KEYS.description)));
  assign('slug', readString(pick(FRONT_MATTER_KEYS.slug)));
  assign('keyphrase', readString(pick(FRONT_MATTER_KEYS.keyphrase)));
  assign('synonyms', readStringList(pick(FRONT_MATTER_KEYS.synonyms)));
  assign('keywords', readStringList(pick(FRONT_MATTER_KEYS.keywords)));
  // WordPress-style locales (`fr_FR`) become BCP 47 tags (`fr-FR`).
  assign('lang', readString(pick(FRONT_MATTER_KEYS.lang))?.replace(/_/g, '-'));
  // A Hugo or Jekyll `url: /posts/x/` is the page's path on its site, not a canonical URL.
  const url = readString(pick(FRONT_MATTER_KEYS.url));
  // Kept as written: the shared URL check drops a path or an unsafe scheme with a warning in the report.
  assign('url', url);
  const author = readAuthor(pick(FRONT_MATTER_KEYS.author));
  assign('author', author === undefined ? undefined : authorFromByline(author));
  const date = readString(pick(FRONT_MATTER_KEYS.date));
  assign('date', date === undefined ? undefined : normalizeSourceDate(date));
  assign('siteName', readString(pick(FRONT_MATTER_KEYS.siteName)));
  const image = readImage(pick(FRONT_MATTER_KEYS.image));
  assign('image', image?.url);
  assign('imageAlt', readString(pick(FRONT_MATTER_KEYS.imageAlt)) ?? image?.alt);
  return metadata;
}

function readString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}

/** A YAML list, or one comma-separated string (`keywords: ia, recrutement`). */
function readStringList(value: unknown): string[] | undefined {
  const items = Array.isArray(value)
    ? value.map(readString)
    : (readString(value)
        ?.split(',')
        .map((item) => item.trim()) ?? []);
  const list = items.filter((item): item is string => item !== undefined && item !== '');
  return list.length > 0 ? list : undefined;
}

/** `author: Jean Dupont`, `author: {name: Jean Dupont}`, or a list of those (the first is kept). */
function readAuthor(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (isRecord(first)) return readString(first.name);
  return readString(first);
}

/**
 * `image: /img/a.jpg`, Hugo's `images: [/img/a.jpg]` (the first), jekyll-seo-tag's `image: {path, alt}`
 * or `cover: {image, alt}`.
 */
function readImage(value: unknown): { url: string; alt?: string } | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (isRecord(first)) {
    const url = readString(first.path ?? first.url ?? first.src ?? first.image);
    if (url === undefined) return undefined;
    const alt = readString(first.alt);
    return alt === undefined ? { url } : { url, alt };
  }
  const url = readString(first);
  return url === undefined ? undefined : { url };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
