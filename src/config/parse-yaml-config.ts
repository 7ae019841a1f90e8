import { parse } from 'yaml';
import { ConfigError } from './config-error.js';

/** A YAML configuration file's content; a `ConfigError` naming the file when it cannot be read. */
export function parseYamlConfig(label: string, text: string): unknown {
  try {
    return parse(text) ?? {};
  } catch (error) {
    const firstLine = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new ConfigError([`${label} : YAML illisible (${firstLine})`]);
  }
}
