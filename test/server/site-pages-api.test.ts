import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SitePage } from '../../src/plan/site-page.js';
import { MAX_SITE_PAGES } from '../../src/server/request-schemas.js';
import { type RunningServer, startServer } from '../../src/server/start-server.js';

const EXAMPLE = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');
const TITLE = 'L’IA générative expliquée aux recruteurs';
const PAGES: SitePage[] = [{ url: 'https://www.exemple.fr/ia-generative/', title: TITLE }];
const running: RunningServer[] = [];

interface OptimizeResponse {
  markdown: string;
  report: { internalLinks?: SitePage[] };
  error: { message: string; field?: string };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function optimize(
  body: Record<string, unknown>,
  options: Parameters<typeof startServer>[0] = {},
): Promise<{ status: number; json: OptimizeResponse }> {
  const server = await startServer({ port: 0, logError: () => {}, ...options });
  running.push(server);
  const response = await fetch(new URL('/api/optimize', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ writer: 'offline', keyphrase: 'talents en IA', ...body }),
  });
  return { status: response.status, json: (await response.json()) as OptimizeResponse };
}

describe('POST /api/optimize with the site’s pages (« maillage interne »)', () => {
  it('links the article’s words to the pages of the request', async () => {
    const { status, json } = await optimize({ text: EXAMPLE, sitePages: PAGES });
    expect(status).toBe(200);
    expect(json.report.internalLinks).toEqual([
      { url: PAGES[0]?.url, title: TITLE, anchor: 'IA générative' },
    ]);
    expect(json.markdown).toContain('[IA générative](https://www.exemple.fr/ia-generative/)');
  });

  it('uses the server’s pages (site.pages) when the request gives none; the request’s win', async () => {
    const configured = await optimize({ text: EXAMPLE }, { sitePages: PAGES });
    expect(configured.json.report.internalLinks).toHaveLength(1);
    const none = await optimize({ text: EXAMPLE, sitePages: [] }, { sitePages: PAGES });
    expect(none.json.report.internalLinks).toBeUndefined();
  });

  it.each([
    [{ sitePages: 'pages.txt' }, '« sitePages » doit être une liste de pages { url, title, keyphrase? }.'],
    [
      { sitePages: [{ url: 'ftp://x.fr/a', title: 'A' }] },
      '« url » doit être une adresse http(s) ou un chemin',
    ],
    [{ sitePages: [{ url: '/a/', title: ' ' }] }, 'le titre « title » d’une page est vide.'],
    [{ sitePages: [{ url: '/a/', title: 'A', extra: 1 }] }, 'Champ inconnu : « extra »'],
    [
      {
        sitePages: Array.from({ length: MAX_SITE_PAGES + 1 }, (_, index) => ({
          url: `/p${index}/`,
          title: 'P',
        })),
      },
      '« sitePages » ne doit pas dépasser 5\u202f000 pages.',
    ],
  ])('refuses invalid pages with a 400 in French (%#)', async (body, message) => {
    const { status, json } = await optimize({ text: EXAMPLE, ...body });
    expect(status).toBe(400);
    expect(json.error.message).toContain(message);
    expect(json.error.field).toMatch(/^sitePages/);
  });
});
