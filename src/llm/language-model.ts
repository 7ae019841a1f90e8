/**
 * The one small interface Plume's LLM writer talks to. Providers (OpenAI,
 * OpenAI-compatible servers, Anthropic, Mistral, a local GGUF model) are
 * adapters behind it; retries, timeouts, budgets and the cache wrap it.
 */

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** A JSON schema the answer must follow (OpenAI `json_schema` response format, or the provider's equivalent). */
export interface JsonSchemaFormat {
  name: string;
  schema: Record<string, unknown>;
  /**
   * Ask the provider to enforce the schema strictly (OpenAI strict structured
   * outputs: every property required, `additionalProperties: false`, a subset
   * of keywords; an unsupported schema is a 400). Default false: the schema
   * guides the model and the writer validates the answer itself.
   */
  strict?: boolean;
}

export interface CompletionRequest {
  messages: readonly ChatMessage[];
  /** Ask for JSON following this schema (default: free text). */
  jsonSchema?: JsonSchemaFormat;
  /** Sampling temperature (default: the model's configured one). */
  temperature?: number;
  /** Upper bound on output tokens (default: the provider's). */
  maxOutputTokens?: number;
  signal?: AbortSignal;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Why the model stopped: `length` means the answer was cut (truncated), `content-filter` a refusal by policy. */
export type FinishReason = 'stop' | 'length' | 'content-filter' | 'error' | 'other';

export interface CompletionResult {
  text: string;
  usage: TokenUsage;
  finishReason: FinishReason;
  /** True when this answer came from the cache (no call, no cost). */
  cached?: boolean;
}

export interface LanguageModel {
  /** Provider name: openai, openai-compatible, anthropic, mistral, local. */
  readonly provider: string;
  /** Model id as the provider knows it. */
  readonly modelId: string;
  /**
   * Where the model is served (API base URL, or the model file for `local`), when
   * it matters; part of the response cache key. Wrappers pass it through.
   */
  readonly baseUrl?: string;
  /** The temperature used when a request sets none; part of the response cache key. */
  readonly temperature?: number;
  complete(request: CompletionRequest): Promise<CompletionResult>;
}
