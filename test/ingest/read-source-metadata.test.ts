import { describe, expect, it } from 'vitest';
import { parseHtmlPage } from '../../src/ingest/parse-html.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import {
  authorFromByline,
  isAbsoluteHttpUrl,
  normalizeSourceDate,
} from '../../src/ingest/read-source-metadata.js';

describe('normalizeSourceDate', () => {
  it.each([
    ['2017-05-02', '2017-05-02'],
    ['2017-05-02 12:00:00 +02:00', '2017-05-02T12:00:00+02:00'],
    ['2017-05-02 12:00 +0200', '2017-05-02T12:00:00+02:00'],
    ['2017-05-02T12:00:00Z', '2017-05-02T12:00:00Z'],
    ['2017-05-02T08:30:15.5-05:00', '2017-05-02T08:30:15.5-05:00'],
    ['le 2 mai', 'le 2 mai'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeSourceDate(input)).toBe(expected);
  });
});

describe('authorFromByline', () => {
  it.each([
    ['Par Marie Martin, le 25 mars 2024', 'Marie Martin'],
    ['Par Marie Martin le 25 mars 2024', 'Marie Martin'],
    ['By John Smith - Staff writer', 'John Smith'],
    ['Jean Dupont | Le Monde du vélo', 'Jean Dupont'],
    ['Écrit par Léa Roux 3 avril 2023', 'Léa Roux'],
    ['Marie-Claire Dubois', 'Marie-Claire Dubois'],
  ])('%s -> %s', (input, expected) => {
    expect(authorFromByline(input)).toBe(expected);
  });
});

describe('source metadata in documents', () => {
  it('reads a front-matter date with a time as ISO 8601 and a Hugo url path as no canonical URL', () => {
    const document = parseMarkdown('---\ndate: 2017-05-02 12:00:00 +02:00\nurl: /posts/x/\n---\n\nTexte.\n');
    expect(document.metadata.date).toBe('2017-05-02T12:00:00+02:00');
    expect(isAbsoluteHttpUrl('https://exemple.fr/a')).toBe(true);
  });

  it('reads a page date from <time datetime> and the author from a byline, as a name', async () => {
    const paragraph =
      'Depuis que je fais du VTT, je n’avais jamais tenté le Ventoux, ce géant de Provence que tout le monde regarde de loin, et cette année enfin je me suis lancé.';
    const page = `<!doctype html><html lang="fr"><head><title>Ventoux</title></head><body><article><h1>Ventoux</h1><p class="byline">Par Marie Martin, le 25 mars 2024</p><time datetime="2024-03-25T09:30:00+01:00">25 mars 2024</time><p>${paragraph}</p><p>${paragraph}</p><p>${paragraph}</p></article></body></html>`;
    const document = await parseHtmlPage(page);
    expect(document.metadata.date).toBe('2024-03-25T09:30:00+01:00');
    expect(document.metadata.author).toBe('Marie Martin');
  });
});
