import { describe, expect, it } from 'vitest';
import { minimizeEscapes } from '../../src/render/minimize-escapes.js';

describe('minimizeEscapes', () => {
  it.each([
    ['a bracket that opens no link', 'Voir \\[note] plus bas.\n', 'Voir [note] plus bas.\n'],
    ['a lone star', 'Calculez 3 \\* 4 = 12.\n', 'Calculez 3 * 4 = 12.\n'],
    ['brackets and parentheses that make no link', '\\[**suite**]\\(à venir)\n', '[**suite**](à venir)\n'],
    ['an underscore inside a word', 'La variable mot\\_de\\_passe.\n', 'La variable mot_de_passe.\n'],
    ['a quote mark inside a line', 'Il a dit \\> non.\n', 'Il a dit > non.\n'],
  ])('removes a needless escape: %s', (_name, input, expected) => {
    expect(minimizeEscapes(input)).toBe(expected);
  });

  it.each([
    ['a pair of stars that would emphasize', '\\*pas\\* d’emphase\n', '\\*pas* d’emphase\n'],
    ['a tag that would become raw HTML', 'La balise \\<b> met en gras.\n', undefined],
    ['a number that would start a list', '1\\. Premier point du texte.\n', undefined],
    ['a hash that would make a heading', '\\# pas un titre\n', undefined],
    ['a pipe in a table cell', '| a |\n| - |\n| b \\| c |\n', undefined],
    ['a backslash in code', 'Le code `a\\*b` reste tel quel.\n', undefined],
  ])('keeps an escape the text needs: %s', (_name, input, expected) => {
    expect(minimizeEscapes(input)).toBe(expected ?? input);
  });

  it('keeps the one escape of a pair that matters, removes the other', () => {
    expect(minimizeEscapes('\\*pas d’emphase\\*\n')).toBe('\\*pas d’emphase*\n');
  });

  it('leaves text without escapes as it is', () => {
    expect(minimizeEscapes('# Titre\n\nTexte _simple_.\n')).toBe('# Titre\n\nTexte _simple_.\n');
  });
});
