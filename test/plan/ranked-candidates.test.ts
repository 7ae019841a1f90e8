import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ingest } from '../../src/ingest/ingest.js';
import { stem } from '../../src/lang/fr/stem.js';
import { tokenizeWords } from '../../src/lang/fr/tokenize-words.js';
import { sharedLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import { extractHeadline, nounPhrases } from '../../src/plan/headline-from-sentence.js';
import { sentenceTokens } from '../../src/plan/plan-outline.js';
import { type HeadingCandidate, RankedCandidates } from '../../src/plan/ranked-candidates.js';
import { equalityTexts } from '../helpers/equality-texts.js';
import { seededRandom } from '../helpers/seeded-random.js';

/** A section of `count` sentences with random candidates (few distinct scores: many ties) and bounds. */
function randomSection(next: () => number, count: number) {
  const sentences = Array.from({ length: count }, (_, sentence) => {
    const candidates: HeadingCandidate[] = Array.from({ length: Math.floor(next() * 4) }, (_, unit) => ({
      text: `${sentence}-${unit}-${Math.floor(next() * 3)}`,
      score: Math.floor(next() * 6) / 2,
      hasKeyphrase: next() < 0.15,
    }));
    const best = Math.max(0, ...candidates.map((candidate) => candidate.score));
    // A bound may equal the best score or lie far above it.
    return {
      candidates,
      bound: next() < 0.3 ? best : best + next() * 3,
      keyphrase: candidates.some((c) => c.hasKeyphrase),
    };
  });
  let reads = 0;
  const ranked = new RankedCandidates({
    count,
    bound: (index) => sentences[index]?.bound ?? 0,
    mayHoldKeyphrase: (index) => sentences[index]?.keyphrase === true || next() < 0.1,
    read: (index) => {
      reads += 1;
      return sentences[index]?.candidates ?? [];
    },
  });
  // The oracle: every candidate, in reading order, stably sorted by score.
  const sorted = sentences
    .flatMap((sentence) => sentence.candidates)
    .sort((left, right) => right.score - left.score);
  return { ranked, sorted, reads: () => reads };
}

describe('RankedCandidates', () => {
  it('answers as a stable sort of every candidate would, ties included', () => {
    const { next } = seededRandom(11);
    let readsForFirst = 0;
    let sentences = 0;
    for (let round = 0; round < 500; round += 1) {
      const count = 1 + Math.floor(next() * 20);
      const { ranked, sorted, reads } = randomSection(next, count);
      sentences += count;
      const taken = new Set(sorted.filter(() => next() < 0.3).map((candidate) => candidate.text));
      const free = (candidate: HeadingCandidate) => !taken.has(candidate.text);
      expect(ranked.first(free)).toBe(sorted.find(free));
      readsForFirst += reads();
      expect(ranked.withKeyphrase()).toEqual(sorted.filter((candidate) => candidate.hasKeyphrase));
      const odd = (candidate: HeadingCandidate) => candidate.text.endsWith('1');
      expect(ranked.first(odd)).toBe(sorted.find(odd));
      expect(ranked.first(() => false)).toBeUndefined();
      // The whole ranking, one best-not-seen-yet at a time.
      const seen = new Set<HeadingCandidate>();
      for (
        let candidate = ranked.first((c) => !seen.has(c));
        candidate;
        candidate = ranked.first((c) => !seen.has(c))
      )
        seen.add(candidate);
      expect([...seen]).toEqual(sorted);
    }
    // The case is worth testing: the first answer leaves sentences unread.
    expect(readsForFirst).toBeLessThan(sentences * 0.9);
  });

  it('reads the sentences that may hold the keyphrase at once, the others only when asked', () => {
    const reads: number[] = [];
    const scores = [3, 1, 0.5, 2];
    const ranked = new RankedCandidates({
      count: 4,
      bound: (index) => scores[index] as number,
      mayHoldKeyphrase: (index) => index === 2,
      read: (index) => {
        reads.push(index);
        return [{ text: `phrase ${index}`, score: scores[index] as number, hasKeyphrase: index === 2 }];
      },
    });
    expect(reads).toEqual([2]);
    expect(ranked.withKeyphrase().map((candidate) => candidate.text)).toEqual(['phrase 2']);
    expect(ranked.first(() => true)?.text).toBe('phrase 0');
    // Sentence 0 scores 3, above every other bound: nothing else is read.
    expect(reads).toEqual([2, 0]);
    expect(ranked.first((candidate) => candidate.text !== 'phrase 0')?.text).toBe('phrase 3');
    expect(reads).toEqual([2, 0, 3]);
  });
});

// The outline's bounds rest on this: a heading unit (a sentence's headline, one of its noun phrases) is cut
// from its sentence, never rewritten, so its words' stems are among the sentence's (and a unit holds the
// keyphrase's stems only if its sentence does).
describe('heading units are made of their sentence’s words', () => {
  it.each(equalityTexts())('$name', async ({ name, text }) => {
    const format = name.endsWith('.html') ? 'html' : name.endsWith('.md') ? 'markdown' : 'text';
    const analysis = analyze(await ingest(text, { format }));
    const lexicon = sharedLefffLexicon();
    let units = 0;
    for (const sentence of analysis.sentences) {
      const stems = new Set(
        analysis.words.slice(sentence.wordStart, sentence.wordEnd).map((word) => word.stem),
      );
      const headline = extractHeadline(sentence.text, { lexicon });
      const phrases = nounPhrases(sentence.text, { lexicon, tokens: sentenceTokens(sentence, analysis) });
      for (const unit of [...(headline ? [headline] : []), ...phrases]) {
        units += 1;
        const missing = tokenizeWords(unit.text)
          .filter((token) => token.kind === 'word')
          .map((token) => stem(token.text))
          .filter((value) => !stems.has(value));
        expect(missing, `${unit.text} ⊄ ${sentence.text}`).toEqual([]);
      }
    }
    expect(units).toBeGreaterThan(0);
  });
});
