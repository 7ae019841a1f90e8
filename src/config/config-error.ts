/**
 * A configuration file Plume cannot use: unreadable, not JSON or YAML, or a
 * field out of bounds. Each issue names the file and the field, in French
 * (« plume.config.yaml : site.url : une adresse http ou https est attendue »);
 * the message is the first, with how many others follow. A setup error
 * (exit 2): fix the file, then run again.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    const [first = 'configuration invalide', ...others] = issues;
    const more = others.length === 1 ? ' (et 1 autre problème)' : ` (et ${others.length} autres problèmes)`;
    super(others.length > 0 ? `${first}${more}` : first);
    this.issues = issues;
  }

  static isInstance(error: unknown): error is ConfigError {
    return error instanceof Error && error.name === 'ConfigError';
  }
}
