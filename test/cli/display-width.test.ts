import { PassThrough } from 'node:stream';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, isSingleColumn } from '../../src/cli/display-width.js';
import { runCli } from '../../src/cli/run-cli.js';

async function helpOf(args: readonly string[]): Promise<string> {
  let text = '';
  const stdout = new PassThrough();
  stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  await runCli(args, { stdout, stderr: new PassThrough(), stdin: new PassThrough(), env: {} });
  return text;
}

describe('displayWidth measures as string-width does', () => {
  it('counts each character it reads as one column wide as string-width does, alone and in a run', () => {
    const singles: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      if (!isSingleColumn(code)) continue;
      const character = String.fromCharCode(code);
      expect(stringWidth(character), `U+${code.toString(16)}`).toBe(1);
      singles.push(character);
    }
    const run = singles.join('');
    expect(displayWidth(run)).toBe(stringWidth(run));
  });

  it.each([
    'Transforme un article en article français structuré',
    'l’option « --output » attend une valeur…',
    'e\u0301te\u0301',
    'café 😀 漢字',
    '\u001b[1mgras\u001b[0m',
    '',
  ])('%j', (text) => {
    expect(displayWidth(text)).toBe(stringWidth(text));
  });

  it.each([
    ['--help'],
    ['optimize', '--help'],
    ['audit', '--help'],
    ['serve', '--help'],
    ['batch', '--help'],
    ['worker', '--help'],
    ['publish', '--help'],
  ])('plume %s %s: every character of the help is measured without string-width', async (...args) => {
    const help = await helpOf(args);
    expect(help).toContain('Utilisation :');
    const others = [...help.replace(/\n/gu, '')].filter(
      (character) => !isSingleColumn(character.charCodeAt(0)),
    );
    expect(others).toEqual([]);
  });
});
