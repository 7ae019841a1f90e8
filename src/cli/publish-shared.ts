import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { isHttpUrl, isImageReference, quote } from '../check-metadata.js';
import { findConfigFile } from '../config/find-config-file.js';
import type { ArticleFile } from '../publish/read-article-file.js';
import type { FeaturedImage } from '../publish/wordpress-client.js';
import { UsageError } from './usage-error.js';

/** Image types WordPress and Ghost accept by default, by extension. */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/**
 * A CMS's section of the configuration file (`wordpress`, `ghost`), its non-empty texts only; empty
 * without a file. The file is the one every command reads (searched upward, or `--config`).
 */
export async function readPublishSettings(
  configPath: string | undefined,
  section: 'wordpress' | 'ghost',
): Promise<Record<string, string>> {
  const file = await findConfigFile(process.cwd(), configPath);
  const content = file?.content;
  const values =
    typeof content === 'object' && content !== null
      ? (content as Record<string, unknown>)[section]
      : undefined;
  if (typeof values !== 'object' || values === null) return {};
  const settings: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.trim() !== '') settings[key] = value.trim();
  }
  return settings;
}

/** The site's address, from the flag or the configuration; a usage error when missing or not http(s). */
export function requireSite(site: string | undefined, section: 'wordpress' | 'ghost'): string {
  if (!site || !isHttpUrl(site)) {
    throw new UsageError(
      site
        ? `--site « ${quote(site)} » invalide : une adresse http ou https est attendue.`
        : `adresse du site manquante : --site https://exemple.fr (ou ${section}.site dans plume.config.json).`,
    );
  }
  return site;
}

/** The Markdown file read for publishing: a usage error when unreadable or not written by Plume. */
export async function readPublishedFile(
  file: string,
): Promise<{ markdown: string; article: ArticleFile; setFrontMatterValues: SetFrontMatterValues }> {
  const { readArticleFile, setFrontMatterValues } = await import('../publish/read-article-file.js');
  let markdown: string;
  try {
    markdown = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`fichier illisible : ${quote(file)}.`);
  }
  const article = readArticleFile(markdown);
  if (!article.metadata.slug || !article.headline) {
    throw new UsageError(
      `${quote(file)} n’a ni slug ni titre : publiez un article écrit par plume optimize (front matter slug, title, description).`,
    );
  }
  return { markdown, article, setFrontMatterValues };
}

type SetFrontMatterValues = (markdown: string, values: Record<string, string | number>) => string;

/** The image reference (flag, else front matter), checked. */
export function imageReferenceOf(flag: string | undefined, article: ArticleFile): string | undefined {
  const reference = flag ?? article.metadata.image;
  if (reference !== undefined && !isImageReference(reference)) {
    throw new UsageError(
      `image « ${quote(reference)} » invalide : une adresse http(s) ou un chemin est attendu.`,
    );
  }
  return reference;
}

export function positiveInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

/** The image's bytes: a path relative to the article's folder, or a public http(s) address (unless allowed). */
export async function loadImage(
  reference: string,
  folder: string,
  alt: string,
  allowPrivateUrls: boolean,
): Promise<FeaturedImage> {
  const path = isHttpUrl(reference) ? new URL(reference).pathname : reference;
  const fileName = basename(path) || 'image';
  const mimeType = IMAGE_TYPES[extname(fileName).toLowerCase()];
  if (!mimeType) {
    throw new UsageError(
      `image « ${quote(reference)} » : type inconnu, ${Object.keys(IMAGE_TYPES).join(', ')} sont attendus.`,
    );
  }
  if (isHttpUrl(reference)) {
    const { fetchImage } = await import('../publish/fetch-image.js');
    return { bytes: await fetchImage(reference, { allowPrivateUrls }), fileName, mimeType, alt };
  }
  try {
    return { bytes: await readFile(resolve(folder, reference)), fileName, mimeType, alt };
  } catch {
    throw new UsageError(
      `image « ${quote(reference)} » introuvable (chemin relatif au dossier de l’article).`,
    );
  }
}
