import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { MARKDOWN_TARGETS, markdownFileName } from '../../src/render/markdown-target.js';
import { renderHtmlFragment } from '../../src/render/render-fragment.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { makeArticle } from '../helpers/make-article.js';

const image = { url: '/img/talents.jpg', alt: 'Une équipe devant un tableau' };
const article = makeArticle({
  metadata: {
    url: 'https://exemple.fr/blog/talents-en-ia/',
    date: '2024-03-25T08:30:00+01:00',
    author: 'Jeanne Dupont',
    image,
    frontMatter: { tags: ['IA', 'emploi'], categories: ['Tech'], layout: 'post', title: 'ancien titre' },
  },
});

function split(markdown: string): { frontMatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error('no front matter');
  return { frontMatter: parseYaml(match[1] ?? ''), body: match[2] ?? '' };
}

describe('renderMarkdown: --target', () => {
  it.each(MARKDOWN_TARGETS.filter((target) => target !== 'plain'))(
    '%s: no H1 and no « Sommaire » in the body, the source keys kept, Plume’s own win',
    (target) => {
      const { frontMatter, body } = split(renderMarkdown(article, { target }));
      expect(body).not.toMatch(/^# /m);
      expect(body).not.toContain('Sommaire');
      expect(body).toMatch(/^## Une course aux talents en IA$/m);
      expect(frontMatter).toMatchObject({
        title: article.metadata.title,
        description: article.metadata.description,
        tags: ['IA', 'emploi'],
        categories: ['Tech'],
        layout: 'post',
        generator: 'Plume',
      });
    },
  );

  it('plain keeps the H1 and the « Sommaire »', () => {
    const { body } = split(renderMarkdown(article));
    expect(body).toMatch(/^# Talents en IA/);
    expect(body).toContain('**Sommaire**');
  });

  it('hugo: images, a url that is a path, draft when a constraint fails', () => {
    const { frontMatter } = split(renderMarkdown(article, { target: 'hugo' }));
    expect(frontMatter).toMatchObject({
      date: '2024-03-25T08:30:00+01:00',
      slug: 'talents-en-ia',
      url: '/blog/talents-en-ia/',
      images: ['/img/talents.jpg'],
    });
    expect(frontMatter).not.toHaveProperty('draft');
    const draft = makeArticle({ metadata: { constraintsFailed: ['length'] } });
    expect(split(renderMarkdown(draft, { target: 'hugo' })).frontMatter.draft).toBe(true);
  });

  it('jekyll: YYYY-MM-DD-slug.md, jekyll-seo-tag keys, published: false for a draft', () => {
    expect(markdownFileName(article, 'jekyll')).toBe('2024-03-25-talents-en-ia.md');
    expect(markdownFileName(article, 'hugo')).toBe('talents-en-ia.md');
    const { frontMatter } = split(renderMarkdown(article, { target: 'jekyll' }));
    expect(frontMatter).toMatchObject({
      image: { path: '/img/talents.jpg', alt: image.alt },
      canonical_url: 'https://exemple.fr/blog/talents-en-ia/',
      lang: 'fr-FR',
      author: 'Jeanne Dupont',
    });
    const draft = makeArticle({ metadata: { constraintsFailed: ['length'] } });
    expect(split(renderMarkdown(draft, { target: 'jekyll' })).frontMatter.published).toBe(false);
  });

  it('astro: the blog template’s content schema accepts the front matter', () => {
    // Astro's blog starter (src/content.config.ts), with zod as Astro re-exports it.
    const blog = z.object({
      title: z.string(),
      description: z.string(),
      pubDate: z.coerce.date(),
      updatedDate: z.coerce.date().optional(),
      heroImage: z.string().optional(),
    });
    const { frontMatter } = split(renderMarkdown(article, { target: 'astro' }));
    const entry = blog.parse(frontMatter);
    expect(entry.pubDate.toISOString()).toBe('2024-03-25T07:30:00.000Z');
    expect(entry.heroImage).toBe('/img/talents.jpg');
  });

  it('eleventy: Eleventy itself builds the page at the permalink, with the article’s headings', async () => {
    const { default: Eleventy } = await import('@11ty/eleventy');
    const directory = mkdtempSync(join(tmpdir(), 'plume-eleventy-'));
    try {
      // The site's layout prints the title as the page's only H1, as Eleventy themes do.
      mkdirSync(join(directory, '_includes'));
      writeFileSync(join(directory, '_includes', 'post.liquid'), '<h1>{{ title }}</h1>\n{{ content }}');
      writeFileSync(
        join(directory, markdownFileName(article, 'eleventy')),
        renderMarkdown(article, { target: 'eleventy' }),
      );
      const eleventy = new Eleventy(directory, join(directory, '_site'), { quietMode: true });
      const [page] = (await eleventy.toJSON()) as { url: string; content: string }[];
      expect(page?.url).toBe('/blog/talents-en-ia/');
      expect(page?.content).toContain('<h2>Une course aux talents en IA</h2>');
      expect(page?.content.match(/<h1>/g)).toHaveLength(1);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);

  it('a target file read back gives the same metadata', () => {
    for (const target of MARKDOWN_TARGETS) {
      const metadata = parseMarkdown(renderMarkdown(article, { target })).metadata;
      expect(metadata).toMatchObject({
        title: article.metadata.title,
        date: '2024-03-25T08:30:00+01:00',
        image: '/img/talents.jpg',
        keyphrase: article.metadata.keyphrase,
      });
      expect(metadata.frontMatter).toMatchObject({ tags: ['IA', 'emploi'], layout: 'post' });
    }
  });
});

describe('renderHtmlFragment', () => {
  it('is the body without H1 nor document, and validates as a fragment', async () => {
    const fragment = renderHtmlFragment(article);
    expect(fragment).not.toMatch(/<h1|<html|<head|<body|<!doctype/i);
    expect(fragment).toMatch(/^<p>La lutte pour recruter/);
    expect(fragment).toContain('<h2 id="une-course-aux-talents-en-ia">');
    expect(fragment).toContain('<nav aria-label="Sommaire">');
    expect(renderHtmlFragment(article, { tableOfContents: false })).not.toContain('Sommaire');
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const report = await validator.validateString(fragment);
    expect(report.results.flatMap((result) => result.messages.map((message) => message.message))).toEqual([]);
  });
});
