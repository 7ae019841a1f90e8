import { readFileSync } from 'node:fs';
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
      'checkArticleConstraints',
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

  it('re-checks the hard constraints of an edited article, as /api/audit does (checkArticleConstraints)', async () => {
    const source = readFileSync(new URL('../examples/talents-ia.txt', import.meta.url), 'utf8');
    const result = await plume.optimize(source);
    expect(result.report.passed).toBe(true);
    // The user deletes every H2: the sections are gone, so is the subheadings constraint.
    const edited = result.markdown.replace(/^## .*$/gmu, '');
    const document = await plume.ingest(edited, { format: 'markdown' });
    const keyphrase = result.article.metadata.keyphrase ?? null;
    const analysis = plume.analyze(document, { keyphrase });
    const config = plume.mergeAuditConfig({});
    const { constraints, fidelity } = plume.checkArticleConstraints({
      analysis,
      report: plume.auditDocument(document, { keyphrase }),
      config,
      keyphrase,
      sourceAnalysis: plume.analyze(await plume.ingest(source, { fileName: 'talents-ia.txt' })),
      writerCanRewrite: false,
    });
    expect(constraints.find((constraint) => constraint.id === 'subheadings')?.passed).toBe(false);
    expect(fidelity.passed).toBe(true);
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
