import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ingest } from '../../src/ingest/ingest.js';
import { parseText } from '../../src/ingest/parse-text.js';
import { sharedLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import { extractKeyphrases } from '../../src/plan/extract-keyphrases.js';
import { keyphrasePresence, preferPresentKeyphrase } from '../../src/plan/keyphrase-presence.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

async function analysisOf(path: string) {
  const fileName = path.split('/').pop() as string;
  return analyze(await ingest(read(path), { fileName }));
}

describe('keyphrasePresence', () => {
  test('counts the written forms only: « mot de passe » is not « mots de passe »', () => {
    const analysis = analyze(
      parseText(
        'Un mot de passe se devine vite quand il est court et simple à retenir.\n\n' +
          'Les mots de passe longs résistent mieux. Changez vos mots de passe souvent.',
      ),
    );
    expect(keyphrasePresence('mots de passe', analysis)).toEqual({
      bodySentences: 2,
      inIntroduction: false,
      describable: true,
    });
    expect(keyphrasePresence('mot de passe', analysis)).toMatchObject({
      bodySentences: 1,
      inIntroduction: true,
    });
  });
});

describe('preferPresentKeyphrase on real articles', () => {
  const lexicon = sharedLefffLexicon();
  // The title's « cheminement itératif en sécurité » is written nowhere in the body; the article is about
  // passwords, which it names in seven sentences.
  test('a title fragment absent from the body gives way to the repeated « mots de passe »', async () => {
    const analysis = await analysisOf('test/corpus/fr-md-jekyll-cheminement-securite/source.md');
    const candidates = extractKeyphrases(analysis, { limit: 12, lexicon });
    expect(candidates[0]?.phrase).toBe('cheminement itératif en sécurité');
    expect(preferPresentKeyphrase(candidates, analysis)[0]?.phrase).toBe('mots de passe');
  });

  // A keyphrase the body writes stays; so does one no other candidate of comparable score beats.
  const kept: [string, string][] = [
    ['test/corpus/fr-md-jekyll-diceware/source.md', 'mots de passe'],
    ['test/corpus/fr-md-jekyll-laissez-moi-respirer/source.md', 'masques à particules fines'],
    ['test/corpus/fr-md-eleventy-short-transferts/source.md', 'transferts de gros fichiers'],
    ['test/corpus/fr-md-eleventy-tout-change/source.md', 'plugins Jekyll'],
    ['test/corpus/fr-md-jekyll-long-bugs-du-cerveau/source.md', 'biais cognitifs'],
  ];
  test.each(kept)('%s keeps « %s »', async (path, expected) => {
    const analysis = await analysisOf(path);
    const candidates = extractKeyphrases(analysis, { limit: 12, lexicon });
    expect(preferPresentKeyphrase(candidates, analysis)[0]?.phrase).toBe(expected);
  });
});
