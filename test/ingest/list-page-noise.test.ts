import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { listPageNoise, type NoiseNode, readableText } from '../../src/ingest/list-page-noise.js';
import { optimize } from '../../src/optimize.js';

const PARAGRAPH =
  'Depuis que je fais du VTT, je n’avais jamais tenté le Ventoux, ce géant de Provence que tout le monde regarde de loin. Mon vélo est lourd mais solide, et mes jambes ont encore de beaux restes après toutes ces années.';
const ARTICLE = `<article><h1>Au sommet du Ventoux</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH.replace('Ventoux', 'mont chauve')}</p></article>`;

/** A minified WordPress-like page: no whitespace between tags. */
const PAGE = `<!doctype html><html lang="fr"><head><title>Au sommet du Ventoux</title></head><body><div id="page" class="site has-sidebar"><header class="site-header"><p>Blog vélo</p></header><nav class="main-menu"><ul><li><a href="/">Accueil</a></li><li><a href="/blog">Blog</a></li><li><a href="/contact">Contact</a></li></ul></nav><main>${ARTICLE}<div class="sharedaddy"><a href="#">Partager sur Twitter</a><a href="#">Partager sur Facebook</a></div><section id="comments" class="comments-area"><h2>2 commentaires</h2><ol><li><p>Bravo, quelle montée !</p></li><li><p>Chapeau bas.</p></li></ol></section></main><aside class="widget-area"><h2>Articles récents</h2><ul><li>Le Galibier</li><li>L’Izoard</li></ul></aside><footer class="site-footer"><p>© Blog vélo</p></footer></div></body></html>`;

function bodyOf(html: string): NoiseNode {
  return parseHTML(html).document.body as unknown as NoiseNode;
}

describe('listPageNoise', () => {
  it('names what the extraction left out of a page, with why, and never the article', () => {
    const articleText = `Au sommet du Ventoux ${PARAGRAPH} ${PARAGRAPH.replace('Ventoux', 'mont chauve')}`;
    const removed = listPageNoise(bodyOf(PAGE), articleText);
    expect(removed.map((part) => [part.reason, part.excerpt])).toEqual([
      ['en-tête du site', 'Blog vélo'],
      ['navigation', 'Accueil Blog Contact'],
      ['boutons de partage', 'Partager sur Twitter Partager sur Facebook'],
      ['commentaires', '2 commentaires Bravo, quelle montée ! Chapeau bas.'],
      ['barre latérale', 'Articles récents Le Galibier L’Izoard'],
      ['pied de page', '© Blog vélo'],
    ]);
    expect(removed.find((part) => part.reason === 'commentaires')?.words).toBe(7);
  });

  it('an « entry-header » outside the <article> is the article’s header, not the site’s', () => {
    const page = `<html><body><header class="site-header"><p>Blog vélo</p></header><header class="entry-header"><p>Catégories : Vélo</p><p>Par Jeanne, le 25 mars 2024</p></header><div class="entry-meta"><p>Publié dans Montagne</p></div>${ARTICLE}</body></html>`;
    const articleText = `Au sommet du Ventoux ${PARAGRAPH} ${PARAGRAPH.replace('Ventoux', 'mont chauve')}`;
    expect(listPageNoise(bodyOf(page), articleText).map((part) => [part.reason, part.excerpt])).toEqual([
      ['en-tête du site', 'Blog vélo'],
      ['en-tête de l’article', 'Catégories : Vélo Par Jeanne, le 25 mars 2024'],
      ['en-tête de l’article', 'Publié dans Montagne'],
    ]);
  });

  it('comments the extraction kept are not « removed »; the reply form inside them is (corpus firefox-nightly)', () => {
    const comment =
      'Enhancement: are there plans to provide a collections functionality for the desktop similar to what was released on Android?';
    const page = `<html><body>${ARTICLE}<section id="comments" class="comments-area"><h3>2 comments</h3><ol><li><p>${comment}</p></li></ol><div id="respond" class="comment-respond"><form><p>Leave a reply to this post</p></form></div></section></body></html>`;
    const articleText = `Au sommet du Ventoux ${PARAGRAPH} ${PARAGRAPH.replace('Ventoux', 'mont chauve')} 2 comments ${comment}`;
    // Before: « commentaires » with the whole section, although its comments are in the article.
    expect(listPageNoise(bodyOf(page), articleText).map((part) => [part.reason, part.excerpt])).toEqual([
      ['commentaires', 'Leave a reply to this post'],
    ]);
  });

  it('reads a minified list with a space between items, never « AccueilBlog »', () => {
    expect(
      readableText(
        bodyOf('<html><body><ul><li>Accueil</li><li>Blog</li></ul><p>un <b>mot</b>-clé</p></body></html>'),
      ),
    ).toBe('Accueil Blog un mot-clé');
  });
});

describe('a page’s noise in the report', () => {
  it('is listed in coverage.removed, with a summary line in the coverage constraint', async () => {
    const document = await ingest(PAGE, { fileName: 'ventoux.html' });
    expect(document.removed?.map((part) => part.reason)).toContain('commentaires');
    const result = await optimize(PAGE, { fileName: 'ventoux.html', keyphrase: 'Ventoux' });
    expect(result.report.coverage?.removed.map((part) => part.reason)).toEqual([
      'en-tête du site',
      'navigation',
      'boutons de partage',
      'commentaires',
      'barre latérale',
      'pied de page',
    ]);
    const message = result.report.constraints.find((constraint) => constraint.id === 'coverage')?.message;
    expect(message).toContain(
      'Retiré de la page : en-tête du site (1 bloc, 2 mots), navigation (1 bloc, 3 mots), boutons de partage (1 bloc, 6 mots), commentaires (1 bloc, 7 mots)',
    );
  });
});
