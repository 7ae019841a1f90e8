import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { type AuditConfigOverrides, mergeAuditConfig } from '../../src/audit/audit-config.js';
import { type BriefWishes, resolveBrief } from '../../src/brief.js';
import type { Document } from '../../src/document.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { parseText } from '../../src/ingest/parse-text.js';
import { measureTextWidth } from '../../src/lang/pixel-width/measure-text-width.js';
import { sharedLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import { planArticle, sentencesOfPassage } from '../../src/plan/plan-article.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const exampleText = read('examples/talents-ia.txt');
const longText = read('test/golden/long-no-headings/input.txt');

type Wishes = Omit<BriefWishes, 'minWords' | 'locale'>;

const briefOf = (document: Document, wishes: Wishes) =>
  resolveBrief(document.metadata, { ...wishes, minWords: 700, locale: 'fr-FR' });

function plan(document: Document, wishes: Wishes = {}, overrides: AuditConfigOverrides = {}) {
  const brief = briefOf(document, wishes);
  const analysis = analyze(document, brief.keyphrase ? { keyphrase: brief.keyphrase.text } : {});
  return {
    analysis,
    plan: planArticle(document, analysis, {
      brief,
      config: mergeAuditConfig(overrides),
      lexicon: sharedLefffLexicon(),
    }),
  };
}

const MARKDOWN = `---
title: Potager en permaculture, le guide
description: Trop court.
keyphrase: potager en permaculture
keywords: [buttes, paillage]
slug: mon-potager
---
# Le potager en permaculture

Une introduction du potager en permaculture qui pose le sujet pour le lecteur pressé et lui donne envie.

## Observer son terrain

Un texte sous le premier intertitre qui parle du terrain et de la lumière.
`;

describe('planArticle on the example article', () => {
  const document = parseText(exampleText);
  const { analysis, plan: given } = plan(document, { keyphrase: 'talents en IA' });

  it('builds every field from the source', () => {
    expect(given).toMatchObject({
      keyphrase: 'talents en IA',
      keyphraseOrigin: 'given',
      title: 'Talents en IA : Big Tech est prêt à payer jusqu’à un million',
      // Without a title or H1 in the source, the H1 is the SEO title, as most CMSs print it.
      h1: 'Talents en IA : Big Tech est prêt à payer jusqu’à un million',
      // Whole sentences within 120–156 characters, never cut with « … ».
      description:
        'L’embauche de talents en IA est impitoyable. Il semble que les plus grands acteurs de l’industrie technologique soient en train de gagner en ce moment.',
      slug: 'talents-ia',
      keyPoints: { nodeIndex: 0, wordCount: 62 },
      introduction: [{ nodeIndex: 1, wordCount: 56 }],
    });
    // Noun phrases only (the lexicon refuses « travailleurs possédant les compétences »); names
    // (« Big Tech ») are penalised as keywords.
    expect(given.keywords).toEqual([
      'petites entreprises',
      'IA générative',
      'grandes entreprises',
      'startups d’IA',
      'pénurie de talents',
    ]);
  });

  it('meets the metadata limits', () => {
    expect(measureTextWidth(given.title)).toBeLessThanOrEqual(600);
    expect([...given.description].length).toBeLessThanOrEqual(156);
    expect([...given.description].length).toBeGreaterThanOrEqual(120);
    expect(given.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('has intro, key points and at least four sections including the heading-like lines', () => {
    expect(given.sections.length).toBeGreaterThanOrEqual(4);
    const headings = given.sections.map((section) => section.heading);
    expect(headings).toEqual(
      expect.arrayContaining([
        'Big Tech est prêt à payer jusqu’à un million pour les talents en IA',
        'Il n’y a pas assez de travailleurs possédant une expertise en IA',
        'Les entreprises commencent tout juste à se lancer dans l’IA',
      ]),
    );
    expect(headings).not.toContain(given.h1);
    for (const section of given.sections) expect(section.wordBudget).toBeLessThanOrEqual(300);
  });

  it('extracts « talents en IA » when no keyphrase is given', () => {
    const { plan: extracted } = plan(parseText(exampleText));
    expect(extracted.keyphrase).toBe('talents en IA');
    expect(extracted.keyphraseOrigin).toBe('extracted');
    expect({ ...extracted, keyphraseOrigin: 'given' }).toEqual(given);
  });

  it('takes the user’s title, description, slug and section size', () => {
    const { plan: custom } = plan(
      document,
      {
        keyphrase: 'recrutement',
        title: '  Mon titre ',
        description: 'Ma description',
        slug: 'mon-slug',
      },
      { subheadingDistribution: { maxWords: 150 } },
    );
    expect(custom).toMatchObject({
      keyphrase: 'recrutement',
      keyphraseOrigin: 'given',
      title: 'Mon titre',
      description: 'Ma description',
      slug: 'mon-slug',
    });
    expect(custom.keywords[0]).toBe('talents en IA');
    expect(custom.sections.length).toBeGreaterThan(given.sections.length);
    for (const section of custom.sections) expect(section.wordBudget).toBeLessThanOrEqual(150);
  });

  it('is deterministic', () => {
    const again = plan(parseText(exampleText), { keyphrase: 'talents en IA' }).plan;
    expect(again).toEqual(given);
    expect(
      planArticle(document, analysis, {
        brief: briefOf(document, { keyphrase: 'talents en IA' }),
        lexicon: sharedLefffLexicon(),
      }),
    ).toEqual(given);
  });

  it('sentencesOfPassage returns the passage’s sentences', () => {
    const introduction = given.introduction[0];
    if (!introduction) throw new Error('no introduction');
    expect(sentencesOfPassage(introduction, analysis).map((sentence) => sentence.text)).toEqual([
      'La lutte pour recruter les meilleurs talents en IA s’intensifie alors que les entreprises, grandes et petites, rivalisent dans la course pour créer les meilleurs produits dans ce secteur en plein essor.',
      'Il semble que les plus grands acteurs de l’industrie technologique, dotés des plus gros soldes bancaires, soient en train de gagner en ce moment.',
    ]);
    expect(
      sentencesOfPassage({ nodeIndex: 1, sentences: { start: 3, end: 4 }, wordCount: 0 }, analysis),
    ).toEqual([analysis.sentences[3]]);
  });
});

describe('planArticle on Markdown with front matter', () => {
  const { plan: fromSource } = plan(parseMarkdown(MARKDOWN));

  it('uses the source’s keyphrase, keywords, title, slug and H1', () => {
    expect(fromSource).toMatchObject({
      keyphrase: 'potager en permaculture',
      keyphraseOrigin: 'source',
      keywords: ['buttes', 'paillage'],
      title: 'Potager en permaculture, le guide',
      h1: 'Le potager en permaculture',
      slug: 'mon-potager',
      keyPoints: null,
      introduction: [{ nodeIndex: 1, wordCount: 18 }],
    });
    expect(fromSource.sections.map((section) => [section.depth, section.heading, section.origin])).toEqual([
      [2, 'Observer son terrain', 'source'],
    ]);
  });

  it('replaces a description out of bounds with one built from the lead', () => {
    expect(fromSource.description).not.toBe('Trop court.');
    expect(fromSource.description).toContain('potager en permaculture');
    expect([...fromSource.description].length).toBeLessThanOrEqual(156);
  });

  it('keeps a description within bounds', () => {
    const description =
      'Buttes, paillage, associations de cultures : nos conseils pour démarrer un potager en permaculture sans se ruiner, avec une maraîchère.';
    const { plan: kept } = plan(parseMarkdown(MARKDOWN.replace('Trop court.', JSON.stringify(description))));
    expect(kept.description).toBe(description);
  });

  it('the user’s keyphrase wins over the source’s', () => {
    const { plan: overridden } = plan(parseMarkdown(MARKDOWN), { keyphrase: 'buttes de culture' });
    expect(overridden.keyphrase).toBe('buttes de culture');
    expect(overridden.keyphraseOrigin).toBe('given');
  });
});

describe('planArticle on a long text without headings', () => {
  const { plan: generated } = plan(parseText(longText), { keyphrase: 'métro parisien' });

  it('takes the H1 from the SEO title and generates distinct headings', () => {
    // The source has straight apostrophes; the polish stage fixes them later.
    expect(generated.h1).toBe(generated.title);
    const headings = generated.sections.map((section) => section.heading.toLocaleLowerCase('fr'));
    expect(new Set(headings).size).toBe(headings.length);
    expect(headings).not.toContain(generated.h1.toLocaleLowerCase('fr'));
    expect(generated.slug).toBe('metro-parisien');
  });

  it('gets a title wider than the bare keyphrase, from a whole clause rather than a cut one', () => {
    expect(generated.title).toBe('Métro parisien : un réseau raccordé aux lignes nationales');
    expect(measureTextWidth(generated.title)).toBeGreaterThanOrEqual(300);
    expect(measureTextWidth(generated.title)).toBeLessThanOrEqual(600);
  });

  it('a very short text still gets a keyphrase', () => {
    const { plan: tiny } = plan(parseText('Les vélos arrivent. Les vélos partent.'));
    expect(tiny.keyphrase.length).toBeGreaterThan(0);
    expect(tiny.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(measureTextWidth(tiny.title)).toBeLessThanOrEqual(600);
  });
});

describe('planArticle: French capitalisation after « : » in the H1 and the SEO title', () => {
  const source = (title: string) =>
    parseMarkdown(
      `---\ntitle: "${title}"\n---\n\nAvant de partir, vérifiez les prérequis : un vélo révisé et de l’eau. Le sommet du Ventoux se mérite, et renoncer au dernier kilomètre n’a rien d’une honte.\n\n## Prérequis\n\nUn vélo, de l’eau et du temps pour monter au sommet du Ventoux sans se presser.\n`,
    );

  it('a common word after « : » in the source title is lowercased in the H1 (issue 12)', () => {
    const { plan: given } = plan(source('Sommet du Ventoux : Renoncer au dernier kilomètre'));
    expect(given.h1).toBe('Sommet du Ventoux : renoncer au dernier kilomètre');
  });

  it('a name after « : » keeps its capital in the H1', () => {
    const { plan: given } = plan(source('Sommet du Ventoux : Bédoin au petit matin'));
    expect(given.h1).toBe('Sommet du Ventoux : Bédoin au petit matin');
  });

  it('a word only the source knows as common is lowercased in the SEO title (« … : prérequis »)', () => {
    const { plan: given } = plan(source('Prérequis pour monter'), { keyphrase: 'sommet du Ventoux' });
    expect(given.title).toBe('Sommet du Ventoux : prérequis pour monter');
  });
});
