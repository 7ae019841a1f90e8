import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Texts on which a faster algorithm is compared with the one it replaced: the example, every golden input,
 * every corpus source, and variants of the example whose sentences differ (numbers shifted, a closing
 * sentence added to each long line), as the bench makes them.
 */
export function equalityTexts(): { name: string; text: string }[] {
  const texts: { name: string; text: string }[] = [];
  const example = readFileSync(join(root, 'examples', 'talents-ia.txt'), 'utf8');
  texts.push({ name: 'example', text: example });
  for (const folder of ['test/golden', 'test/corpus']) {
    for (const name of readdirSync(join(root, folder)).sort()) {
      const directory = join(root, folder, name);
      if (!statSync(directory).isDirectory()) continue;
      for (const file of readdirSync(directory).sort()) {
        if (/^(?:input|source)\.(?:md|txt|html)$/u.test(file))
          texts.push({
            name: `${folder}/${name}/${file}`,
            text: readFileSync(join(directory, file), 'utf8'),
          });
      }
    }
  }
  for (let run = 0; run < 3; run += 1) {
    const variant = example
      .replace(/\d+/gu, (digits) => String(Number(digits) + run + 1))
      .split('\n')
      .map((line, index) =>
        line.length > 80 ? `${line} Pour les candidats, la variante ${run * 97 + index} compte.` : line,
      )
      .join('\n');
    texts.push({ name: `example variant ${run}`, text: variant });
  }
  return texts;
}
