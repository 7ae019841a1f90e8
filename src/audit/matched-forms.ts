import type { Analysis, Span } from '../analyze/analysis.js';

/** At most this many forms in a message parameter: enough to show which word forms counted. */
const MAX_FORMS = 6;

/**
 * The word forms of the keyphrase found in the body (or in `within`), as written, lower case, each once,
 * in text order, joined by « , »: « plugins, jekyll ». Plume matches French word forms by stem, which a
 * tool matching exact forms does not; the report shows which forms counted.
 */
export function matchedForms(analysis: Analysis, within?: Span): string {
  const forms: string[] = [];
  for (const mark of analysis.keyphrase?.marks ?? []) {
    if (within && (mark.start < within.start || mark.end > within.end)) continue;
    const form = analysis.text.slice(mark.start, mark.end).toLowerCase();
    if (!forms.includes(form)) forms.push(form);
    if (forms.length === MAX_FORMS) break;
  }
  return forms.join(', ');
}
