import { describe, expect, it } from 'vitest';
import { findTypographyIssues } from '../../../src/lang/fr/typography.js';
import {
  clearTypographyIssuesMemo,
  typographyIssuesOf,
} from '../../../src/lang/fr/typography-issues-memo.js';

describe('typographyIssuesOf', () => {
  const text = 'Il dit : "oui" ; puis  il part !';

  it('answers what findTypographyIssues answers, the first time and the next', () => {
    clearTypographyIssuesMemo();
    expect(typographyIssuesOf(text)).toEqual(findTypographyIssues(text));
    expect(typographyIssuesOf(text)).toEqual(findTypographyIssues(text));
  });

  it('remembers a text: the same issues are given again', () => {
    expect(typographyIssuesOf(text)).toBe(typographyIssuesOf(text));
  });
});
