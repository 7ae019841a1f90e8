import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fragmentOf } from '../../src/ingest/in-page-links.js';
import { htmlBlockToMdast, parseHtmlFragment, parseHtmlPage } from '../../src/ingest/parse-html.js';
import { optimize } from '../../src/optimize.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { makeArticle } from '../helpers/make-article.js';

const markdownOf = (html: string) =>
  renderMarkdown(makeArticle({ tree: parseHtmlFragment(html).tree, tableOfContents: [] })).trim();
/** The Markdown body after the front matter. */
const bodyOf = (html: string) => markdownOf(html).split('---\n').at(-1)?.trim();

describe('in-page links of an HTML article (notes, headings, anchors)', () => {
  it.each([
    [
      'notes in a list under « Notes », with links back',
      '<p>Une étude<sup id="r1"><a href="#n1">1</a></sup> et un rapport<sup id="r2"><a href="#n2">2</a></sup>.</p>' +
        '<h2>Notes</h2><ol><li id="n1">Étude X, 2023. <a href="#r1">↩</a></li><li id="n2">Rapport Y. <a href="#r2">↩</a></li></ol>',
      'Une étude[^1] et un rapport[^2].\n\n[^1]: Étude X, 2023.\n\n[^2]: Rapport Y.',
    ],
    [
      'two calls of one note',
      '<p>Un<sup><a href="#n">1</a></sup>, encore<sup><a href="#n">1</a></sup>.</p><ol><li id="n">La note.</li></ol>',
      'Un[^1], encore[^1].\n\n[^1]: La note.',
    ],
    [
      'Wikipedia’s references (brackets, a caret back)',
      '<p>Un fait.<sup class="reference" id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup></p>' +
        '<h2>Références</h2><ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <span class="reference-text">Le Monde, 2024.</span></li></ol>',
      'Un fait.[^1]\n\n[^1]: Le Monde, 2024.',
    ],
    [
      'WordPress’s footnotes block (a variation selector on its arrow)',
      '<p>Le chiffre<sup data-fn="f1" class="fn"><a href="#f1" id="f1-link">1</a></sup> est connu.</p>' +
        '<ol class="wp-block-footnotes"><li id="f1">Insee, 2024. <a href="#f1-link" aria-label="Aller à l’appel de note 1">↩︎</a></li></ol>',
      'Le chiffre[^1] est connu.\n\n[^1]: Insee, 2024.',
    ],
    [
      'Wikipedia’s note called twice (an arrow, then « a » and « b » back)',
      '<p>Un<sup id="cite_ref-x_1-0" class="reference"><a href="#cite_note-x-1">[1]</a></sup>, deux<sup id="cite_ref-x_1-1" class="reference"><a href="#cite_note-x-1">[1]</a></sup>.</p>' +
        '<ol class="references"><li id="cite_note-x-1"><span class="mw-cite-backlink">↑ <sup><a href="#cite_ref-x_1-0">a</a></sup> <sup><a href="#cite_ref-x_1-1">b</a></sup></span> <span class="reference-text">Rapport.</span></li></ol>',
      'Un[^1], deux[^1].\n\n[^1]: Rapport.',
    ],
    [
      'a note in a paragraph, its number linking back',
      '<p>Le texte<sup><a id="c1" href="#fn1">1</a></sup>.</p><p>Suite.</p><p id="fn1"><a href="#c1">1</a> Source : l’Insee.</p>',
      'Le texte[^1].\n\nSuite.\n\n[^1]: Source : l’Insee.',
    ],
    [
      'a list that also holds what no call leads to: it stays, with its heading',
      '<p>Vu<sup><a href="#s1">1</a></sup>.</p><h2>Sources</h2><ol><li id="s1">Une source.</li><li>Une autre lecture.</li></ol>',
      'Vu[^1].\n\n## Sources\n\n1. Une autre lecture.\n\n[^1]: Une source.',
    ],
    [
      'a step a sentence points to: a list item, not a note',
      '<p>Voir l’étape <a href="#e3">3</a>.</p><ol><li>Un.</li><li>Deux.</li><li id="e3">Trois.</li></ol>',
      'Voir l’étape 3.\n\n1. Un.\n2. Deux.\n3. Trois.',
    ],
    [
      'a link to a heading: the id the rendered page gives it',
      '<p>Lire <a href="#sal">la partie sur les salaires</a>.</p><h2 id="sal">Des salaires hors norme</h2><p>Texte.</p>',
      'Lire [la partie sur les salaires](#des-salaires-hors-norme).\n\n## Des salaires hors norme\n\nTexte.',
    ],
    [
      'a link to an anchor that will not exist: its text',
      '<p>Aller <a href="#respond">aux commentaires</a> ou <a href="#">en haut</a>.</p>',
      'Aller aux commentaires ou en haut.',
    ],
  ])('%s', (_name, html, markdown) => {
    expect(bodyOf(html)).toBe(markdown);
  });

  it('keeps, in an HTML block inside Markdown, a link whose target may be outside the block', () => {
    const tree = htmlBlockToMdast('<p>Voir <a href="#plus-loin">plus loin</a>.</p>');
    expect(JSON.stringify(tree)).toContain('"url":"#plus-loin"');
  });

  it('reads `https://site/page#note` as a link within the page read from that address', async () => {
    const prose =
      'Les entreprises françaises recrutent des profils capables de travailler avec l’intelligence artificielle, et la demande change la formation des ingénieurs.';
    const page =
      `<!doctype html><html lang="fr"><head><title>Recruter</title></head><body><article><h1>Recruter</h1>` +
      `<p>${prose}<sup><a href="#note-1">1</a></sup></p><p>${prose}</p><p>${prose}</p>` +
      `<ol class="footnotes"><li id="note-1">Selon l’Apec, 2024.</li></ol></article></body></html>`;
    const { tree } = await parseHtmlPage(page, { url: 'https://exemple.fr/blog/recruter' });
    const kinds = JSON.stringify(tree);
    expect(kinds).toContain('"type":"footnoteReference"');
    expect(kinds).toContain('"type":"footnoteDefinition"');
    expect(kinds).not.toContain('#note-1');
  });

  it.each([
    ['#note-1', undefined, 'note-1'],
    ['#%C3%A9t%C3%A9', undefined, 'été'],
    ['#%E0', undefined, '%E0'],
    ['https://exemple.fr/a#x', 'https://exemple.fr/a', 'x'],
    ['/a#x', 'https://exemple.fr/a', 'x'],
    ['https://exemple.fr/b#x', 'https://exemple.fr/a', undefined],
    ['https://exemple.fr/a?p=2#x', 'https://exemple.fr/a', undefined],
    ['https://autre.fr/a#x', 'https://exemple.fr/a', undefined],
    ['https://exemple.fr/a#x', undefined, undefined],
    ['mailto:a@b.fr', 'https://exemple.fr/a', undefined],
  ])('fragmentOf(%j, %j) is %j', (href, pageUrl, fragment) => {
    expect(fragmentOf(href, pageUrl)).toBe(fragment);
  });

  it('gives the optimized page no link to an id it lacks (notes, a heading typeset, the notes’ heading, a dead anchor)', async () => {
    const prose =
      'Les entreprises françaises recrutent des profils capables de travailler avec l’intelligence artificielle, et la demande change la formation des ingénieurs comme celle des juristes.';
    const html =
      `<h1>Recruter en IA</h1><p>${prose} Une étude<sup id="c1"><a href="#n1">1</a></sup> le dit.</p>` +
      `<p>Voir <a href="#defi">le défi</a>, <a href="#notes">les notes</a>, <a href="#n1">la note de l’étude</a> et <a href="#respond">les commentaires</a>.</p>` +
      `<h2 id="defi">L'IA : un défi</h2>${`<p>${prose}</p>`.repeat(4)}` +
      `<h2 id="notes">Notes</h2><ol><li id="n1">Étude de l'Apec, 2024. <a href="#c1">↩</a></li></ol>`;
    const result = await optimize(html, { fileName: 'article.html', locale: 'fr-FR' });
    const ids = new Set([...result.html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const targets = [...result.html.matchAll(/href="#([^"]*)"/g)].map((match) =>
      decodeURIComponent(match[1] ?? ''),
    );
    expect(targets.length).toBeGreaterThanOrEqual(3);
    expect(targets.filter((target) => !ids.has(target))).toEqual([]);
    expect(result.markdown).toContain('[le défi](#lia-un-défi)');
    expect(result.markdown).toContain(
      '[les notes](#footnote-label), [la note de l’étude](#user-content-fn-1) et les commentaires.',
    );
    expect(result.markdown).toMatch(/^\[\^1\]: Étude de l’Apec, 2024\.$/m);
  }, 60_000);

  it('keeps the notes of Plume’s own page read back (a corpus article with a footnote)', async () => {
    const path = 'test/corpus/fr-md-eleventy-tout-change/source.md';
    const first = await optimize(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'), {
      fileName: 'source.md',
      locale: 'fr-FR',
    });
    const again = await optimize(first.html, { fileName: 'article.html', locale: 'fr-FR' });
    const notes = (markdown: string) => markdown.split('\n').filter((line) => /^\[\^[^\]]+\]: /.test(line));
    expect(notes(first.markdown)).toHaveLength(1);
    expect(notes(again.markdown).map((line) => line.replace(/^\[\^[^\]]+\]/, ''))).toEqual(
      notes(first.markdown).map((line) => line.replace(/^\[\^[^\]]+\]/, '')),
    );
    expect(again.html).not.toMatch(/href="#user-content-fn-[^"]*"(?![^>]*data-footnote-ref)/);
  }, 60_000);
});
