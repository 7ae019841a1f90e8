import { describe, expect, it } from 'vitest';
import { collectBlocks } from '../../src/analyze/collect-blocks.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';

const texts = (markdown: string) => collectBlocks(parseMarkdown(markdown).tree).map((block) => block.text);

describe('collectBlocks', () => {
  it('leaves out a table of contents: a list of anchor links, nested or not', () => {
    const markdown = [
      '# Titre',
      '',
      'Une introduction.',
      '',
      '- [Première partie](#premiere-partie)',
      '  - [Un détail](#un-detail)',
      '- [Seconde partie](#seconde-partie)',
      '',
      '## Première partie',
    ].join('\n');
    expect(texts(markdown)).toEqual(['Titre', 'Une introduction.', 'Première partie']);
  });

  it('keeps lists of ordinary links and lists with text around the link', () => {
    const markdown = ['- [Une source](https://example.org)', '- Voir [la suite](#suite) plus bas'].join('\n');
    expect(texts(markdown)).toEqual(['Une source', 'Voir la suite plus bas']);
  });
});
