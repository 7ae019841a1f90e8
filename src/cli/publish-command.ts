import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { isHttpUrl, isImageReference, quote } from '../check-metadata.js';
import type { CliContext } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import { parseList } from './parse-options.js';
import { UsageError } from './usage-error.js';

interface WordPressCommandOptions {
  site?: string;
  user?: string;
  status: string;
  image?: string;
  imageAlt?: string;
  tags?: string[];
  categories?: string[];
  createTerms: boolean;
  config?: string;
  json?: boolean;
}

const STATUSES = ['draft', 'pending', 'publish'] as const;

/** Image types WordPress accepts by default, by extension. */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** `plume publish wordpress <file>`: the article as a WordPress post, a draft by default. */
export function registerPublishCommand(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const publish = program
    .command('publish')
    .description('Publier un article Markdown écrit par Plume sur un CMS (brouillon par défaut).');
  publish
    .command('wordpress')
    .description(
      'Créer ou mettre à jour l’article sur WordPress par l’API REST (mot de passe d’application), avec les champs Yoast SEO et Rank Math.',
    )
    .argument('<file>', 'article Markdown (celui que plume optimize écrit)')
    .option('--site <url>', 'adresse du site WordPress (défaut : wordpress.site du fichier de configuration)')
    .option('--user <name>', 'utilisateur WordPress (défaut : PLUME_WORDPRESS_USER, puis la configuration)')
    .option('--status <status>', `statut de l’article : ${STATUSES.join(', ')}`, 'draft')
    .option('--image <path-or-url>', 'image à la une (défaut : image du front matter)')
    .option(
      '--image-alt <text>',
      'texte alternatif de l’image (défaut : image_alt du front matter, sinon le H1)',
    )
    .option(
      '--tags <list>',
      'étiquettes, séparées par des virgules (défaut : tags du front matter)',
      parseList,
    )
    .option('--categories <list>', 'catégories (défaut : categories du front matter)', parseList)
    .option('--no-create-terms', 'ne pas créer les étiquettes et catégories absentes : erreur à la place')
    .option('--config <file>', 'fichier de configuration (défaut : plume.config.json ou .plumerc.json)')
    .option('--json', 'le résultat en JSON')
    .action((file: string, options: WordPressCommandOptions) =>
      runWordPressCommand(file, options, context, setExitCode),
    );
}

interface WordPressSettings {
  site?: string;
  user?: string;
  password?: string;
}

/** The `wordpress` section of the configuration file, when there is one. */
async function readWordPressSettings(configPath: string | undefined): Promise<WordPressSettings> {
  const candidates = configPath ? [configPath] : ['plume.config.json', '.plumerc.json'];
  for (const candidate of candidates) {
    let text: string;
    try {
      text = await readFile(resolve(candidate), 'utf8');
    } catch (error) {
      if (configPath) throw new UsageError(`fichier de configuration illisible : ${quote(candidate)}.`);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new UsageError(`fichier de configuration ${quote(candidate)} : JSON invalide.`);
    }
    const section = (parsed as { wordpress?: unknown }).wordpress;
    if (typeof section !== 'object' || section === null) return {};
    const read = (key: string) => {
      const value = (section as Record<string, unknown>)[key];
      return typeof value === 'string' && value !== '' ? value : undefined;
    };
    return {
      ...(read('site') ? { site: read('site') } : {}),
      ...(read('user') ? { user: read('user') } : {}),
      ...(read('password') ? { password: read('password') } : {}),
    };
  }
  return {};
}

