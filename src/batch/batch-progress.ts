import { CONSTRAINT_LABELS, formatDuration, formatNumber } from './format-batch-summary.js';
import type { BatchEvent } from './run-batch.js';

export interface BatchProgressOptions {
  /** Where the progress goes (stderr: stdout is for the summary). */
  stream: NodeJS.WritableStream;
  /** A bar redrawn in place (terminal), or one line per article (logs, pipes). */
  interactive: boolean;
  /** Clock in ms (default `Date.now`). */
  now?: () => number;
}

const BAR_WIDTH = 24;
/** Redraws at most this often: a bar redrawn for each of 300 articles a second would cost more than it shows. */
const REDRAW_INTERVAL_MS = 100;

/**
 * Shows a batch's progress: on a terminal, one line redrawn in place (done/total,
 * rate, time left, failures); otherwise one plain line per article.
 */
export function createBatchProgress(options: BatchProgressOptions): {
  onEvent: (event: BatchEvent) => void;
  /** Clears the bar before the summary is printed. */
  finish: () => void;
} {
  const now = options.now ?? Date.now;
  const started = now();
  let lastDraw = 0;
  let drawn = false;
  let skipped = 0;
  let latest: Extract<BatchEvent, { type: 'article' }> | undefined;

  const draw = (force: boolean) => {
    if (!latest) return;
    const time = now();
    if (!force && time - lastDraw < REDRAW_INTERVAL_MS) return;
    lastDraw = time;
    const { completed, total, totals } = latest;
    const filled = total === 0 ? BAR_WIDTH : Math.round((completed / total) * BAR_WIDTH);
    const elapsed = Math.max(1, time - started) / 1000;
    // Skipped articles take no time: counting them would promise a rate the rest will not keep.
    const processed = completed - skipped;
    const rate = processed / elapsed;
    const left = rate > 0 ? ((total - completed) / rate) * 1000 : undefined;
    const parts = [
      `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`,
      `${completed}/${total}`,
      `${formatNumber(Math.round(rate * 10) / 10)} articles/s`,
      `reste ${left === undefined ? '?' : formatDuration(left)}`,
      `échecs ${totals.errors}`,
      ...(totals.constraintFailed > 0 ? [`contraintes non respectées ${totals.constraintFailed}`] : []),
    ];
    options.stream.write(`\r\u001b[2K${parts.join('  ')}`);
    drawn = true;
  };

  return {
    onEvent(event) {
      if (event.type === 'warning') {
        if (drawn) options.stream.write('\r\u001b[2K');
        options.stream.write(`plume: ${event.message}\n`);
        return;
      }
      if (event.type !== 'article') return;
      latest = event;
      if (event.result.status === 'skipped') skipped += 1;
      if (options.interactive) {
        draw(event.completed === event.total);
        return;
      }
      const { result } = event;
      const detail =
        result.status === 'error'
          ? `erreur : ${result.error ?? ''}`
          : `${result.status === 'skipped' ? 'déjà à jour' : 'écrit'} (SEO ${result.seoScore ?? '—'}, ${
              result.passed
                ? 'contraintes ok'
                : `échec : ${(result.failedConstraints ?? []).map((id) => CONSTRAINT_LABELS[id] ?? id).join(', ')}`
            })`;
      options.stream.write(`plume: [${event.completed}/${event.total}] ${result.input} : ${detail}\n`);
    },
    finish() {
      if (options.interactive && drawn) options.stream.write('\r\u001b[2K');
    },
  };
}
