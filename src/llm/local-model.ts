/**
 * The `local` provider: a GGUF model run in-process by node-llama-cpp 3.21.1.
 * The package is an optional peer dependency (≈ 720 MB of binaries, not
 * installed by `npm ci`), imported dynamically on the first call only, so
 * Plume installs and runs without it. It is asked never to
 * compile or download anything (`build: 'never'`): a machine without a
 * prebuilt binary gets a clear error instead of a surprise build.
 */

import { open } from 'node:fs/promises';
import type {
  ChatMessage,
  CompletionRequest,
  CompletionResult,
  FinishReason,
  LanguageModel,
} from './language-model.js';
import { LlmConfigError, LlmResponseError } from './llm-errors.js';

export const LOCAL_MODEL_PACKAGE = 'node-llama-cpp';
export const LOCAL_MODEL_PACKAGE_VERSION = '3.21.1';
/** The command that installs the one version Plume is tested with. */
export const LOCAL_MODEL_INSTALL_COMMAND = `npm i -E ${LOCAL_MODEL_PACKAGE}@${LOCAL_MODEL_PACKAGE_VERSION}`;

/** Every GGUF file starts with these 4 bytes. */
const GGUF_MAGIC = 'GGUF';

// The small part of node-llama-cpp we use, typed structurally: the package may
// be absent at type-check time too, and tests pass a fake module.

/** A chat history item as node-llama-cpp takes it. */
export type LlamaChatHistoryItem =
  | { type: 'system'; text: string }
  | { type: 'user'; text: string }
  | { type: 'model'; response: string[] };

export interface LlamaPromptOptions {
  grammar?: unknown;
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
}

export interface LlamaChatSessionLike {
  setChatHistory(history: LlamaChatHistoryItem[]): void;
  promptWithMeta(
    prompt: string,
    options: LlamaPromptOptions,
  ): Promise<{ responseText: string; stopReason: string }>;
  dispose(options?: { disposeSequence?: boolean }): void;
}

export interface LlamaContextLike {
  getSequence(): unknown;
  dispose(): Promise<void>;
}

export interface LlamaModelLike {
  createContext(options?: {
    contextSize?: number | { min?: number; max?: number };
  }): Promise<LlamaContextLike>;
  tokenize(text: string): readonly unknown[];
  dispose(): Promise<void>;
}

export interface LlamaLike {
  loadModel(options: { modelPath: string }): Promise<LlamaModelLike>;
  createGrammarForJsonSchema(schema: Record<string, unknown>): Promise<unknown>;
  dispose(): Promise<void>;
}

/** What `import('node-llama-cpp')` must provide. */
export interface LlamaModule {
  getLlama(options: { build: 'never' }): Promise<LlamaLike>;
  LlamaChatSession: new (options: { contextSequence: unknown }) => LlamaChatSessionLike;
}

/** Imports node-llama-cpp; replaced in tests. */
export type ImportLlamaModule = () => Promise<unknown>;

// A variable specifier keeps TypeScript from resolving the optional package.
const defaultImport: ImportLlamaModule = () => {
  const specifier = LOCAL_MODEL_PACKAGE;
  return import(specifier);
};

