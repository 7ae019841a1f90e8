import type { Command } from 'commander';
import type { CliContext } from './cli-context.js';
import {
  COMMON_EXIT_CODES,
  DISPLAY_VARIABLES,
  formatHelpSections,
  GHOST_VARIABLES,
  WORDPRESS_VARIABLES,
} from './help-sections.js';
import { parseList } from './parse-options.js';
import { GHOST_CLI_STATUSES, type GhostCommandOptions, publishGhostFile } from './publish-ghost.js';
import {
  publishWordPressFile,
  WORDPRESS_CLI_STATUSES,
  type WordPressCommandOptions,
} from './publish-wordpress.js';

const CONFIG_OPTION = [
  '--config <fichier>',
  'fichier de configuration (défaut : cherché depuis le dossier courant vers le haut)',
] as const;

/** `plume publish wordpress|ghost <file>`: the article as a CMS post, a draft by default. */
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
    .argument('<fichier>', 'article Markdown (celui que plume optimize écrit)')
    .option(
      '--site <adresse>',
      'adresse du site WordPress (défaut : wordpress.site du fichier de configuration)',
    )
    .option('--user <nom>', 'utilisateur WordPress (défaut : PLUME_WORDPRESS_USER, puis la configuration)')
    .option(
      '--status <statut>',
      `statut : ${WORDPRESS_CLI_STATUSES.join(', ')} (défaut : draft à la création ; une mise à jour garde le statut)`,
    )
    .option('--image <chemin-ou-adresse>', 'image à la une (défaut : image du front matter)')
    .option(
      '--image-alt <texte>',
      'texte alternatif de l’image (défaut : image_alt du front matter, sinon le H1)',
    )
    .option(
      '--tags <liste>',
      'étiquettes, séparées par des virgules (défaut : tags du front matter)',
      parseList,
    )
    .option('--categories <liste>', 'catégories (défaut : categories du front matter)', parseList)
    .option('--no-create-terms', 'ne pas créer les étiquettes et catégories absentes : erreur à la place')
    .option(...CONFIG_OPTION)
    .option(
      '--allow-private-urls',
      'autorise une image à une adresse du réseau local ou de la machine (refusée par défaut)',
    )
    .option('--json', 'le résultat en JSON')
    .addHelpText(
      'after',
      formatHelpSections({
        examples: [
          'plume publish wordpress out/talents-ia.md --site https://exemple.fr',
          'plume publish wordpress article.md --image couverture.jpg --image-alt "Une équipe" --tags IA,Emploi',
        ],
        variables: [...WORDPRESS_VARIABLES, ...DISPLAY_VARIABLES],
        exitCodes: [
          [0, 'article créé ou mis à jour ; son n° est noté dans le front matter (wordpress_id)'],
          COMMON_EXIT_CODES.internal,
          [2, 'option invalide, identifiants refusés (401), droits (403), API REST absente, réseau'],
          [3, 'publié, mais les champs SEO ne sont pas enregistrés (extension wordpress/plume-seo-meta.php)'],
        ],
      }),
    )
    .action(async (file: string, options: WordPressCommandOptions) => {
      setExitCode(await publishWordPressFile(file, options, context));
    });
  publish
    .command('ghost')
    .description(
      'Créer ou mettre à jour l’article sur Ghost par l’API Admin (clé d’intégration) : titre et description SEO, extrait, étiquettes, image à la une.',
    )
    .argument('<fichier>', 'article Markdown (celui que plume optimize écrit)')
    .option('--site <adresse>', 'adresse du site Ghost (défaut : ghost.site du fichier de configuration)')
    .option(
      '--status <statut>',
      `statut : ${GHOST_CLI_STATUSES.join(', ')} (défaut : draft à la création ; une mise à jour garde le statut)`,
    )
    .option('--image <chemin-ou-adresse>', 'image à la une (défaut : image du front matter)')
    .option(
      '--image-alt <texte>',
      'texte alternatif de l’image (défaut : image_alt du front matter, sinon le H1)',
    )
    .option(
      '--tags <liste>',
      'étiquettes, séparées par des virgules (défaut : tags du front matter)',
      parseList,
    )
    .option('--canonical-url <adresse>', 'adresse canonique (défaut : canonical ou url du front matter)')
    .option(...CONFIG_OPTION)
    .option(
      '--allow-private-urls',
      'autorise une image à une adresse du réseau local ou de la machine (refusée par défaut)',
    )
    .option('--json', 'le résultat en JSON')
    .addHelpText(
      'after',
      formatHelpSections({
        examples: [
          'plume publish ghost out/talents-ia.md --site https://blog.exemple.fr',
          'plume publish ghost article.md --image couverture.jpg --tags IA,Emploi --status published',
        ],
        variables: [...GHOST_VARIABLES, ...DISPLAY_VARIABLES],
        exitCodes: [
          [0, 'article créé ou mis à jour ; son identifiant est noté dans le front matter (ghost_id)'],
          COMMON_EXIT_CODES.internal,
          [2, 'option ou clé invalide, clé refusée (401), droits (403), pas un site Ghost (404), réseau'],
        ],
      }),
    )
    .action(async (file: string, options: GhostCommandOptions) => {
      setExitCode(await publishGhostFile(file, options, context));
    });
}
