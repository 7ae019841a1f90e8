import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlumeConfig } from '../../src/config/check-plume-config.js';
import { ConfigError } from '../../src/config/config-error.js';
import { loadSitePages } from '../../src/config/load-site-pages.js';
import {
  parseSitePages,
  type SitePagesFormat,
  sitePagesFormatOf,
  titleFromAddress,
} from '../../src/config/parse-site-pages.js';

function issuesOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://charlesaracil.github.io/</loc></url>
  <url><loc>https://charlesaracil.github.io/2016/10/30/diceware-mot-de-passe-des/</loc><lastmod>2016-10-30</lastmod></url>
  <url><loc>https://exemple.fr/blog/s%C3%A9curit%C3%A9-et-vie-priv%C3%A9e.html?a=1&amp;b=2</loc></url>
</urlset>`;

describe('the files of site pages', () => {
  it.each<[string, SitePagesFormat]>([
    ['sitemap.xml', 'sitemap'],
    ['pages.JSON', 'json'],
    ['pages.tsv', 'lines'],
    ['pages.txt', 'lines'],
  ])('%s is read as %s', (name, format) => {
    expect(sitePagesFormatOf(name)).toBe(format);
  });

  it.each([
    ['https://charlesaracil.github.io/2016/10/30/diceware-mot-de-passe-des/', 'diceware mot de passe des'],
    ['https://charlesaracil.github.io/Les_bugs_du_cerveau/', 'Les bugs du cerveau'],
    ['/blog/2017-02-12-kodi-sfr-tv.html', 'kodi sfr tv'],
    ['https://exemple.fr/', ''],
    ['/2016/10/', ''],
  ])('the words of the address %s: « %s »', (url, title) => {
    expect(titleFromAddress(url)).toBe(title);
  });

  it('a sitemap gives its addresses, titled by their last segment; the home page is left out', () => {
    expect(parseSitePages(SITEMAP, 'sitemap', 'sitemap.xml')).toEqual([
      {
        url: 'https://charlesaracil.github.io/2016/10/30/diceware-mot-de-passe-des/',
        title: 'diceware mot de passe des',
        titleFromAddress: true,
      },
      {
        url: 'https://exemple.fr/blog/s%C3%A9curit%C3%A9-et-vie-priv%C3%A9e.html?a=1&b=2',
        title: 'sécurité et vie privée',
        titleFromAddress: true,
      },
    ]);
  });

  it('a JSON list of { url, title, keyphrase }', () => {
    const json = JSON.stringify([
      { url: 'https://exemple.fr/a/', title: 'Les bugs du cerveau', keyphrase: 'biais cognitifs' },
      { url: '/b/', title: ' Diceware ' },
    ]);
    expect(parseSitePages(json, 'json', 'pages.json')).toEqual([
      { url: 'https://exemple.fr/a/', title: 'Les bugs du cerveau', keyphrase: 'biais cognitifs' },
      { url: '/b/', title: 'Diceware' },
    ]);
  });

  it('lines « address<TAB>title » or « address title », comments and blank lines skipped', () => {
    const text =
      '# pages du blog\n\nhttps://exemple.fr/a/\tLes bugs du cerveau\n/b/ Diceware, mots de passe et dés\n/laissez-moi-respirer/\n';
    expect(parseSitePages(text, 'lines', 'pages.txt')).toEqual([
      { url: 'https://exemple.fr/a/', title: 'Les bugs du cerveau' },
      { url: '/b/', title: 'Diceware, mots de passe et dés' },
      { url: '/laissez-moi-respirer/', title: 'laissez moi respirer', titleFromAddress: true },
    ]);
  });

  it.each<[string, SitePagesFormat, string, string[]]>([
    ['an unreadable JSON', 'json', '[{', ['pages.json : JSON illisible']],
    ['a JSON object', 'json', '{"url": "/a/"}', ['pages.json : une liste de pages']],
    [
      'a JSON entry without an address or title',
      'json',
      '[{"url": "ftp://x"}, {"url": "/b/", "title": ""}, {"url": "/c/", "title": "C", "keyphrase": 3}]',
      [
        'pages.json : [0].url : une adresse http(s) ou un chemin commençant par / est attendu',
        'pages.json : [1].title : un titre est attendu (texte non vide)',
        'pages.json : [2].keyphrase : une expression-clé est attendue (texte non vide)',
      ],
    ],
    [
      'a line without an address',
      'lines',
      '/a/ A\nLes bugs du cerveau\n',
      [
        'pages.txt : ligne 2 : une adresse http(s) ou un chemin commençant par / est attendu en tête de ligne',
      ],
    ],
    ['an empty file', 'lines', '\n# rien\n', ['pages.txt : aucune page trouvée']],
    [
      'a sitemap index',
      'sitemap',
      '<sitemapindex><sitemap><loc>x</loc></sitemap></sitemapindex>',
      ['index de sitemaps'],
    ],
    ['not a sitemap', 'sitemap', '<html></html>', ['sitemap illisible']],
  ])('refuses %s, naming the file and the entry', (_, format, text, expected) => {
    const label = format === 'json' ? 'pages.json' : format === 'sitemap' ? 'sitemap.xml' : 'pages.txt';
    const issues = issuesOf(() => parseSitePages(text, format, label));
    expect(issues).toHaveLength(expected.length);
    expected.forEach((start, index) => {
      expect(issues[index]).toContain(start);
    });
  });
});

describe('site.pages in the configuration, --site-pages on the command line', () => {
  const file = { path: '/p/plume.config.yaml', label: 'plume.config.yaml', prefix: '' };

  it('accepts a path or an inline list, and names the field at fault', () => {
    expect(checkPlumeConfig({ ...file, content: { site: { pages: 'sitemap.xml' } } }).site.pages).toBe(
      'sitemap.xml',
    );
    const inline = [{ url: '/a/', title: 'Les bugs du cerveau', keyphrase: 'biais cognitifs' }];
    expect(checkPlumeConfig({ ...file, content: { site: { pages: inline } } }).site.pages).toEqual(inline);
    const bad = checkPlumeConfig({ ...file, content: { site: { pages: [{ url: 'x', title: 'A' }] } } });
    expect(bad.issues).toEqual([
      'plume.config.yaml : site.pages.0.url : une adresse http(s) ou un chemin commençant par / est attendu',
    ]);
    expect(checkPlumeConfig({ ...file, content: { site: { pages: ' ' } } }).issues).toEqual([
      'plume.config.yaml : site.pages : un chemin de fichier est attendu (texte non vide)',
    ]);
    expect(checkPlumeConfig({ ...file, content: { site: { pages: 3 } } }).issues.join('\n')).toContain(
      'plume.config.yaml : site.pages',
    );
  });

  it('reads the flag’s file from the working directory, the configuration’s from its own folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'plume-pages-'));
    writeFileSync(join(root, 'pages.txt'), '/a/\tLes bugs du cerveau\n');
    writeFileSync(join(root, 'other.txt'), '/b/\tDiceware\n');
    const fromConfig = await loadSitePages({ configured: 'pages.txt', configDirectory: root, cwd: tmpdir() });
    expect(fromConfig).toEqual([{ url: '/a/', title: 'Les bugs du cerveau' }]);
    const fromFlag = await loadSitePages({
      flag: 'other.txt',
      configured: 'pages.txt',
      configDirectory: root,
      cwd: root,
    });
    expect(fromFlag).toEqual([{ url: '/b/', title: 'Diceware' }]);
    expect(await loadSitePages({ cwd: root })).toBeUndefined();
    await expect(loadSitePages({ flag: 'absent.txt', cwd: root })).rejects.toThrow(
      'absent.txt : fichier des pages du site introuvable',
    );
  });
});
