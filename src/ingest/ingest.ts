import { toString as mdastToString } from 'mdast-util-to-string';
import type { Document, SourceFormat } from '../document.js';
import { detectFormat } from './detect-format.js';
import { InputError } from './input-error.js';
import { parseText } from './parse-text.js';

export interface IngestOptions {
  /** Format of the source (default: detected from `fileName` and the content, see `detectFormat`). */
  format?: SourceFormat;
  /** Name or path of the source file; its extension guides detection and it names the source in
   * errors (default: none). */
  fileName?: string;
  /** Address the source came from: resolves a page's relative links, and fills `metadata.url` when
   * the source declares no canonical URL (default: none). */
  url?: string;
}

/**
 * Turns a source (plain text, Markdown, HTML fragment or full page) into one `Document`. Throws an
 * `InputError` when the source holds no text once parsed (an empty page, front matter alone).
 */
export async function ingest(text: string, options: IngestOptions = {}): Promise<Document> {
  const format = options.format ?? detectFormat(text, options.fileName);
  const document = await parseAs(format, text, options);
  if (mdastToString(document.tree).trim() === '') {
    throw new InputError('empty', `${options.fileName ?? 'The source'} contains no text.`);
  }
  if (options.url !== undefined && document.metadata.url === undefined) {
    document.metadata.url = options.url;
  }
  return document;
}

async function parseAs(format: SourceFormat, text: string, options: IngestOptions): Promise<Document> {
  switch (format) {
    case 'text': {
      // Markdown typed into a .txt (links, emphasis, quotes) is read as Markdown, never escaped.
      const { carriesMarkdown, parseMarkdownText } = await import('./parse-markdown-text.js');
      return carriesMarkdown(text) ? parseMarkdownText(text) : parseText(text);
    }
    // Parsers are loaded on demand: remark and rehype weigh on the start-up of a command that reads text.
    case 'markdown':
      return (await import('./parse-markdown.js')).parseMarkdown(text);
    case 'html':
      return (await import('./parse-html.js')).parseHtmlFragment(text);
    case 'html-page':
      return (await import('./parse-html.js')).parseHtmlPage(
        text,
        options.url === undefined ? {} : { url: options.url },
      );
    default:
      // Reachable from JavaScript callers and untyped CLI flags only.
      throw new InputError('unsupported-format', `Unsupported source format: ${String(format)}.`);
  }
}
