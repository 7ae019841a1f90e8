import { findTypographyIssues, type TypographyIssue } from './typography.js';

/**
 * `findTypographyIssues(text)`, remembered for the texts read lately. An offline optimize asks it of each
 * paragraph twice: when the source is analysed, then when the draft — the source's own paragraphs — is
 * typeset. The issues are shared, so they are read-only (the public `findTypographyIssues` still returns
 * arrays of its own).
 */
export function typographyIssuesOf(text: string): readonly Readonly<TypographyIssue>[] {
  let issues = memo.get(text);
  if (issues === undefined) {
    issues = findTypographyIssues(text);
    // Bounded: only the paragraphs of the article at hand are asked again.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, issues);
  }
  return issues;
}

const memo = new Map<string, readonly Readonly<TypographyIssue>[]>();
const MEMO_LIMIT = 1024;

/** Forgets every remembered text: for benches that measure a cold article. */
export function clearTypographyIssuesMemo(): void {
  memo.clear();
}
