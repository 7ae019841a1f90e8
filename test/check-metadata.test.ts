import { describe, expect, it } from 'vitest';
import { checkSourceMetadata, isHttpUrl, isValidDate } from '../src/check-metadata.js';
import type { Document } from '../src/document.js';

describe('isHttpUrl', () => {
  it.each([
    ['https://exemple.fr/article', true],
    ['http://exemple.fr', true],
    ['HTTPS://EXEMPLE.FR/a?b=c#d', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:x', false],
    ['mailto:a@b.fr', false],
    ['example.org/a', false],
    ['/relative/path', false],
    ['https://exemple.fr/a b', false],
    ['https://exemple.fr/a\nb', false],
    ['https://', false],
    [`https://exemple.fr/${'a'.repeat(3000)}`, false],
  ])('%j -> %s', (value, expected) => {
    expect(isHttpUrl(value)).toBe(expected);
  });
});

describe('isValidDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2024-03-25T10:00:00Z', true],
    ['2024-03-25T10:00:00.000Z', true],
    ['2024-03-25T10:00', true],
    ['2024-03-25T23:59:59+02:00', true],
    ['2024-03-25T10:00:00-0500', true],
    ['2023-02-29', false],
    ['2024-99-99', false],
    ['2024-13-45', false],
    ['2024-02-03T99:99:99Z', false],
    ['2024-02-03T24:00:00Z', false],
    ['2024-02-03T10:60:00Z', false],
    ['2024-02-03T10:00:60Z', false],
    ['2024-02-03T10:00:00+25:00', false],
    ['2024-02-03T1:2:3', false],
    ['hier', false],
    ['25/03/2024', false],
    ['2024-03-25<script>', false],
  ])('%j -> %s', (value, expected) => {
    expect(isValidDate(value)).toBe(expected);
  });
});

const documentWith = (format: Document['format'], metadata: Document['metadata']): Document => ({
  format,
  tree: { type: 'root', children: [] },
  metadata,
});

describe('checkSourceMetadata', () => {
  it('drops a URL, date or slug that cannot be published, each with a French warning', () => {
    const { document, warnings } = checkSourceMetadata(
      documentWith('html-page', {
        title: 'Titre',
        url: 'javascript:alert(1)',
        date: '2024-99-99',
        slug: '../../victim',
      }),
    );
    expect(document.metadata).toEqual({ title: 'Titre' });
    expect(warnings).toEqual([
      'URL canonique de la source ignorée : « javascript:alert(1) » n’est pas une adresse http(s).',
      'Date de la source ignorée : « 2024-99-99 » n’est pas une date ISO réelle (AAAA-MM-JJ).',
      'Slug de la source ignoré : « ../../victim » n’est pas un slug valide.',
    ]);
  });

  it('keeps valid values and says nothing', () => {
    const metadata = { url: 'https://exemple.fr/a', date: '2024-03-25T10:00:00+01:00', slug: 'talents-ia' };
    const { document, warnings } = checkSourceMetadata(documentWith('markdown', metadata));
    expect(document.metadata).toEqual(metadata);
    expect(warnings).toEqual([]);
  });

  it('quotes at most 80 characters of the value', () => {
    const { warnings } = checkSourceMetadata(
      documentWith('markdown', { url: `javascript:${'a'.repeat(5000)}` }),
    );
    expect(warnings[0]?.length).toBeLessThan(160);
  });
});
