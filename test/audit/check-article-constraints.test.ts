import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { DEFAULT_AUDIT_CONFIG } from '../../src/audit/audit-config.js';
import { checkArticleConstraints } from '../../src/audit/check-article-constraints.js';
import { runAssessments } from '../../src/audit/run-assessments.js';
import { auditWithConstraints } from '../../src/audit-source.js';
import { ingest } from '../../src/ingest/ingest.js';

const SOURCE = [
  'Le télétravail progresse en France',
  '',
  'Le télétravail concerne désormais 25 % des salariés en France, selon l’Insee. Les entreprises adaptent leurs bureaux.',
  '',
  '« Nous avons réduit nos surfaces de moitié », explique Claire Martin. Les salariés apprécient la souplesse des horaires.',
].join('\n');

const FRONT_MATTER = [
  '---',
  'title: Le télétravail progresse en France',
  'description: Le télétravail concerne désormais un quart des salariés en France, et les entreprises adaptent leurs bureaux pour suivre ce mouvement.',
  'slug: teletravail-france',
  'keyphrase: télétravail',
  '---',
  '',
].join('\n');

const ARTICLE = `${FRONT_MATTER}# Le télétravail progresse en France\n\n${SOURCE.split('\n').slice(2).join('\n')}\n`;

const WEB_HINT = 'demandez à la personne qui gère ce serveur d’y configurer un fournisseur LLM';

describe('auditWithConstraints', () => {
  it('checks language, length, subheadings and metadata; fidelity only against a source; never coverage', async () => {
    const withoutSource = await auditWithConstraints(ARTICLE, { minWords: 20 });
    expect(withoutSource.constraints.map((constraint) => constraint.id)).toEqual([
      'language',
      'length',
      'subheadings',
      'metadata',
    ]);
    expect(withoutSource.passed).toBe(true);
    expect(withoutSource.scores.seo).toBeGreaterThan(0);

    const withSource = await auditWithConstraints(ARTICLE, { minWords: 20, source: SOURCE });
    expect(withSource.constraints.map((constraint) => constraint.id)).toEqual([
      'language',
      'length',
      'subheadings',
      'fidelity',
      'metadata',
    ]);
    expect(withSource.passed).toBe(true);
  });

  it('fails fidelity for a figure, quote or name the source does not have', async () => {
    const edited = ARTICLE.replace('25 %', '40 %').replace('Claire Martin', 'Paul Durand');
    const report = await auditWithConstraints(edited, { minWords: 20, source: SOURCE });
    const fidelity = report.constraints.find((constraint) => constraint.id === 'fidelity');
    expect(fidelity?.passed).toBe(false);
    expect(fidelity?.message).toContain('40');
    expect(fidelity?.message).toContain('Paul Durand');
    expect(report.passed).toBe(false);
  });

  it('fails length and subheadings after an edit that cuts the article, with the hint given', async () => {
    const cut = `${FRONT_MATTER}# Le télétravail progresse en France\n\nLe télétravail concerne désormais 25 % des salariés.\n`;
    const report = await auditWithConstraints(cut, { minWords: 700, source: SOURCE, rewriterHint: WEB_HINT });
    const length = report.constraints.find((constraint) => constraint.id === 'length');
    expect(length).toMatchObject({ passed: false, needsRewriter: true });
    expect(length?.message).toContain(WEB_HINT);
    expect(length?.message).not.toContain('--provider');
    expect(report.passed).toBe(false);
  });

  it('says nothing of a writer to configure when one that rewrites is at hand', async () => {
    const english = `${FRONT_MATTER}# Remote work grows in France\n\n${'Remote work now concerns a quarter of employees in France, and companies are adapting their offices to follow the trend. '.repeat(4)}\n`;
    const alone = await auditWithConstraints(english, { minWords: 20, rewriterHint: WEB_HINT });
    const withLlm = await auditWithConstraints(english, {
      minWords: 20,
      rewriterHint: WEB_HINT,
      writerCanRewrite: true,
    });
    const language = (report: typeof alone) =>
      report.constraints.find((constraint) => constraint.id === 'language');
    expect(language(alone)).toMatchObject({ passed: false, needsRewriter: true });
    expect(language(alone)?.message).toContain(WEB_HINT);
    expect(language(withLlm)).toMatchObject({ passed: false, needsRewriter: false });
    expect(language(withLlm)?.message).not.toContain(WEB_HINT);
  });
});

describe('checkArticleConstraints', () => {
  it('checks coverage only when asked, with a source', async () => {
    const article = analyze(await ingest(ARTICLE));
    const source = analyze(await ingest(SOURCE));
    const report = runAssessments(article, DEFAULT_AUDIT_CONFIG);
    const inputs = { analysis: article, report, config: DEFAULT_AUDIT_CONFIG, keyphrase: 'télétravail' };
    const extractive = checkArticleConstraints({
      ...inputs,
      sourceAnalysis: source,
      coverage: true,
      writerCanRewrite: false,
    });
    expect(extractive.coverage).not.toBeNull();
    expect(extractive.fidelity.passed).toBe(true);
    expect(extractive.constraints.map((constraint) => constraint.id)).toContain('coverage');
    const edited = checkArticleConstraints({ ...inputs, sourceAnalysis: source, writerCanRewrite: false });
    expect(edited.coverage).toBeNull();
    expect(
      checkArticleConstraints({ ...inputs, coverage: true, writerCanRewrite: false }).coverage,
    ).toBeNull();
  });
});
