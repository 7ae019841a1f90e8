import { readFileSync } from 'node:fs';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { DEFAULT_AUDIT_CONFIG } from '../../src/audit/audit-config.js';
import { resolveBrief } from '../../src/brief.js';
import type { Document } from '../../src/document.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { parseText } from '../../src/ingest/parse-text.js';
import { planArticle } from '../../src/plan/plan-article.js';
import type { SeoPlan } from '../../src/plan/seo-plan.js';
import { assembleDraft, createOfflineWriter, KEY_POINTS_LABEL } from '../../src/write/offline-writer.js';
import { emptyWriterStats, type WriterContext } from '../../src/write/writer.js';

const exampleText = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');

function contextOf(document: Document, keyphrase?: string): WriterContext {
  return {
    document,
    analysis: analyze(document, keyphrase ? { keyphrase } : {}),
    config: DEFAULT_AUDIT_CONFIG,
    brief: resolveBrief(document.metadata, { keyphrase, minWords: 700, locale: 'fr-FR' }),
    stats: emptyWriterStats(),
  };
}

function hasPosition(node: Nodes | Root): boolean {
  if (node.position) return true;
  return 'children' in node && node.children.some((child) => hasPosition(child as Nodes));
}

const plainText = (nodes: readonly RootContent[]) =>
  nodes.map((node) => mdastToString(node).replace(/\s+/gu, ' ').trim());

describe('assembleDraft on the example article', () => {
  const document = parseText(exampleText);
  const sourceBefore = structuredClone(document.tree);
  const context = contextOf(document, 'talents en IA');
  const plan = planArticle(document, context.analysis, { brief: context.brief });
  const draft = assembleDraft(context, plan);

  it('starts with the H1', () => {
    const [first] = draft.children;
    expect(first).toEqual({ type: 'heading', depth: 1, children: [{ type: 'text', value: plan.h1 }] });
    expect(draft.children.filter((node) => node.type === 'heading' && node.depth === 1)).toHaveLength(1);
  });

  it('renders the key points as an aside blockquote', () => {
    const box = draft.children[1];
    if (box?.type !== 'blockquote') throw new Error('expected a blockquote');
    expect(box.data).toEqual({
      hName: 'aside',
      hProperties: { className: ['essentiel'], ariaLabel: KEY_POINTS_LABEL },
    });
    expect(KEY_POINTS_LABEL).toBe('L’essentiel');
    expect(box.children[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'strong', children: [{ type: 'text', value: 'L’essentiel' }] }],
    });
    const list = box.children[1];
    expect(list?.type).toBe('list');
    expect(plainText(list ? [list] : [])).toEqual(plainText([document.tree.children[0] as RootContent]));
  });

  it('follows the plan: introduction, then each section heading and its passages', () => {
    const expected: string[] = [];
    expected.push(`h1 ${plan.h1}`, 'blockquote');
    for (const passage of plan.introduction) expected.push(`p ${passage.nodeIndex}`);
    for (const section of plan.sections) {
      expected.push(`h${section.depth} ${section.heading}`);
      for (const passage of section.passages) expected.push(`p ${passage.nodeIndex}`);
    }
    const nodesByText = new Map(
      document.tree.children.map((node, index) => [plainText([node])[0] as string, index] as const),
    );
    const actual = draft.children.map((node) => {
      if (node.type === 'heading') return `h${node.depth} ${mdastToString(node)}`;
      if (node.type === 'blockquote') return 'blockquote';
      return `p ${nodesByText.get(plainText([node])[0] as string)}`;
    });
    expect(actual).toEqual(expected);
  });

  it('keeps the source text: nothing added, nothing lost but the promoted heading-like lines', () => {
    const headingLike = new Set(
      context.analysis.headingLikeLines.map((line) => context.analysis.blocks[line.blockIndex]?.nodeIndex),
    );
    const sourceText = plainText(document.tree.children.filter((_, index) => !headingLike.has(index)));
    const draftText = plainText(
      draft.children
        .filter((node) => node.type !== 'heading')
        .map((node) => (node.type === 'blockquote' ? (node.children[1] as RootContent) : node)),
    );
    expect(draftText).toEqual(sourceText);
  });

  it('has no source positions and leaves the source tree alone', () => {
    expect(hasPosition(draft)).toBe(false);
    expect(document.tree).toEqual(sourceBefore);
  });

  it('the offline writer plans and writes the same', async () => {
    const writer = createOfflineWriter();
    expect(writer.name).toBe('offline');
    expect(writer.canRewrite).toBe(false);
    const writerPlan = await writer.plan(context);
    expect(writerPlan).toEqual(plan);
    expect(await writer.write(context, writerPlan)).toEqual({ tree: draft, plan: writerPlan });
    // The offline writer costs nothing.
    expect(context.stats).toEqual(emptyWriterStats());
  });

  it('passes the user’s title, description and slug to the plan', async () => {
    const writerPlan = await createOfflineWriter().plan({
      ...context,
      brief: {
        ...context.brief,
        title: { text: 'Mon titre', origin: 'given' },
        description: { text: 'Ma description', origin: 'given' },
        slug: { text: 'mon-slug', origin: 'given' },
      },
    });
    expect(writerPlan).toMatchObject({ title: 'Mon titre', description: 'Ma description', slug: 'mon-slug' });
  });
});

describe('assembleDraft with split paragraphs and no key points', () => {
  const sentences = Array.from(
    { length: 14 },
    (_, index) =>
      `La phrase numéro ${index + 1} parle du *sommeil* des adolescents et de leurs [horaires](https://example.com/${index}) décalés.`,
  );
  const markdown = `# Le sommeil des adolescents

Une introduction courte sur le sommeil des adolescents, qui dorment de moins en moins.

## Le décalage

${sentences.join(' ')}
`;
  const document = parseMarkdown(markdown);
  const context = contextOf(document, 'sommeil des adolescents');
  const plan = planArticle(document, context.analysis, { brief: context.brief });
  const draft = assembleDraft(context, plan);

  it('cuts the long paragraph into paragraphs that keep emphasis and links', () => {
    const parts = plan.sections
      .flatMap((section) => section.passages)
      .filter((passage) => passage.nodeIndex === 3);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.every((passage) => passage.sentences !== undefined)).toBe(true);
    const paragraphs = draft.children.filter((node) => node.type === 'paragraph').slice(1);
    expect(paragraphs).toHaveLength(parts.length);
    expect(plainText(paragraphs).join(' ')).toBe(plainText([document.tree.children[3] as RootContent])[0]);
    for (const paragraph of paragraphs) {
      if (paragraph.type !== 'paragraph') continue;
      const types = paragraph.children.map((child) => child.type);
      expect(types).toContain('emphasis');
      expect(types).toContain('link');
    }
  });

  it('has no key points box and keeps the source headings', () => {
    expect(plan.keyPoints).toBeNull();
    expect(draft.children.some((node) => node.type === 'blockquote')).toBe(false);
    const headings = draft.children.filter((node): node is Heading => node.type === 'heading');
    expect(headings.map((node) => [node.depth, mdastToString(node)])).toEqual([
      [1, 'Le sommeil des adolescents'],
      ...plan.sections.map((section) => [section.depth, section.heading]),
    ]);
    expect(plan.sections[0]?.heading).toBe('Le décalage');
  });

  it('ignores key points that do not point to a list', () => {
    const broken: SeoPlan = { ...plan, keyPoints: { nodeIndex: 1, wordCount: 10 } };
    expect(assembleDraft(context, broken).children.some((node) => node.type === 'blockquote')).toBe(false);
  });
});
