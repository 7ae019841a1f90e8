import { describe, expect, it } from 'vitest';
import type { SourceFormat } from '../../src/document.js';
import { detectFormat } from '../../src/ingest/detect-format.js';

const PAGE = '<!DOCTYPE html><html><body><p>Bonjour</p></body></html>';

describe('detectFormat', () => {
  const byExtension: Array<[string, string, SourceFormat]> = [
    ['article.md', 'Bonjour', 'markdown'],
    ['article.MARKDOWN', 'Bonjour', 'markdown'],
    ['docs/article.mdx', 'Bonjour', 'markdown'],
    ['article.txt', '# Pas un titre', 'text'],
    ['article.txt', PAGE, 'text'],
    ['page.html', PAGE, 'html-page'],
    ['page.htm', '<p>Bonjour</p>', 'html'],
    ['page.html', 'Bonjour', 'html'],
    ['C:\\exports\\page.HTML', '  <body><p>Bonjour</p></body>', 'html-page'],
  ];
  it.each(byExtension)('%s -> %s', (fileName, text, format) => {
    expect(detectFormat(text, fileName)).toBe(format);
  });

  const byContent: Array<[string, string, SourceFormat]> = [
    ['a doctype', PAGE, 'html-page'],
    ['a lowercase doctype after a comment', '<!-- saved -->\n<!doctype html><p>x</p>', 'html-page'],
    ['an <html> tag', '<html lang="fr"><p>Bonjour</p></html>', 'html-page'],
    ['a <body> tag', '<body>\n<p>Bonjour</p>\n</body>', 'html-page'],
    ['a leading <p>', '<p>Bonjour</p>\n<p>Au revoir</p>', 'html'],
    ['a leading <h2>', '\n  <h2>Titre</h2><p>Texte</p>', 'html'],
    ['a leading <article>', '<article><p>Texte</p></article>', 'html'],
    ['a leading <section>', '<section>Texte</section>', 'html'],
    ['a leading <ul>', '<ul><li>Un</li></ul>', 'html'],
    ['an HTML block before Markdown headings', '<div align="center">logo</div>\n\n# Titre\n', 'markdown'],
    ['front matter', '---\ntitle: Bonjour\n---\nTexte.', 'markdown'],
    ['an ATX heading', 'Intro.\n\n## Une section\n\nTexte.', 'markdown'],
    ['strong emphasis', 'Un **mot** important.', 'markdown'],
    ['an inline link', 'Voir [le site](https://exemple.fr).', 'markdown'],
    ['a fenced code block', '```\ncode\n```', 'markdown'],
    ['plain text', 'Bonjour.\nAu revoir.', 'text'],
    ['summary bullets', '- Un point.\n- Un autre.\nUn paragraphe.', 'text'],
    ['a hashtag', '#IA est partout.', 'text'],
    ['a lone asterisk', 'Note* : voir plus bas.', 'text'],
    ['an inline tag mid-text', 'Le <body> du document.', 'text'],
  ];
  it.each(byContent)('%s -> %s', (_name, text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('falls back to content for unknown extensions', () => {
    expect(detectFormat('# Titre', 'article.doc')).toBe('markdown');
    expect(detectFormat('Bonjour', 'README')).toBe('text');
  });
});
