import type { Link, Nodes, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { sharedLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import type { SitePage } from '../../src/plan/site-page.js';
import { addInternalLinks } from '../../src/write/add-internal-links.js';
import { polishTree } from '../../src/write/polish-article.js';

const treeOf = (markdown: string): Root => parseMarkdown(markdown).tree;

function linksOf(tree: Root): Link[] {
  const found: Link[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link') found.push(node);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return found;
}

const PASSWORDS: SitePage = { url: '/mots-de-passe/', title: 'Les mots de passe sont dépassés' };
const settings = { pages: [PASSWORDS], keyphrase: 'sécurité informatique', lexicon: sharedLefffLexicon() };

describe('addInternalLinks: the links put on the article’s own words', () => {
  it('links a body paragraph, words unchanged, and says which link it added', () => {
    const tree = treeOf(
      '# Titre\n\nUne introduction courte. Elle parle d’autre chose.\n\n## Un mot de passe\n\nChoisissez un mot de passe long et *vraiment* aléatoire.\n',
    );
    const before = mdastToString(tree);
    const added = addInternalLinks(tree, settings);
    expect(added).toEqual([{ url: '/mots-de-passe/', title: PASSWORDS.title, anchor: 'mot de passe' }]);
    expect(mdastToString(tree)).toBe(before);
    const [link] = linksOf(tree);
    expect(mdastToString(link as Link)).toBe('mot de passe');
    expect(tree.children[1]?.type).toBe('paragraph');
  });

  it.each([
    ['a heading', '## Un mot de passe solide\n'],
    ['a quote', '> Choisissez un mot de passe long.\n'],
    ['an existing link', 'Choisissez [un mot de passe long](https://exemple.org/).\n'],
    ['a code span', 'Tapez `mot de passe` dans le champ.\n'],
    ['a table', '| a |\n| - |\n| un mot de passe long |\n'],
  ])('never in %s', (_, markdown) => {
    const tree = treeOf(`Une introduction courte. Elle parle d’autre chose.\n\n${markdown}`);
    expect(addInternalLinks(tree, settings)).toEqual([]);
    expect(linksOf(tree).filter((link) => link.url === PASSWORDS.url)).toEqual([]);
  });

  it('takes the first top-level paragraph for the introduction, even after a list', () => {
    const tree = treeOf(
      '- Un point clé sans rapport.\n\nUn mot de passe robuste se retient. Un mot de passe court se devine.\n',
    );
    const [link] = addInternalLinks(tree, settings);
    expect(link?.anchor).toBe('mot de passe');
    const paragraph = tree.children[1];
    expect(paragraph?.type === 'paragraph' && paragraph.children[0]).toEqual({
      type: 'text',
      value: 'Un mot de passe robuste se retient. Un ',
    });
  });

  it('does not link a page the article already links to', () => {
    const tree = treeOf(
      'Une introduction courte. Elle parle d’autre chose.\n\nVoir [cet article](/mots-de-passe). Un mot de passe long.\n',
    );
    expect(addInternalLinks(tree, settings)).toEqual([]);
  });

  it('links inside emphasis and in a list item', () => {
    const tree = treeOf(
      'Une introduction courte. Elle parle d’autre chose.\n\n- Gardez *votre mot de passe secret*.\n',
    );
    expect(addInternalLinks(tree, settings).map((link) => link.anchor)).toEqual(['mot de passe']);
    const emphasis = JSON.stringify(tree);
    expect(emphasis).toContain(
      '{"type":"emphasis","children":[{"type":"text","value":"votre "},{"type":"link","url":"/mots-de-passe/","title":null,"children":[{"type":"text","value":"mot de passe"}]},{"type":"text","value":" secret"}]',
    );
  });

  it('runs in polishTree after typography, and only when pages are given', () => {
    const markdown = 'Une introduction courte. Elle parle d’autre chose.\n\nUn mot de passe : long !\n';
    expect(polishTree(treeOf(markdown)).internalLinks).toBeUndefined();
    const polished = polishTree(treeOf(markdown), { internalLinks: settings });
    expect(polished.internalLinks?.map((link) => link.anchor)).toEqual(['mot de passe']);
    expect(mdastToString(polished.tree)).toMatch(/passe\u00a0: long\u202f!/u);
  });
});
