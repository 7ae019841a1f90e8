import type { SitePage } from '../plan/site-page.js';
import { ConfigError } from './config-error.js';

/** How a file of site pages is written, from its extension. */
export type SitePagesFormat = 'sitemap' | 'json' | 'lines';

/** `.xml` is a sitemap, `.json` a list of pages, anything else lines « adresse<TAB>titre ». */
export function sitePagesFormatOf(path: string): SitePagesFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.xml')) return 'sitemap';
  if (lower.endsWith('.json')) return 'json';
  return 'lines';
}

/** At most this many pages: a site's sitemap, not a crawl of the web (50,000 is a sitemap's own limit). */
export const MAX_SITE_PAGES = 50_000;

/**
 * The pages a file lists, or a `ConfigError` whose messages name the file and the entry (`label` is the file
 * as the user wrote it). A sitemap gives addresses only: each page's title is the words of its address's last
 * segment (« /2016/10/30/diceware-mot-de-passe-des/ » → « diceware mot de passe des »), which the article's
 * words are matched against without accents; an address with no words (the home page) is left out.
 */
export function parseSitePages(text: string, format: SitePagesFormat, label: string): SitePage[] {
  const pages =
    format === 'sitemap'
      ? parseSitemap(text, label)
      : format === 'json'
        ? parseJsonPages(text, label)
        : parseLines(text, label);
  if (pages.length === 0) throw new ConfigError([`${label} : aucune page trouvée`]);
  if (pages.length > MAX_SITE_PAGES)
    throw new ConfigError([`${label} : ${pages.length} pages, ${MAX_SITE_PAGES} au plus`]);
  return pages;
}

/** An http(s) address, or a path from the site's root. */
export function isPageUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]+\S*$/iu.test(value) || /^\/(?!\/)\S*$/u.test(value);
}

/**
 * The words of an address's last segment: its slug, the date and the extension left out. Empty when the
 * address has no words (`https://exemple.fr/`, `/2016/10/`).
 */
export function titleFromAddress(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/iu, '').replace(/[#?].*$/u, '');
  const segments = path.split('/').filter((segment) => segment.length > 0);
  const last = segments[segments.length - 1] ?? '';
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // A malformed escape: the segment as written.
  }
  return decoded
    .replace(/\.(html?|php|aspx?)$/iu, '')
    .split(/[-_+.\s]+/u)
    .filter((word) => word.length > 0 && !/^\d+$/u.test(word))
    .join(' ');
}

function pageFromAddress(url: string): SitePage | null {
  const title = titleFromAddress(url);
  return title ? { url, title, titleFromAddress: true } : null;
}

function parseSitemap(text: string, label: string): SitePage[] {
  if (/<sitemapindex[\s>]/u.test(text))
    throw new ConfigError([
      `${label} : index de sitemaps ; donnez l’un des sitemaps qu’il liste (celui des articles)`,
    ]);
  if (!/<urlset[\s>]/u.test(text))
    throw new ConfigError([`${label} : sitemap illisible (pas d’élément <urlset>)`]);
  const pages: SitePage[] = [];
  for (const entry of text.matchAll(/<url[\s>][\s\S]*?<\/url>/gu)) {
    const location = /<loc>\s*([\s\S]*?)\s*<\/loc>/u.exec(entry[0]);
    if (!location) continue;
    const url = decodeXml(location[1] as string);
    if (!isPageUrl(url)) continue;
    const page = pageFromAddress(url);
    if (page) pages.push(page);
  }
  return pages;
}

function decodeXml(value: string): string {
  return value
    .replace(/^<!\[CDATA\[([\s\S]*)\]\]>$/u, '$1')
    .replace(/&(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);/giu, (_, name: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
      return named[name.toLowerCase()] ?? '';
    });
}

function parseJsonPages(text: string, label: string): SitePage[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new ConfigError([`${label} : JSON illisible (${first})`]);
  }
  if (!Array.isArray(data))
    throw new ConfigError([`${label} : une liste de pages [{ "url": …, "title": … }] est attendue`]);
  const issues: string[] = [];
  const pages: SitePage[] = [];
  data.forEach((entry: unknown, index) => {
    const where = `${label} : [${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      issues.push(`${where} : une page { "url": …, "title": … } est attendue`);
      return;
    }
    const { url, title, keyphrase } = entry as Record<string, unknown>;
    if (typeof url !== 'string' || !isPageUrl(url.trim())) {
      issues.push(`${where}.url : une adresse http(s) ou un chemin commençant par / est attendu`);
      return;
    }
    if (keyphrase !== undefined && (typeof keyphrase !== 'string' || keyphrase.trim() === '')) {
      issues.push(`${where}.keyphrase : une expression-clé est attendue (texte non vide)`);
      return;
    }
    const page = pageOf(url.trim(), title, keyphrase as string | undefined);
    if (page) pages.push(page);
    else issues.push(`${where}.title : un titre est attendu (texte non vide)`);
  });
  if (issues.length > 0) throw new ConfigError(issues);
  return pages;
}

/**
 * A page with its title; without one (`title` absent), the words of its address, when it has some; null
 * when the title is given but not a text.
 */
function pageOf(url: string, title: unknown, keyphrase: string | undefined): SitePage | null {
  const extra = keyphrase ? { keyphrase: keyphrase.trim() } : {};
  if (title === undefined) {
    const fromAddress = pageFromAddress(url);
    return fromAddress ? { ...fromAddress, ...extra } : null;
  }
  if (typeof title !== 'string' || title.trim() === '') return null;
  return { url, title: title.trim(), ...extra };
}

/** Lines « adresse<TAB>titre » or « adresse titre »; blank lines and lines opening on # are skipped. */
function parseLines(text: string, label: string): SitePage[] {
  const issues: string[] = [];
  const pages: SitePage[] = [];
  text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .forEach((line, index) => {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      const [url = '', ...rest] = trimmed.includes('\t') ? trimmed.split('\t') : trimmed.split(/\s+/u);
      const title = rest.join(' ').trim();
      if (!isPageUrl(url)) {
        issues.push(
          `${label} : ligne ${index + 1} : une adresse http(s) ou un chemin commençant par / est attendu en tête de ligne`,
        );
        return;
      }
      const page = title ? { url, title } : pageFromAddress(url);
      if (page) pages.push(page);
    });
  if (issues.length > 0) throw new ConfigError(issues);
  return pages;
}
