import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as segmentModule from '../../../src/lang/fr/segment-sentences.js';
import { segmentSentences } from '../../../src/lang/fr/segment-sentences.js';

const exampleText = readFileSync(new URL('../../../examples/talents-ia.txt', import.meta.url), 'utf8');

interface Case {
  name: string;
  input: string;
  expected: string[];
}

const cases: Case[] = [
  {
    name: 'two plain sentences',
    input: 'Il pleut. Nous restons ici.',
    expected: ['Il pleut.', 'Nous restons ici.'],
  },
  {
    name: 'question and exclamation marks with French spacing',
    input: 'Vous venez ? Oui ! Parfait.',
    expected: ['Vous venez ?', 'Oui !', 'Parfait.'],
  },
  { name: 'empty text', input: '', expected: [] },
  { name: 'whitespace only', input: '  \n\t \n', expected: [] },
  { name: 'no final punctuation', input: 'Un titre sans point', expected: ['Un titre sans point'] },
  {
    name: 'leading and trailing whitespace is trimmed',
    input: '   Il part.   Elle reste.   ',
    expected: ['Il part.', 'Elle reste.'],
  },
  {
    name: 'M. before a name',
    input: 'M. Dupont est arrivé. Il part.',
    expected: ['M. Dupont est arrivé.', 'Il part.'],
  },
  {
    name: 'MM., Mme and Dr.',
    input: 'MM. Martin et Durand saluent Mme. Petit et le Dr. Roux. Tous sourient.',
    expected: ['MM. Martin et Durand saluent Mme. Petit et le Dr. Roux.', 'Tous sourient.'],
  },
  {
    name: 'initials',
    input: 'J. K. Rowling a écrit la saga. Elle a eu du succès.',
    expected: ['J. K. Rowling a écrit la saga.', 'Elle a eu du succès.'],
  },
  {
    name: 'hyphenated initials',
    input: 'Selon J.-P. Sartre, rien. Fin.',
    expected: ['Selon J.-P. Sartre, rien.', 'Fin.'],
  },
  {
    name: 'JT O’Donnell needs no period',
    input: 'JT O’Donnell a parlé. Puis il est parti.',
    expected: ['JT O’Donnell a parlé.', 'Puis il est parti.'],
  },
  {
    name: 'cf., p. ex., c.-à-d.',
    input: 'Voir cf. Dupont, p. ex. Martin, c.-à-d. Durand. Ensuite on verra.',
    expected: ['Voir cf. Dupont, p. ex. Martin, c.-à-d. Durand.', 'Ensuite on verra.'],
  },
  {
    name: 'vol., chap., fig., env., n°',
    input: 'Lire vol. 2, chap. 3, fig. 4, soit env. 30 pages du n° 5. Bonne lecture.',
    expected: ['Lire vol. 2, chap. 3, fig. 4, soit env. 30 pages du n° 5.', 'Bonne lecture.'],
  },
  {
    name: 'av. J.-C. ends a sentence before an uppercase word',
    input: 'César meurt en 44 av. J.-C. Rome change.',
    expected: ['César meurt en 44 av. J.-C.', 'Rome change.'],
  },
  {
    name: 'etc. before a lowercase word',
    input: 'Des pommes, des poires, etc. et des fraises. Voilà.',
    expected: ['Des pommes, des poires, etc. et des fraises.', 'Voilà.'],
  },
  {
    name: 'etc. at the end of a sentence',
    input: 'Des pommes, des poires, etc. Puis il est parti.',
    expected: ['Des pommes, des poires, etc.', 'Puis il est parti.'],
  },
  {
    name: 'Inc. inside a sentence',
    input: 'Apple Inc. a publié ses résultats. Ils sont bons.',
    expected: ['Apple Inc. a publié ses résultats.', 'Ils sont bons.'],
  },
  {
    name: 'closing guillemet after the final period',
    input: '« Bonjour. » Il part.',
    expected: ['« Bonjour. »', 'Il part.'],
  },
  {
    name: 'closing guillemet after an exclamation, then a new sentence',
    input: 'Il dit : « Non ! » Puis il part.',
    expected: ['Il dit : « Non ! »', 'Puis il part.'],
  },
  {
    name: 'question in a quote followed by a lowercase incise',
    input: '« Tu viens ? » a-t-il demandé. Elle a souri.',
    expected: ['« Tu viens ? » a-t-il demandé.', 'Elle a souri.'],
  },
  {
    name: 'exclamation in a quote followed by a comma',
    input: '« Non ! », dit-il. Puis rien.',
    expected: ['« Non ! », dit-il.', 'Puis rien.'],
  },
  {
    name: 'exclamation inside a sentence',
    input: 'Il a crié « Au secours ! » et il est parti. Personne n’a bougé.',
    expected: ['Il a crié « Au secours ! » et il est parti.', 'Personne n’a bougé.'],
  },
  {
    name: 'several sentences inside one quote',
    input: '« Première phrase. Deuxième phrase. » Il part.',
    expected: ['« Première phrase.', 'Deuxième phrase. »', 'Il part.'],
  },
  {
    name: 'curly quotes and parentheses close the sentence',
    input: 'Il dit “Bonjour.” Puis il vient (enfin.) Tout va bien.',
    expected: ['Il dit “Bonjour.”', 'Puis il vient (enfin.)', 'Tout va bien.'],
  },
  {
    name: 'quote then incise, then a quote: the real paragraph of the example',
    input:
      '« C’est un voyage », a déclaré O’Donnell. « Chaque fois que vous possédez un nouvel ensemble de compétences, c’est comme dans le Far West. »',
    expected: [
      '« C’est un voyage », a déclaré O’Donnell.',
      '« Chaque fois que vous possédez un nouvel ensemble de compétences, c’est comme dans le Far West. »',
    ],
  },
  {
    name: 'ellipsis before an uppercase word ends the sentence',
    input: 'Il attend… Puis il part.',
    expected: ['Il attend…', 'Puis il part.'],
  },
  {
    name: 'ellipsis before a lowercase word does not',
    input: 'Il attend… et il part. Fin.',
    expected: ['Il attend… et il part.', 'Fin.'],
  },
  {
    name: 'three dots behave like the ellipsis',
    input: 'Il attend... Puis il part... et revient.',
    expected: ['Il attend...', 'Puis il part... et revient.'],
  },
  {
    name: 'ellipsis before a number does not split',
    input: 'Il compte… 3 fois. Fin.',
    expected: ['Il compte… 3 fois.', 'Fin.'],
  },
  {
    name: 'decimals and thousands never split',
    input: 'Le taux est de 3.5 points. Le prix atteint 1.000 euros.',
    expected: ['Le taux est de 3.5 points.', 'Le prix atteint 1.000 euros.'],
  },
  {
    name: 'URLs and e-mail addresses never split',
    input:
      'Voir www.exemple.fr/page.html?x=Y.Z et https://a.b.fr/?Q=1 puis écrire à jean.dupont@exemple.fr. Merci.',
    expected: [
      'Voir www.exemple.fr/page.html?x=Y.Z et https://a.b.fr/?Q=1 puis écrire à jean.dupont@exemple.fr.',
      'Merci.',
    ],
  },
  {
    name: 'no split without a space after the punctuation',
    input: 'Il part.Il revient. Fin.',
    expected: ['Il part.Il revient.', 'Fin.'],
  },
  {
    name: 'a stray period stays with its sentence',
    input: 'Comme TensorFlow, Ray et PyTorch. . Fin.',
    expected: ['Comme TensorFlow, Ray et PyTorch. .', 'Fin.'],
  },
  {
    name: 'every line break is a hard break',
    input: 'Titre sans point\nLe texte commence ici\n\nnouveau paragraphe en minuscules.',
    expected: ['Titre sans point', 'Le texte commence ici', 'nouveau paragraphe en minuscules.'],
  },
  {
    name: 'CRLF line breaks',
    input: 'Première ligne.\r\nDeuxième ligne.',
    expected: ['Première ligne.', 'Deuxième ligne.'],
  },
  {
    name: 'a line made only of punctuation is not a sentence',
    input: 'Avant.\n***\nAprès.',
    expected: ['Avant.', 'Après.'],
  },
  {
    name: 'an enumerator at the start of a line',
    input: '1. Introduction générale. Suite du texte.',
    expected: ['1. Introduction générale.', 'Suite du texte.'],
  },
  {
    name: 'no-break spaces before punctuation and inside guillemets',
    input: 'Vraiment\u202f? «\u00a0Oui\u00a0!\u00a0» Il rit.',
    expected: ['Vraiment\u202f?', '«\u00a0Oui\u00a0!\u00a0»', 'Il rit.'],
  },
  {
    name: 'a sentence may start with a digit',
    input: 'Il a gagné. 100 000 dollars ont été versés.',
    expected: ['Il a gagné.', '100 000 dollars ont été versés.'],
  },
];

