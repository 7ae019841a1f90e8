import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { quote } from '../check-metadata.js';
import type { CliContext } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import {
  imageReferenceOf,
  loadImage,
  positiveInteger,
  readPublishedFile,
  readPublishSettings,
  requireSite,
} from './publish-shared.js';
import { UsageError } from './usage-error.js';

export interface WordPressCommandOptions {
  site?: string;
  user?: string;
  /** Without it: a draft when created, the status kept when updated. */
  status?: string;
  image?: string;
  imageAlt?: string;
  tags?: string[];
  categories?: string[];
  createTerms: boolean;
  config?: string;
  json?: boolean;
  allowPrivateUrls?: boolean;
}

export const WORDPRESS_CLI_STATUSES = ['draft', 'pending', 'publish'] as const;

/**
 * Publishes a Markdown article written by Plume as a WordPress post; records the post's and image's ids
 * in its front matter. Returns the exit code.
 */
export async function publishWordPressFile(
  file: string,
  options: WordPressCommandOptions,
  context: CliContext,
): Promise<number> {
  return (await prepareWordPressPublish(options, context))(file);
}

/**
 * Checks the options, settings and credentials before any work (so that `plume optimize --publish` fails
 * before optimizing), and returns the publishing of one file.
 */
export async function prepareWordPressPublish(
  options: WordPressCommandOptions,
  context: CliContext,
): Promise<(file: string) => Promise<number>> {
  const status = options.status as (typeof WORDPRESS_CLI_STATUSES)[number] | undefined;
  if (status !== undefined && !WORDPRESS_CLI_STATUSES.includes(status)) {
    throw new UsageError(
      `--status « ${quote(status)} » inconnu : ${WORDPRESS_CLI_STATUSES.join(', ')} sont attendus.`,
    );
  }
  const settings = await readPublishSettings(options.config, 'wordpress');
  const site = requireSite(options.site ?? settings.site, 'wordpress');
  const user = options.user ?? context.env.PLUME_WORDPRESS_USER ?? settings.user;
  const password = context.env.PLUME_WORDPRESS_PASSWORD ?? settings.password;
  if (!user || !password) {
    throw new UsageError(
      'identifiants WordPress manquants : PLUME_WORDPRESS_USER et PLUME_WORDPRESS_PASSWORD (un mot de passe d’application, Profil › Mots de passe d’application), ou wordpress.user et wordpress.password dans plume.config.json.',
    );
  }
  const { publishToWordPress } = await import('../publish/wordpress-client.js');
  return async (file: string): Promise<number> => {
    const { markdown, article, setFrontMatterValues } = await readPublishedFile(file);
    const { metadata } = article;
    const imageReference = imageReferenceOf(options.image, article);
    const recordedId = positiveInteger(article.frontMatter.wordpress_id);
    const recordedImageId = positiveInteger(article.frontMatter.wordpress_image_id);
    // The same image as last time is not uploaded again.
    const reuseImage =
      recordedImageId !== undefined && article.frontMatter.wordpress_image === imageReference;
    const image =
      imageReference === undefined || reuseImage
        ? undefined
        : await loadImage(
            imageReference,
            dirname(resolve(file)),
            options.imageAlt ?? metadata.imageAlt ?? article.headline,
            options.allowPrivateUrls === true,
          );
    const result = await publishToWordPress(
      {
        title: article.headline,
        content: article.content,
        excerpt: metadata.description ?? '',
        slug: metadata.slug ?? '',
        ...(metadata.date ? { date: metadata.date } : {}),
        ...(status ? { status } : {}),
        tags: options.tags ?? article.tags,
        categories: options.categories ?? article.categories,
        seo: {
          title: metadata.title ?? article.headline,
          description: metadata.description ?? '',
          keyphrase: metadata.keyphrase ?? '',
        },
        ...(image ? { image } : {}),
        ...(reuseImage && recordedImageId !== undefined ? { imageId: recordedImageId } : {}),
      },
      {
        site,
        user,
        password,
        createTerms: options.createTerms,
        ...(recordedId !== undefined ? { postId: recordedId } : {}),
      },
    );
    // The ids go back into the file: the next run updates this post and reuses this image.
    await writeFile(
      file,
      setFrontMatterValues(markdown, {
        wordpress_id: result.id,
        ...(result.imageId !== undefined && imageReference !== undefined
          ? { wordpress_image_id: result.imageId, wordpress_image: JSON.stringify(imageReference) }
          : {}),
      }),
    );
    if (options.json) {
      const { post: _post, ...summary } = result;
      context.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      const action = result.created ? 'créé' : 'mis à jour';
      context.stdout.write(
        `Article ${action} sur WordPress : n° ${result.id}, statut ${result.status}, ${result.link}\n`,
      );
      if (imageReference === undefined)
        context.stdout.write('Pas d’image à la une (--image ou image dans le front matter).\n');
    }
    if (result.seoKeysMissing.length > 0) {
      context.stderr.write(
        `plume: champs SEO non enregistrés (${result.seoKeysMissing.join(', ')}) : installez l’extension must-use wordpress/plume-seo-meta.php de Plume dans wp-content/mu-plugins/ du site.\n`,
      );
      return EXIT_CODES.constraintFailed;
    }
    return EXIT_CODES.ok;
  };
}
