import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../src/llm/create-language-model.js';
import { LlmConfigError } from '../../src/llm/llm-errors.js';
import {
  checkGgufFile,
  createLocalLanguageModel,
  type LlamaChatHistoryItem,
  type LlamaPromptOptions,
  loadLlamaModule,
  toLlamaChat,
} from '../../src/llm/local-model.js';

let directory: string;
let ggufPath: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plume-local-'));
  ggufPath = join(directory, 'tiny.gguf');
  // The GGUF magic, version 3, then zeros: enough for our header check (the fake module loads nothing).
  await writeFile(
    ggufPath,
    Buffer.concat([Buffer.from('GGUF', 'latin1'), Buffer.from([3, 0, 0, 0]), Buffer.alloc(16)]),
  );
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function configError(action: () => Promise<unknown>): Promise<LlmConfigError> {
  try {
    await action();
  } catch (error) {
    if (LlmConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an LlmConfigError');
}

/** A fake node-llama-cpp that records how it is driven. */
function fakeLlamaModule(answer = { responseText: 'Bonjour.', stopReason: 'eogToken' }) {
  const calls = {
    getLlama: [] as unknown[],
    loadModel: [] as unknown[],
    grammars: [] as unknown[],
    histories: [] as LlamaChatHistoryItem[][],
    prompts: [] as { prompt: string; options: LlamaPromptOptions }[],
    disposed: [] as string[],
  };
  const module = {
    async getLlama(options: unknown) {
      calls.getLlama.push(options);
      return {
        async loadModel(options: unknown) {
          calls.loadModel.push(options);
          return {
            async createContext() {
              return {
                getSequence: () => ({ id: 'sequence' }),
                dispose: async () => void calls.disposed.push('context'),
              };
            },
            tokenize: (text: string) => text.split(/\s+/).filter(Boolean),
            dispose: async () => void calls.disposed.push('model'),
          };
        },
        async createGrammarForJsonSchema(schema: unknown) {
          calls.grammars.push(schema);
          return { grammarFor: schema };
        },
        dispose: async () => void calls.disposed.push('llama'),
      };
    },
    LlamaChatSession: class {
      constructor(readonly options: { contextSequence: unknown }) {}
      setChatHistory(history: LlamaChatHistoryItem[]) {
        calls.histories.push(history);
      }
      async promptWithMeta(prompt: string, options: LlamaPromptOptions) {
        calls.prompts.push({ prompt, options });
        return answer;
      }
      dispose() {}
    },
  };
  return { module, calls };
}

describe('checkGgufFile', () => {
  it('accepts a file that starts with GGUF', async () => {
    await expect(checkGgufFile(ggufPath)).resolves.toBeUndefined();
  });

  it('says when the file is missing', async () => {
    const error = await configError(() => checkGgufFile(join(directory, 'absent.gguf')));
    expect(error.message).toMatch(/^modèle local introuvable : .*absent\.gguf \(--model-path/);
  });

  it('says when the file is not a GGUF model', async () => {
    const fake = join(directory, 'model.bin');
    await writeFile(fake, 'PK\u0003\u0004 a zip, not a model');
    const error = await configError(() => checkGgufFile(fake));
    expect(error.message).toContain('n’est pas un fichier GGUF');
  });

  it('rejects a file shorter than the magic, and a directory', async () => {
    const short = join(directory, 'short.gguf');
    await writeFile(short, 'GG');
    expect((await configError(() => checkGgufFile(short))).message).toContain('n’est pas un fichier GGUF');
    await mkdir(join(directory, 'folder.gguf'));
    expect((await configError(() => checkGgufFile(join(directory, 'folder.gguf')))).message).toContain(
      'est un dossier',
    );
  });
});

describe('loadLlamaModule', () => {
  it('says how to install node-llama-cpp when it is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package 'node-llama-cpp'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const error = await configError(() => loadLlamaModule(async () => Promise.reject(missing)));
    expect(error.message).toBe(
      'le fournisseur local a besoin de node-llama-cpp, qui n’est pas installé (dépendance facultative, environ 720 Mo) : installez-le avec npm i -E node-llama-cpp@3.21.1',
    );
  });

  it('rejects a module that does not look like node-llama-cpp 3', async () => {
    const error = await configError(() => loadLlamaModule(async () => ({ default: {} })));
    expect(error.message).toMatch(
      /ne ressemble pas à la version 3\.21\.1 : installez-la avec npm i -E node-llama-cpp@3\.21\.1$/,
    );
  });

  const installed = (() => {
    try {
      return existsSync(createRequire(import.meta.url).resolve('node-llama-cpp'));
    } catch {
      return false;
    }
  })();

  // The default: npm ci leaves the optional peer dependency out, and the real import says how to add it.
  it.skipIf(installed)('without the package, the real import says how to install it', async () => {
    const error = await configError(() => loadLlamaModule());
    expect(error.message).toContain('installez-le avec npm i -E node-llama-cpp@3.21.1');
  });

  it.runIf(installed)(
    'imports the installed package without loading a binary (skipped unless node-llama-cpp is installed: npm i -E node-llama-cpp@3.21.1)',
    async () => {
      const module = await loadLlamaModule();
      expect(typeof module.getLlama).toBe('function');
      expect(typeof module.LlamaChatSession).toBe('function');
    },
  );

  it.runIf(installed)(
    'drives the real package with getLlama({ build: "never" }); any failure is a clear config error (skipped unless node-llama-cpp is installed)',
    async () => {
      const real = await loadLlamaModule();
      const seen: unknown[] = [];
      const spied = {
        LlamaChatSession: real.LlamaChatSession,
        getLlama: (options: { build: 'never' }) => {
          seen.push(options);
          return real.getLlama(options);
        },
      };
      const model = createLocalLanguageModel({ modelPath: ggufPath, importModule: async () => spied });
      // Our 24-byte file passes the magic check but is no model: either no binary runs
      // here, or the binary rejects the file. Both must be LlmConfigError, never a build.
      const error = await configError(() => model.complete({ messages: [{ role: 'user', content: 'x' }] }));
      expect(error.message).toMatch(/pas de binaire précompilé|n’a pas pu charger/);
      expect(seen).toEqual([{ build: 'never' }]);
      await model.dispose();
    },
    60_000,
  );
});

describe('createLocalLanguageModel', () => {
  it('loads lazily, with getLlama({ build: "never" }), and maps the chat', async () => {
    const { module, calls } = fakeLlamaModule();
    const model = createLocalLanguageModel({
      modelPath: ggufPath,
      modelId: 'tiny',
      temperature: 0.4,
      importModule: async () => module,
    });
    expect(calls.getLlama).toEqual([]);
    const result = await model.complete({
      messages: [
        { role: 'system', content: 'Tu écris en français.' },
        { role: 'user', content: 'Bonjour ?' },
        { role: 'assistant', content: 'Bonjour !' },
        { role: 'user', content: 'Réécris ceci.' },
      ],
      maxOutputTokens: 64,
    });
    expect(calls.getLlama).toEqual([{ build: 'never' }]);
    expect(calls.loadModel).toEqual([{ modelPath: ggufPath }]);
    expect(calls.histories[0]).toEqual([
      { type: 'system', text: 'Tu écris en français.' },
      { type: 'user', text: 'Bonjour ?' },
      { type: 'model', response: ['Bonjour !'] },
    ]);
    expect(calls.prompts[0]).toEqual({
      prompt: 'Réécris ceci.',
      options: { temperature: 0.4, maxTokens: 64 },
    });
    expect(result).toEqual({
      text: 'Bonjour.',
      usage: { inputTokens: 10, outputTokens: 1 },
      finishReason: 'stop',
    });
    expect(model).toMatchObject({ provider: 'local', modelId: 'tiny', baseUrl: ggufPath });

    await model.complete({ messages: [{ role: 'user', content: 'Encore.' }] });
    expect(calls.getLlama).toHaveLength(1);
    await model.dispose();
    expect(calls.disposed).toEqual(['context', 'model', 'llama']);
  });

  it('turns a JSON schema into a grammar', async () => {
    const { module, calls } = fakeLlamaModule({ responseText: '{"a":1}', stopReason: 'eogToken' });
    const model = createLocalLanguageModel({ modelPath: ggufPath, importModule: async () => module });
    const schema = { type: 'object', properties: { a: { type: 'number' } } };
    await model.complete({
      messages: [{ role: 'user', content: 'JSON' }],
      jsonSchema: { name: 'a', schema },
    });
    expect(calls.grammars).toEqual([schema]);
    expect(calls.prompts[0]?.options.grammar).toEqual({ grammarFor: schema });
  });

  it('maps maxTokens to a cut answer', async () => {
    const { module } = fakeLlamaModule({ responseText: 'Les tal', stopReason: 'maxTokens' });
    const model = createLocalLanguageModel({ modelPath: ggufPath, importModule: async () => module });
    expect((await model.complete({ messages: [{ role: 'user', content: 'x' }] })).finishReason).toBe(
      'length',
    );
  });

  it('checks the file before importing the package', async () => {
    let imported = false;
    const model = createLocalLanguageModel({
      modelPath: join(directory, 'absent.gguf'),
      importModule: async () => {
        imported = true;
        return fakeLlamaModule().module;
      },
    });
    const error = await configError(() => model.complete({ messages: [{ role: 'user', content: 'x' }] }));
    expect(error.message).toMatch(/^modèle local introuvable/);
    expect(imported).toBe(false);
  });

  it('explains a machine without a prebuilt binary (never compiles)', async () => {
    const { module } = fakeLlamaModule();
    const noBinary = {
      ...module,
      getLlama: async () => {
        throw Object.assign(new Error('Failed to load a prebuilt binary for platform "linux" "x64"'), {
          name: 'NoBinaryFoundError',
        });
      },
    };
    const model = createLocalLanguageModel({ modelPath: ggufPath, importModule: async () => noBinary });
    const error = await configError(() => model.complete({ messages: [{ role: 'user', content: 'x' }] }));
    expect(error.message).toMatch(/pas de binaire précompilé pour cette machine, et Plume ne compile jamais/);
  });

  it('is what createLanguageModel builds for provider local', async () => {
    const { module, calls } = fakeLlamaModule();
    const model = createLanguageModel(
      { provider: 'local', model: 'tiny', modelPath: ggufPath },
      { importLocalModule: async () => module },
    );
    expect((await model.complete({ messages: [{ role: 'user', content: 'x' }] })).text).toBe('Bonjour.');
    expect(calls.getLlama).toEqual([{ build: 'never' }]);
  });

  it('needs the last message to be from the user', () => {
    expect(() => toLlamaChat([{ role: 'assistant', content: 'x' }])).toThrow(
      /dernier message de l’utilisateur/,
    );
  });
});
