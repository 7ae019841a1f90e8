import { type AuditedFile, lineOfResult, SCORE_NAMES } from './audited-file.js';

/**
 * GitHub Actions workflow commands, one line per finding: GitHub shows them on the pull
 * request's diff and in the run summary. « problème » results are warnings, « à améliorer »
 * notices, a score under `--fail-under` an error.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export function formatGithubAnnotations(files: readonly AuditedFile[]): string {
  const lines: string[] = [];
  for (const audited of files) {
    for (const failure of audited.failures) {
      lines.push(
        command(
          'error',
          { file: audited.file, line: 1, title: 'Plume : seuil non atteint' },
          `${capitalize(SCORE_NAMES[failure.score])} ${failure.value}/100, sous le seuil de ${failure.minimum} (--fail-under).`,
        ),
      );
    }
    for (const result of audited.report.results) {
      if (result.rating === 'good') continue;
      lines.push(
        command(
          result.rating === 'bad' ? 'warning' : 'notice',
          { file: audited.file, line: lineOfResult(audited, result), title: `Plume : ${result.title}` },
          result.message,
        ),
      );
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function command(
  level: 'error' | 'warning' | 'notice',
  properties: { file: string; line: number; title: string },
  message: string,
): string {
  const fields = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${level} ${fields}::${escapeData(message)}`;
}

/** The escapes GitHub's runner decodes in a command's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties also escape the separators `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
