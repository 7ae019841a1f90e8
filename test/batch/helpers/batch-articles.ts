import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOLDEN = fileURLToPath(new URL('../../golden/', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../../examples/talents-ia.txt', import.meta.url));

/** What `assembleArticles` wrote. */
export interface AssembledArticles {
  /** The folder to give `plume batch`. */
  folder: string;
  /** Every input, relative to `folder`'s parent (as the summary shows them when run from there). */
  inputs: string[];
  /** Inputs that cannot be processed. */
  invalid: string[];
  /** Inputs that are processed but fail a hard constraint offline. */
  failing: string[];
  /** Files in the folder that are not articles. */
  ignored: string[];
}

/**
 * A dozen articles under `<root>/articles`: the golden inputs (.txt, .md,
 * .html; one in English, one too short for the offline writer, two identical),
 * three variants of the example (so several articles share the `talents-ia`
 * slug), one empty file and one file that is not an article.
 */
export function assembleArticles(root: string): AssembledArticles {
  const folder = join(root, 'articles');
  mkdirSync(join(folder, 'variants'), { recursive: true });
  const golden: [string, string][] = [
    ['english-article/input.txt', 'english-article.txt'],
    ['html-page-noise/input.html', 'html-page-noise.html'],
    ['long-no-headings/input.txt', 'long-no-headings.txt'],
    ['markdown-headings/input.md', 'markdown-headings.md'],
    ['markdown-short-paragraphs/input.md', 'markdown-short-paragraphs.md'],
    ['short-article/input.txt', 'short-article.txt'],
    ['talents-ia/input.txt', 'talents-ia.txt'],
    ['talents-ia-auto/input.txt', 'talents-ia-auto.txt'],
  ];
  for (const [source, target] of golden) copyFileSync(join(GOLDEN, source), join(folder, target));
  const example = readFileSync(EXAMPLE, 'utf8');
  writeFileSync(
    join(folder, 'variants', 'talents-ia.md'),
    `${example}\nUne phrase ajoutée pour la variante Markdown.\n`,
  );
  writeFileSync(
    join(folder, 'variants', 'talents-ia-v2.txt'),
    example.replace('impitoyable', 'très impitoyable'),
  );
  const paragraphs = example
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  writeFileSync(
    join(folder, 'variants', 'talents-ia.html'),
    `<article>\n${paragraphs.join('\n')}\n</article>\n`,
  );
  writeFileSync(join(folder, 'empty.txt'), '');
  writeFileSync(join(folder, 'notes.json'), '{"not": "an article"}\n');
  const inputs = [
    ...golden.map(([, target]) => `articles/${target}`),
    'articles/variants/talents-ia.md',
    'articles/variants/talents-ia-v2.txt',
    'articles/variants/talents-ia.html',
    'articles/empty.txt',
  ].sort();
  return {
    folder,
    inputs,
    invalid: ['articles/empty.txt'],
    failing: ['articles/english-article.txt', 'articles/short-article.txt'],
    ignored: ['articles/notes.json'],
  };
}

/** The front matter of a generated Markdown file, or undefined when the file does not start with one. */
export function frontMatterOf(markdown: string): string | undefined {
  return /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1];
}
