import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { optimize } from '../../src/optimize.js';

/** Issue 11: real articles in, nothing lost. Each case failed before its fix. */

const ENGLISH = readFileSync(new URL('../golden/english-article/input.txt', import.meta.url), 'utf8');
const PARAGRAPH =
  'Depuis que je fais du VTT, je n’avais jamais tenté le Ventoux, ce géant de Provence que tout le monde regarde de loin. Mon vélo est lourd mais solide, et mes jambes ont encore de beaux restes après toutes ces années.';

function frontMatterOf(markdown: string): string {
  return markdown.split('\n---\n')[0] ?? '';
}

describe('the source title is the H1', () => {
  it('takes the first line of a .txt, not a stray paragraph glued into the description', async () => {
    const source = `Au sommet du Ventoux à 82 ans\n${PARAGRAPH}\n${PARAGRAPH.replace('Ventoux', 'mont chauve')}`;
    const result = await optimize(source, { fileName: 'ventoux.txt', keyphrase: 'Ventoux' });
    expect(result.article.metadata.h1).toBe('Au sommet du Ventoux à 82 ans');
    expect(result.markdown).toContain('\n# Au sommet du Ventoux à 82 ans\n');
    expect(result.article.metadata.description).not.toContain('82 ans Depuis');
  });

  it('takes a Markdown front-matter title when the body has no H1', async () => {
    const source = `---\ntitle: "Le guide du Ventoux à vélo"\n---\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n`;
    // In the document itself, so that the analysis, fidelity and coverage see it as source text.
    const document = await ingest(source, { fileName: 'ventoux.md' });
    expect(document.tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    const result = await optimize(source, { fileName: 'ventoux.md', keyphrase: 'Ventoux' });
    expect(result.article.metadata.h1).toBe('Le guide du Ventoux à vélo');
    // « guide » is in the source title: it is no fact absent from the source.
    expect(result.report.fidelity.passed).toBe(true);
  });

  it('takes the article <h1> of a page even when it repeats the page title', async () => {
    const page = `<!doctype html><html lang="fr"><head><title>Au sommet du Ventoux à 82 ans | Blog vélo</title></head><body><nav><a href="/">Accueil</a></nav><article><h1>Au sommet du Ventoux à 82 ans</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
    const document = await ingest(page, { fileName: 'ventoux.html' });
    expect(document.tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    const result = await optimize(document, { keyphrase: 'Ventoux' });
    expect(result.article.metadata.h1).toBe('Au sommet du Ventoux à 82 ans');
  });
});

describe('a source that is not French', () => {
  it('gets no French typography, no lang="fr", and is marked as a draft', async () => {
    const result = await optimize(ENGLISH, { fileName: 'four-day-week.txt' });
    expect(result.report.passed).toBe(false);
    expect(result.markdown).not.toMatch(/\w :/u);
    expect(result.markdown).not.toContain('« We were told');
    expect(result.markdown).toContain('"We were told');
    expect(result.markdown).not.toContain('lang: fr-FR');
    expect(result.html).not.toContain('lang="fr');
    expect(frontMatterOf(result.markdown)).toContain('draft: true\nconstraints_failed:\n  - language\n');
    expect(result.html).toContain('<meta name="robots" content="noindex, follow">');
  });
});

describe('a French article that fails a hard constraint', () => {
  it('says so in its front matter', async () => {
    const result = await optimize(`${PARAGRAPH}\n${PARAGRAPH}`, {
      fileName: 'court.txt',
      keyphrase: 'Ventoux',
    });
    expect(frontMatterOf(result.markdown)).toMatch(
      /draft: true\nconstraints_failed:\n(?: {2}- \w+\n)*? {2}- length\n/,
    );
    expect(frontMatterOf(result.markdown)).toContain('lang: fr-FR');
  });

  it('and an article that meets them all is no draft', async () => {
    const talents = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');
    const result = await optimize(talents, { keyphrase: 'talents en IA' });
    expect(result.report.passed).toBe(true);
    expect(result.markdown).not.toContain('draft:');
  });
});

describe('links and images the author wrote are kept', () => {
  it('keeps reference-style links, `((url))` links and Liquid-built image addresses', async () => {
    const source = [
      '---',
      'title: Le Ventoux à vélo',
      '---',
      '',
      `Voir [le guide du Ventoux][guide] avant de partir. ${PARAGRAPH}`,
      '',
      `Lire [la carte des cols]((https://cols.example.org/ventoux)) aussi. ${PARAGRAPH}`,
      '',
      '![profil du Ventoux]({{ site.baseurl }}/assets/ventoux.png)',
      '',
      '[guide]: https://guide.example.org/ventoux "Guide"',
      '',
    ].join('\n');
    const result = await optimize(source, { fileName: 'ventoux.md', keyphrase: 'Ventoux' });
    expect(result.markdown).toContain('[le guide du Ventoux](https://guide.example.org/ventoux "Guide")');
    expect(result.markdown).toContain('[la carte des cols](https://cols.example.org/ventoux)');
    expect(result.markdown).toContain('![profil du Ventoux](/assets/ventoux.png)');
    expect(result.markdown).not.toContain('site.baseurl');
    expect(result.markdown).not.toMatch(/^\[guide\]:/m);
  });
});
