import type { Heading, Nodes, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/ingest/input-error.js';
import { parseHtmlFragment, parseHtmlPage, withoutSiteName } from '../../src/ingest/parse-html.js';
import { HOSTILE_FRAGMENT, NEWS_PAGE } from '../fixtures/ingest/sources.js';

const FRAGMENT = HOSTILE_FRAGMENT;
const PAGE = NEWS_PAGE;

const PARAGRAPH =
  'Un paragraphe assez long pour que Readability le retienne comme contenu, avec des virgules, des phrases et encore des mots.';

function collect(node: Nodes, found: Nodes[] = []): Nodes[] {
  found.push(node);
  if ('children' in node) for (const child of node.children) collect(child, found);
  return found;
}

/** All text, image alts and URLs of a tree: nothing removed may hide in any of them. */
function everything(tree: Root): string {
  return collect(tree)
    .map((node) => JSON.stringify({ ...node, children: undefined, position: undefined }))
    .join('\n');
}

function headings(tree: Root): Array<[number, string]> {
  return collect(tree)
    .filter((node): node is Heading => node.type === 'heading')
    .map((heading) => [heading.depth, mdastToString(heading)]);
}

describe('parseHtmlFragment', () => {
  it('converts an article body to mdast, h1 kept at depth 1', () => {
    const document = parseHtmlFragment(FRAGMENT);
    expect(document.format).toBe('html');
    expect(document.metadata).toEqual({});
    expect(headings(document.tree)).toEqual([
      [1, 'Le recrutement des talents en IA'],
      [2, 'Une pénurie'],
    ]);
    expect(document.tree.children.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'list',
    ]);
    const image = collect(document.tree).find((node) => node.type === 'image');
    expect(image).toMatchObject({ url: 'x.png', alt: 'Graphique' });
  });

  it('drops scripts, styles, navigation, forms, iframes and event handlers', () => {
    const output = everything(parseHtmlFragment(FRAGMENT).tree);
    for (const marker of [
      'SCRIPT_TEXT',
      'STYLE_TEXT',
      'ONERROR_TEXT',
      'NAV_TEXT',
      'FORM_TEXT',
      'BUTTON_TEXT',
    ]) {
      expect(output).not.toContain(marker);
    }
    expect(output).not.toContain('IFRAME_TEXT');
    expect(output).not.toMatch(/javascript:/i);
  });

  it('keeps the text of a javascript: link, not the link', () => {
    const { tree } = parseHtmlFragment(FRAGMENT);
    const links = collect(tree).filter((node) => node.type === 'link');
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ url: 'https://exemple.fr' });
    expect(mdastToString(tree)).toContain('lien piégé');
  });

  it('keeps positions into the HTML', () => {
    const html = '<p>Bonjour <em>le</em> monde</p>';
    const { tree } = parseHtmlFragment(html);
    const paragraph = tree.children[0];
    expect(paragraph?.position?.start.offset).toBe(0);
    expect(paragraph?.position?.end.offset).toBe(html.length);
  });

  it('wraps bare text in a paragraph', () => {
    const { tree } = parseHtmlFragment('Bonjour <b>monde</b>');
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
    expect(mdastToString(tree)).toBe('Bonjour monde');
  });
});

