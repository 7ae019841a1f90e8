import { describe, expect, it } from 'vitest';
import { publishToWordPress, type WordPressPost } from '../../src/publish/wordpress-client.js';

/**
 * The part of WordPress's REST API that resolving terms touches, as WordPress behaves: names are
 * stored with `&`, `<`, `>` as entities (`Recrutement &amp; salaires`), `search` is a LIKE on the stored
 * name or the slug, and creating a name that exists answers 400 `term_exists` with its id.
 */
function fakeWordPress(existingTags: string[]) {
  const tags = existingTags.map((name, index) => ({
    id: index + 10,
    name: encode(name),
    slug: slugOf(name),
  }));
  const requests: string[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchImplementation: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    requests.push(`${method} ${url.pathname}${url.search}`);
    const route = url.pathname.replace(/^\/wp-json/, '');
    if (route === '/wp/v2/users/me') return json(200, { id: 1 });
    if (route === '/wp/v2/posts' && method === 'GET') return json(200, []);
    if (route === '/wp/v2/tags' && method === 'GET') {
      const search = (url.searchParams.get('search') ?? '').toLowerCase();
      return json(
        200,
        tags.filter((tag) => tag.name.toLowerCase().includes(search) || tag.slug.includes(search)),
      );
    }
    if (route === '/wp/v2/tags' && method === 'POST') {
      const { name } = JSON.parse(String(init?.body)) as { name: string };
      const existing = tags.find((tag) => tag.name === encode(name));
      if (existing) return json(400, { code: 'term_exists', data: { status: 400, term_id: existing.id } });
      const tag = { id: tags.length + 10, name: encode(name), slug: slugOf(name) };
      tags.push(tag);
      return json(201, tag);
    }
    if (route === '/wp/v2/posts' && method === 'POST') {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      return json(201, { id: 99, link: 'https://exemple.fr/?p=99', status: 'draft', ...body });
    }
    return json(404, { code: 'rest_no_route' });
  };
  return { fetch: fetchImplementation, tags, requests };
}

function encode(name: string): string {
  return name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const post = (tags: string[]): WordPressPost => ({
  title: 'Titre',
  content: '<p>Texte.</p>',
  excerpt: 'Extrait.',
  slug: 'titre',
  status: 'draft',
  tags,
  categories: [],
  seo: { title: 'Titre', description: 'Extrait.', keyphrase: 'titre' },
});

describe('WordPress terms whose names hold & < > (stored as entities)', () => {
  const cases = [
    { name: 'Recrutement & salaires' },
    { name: 'R&D' },
    { name: 'Avant <après>' },
    { name: 'recrutement & SALAIRES', stored: 'Recrutement & salaires' },
  ];
  for (const { name, stored = name } of cases) {
    it(`finds the existing term « ${stored} » for « ${name} », even with --no-create-terms`, async () => {
      const wordpress = fakeWordPress(['IA', stored]);
      const result = await publishToWordPress(post([name]), {
        site: 'https://exemple.fr',
        user: 'jeanne',
        password: 'abcd efgh',
        createTerms: false,
        fetch: wordpress.fetch,
      });
      expect(result.post.tags).toEqual([11]);
      expect(wordpress.tags).toHaveLength(2);
      expect(wordpress.requests.filter((request) => request.startsWith('POST /wp-json/wp/v2/tags'))).toEqual(
        [],
      );
    });
  }

  it('creates a missing one once, and says which are missing with --no-create-terms', async () => {
    const wordpress = fakeWordPress(['IA']);
    const options = {
      site: 'https://exemple.fr',
      user: 'jeanne',
      password: 'abcd efgh',
      fetch: wordpress.fetch,
    };
    const created = await publishToWordPress(post(['Sport & santé']), options);
    expect(wordpress.tags.map((tag) => tag.name)).toEqual(['IA', 'Sport &amp; santé']);
    const again = await publishToWordPress(post(['Sport & santé']), options);
    expect(again.post.tags).toEqual(created.post.tags);
    expect(wordpress.tags).toHaveLength(2);
    await expect(
      publishToWordPress(post(['Cuisine & vins']), { ...options, createTerms: false }),
    ).rejects.toThrow(
      'Étiquettes absentes du site : « Cuisine & vins » ; créez-les ou retirez --no-create-terms.',
    );
  });
});

describe('WordPress status on an update', () => {
  it('sends no status when updating without one (a published post stays published), draft when creating', async () => {
    const bodies: Record<string, unknown>[] = [];
    const json = (body: unknown) =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    let existing: number[] = [];
    const fetchImplementation: typeof fetch = async (input, init) => {
      const route = new URL(String(input)).pathname.replace(/^\/wp-json/, '');
      if (route === '/wp/v2/users/me') return json({ id: 1 });
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        bodies.push(body);
        return json({ id: 7, status: body.status ?? 'publish', meta: {} });
      }
      return json(existing.map((id) => ({ id })));
    };
    const options = { site: 'https://exemple.fr', user: 'jeanne', password: 'x', fetch: fetchImplementation };
    const { status: _status, ...withoutStatus } = post([]);
    await publishToWordPress(withoutStatus, options);
    expect(bodies[0]?.status).toBe('draft');
    existing = [7];
    const updated = await publishToWordPress(withoutStatus, options);
    expect(bodies[1]).not.toHaveProperty('status');
    expect(updated.status).toBe('publish');
    await publishToWordPress({ ...withoutStatus, status: 'pending' }, options);
    expect(bodies[2]?.status).toBe('pending');
  });
});
