import { describe, expect, it } from 'vitest';
import { tokenizeWords } from '../../src/lang/fr/tokenize-words.js';
import { pointsBackWithDemonstrative } from '../../src/plan/demonstrative.js';

describe('pointsBackWithDemonstrative', () => {
  it.each([
    ['Vous ne ferez que déplacer ce maillon faible vers un autre.', true],
    ['Chacun de ces mots est couplé avec un nombre.', true],
    ['La Seconde Guerre mondiale interrompt brutalement cet élan.', true],
    ['Cette mésaventure m’arrive pour la seconde fois.', true],
    // The pronoun « ce », not a determiner.
    ['Vous saurez ce que font les outils.', false],
    ['Voici ce qui change avec la version 3.', false],
    ['Un employeur qui aura ce dont il a besoin.', false],
    ['Ce n’est pas le cas.', false],
    ['Réfléchissez à ce à quoi sert un mot de passe.', false],
    // Idioms of time and cause.
    ['Les plus grands acteurs sont en train de gagner en ce moment.', false],
    ['De ce fait, la migration attendra.', false],
    // « un de ces » names one of a kind.
    ['Je me suis acheté un de ces masques à particules fines.', false],
    ['Aucune phrase sans démonstratif.', false],
  ])('%s → %s', (sentence, expected) => {
    expect(pointsBackWithDemonstrative(tokenizeWords(sentence))).toBe(expected);
  });
});
