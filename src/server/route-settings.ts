import type { ArticlePool } from '../batch/thread-pool.js';
import type { FetchArticle } from '../ingest/fetch-article.js';
import type { SitePage } from '../plan/site-page.js';
import type { WriterFactory, WriterName } from './writer-factory.js';

/** What the API routes share, resolved once by `createApp` from its options. */
export interface RouteSettings {
  maxLlmJobs: number;
  writers: WriterFactory;
  defaultWriter: WriterName;
  fetchArticle: FetchArticle;
  logError: (error: unknown) => void;
  pool?: Pick<ArticlePool, 'runJob'>;
  jobTimeLimitMs: number;
  /** The configuration's `site.pages`: optimize links to them when a request gives none. */
  sitePages?: SitePage[];
}
