import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { sentenceShare } from '../../src/audit/sentence-share.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';

const MARKDOWN = [
  '# Le titre est écrit à part',
  '## Les vidéos sont intégrées',
  'Une phrase simple ici. Il est parti tôt.',
  '> Une citation est écrite par un autre.',
  '## Pour conclure',
  'La migration est maintenant faite.',
].join('\n\n');

const passive = (analysis: ReturnType<typeof analyze>) =>
  sentenceShare(
    analysis,
    (sentence) => sentence.passive !== null,
    (heading) => heading.passive === true,
  );

describe('sentenceShare: the sentences Yoast SEO counts', () => {
  it('leaves quotes and the H1 out, and counts each subheading as a sentence', () => {
    const share = passive(analyze(parseMarkdown(MARKDOWN)));
    // Body: 3 sentences without the quote; H2: 2. Passive: « La migration est maintenant faite », one H2.
    expect(share).toMatchObject({ count: 2, total: 5, percent: 40 });
    expect(share.matching.map((sentence) => sentence.text)).toEqual(['La migration est maintenant faite.']);
  });

  it('counts the « Sommaire » title and its entries, so a passive heading counts twice', () => {
    const analysis = analyze(parseMarkdown(MARKDOWN), {
      tableOfContents: ['Les vidéos sont intégrées', 'Pour conclure'],
    });
    expect(passive(analysis)).toMatchObject({ count: 3, total: 8, percent: 37.5 });
  });

  it('tests a heading with the check given for headings (long headings, transitions)', () => {
    const analysis = analyze(parseMarkdown(MARKDOWN));
    const transitions = sentenceShare(
      analysis,
      (sentence) => sentence.transitions.length > 0,
      (heading) => heading.transition === true,
    );
    expect(transitions).toMatchObject({ count: 1, total: 5 });
    const long = sentenceShare(
      analysis,
      () => false,
      (_heading, wordCount) => wordCount >= 4,
    );
    expect(long).toMatchObject({ count: 1, total: 5 });
  });
});
