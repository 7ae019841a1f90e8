import type { Heading, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Article } from '../article.js';
import type { SourceMetadata } from '../document.js';
import { parseMarkdown } from '../ingest/parse-markdown.js';
import { renderHtmlFragment } from '../render/render-fragment.js';
import { polishTree } from '../write/polish-article.js';

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** A Markdown article (as `plume optimize` writes it) read for publishing. */
export interface ArticleFile {
  metadata: SourceMetadata;
  /** The H1, else the front matter title: the post's title. */
  headline: string;
  /** The body without its H1, as an HTML fragment, headings with their ids. */
  content: string;
  /** Front matter `tags` and `categories`, as names. */
  tags: string[];
  categories: string[];
  /** The front matter's other keys, ids recorded by earlier runs among them. */
  frontMatter: Record<string, unknown>;
}

/**
 * Reads a Markdown article for a CMS: the metadata as `plume optimize` reads it, the body exactly as
 * written (its « L’essentiel » box and « Sommaire » included) rendered as an HTML fragment.
 */
export function readArticleFile(markdown: string): ArticleFile {
  const { metadata } = parseMarkdown(markdown);
  const tree: Root = markdownParser.parse(markdown);
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  const h1 = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const headline = (h1 ? mdastToString(h1) : (metadata.title ?? '')).trim();
  // The text is published as written: ids on the headings, no typography pass, no table of contents built.
  const polished = polishTree(tree, { typography: false, tableOfContents: false });
  const article: Article = {
    metadata: {
      title: metadata.title ?? headline,
      h1: headline,
      description: metadata.description ?? '',
      slug: metadata.slug ?? '',
      keyphrase: metadata.keyphrase ?? '',
      keywords: metadata.keywords ?? [],
      locale: metadata.lang ?? 'fr-FR',
      wordCount: 0,
    },
    tree: polished.tree,
    tableOfContents: [],
  };
  const frontMatter = metadata.frontMatter ?? {};
  return {
    metadata,
    headline,
    content: renderHtmlFragment(article, { tableOfContents: false }),
    tags: names(frontMatter.tags),
    categories: names(frontMatter.categories),
    frontMatter,
  };
}

/** A YAML list of names, or one comma-separated string. */
function names(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.map((item) => String(item).trim()).filter((item) => item !== '');
}

/**
 * The Markdown with `key: value` lines set in its front matter (replaced when present, added before the
 * closing `---` otherwise); the rest of the file is left byte for byte.
 */
export function setFrontMatterValues(markdown: string, values: Record<string, string | number>): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(markdown);
  if (!match) {
    const lines = Object.entries(values).map(([key, value]) => `${key}: ${value}`);
    return `---\n${lines.join('\n')}\n---\n\n${markdown}`;
  }
  let yaml = match[1] ?? '';
  for (const [key, value] of Object.entries(values)) {
    const line = `${key}: ${value}`;
    const pattern = new RegExp(`^${key}:.*$`, 'm');
    yaml = pattern.test(yaml) ? yaml.replace(pattern, line) : `${yaml}\n${line}`;
  }
  return `---\n${yaml}\n---${match[2]}${markdown.slice(match[0].length)}`;
}
