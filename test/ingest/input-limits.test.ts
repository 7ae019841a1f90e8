import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit-source.js';
import type { SourceFormat } from '../../src/document.js';
import { ingest } from '../../src/ingest/ingest.js';
import { InputError } from '../../src/ingest/input-error.js';
import { INPUT_LIMITS, quoteInput } from '../../src/ingest/input-limits.js';
import { optimize } from '../../src/optimize.js';
import { NEWS_PAGE } from '../fixtures/ingest/sources.js';

const EXAMPLE = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');
const SENTENCE = 'Les entreprises recrutent des talents en intelligence artificielle. ';

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
}

function nestedList(depth: number): string {
  let text = '# Titre\n\n';
  for (let level = 0; level < depth; level += 1) text += `${'  '.repeat(level)}- élément ${level}\n`;
  return text;
}

function nestedElements(depth: number, tag = 'div'): string {
  return `${`<${tag}>`.repeat(depth)}<p>${SENTENCE}</p>${`</${tag}>`.repeat(depth)}`;
}

function page(body: string): string {
  return `<!doctype html><html><head><title>Titre</title></head><body><article>${body}</article></body></html>`;
}

/** Each alias doubles the one before: 60 aliases expand to about 2^30 nodes. */
const ALIAS_BOMB = `---\na0: &a0 [x, x]\n${Array.from({ length: 30 }, (_, index) => `a${index + 1}: &a${index + 1} [*a${index}, *a${index}]`).join('\n')}\n---\n# Titre\n\n${SENTENCE}\n`;

const refused: Array<[string, string, SourceFormat | undefined, RegExp]> = [
  ['lists nested past the limit', nestedList(INPUT_LIMITS.maxMarkdownDepth + 2), undefined, /ligne \d+/],
  ['10,000 nested block quotes', `# Titre\n\n${'>'.repeat(10_000)} texte\n`, undefined, /citations/],
  ['block quote markers spaced out', `# Titre\n\n${'> '.repeat(200)}texte\n`, undefined, /citations/],
  ['one line of nested list markers', `${'- '.repeat(200)}texte\n`, 'markdown', /listes/],
  ['10,000 nested <div> in a fragment', nestedElements(10_000), 'html', /« <div> »/],
  [
    'nested <div> in a page past the limit',
    page(nestedElements(INPUT_LIMITS.maxHtmlDepth + 1)),
    'html-page',
    /HTML/,
  ],
  [
    'self-closed <div/> (HTML ignores the slash)',
    page('<div/>'.repeat(10_000) + SENTENCE),
    'html-page',
    /HTML/,
  ],
  ['a YAML alias bomb', ALIAS_BOMB, undefined, /alias/],
  ['a 10,000-letter word', `Titre\n\nUn mot ${'a'.repeat(10_000)} ici.\n`, 'text', /Mot trop long/],
  [
    'a 10,000-character hyphenated word',
    `# Titre\n\nUn mot ${'a-'.repeat(5000)}b ici.\n`,
    undefined,
    /Mot trop long/,
  ],
  [
    'a front matter keyphrase of 200 characters',
    `---\nkeyphrase: ${'mot '.repeat(50)}\n---\n# Titre\n\n${SENTENCE}`,
    undefined,
    /Expression-clé trop longue/,
  ],
  [
    'a Markdown paragraph of unmatched delimiters',
    `# Titre\n\n${'*a_ [b` '.repeat(3000)}\n`,
    undefined,
    /Paragraphe trop long ligne 3/,
  ],
];

describe('input limits', () => {
  it.each(refused)(
    'refuses %s with a French line, before the parser chokes',
    async (_name, text, format, detail) => {
      const error = await errorOf(ingest(text, format === undefined ? {} : { format }));
      expect(InputError.isInstance(error)).toBe(true);
      const { code, message } = error as InputError;
      expect(code).toBe('too-complex');
      expect(message).toMatch(detail);
      expect(message).not.toContain('\n');
      // The input is quoted to 80 characters at most: the message stays short.
      expect(message.length).toBeLessThan(300);
    },
  );

  const accepted: Array<[string, string, SourceFormat | undefined]> = [
    ['the example article', EXAMPLE, undefined],
    ['a news page', NEWS_PAGE, undefined],
    ['lists nested 8 deep', nestedList(8), undefined],
    ['a page nested 100 deep', page(nestedElements(100)), 'html-page'],
    ['unclosed paragraphs and list items', page(`<ul>${`<li><p>${SENTENCE}`.repeat(100)}</ul>`), 'html-page'],
    [
      'a script full of tags',
      page(`<script>${'<div>'.repeat(2000)}</script><p>${SENTENCE}</p>`),
      'html-page',
    ],
    [
      'deep indentation inside a code fence',
      `# Titre\n\n${SENTENCE}\n\n\`\`\`\n${' '.repeat(400)}x\n\`\`\`\n`,
      undefined,
    ],
    ['a long list without blank lines', `# Titre\n\n${`- ${SENTENCE}\n`.repeat(400)}`, undefined],
    [
      'a long URL and an inline image',
      `# Titre\n\n${SENTENCE}[lien](https://example.com/${'a'.repeat(2000)}) ![](data:image/png;base64,${'A'.repeat(5000)})\n`,
      undefined,
    ],
    ['one YAML alias', `---\nauthor: &a Jean Dupont\nsite_name: *a\n---\n# Titre\n\n${SENTENCE}`, undefined],
  ];
  it.each(accepted)('accepts %s', async (_name, text, format) => {
    const document = await ingest(text, format === undefined ? {} : { format });
    expect(document.tree.children.length).toBeGreaterThan(0);
  });

  it('refuses a 10,000-character keyphrase before it becomes a regular expression', async () => {
    for (const keyphrase of ['b'.repeat(10_000), 'a '.repeat(5000), 'l’'.repeat(5000)]) {
      const optimizeError = await errorOf(optimize(EXAMPLE, { keyphrase }));
      expect(InputError.isInstance(optimizeError)).toBe(true);
      expect((optimizeError as Error).message).toMatch(/^Expression-clé trop longue : \d+ caractères/);
      expect((optimizeError as Error).message.length).toBeLessThan(200);
      const auditError = await errorOf(audit(EXAMPLE, { keyphrase }));
      expect(InputError.isInstance(auditError)).toBe(true);
    }
    const synonymError = await errorOf(audit(EXAMPLE, { synonyms: ['ia', 'x'.repeat(500)] }));
    expect((synonymError as Error).message).toMatch(/^Synonyme trop long/);
  });

  it('quotes at most 80 characters of the input, on one line', () => {
    expect(quoteInput('court')).toBe('court');
    expect(quoteInput('a\nb\u0000c')).toBe('a b c');
    const long = quoteInput('é'.repeat(10_000));
    expect([...long]).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });
});
