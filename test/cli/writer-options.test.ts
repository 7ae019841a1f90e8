import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addWriterOptions, type WriterFlagOptions, writerFlags } from '../../src/cli/writer-options.js';
import { LlmConfigError } from '../../src/llm/llm-errors.js';
import { LLM_SETTINGS } from '../../src/llm/llm-settings.js';
import { loadLlmConfig } from '../../src/llm/load-llm-config.js';

// The flags, their parsing and the labels of their errors all come from one table: every flag
// given a bad value is named in the error as the user typed it (`--timeout abc` → `--timeout`).

/** Parses `argv` as `plume optimize` would (the per-command `--concurrency` added like optimize does). */
function parse(argv: string[]): WriterFlagOptions & { concurrency?: string } {
  const command = addWriterOptions(new Command('optimize').option('--concurrency <n>', 'sections at once'));
  command.exitOverride().parse(argv, { from: 'user' });
  return command.opts<WriterFlagOptions & { concurrency?: string }>();
}

async function errorFor(argv: string[]): Promise<LlmConfigError> {
  const options = parse(argv);
  const flags = {
    ...writerFlags(options),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  };
  const error = await loadLlmConfig({ cwd: '/nonexistent', env: {}, flags }).catch(
    (caught: unknown) => caught,
  );
  if (!LlmConfigError.isInstance(error)) throw new Error(`expected an LlmConfigError, got ${String(error)}`);
  return error;
}

describe('the LLM flags, generated from the settings table', () => {
  // Text settings (model, model path) have no bad value but the empty one, which means « not given ».
  const checked = LLM_SETTINGS.filter((setting) => setting.schema.type !== 'text');
  it.each(checked.map((setting) => [setting.flag, setting.schema.type] as const))(
    '%s with a bad value is named in the error (%s)',
    async (flag, type) => {
      const bad = type === 'url' ? 'ftp://nowhere' : 'abc';
      const argv = flag === '--provider' ? ['--provider', 'openia'] : ['--provider', 'openai', flag, bad];
      const error = await errorFor(argv);
      expect(error.issues[0]).toMatch(new RegExp(`^${flag} : (un|une) .* attendue?`));
    },
  );

  it('--timeout abc names --timeout, not a flag that does not exist', async () => {
    const error = await errorFor(['--provider', 'openai', '--timeout', 'abc']);
    expect(error.message).toBe('--timeout : un nombre entier d’au moins 1 est attendu');
  });

  it('every flag of the table is accepted by the command line and reaches its field', () => {
    for (const setting of LLM_SETTINGS) {
      const value = setting.schema.type === 'provider' ? 'openai' : '7';
      const options = parse([setting.flag, value]);
      const flags = {
        ...writerFlags(options),
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      };
      expect(flags).toEqual({ [setting.field]: value });
    }
  });
});
