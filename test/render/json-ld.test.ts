import { describe, expect, it } from 'vitest';
import { buildJsonLd, serializeJsonLd } from '../../src/render/json-ld.js';
import { makeArticle, NBSP } from '../helpers/make-article.js';

describe('buildJsonLd', () => {
  it('describes a fully documented article', () => {
    const article = makeArticle({
      metadata: {
        url: 'https://exemple.fr/talents-en-ia',
        author: 'Jeanne Dupont',
        date: '2024-04-02',
        siteName: 'Tech & Co',
      },
    });
    expect(buildJsonLd(article)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: article.metadata.title,
      description: article.metadata.description,
      inLanguage: 'fr-FR',
      wordCount: 187,
      keywords: 'talents en IA, recrutement IA, Big Tech, salaires, startups',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://exemple.fr/talents-en-ia' },
      url: 'https://exemple.fr/talents-en-ia',
      datePublished: '2024-04-02',
      dateModified: '2024-04-02',
      author: { '@type': 'Person', name: 'Jeanne Dupont' },
      publisher: { '@type': 'Organization', name: 'Tech & Co' },
    });
  });

  it('leaves absent fields out instead of writing null', () => {
    const jsonLd = buildJsonLd(makeArticle());
    expect(Object.keys(jsonLd)).toEqual([
      '@context',
      '@type',
      'headline',
      'description',
      'inLanguage',
      'wordCount',
      'keywords',
    ]);
    expect(Object.values(jsonLd)).not.toContain(null);
    expect(Object.values(jsonLd)).not.toContain(undefined);
  });

  it('uses the requested type and the article locale, fr-FR by default', () => {
    expect(buildJsonLd(makeArticle(), { type: 'BlogPosting' })['@type']).toBe('BlogPosting');
    expect(buildJsonLd(makeArticle({ metadata: { locale: 'fr-CA' } })).inLanguage).toBe('fr-CA');
    expect(buildJsonLd(makeArticle({ metadata: { locale: '' } })).inLanguage).toBe('fr-FR');
  });

  it('lists the keyphrase first and each keyword once', () => {
    const article = makeArticle({
      metadata: { keyphrase: 'talents en IA', keywords: ['Talents en IA', ' ', 'GPU'] },
    });
    expect(buildJsonLd(article).keywords).toBe('talents en IA, GPU');
  });

  it('cuts a headline over 110 characters at a word, never at a non-breaking space', () => {
    // The 110th character falls inside « 100 000 dollars », whose spaces are non-breaking.
    const words = 'Recrutement '.repeat(8).concat('en IA : ');
    const title = `${words}100${NBSP}000${NBSP}dollars de plus`;
    expect(words).toHaveLength(104);
    const headline = buildJsonLd(makeArticle({ metadata: { title } })).headline;
    expect(headline).toBe(words.trimEnd().replace(/ :$/, ''));
  });

  it('cuts a single word longer than 110 characters inside it', () => {
    const headline = buildJsonLd(makeArticle({ metadata: { title: 'a'.repeat(130) } })).headline;
    expect(headline).toBe('a'.repeat(110));
  });

  it('keeps a headline of 110 characters or less as is', () => {
    const title = 'a'.repeat(110);
    expect(buildJsonLd(makeArticle({ metadata: { title } })).headline).toBe(title);
  });
});

describe('serializeJsonLd', () => {
  const hostile = {
    headline: '</script><script>alert(1)</script>',
    description: '"quotes" & <tags> <!-- comment -->',
    separators: 'ligne\u2028paragraphe\u2029fin',
  };

  it('escapes what could end the script element or break a JavaScript parser', () => {
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(json).toContain('\\u0026');
    expect(json).toContain('\\u2028');
    expect(json).toContain('\\u2029');
  });

  it('parses back to the same value', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
    const jsonLd = buildJsonLd(makeArticle({ metadata: { siteName: 'Tech & Co' } }));
    expect(JSON.parse(serializeJsonLd(jsonLd))).toEqual(jsonLd);
  });

  it('keeps French characters as they are', () => {
    expect(serializeJsonLd(`«${NBSP}l’IA${NBSP}»`)).toBe(`"«${NBSP}l’IA${NBSP}»"`);
  });

  it('writes null for undefined', () => {
    expect(serializeJsonLd(undefined)).toBe('null');
  });
});
