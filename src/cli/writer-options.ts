import type { Command } from 'commander';
import { type FlagAttribute, flagAttribute, LLM_SETTINGS, settingHelp } from '../llm/llm-settings.js';
import type { LlmConfigFlags } from '../llm/load-llm-config.js';
import { UsageError } from './usage-error.js';

/** The LLM settings every command declares (`--concurrency` is each command's own). */
const SHARED_SETTINGS = LLM_SETTINGS.filter((setting) => !('declaredByCommand' in setting));

type SharedSetting = Exclude<(typeof LLM_SETTINGS)[number], { declaredByCommand: true }>;

/** The writer and LLM flags shared by `optimize`, `batch`, `worker` and `serve` (see create-cli-writer.ts). */
export type WriterFlagOptions = {
  writer?: string;
  cache: boolean;
  cacheDir?: string;
  config?: string;
} & { [Attribute in FlagAttribute<SharedSetting['flag']>]?: string };

/** Adds the writer and LLM flags to a command, from the settings table (src/llm/llm-settings.ts). */
export function addWriterOptions(command: Command): Command {
  command.option('--writer <name>', 'offline pour ignorer le fournisseur LLM configuré');
  for (const setting of SHARED_SETTINGS)
    command.option(`${setting.flag} ${setting.argument}`, settingHelp(setting));
  return command
    .option('--no-cache', 'ni lecture ni écriture du cache des réponses LLM')
    .option('--cache-dir <dir>', 'dossier du cache des réponses LLM (par défaut : .plume-cache/llm)')
    .option(
      '--config <file>',
      'fichier de configuration (par défaut : cherché depuis le dossier courant vers le haut)',
    );
}

/** The flags as `loadLlmConfig` takes them; absent flags stay absent so that env and file still apply. */
export function writerFlags(options: WriterFlagOptions): LlmConfigFlags {
  const flags: Record<string, string | boolean> = {};
  for (const setting of SHARED_SETTINGS) {
    const value = (options as Record<string, unknown>)[flagAttribute(setting.flag)];
    if (typeof value === 'string' && value !== '') flags[setting.field] = value;
  }
  if (!options.cache) flags.cache = false;
  if (options.cacheDir) flags.cacheDir = options.cacheDir;
  return flags as LlmConfigFlags;
}

/** Only the offline writer can be forced by name; an LLM is chosen with --provider. */
export function checkWriterName(writer: string | undefined): void {
  if (writer !== undefined && writer !== 'offline') {
    throw new UsageError(
      `rédacteur « ${writer} » inconnu : seul « offline » peut être imposé ; un LLM se choisit avec --provider.`,
    );
  }
}
