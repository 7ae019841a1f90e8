import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlume } from '../helpers/run-plume.js';
import { articlePage, type LocalHttpServer, startLocalHttpServer } from '../server/server-helpers.js';

/** `plume optimize <url>` and `plume audit <url>`: a local page, never the network. */
describe('a URL as input', () => {
  let server: LocalHttpServer;
  let directory: string;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'plume-url-'));
    server = await startLocalHttpServer((request, response) => {
      if (request.url === '/json') response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      else
        response
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(articlePage('Le télétravail'));
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('optimize reads the page with --allow-private-urls', async () => {
    const output = join(directory, 'optimize');
    const run = await runPlume(['optimize', `${server.url}article`, '--allow-private-urls', '-o', output]);
    expect(run.stderr).not.toContain('erreur interne');
    expect([0, 3]).toContain(run.code);
    const markdown = readdirSync(output).find((name) => name.endsWith('.md') && !name.endsWith('.report.md'));
    expect(markdown).toBeDefined();
    expect(readFileSync(join(output, markdown as string), 'utf8')).toContain('télétravail');
  });

  it('audit reads the page with --allow-private-urls', async () => {
    const run = await runPlume(['audit', `${server.url}article`, '--allow-private-urls', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).scores.seo).toBeGreaterThan(0);
  });

  it.each([['optimize'], ['audit']])(
    '%s refuses a private address by default, in French, exit 2',
    async (command) => {
      const output = command === 'optimize' ? ['-o', join(directory, 'refused')] : [];
      const run = await runPlume([command, `${server.url}article`, ...output]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^plume: L’adresse 127\.0\.0\.1:\d+ mène à un réseau privé ou local : elle est refusée\.\n$/u,
      );
    },
  );

  it('a page that is not HTML is bad input, exit 2', async () => {
    const run = await runPlume(['audit', `${server.url}json`, '--allow-private-urls']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/n’est pas une page HTML/u);
  });
});
