/** The providers Plume can talk to; kept apart from the AI SDK so that the CLI's flag table loads nothing heavy. */
export const PROVIDER_NAMES = ['openai', 'openai-compatible', 'anthropic', 'mistral', 'local'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];
