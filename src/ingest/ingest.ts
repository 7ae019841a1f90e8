import { toString as mdastToString } from 'mdast-util-to-string';
import type { Document, SourceFormat } from '../document.js';
import { carriesMarkdown } from './carries-markdown.js';
import { htmlConverterFor } from './clean-markdown-tree.js';
import { detectFormat } from './detect-format.js';
import { InputError } from './input-error.js';
import { checkKeyphraseLength, checkSourceShape, checkWordLength, quoteInput } from './input-limits.js';
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
 * `InputError` when the source holds no text once parsed (an empty page, front matter alone), or
 * exceeds one of `INPUT_LIMITS` (nesting, paragraph, word, keyphrase length): those are checked
 * before parsing, except words, checked on the parsed text so that URLs and inline images are not
 * taken for words.
 */
export async function ingest(text: string, options: IngestOptions = {}): Promise<Document> {
  const format = options.format ?? detectFormat(text, options.fileName);
  checkSourceShape(text, format);
  const document = await parseAs(format, text, options);
  const plainText = mdastToString(document.tree);
  if (plainText.trim() === '') {
    throw new InputError(
      'empty',
      `${options.fileName === undefined ? 'La source' : quoteInput(options.fileName)} ne contient aucun texte.`,
    );
  }
  checkWordLength(plainText);
  const { keyphrase, synonyms = [], keywords = [] } = document.metadata;
  checkKeyphraseLength(keyphrase);
  for (const synonym of synonyms) checkKeyphraseLength(synonym, 'Synonyme trop long');
  for (const keyword of keywords) checkKeyphraseLength(keyword, 'Mot-clé trop long');
  if (options.url !== undefined && document.metadata.url === undefined) {
    document.metadata.url = options.url;
  }
  return document;
}

async function parseAs(format: SourceFormat, text: string, options: IngestOptions): Promise<Document> {
  switch (format) {
    case 'text': {
      // Markdown typed into a .txt (links, emphasis, quotes) is read as Markdown, never escaped.
      if (!carriesMarkdown(text)) return parseText(text);
      const { parseMarkdownText } = await import('./parse-markdown-text.js');
      return parseMarkdownText(text, await htmlConverterFor(text));
    }
    // Parsers are loaded on demand: remark and rehype weigh on the start-up of a command that reads
    // text, and the HTML parser on Markdown that holds no HTML.
    case 'markdown': {
      const { parseMarkdownWith } = await import('./markdown-document.js');
      return parseMarkdownWith(text, await htmlConverterFor(text));
    }
    case 'html':
      return (await import('./parse-html.js')).parseHtmlFragment(text);
    case 'html-page':
      return (await import('./parse-html.js')).parseHtmlPage(
        text,
        options.url === undefined ? {} : { url: options.url },
      );
    default:
      // Reachable from JavaScript callers and untyped CLI flags only.
      throw new InputError(
        'unsupported-format',
        `Format de source non pris en charge : ${quoteInput(String(format))}.`,
      );
  }
}
