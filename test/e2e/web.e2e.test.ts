import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/start-server.js';

/**
 * The page of `plume serve` in Debian's chromium, driven by playwright-core (never `playwright install`).
 * Skipped without /usr/bin/chromium, except in CI where the browser is installed and the tests must run.
 */
const CHROMIUM_PATH = '/usr/bin/chromium';
const canRun = existsSync(CHROMIUM_PATH) || process.env.CI === 'true';
const describeInBrowser = canRun ? describe : describe.skip;
const SUITE_NAME = canRun
  ? 'web page of plume serve (chromium)'
  : 'web page of plume serve (skipped: /usr/bin/chromium not found; apt-get install chromium, or CI=true)';

const EXAMPLE = readFileSync(
  fileURLToPath(new URL('../../examples/talents-ia.txt', import.meta.url)),
  'utf8',
);
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const TOKEN = 'jeton-de-test-0123456789abcdef';

/**
 * The browser globals the page callbacks use: this file compiles without the DOM library, and the
 * callbacks run in the page, so they reach them through `globalThis` (the casts vanish when compiled).
 */
interface BrowserGlobals {
  /** What the hostile articles try to set. */
  __pwned?: unknown;
  sessionStorage: { getItem(key: string): string | null };
  navigator: { clipboard: { readText(): Promise<string> } };
  document: {
    documentElement: { scrollWidth: number; clientWidth: number };
    activeElement: unknown;
    getElementById(id: string): { getBoundingClientRect(): { top: number } } | null;
  };
  scrollY: number;
  getComputedStyle(element: unknown): {
    lineHeight: string;
    paddingTop: string;
    outlineColor: string;
    outlineWidth: string;
    outlineStyle: string;
  };
  DataTransfer: new () => { items: { add(file: unknown): unknown } };
  File: new (parts: string[], name: string, options: { type: string }) => unknown;
}

