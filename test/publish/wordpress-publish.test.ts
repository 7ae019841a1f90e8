import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlume } from '../helpers/run-plume.js';
import {
  startWordPress,
  type WordPressServer,
  wordpressUnavailableReason,
} from '../helpers/wordpress-server.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url));
/** A 1×1 PNG: WordPress checks that an upload really is an image. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

// A real WordPress (Debian's wordpress, mariadb-server, php-cli): CI installs them, so only a machine
// without them skips, and says why.
const unavailable = process.env.CI ? undefined : wordpressUnavailableReason();

describe.skipIf(unavailable !== undefined)(
  `plume publish wordpress (real WordPress) ${unavailable ?? ''}`,
  () => {
    let wordpress: WordPressServer;
    const directory = mkdtempSync(join(tmpdir(), 'plume-publish-wordpress-'));
    let articlePath = '';

    beforeAll(async () => {
      wordpress = await startWordPress();
      console.log(`WordPress started in ${JSON.stringify(wordpress.timings)} ms`);
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
      const name = readdirSync(directory).find((file) => file.endsWith('.md')) ?? '';
      articlePath = join(directory, name);
      // Tags and categories as a site's front matter has them.
      const markdown = readFileSync(articlePath, 'utf8').replace(
        /\ngenerator: Plume\n/,
        '\ntags:\n  - IA\n  - Recrutement & salaires\ncategories:\n  - Tech\ngenerator: Plume\n',
      );
      writeFileSync(articlePath, markdown);
    }, 240_000);

    afterAll(async () => {
      await wordpress?.stop();
      rmSync(directory, { recursive: true, force: true });
    }, 60_000);

    const env = () => ({
      PLUME_WORDPRESS_USER: wordpress.user,
      PLUME_WORDPRESS_PASSWORD: wordpress.applicationPassword,
    });
    const auth = () =>
      `Basic ${Buffer.from(`${wordpress.user}:${wordpress.applicationPassword}`).toString('base64')}`;
    const rest = async (route: string): Promise<Record<string, unknown> & Record<string, unknown>[]> => {
      const response = await fetch(`${wordpress.url}/wp-json${route}`, {
        headers: { authorization: auth() },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown> & Record<string, unknown>[];
    };

    /** The fields the issue's closing note shows, as REST reads them back (no credentials). */
    const logReadBack = async (label: string, id: number | string) => {
      const post = await rest(`/wp/v2/posts/${id}?context=edit`);
      const tags = await rest(`/wp/v2/tags?include=${(post.tags as number[]).join(',')}`);
      const readBack = {
        id: post.id,
        status: post.status,
        title: (post.title as { raw: string }).raw,
        content_start: (post.content as { raw: string }).raw.slice(0, 160),
        excerpt: (post.excerpt as { raw: string }).raw,
        slug: post.slug,
        date: post.date,
        featured_media: post.featured_media,
        tags: tags.map((tag) => tag.name),
        meta: post.meta,
      };
      console.log(`REST read-back (${label}): ${JSON.stringify(readBack, null, 1)}`);
    };

    it('creates one draft whose title, content, excerpt, slug, image, tags, categories and SEO fields read back', async () => {
      const run = await runPlume(['publish', 'wordpress', articlePath, '--site', wordpress.url], {
        env: env(),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Article créé sur WordPress : n° \d+, statut draft/);
      const markdown = readFileSync(articlePath, 'utf8');
      const id = Number(/\nwordpress_id: (\d+)\n/.exec(markdown)?.[1]);
      const front = (key: string) => new RegExp(`\\n${key}: "?(.*?)"?\\n`).exec(markdown)?.[1];
      const post = await rest(`/wp/v2/posts/${id}?context=edit`);
      await logReadBack('first run', id);
      const h1 = /\n# (.+)\n/.exec(markdown)?.[1];
      expect((post.title as { raw: string }).raw).toBe(h1);
      expect(post.status).toBe('draft');
      expect(post.slug).toBe(front('slug'));
      expect((post.excerpt as { raw: string }).raw).toBe(front('description'));
      const content = (post.content as { raw: string }).raw;
      expect(content).not.toContain('<h1');
      expect(content).toMatch(/<h2 id="[^"]+">/);
      expect(post.meta).toMatchObject({
        _yoast_wpseo_title: front('title'),
        _yoast_wpseo_metadesc: front('description'),
        _yoast_wpseo_focuskw: front('keyphrase'),
        rank_math_title: front('title'),
        rank_math_description: front('description'),
        rank_math_focus_keyword: front('keyphrase'),
      });
      const media = await rest(`/wp/v2/media/${post.featured_media}?context=edit`);
      expect(media.alt_text).toBe('Des ingénieurs devant un écran');
      expect(media.mime_type).toBe('image/png');
      const tags = await rest(`/wp/v2/tags?include=${(post.tags as number[]).join(',')}`);
      expect(tags.map((tag) => tag.name).sort()).toEqual(['IA', 'Recrutement &amp; salaires']);
      const categories = await rest(`/wp/v2/categories?include=${(post.categories as number[]).join(',')}`);
      expect(categories.map((category) => category.name)).toEqual(['Tech']);
    }, 120_000);

    it('updates the same post on the second run, never a duplicate, and reuses the image', async () => {
      const before = readFileSync(articlePath, 'utf8');
      const id = /\nwordpress_id: (\d+)\n/.exec(before)?.[1];
      const imageId = /\nwordpress_image_id: (\d+)\n/.exec(before)?.[1];
      const run = await runPlume(['publish', 'wordpress', articlePath, '--site', wordpress.url], {
        env: env(),
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Article mis à jour sur WordPress : n° ${id},`);
      await logReadBack('second run', id ?? '');
      const slug = /\nslug: (.+)\n/.exec(before)?.[1];
      const posts = await rest(`/wp/v2/posts?slug=${slug}&status=draft,publish&context=edit`);
      expect(posts).toHaveLength(1);
      expect(String(posts[0]?.featured_media)).toBe(imageId);
      const media = await rest('/wp/v2/media?per_page=100');
      expect(media).toHaveLength(1);
      // Found by slug when no id was recorded.
      writeFileSync(articlePath, before.replace(/\nwordpress_id: \d+\n/, '\n'));
      const bySlug = await runPlume(['publish', 'wordpress', articlePath, '--site', wordpress.url], {
        env: env(),
      });
      expect(bySlug.stdout).toContain(`Article mis à jour sur WordPress : n° ${id},`);
    }, 120_000);

    it('says what to check on a wrong password (401, Authorization header), without the password', async () => {
      const run = await runPlume(['publish', 'wordpress', articlePath, '--site', wordpress.url], {
        env: { PLUME_WORDPRESS_USER: 'admin', PLUME_WORDPRESS_PASSWORD: 'faux mot de passe 1234' },
      });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^plume: WordPress refuse l’identification de « admin » \(401/);
      expect(run.stderr).toContain('Authorization');
      expect(run.stderr).not.toContain('faux mot de passe');
    }, 60_000);

    it('refuses to create a missing tag with --no-create-terms (exit 2)', async () => {
      const run = await runPlume(
        [
          'publish',
          'wordpress',
          articlePath,
          '--site',
          wordpress.url,
          '--tags',
          'Inconnue',
          '--no-create-terms',
        ],
        { env: env() },
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Étiquettes absentes du site : « Inconnue »');
    }, 60_000);

    it('finds the existing « Recrutement & salaires » tag (stored as &amp;) with --no-create-terms', async () => {
      const tagsBefore = await rest('/wp/v2/tags?per_page=100');
      const run = await runPlume(
        ['publish', 'wordpress', articlePath, '--site', wordpress.url, '--no-create-terms'],
        { env: env() },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const id = /\nwordpress_id: (\d+)\n/.exec(readFileSync(articlePath, 'utf8'))?.[1];
      const post = await rest(`/wp/v2/posts/${id}?context=edit`);
      const tags = await rest(`/wp/v2/tags?include=${(post.tags as number[]).join(',')}`);
      expect(tags.map((tag) => tag.name).sort()).toEqual(['IA', 'Recrutement &amp; salaires']);
      expect(await rest('/wp/v2/tags?per_page=100')).toHaveLength(tagsBefore.length);
    }, 60_000);

    it('optimize --publish wordpress writes the files, then creates the post; a rerun updates it', async () => {
      const mediaBefore = (await rest('/wp/v2/media?per_page=100')).length;
      const optimizeAndPublish = () =>
        runPlume(
          [
            'optimize',
            EXAMPLE,
            '--slug',
            'talents-ia-optimise',
            '--image',
            'talents.png',
            '--publish',
            'wordpress',
            '--site',
            wordpress.url,
            '-o',
            'optimise',
          ],
          { cwd: directory, env: env() },
        );
      const first = await optimizeAndPublish();
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      const id = /\nArticle créé sur WordPress : n° (\d+), statut draft/.exec(first.stdout)?.[1];
      expect(id).toBeDefined();
      expect(readdirSync(join(directory, 'optimise')).sort()).toEqual([
        'talents-ia-optimise.html',
        'talents-ia-optimise.md',
        'talents-ia-optimise.report.json',
      ]);
      const post = await rest(`/wp/v2/posts/${id}?context=edit`);
      expect(post.slug).toBe('talents-ia-optimise');
      expect((post.meta as Record<string, string>)._yoast_wpseo_focuskw).toBe('talents en IA');
      const second = await optimizeAndPublish();
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(`Article mis à jour sur WordPress : n° ${id},`);
      // One upload for the two runs: the rewritten file kept the recorded image.
      expect(await rest('/wp/v2/media?per_page=100')).toHaveLength(mediaBefore + 1);
    }, 120_000);

    it('says the REST API is off when a plugin disables it (exit 2)', async () => {
      wordpress.setRestEnabled(false);
      try {
        const run = await runPlume(['publish', 'wordpress', articlePath, '--site', wordpress.url], {
          env: env(),
        });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^plume: API REST de WordPress introuvable/);
      } finally {
        wordpress.setRestEnabled(true);
      }
    }, 60_000);

    it('says when the site cannot be reached (exit 2)', async () => {
      // A port that was free a moment ago: nothing listens there.
      const port = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const address = server.address();
          server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
        });
      });
      const site = `http://127.0.0.1:${port}`;
      const run = await runPlume(['publish', 'wordpress', articlePath, '--site', site], { env: env() });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `plume: WordPress injoignable (${site}) : ECONNREFUSED. Vérifiez l’adresse et le réseau.\n`,
      );
    }, 60_000);
  },
);
