import { readFileSync } from 'node:fs';
import type { List, Nodes, Paragraph, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/ingest/parse-text.js';

const EXAMPLE = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');
const HARD_WRAPPED = readFileSync(new URL('../fixtures/ingest/hard-wrapped.txt', import.meta.url), 'utf8');

/** A compact view of the block structure: `p`, or `ul:3` / `ol:2` with the item count. */
function shape(tree: Root): string[] {
  return tree.children.map((node) =>
    node.type === 'list'
      ? `${node.ordered ? 'ol' : 'ul'}:${node.children.length}`
      : node.type === 'paragraph'
        ? 'p'
        : node.type,
  );
}

function texts(tree: Root): string[] {
  return tree.children.flatMap((node) =>
    node.type === 'list' ? node.children.map((item) => mdastToString(item)) : [mdastToString(node)],
  );
}

/** Every node has a position, and for single-line nodes the position slices back to the text. */
function expectPositions(node: Nodes, source: string): void {
  expect(node.position, `${node.type} has a position`).toBeDefined();
  if (node.type === 'text' && node.position && node.position.start.line === node.position.end.line) {
    expect(source.slice(node.position.start.offset, node.position.end.offset)).toBe(node.value);
  }
  if ('children' in node) for (const child of node.children) expectPositions(child, source);
}

describe('parseText', () => {
  it('parses the example: 3 summary bullets, then one paragraph per line', () => {
    const document = parseText(EXAMPLE);
    expect(document.format).toBe('text');
    expect(document.metadata).toEqual({});
    expect(shape(document.tree)).toEqual(['ul:3', ...Array<string>(26).fill('p')]);
    const list = document.tree.children[0] as List;
    expect(list.ordered).toBe(false);
    expect(mdastToString(list.children[0] as Nodes)).toBe(
      'L’embauche de talents en IA est impitoyable – et les grandes technologies pourraient en être la cause.',
    );
    // Heading-like lines stay paragraphs: recognising them is the analysis' job.
    expect(texts(document.tree)).toContain(
      'Big Tech est prêt à payer jusqu’à un million pour les talents en IA',
    );
    expectPositions(document.tree, EXAMPLE);
  });

  it('puts positions on every node, with offsets into the input', () => {
    const source = 'Premier paragraphe.\n- Un point\n  Deuxième paragraphe.  ';
    const { tree } = parseText(source);
    expect(tree.position).toEqual({
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 3, column: 25, offset: source.length },
    });
    const list = tree.children[1] as List;
    expect(list.position).toEqual({
      start: { line: 2, column: 1, offset: 20 },
      end: { line: 2, column: 11, offset: 30 },
    });
    const itemParagraph = list.children[0]?.children[0] as Paragraph;
    expect(itemParagraph.position?.start).toEqual({ line: 2, column: 3, offset: 22 });
    const last = tree.children[2] as Paragraph;
    expect(last.children[0]).toMatchObject({
      type: 'text',
      value: 'Deuxième paragraphe.',
      position: { start: { line: 3, column: 3, offset: 33 }, end: { line: 3, column: 23, offset: 53 } },
    });
    expectPositions(tree, source);
  });

  it('joins hard-wrapped lines into blank-line-separated paragraphs', () => {
    const { tree } = parseText(HARD_WRAPPED);
    expect(shape(tree)).toEqual(['p', 'p', 'p', 'ul:2', 'p']);
    expect(texts(tree)).toEqual([
      "La lutte pour recruter les meilleurs talents en intelligence artificielle s'intensifie alors que les entreprises, grandes et petites, rivalisent dans la course pour dominer ce marché en pleine expansion.",
      'Les recruteurs affirment que les géants de la technologie offrent des salaires élevés aux talents que les petites entreprises ne peuvent pas égaler, ce qui rend la concurrence particulièrement difficile pour les jeunes pousses.',
      'Les profils les plus recherchés :',
      'les ingénieurs en apprentissage automatique qui savent déployer des modèles en production ;',
      'les chercheurs en traitement du langage naturel.',
      'Une fois que les employeurs et les employés comprendront mieux cette technologie, il deviendra plus facile de pourvoir les postes.',
    ]);
    const first = tree.children[0] as Paragraph;
    expect(first.position?.start).toEqual({ line: 1, column: 1, offset: 0 });
    expect(first.position?.end.line).toBe(3);
    expectPositions(tree, HARD_WRAPPED);
  });

  it('joins one sentence per line into blank-line-separated paragraphs, the first line a title', () => {
    const source = 'Un titre court\n\nUne phrase.\nUne autre phrase sur sa propre ligne.\n\nFin.';
    const document = parseText(source);
    expect(texts(document.tree)).toEqual([
      'Un titre court',
      'Une phrase. Une autre phrase sur sa propre ligne.',
      'Fin.',
    ]);
    expect(document.tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(document.metadata.title).toBe('Un titre court');
  });

  it('joins lines that each end a sentence when blank lines separate the paragraphs', () => {
    const source = [
      'Le premier vers se termine ici, comme il se doit.',
      'Le deuxième vers se termine là, comme il se doit.',
      '',
      'Le troisième vers se termine ici, comme il se doit.',
      'Le quatrième vers se termine là, comme il se doit.',
    ].join('\n');
    expect(shape(parseText(source).tree)).toEqual(['p', 'p']);
  });

  it('keeps lines that each end a sentence apart when no blank line tells the paragraphs', () => {
    const source = 'Une phrase.\nUne autre phrase sur sa propre ligne.\nFin.';
    expect(shape(parseText(source).tree)).toEqual(['p', 'p', 'p']);
  });

  it('makes a short first line the H1 and the title, never a sentence or a lone line', () => {
    const title = parseText(
      'Au sommet du Ventoux à 82 ans\nDepuis que je fais du VTT, je rêvais du Ventoux.',
    );
    expect(title.tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(title.metadata.title).toBe('Au sommet du Ventoux à 82 ans');
    const question = parseText('Faut-il avoir peur de l’IA ?\n\nLa question revient souvent.');
    expect(question.metadata.title).toBe('Faut-il avoir peur de l’IA ?');
    for (const source of [
      'Une phrase qui finit.\nUne autre.',
      'Les profils recherchés :\n- ingénieurs',
      'Un titre seul',
      '« Une citation »,\ndit-elle.',
    ]) {
      expect(parseText(source).metadata.title, source).toBeUndefined();
    }
  });

  it('detects a 72-column wrap even with a long URL alone on a line', () => {
    const source = [
      'La lutte pour recruter les meilleurs talents en intelligence artificielle',
      's’intensifie alors que les entreprises, grandes et petites, rivalisent',
      'https://exemple.fr/un/tres/long/chemin/vers/une/page/qui/depasse/largement/la/largeur/du/texte?utm_source=lettre&utm_medium=courriel&utm_campaign=printemps-2024&ref=accueil',
      'dans la course pour dominer ce marché en pleine expansion, dit le rapport',
      'publié la semaine dernière par le cabinet.',
      '',
      'Les recruteurs affirment que les géants de la technologie offrent des',
      'salaires élevés aux talents que les petites entreprises ne peuvent pas',
      'égaler.',
    ].join('\n');
    expect(shape(parseText(source).tree)).toEqual(['p', 'p']);
  });

  it('keeps a heading-like line inside a wrapped block apart from the text around it', () => {
    const source = [
      'La lutte pour recruter les meilleurs talents en intelligence artificielle',
      's’intensifie alors que les entreprises, grandes et petites, rivalisent.',
      'Des salaires hors normes',
      'Les recruteurs affirment que les géants de la technologie offrent des',
      'salaires élevés aux talents que les petites entreprises ne peuvent pas',
      'égaler.',
      '',
      'Une fois que les employeurs et les employés comprendront mieux cette',
      'technologie, il deviendra plus facile de pourvoir les postes.',
    ].join('\n');
    expect(texts(parseText(source).tree)).toEqual([
      'La lutte pour recruter les meilleurs talents en intelligence artificielle s’intensifie alors que les entreprises, grandes et petites, rivalisent.',
      'Des salaires hors normes',
      'Les recruteurs affirment que les géants de la technologie offrent des salaires élevés aux talents que les petites entreprises ne peuvent pas égaler.',
      'Une fois que les employeurs et les employés comprendront mieux cette technologie, il deviendra plus facile de pourvoir les postes.',
    ]);
  });

  it('does not treat long one-paragraph lines as a wrap', () => {
    const long = 'Une longue phrase qui ne finit pas vraiment et qui continue encore et encore '.repeat(4);
    const source = `${long}\n${long}suite\n\n${long}\n${long}fin.`;
    expect(shape(parseText(source).tree)).toEqual(['p', 'p', 'p', 'p']);
  });

  it('makes one list of consecutive bullets, whatever the marker', () => {
    const source = '- tiret\n* astérisque\n• puce\n– demi-cadratin\nUn paragraphe.';
    const { tree } = parseText(source);
    expect(shape(tree)).toEqual(['ul:4', 'p']);
    expect(texts(tree).slice(0, 4)).toEqual(['tiret', 'astérisque', 'puce', 'demi-cadratin']);
  });

  it('makes ordered lists from "1." and "1)" and keeps the first number', () => {
    const { tree } = parseText('Étapes :\n3. Lire\n4) Écrire\n- Relire');
    expect(shape(tree)).toEqual(['p', 'ol:2', 'ul:1']);
    expect(tree.children[1]).toMatchObject({ type: 'list', ordered: true, start: 3 });
    expect(texts(tree)).toEqual(['Étapes :', 'Lire', 'Écrire', 'Relire']);
  });

  it('continues a list across blank lines and marks it spread', () => {
    const { tree } = parseText('- un\n\n- deux\n\nFin.');
    expect(shape(tree)).toEqual(['ul:2', 'p']);
    expect(tree.children[0]).toMatchObject({ spread: true });
  });

  it('does not interpret Markdown syntax', () => {
    const source =
      '# Pas un titre\nUn *mot* et un **autre** [lien](https://exemple.fr)\n2024. Une année\n-pas une puce\n- ';
    const { tree } = parseText(source);
    expect(shape(tree)).toEqual(['p', 'p', 'p', 'p', 'p']);
    expect(texts(tree)).toEqual([
      '# Pas un titre',
      'Un *mot* et un **autre** [lien](https://exemple.fr)',
      '2024. Une année',
      '-pas une puce',
      '-',
    ]);
  });

  it('accepts CRLF line ends and returns an empty root for blank text', () => {
    expect(texts(parseText('Un.\r\nDeux.\rTrois.').tree)).toEqual(['Un.', 'Deux.', 'Trois.']);
    expect(parseText('  \n\n ').tree.children).toEqual([]);
  });
});

describe('parseText on very many lines', () => {
  it('reads 400,000 short lines (a 3.6 MB input) without overflowing the stack', () => {
    const words = ['le chat', 'la mer', 'un chien', 'le vent'];
    const lines: string[] = [];
    for (let index = 0; index < 200_000; index += 1) {
      lines.push(words[index % 4] as string, `${words[(index + 1) % 4]}.`, '');
    }
    const document = parseText(lines.join('\n'));
    expect(document.tree.children.length).toBeGreaterThan(1000);
  }, 120_000);
});
