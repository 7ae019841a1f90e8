import { LLM_SETTINGS } from '../llm/llm-settings.js';

/** A variable and what it does, one line of « Variables d’environnement ». */
export type VariableHelp = readonly [name: string, meaning: string];

/** The variables of the LLM writer: the settings table's, then the keys and the cache. */
export const LLM_VARIABLES: readonly VariableHelp[] = [
  ...LLM_SETTINGS.map((setting): VariableHelp => [setting.env, `comme ${setting.flag}`]),
  ['PLUME_CACHE_DIR', 'comme --cache-dir'],
  [
    'PLUME_CACHE_MAX_MB',
    'taille maximale du cache de réponses en Mo (200 par défaut ; les plus anciennes partent)',
  ],
  ['OPENAI_API_KEY', 'clé de --provider openai (jamais affichée ni journalisée)'],
  ['ANTHROPIC_API_KEY', 'clé de --provider anthropic'],
  ['MISTRAL_API_KEY', 'clé de --provider mistral'],
  ['PLUME_API_KEY', 'clé de --provider openai-compatible, si le serveur en demande une'],
];

/** Colours and diagnostics, read by every command. */
export const DISPLAY_VARIABLES: readonly VariableHelp[] = [
  ['NO_COLOR', 'pas de couleurs (aussi sans terminal)'],
  ['FORCE_COLOR', 'des couleurs même sans terminal (0 : aucune)'],
  ['PLUME_DEBUG', 'affiche la pile d’appels d’une erreur interne'],
];

/** The credentials of `plume publish wordpress` and `optimize --publish wordpress`. */
export const WORDPRESS_VARIABLES: readonly VariableHelp[] = [
  ['PLUME_WORDPRESS_USER', 'utilisateur WordPress (ou wordpress.user dans la configuration)'],
  [
    'PLUME_WORDPRESS_PASSWORD',
    'mot de passe d’application (ou wordpress.password ; jamais affiché ni journalisé)',
  ],
];

/** The key of `plume publish ghost` and `optimize --publish ghost`. */
export const GHOST_VARIABLES: readonly VariableHelp[] = [
  [
    'PLUME_GHOST_ADMIN_API_KEY',
    'clé Admin API « id:secret » (Réglages › Intégrations ; ou ghost.key ; jamais affichée)',
  ],
];

/** A code and when it is returned, one line of « Codes de sortie ». */
export type ExitCodeHelp = readonly [code: number, meaning: string];

export const COMMON_EXIT_CODES = {
  ok: [0, 'terminé'],
  internal: [1, 'erreur interne (un défaut de Plume, à signaler)'],
  badInput: [2, 'entrée, option ou configuration invalide ; fichier introuvable ou protégé'],
  interrupted: [130, 'interrompu par Ctrl-C ; rien d’écrit à moitié'],
} as const satisfies Record<string, ExitCodeHelp>;

export interface HelpSections {
  examples: readonly string[];
  variables?: readonly VariableHelp[];
  exitCodes?: readonly ExitCodeHelp[];
  /** A closing paragraph (configuration file, notes). */
  notes?: readonly string[];
}

/** The text commander prints after a command's options: examples, environment, exit codes. */
export function formatHelpSections(sections: HelpSections): string {
  const blocks: string[] = ['', 'Exemples :', ...sections.examples.map((line) => `  ${line}`)];
  if (sections.variables && sections.variables.length > 0) {
    const width = Math.max(...sections.variables.map(([name]) => name.length));
    blocks.push('', 'Variables d’environnement :');
    for (const [name, meaning] of sections.variables) blocks.push(`  ${name.padEnd(width)}  ${meaning}`);
  }
  if (sections.exitCodes && sections.exitCodes.length > 0) {
    blocks.push('', 'Codes de sortie :');
    for (const [code, meaning] of sections.exitCodes)
      blocks.push(`  ${String(code).padStart(3)}  ${meaning}`);
  }
  if (sections.notes && sections.notes.length > 0) blocks.push('', ...sections.notes);
  return blocks.join('\n');
}
