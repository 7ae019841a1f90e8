import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { checkFidelity, type FactKind } from '../../src/audit/check-fidelity.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { parseText } from '../../src/ingest/parse-text.js';
import { fixTypography } from '../../src/lang/fr/typography.js';
import { NBSP, NNBSP } from '../helpers/make-article.js';

const exampleText = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');

const SOURCE =
  "Selon Alex Libre, les géants offrent au moins 100 000 dollars aux juniors. « Les talents en IA sont parmi les mieux rémunérés », a déclaré Libre. Une startup a cédé 4 % de ses actions à l'ingénieur. L'entreprise vaut un million de dollars.";
const source = analyze(parseText(SOURCE));
const check = (output: string) => checkFidelity(analyze(parseText(output)), source);

interface Case {
  name: string;
  output: string;
  issues: [FactKind, string][];
}

const cases: Case[] = [
  { name: 'identical to the source', output: SOURCE, issues: [] },
  {
    name: 'the source with French typography (NBSP, ’, guillemets)',
    output: fixTypography(SOURCE).replace('100 000', `100${NBSP}000`),
    issues: [],
  },
  {
    name: 'narrow no-break spaces in figures and straight apostrophes',
    output: `Une startup a cédé 4${NNBSP}% de ses actions à l'ingénieur pour 100${NNBSP}000${NNBSP}dollars.`,
    issues: [],
  },
  { name: 'a sentence kept, the rest dropped', output: 'Une startup a cédé 4 % de ses actions.', issues: [] },
  {
    name: 'an invented figure',
    output: 'Les géants offrent au moins 200 000 dollars aux juniors.',
    issues: [['figure', '200 000 dollars']],
  },
  {
    name: 'a figure with another unit',
    output: 'Les géants offrent au moins 100 000 euros aux juniors.',
    issues: [['figure', '100 000 euros']],
  },
  {
    name: 'another percentage',
    output: 'Une startup a cédé 5 % de ses actions.',
    issues: [['figure', '5 %']],
  },
  { name: '« $ » for « dollars »', output: 'Les géants offrent au moins 100 000 $ aux juniors.', issues: [] },
  { name: '« 4% » for « 4 % »', output: 'Une startup a cédé 4% de ses actions.', issues: [] },
  { name: '« pour cent » for « % »', output: 'Une startup a cédé 4 pour cent de ses actions.', issues: [] },
  { name: '« 1 million » for « un million »', output: 'L’entreprise vaut 1 million de dollars.', issues: [] },
  { name: 'a bare number of the source', output: 'Les géants offrent 100 000 aux juniors.', issues: [] },
  {
    name: 'an altered quote',
    output: '« Les talents en IA sont les mieux rémunérés », a déclaré Libre.',
    issues: [['quote', 'Les talents en IA sont les mieux rémunérés']],
  },
  {
    name: 'an exact quote with other spaces and quotation marks',
    output: `“Les talents en IA sont parmi les mieux rémunérés”, a déclaré Libre.`,
    issues: [],
  },
  {
    name: 'part of a quote',
    output: '« Les talents en IA sont parmi les mieux rémunérés », dit-il.',
    issues: [],
  },
  {
    name: 'an invented name',
    output: 'Les géants offrent au moins 100 000 dollars, selon Jean Dupont.',
    issues: [['name', 'Jean Dupont']],
  },
  {
    name: 'a name of the source, in another sentence',
    output: 'Les juniors ont parlé à Alex Libre.',
    issues: [],
  },
  {
    name: 'a figure, a quote and a name invented together',
    output: '« Nous payons tout le monde », a déclaré Jean Dupont, qui offre 300 000 dollars.',
    issues: [
      ['figure', '300 000 dollars'],
      ['quote', 'Nous payons tout le monde'],
      ['name', 'Jean Dupont'],
    ],
  },
];

