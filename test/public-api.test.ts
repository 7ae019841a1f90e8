import { describe, expect, it } from 'vitest';
import * as fr from '../src/fr.js';
import * as plume from '../src/index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(plume).sort()).toEqual([
      'ASSESSMENTS',
      'DEFAULT_AUDIT_CONFIG',
      'InputError',
      'MARKDOWN_TARGETS',
      'analyze',
      'audit',
      'auditDocument',
      'buildJsonLd',
      'checkFidelity',
      'checkHardConstraints',
      'createLanguageModel',
      'createLlmWriter',
      'createOfflineWriter',
      'extractKeyphrases',
      'ingest',
      'markdownFileName',
      'measureTextWidth',
      'mergeAuditConfig',
      'optimize',
      'planArticle',
      'renderHtmlDocument',
      'renderHtmlFragment',
      'renderJson',
      'renderMarkdown',
      'renderMessage',
      'truncateToWidth',
    ]);
  });

  it('plume/fr exports exactly these French tools', () => {
    expect(Object.keys(fr).sort()).toEqual([
      'MAX_SLUG_LENGTH',
      'NARROW_NO_BREAK_SPACE',
      'NO_BREAK_SPACE',
      'buildSlug',
      'countSyllables',
      'countWords',
      'detectLanguage',
      'findTypographyIssues',
      'fixTypography',
      'fleschBand',
      'fleschReadingEase',
      'foldAccents',
      'isValidSlug',
      'normalizeWord',
      'segmentSentences',
      'stem',
      'tokenizeWords',
    ]);
    expect(
      fr.detectLanguage('Les entreprises françaises recrutent des ingénieurs en intelligence artificielle.')
        .language,
    ).toBe('fr');
    expect(fr.fixTypography('Vraiment?')).toBe('Vraiment\u202F?');
  });

  it('audits and optimizes a string end to end', async () => {
    const text = 'Les talents en IA sont rares. Les entreprises se battent pour les recruter.';
    const report = await plume.audit(text, { keyphrase: 'talents en IA' });
    expect(report.keyphrase).toBe('talents en IA');
    const result = await plume.optimize(text, { keyphrase: 'talents en IA' });
    expect(result.markdown).toContain('# ');
    expect(result.report.constraints.find((constraint) => constraint.id === 'length')?.passed).toBe(false);
  });
});
