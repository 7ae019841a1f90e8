import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPlume } from '../helpers/run-plume.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));

function jsonLdOf(html: string): Record<string, unknown> {
  const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}';
  return JSON.parse(script) as Record<string, unknown>;
}

describe('plume optimize --author-url, --site-logo', () => {
  it('writes article:author as the address, JSON-LD author.url and publisher.logo, and keeps the date’s offset', async () => {
    const run = await runPlume([
      'optimize',
      EXAMPLE,
      '--author',
      'Jeanne Dupont',
      '--author-url',
      'https://exemple.fr/auteurs/jeanne',
      '--site-name',
      'Le Journal',
      '--site-logo',
      'https://exemple.fr/logo.png',
      '--date',
      '2024-03-25T09:30:00+01:00',
      '--format',
      'html',
      '-o',
      '-',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '<meta property="article:author" content="https://exemple.fr/auteurs/jeanne">',
    );
    expect(run.stdout).toContain(
      '<meta property="article:published_time" content="2024-03-25T09:30:00+01:00">',
    );
    expect(jsonLdOf(run.stdout)).toMatchObject({
      datePublished: '2024-03-25T09:30:00+01:00',
      author: { '@type': 'Person', name: 'Jeanne Dupont', url: 'https://exemple.fr/auteurs/jeanne' },
      publisher: { name: 'Le Journal', logo: { '@type': 'ImageObject', url: 'https://exemple.fr/logo.png' } },
    });
  }, 60_000);

  it('omits article:author without an address, and refuses an address that is not http(s) (exit 2)', async () => {
    const nameOnly = await runPlume([
      'optimize',
      EXAMPLE,
      '--author',
      'Jeanne Dupont',
      '--format',
      'html',
      '-o',
      '-',
    ]);
    expect(nameOnly.code).toBe(0);
    expect(nameOnly.stdout).not.toContain('article:author');
    expect(nameOnly.stdout).toContain('<meta name="author" content="Jeanne Dupont">');
    const invalid = await runPlume([
      'optimize',
      EXAMPLE,
      '--author',
      'Jeanne',
      '--author-url',
      'javascript:alert(1)',
      '-o',
      '-',
    ]);
    expect(invalid.code).toBe(2);
    const alone = await runPlume([
      'optimize',
      EXAMPLE,
      '--author-url',
      'https://exemple.fr/a',
      '--json',
      '-o',
      '-',
    ]);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stderr).warnings).toContain(
      'Adresse de l’auteur ignorée : aucun auteur (--author, site.author ou la source).',
    );
    expect(invalid.stderr).toContain('adresse de l’auteur invalide « javascript:alert(1) »');
  }, 60_000);
});
