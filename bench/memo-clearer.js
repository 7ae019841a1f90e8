// Empties every memo of a build's dist/ (stems, syllables and word readings, transition words, typography
// issues, typeset messages): what the benches' « memos cleared » figures clear before each call. The
// shared Lefff lexicon keeps its per-word cache, as it does in any long-lived process.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A function that clears the memos of the build whose checkout is `folder` (its dist/ must be built). */
export async function memoClearer(folder) {
  const load = (path) => import(pathToFileURL(join(folder, 'dist', path)).href);
  const [analyze, messages, stem, transitions, typography] = await Promise.all([
    load('analyze/analyze.js'),
    load('audit/messages-fr.js'),
    load('lang/fr/stem.js'),
    load('lang/fr/transition-words.js'),
    load('lang/fr/typography-issues-memo.js'),
  ]);
  return () => {
    analyze.clearSyllableMemo();
    messages.clearMessageMemo();
    stem.clearStemMemo();
    transitions.clearTransitionWordMemo();
    typography.clearTypographyIssuesMemo();
  };
}
