import type { Article } from '../article.js';
import type { SeoPlan } from '../plan/seo-plan.js';
import { GENERATOR } from './render-markdown.js';

export interface JsonOutputInput {
  article: Article;
  markdown: string;
  plan: SeoPlan;
  report: object;
}

/** The machine-readable output: metadata, plan, report and the Markdown, in one JSON document. */
export function renderJson(result: JsonOutputInput): string {
  const { report, plan, article, markdown } = result;
  return `${JSON.stringify(
    {
      generator: GENERATOR,
      metadata: article.metadata,
      tableOfContents: article.tableOfContents,
      plan,
      report,
      markdown,
    },
    null,
    2,
  )}\n`;
}
