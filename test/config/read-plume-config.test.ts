import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { findConfigFile } from '../../src/config/find-config-file.js';
import { readPlumeConfig } from '../../src/config/read-plume-config.js';

/** A project folder with `a/b/` inside it; files are written relative to the project. */
function project(files: Record<string, string>): { root: string; deep: string } {
  const root = mkdtempSync(join(tmpdir(), 'plume-config-'));
  const deep = join(root, 'a', 'b');
  mkdirSync(deep, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  return { root, deep };
}

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('the configuration file, searched upward from the working directory', () => {
  it('finds a YAML file two folders up, and reads its site and audit sections', async () => {
    const { deep } = project({
      'plume.config.yaml': [
        'site:',
        '  name: Mon site',
        '  url: https://example.org',
        '  author: Jeanne Dupont',
        '  authorUrl: https://example.org/auteurs/jeanne',
        '  logo: https://example.org/logo.png',
        '  locale: fr-CA',
        '  minWords: 500',
        '  image: https://example.org/partage.png',
        '  target: hugo',
        'audit:',
        '  disable: [passive-voice]',
        '  thresholds:',
        '    sentenceLength: { maxWords: 25 }',
      ].join('\n'),
    });
    const config = await readPlumeConfig(deep);
    expect(config.fileLabel).toBe(join('..', '..', 'plume.config.yaml'));
    expect(config.site).toEqual({
      name: 'Mon site',
      url: 'https://example.org',
      author: 'Jeanne Dupont',
      authorUrl: 'https://example.org/auteurs/jeanne',
      logo: 'https://example.org/logo.png',
      locale: 'fr-CA',
      minWords: 500,
      image: 'https://example.org/partage.png',
      target: 'hugo',
    });
    expect(config.audit).toEqual({
      disable: ['passive-voice'],
      thresholds: { sentenceLength: { maxWords: 25 } },
    });
  });

  it('reads package.json’s « plume » key, and skips a package.json without one', async () => {
    const { root, deep } = project({
      'package.json': JSON.stringify({ name: 'blog', plume: { site: { name: 'Blog' } } }),
    });
    writeFileSync(join(root, 'a', 'package.json'), JSON.stringify({ name: 'inner' }));
    expect((await readPlumeConfig(deep)).site).toEqual({ name: 'Blog' });
  });

  it('prefers the nearest folder, and plume.config.json over the others in one folder', async () => {
    const { root, deep } = project({ '.plumerc.yaml': 'site: { name: Loin }' });
    writeFileSync(join(root, 'a', '.plumerc.json'), JSON.stringify({ site: { name: 'Près' } }));
    writeFileSync(join(root, 'a', 'plume.config.json'), JSON.stringify({ site: { name: 'Premier' } }));
    expect((await readPlumeConfig(deep)).site.name).toBe('Premier');
  });

  it('without a file, nothing is set', async () => {
    const { deep } = project({});
    expect(await findConfigFile(deep)).toBeUndefined();
    expect((await readPlumeConfig(deep)).site).toEqual({});
  });

  it.each([
    [
      'plume.config.yaml',
      'site:\n  url: exemple.org\n',
      'plume.config.yaml : site.url : une adresse http ou https est attendue',
    ],
    [
      'plume.config.json',
      '{"site": {"locale": "en-US"}}',
      'plume.config.json : site.locale : une variété de français est attendue : fr-FR, fr-CA, fr-BE, fr-CH',
    ],
    [
      '.plumerc.json',
      '{"site": {"minWords": 0}}',
      '.plumerc.json : site.minWords : un nombre entier de 1 à 100 000 est attendu',
    ],
    ['.plumerc.yml', 'site: { nom: X }', '.plumerc.yml : site : champ inconnu « nom »'],
    [
      'plume.config.yml',
      'audit: { disable: [voix-passive] }',
      'plume.config.yml : audit.disable.0 : un identifiant d’évaluation est attendu',
    ],
    [
      'plume.config.json',
      '{"audit": {"thresholds": {"sentenceLength": {"maxWord": 25}}}}',
      'plume.config.json : audit.thresholds.sentenceLength : champ inconnu « maxWord »',
    ],
    [
      'package.json',
      '{"plume": {"site": {"image": 3}}}',
      'package.json#plume.site.image : une adresse http ou https est attendue',
    ],
    ['plume.config.json', '{ "site": ', 'plume.config.json : JSON illisible'],
    ['plume.config.yaml', 'site: [', 'plume.config.yaml : YAML illisible'],
  ])('%s with %s: « %s »', async (name, content, message) => {
    const { root } = project({ [name]: content });
    const error = await configErrorOf(readPlumeConfig(root));
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('--config names a file that must exist', async () => {
    const { root } = project({});
    expect((await configErrorOf(readPlumeConfig(root, 'absent.yaml'))).message).toBe(
      'absent.yaml : fichier introuvable',
    );
  });
});
