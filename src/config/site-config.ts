import type { AuditConfigOverrides } from '../audit/audit-config.js';
import type { SitePage } from '../plan/site-page.js';

/** Publication targets a site may name (`site.target`), the static site generators Plume writes for. */
export const SITE_TARGETS = ['plain', 'hugo', 'jekyll', 'astro', 'eleventy'] as const;
export type SiteTarget = (typeof SITE_TARGETS)[number];

/**
 * The `site` section: what every article of a site shares, so that the flags
 * of every run need not be repeated. A flag still wins over the file.
 */
export interface SiteConfig {
  /** Site name (Open Graph `og:site_name`, JSON-LD publisher): `--site-name`. */
  name?: string;
  /** The site's address: links to it count as internal in the audit (`--site-url`). */
  url?: string;
  /** Default author: `--author`. */
  author?: string;
  /** The author's page, an http(s) address: `--author-url`. */
  authorUrl?: string;
  /** The site's logo, an http(s) address (JSON-LD publisher): `--site-logo`. */
  logo?: string;
  /** Variety of French: `--locale`. */
  locale?: string;
  /** Minimum words in the body: `--min-words`. */
  minWords?: number;
  /** Default share image (absolute http(s) address): Open Graph and Twitter cards, JSON-LD. */
  image?: string;
  /** The static site generator the files are written for. */
  target?: SiteTarget;
  /**
   * The site's pages an article may link to (« maillage interne »): a file (sitemap.xml, .json, .txt or
   * .tsv) relative to the configuration file, or the list itself: `--site-pages`.
   */
  pages?: string | SitePage[];
}

/** The `audit` section: assessments switched off, thresholds tuned. */
export interface AuditFileConfig {
  /** Assessment ids not run (`passive-voice`, `transition-words`…). */
  disable: readonly string[];
  /** Threshold overrides, same shape as `DEFAULT_AUDIT_CONFIG`. */
  thresholds: AuditConfigOverrides;
}

/** The configuration file's sections Plume's commands share (`llm` is read by load-llm-config.ts). */
export interface PlumeConfig {
  /** The file read, for messages (`../plume.config.yaml`); undefined without a file. */
  fileLabel?: string;
  /** The folder of the file read: `site.pages` is relative to it. */
  fileDirectory?: string;
  site: SiteConfig;
  audit: AuditFileConfig;
}

export const EMPTY_PLUME_CONFIG: PlumeConfig = Object.freeze({
  site: Object.freeze({}),
  audit: Object.freeze({ disable: Object.freeze([]) as readonly string[], thresholds: Object.freeze({}) }),
});