describe('checkFidelity', () => {
  it.each(cases)('$name', ({ output, issues }) => {
    const result = check(output);
    const byKind = (left: [FactKind, string], right: [FactKind, string]) => left[0].localeCompare(right[0]);
    expect(result.issues.map((issue): [FactKind, string] => [issue.kind, issue.text]).sort(byKind)).toEqual(
      [...issues].sort(byKind),
    );
    expect(result.passed).toBe(issues.length === 0);
  });

  it('issue offsets point into the article’s analysis text', () => {
    const output = analyze(parseText('Les géants, selon Jean Dupont, offrent au moins 200 000 dollars.'));
    const result = checkFidelity(output, source);
    expect(result.issues).toHaveLength(2);
    for (const issue of result.issues) expect(output.text.slice(issue.start, issue.end)).toBe(issue.text);
  });

  it('counts what it checked', () => {
    const result = check(SOURCE);
    expect(result).toEqual({
      passed: true,
      checked: {
        figure: source.facts.figures.length,
        quote: source.facts.quotes.length,
        name: source.facts.names.length,
      },
      issues: [],
    });
    expect(result.checked.figure).toBe(3);
    expect(result.checked.quote).toBe(1);
  });

  it('the example article checked against itself passes', () => {
    const exampleSource = analyze(parseText(exampleText));
    const result = checkFidelity(analyze(parseText(fixTypography(exampleText))), exampleSource);
    expect(result.issues).toEqual([]);
    expect(result.checked.figure).toBeGreaterThan(0);
    expect(result.checked.quote).toBeGreaterThan(5);
    expect(result.checked.name).toBeGreaterThan(10);
  });

  it('reads an article written as Markdown against a text source', () => {
    // « Les salaires » opens a heading: a capitalised sentence start, not a name.
    const markdown =
      '# Les salaires\n\nSelon **Alex Libre**, les géants offrent au moins [100 000 dollars](https://example.com) aux juniors.';
    expect(checkFidelity(analyze(parseMarkdown(markdown)), source).issues).toEqual([]);
  });

  describe('translated', () => {
    const translatedSource = analyze(
      parseText(
        '“AI talent is among the best paid in today’s job market,” Libre told BI. “It is a journey,” she said.',
      ),
    );
    /** Only quotes: names (« AI » → « IA ») are not what the translated mode is about. */
    const checkTranslated = (output: string) => {
      const result = checkFidelity(analyze(parseText(output)), translatedSource, { translated: true });
      return { ...result, issues: result.issues.filter((issue) => issue.kind === 'quote') };
    };

    it('accepts quotes of comparable length, one per source quote', () => {
      const result = checkTranslated(
        '« Les talents en IA sont parmi les mieux payés du marché de l’emploi », a dit Libre à BI. « C’est un voyage », a-t-elle dit.',
      );
      expect(result.issues).toEqual([]);
      expect(result.checked.quote).toBe(2);
    });

    it('flags a quote with no source quote left of its length', () => {
      const result = checkTranslated(
        '« Les talents en IA sont parmi les mieux payés du marché de l’emploi », a dit Libre. « Les talents en IA sont parmi les mieux payés du marché de l’emploi », a-t-elle répété.',
      );
      expect(result.issues.map((issue) => issue.kind)).toEqual(['quote']);
    });

    it('counts the quotes of a source typed with straight quotes', () => {
      const source = analyze(parseText('"It is a journey," she said. "We hire everywhere," he added.'));
      const output = analyze(
        parseText('« C’est un voyage », a-t-elle dit. « Nous recrutons partout », a-t-il ajouté.'),
      );
      expect(
        checkFidelity(output, source, { translated: true }).issues.filter((issue) => issue.kind === 'quote'),
      ).toEqual([]);
    });

    it('flags a quote far longer than any of the source', () => {
      const long =
        'Nous recrutons partout, tout le temps, à tous les prix et dans tous les pays du monde entier sans exception, des ingénieurs comme des rédacteurs ou des chefs de produit';
      const result = checkTranslated(`« ${long} », a dit Libre.`);
      expect(result.issues.map((issue) => [issue.kind, issue.text])).toEqual([['quote', long]]);
    });
  });

  describe('matches whole words only', () => {
    const wider = analyze(
      parseText('Le salaire médian atteint 12 000 euros par mois chez Alexandre Martin Conseil.'),
    );

    it('a figure is not found inside a larger one (« 2 000 » in « 12 000 »)', () => {
      const result = checkFidelity(
        analyze(parseText('Le salaire médian atteint 2 000 euros par mois.')),
        wider,
      );
      expect(result.issues.map((issue) => [issue.kind, issue.text])).toEqual([['figure', '2 000 euros']]);
    });

    it('a name is not found inside a longer word (« Alex » in « Alexandre »)', () => {
      const result = checkFidelity(analyze(parseText('Le salaire, dit Alex, atteint 12 000 euros.')), wider);
      expect(result.issues.map((issue) => [issue.kind, issue.text])).toEqual([['name', 'Alex']]);
    });
  });
});
