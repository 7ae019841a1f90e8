import type { Heading, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import type { Article, ArticleMetadata, TableOfContentsEntry } from '../../src/article.js';

/** Non-breaking space (before « : » and inside « guillemets ») and narrow one (before « ; ! ? % »). */
export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

/** Overrides of {@link makeArticle}; `metadata` is merged field by field. */
export interface ArticleOverrides {
  metadata?: Partial<ArticleMetadata>;
  tree?: Root;
  tableOfContents?: TableOfContentsEntry[];
}

/**
 * A realistic written article in French (H1, introduction, « L’essentiel » box, four H2 and one H3
 * with ids, French typography), with no url, author, date or site name unless overridden.
 */
export function makeArticle(overrides: ArticleOverrides = {}): Article {
  return {
    metadata: {
      title: 'Talents en IA : les géants de la tech raflent la mise',
      h1: 'Talents en IA : pourquoi les géants de la tech raflent la mise',
      description:
        'Talents en IA : salaires à 100 000 dollars, pénurie de compétences, startups évincées. Pourquoi la Big Tech gagne la course au recrutement.',
      slug: 'talents-en-ia',
      keyphrase: 'talents en IA',
      keywords: ['recrutement IA', 'Big Tech', 'salaires', 'startups'],
      locale: 'fr-FR',
      wordCount: 187,
      ...overrides.metadata,
    },
    tree: overrides.tree ?? makeTree(),
    tableOfContents: overrides.tableOfContents ?? [
      { depth: 2, text: 'Une course aux talents en IA', id: 'une-course-aux-talents-en-ia' },
      { depth: 2, text: 'Des salaires hors norme', id: 'des-salaires-hors-norme' },
      { depth: 3, text: 'Jusqu’à 100 000 dollars par an', id: 'jusqua-100-000-dollars-par-an' },
      { depth: 2, text: 'Les startups à la peine', id: 'les-startups-a-la-peine' },
      { depth: 2, text: 'Ce qui pourrait changer', id: 'ce-qui-pourrait-changer' },
    ],
  };
}

/** The body of {@link makeArticle}: a fresh tree at each call. */
export function makeTree(): Root {
  return {
    type: 'root',
    children: [
      heading(1, `Talents en IA${NBSP}: pourquoi les géants de la tech raflent la mise`, 'talents-en-ia'),
      paragraph(
        'La lutte pour recruter les meilleurs talents en IA s’intensifie. Les entreprises, grandes et petites, rivalisent pour créer les meilleurs produits.',
      ),
      {
        type: 'blockquote',
        data: { hName: 'aside', hProperties: { className: ['essentiel'] } },
        children: [
          { type: 'paragraph', children: [{ type: 'strong', children: [text('L’essentiel')] }] },
          {
            type: 'list',
            ordered: false,
            spread: false,
            children: [
              listItem(
                'Les géants de la tech offrent des salaires que les petites entreprises ne peuvent égaler.',
              ),
              listItem(
                'Peu de travailleurs possèdent les compétences requises pour les emplois liés à l’IA.',
              ),
            ],
          },
        ],
      },
      heading(2, 'Une course aux talents en IA', 'une-course-aux-talents-en-ia'),
      paragraph(
        `«${NBSP}Des entreprises comme Meta volent et retiennent les talents${NBSP}», a déclaré JT O’Donnell, fondatrice de Work It Daily.`,
      ),
      heading(2, 'Des salaires hors norme', 'des-salaires-hors-norme'),
      {
        type: 'paragraph',
        children: [
          text('Les recruteurs citent des offres '),
          { type: 'emphasis', children: [text('très')] },
          text(` élevées${NNBSP}; la demande dépasse l’offre de 4${NBSP}% par an.`),
        ],
      },
      heading(3, 'Jusqu’à 100 000 dollars par an', 'jusqua-100-000-dollars-par-an'),
      {
        type: 'paragraph',
        children: [
          text('Certains ingénieurs touchent '),
          { type: 'strong', children: [text(`100${NBSP}000${NBSP}dollars`)] },
          text(` de prime${NNBSP}! Selon `),
          { type: 'link', url: 'https://www.businessinsider.com/', children: [text('Business Insider')] },
          text(', la tendance s’accélère.'),
        ],
      },
      heading(2, 'Les startups à la peine', 'les-startups-a-la-peine'),
      paragraph(
        `Faute de GPU, une startup ne peut pas recruter un chercheur de premier plan${NNBSP}: «${NBSP}nous n’avons pas ce dont ils ont besoin${NBSP}».`,
      ),
      heading(2, 'Ce qui pourrait changer', 'ce-qui-pourrait-changer'),
      paragraph(
        `Les formations se multiplient${NNBSP}; d’ici quelques années, l’offre de compétences en IA devrait rattraper la demande.`,
      ),
    ],
  };
}

function heading(depth: Heading['depth'], value: string, id: string): Heading {
  // `data.id` is the anchor the polish stage gives each heading.
  return { type: 'heading', depth, data: { id } as Heading['data'], children: [text(value)] };
}

function paragraph(value: string): RootContent {
  return { type: 'paragraph', children: [text(value)] };
}

function listItem(value: string): ListItem {
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(value)] }] };
}

function text(value: string): PhrasingContent & { type: 'text' } {
  return { type: 'text', value };
}
