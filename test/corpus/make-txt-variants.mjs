// Derives the corpus's plain-text cases from real articles of the corpus, so a .txt case is the author's
// text as a user would paste or save it, and the derivation can be checked and rerun:
//   node test/corpus/make-txt-variants.mjs
// - fr-txt-title-first-line: front matter dropped, the front-matter title on the first line, then the body.
// - fr-txt-hard-wrapped: the same text hard-wrapped at 72 columns (the way mail clients and `fmt` save it).
// - fr-txt-markdown-links-quotes: front matter dropped, body kept byte for byte (Markdown links, `>` quotes,
//   emphasis, code spans and tables, as the author wrote them), saved as .txt.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const corpusDirectory = dirname(fileURLToPath(import.meta.url));
const wrapColumn = 72;

function splitFrontMatter(markdown) {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) return { title: undefined, body: markdown };
  const titleLine = /^title:\s*(.+)$/m.exec(match[1]);
  const title = titleLine ? titleLine[1].trim().replace(/^["']|["']$/g, '') : undefined;
  return { title, body: markdown.slice(match[0].length).replace(/^\n+/, '') };
}

function wrapParagraph(paragraph) {
  const lines = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > wrapColumn) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function read(caseName, file) {
  return readFileSync(join(corpusDirectory, caseName, file), 'utf8');
}

function write(caseName, file, text) {
  writeFileSync(join(corpusDirectory, caseName, file), text);
}

const respirer = splitFrontMatter(read('fr-md-jekyll-laissez-moi-respirer', 'source.md'));
const titled = `${respirer.title}\n\n${respirer.body.trimEnd()}\n`;
write('fr-txt-title-first-line', 'source.txt', titled);
const wrapped = titled
  .split(/\n{2,}/)
  .map((paragraph) => wrapParagraph(paragraph))
  .join('\n\n');
write('fr-txt-hard-wrapped', 'source.txt', `${wrapped}\n`);

const passwords = splitFrontMatter(read('fr-txt-markdown-links-quotes', 'original.md'));
write('fr-txt-markdown-links-quotes', 'source.txt', passwords.body);