describe('parseHtmlPage', () => {
  // linkedom is loaded on first use; load it once here so no single test pays for it.
  beforeAll(async () => {
    await parseHtmlPage(`<html><body><article><p>${PARAGRAPH}</p></article></body></html>`);
  });

  it('extracts the article from the page noise', async () => {
    const document = await parseHtmlPage(PAGE);
    expect(document.format).toBe('html-page');
    const text = mdastToString(document.tree);
    expect(text).toContain('La lutte pour recruter les meilleurs talents en IA');
    expect(text).toContain('Les entreprises commencent tout juste');
    for (const marker of ['HEADER_TEXT', 'NAV_TEXT', 'ASIDE_TEXT', 'FOOTER_TEXT', 'SCRIPT_TEXT']) {
      expect(everything(document.tree)).not.toContain(marker);
    }
    expect(document.tree.children.filter((node) => node.type === 'paragraph')).toHaveLength(4);
  });

  it('reads the metadata from the head', async () => {
    const { metadata } = await parseHtmlPage(PAGE, { url: 'https://exemple.fr/lien-partage?utm=x' });
    expect(metadata).toEqual({
      // Readability drops the site name: the H1 repeats the rest.
      title: 'Le recrutement des talents en IA',
      description: 'Pourquoi les startups peinent à recruter des talents en IA.',
      lang: 'fr',
      url: 'https://exemple.fr/articles/talents-ia',
      author: 'Marie Curie',
      date: '2024-03-21T08:00:00+01:00',
      siteName: 'Exemple',
    });
  });

  it('uses the given URL when the page has no canonical link, and resolves relative links', async () => {
    const html = `<html><head><title>T</title></head><body><article><p>${PARAGRAPH} <a href="/suite">La suite</a>.</p><p>${PARAGRAPH}</p></article></body></html>`;
    const { metadata, tree } = await parseHtmlPage(html, { url: 'https://exemple.fr/dossier/page' });
    expect(metadata.url).toBe('https://exemple.fr/dossier/page');
    expect(metadata.lang).toBeUndefined();
    expect(collect(tree).find((node) => node.type === 'link')).toMatchObject({
      url: 'https://exemple.fr/suite',
    });
  });

  it('keeps the headings of the article, an h1 at depth 1, and adds none', async () => {
    const withH1 = `<html><head><title>Titre de la page</title></head><body><article><h1>Un autre titre</h1><p>${PARAGRAPH}</p><h2>Section</h2><p>${PARAGRAPH}</p></article></body></html>`;
    expect(headings((await parseHtmlPage(withH1)).tree)).toEqual([
      [1, 'Un autre titre'],
      [2, 'Section'],
    ]);
    const withoutH1 = `<html><head><title>Titre de la page</title></head><body><article><p>${PARAGRAPH}</p><h2>Section</h2><p>${PARAGRAPH}</p></article></body></html>`;
    const document = await parseHtmlPage(withoutH1);
    expect(headings(document.tree)).toEqual([[2, 'Section']]);
    expect(document.metadata.title).toBe('Titre de la page');
  });

  it('carries no positions, which would point into Readability output', async () => {
    const { tree } = await parseHtmlPage(PAGE);
    expect(collect(tree).filter((node) => node.position !== undefined)).toEqual([]);
  });

  it('throws no-article when there is nothing to extract', async () => {
    const error = await parseHtmlPage('<html><head><title>Vide</title></head><body></body></html>').catch(
      (caught: unknown) => caught,
    );
    expect(InputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'no-article', message: 'Aucun article trouvé dans la page HTML.' });
  });
});

describe('parseHtmlPage: table alignment', () => {
  it('keeps the alignment of cells written with `align` or `style="text-align"`', async () => {
    const page = `<html><body><article><h1>Les cols</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><table><thead><tr><th align="left">Col</th><th style="text-align: center">Altitude</th><th>Pente</th><th style="color: red; text-align:right">Longueur</th></tr></thead><tbody><tr><td>Ventoux</td><td>1909 m</td><td>7,5 %</td><td>21 km</td></tr></tbody></table><p>${PARAGRAPH}</p></article></body></html>`;
    const document = await parseHtmlPage(page);
    const table = collect(document.tree).find((node) => node.type === 'table');
    expect(table).toMatchObject({ type: 'table', align: ['left', 'center', null, 'right'] });
  });
});

describe('withoutSiteName', () => {
  it.each([
    // test/corpus/en-html-wordpress-firefox-nightly: Readability keeps the site name after an en dash.
    [
      'These Weeks in Firefox: Issue 85 – Firefox Nightly News',
      'Firefox Nightly News',
      'These Weeks in Firefox: Issue 85',
    ],
    ['Au sommet du Ventoux | Blog vélo', 'Blog vélo', 'Au sommet du Ventoux'],
    ['Au sommet du Ventoux - blog vélo', 'Blog vélo', 'Au sommet du Ventoux'],
    // A title that only holds the site name, or a site name inside the title, stays.
    ['Blog vélo', 'Blog vélo', 'Blog vélo'],
    ['Blog vélo : le Ventoux', 'Blog vélo', 'Blog vélo : le Ventoux'],
    ['Le C++ (et le C) – Mon site', 'Mon site', 'Le C++ (et le C)'],
  ])('%s (site %s) -> %s', (title, siteName, expected) => {
    expect(withoutSiteName(title, siteName)).toBe(expected);
  });

  it('a page’s title loses its site name (og:site_name)', async () => {
    const page = `<!doctype html><html lang="fr"><head><title>Au sommet du Ventoux – Blog vélo</title><meta property="og:site_name" content="Blog vélo"></head><body><article><h1>Au sommet du Ventoux</h1><p>${'Depuis que je fais du VTT, je n’avais jamais tenté le Ventoux, ce géant de Provence. '.repeat(8)}</p></article></body></html>`;
    const { metadata } = await parseHtmlPage(page);
    expect(metadata.title).toBe('Au sommet du Ventoux');
    expect(metadata.siteName).toBe('Blog vélo');
  });
});
