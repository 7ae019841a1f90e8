import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isHttpUrl, quote } from '../check-metadata.js';
import type { CliContext } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import {
  imageReferenceOf,
  loadImage,
  readPublishedFile,
  readPublishSettings,
  requireSite,
} from './publish-shared.js';
import { UsageError } from './usage-error.js';

export interface GhostCommandOptions {
  site?: string;
  /** Without it: a draft when created, the status kept when updated. */
  status?: string;
  image?: string;
  imageAlt?: string;
  tags?: string[];
  canonicalUrl?: string;
  config?: string;
  json?: boolean;
  allowPrivateUrls?: boolean;
}

export const GHOST_CLI_STATUSES = ['draft', 'published'] as const;

/**
 * Publishes a Markdown article written by Plume as a Ghost post; records the post's id and the uploaded
 * image in its front matter. Returns the exit code.
 */
export async function publishGhostFile(
  file: string,
  options: GhostCommandOptions,
  context: CliContext,
): Promise<number> {
  return (await prepareGhostPublish(options, context))(file);
}

/**
 * Checks the options, settings and credentials before any work (so that `plume optimize --publish` fails
 * before optimizing), and returns the publishing of one file.
 */
export async function prepareGhostPublish(
  options: GhostCommandOptions,
  context: CliContext,
): Promise<(file: string) => Promise<number>> {
  const status = options.status as (typeof GHOST_CLI_STATUSES)[number] | undefined;
  if (status !== undefined && !GHOST_CLI_STATUSES.includes(status)) {
    throw new UsageError(
      `--status « ${quote(status)} » inconnu : ${GHOST_CLI_STATUSES.join(', ')} sont attendus.`,
    );
  }
  if (options.canonicalUrl !== undefined && !isHttpUrl(options.canonicalUrl)) {
    throw new UsageError(
      `--canonical-url « ${quote(options.canonicalUrl)} » invalide : une adresse http ou https est attendue.`,
    );
  }
  const settings = await readPublishSettings(options.config, 'ghost');
  const site = requireSite(options.site ?? settings.site, 'ghost');
  const key = context.env.PLUME_GHOST_ADMIN_API_KEY?.trim() || settings.key;
  if (!key) {
    throw new UsageError(
      'clé Admin API de Ghost manquante : PLUME_GHOST_ADMIN_API_KEY (Réglages › Intégrations › Ajouter une intégration personnalisée), ou ghost.key dans plume.config.json.',
    );
  }
  const { assertGhostAdminKey, publishToGhost } = await import('../publish/ghost-client.js');
  assertGhostAdminKey(key);
  return async (file: string): Promise<number> => {
    const { markdown, article, setFrontMatterValues } = await readPublishedFile(file);
    const { metadata, frontMatter } = article;
    const imageReference = imageReferenceOf(options.image, article);
    const imageAlt = options.imageAlt ?? metadata.imageAlt ?? article.headline;
    const recordedId = typeof frontMatter.ghost_id === 'string' ? frontMatter.ghost_id : undefined;
    const recordedImageUrl =
      typeof frontMatter.ghost_image_url === 'string' ? frontMatter.ghost_image_url : undefined;
    // The same image as last time is not uploaded again.
    const reuseImage = recordedImageUrl !== undefined && frontMatter.ghost_image === imageReference;
    const image =
      imageReference === undefined || reuseImage
        ? undefined
        : await loadImage(
            imageReference,
            dirname(resolve(file)),
            imageAlt,
            options.allowPrivateUrls === true,
          );
    const canonicalUrl =
      options.canonicalUrl ?? (metadata.url && isHttpUrl(metadata.url) ? metadata.url : undefined);
    const result = await publishToGhost(
      {
        title: article.headline,
        html: article.content,
        excerpt: metadata.description ?? '',
        slug: metadata.slug ?? '',
        ...(metadata.date ? { date: metadata.date } : {}),
        ...(status ? { status } : {}),
        tags: options.tags ?? article.tags,
        seo: { title: metadata.title ?? article.headline, description: metadata.description ?? '' },
        ...(canonicalUrl ? { canonicalUrl } : {}),
        ...(image ? { image } : {}),
        ...(reuseImage ? { imageUrl: recordedImageUrl, imageAlt } : {}),
      },
      { site, key, ...(recordedId ? { postId: recordedId } : {}) },
    );
    // The id goes back into the file: the next run updates this post and reuses this image.
    await writeFile(
      file,
      setFrontMatterValues(markdown, {
        ghost_id: JSON.stringify(result.id),
        ...(result.imageUrl !== undefined && imageReference !== undefined
          ? { ghost_image_url: JSON.stringify(result.imageUrl), ghost_image: JSON.stringify(imageReference) }
          : {}),
      }),
    );
    if (options.json) {
      const { post: _post, ...summary } = result;
      context.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      const action = result.created ? 'créé' : 'mis à jour';
      context.stdout.write(
        `Article ${action} sur Ghost : ${result.id}, statut ${result.status}, ${result.url}\n`,
      );
      if (imageReference === undefined)
        context.stdout.write('Pas d’image à la une (--image ou image dans le front matter).\n');
    }
    return EXIT_CODES.ok;
  };
}