describe('segmentSentences', () => {
  it('exports its API', () => {
    expect(Object.keys(segmentModule).sort()).toEqual([
      'referenceAbbreviations',
      'segmentSentences',
      'titleAbbreviations',
    ]);
  });

  it.each(cases)('$name', ({ input, expected }) => {
    const sentences = segmentSentences(input);
    expect(sentences.map((sentence) => sentence.text)).toEqual(expected);
    for (const sentence of sentences) {
      expect(input.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.text.trim()).toBe(sentence.text);
    }
  });

  it('never joins text across a line break', () => {
    const input = 'une ligne sans point\net une autre en minuscules\n\nencore une';
    for (const sentence of segmentSentences(input)) expect(sentence.text).not.toContain('\n');
  });
});

describe('segmentSentences on examples/talents-ia.txt, line by line', () => {
  const lines = exampleText.split('\n');
  const perLine = lines.map((line) => segmentSentences(line));
  const sentences = perLine.flat();

  it('finds the expected number of sentences on each line', () => {
    expect(perLine.map((line) => line.length)).toEqual([
      1, 1, 1, 2, 3, 2, 2, 1, 1, 1, 3, 1, 1, 1, 2, 1, 2, 2, 1, 1, 2, 1, 1, 1, 2, 1, 2, 2, 1,
    ]);
    expect(sentences.length).toBe(43);
  });

  it('never starts a sentence with a closing guillemet or a lowercase incise', () => {
    for (const sentence of sentences) {
      expect(sentence.text).not.toMatch(/^[»”),;:]/);
      expect(sentence.text).not.toMatch(/^[«\s]*\p{Ll}/u);
      expect(sentence.text).not.toMatch(/^(a déclaré|déclare|dit-elle|dit)\b/);
    }
  });

  it('keeps the quote and its incise in one sentence', () => {
    const line = lines[26] ?? '';
    expect(segmentSentences(line).map((sentence) => sentence.text)).toEqual([
      '« C’est un voyage », a déclaré O’Donnell.',
      '« Chaque fois que vous possédez un nouvel ensemble de compétences, c’est comme dans le Far West, et tout le monde se précipite pour accéder à la crème de la crème en matière d’embauche. »',
    ]);
  });

  it('segments the whole file the same way as line by line', () => {
    expect(segmentSentences(exampleText).map((sentence) => sentence.text)).toEqual(
      sentences.map((sentence) => sentence.text),
    );
  });
});
