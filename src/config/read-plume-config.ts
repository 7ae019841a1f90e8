import { dirname } from 'node:path';
import { ConfigError } from './config-error.js';
import { type ConfigFile, findConfigFile } from './find-config-file.js';
import { EMPTY_PLUME_CONFIG, type PlumeConfig } from './site-config.js';

/**
 * The `site` and `audit` sections of the configuration that applies in `cwd`
 * (searched upward, see find-config-file.ts), validated; empty without a file.
 * Throws `ConfigError` naming the file and the field.
 */
export async function readPlumeConfig(cwd: string, configPath?: string): Promise<PlumeConfig> {
  return (await readPlumeConfigFile(cwd, configPath)).config;
}

/**
 * `readPlumeConfig`, with the file it read (undefined without one): a command that also looks for an
 * `llm` section (`createCliWriter`) reads that file instead of searching the folders again.
 */
export async function readPlumeConfigFile(
  cwd: string,
  configPath?: string,
): Promise<{ config: PlumeConfig; file: ConfigFile | undefined }> {
  const file = await findConfigFile(cwd, configPath);
  return { config: file ? await validatePlumeConfig(file) : EMPTY_PLUME_CONFIG, file };
}

/** Validates a found file's shared sections; zod is loaded only when there is a file. */
export async function validatePlumeConfig(file: ConfigFile): Promise<PlumeConfig> {
  const { checkPlumeConfig } = await import('./check-plume-config.js');
  const checked = checkPlumeConfig(file);
  if (checked.issues.length > 0) throw new ConfigError(checked.issues);
  return {
    fileLabel: file.label,
    fileDirectory: dirname(file.path),
    site: checked.site,
    audit: checked.audit,
  };
}