describeInBrowser(SUITE_NAME, () => {
  let context: BrowserContext;
  let userDataDirectory: string;
  let server: RunningServer;
  let privateUrlServer: RunningServer;
  let tokenServer: RunningServer;
  let articleSite: Server;
  let articleUrl: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    userDataDirectory = mkdtempSync(join(tmpdir(), 'plume-chromium-'));
    [context, server, privateUrlServer, tokenServer, articleSite] = await Promise.all([
      chromium.launchPersistentContext(userDataDirectory, {
        executablePath: CHROMIUM_PATH,
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
        viewport: { width: 1280, height: 900 },
        locale: 'fr-FR',
        acceptDownloads: true,
      }),
      startServer({ host: '127.0.0.1', port: 0 }),
      startServer({ host: '127.0.0.1', port: 0, allowPrivateUrls: true }),
      startServer({ host: '127.0.0.1', port: 0, token: TOKEN }),
      startArticleSite(),
    ]);
    articleUrl = `http://127.0.0.1:${(articleSite.address() as AddressInfo).port}/article.html`;
    mkdirSync(ARTIFACTS, { recursive: true });
    // Fail fast: a missing element is a failure, not a reason to wait for the test timeout.
    context.setDefaultTimeout(10_000);
  }, 30_000);

  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });

  afterAll(async () => {
    await context?.close();
    await Promise.all([server?.close(), privateUrlServer?.close(), tokenServer?.close()]);
    await new Promise((resolve) => articleSite?.close(resolve));
    if (userDataDirectory) rmSync(userDataDirectory, { recursive: true, force: true });
  });

  /**
   * A new tab on `baseUrl`, recording dialogs (none may open) and page errors; waits for the health
   * check unless the server wants a token first.
   */
  async function openPage(
    baseUrl: string,
    { waitForHealth = true } = {},
  ): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
    const page = await context.newPage();
    pages.push(page);
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(baseUrl);
    if (waitForHealth) await expect.poll(() => page.locator('#version').textContent()).toMatch(/^Version /);
    return { page, dialogs, errors };
  }

  async function optimizeText(page: Page, text: string): Promise<void> {
    await page.locator('#source-text').fill(text);
    await page.getByRole('button', { name: 'Optimiser' }).click();
    await page.locator('#result').waitFor({ state: 'visible' });
  }

  /** The sandboxed preview frame, once its document holds the article. */
  async function previewFrame(page: Page): Promise<Frame> {
    await page.frameLocator('#preview-frame').locator('h1').first().waitFor();
    const frame = page.frames().find((candidate) => candidate.parentFrame() === page.mainFrame());
    if (!frame) throw new Error('no preview frame');
    return frame;
  }

  it('optimizes the example: preview with sections, scores, Google preview, Markdown download', async () => {
    const { page, dialogs, errors } = await openPage(server.url);
    await optimizeText(page, EXAMPLE);

    expect(await (await previewFrame(page)).locator('h2').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => page.locator('#summary-seo').textContent()).toMatch(/^\d{1,3}\/100$/);
    expect(await page.locator('#summary-constraints').textContent()).toContain('contraintes');
    expect(await page.locator('#preview-frame').getAttribute('sandbox')).toBe('');

    // The report: scores, hard constraints, traffic lights, marks highlighted in the audited text.
    await page.getByRole('tab', { name: 'Rapport SEO' }).click();
    await expect.poll(() => page.locator('#score-seo .score-label').textContent()).toBe('Score SEO');
    expect(await page.locator('#constraints .constraint').count()).toBe(6);
    expect(await page.locator('.assessment .light').count()).toBeGreaterThan(10);
    expect(await page.locator('.assessment-rating').allTextContents()).toContain('Bon');
    const highlight = page.locator('.assessment-marks').first();
    await highlight.click();
    expect(await page.locator('#marked-text mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.assessment-marks[aria-pressed="true"]').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'plume-web.png'), fullPage: true });

    // Tabs follow the WAI-ARIA pattern: arrow keys move and select.
    await page.getByRole('tab', { name: 'Rapport SEO' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Aperçu Google' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-google').isVisible()).toBe(true);
    const title = await page.locator('#serp-title').textContent();
    expect(title).toContain('Talents en IA');
    expect(await page.locator('#serp-breadcrumb').textContent()).toBe('exemple.fr › talents-ia');
    expect((await page.locator('#serp-description').textContent())?.length).toBeGreaterThan(50);
    expect(await page.locator('#serp-measures').textContent()).toMatch(/px sur 600 px/);
    // Measured with the audit's Arial widths, not the browser's fonts: the report's width, on one line.
    const reported = await fetch(`${server.url}api/optimize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: EXAMPLE, minWords: 700, locale: 'fr-FR', writer: 'offline' }),
    });
    const reportedWidth = ((await reported.json()) as { report: { metadata: { titleWidth: number } } }).report
      .metadata.titleWidth;
    const shownWidth = Number(
      (await page.locator('#serp-title-width').textContent())?.match(/^(\d+) px/)?.[1],
    );
    expect(Math.abs(shownWidth - reportedWidth)).toBeLessThanOrEqual(2);
    const titleBox = await page.locator('#serp-title').evaluate((title) => {
      const style = (globalThis as unknown as BrowserGlobals).getComputedStyle(title);
      return {
        height: title.getBoundingClientRect().height,
        lineHeight: Number.parseFloat(style.lineHeight),
        paddingTop: Number.parseFloat(style.paddingTop),
      };
    });
    expect(titleBox.height).toBeLessThanOrEqual(titleBox.lineHeight + titleBox.paddingTop + 1);

    await page.getByRole('tab', { name: 'Markdown' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger (.md)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('talents-ia.md');
    const downloaded = readFileSync(await download.path(), 'utf8');
    expect(downloaded.startsWith('---')).toBe(true);
    expect(downloaded).toBe(await page.locator('#markdown-editor').inputValue());

    await page.getByRole('tab', { name: 'HTML' }).click();
    expect(await page.locator('#html-code').textContent()).toMatch(/^<!DOCTYPE html>/);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows hostile articles as inert text: no script, handler or javascript: link runs', async () => {
    const { page, dialogs, errors } = await openPage(server.url);
    // Plain text carrying HTML is read as Markdown (issue 11): a script block is page code, not prose,
    // and is dropped; an inline tag never becomes live markup.
    await optimizeText(
      page,
      [
        'Un article piégé',
        '<script>window.__pwned = 1; alert("script")</script>',
        'Une image <img src=x onerror="window.__pwned = 2; alert(\'img\')"> dans le texte.',
      ].join('\n\n'),
    );
    let frame = await previewFrame(page);
    expect(await frame.locator('body').textContent()).toContain('Un article piégé');
    expect(await frame.locator('script, img[onerror], iframe').count()).toBe(0);
    expect(await frame.evaluate(() => (globalThis as unknown as BrowserGlobals).__pwned)).toBeUndefined();
    // The audited text is text too.
    await page.getByRole('tab', { name: 'Rapport SEO' }).click();
    expect(await page.locator('#marked-text').textContent()).toContain('dans le texte');
    expect(await page.locator('#marked-text img, #marked-text script').count()).toBe(0);

    // Markdown: raw HTML and a javascript: link.
    await optimizeText(
      page,
      [
        '# Un article piégé',
        '<script>window.__pwned = 3</script>',
        'Un [lien piégé](javascript:window.__pwned=4) et une <img src=x onerror="window.__pwned=5">.',
      ].join('\n\n'),
    );
    frame = await previewFrame(page);
    await expect.poll(() => frame.locator('h1').textContent()).toContain('Un article piégé');
    // The image is kept as an image (issue 11: images keep src and alt), never with its handler.
    expect(await frame.locator('script, [onerror]').count()).toBe(0);
    expect(await frame.locator('a[href^="javascript"]').count()).toBe(0);
    await frame.getByText('lien piégé').click();

    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__pwned)).toBeUndefined();
    expect(await frame.evaluate(() => (globalThis as unknown as BrowserGlobals).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('rebuilds the article HTML from an allowlist even if the server sent live markup', async () => {
    const { page, dialogs } = await openPage(server.url);
    const html = [
      '<!DOCTYPE html><html lang="fr-FR"><head><title>T</title><style>body{background:red}</style>',
      '<script>window.__pwned = "head"</script></head><body><main><article>',
      '<h1 onclick="window.__pwned = 1">Titre piégé</h1>',
      '<script>window.__pwned = 2; alert(2)</script>',
      '<img src="x" onerror="window.__pwned = 3; alert(3)">',
      '<p style="color:red">Texte sûr <a href=" javascript:window.__pwned=4">lien</a>',
      '<a href="https://exemple.fr/" onmouseover="window.__pwned = 5">externe</a></p>',
      '<iframe srcdoc="&lt;script&gt;parent.__pwned = 6&lt;/script&gt;"></iframe>',
      '<svg><script>window.__pwned = 7</script></svg>',
      '<form action="javascript:window.__pwned = 8"><button>envoyer</button></form>',
      '<object data="javascript:window.__pwned = 9"></object>',
      '<h2 id="section">Section</h2><p>Fin.</p>',
      '</article></main></body></html>',
    ].join('');
    const report = {
      scores: { seo: 40, readability: 60 },
      passed: false,
      constraints: [{ id: 'length', passed: false, message: '<b>12</b> mots (minimum 700).' }],
      statistics: { bodyWords: 12 },
      metadata: { title: 'T', titleWidth: 10, description: 'D', slug: 'piege' },
      results: [
        {
          id: 'sentence-length',
          group: 'readability',
          title: 'Longueur <i>des</i> phrases',
          score: 3,
          rating: 'bad',
          message: '<img src=x onerror="window.__pwned = 10">',
          marks: [{ start: 0, end: 5 }],
        },
      ],
      text: '<img src=x onerror="window.__pwned = 11"> Texte.',
    };
    const result = {
      metadata: {
        title: '<b>T</b>',
        h1: 'T',
        description: 'D',
        slug: 'piege',
        locale: 'fr-FR',
        wordCount: 12,
      },
      report,
      markdown: '---\ntitle: T\n---\n\n# T\n',
      html,
    };
    // CRLF line ends, a comment and a multi-line data field: the parser must cope with all of them.
    const body = [
      ': keep-alive',
      'event: progress',
      'data: {"stage":"plan","message":"Plan de l’article"}',
      '',
      'event: progress',
      'data: {"stage":"write","message":"Section 2","done":2,"total":4}',
      '',
      'event: result',
      `data: ${JSON.stringify(result, null, 1).split('\n').join('\r\ndata: ')}`,
      '',
      '',
    ].join('\r\n');
    await page.route('**/api/optimize', (route) =>
      route.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream' }, body }),
    );
    await optimizeText(page, 'peu importe');

    const frame = await previewFrame(page);
    expect(await frame.locator('h1').textContent()).toBe('Titre piégé');
    expect(await frame.getByText('Texte sûr').count()).toBe(1);
    expect(await frame.locator('script, iframe, svg, form, object, style, [style]').count()).toBe(0);
    // The image stays, stripped of its handler (its relative source is harmless).
    expect(
      await frame.locator('img').evaluateAll((images) => images.map((image) => image.outerHTML)),
    ).toEqual(['<img src="x">']);
    expect(await frame.locator('[onclick], [onerror], [onmouseover]').count()).toBe(0);
    expect(await frame.locator('a:not([href])').count()).toBe(1);
    expect(await frame.locator('a[href="https://exemple.fr/"]').count()).toBe(1);
    await frame.getByText('lien', { exact: true }).click();
    await frame.locator('h1').click();
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__pwned)).toBeUndefined();
    expect(await frame.evaluate(() => (globalThis as unknown as BrowserGlobals).__pwned)).toBeUndefined();

    // Report and Google preview: text, never markup.
    expect(await page.locator('#progress-log li').count()).toBe(2);
    expect(await page.locator('#progress-bar').getAttribute('max')).toBe('4');
    await page.getByRole('tab', { name: 'Rapport SEO' }).click();
    expect(await page.locator('.assessment-message').textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('#constraints').textContent()).toContain('<b>12</b>');
    await page.locator('.assessment-marks').click();
    expect(await page.locator('#marked-text mark').textContent()).toBe('<img ');
    expect(await page.locator('#panel-report img, #panel-report b, #panel-report i').count()).toBe(0);
    await page.getByRole('tab', { name: 'Aperçu Google' }).click();
    expect(await page.locator('#serp-title').textContent()).toBe('<b>T</b>');
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('sends a chosen or dropped file as multipart, refuses other types, copies the HTML', async () => {
    const { page } = await openPage(server.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(server.url).origin,
    });
    // Markdown joins lines into paragraphs: one blank line between the example's lines.
    const markdown = `# Talents en IA\n\n${EXAMPLE.split(/\r?\n/).join('\n\n')}`;

    // Dropped on the text area: the page switches to the file tab.
    const dataTransfer = await page.evaluateHandle((content) => {
      const browser = globalThis as unknown as BrowserGlobals;
      const transfer = new browser.DataTransfer();
      transfer.items.add(new browser.File([content], 'document.pdf', { type: 'application/pdf' }));
      return transfer;
    }, 'pas un article');
    await page.dispatchEvent('#source-panel-text', 'drop', { dataTransfer });
    expect(await page.getByRole('tab', { name: 'Fichier' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#form-error').textContent()).toContain('n’est pas accepté');

    await page.locator('#source-file').setInputFiles({
      name: 'talents-ia.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(markdown, 'utf8'),
    });
    expect(await page.locator('#file-name').textContent()).toMatch(/^Fichier choisi : talents-ia\.md \(/);
    const [request] = await Promise.all([
      page.waitForRequest('**/api/optimize'),
      page.getByRole('button', { name: 'Optimiser' }).click(),
    ]);
    expect(request.headers()['content-type']).toMatch(/^multipart\/form-data/);
    await page.locator('#result').waitFor({ state: 'visible' });
    expect(await (await previewFrame(page)).locator('h2').count()).toBeGreaterThanOrEqual(4);

    await page.getByRole('tab', { name: 'HTML' }).click();
    await page.getByRole('button', { name: 'Copier le HTML' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Copié !' }).count()).toBe(1);
    expect(
      await page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText()),
    ).toBe(await page.locator('#html-code').textContent());
  });

  it('fetches a local URL when private addresses are allowed, and explains the refusal otherwise', async () => {
    const allowed = await openPage(privateUrlServer.url);
    await allowed.page.getByRole('tab', { name: 'Adresse web' }).click();
    await allowed.page.getByLabel('Adresse de la page').fill(articleUrl);
    await allowed.page.getByRole('button', { name: 'Optimiser' }).click();
    await allowed.page.locator('#result').waitFor({ state: 'visible' });
    const frame = await previewFrame(allowed.page);
    expect(await frame.locator('h1').textContent()).toContain('Talents en IA');
    expect(await frame.locator('h2').count()).toBeGreaterThanOrEqual(3);

    const refused = await openPage(server.url);
    await refused.page.getByRole('tab', { name: 'Adresse web' }).click();
    await refused.page.getByLabel('Adresse de la page').fill(articleUrl);
    await refused.page.getByRole('button', { name: 'Optimiser' }).click();
    await expect
      .poll(() => refused.page.getByRole('alert').filter({ hasText: 'Échec' }).textContent())
      .toMatch(/^Échec de l’optimisation : L’adresse 127\.0\.0\.1:\d+ mène à un réseau privé ou local/);
    expect(await refused.page.locator('#result').isVisible()).toBe(false);
    expect(await refused.page.getByRole('button', { name: 'Optimiser' }).isEnabled()).toBe(true);
  });

  it('re-audits the edited Markdown and updates the report and the Google preview', async () => {
    const { page } = await openPage(server.url);
    await optimizeText(page, EXAMPLE);
    const scoreBefore = await page.locator('#summary-seo').textContent();
    await page.getByRole('tab', { name: 'Markdown' }).click();
    const editor = page.getByLabel(/Markdown de l’article/);
    const markdown = await editor.inputValue();
    const edited = markdown
      .replace(/^title: .*$/m, 'title: Jardinage biologique au balcon')
      .replace(/^keyphrase: .*$/m, 'keyphrase: jardinage biologique');
    expect(edited).not.toBe(markdown);
    await editor.fill(edited);
    await expect.poll(() => page.locator('#markdown-status').textContent()).toMatch(/^Rapport mis à jour/);
    expect(await page.locator('#summary-seo').textContent()).not.toBe(scoreBefore);
    await page.getByRole('tab', { name: 'Rapport SEO' }).click();
    expect(await page.locator('#constraints-note').isVisible()).toBe(true);
    const keyphraseInTitle = page.locator('[data-assessment="keyphrase-in-title"] .assessment-rating');
    expect(await keyphraseInTitle.textContent()).toBe('Bon');
    await page.getByRole('tab', { name: 'Aperçu Google' }).click();
    expect(await page.locator('#serp-title').textContent()).toBe('Jardinage biologique au balcon');
    await page.getByRole('tab', { name: 'Aperçu', exact: true }).click();
    expect(await page.locator('#preview-note').isVisible()).toBe(true);
  });

  it('re-checks the hard constraints after an edit: summary and report follow the Markdown', async () => {
    const { page } = await openPage(server.url);
    await optimizeText(page, EXAMPLE);
    const summary = page.locator('#summary-constraints');
    expect(await summary.textContent()).toBe('✓ Toutes les contraintes obligatoires sont respectées.');
    await page.getByRole('tab', { name: 'Markdown' }).click();
    const editor = page.getByLabel(/Markdown de l’article/);
    const markdown = await editor.inputValue();
    // Every H2 deleted, and a figure the source does not have.
    const edited = markdown
      .split('\n')
      .filter((line) => !line.startsWith('## '))
      .join('\n')
      .replace(/obtenir 4(\s)%/u, 'obtenir 47$1%');
    expect(edited).toContain('obtenir 47');
    await editor.fill(edited);
    await expect.poll(() => page.locator('#markdown-status').textContent()).toMatch(/^Rapport mis à jour/);
    const failed = await summary.textContent();
    expect(failed).toMatch(/^✗ \d contraintes non respectées : /);
    expect(failed).toContain('Intertitres');
    expect(failed).toContain('Fidélité à la source');
    // The announcement of the optimization's scores is for screen readers only: no stale score on screen.
    expect(
      await page.locator('#announcer').evaluate((element) => element.getBoundingClientRect().width),
    ).toBeLessThanOrEqual(1);
    await page.getByRole('tab', { name: 'Rapport SEO' }).click();
    expect(await page.locator('#constraints-note').textContent()).toMatch(/^Vérifiées de nouveau/);
    const fidelity = page.locator('#constraints .constraint', { hasText: 'Fidélité à la source' });
    expect(await fidelity.getAttribute('class')).toContain('is-failed');
    expect(await fidelity.textContent()).toContain('47');
    expect(
      await page.locator('#constraints .constraint', { hasText: 'Intertitres' }).getAttribute('class'),
    ).toContain('is-failed');

    // Back to the optimized Markdown: every constraint holds again.
    await page.getByRole('tab', { name: 'Markdown' }).click();
    await editor.fill(markdown);
    await expect
      .poll(() => summary.textContent())
      .toBe('✓ Toutes les contraintes obligatoires sont respectées.');
  });

  it('scrolls the preview to a section when a « Sommaire » link is clicked, as often as wanted', async () => {
    const { page, errors } = await openPage(server.url);
    await optimizeText(page, EXAMPLE);
    const frame = await previewFrame(page);
    const links = frame.locator('nav a[href]');
    expect(await links.count()).toBeGreaterThanOrEqual(4);
    for (const index of [2, 0, 3]) {
      const link = links.nth(index);
      const target = decodeURIComponent((await link.getAttribute('href'))?.split('#')[1] ?? '');
      await link.click();
      // The frame keeps its article (no framing error page) and shows the heading at the top.
      await expect
        .poll(() =>
          frame.evaluate(
            (id) =>
              (globalThis as unknown as BrowserGlobals).document.getElementById(id)?.getBoundingClientRect()
                .top,
            target,
          ),
        )
        .toBeLessThan(40);
      expect(
        await frame.evaluate(
          (id) =>
            (globalThis as unknown as BrowserGlobals).document.getElementById(id)?.getBoundingClientRect()
              .top,
          target,
        ),
      ).toBeGreaterThanOrEqual(0);
      expect(await frame.locator('h1').count()).toBe(1);
      expect(decodeURIComponent(frame.url())).toBe(`about:srcdoc#${target}`);
    }
    expect(await frame.evaluate(() => (globalThis as unknown as BrowserGlobals).scrollY)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('fits a 375 px phone screen without horizontal scrolling', async () => {
    const { page } = await openPage(server.url);
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = () =>
      page.evaluate(() => {
        const { documentElement } = (globalThis as unknown as BrowserGlobals).document;
        return documentElement.scrollWidth - documentElement.clientWidth;
      });
    expect(await overflow()).toBe(0);
    await optimizeText(page, EXAMPLE);
    // Every result tab is in sight (they wrap on two lines), none cut or hidden in a sideways scroll.
    const tabList = page.locator('#result-tabs');
    expect(await tabList.evaluate((list) => list.scrollWidth - list.clientWidth)).toBe(0);
    for (const name of ['Aperçu', 'Markdown', 'HTML', 'Rapport SEO', 'Aperçu Google']) {
      const tab = page.getByRole('tab', { name, exact: true });
      const box = await tab.boundingBox();
      expect(box?.x, name).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(375);
      expect(await tab.evaluate((element) => element.scrollWidth <= element.clientWidth), name).toBe(true);
      await tab.click();
      expect(await overflow(), name).toBe(0);
    }
    // The focus ring is neutral (grey), not the orange-red of an error.
    await page.getByRole('tab', { name: 'Aperçu Google' }).focus();
    await page.keyboard.press('ArrowLeft');
    const ring = await page.evaluate(() => {
      const browser = globalThis as unknown as BrowserGlobals;
      const style = browser.getComputedStyle(browser.document.activeElement);
      return { color: style.outlineColor, width: style.outlineWidth, style: style.outlineStyle };
    });
    expect(ring.style).toBe('solid');
    expect(Number.parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    const [red = 0, green = 0, blue = 0] = (ring.color.match(/\d+/g) ?? []).map(Number);
    expect(Math.max(red, green, blue) - Math.min(red, green, blue)).toBeLessThanOrEqual(24);
    await page.screenshot({ path: join(ARTIFACTS, 'plume-web-375-tabs.png'), fullPage: false });
    await page.getByRole('tab', { name: 'Rapport SEO' }).click();
    await page.locator('.assessment-marks').first().click();
    expect(await overflow()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'plume-web-375.png'), fullPage: false });
  });

  it('asks for the token when the API answers 401, keeps it for the session and sends it', async () => {
    const { page } = await openPage(tokenServer.url, { waitForHealth: false });
    const tokenInput = page.getByLabel('Jeton d’accès');
    await tokenInput.waitFor();
    expect(await page.locator('#token-panel').isVisible()).toBe(true);
    expect(await page.locator('#token-error').textContent()).toBe('');
    await tokenInput.fill('mauvais-jeton-0123456789');
    await page.getByRole('button', { name: 'Valider le jeton' }).click();
    await expect.poll(() => page.locator('#token-error').textContent()).toContain('refusé');

    await tokenInput.fill(TOKEN);
    await page.getByRole('button', { name: 'Valider le jeton' }).click();
    await expect.poll(() => page.locator('#version').textContent()).toMatch(/^Version /);
    expect(await page.locator('#token-panel').isVisible()).toBe(false);
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as BrowserGlobals).sessionStorage.getItem('plume.token'),
      ),
    ).toBe(TOKEN);
    await optimizeText(page, EXAMPLE);
    expect(await (await previewFrame(page)).locator('h2').count()).toBeGreaterThanOrEqual(4);
  });

  it('offers the LLM writer only when the server has one, and cancels a running optimization', async () => {
    const { page } = await openPage(server.url);
    expect(await page.getByLabel('Rédacteur').locator('option').allTextContents()).toEqual(['Hors ligne']);
    // Without a provider the page says what to set and where, not a command-line flag.
    const llmHelp = page.locator('#llm-help');
    expect(await llmHelp.isVisible()).toBe(true);
    expect(await llmHelp.textContent()).toMatch(/la personne qui a lancé ce serveur Plume.*PLUME_PROVIDER/);
    expect(await llmHelp.textContent()).not.toContain('--');
    await page.route('**/api/health', (route) =>
      route.fulfill({ json: { version: '9.9.9', writers: ['offline', 'llm'] } }),
    );
    await page.reload();
    await expect.poll(() => page.locator('#version').textContent()).toBe('Version 9.9.9');
    expect(await page.getByLabel('Rédacteur').locator('option').allTextContents()).toEqual([
      'Hors ligne',
      'LLM',
    ]);
    expect(await llmHelp.isVisible()).toBe(false);

    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/optimize', async (route) => {
      await released;
      await route.abort().catch(() => {});
    });
    await page.locator('#source-text').fill(EXAMPLE);
    await page.getByRole('button', { name: 'Optimiser' }).click();
    await page.locator('#progress-panel').waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Optimiser' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect.poll(() => page.locator('#form-status').textContent()).toBe('Optimisation annulée.');
    expect(await page.locator('#progress-panel').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Optimiser' }).isEnabled()).toBe(true);
    release();
  });
});

/** A local site serving the example as an HTML page, at /article.html. */
async function startArticleSite(): Promise<Server> {
  const paragraphs = EXAMPLE.split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Talents en IA : Big Tech est prêt à payer jusqu’à un million</title></head>
<body><header><nav><a href="/">Accueil</a></nav></header>
<main><article><h1>Talents en IA : Big Tech est prêt à payer jusqu’à un million</h1>
${paragraphs}</article></main><footer>© Exemple</footer></body></html>`;
  const site = createServer((request, response) => {
    if (request.url !== '/article.html') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return site;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
