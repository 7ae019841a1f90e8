import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isHttpUrl, quote } from '../check-metadata.js';
import type { CliContext } from './cli-context.js';
import { parseList } from './parse-options.js';
import { prepareGhostPublish } from './publish-ghost.js';
import { prepareWordPressPublish } from './publish-wordpress.js';
import { UsageError } from './usage-error.js';

const CMS_NAMES = ['wordpress', 'ghost'] as const;

/** The ids a publication records in the front matter: a rerun of optimize keeps them. */
const RECORDED_KEYS =
  /^(wordpress_id|wordpress_image_id|wordpress_image|ghost_id|ghost_image_url|ghost_image): (.+)$/gm;

export interface OptimizePublishFlags {
  publish?: string;
  site?: string;
  status?: string;
  tags?: string[];
  image?: string;
  config?: string;
  output?: string;
  format?: string;
  json?: boolean;
  allowPrivateUrls?: boolean;
}

/** `--publish`, `--site`, `--status`, `--tags` of `plume optimize`. */
export function addPublishOptions(command: Command): Command {
  return command
    .option(
      '--publish <cms>',
      `publie aussi l’article écrit : ${CMS_NAMES.join(', ')} (brouillon ; identifiants comme plume publish)`,
    )
    .option('--site <url>', 'avec --publish : adresse du site (défaut : wordpress.site ou ghost.site)')
    .option(
      '--status <statut>',
      'avec --publish : statut (défaut : draft à la création, inchangé à la mise à jour)',
    )
    .option('--tags <liste>', 'avec --publish : étiquettes (défaut : tags du front matter)', parseList);
}

/** Publishes the written Markdown file, keeping the ids an earlier run recorded; returns the exit code. */
export type PublishWrittenArticle = (markdownPath: string, previous: string | undefined) => Promise<number>;

/**
 * Checked before optimizing (options, site, credentials), so that a mistake costs no LLM call; undefined
 * without `--publish`. The publication's lines go to stderr with `--json`: stdout keeps one JSON document.
 */
export async function preparePublishAfterOptimize(
  options: OptimizePublishFlags,
  context: CliContext,
): Promise<PublishWrittenArticle | undefined> {
  if (options.publish === undefined) {
    if (options.site !== undefined || options.status !== undefined || options.tags !== undefined)
      throw new UsageError('--site, --status et --tags vont avec --publish wordpress|ghost.');
    return undefined;
  }
  if (!CMS_NAMES.includes(options.publish as (typeof CMS_NAMES)[number])) {
    throw new UsageError(
      `--publish « ${quote(options.publish)} » inconnu : ${CMS_NAMES.join(', ')} sont attendus.`,
    );
  }
  if (options.output === '-' || (options.format !== undefined && options.format !== 'md')) {
    throw new UsageError('--publish publie le fichier Markdown écrit : ni -o -, ni --format autre que md.');
  }
  const shared = {
    ...(options.status ? { status: options.status } : {}),
    ...(options.site ? { site: options.site } : {}),
    ...(options.tags ? { tags: options.tags } : {}),
    // The image given to optimize is relative to the working folder, not to the output folder.
    ...(options.image ? { image: isHttpUrl(options.image) ? options.image : resolve(options.image) } : {}),
    ...(options.config ? { config: options.config } : {}),
    ...(options.allowPrivateUrls ? { allowPrivateUrls: true } : {}),
  };
  const publishContext = options.json ? { ...context, stdout: context.stderr } : context;
  const publishFile =
    options.publish === 'ghost'
      ? await prepareGhostPublish(shared, publishContext)
      : await prepareWordPressPublish({ ...shared, createTerms: true }, publishContext);
  return async (markdownPath, previous) => {
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(previous ?? '')?.[1] ?? '';
    const recorded = Object.fromEntries(
      [...frontMatter.matchAll(RECORDED_KEYS)].map((match) => [match[1] ?? '', match[2] ?? '']),
    );
    if (Object.keys(recorded).length > 0) {
      const { setFrontMatterValues } = await import('../publish/read-article-file.js');
      await writeFile(markdownPath, setFrontMatterValues(await readFile(markdownPath, 'utf8'), recorded));
    }
    return publishFile(markdownPath);
  };
}

/** The file a previous run wrote at this place, if any. */
export async function readPreviousFile(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}
