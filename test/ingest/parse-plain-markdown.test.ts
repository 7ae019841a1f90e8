import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parsePlainMarkdown } from '../../src/ingest/parse-plain-markdown.js';

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).freeze();

/** Plain prose: the fast path must build micromark's tree, key order and positions included. */
const PLAIN = [
  '',
  '\n',
  'Une seule ligne',
  '---\nslug: article-1\n---\n\nPremier paragraphe.\nSa deuxième ligne, 😀 comprise.\n\n\nSecond paragraphe.\n',
  '---\n---',
  '---\ntitle: Titre\n---\nTexte collé au front matter.',
  '\n\nDes lignes vides avant.\n\n',
  'Une espace\u00a0insécable en fin de ligne\u00a0\nEt la suite.\n',
  'L’année 2024. Puis 1.5 million, et 3) sans espace.\nMot-clé -- tirets au milieu.\n',
];

/** Anything that could be Markdown syntax goes to the real parser. */
const NOT_PLAIN = [
  '# Titre\n\nTexte.',
  'Texte\n===\n',
  'Texte\n---\n',
  '- un\n- deux\n',
  '1. un\n2. deux\n',
  '2024. Une année\n',
  '    code indenté',
  ' Une espace en tête',
  'Deux espaces en fin  \nde ligne',
  'Un *mot* en italique',
  'Un lien [ici](https://exemple.fr)',
  'Voir www.exemple.fr',
  'Écrire à nom@exemple.fr',
  'Une entité &amp; ici',
  '> une citation',
  'a | b\n- | -\n',
  'Une tabulation\tici',
  'Fin de ligne Windows\r\nsuite',
  '---\nslug: a\n--- \nTexte',
  '---\nslug: a\n',
  ': définition',
];

describe('parsePlainMarkdown', () => {
  it.each(PLAIN)('builds the tree micromark builds for %j', (text) => {
    const tree = parsePlainMarkdown(text);
    expect(tree).toBeDefined();
    expect(JSON.stringify(tree)).toBe(JSON.stringify(markdownParser.parse(text)));
  });

  it.each(NOT_PLAIN)('leaves %j to micromark', (text) => {
    expect(parsePlainMarkdown(text)).toBeUndefined();
  });
});