async function runWordPressCommand(
  file: string,
  options: WordPressCommandOptions,
  context: CliContext,
  setExitCode: (code: number) => void,
): Promise<void> {
  if (!STATUSES.includes(options.status as (typeof STATUSES)[number])) {
    throw new UsageError(
      `--status « ${quote(options.status)} » inconnu : ${STATUSES.join(', ')} sont attendus.`,
    );
  }
  const settings = await readWordPressSettings(options.config);
  const site = options.site ?? settings.site;
  if (!site || !isHttpUrl(site)) {
    throw new UsageError(
      site
        ? `--site « ${quote(site)} » invalide : une adresse http ou https est attendue.`
        : 'adresse du site manquante : --site https://exemple.fr (ou wordpress.site dans plume.config.json).',
    );
  }
  const user = options.user ?? context.env.PLUME_WORDPRESS_USER ?? settings.user;
  const password = context.env.PLUME_WORDPRESS_PASSWORD ?? settings.password;
  if (!user || !password) {
    throw new UsageError(
      'identifiants WordPress manquants : PLUME_WORDPRESS_USER et PLUME_WORDPRESS_PASSWORD (un mot de passe d’application, Profil › Mots de passe d’application), ou wordpress.user et wordpress.password dans plume.config.json.',
    );
  }
  const [{ readArticleFile, setFrontMatterValues }, { publishToWordPress }] = await Promise.all([
    import('../publish/read-article-file.js'),
    import('../publish/wordpress-client.js'),
  ]);
  let markdown: string;
  try {
    markdown = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`fichier illisible : ${quote(file)}.`);
  }
  const article = readArticleFile(markdown);
  const { metadata } = article;
  if (!metadata.slug || !article.headline) {
    throw new UsageError(
      `${quote(file)} n’a ni slug ni titre : publiez un article écrit par plume optimize (front matter slug, title, description).`,
    );
  }
  const imageReference = options.image ?? metadata.image;
  if (imageReference !== undefined && !isImageReference(imageReference)) {
    throw new UsageError(
      `image « ${quote(imageReference)} » invalide : une adresse http(s) ou un chemin est attendu.`,
    );
  }
  const recordedId = integer(article.frontMatter.wordpress_id);
  const recordedImageId = integer(article.frontMatter.wordpress_image_id);
  // The same image as last time is not uploaded again.
  const reuseImage = recordedImageId !== undefined && article.frontMatter.wordpress_image === imageReference;
  const image =
    imageReference === undefined || reuseImage
      ? undefined
      : await loadImage(
          imageReference,
          dirname(resolve(file)),
          options.imageAlt ?? metadata.imageAlt ?? article.headline,
        );
  const result = await publishToWordPress(
    {
      title: article.headline,
      content: article.content,
      excerpt: metadata.description ?? '',
      slug: metadata.slug,
      ...(metadata.date ? { date: metadata.date } : {}),
      status: options.status as (typeof STATUSES)[number],
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
    setExitCode(EXIT_CODES.constraintFailed);
    return;
  }
  setExitCode(EXIT_CODES.ok);
}

function integer(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

/** The image's bytes: a path relative to the article's folder, or an http(s) address. */
async function loadImage(
  reference: string,
  folder: string,
  alt: string,
): Promise<{ bytes: Uint8Array; fileName: string; mimeType: string; alt: string }> {
  const path = isHttpUrl(reference) ? new URL(reference).pathname : reference;
  const fileName = basename(path) || 'image';
  const mimeType = IMAGE_TYPES[extname(fileName).toLowerCase()];
  if (!mimeType) {
    throw new UsageError(
      `image « ${quote(reference)} » : type inconnu, ${Object.keys(IMAGE_TYPES).join(', ')} sont attendus.`,
    );
  }
  if (isHttpUrl(reference)) {
    let response: Response;
    try {
      response = await fetch(reference, { signal: AbortSignal.timeout(30_000) });
    } catch {
      throw new UsageError(`image « ${quote(reference)} » injoignable.`);
    }
    if (!response.ok) throw new UsageError(`image « ${quote(reference)} » : réponse ${response.status}.`);
    return { bytes: new Uint8Array(await response.arrayBuffer()), fileName, mimeType, alt };
  }
  try {
    return { bytes: await readFile(resolve(folder, reference)), fileName, mimeType, alt };
  } catch {
    throw new UsageError(
      `image « ${quote(reference)} » introuvable (chemin relatif au dossier de l’article).`,
    );
  }
}
