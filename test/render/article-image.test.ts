import type { Element, Root as HastRoot, Nodes } from 'hast';
import { HtmlValidate } from 'html-validate';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { isImageReference } from '../../src/check-metadata.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { absoluteImageUrl, buildJsonLd } from '../../src/render/json-ld.js';
import { renderHtmlDocument } from '../../src/render/render-html.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { makeArticle } from '../helpers/make-article.js';

const image = { url: 'https://exemple.fr/img/talents.jpg', alt: 'Une équipe devant un tableau' };

function metaTags(html: string): Map<string, string> {
  const tree = unified().use(rehypeParse).parse(html) as HastRoot;
  const tags = new Map<string, string>();
  const visit = (node: Nodes) => {
    if (node.type === 'element' && node.tagName === 'meta') {
      const key = (node as Element).properties.property ?? node.properties.name;
      if (key !== undefined) tags.set(String(key), String(node.properties.content));
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return tags;
}

describe('featured image', () => {
  it('feeds og:image, the large Twitter card and the JSON-LD image with its alt text', async () => {
    const html = renderHtmlDocument(makeArticle({ metadata: { image } }));
    const tags = metaTags(html);
    expect(tags.get('og:image')).toBe(image.url);
    expect(tags.get('og:image:alt')).toBe(image.alt);
    expect(tags.get('twitter:card')).toBe('summary_large_image');
    expect(tags.get('twitter:image')).toBe(image.url);
    expect(tags.get('twitter:image:alt')).toBe(image.alt);
    expect(buildJsonLd(makeArticle({ metadata: { image } })).image).toEqual({
      '@type': 'ImageObject',
      url: image.url,
      caption: image.alt,
    });
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(report.valid).toBe(true);
  });

  it('keeps the small card and no og:image without an image', () => {
    const tags = metaTags(renderHtmlDocument(makeArticle()));
    expect(tags.get('twitter:card')).toBe('summary');
    expect(tags.has('og:image')).toBe(false);
    expect(buildJsonLd(makeArticle())).not.toHaveProperty('image');
  });

  it('resolves a site path against the canonical URL, keeps it as written without one', () => {
    expect(absoluteImageUrl('/img/a.jpg', 'https://exemple.fr/blog/talents')).toBe(
      'https://exemple.fr/img/a.jpg',
    );
    expect(absoluteImageUrl('a.jpg', 'https://exemple.fr/blog/talents')).toBe(
      'https://exemple.fr/blog/a.jpg',
    );
    expect(absoluteImageUrl('/img/a.jpg', undefined)).toBe('/img/a.jpg');
    const article = makeArticle({
      metadata: { url: 'https://exemple.fr/talents', image: { url: '/img/a.jpg', alt: 'a' } },
    });
    expect(metaTags(renderHtmlDocument(article)).get('og:image')).toBe('https://exemple.fr/img/a.jpg');
  });

  it('writes image and image_alt in the front matter, which ingest reads back', () => {
    const markdown = renderMarkdown(makeArticle({ metadata: { image } }));
    const frontMatter = parseYaml(markdown.split('---\n')[1] ?? '');
    expect(frontMatter.image).toBe(image.url);
    expect(frontMatter.image_alt).toBe(image.alt);
    expect(parseMarkdown(markdown).metadata).toMatchObject({ image: image.url, imageAlt: image.alt });
  });

  it.each([
    ['image: /img/a.jpg', { image: '/img/a.jpg' }],
    ['images: [/img/a.jpg, /img/b.jpg]', { image: '/img/a.jpg' }],
    ['image: {path: /img/a.jpg, alt: Un chat}', { image: '/img/a.jpg', imageAlt: 'Un chat' }],
    ['heroImage: ./hero.png\nheroImageAlt: Un pont', { image: './hero.png', imageAlt: 'Un pont' }],
    ['cover: {image: c.jpg, alt: Une vue}', { image: 'c.jpg', imageAlt: 'Une vue' }],
  ])('reads the front matter %j', (yaml, expected) => {
    expect(parseMarkdown(`---\n${yaml}\n---\n# Titre\n\nTexte.`).metadata).toMatchObject(expected);
  });

  it.each([
    ['https://exemple.fr/a.jpg', true],
    ['/img/a.jpg', true],
    ['images/a b.jpg', true],
    ['C:\\images\\a.jpg', true],
    ['javascript:alert(1)', false],
    ['data:image/png;base64,AAAA', false],
    ['a\u0000.jpg', false],
    ['', false],
  ])('isImageReference(%j) is %s', (value, expected) => {
    expect(isImageReference(value)).toBe(expected);
  });
});