/** Throws an `LlmConfigError` unless `modelPath` is a readable file that starts with the GGUF magic. */
export async function checkGgufFile(modelPath: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(modelPath, 'r');
    const header = Buffer.alloc(4);
    const { bytesRead } = await handle.read(header, 0, 4, 0);
    if (bytesRead < 4 || header.toString('latin1') !== GGUF_MAGIC) {
      throw new LlmConfigError(
        `le modèle local ${modelPath} n’est pas un fichier GGUF (il ne commence pas par « GGUF ») : convertissez ou téléchargez le modèle au format GGUF`,
      );
    }
  } catch (error) {
    if (LlmConfigError.isInstance(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new LlmConfigError(
        `modèle local introuvable : ${modelPath} (--model-path fichier.gguf, ou PLUME_MODEL_PATH, ou llm.modelPath)`,
      );
    if (code === 'EISDIR')
      throw new LlmConfigError(
        `le chemin du modèle local est un dossier, pas un fichier GGUF : ${modelPath}`,
      );
    throw new LlmConfigError(`lecture impossible du modèle local ${modelPath} : ${code ?? String(error)}`, {
      cause: error,
    });
  } finally {
    await handle?.close();
  }
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/** Imports node-llama-cpp, or throws an `LlmConfigError` that says how to install it. */
export async function loadLlamaModule(importModule: ImportLlamaModule = defaultImport): Promise<LlamaModule> {
  let loaded: unknown;
  try {
    loaded = await importModule();
  } catch (error) {
    if (isModuleNotFound(error))
      throw new LlmConfigError(
        `le fournisseur local a besoin de ${LOCAL_MODEL_PACKAGE}, qui n’est pas installé (dépendance facultative, environ 720 Mo) : installez-le avec ${LOCAL_MODEL_INSTALL_COMMAND}`,
      );
    throw new LlmConfigError(
      `${LOCAL_MODEL_PACKAGE} n’a pas pu être chargé (${String(error).split('\n')[0]?.slice(0, 80)}) : réinstallez-le avec ${LOCAL_MODEL_INSTALL_COMMAND}`,
      { cause: error },
    );
  }
  const candidate = loaded as Partial<LlamaModule> | undefined;
  if (typeof candidate?.getLlama !== 'function' || typeof candidate.LlamaChatSession !== 'function')
    throw new LlmConfigError(
      `${LOCAL_MODEL_PACKAGE} installé ne ressemble pas à la version ${LOCAL_MODEL_PACKAGE_VERSION} : installez-la avec ${LOCAL_MODEL_INSTALL_COMMAND}`,
    );
  return candidate as LlamaModule;
}

export interface LocalModelOptions {
  /** Path to the `.gguf` file. */
  modelPath: string;
  /** Model name reported as `modelId` (default: the file path). */
  modelId?: string;
  /** Default sampling temperature (default: node-llama-cpp's). */
  temperature?: number;
  /** Context window to allocate, in tokens (default: up to 8192, less if memory is short). */
  contextSize?: number;
  /** How to import node-llama-cpp (default: a dynamic `import()`); tests pass a fake module. */
  importModule?: ImportLlamaModule;
}

export interface LocalLanguageModel extends LanguageModel {
  /** Frees the model and the native runtime. Safe to call when nothing was loaded. */
  dispose(): Promise<void>;
}

interface Loaded {
  module: LlamaModule;
  llama: LlamaLike;
  model: LlamaModelLike;
  context: LlamaContextLike;
  sequence: unknown;
}

/** Splits chat messages into node-llama-cpp's history and the final user prompt. */
export function toLlamaChat(messages: readonly ChatMessage[]): {
  history: LlamaChatHistoryItem[];
  prompt: string;
} {
  const last = messages.at(-1);
  if (last?.role !== 'user')
    throw new LlmResponseError('le fournisseur local attend un dernier message de l’utilisateur');
  const history = messages.slice(0, -1).map((message): LlamaChatHistoryItem => {
    if (message.role === 'assistant') return { type: 'model', response: [message.content] };
    return { type: message.role, text: message.content };
  });
  return { history, prompt: last.content };
}

function mapStopReason(stopReason: string): FinishReason {
  switch (stopReason) {
    case 'eogToken':
    case 'stopGenerationTrigger':
    case 'customStopTrigger':
      return 'stop';
    case 'maxTokens':
      return 'length';
    default:
      return 'other';
  }
}

/**
 * A `LanguageModel` over a local GGUF file. Nothing is imported or loaded until
 * the first `complete()`; calls then run one at a time on a single context
 * sequence (a CPU runs one generation efficiently, not several).
 */
export function createLocalLanguageModel(options: LocalModelOptions): LocalLanguageModel {
  let loading: Promise<Loaded> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<Loaded> => {
    // The file first: a wrong path is the likelier mistake, and cheap to check.
    await checkGgufFile(options.modelPath);
    const module = await loadLlamaModule(options.importModule);
    let llama: LlamaLike;
    try {
      llama = await module.getLlama({ build: 'never' });
    } catch (error) {
      throw new LlmConfigError(
        `${LOCAL_MODEL_PACKAGE} n’a pas de binaire précompilé pour cette machine, et Plume ne compile jamais llama.cpp (${String(error).split('\n')[0]})`,
        { cause: error },
      );
    }
    let model: LlamaModelLike;
    try {
      model = await llama.loadModel({ modelPath: options.modelPath });
    } catch (error) {
      await llama.dispose().catch(() => undefined);
      throw new LlmConfigError(
        `${LOCAL_MODEL_PACKAGE} n’a pas pu charger ${options.modelPath} (${String(error).split('\n')[0]})`,
        { cause: error },
      );
    }
    const context = await model.createContext({ contextSize: options.contextSize ?? { max: 8192 } });
    return { module, llama, model, context, sequence: context.getSequence() };
  };

  const run = async (request: CompletionRequest): Promise<CompletionResult> => {
    loading ??= load();
    const loaded = await loading;
    const { history, prompt } = toLlamaChat(request.messages);
    const grammar = request.jsonSchema
      ? await loaded.llama.createGrammarForJsonSchema(request.jsonSchema.schema)
      : undefined;
    const session = new loaded.module.LlamaChatSession({ contextSequence: loaded.sequence });
    try {
      session.setChatHistory(history);
      const temperature = request.temperature ?? options.temperature;
      const answer = await session.promptWithMeta(prompt, {
        ...(grammar === undefined ? {} : { grammar }),
        ...(temperature === undefined ? {} : { temperature }),
        ...(request.maxOutputTokens === undefined ? {} : { maxTokens: request.maxOutputTokens }),
        ...(request.signal ? { signal: request.signal } : {}),
      });
      const inputText = request.messages.map((message) => message.content).join('\n');
      return {
        text: answer.responseText,
        usage: {
          inputTokens: loaded.model.tokenize(inputText).length,
          outputTokens: loaded.model.tokenize(answer.responseText).length,
        },
        finishReason: mapStopReason(answer.stopReason),
      };
    } finally {
      // Keep the sequence: the next session reuses it (and its evaluated prefix).
      session.dispose({ disposeSequence: false });
    }
  };

  return {
    provider: 'local',
    modelId: options.modelId ?? options.modelPath,
    baseUrl: options.modelPath,
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    complete(request) {
      const result = queue.then(() => run(request));
      // One generation at a time; a failed call must not block the next ones.
      queue = result.catch(() => undefined);
      return result;
    },
    async dispose() {
      const current = loading;
      loading = undefined;
      if (!current) return;
      const loaded = await current.catch(() => undefined);
      if (!loaded) return;
      await loaded.context.dispose();
      await loaded.model.dispose();
      await loaded.llama.dispose();
    },
  };
}
