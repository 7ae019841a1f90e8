/** The name of the wrapper's parameter that imports an ES module (src/cli/load-cli-script.ts). */
export const IMPORT_FUNCTION: string;
/** `source` with every non-ASCII character escaped and every `import()` routed to the loader. */
export function prepareCliScript(source: string, name: string): string;
