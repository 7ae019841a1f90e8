import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPlume } from '../helpers/run-plume.js';

const root = mkdtempSync(join(tmpdir(), 'plume-bounded-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
}

/** 1,000 levels of nested list, about 1 MB: 160 s and 586 MB in `plume audit` before the limits. */
function nestedList(): string {
  let text = '# Titre\n\n';
  for (let level = 0; level < 1000; level += 1) {
    text += `${'  '.repeat(level)}- élément numéro ${level} avec un peu de texte autour\n`;
  }
  return text;
}

const ALIAS_BOMB = `---\na0: &a0 [x, x]\n${Array.from({ length: 30 }, (_, index) => `a${index + 1}: &a${index + 1} [*a${index}, *a${index}]`).join('\n')}\n---\n# Titre\n\nDu texte.\n`;

describe('plume refuses pathological input with exit 2 and one French line', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['1 MB of nested lists', 'lists.md', nestedList(), /Imbrication trop profonde ligne \d+/],
    ['10,000 nested block quotes', 'quotes.md', `# Titre\n\n${'>'.repeat(10_000)} texte\n`, /citations/],
    [
      '10,000 nested <div>',
      'divs.html',
      `${'<div>'.repeat(10_000)}texte${'</div>'.repeat(10_000)}`,
      /éléments HTML/,
    ],
    ['a YAML alias bomb', 'bomb.md', ALIAS_BOMB, /alias/],
    ['a 10,000-letter word', 'word.txt', `Titre\n\nUn mot ${'a'.repeat(10_000)} ici.\n`, /Mot trop long/],
  ];
  for (const command of ['audit', 'optimize']) {
    it.each(cases)(`${command}: %s`, async (_name, fileName, text, detail) => {
      const path = write(`${command}-${fileName}`, text);
      const args =
        command === 'audit' ? ['audit', path] : ['optimize', path, '-o', join(root, `out-${fileName}`)];
      const run = await runPlume(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(detail);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr.length).toBeLessThan(300);
    });
  }

  it('refuses a 10,000-character keyphrase without echoing it', async () => {
    const path = write(
      'short.md',
      '# Titre\n\nLes entreprises recrutent des talents en intelligence artificielle.\n',
    );
    for (const keyphrase of ['b'.repeat(10_000), 'a '.repeat(5000)]) {
      const run = await runPlume(['optimize', path, '-o', '-', '--keyphrase', keyphrase]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^plume: Expression-clé trop longue : \d+ caractères \(au plus 120\)/);
      expect(run.stderr.length).toBeLessThan(300);
    }
  });
});
