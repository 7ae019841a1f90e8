import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analyze/analysis.js';
import { analyze } from '../../src/analyze/analyze.js';
import type { Document } from '../../src/document.js';
import { ingest } from '../../src/ingest/ingest.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { parseText } from '../../src/ingest/parse-text.js';
import { normalizeWord } from '../../src/lang/fr/normalize-word.js';
import { stem } from '../../src/lang/fr/stem.js';
import { tokenizeWords } from '../../src/lang/fr/tokenize-words.js';
import { sharedLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import { isCompleteHeading } from '../../src/plan/headline-from-sentence.js';
import { contentForms } from '../../src/plan/keyphrase-presence.js';
import { type Outline, planOutline } from '../../src/plan/plan-outline.js';
import type { Passage } from '../../src/plan/seo-plan.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const exampleText = read('examples/talents-ia.txt');
const longText = read('test/golden/long-no-headings/input.txt');

const TALENTS_STEMS = ['talent', 'ia'];

function outlineOf(document: Document, keyphraseStems: readonly string[] = []) {
  const analysis = analyze(document);
  return {
    analysis,
    outline: planOutline(document, analysis, { keyphraseStems, lexicon: sharedLefffLexicon() }),
  };
}

/** Lowercase letters and digits only: how a reader compares two headings. */
function headingKey(text: string): string {
  return text
    .toLocaleLowerCase('fr')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function allPassages(outline: Outline): Passage[] {
  return [
    ...(outline.keyPoints ? [outline.keyPoints] : []),
    ...outline.introduction,
    ...outline.sections.flatMap((section) => section.passages),
  ];
}

/** Each node's passages, in plan order, are whole or cover all of its sentences once, in order. */
function expectPassagesCoverNodes(outline: Outline, analysis: Analysis, nodeIndices: readonly number[]) {
  const passages = allPassages(outline);
  expect([...new Set(passages.map((passage) => passage.nodeIndex))]).toEqual(nodeIndices);
  for (const nodeIndex of nodeIndices) {
    const parts = passages.filter((passage) => passage.nodeIndex === nodeIndex);
    if (parts.length === 1 && !parts[0]?.sentences) continue;
    const block = analysis.blocks.find((candidate) => candidate.nodeIndex === nodeIndex);
    if (!block) throw new Error(`no block for node ${nodeIndex}`);
    let next = block.sentenceStart;
    for (const part of parts) {
      expect(part.sentences?.start).toBe(next);
      next = part.sentences?.end ?? Number.NaN;
    }
    expect(next).toBe(block.sentenceEnd);
  }
}

describe('planOutline on the example article', () => {
  const document = parseText(exampleText);
  const { analysis, outline } = outlineOf(document, TALENTS_STEMS);
  const nodes = document.tree.children;

  it('has the summary bullets as key points and the first paragraph as introduction', () => {
    expect(outline.h1).toBeNull();
    expect(outline.keyPoints).toEqual({ nodeIndex: 0, wordCount: 62 });
    expect(nodes[0]?.type).toBe('list');
    expect(outline.introduction).toEqual([{ nodeIndex: 1, wordCount: 56 }]);
  });

  it('has at least four sections, with the three heading-like lines as H2', () => {
    expect(outline.sections.length).toBeGreaterThanOrEqual(4);
    const headings = outline.sections.map((section) => section.heading);
    for (const line of [
      'Big Tech est prêt à payer jusqu’à un million pour les talents en IA',
      'Il n’y a pas assez de travailleurs possédant une expertise en IA',
      'Les entreprises commencent tout juste à se lancer dans l’IA',
    ]) {
      expect(headings).toContain(line);
      const section = outline.sections.find((candidate) => candidate.heading === line);
      expect(section?.origin).toBe('heading-like-line');
      expect(section?.depth).toBe(2);
    }
    expect(outline.sections.every((section) => section.depth === 2)).toBe(true);
  });

  it('names the section before the first heading-like line', () => {
    expect(outline.sections[0]).toMatchObject({
      // A noun phrase of the section, not the clause « …affirment que les startups et les petites entreprises ».
      heading: 'Les chercheurs du créateur de ChatGPT',
      origin: 'generated',
      wordBudget: 235,
    });
  });

  it('has no section over 300 words, and budgets that add up', () => {
    for (const section of outline.sections) {
      const words = section.passages.reduce((sum, passage) => sum + passage.wordCount, 0);
      expect(section.wordBudget).toBe(words);
      expect(words).toBeLessThanOrEqual(300);
      expect(section.passages.length).toBeGreaterThan(0);
    }
  });

  it('keeps every paragraph once, in order, and drops the heading-like lines from the body', () => {
    const headingLikeNodes = analysis.headingLikeLines.map(
      (line) => analysis.blocks[line.blockIndex]?.nodeIndex,
    );
    expect(headingLikeNodes).toEqual([5, 11, 19]);
    const bodyNodes = nodes.map((_, index) => index).filter((index) => !headingLikeNodes.includes(index));
    expectPassagesCoverNodes(outline, analysis, bodyNodes);
  });

  it('honours maxSectionWords', () => {
    const small = planOutline(document, analysis, { keyphraseStems: TALENTS_STEMS, maxSectionWords: 150 });
    expect(small.sections.length).toBeGreaterThan(outline.sections.length);
    for (const section of small.sections) expect(section.wordBudget).toBeLessThanOrEqual(150);
  });

  it('is deterministic', () => {
    const again = outlineOf(parseText(exampleText), TALENTS_STEMS).outline;
    expect(again).toEqual(outline);
  });
});

describe('planOutline on Markdown with its own headings', () => {
  const markdown = `# Le potager en permaculture

Une introduction qui pose le sujet du potager pour le lecteur pressé.

## Observer son terrain

Un texte sous le premier intertitre qui parle du terrain et de la lumière.

#### Le soleil

Un texte sous le titre de niveau quatre qui parle du soleil et des ombres.

## Gérer l’eau.

Un texte qui parle de l’eau de pluie et des cuves de récupération au jardin.

### Les cuves

Un texte sur les cuves enterrées et les cuves aériennes du potager.

# Un second H1

Un texte sous le second titre de niveau un, qui devient un intertitre.
`;
  const document = parseMarkdown(markdown);
  const { analysis, outline } = outlineOf(document);

  it('keeps the H1 apart and the other headings with fixed levels', () => {
    expect(outline.h1).toBe('Le potager en permaculture');
    expect(outline.keyPoints).toBeNull();
    expect(outline.introduction).toEqual([{ nodeIndex: 1, wordCount: 12 }]);
    expect(
      outline.sections.map((section) => [section.depth, section.heading, section.origin, section.passages]),
    ).toEqual([
      [2, 'Observer son terrain', 'source', [{ nodeIndex: 3, wordCount: 14 }]],
      // H4 right after an H2: one level down only.
      [3, 'Le soleil', 'source', [{ nodeIndex: 5, wordCount: 15 }]],
      // The final period of a heading goes.
      [2, 'Gérer l’eau', 'source', [{ nodeIndex: 7, wordCount: 15 }]],
      [3, 'Les cuves', 'source', [{ nodeIndex: 9, wordCount: 12 }]],
      // A second H1 is a subheading.
      [2, 'Un second H1', 'source', [{ nodeIndex: 11, wordCount: 13 }]],
    ]);
    expect(analysis.headingLikeLines).toEqual([]);
  });

  it('an H3 right after the H1 becomes an H2', () => {
    const { outline: skipped } = outlineOf(
      parseMarkdown('# Titre\n\nUne introduction courte.\n\n### Trop profond\n\nUn texte sous le titre.\n'),
    );
    expect(skipped.sections.map((section) => [section.depth, section.heading])).toEqual([
      [2, 'Trop profond'],
    ]);
  });

  it('keeps front matter out and reads lists as passages', () => {
    const { outline: withList } = outlineOf(
      parseMarkdown(
        '---\ntitle: Titre SEO\n---\n# Titre\n\nUne introduction courte du sujet.\n\n## Liste\n\n- premier point de la liste\n- second point de la liste\n',
      ),
    );
    expect(withList.h1).toBe('Titre');
    expect(withList.keyPoints).toBeNull();
    expect(withList.sections).toEqual([
      {
        depth: 2,
        heading: 'Liste',
        origin: 'source',
        passages: [{ nodeIndex: 3, wordCount: 10 }],
        wordBudget: 10,
      },
    ]);
  });
});

describe('planOutline on a long text without headings', () => {
  const document = parseText(longText);
  const { analysis, outline } = outlineOf(document, ['métro', 'parisien']);

  it('generates every heading', () => {
    expect(analysis.headingLikeLines).toEqual([]);
    expect(outline.sections.length).toBeGreaterThanOrEqual(8);
    expect(outline.sections.every((section) => section.origin === 'generated' && section.depth === 2)).toBe(
      true,
    );
  });

  it('has no duplicated heading and no heading equal to its section’s first sentence', () => {
    const keys = outline.sections.map((section) => headingKey(section.heading));
    expect(new Set(keys).size).toBe(keys.length);
    for (const section of outline.sections) {
      const first = section.passages[0];
      if (!first) throw new Error('empty section');
      const sentence = first.sentences
        ? analysis.sentences[first.sentences.start]
        : analysis.sentences.find(
            (candidate) => analysis.blocks[candidate.blockIndex]?.nodeIndex === first.nodeIndex,
          );
      expect(headingKey(section.heading)).not.toBe(headingKey(sentence?.text ?? ''));
    }
  });

  it('makes headings of 3 to 10 words without final punctuation', () => {
    for (const section of outline.sections) {
      const words = section.heading.split(/\s+/u).length;
      expect(words).toBeGreaterThanOrEqual(3);
      expect(words).toBeLessThanOrEqual(12);
      expect(section.heading).not.toMatch(/[.,;:]$/u);
      expect(section.heading).toMatch(/^\p{Lu}/u);
    }
  });

  it('keeps the introduction under 150 words and every section under 300', () => {
    const introduction = outline.introduction.reduce((sum, passage) => sum + passage.wordCount, 0);
    expect(introduction).toBeGreaterThan(0);
    expect(introduction).toBeLessThanOrEqual(150);
    for (const section of outline.sections) expect(section.wordBudget).toBeLessThanOrEqual(300);
  });

  it('keeps every paragraph once, in order', () => {
    expectPassagesCoverNodes(
      outline,
      analysis,
      document.tree.children.map((_, index) => index),
    );
  });

  it('does not reuse a reserved heading', () => {
    const reserved = outline.sections[0]?.heading as string;
    const other = planOutline(document, analysis, {
      keyphraseStems: ['métro', 'parisien'],
      reservedHeadings: [reserved],
    });
    expect(other.sections.map((section) => headingKey(section.heading))).not.toContain(headingKey(reserved));
  });

  it('is deterministic', () => {
    expect(outlineOf(parseText(longText), ['métro', 'parisien']).outline).toEqual(outline);
  });
});

describe('planOutline splits a paragraph over 150 words', () => {
  const longParagraph = [
    'À la puberté, l’horloge interne des adolescents se décale de près de deux heures.',
    'La mélatonine, l’hormone qui prépare l’endormissement, est sécrétée plus tard dans la soirée.',
    'Un adolescent qui se couche à vingt-deux heures a donc souvent du mal à trouver le sommeil avant minuit.',
    'Ce décalage naturel entre en collision avec des horaires scolaires qui, eux, ne bougent pas.',
    'Dans la plupart des établissements, les cours commencent à huit heures du matin.',
    'Les élèves qui prennent le car doivent alors se lever vers six heures et demie.',
    'Le réveil sonne en plein milieu de ce que les chercheurs appellent la nuit biologique.',
    'La dette de sommeil s’accumule ainsi du lundi au vendredi, semaine après semaine.',
    'Le week-end, les jeunes tentent de la rattraper en dormant jusqu’à midi.',
    'Ce rattrapage décale encore davantage leur horloge et rend le lundi matin plus pénible.',
    'Les médecins recommandent pourtant des horaires réguliers, y compris le samedi et le dimanche.',
    'Ils conseillent aussi de sortir les écrans de la chambre une heure avant le coucher.',
  ].join(' ');
  const text = [
    'Les adolescents dorment de moins en moins, et les médecins s’en inquiètent depuis plusieurs années déjà.',
    longParagraph,
    'Les familles ont un rôle à jouer, tout comme les établissements scolaires et les pouvoirs publics.',
  ].join('\n\n');
  const document = parseText(text);
  const { analysis, outline } = outlineOf(document, ['sommeil', 'adolescent']);
  const block = analysis.blocks.find((candidate) => candidate.nodeIndex === 1);

  it('cuts between sentences into parts of at most 150 words', () => {
    expect(block?.wordCount).toBeGreaterThan(150);
    const parts = allPassages(outline).filter((passage) => passage.nodeIndex === 1);
    expect(parts.length).toBe(2);
    for (const part of parts) {
      expect(part.sentences).toBeDefined();
      expect(part.wordCount).toBeLessThanOrEqual(150);
      expect(part.wordCount).toBeGreaterThan(0);
    }
    expect(parts.reduce((sum, part) => sum + part.wordCount, 0)).toBe(block?.wordCount);
    expectPassagesCoverNodes(outline, analysis, [0, 1, 2]);
  });

  it('honours maxParagraphWords', () => {
    const fine = planOutline(document, analysis, { keyphraseStems: [], maxParagraphWords: 60 });
    const parts = allPassages(fine).filter((passage) => passage.nodeIndex === 1);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    for (const part of parts) expect(part.wordCount).toBeLessThanOrEqual(60);
  });

  it('leaves paragraphs under the limit whole', () => {
    const whole = allPassages(outline).filter((passage) => passage.nodeIndex !== 1);
    expect(whole.every((passage) => passage.sentences === undefined)).toBe(true);
  });
});

describe('planOutline: heading-like lines', () => {
  const paragraph =
    'Les adolescents dorment de moins en moins pendant la semaine scolaire. Les médecins alertent depuis plusieurs années sur ce phénomène qui touche toutes les familles. Les parents y voient souvent de la paresse, mais la biologie explique une grande partie du problème.';
  const text = [
    paragraph,
    'Les écrans aggravent ce phénomène.',
    'La lumière bleue des smartphones retarde encore la sécrétion de mélatonine.',
    paragraph.replace('adolescents', 'lycéens'),
  ].join('\n\n');

  it('two heading-like lines in a row do not make an empty section', () => {
    const { outline } = outlineOf(parseText(text));
    for (const section of outline.sections) expect(section.passages.length).toBeGreaterThan(0);
    // The first line is promoted, the second stays a passage under it.
    expect(outline.sections.map((section) => [section.heading, section.origin, section.passages])).toEqual([
      [
        'Les écrans aggravent ce phénomène',
        'heading-like-line',
        [
          { nodeIndex: 2, wordCount: 11 },
          { nodeIndex: 3, wordCount: 42 },
        ],
      ],
    ]);
  });

  it('are promoted only in plain text: Markdown chose its headings', () => {
    const { analysis, outline } = outlineOf(parseMarkdown(text));
    expect(analysis.headingLikeLines.map((line) => line.text)).toEqual([
      'Les écrans aggravent ce phénomène.',
    ]);
    expect(outline.sections).toEqual([]);
  });
});

/** Yoast SEO's match: more than half of the keyphrase's content words written as they are in the keyphrase. */
function writesKeyphrase(heading: string, keyphrase: string): boolean {
  const forms = contentForms(keyphrase);
  const written = new Set(
    tokenizeWords(heading)
      .filter((token) => token.kind === 'word')
      .map((token) => normalizeWord(token.text)),
  );
  return forms.filter((form) => written.has(form)).length * 2 > forms.length;
}

describe('planOutline: the keyphrase in 30 to 75 % of the subheadings', () => {
  it.each([
    // 1 heading of 4 wrote « mots de passe » (« Un mot de passe reposant » was chosen over « Les mots de passe »).
    { file: 'fr-txt-markdown-links-quotes/source.txt', keyphrase: 'mots de passe' },
    { file: 'fr-md-jekyll-diceware/source.md', keyphrase: 'mots de passe' },
  ])('$file, « $keyphrase »', async ({ file, keyphrase }) => {
    const document = await ingest(read(`test/corpus/${file}`), { fileName: file.split('/')[1] });
    const analysis = analyze(document);
    const outline = planOutline(document, analysis, {
      keyphraseStems: contentForms(keyphrase).map((form) => stem(form)),
      keyphrase,
      lexicon: sharedLefffLexicon(),
    });
    const headings = outline.sections.map((section) => section.heading);
    const share = headings.filter((heading) => writesKeyphrase(heading, keyphrase)).length / headings.length;
    expect(share, headings.join(' | ')).toBeGreaterThanOrEqual(0.3);
    expect(share, headings.join(' | ')).toBeLessThanOrEqual(0.75);
    for (const heading of headings)
      expect(isCompleteHeading(heading, sharedLefffLexicon()), heading).toBe(true);
  });

  it('a heading that is only the keyphrase takes its definite article (« Les mots de passe », not « Des… »)', async () => {
    const file = 'fr-txt-markdown-links-quotes/source.txt';
    const document = await ingest(read(`test/corpus/${file}`), { fileName: 'source.txt' });
    const analysis = analyze(document);
    const outline = planOutline(document, analysis, {
      keyphraseStems: ['mot', 'pass'],
      keyphrase: 'mots de passe',
      lexicon: sharedLefffLexicon(),
    });
    const headings = outline.sections.map((section) => section.heading);
    expect(headings).not.toContain('Des mots de passe');
  });
});
