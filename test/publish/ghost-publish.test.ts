import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GhostPost, publishToGhost } from '../../src/publish/ghost-client.js';
import { PublishError } from '../../src/publish/publish-error.js';
import { type GhostTestServer, startGhostTestServer } from '../helpers/ghost-admin-test-server.js';
import { runPlume } from '../helpers/run-plume.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function samplePost(overrides: Partial<GhostPost> = {}): GhostPost {
  return {
    title: 'Recruter des talents en IA',
    html: '<p>Le marché se tend.</p>\n<h2 id="salaires">Salaires</h2>\n<p>Ils montent.</p>',
    excerpt: 'Comment recruter des talents en IA en 2024 : salaires, profils et méthodes.',
    slug: 'recruter-talents-ia',
    date: '2024-03-25T09:30:00+01:00',
    status: 'draft',
    tags: ['IA', 'Recrutement'],
    seo: { title: 'Recruter des talents en IA | Blog', description: 'Méta description.' },
    canonicalUrl: 'https://exemple.fr/recruter-talents-ia',
    ...overrides,
  };
}

/** Fails with the PublishError the call throws, or fails the test when it resolves. */
async function publishError(promise: Promise<unknown>): Promise<PublishError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(PublishError.isInstance(error)).toBe(true);
  return error as PublishError;
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('publishToGhost (Ghost Admin API test server)', () => {
  let ghost: GhostTestServer;
  beforeAll(async () => {
    ghost = await startGhostTestServer();
  });
  afterAll(async () => {
    await ghost.close();
  });

  it('creates a draft with the SEO fields, tags, canonical URL and uploaded feature image', async () => {
    const result = await publishToGhost(
      samplePost({
        image: { bytes: PIXEL_PNG, fileName: 'équipe.png', mimeType: 'image/png', alt: 'Une équipe' },
      }),
      { site: ghost.url, key: ghost.key },
    );
    expect(result.created).toBe(true);
    expect(result.status).toBe('draft');
    const post = ghost.posts.get(result.id);
    expect(post).toMatchObject({
      title: 'Recruter des talents en IA',
      slug: 'recruter-talents-ia',
      status: 'draft',
      custom_excerpt: 'Comment recruter des talents en IA en 2024 : salaires, profils et méthodes.',
      meta_title: 'Recruter des talents en IA | Blog',
      meta_description: 'Méta description.',
      canonical_url: 'https://exemple.fr/recruter-talents-ia',
      published_at: '2024-03-25T08:30:00.000Z',
      feature_image: result.imageUrl,
      feature_image_alt: 'Une équipe',
    });
    // Sent with ?source=html, else Ghost drops the body.
    expect(post?.html).toContain('<h2 id="salaires">Salaires</h2>');
    expect(post?.tags.map((tag) => tag.name)).toEqual(['IA', 'Recrutement']);
    expect(ghost.images).toEqual([
      expect.objectContaining({ fileName: 'équipe.png', contentType: 'image/png', bytes: PIXEL_PNG.length }),
    ]);
    expect(new Set(ghost.requests.map((request) => request.acceptVersion))).toEqual(new Set(['v5.0']));
  });

  it('updates the same post by recorded id, then by slug, with its current updated_at; reuses tags', async () => {
    const first = await publishToGhost(samplePost({ slug: 'mise-a-jour' }), {
      site: ghost.url,
      key: ghost.key,
    });
    const stored = ghost.posts.get(first.id);
    // Someone edits the post in Ghost in between: its updated_at moves on.
    if (stored) stored.updated_at = '2026-12-05T11:00:00.000Z';
    const second = await publishToGhost(
      samplePost({ slug: 'mise-a-jour', title: 'Nouveau titre', tags: ['ia'] }),
      {
        site: ghost.url,
        key: ghost.key,
        postId: first.id,
      },
    );
    expect(second).toMatchObject({ id: first.id, created: false });
    expect(ghost.posts.get(first.id)?.title).toBe('Nouveau titre');
    expect(ghost.posts.get(first.id)?.tags.map((tag) => tag.name)).toEqual(['IA']);
    const third = await publishToGhost(samplePost({ slug: 'mise-a-jour' }), {
      site: ghost.url,
      key: ghost.key,
    });
    expect(third).toMatchObject({ id: first.id, created: false });
    // A recorded id that no longer exists: found again by slug.
    const fourth = await publishToGhost(samplePost({ slug: 'mise-a-jour' }), {
      site: ghost.url,
      key: ghost.key,
      postId: 'ffffffffffffffffffffffff',
    });
    expect(fourth.id).toBe(first.id);
    expect([...ghost.posts.values()].filter((post) => post.slug.startsWith('mise-a-jour'))).toHaveLength(1);
  });

  it('keeps the status of a post published meanwhile unless --status is given', async () => {
    const first = await publishToGhost(samplePost({ slug: 'statut', status: undefined }), {
      site: ghost.url,
      key: ghost.key,
    });
    expect(first.status).toBe('draft');
    const stored = ghost.posts.get(first.id);
    if (stored) stored.status = 'published';
    const kept = await publishToGhost(samplePost({ slug: 'statut', status: undefined }), {
      site: ghost.url,
      key: ghost.key,
    });
    expect(kept.status).toBe('published');
    const drafted = await publishToGhost(samplePost({ slug: 'statut', status: 'draft' }), {
      site: ghost.url,
      key: ghost.key,
    });
    expect(drafted.status).toBe('draft');
  });

  it('says the post changed meanwhile on an updated_at collision (409)', async () => {
    const first = await publishToGhost(samplePost({ slug: 'collision' }), {
      site: ghost.url,
      key: ghost.key,
    });
    // The post is edited in Ghost between Plume's read and its write.
    const racingFetch: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT') {
        const stored = ghost.posts.get(first.id);
        if (stored) stored.updated_at = '2027-01-01T00:00:00.000Z';
      }
      return fetch(input, init);
    };
    const error = await publishError(
      publishToGhost(samplePost({ slug: 'collision' }), {
        site: ghost.url,
        key: ghost.key,
        fetch: racingFetch,
      }),
    );
    expect(error.message).toMatch(/^l’article a été modifié sur Ghost pendant la publication \(409/);
  });

  it('refuses a wrong key (401) and a malformed key without showing either', async () => {
    const wrongKey = `${'a'.repeat(24)}:${'b'.repeat(64)}`;
    const wrong = await publishError(publishToGhost(samplePost(), { site: ghost.url, key: wrongKey }));
    expect(wrong.message).toMatch(/^Ghost refuse la clé Admin API \(401, UnauthorizedError\)/);
    expect(wrong.message).not.toContain('bbbb');
    // The right id with another secret: the signature check, not the id, refuses it.
    const badSecret = `${ghost.key.split(':')[0]}:${'c'.repeat(64)}`;
    const unsigned = await publishError(publishToGhost(samplePost(), { site: ghost.url, key: badSecret }));
    expect(unsigned.message).toContain('(401, UnauthorizedError)');
    const malformed = await publishError(
      publishToGhost(samplePost(), { site: ghost.url, key: 'secret-123' }),
    );
    expect(malformed.message).toMatch(/^clé Admin API de Ghost mal formée/);
    expect(malformed.message).not.toContain('secret-123');
  });

  it('the test server checks the token as Ghost does: audience, lifetime, kid, Accept-Version', async () => {
    const [id = '', secret = ''] = ghost.key.split(':');
    const now = Math.floor(Date.now() / 1000);
    const sign = (header: object, payload: object) => {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${encode(header)}.${encode(payload)}`;
      const signature = createHmac('sha256', Buffer.from(secret, 'hex')).update(unsigned).digest('base64url');
      return `${unsigned}.${signature}`;
    };
    const call = async (token: string, acceptVersion = 'v5.0') => {
      const response = await fetch(`${ghost.url}/ghost/api/admin/posts/slug/absent/`, {
        headers: { authorization: `Ghost ${token}`, 'accept-version': acceptVersion },
      });
      const body = (await response.json()) as { errors: { message: string }[] };
      return `${response.status} ${body.errors[0]?.message}`;
    };
    const header = { alg: 'HS256', typ: 'JWT', kid: id };
    const payload = { iat: now, exp: now + 300, aud: '/admin/' };
    expect(await call(sign(header, payload))).toBe('404 Post not found.');
    expect(await call(sign(header, { ...payload, aud: '/v3/admin/' }))).toBe('401 Invalid token audience');
    expect(await call(sign(header, { ...payload, exp: now + 3600 }))).toBe(
      '401 Maximum lifetime is 5 minutes',
    );
    expect(await call(sign(header, { iat: now - 600, exp: now - 300, aud: '/admin/' }))).toBe(
      '401 Token expired',
    );
    expect(await call(sign({ ...header, kid: 'f'.repeat(24) }, payload))).toBe('401 Unknown Admin API Key');
    expect(await call(sign(header, payload), '')).toMatch(/^400 Accept-Version/);
  });

  it('refuses an integration without the right (403) before anything is written', async () => {
    const before = ghost.posts.size;
    const error = await publishError(
      publishToGhost(
        samplePost({
          slug: 'interdit',
          image: { bytes: PIXEL_PNG, fileName: 'x.png', mimeType: 'image/png', alt: '' },
        }),
        { site: ghost.url, key: ghost.forbiddenKey },
      ),
    );
    expect(error.message).toMatch(/^Ghost refuse l’action \(403, NoPermissionError\)/);
    expect(ghost.posts.size).toBe(before);
  });

  it('says the address is not a Ghost site (404 without Ghost JSON) and when nothing answers', async () => {
    const notGhost = await publishError(
      publishToGhost(samplePost(), { site: `${ghost.url}/blog`, key: ghost.key }),
    );
    expect(notGhost.message).toMatch(
      /^API Admin de Ghost introuvable sur http:\/\/127\.0\.0\.1:\d+\/blog \(404/,
    );
    const site = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = await publishError(publishToGhost(samplePost(), { site, key: ghost.key }));
    expect(unreachable.message).toBe(
      `Ghost injoignable (${site}) : ECONNREFUSED. Vérifiez l’adresse et le réseau.`,
    );
  });
});

describe('plume publish ghost (CLI against the Ghost Admin API test server)', () => {
  let ghost: GhostTestServer;
  const directory = mkdtempSync(join(tmpdir(), 'plume-publish-ghost-'));
  let articlePath = '';

  beforeAll(async () => {
    ghost = await startGhostTestServer();
    writeFileSync(join(directory, 'talents.png'), PIXEL_PNG);
    const run = await runPlume([
      'optimize',
      EXAMPLE,
      '--format',
      'md',
      '--image',
      'talents.png',
      '--image-alt',
      'Des ingénieurs devant un écran',
      '--date',
      '2024-03-25',
      '-o',
      directory,
    ]);
    expect(run.code).toBe(0);
    articlePath = join(directory, readdirSync(directory).find((file) => file.endsWith('.md')) ?? '');
    const markdown = readFileSync(articlePath, 'utf8').replace(
      /\ngenerator: Plume\n/,
      '\ntags:\n  - IA\n  - Recrutement & salaires\ngenerator: Plume\n',
    );
    writeFileSync(articlePath, markdown);
  }, 120_000);

  afterAll(async () => {
    await ghost.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const env = () => ({ PLUME_GHOST_ADMIN_API_KEY: ghost.key });

  it('creates one draft, records its id, then updates it on the second run without a second upload', async () => {
    const run = await runPlume(['publish', 'ghost', articlePath, '--site', ghost.url], { env: env() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Article créé sur Ghost : [0-9a-f]{24}, statut draft, http/);
    const markdown = readFileSync(articlePath, 'utf8');
    const id = /\nghost_id: "([0-9a-f]{24})"\n/.exec(markdown)?.[1] ?? '';
    const front = (key: string) => new RegExp(`\\n${key}: "?(.*?)"?\\n`).exec(markdown)?.[1];
    const post = ghost.posts.get(id);
    expect(post).toMatchObject({
      title: /\n# (.+)\n/.exec(markdown)?.[1],
      slug: front('slug'),
      status: 'draft',
      custom_excerpt: front('description'),
      meta_title: front('title'),
      meta_description: front('description'),
      published_at: '2024-03-25T00:00:00.000Z',
      feature_image_alt: 'Des ingénieurs devant un écran',
    });
    expect(post?.html).not.toContain('<h1');
    expect(post?.html).not.toContain('<head');
    expect(post?.html).toMatch(/<h2 id="[^"]+">/);
    expect(post?.tags.map((tag) => tag.name)).toEqual(['IA', 'Recrutement & salaires']);
    expect(ghost.images).toHaveLength(1);

    const again = await runPlume(['publish', 'ghost', articlePath, '--site', ghost.url, '--json'], {
      env: env(),
    });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ id, created: false, status: 'draft' });
    expect(ghost.posts.size).toBe(1);
    expect(ghost.images).toHaveLength(1);
    expect(ghost.posts.get(id)?.feature_image).toBe(ghost.images[0]?.url);
  }, 60_000);

  it('exits 2 with a French line on a wrong or missing key, never showing the key', async () => {
    const wrongKey = `${ghost.key.split(':')[0]}:${'d'.repeat(64)}`;
    const wrong = await runPlume(['publish', 'ghost', articlePath, '--site', ghost.url], {
      env: { PLUME_GHOST_ADMIN_API_KEY: wrongKey },
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^plume: Ghost refuse la clé Admin API \(401/);
    expect(wrong.stderr).not.toContain('dddd');
    const missing = await runPlume(['publish', 'ghost', articlePath, '--site', ghost.url], {
      env: { PLUME_GHOST_ADMIN_API_KEY: '' },
      cwd: directory,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('clé Admin API de Ghost manquante');
    const status = await runPlume(
      ['publish', 'ghost', articlePath, '--site', ghost.url, '--status', 'pending'],
      {
        env: env(),
      },
    );
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('--status « pending » inconnu : draft, published sont attendus.');
  }, 60_000);

  it('refuses an image at a local address unless --allow-private-urls (exit 2, no post)', async () => {
    const imageUrl = ghost.images[0]?.url ?? '';
    const before = ghost.posts.size;
    const refused = await runPlume(
      ['publish', 'ghost', articlePath, '--site', ghost.url, '--image', imageUrl],
      {
        env: env(),
      },
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `plume: image « ${imageUrl} » refusée : 127.0.0.1 mène à une adresse de cette machine`,
    );
    const allowed = await runPlume(
      ['publish', 'ghost', articlePath, '--site', ghost.url, '--image', imageUrl, '--allow-private-urls'],
      { env: env() },
    );
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    expect(ghost.images).toHaveLength(2);
    expect(ghost.images[1]?.bytes).toBe(PIXEL_PNG.length);
    expect(ghost.posts.size).toBe(before);
  }, 60_000);

  it('reads the site and key from the configuration file', async () => {
    writeFileSync(
      join(directory, 'plume.config.json'),
      JSON.stringify({ ghost: { site: ghost.url, key: ghost.key } }),
    );
    try {
      const run = await runPlume(['publish', 'ghost', articlePath], {
        env: { PLUME_GHOST_ADMIN_API_KEY: '' },
        cwd: directory,
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^Article mis à jour sur Ghost : /);
    } finally {
      rmSync(join(directory, 'plume.config.json'));
    }
  }, 60_000);
});

describe('plume optimize --publish ghost (CLI against the Ghost Admin API test server)', () => {
  let ghost: GhostTestServer;
  const directory = mkdtempSync(join(tmpdir(), 'plume-optimize-publish-'));

  beforeAll(async () => {
    ghost = await startGhostTestServer();
    writeFileSync(join(directory, 'photo.png'), PIXEL_PNG);
  });
  afterAll(async () => {
    await ghost.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const optimizeAndPublish = (extra: string[] = []) =>
    runPlume(
      [
        'optimize',
        EXAMPLE,
        '--image',
        'photo.png',
        '--publish',
        'ghost',
        '--site',
        ghost.url,
        '-o',
        'out',
        ...extra,
      ],
      { cwd: directory, env: { PLUME_GHOST_ADMIN_API_KEY: ghost.key } },
    );

  it('writes the files, publishes the Markdown one, and updates the same post on the next run', async () => {
    const first = await optimizeAndPublish();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/\nArticle créé sur Ghost : [0-9a-f]{24}, statut draft, /);
    const files = readdirSync(join(directory, 'out')).sort();
    expect(files.filter((name) => /\.(md|html|json)$/.test(name))).toHaveLength(3);
    const markdownName = files.find((name) => name.endsWith('.md')) ?? '';
    const id = /\nghost_id: "([0-9a-f]{24})"\n/.exec(
      readFileSync(join(directory, 'out', markdownName), 'utf8'),
    )?.[1];
    expect(ghost.posts.get(id ?? '')?.feature_image).toBe(ghost.images[0]?.url);

    // The rewritten file keeps the recorded id and image: no new post, no new upload.
    const second = await optimizeAndPublish(['--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toHaveProperty('report');
    expect(second.stderr).toContain(`Article mis à jour sur Ghost : ${id}, statut draft`);
    expect(ghost.posts.size).toBe(1);
    expect(ghost.images).toHaveLength(1);
  }, 120_000);

  it('checks the publication before optimizing (exit 2, nothing written)', async () => {
    const toStdout = await runPlume(
      ['optimize', EXAMPLE, '--publish', 'ghost', '--site', ghost.url, '-o', '-'],
      {
        cwd: directory,
        env: { PLUME_GHOST_ADMIN_API_KEY: ghost.key },
      },
    );
    expect(toStdout.code).toBe(2);
    expect(toStdout.stderr).toContain('--publish publie le fichier Markdown écrit');
    const noKey = await runPlume(
      ['optimize', EXAMPLE, '--publish', 'ghost', '--site', ghost.url, '-o', 'vide'],
      {
        cwd: directory,
        env: { PLUME_GHOST_ADMIN_API_KEY: '' },
      },
    );
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('clé Admin API de Ghost manquante');
    expect(readdirSync(directory)).not.toContain('vide');
    const unknown = await runPlume(['optimize', EXAMPLE, '--publish', 'medium', '-o', 'vide'], {
      cwd: directory,
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--publish « medium » inconnu : wordpress, ghost sont attendus.');
    const stray = await runPlume(['optimize', EXAMPLE, '--site', ghost.url, '-o', 'vide'], {
      cwd: directory,
    });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--site, --status et --tags vont avec --publish wordpress|ghost.');
  }, 120_000);
});
