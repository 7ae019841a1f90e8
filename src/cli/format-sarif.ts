import type { Rating } from '../audit/assessment.js';
import { type AuditedFile, lineOfResult, SCORE_NAMES, type ScoreFailure } from './audited-file.js';

/** SARIF levels: a « problème » is a warning, « à améliorer » a note, a score under the threshold an error. */
const LEVELS: Readonly<Record<Exclude<Rating, 'good'>, 'warning' | 'note'>> = { bad: 'warning', ok: 'note' };

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
}

/**
 * The audit as a SARIF 2.1.0 log, the format code scanning reads
 * (`github/codeql-action/upload-sarif`, GitLab, Azure DevOps): one run, one rule per
 * assessment or threshold, one result per finding with its file and line.
 */
export function formatSarif(files: readonly AuditedFile[], version: string): string {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleOf = (id: string, title: string) => {
    let index = ruleIndex.get(id);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(id, index);
      rules.push({ id, name: title, shortDescription: { text: title } });
    }
    return index;
  };
  const results: object[] = [];
  for (const audited of files) {
    for (const failure of audited.failures) {
      const id = failureRuleId(failure);
      results.push({
        ruleId: id,
        ruleIndex: ruleOf(id, `Seuil du ${SCORE_NAMES[failure.score]}`),
        level: 'error',
        message: {
          text: `${SCORE_NAMES[failure.score]} ${failure.value}/100, sous le seuil de ${failure.minimum} (--fail-under).`,
        },
        locations: [location(audited.file, 1)],
      });
    }
    for (const result of audited.report.results) {
      if (result.rating === 'good') continue;
      results.push({
        ruleId: result.id,
        ruleIndex: ruleOf(result.id, result.title),
        level: LEVELS[result.rating],
        message: { text: result.message },
        locations: [location(audited.file, lineOfResult(audited, result))],
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Plume', version, semanticVersion: version, rules } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function failureRuleId(failure: ScoreFailure): string {
  return `fail-under/${failure.score}`;
}

function location(file: string, line: number): object {
  return {
    physicalLocation: {
      // SARIF URIs use forward slashes, relative to the folder the scan ran in.
      artifactLocation: { uri: file.split('\\').join('/') },
      region: { startLine: line },
    },
  };
}
