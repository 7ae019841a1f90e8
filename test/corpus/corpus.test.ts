import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The real-article corpus is only worth something if every article can be traced to its author and licence.
const corpusDirectory = dirname(fileURLToPath(import.meta.url));
const caseNames = readdirSync(corpusDirectory)
  .filter((name) => statSync(join(corpusDirectory, name)).isDirectory())
  .sort();
const sources = readFileSync(join(corpusDirectory, 'SOURCES.md'), 'utf8');

/** The SOURCES.md section of one case: from its `## <case>` heading to the next heading. */
function sourcesEntry(caseName: string): string | undefined {
  const sections = sources.split(/^## /m).slice(1);
  const section = sections.find((text) => text.split('\n', 1)[0]?.trim() === caseName);
  return section;
}

describe('real-article corpus', () => {
  it('holds at least 16 cases', () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(16);
  });

  it('has the language and format mix the bench relies on', () => {
    const count = (pattern: RegExp) => caseNames.filter((name) => pattern.test(name)).length;
    expect(count(/^fr-txt-/)).toBeGreaterThanOrEqual(3);
    expect(count(/^fr-md-(hugo|jekyll|eleventy)-/)).toBeGreaterThanOrEqual(3);
    expect(count(/-html-/)).toBeGreaterThanOrEqual(2);
    expect(count(/^en-/)).toBeGreaterThanOrEqual(2);
    expect(count(/^(es|de)-/)).toBeGreaterThanOrEqual(1);
  });

  it.each(caseNames)('%s has exactly one non-empty source file', (caseName) => {
    const files = readdirSync(join(corpusDirectory, caseName)).filter((file) =>
      /^source\.(md|txt|html)$/.test(file),
    );
    expect(files).toHaveLength(1);
    const text = readFileSync(join(corpusDirectory, caseName, files[0] as string), 'utf8');
    expect(text.trim().length).toBeGreaterThan(200);
  });

  it.each(caseNames)('%s has a SOURCES.md entry with title, author, URL, licence and changes', (caseName) => {
    const entry = sourcesEntry(caseName);
    expect(entry, `no "## ${caseName}" section in SOURCES.md`).toBeDefined();
    expect(entry).toMatch(/^- Title: \S/m);
    expect(entry).toMatch(/^- Author: \S/m);
    expect(entry).toMatch(/^- URL: https?:\/\/\S+/m);
    expect(entry).toMatch(/^- Licence: (CC BY(-SA)? \d\.\d|MIT|public domain|Licence Ouverte)/m);
    expect(entry).toMatch(/^- Retrieved: \d{4}-\d{2}-\d{2}\. Changes: \S/m);
  });

  it('has no SOURCES.md entry without a case folder', () => {
    const entries = [...sources.matchAll(/^## (\S+)\s*$/gm)].map((match) => match[1]);
    expect(entries.sort()).toEqual(caseNames);
  });
});
