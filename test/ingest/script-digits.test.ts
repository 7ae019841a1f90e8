import { toString as mdastToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { parseHtmlFragment, parseHtmlPage } from '../../src/ingest/parse-html.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { makeArticle } from '../helpers/make-article.js';

const textOf = (html: string) => mdastToString(parseHtmlFragment(`<p>${html}</p>`).tree);

describe('scriptDigits (figures in <sup> and <sub> of HTML sources)', () => {
  it.each([
    ['a surface', '50 m<sup>2</sup>', '50 m²'],
    ['a power of ten', '10<sup>-3</sup> et 10<sup>(6)</sup>', '10⁻³ et 10⁽⁶⁾'],
    ['a formula', 'CO<sub>2</sub> et H<sub>2</sub>O', 'CO₂ et H₂O'],
    ['a note call', 'une note<sup>12</sup>.', 'une note¹².'],
    ['a linked note call', 'fin.<sup><a href="#n1">1</a></sup>', 'fin.¹'],
    ['every digit', '<sup>0123456789</sup><sub>0123456789</sub>', '⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉'],
    // French writes these without superscript: left as they are.
    ['an ordinal', 'le XIX<sup>e</sup> siècle, le 1<sup>er</sup> mai', 'le XIXe siècle, le 1er mai'],
    ['letters and figures', 'x<sup>n+1</sup>', 'xn+1'],
    ['an empty element', 'a<sup></sup>b', 'ab'],
  ])('writes %s', (_name, html, text) => {
    expect(textOf(html)).toBe(text);
  });

  it('keeps a note call in superscript, without its link when the note is not in the article', () => {
    const markdown = renderMarkdown(
      makeArticle({
        tree: parseHtmlFragment('<p>Fin de phrase.<sup><a href="#note-1">1</a></sup></p>').tree,
      }),
    );
    // The link led to an id the converted article does not have (see in-page-links.test.ts).
    expect(markdown).toContain('Fin de phrase.¹\n');
  });

  it('does the same in a page read by Readability', async () => {
    const prose =
      'La surface habitable du logement atteint désormais cinquante mètres carrés selon le dernier relevé du cadastre municipal.';
    const page = `<!doctype html><html lang="fr"><head><title>Logement</title></head><body><article><h1>Le logement</h1><p>${prose}</p><p>${prose} Soit 50 m<sup>2</sup> et 2 t de CO<sub>2</sub>.</p></article></body></html>`;
    const { tree } = await parseHtmlPage(page);
    expect(mdastToString(tree)).toContain('Soit 50 m² et 2 t de CO₂.');
  });
});

describe('the same figures written with HTML tags in a Markdown source', () => {
  it.each([
    ['a surface', 'Il fait 50 m<sup>2</sup> selon le cadastre.', 'Il fait 50 m² selon le cadastre.'],
    ['a formula, tags in capitals', 'Du CO<SUB>2</SUB> et du H<sub>2</sub>O.', 'Du CO₂ et du H₂O.'],
    ['letters, left as they are', 'Au XIX<sup>e</sup> siècle.', 'Au XIXe siècle.'],
    ['tags that do not match', 'Un <sup>4</sub> seul.', 'Un 4 seul.'],
  ])('writes %s', async (_name, markdown, text) => {
    const document = await ingest(markdown, { format: 'markdown' });
    const paragraph = document.tree.children[0];
    expect(mdastToString(document.tree)).toBe(text);
    // One run of text where figures were joined, with the source's offsets.
    if (text.includes('²') && paragraph?.type === 'paragraph') {
      expect(paragraph.children).toHaveLength(1);
      expect(paragraph.children[0]?.position?.start.offset).toBe(0);
      expect(paragraph.children[0]?.position?.end.offset).toBe(markdown.length);
    }
  });
});
