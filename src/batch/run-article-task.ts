import { optimize } from '../optimize.js';
import { renderJson } from '../render/render-json.js';
import type { Writer } from '../write/writer.js';
import type { ArticleOutcome, ArticleTask } from './article-task.js';
import { registeredSitePages } from './batch-site-pages.js';

export interface RunArticleTaskOptions {
  /** The writer (default: the offline writer). */
  writer?: Writer;
  signal?: AbortSignal;
}

/**
 * Optimizes one article of a batch, exactly as `plume optimize` would with the
 * batch's options. Shared by the worker threads, the LLM path and `plume worker`.
 */
export async function runArticleTask(
  task: ArticleTask,
  options: RunArticleTaskOptions = {},
): Promise<ArticleOutcome> {
  const { options: articleOptions } = task;
  const result = await optimize(task.text, {
    fileName: task.fileName,
    minWords: articleOptions.minWords,
    locale: articleOptions.locale,
    tableOfContents: articleOptions.tableOfContents,
    faq: articleOptions.faq,
    now: () => new Date(`${task.defaultDate}T12:00:00Z`),
    ...(articleOptions.siteName ? { siteName: articleOptions.siteName } : {}),
    ...(articleOptions.author ? { author: articleOptions.author } : {}),
    ...(articleOptions.defaultAuthor ? { defaultAuthor: articleOptions.defaultAuthor } : {}),
    ...(articleOptions.defaultImage ? { defaultImage: articleOptions.defaultImage } : {}),
    ...(articleOptions.date ? { date: articleOptions.date } : {}),
    ...(articleOptions.sitePagesHash ? { sitePages: registeredSitePages(articleOptions.sitePagesHash) } : {}),
    ...(options.writer ? { writer: options.writer } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const { report } = result;
  const degraded = report.writerStats.degraded === true;
  return {
    slug: result.article.metadata.slug,
    markdown: result.markdown,
    html: result.html,
    reportJson: renderJson(result),
    // A model that failed and was replaced by offline work is not « done » (as for `plume optimize`: exit 3).
    passed: report.passed && !degraded,
    failedConstraints: [
      ...report.constraints.filter((constraint) => !constraint.passed).map(({ id }) => id),
      ...(degraded ? ['degraded'] : []),
    ],
    words: result.article.metadata.wordCount,
    seoScore: report.scores.seo,
    readabilityScore: report.scores.readability,
    writer: report.writer,
    writerStats: report.writerStats,
  };
}
