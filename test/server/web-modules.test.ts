import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as arialWidths from '../../src/lang/pixel-width/arial-advance-widths.js';
import { createApp } from '../../src/server/create-app.js';
import {
  ARIAL_WIDTHS_MODULE,
  arialAdvanceWidthsModule,
  findWebModule,
  isWebModuleName,
  loadWebAssets,
} from '../../src/server/web-assets.js';

const WEB_DIRECTORY = join(import.meta.dirname, '..', '..', 'src', 'web');

const assets = {
  html: '<!doctype html><title>Plume</title>',
  css: 'body{}',
  js: "import './modules/form.js';",
  modules: { 'form.js': 'export const form = 1;', 'google-preview.js': 'export const preview = 2;' },
};

function app() {
  return createApp({ logError: () => {}, staticAssets: assets, rateLimit: false });
}

describe('GET /modules/:name', () => {
  it('serves a loaded module as JavaScript, with the CSP and no-cache', async () => {
    const response = await app().request('/modules/google-preview.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toBe('export const preview = 2;');
  });

  it.each([
    '/modules/missing.js',
    '/modules/form',
    '/modules/Form.js',
    '/modules/form.JS',
    '/modules/.form.js',
    '/modules/form.js.map',
    '/modules/form..js',
    '/modules/-form.js',
    '/modules/..%2Fapp.js',
    '/modules/%2e%2e%2fapp.js',
    '/modules/..%5Capp.js',
    '/modules/%2E%2E/app.js',
    '/modules/../app.js',
    '/modules/sub/form.js',
    '/modules/form.js%00',
    '/modules/constructor',
    '/modules/__proto__',
    '/modules/',
  ])('answers %s with a JSON 404, never a file', async (path) => {
    const response = await app().request(path);
    // `/modules/../app.js` is normalised to `/app.js` by the URL parser before routing: the script itself.
    if (new URL(path, 'http://localhost').pathname === '/app.js') {
      expect(await response.text()).toBe(assets.js);
      return;
    }
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('accepts only lower-case kebab-case names ending in .js', () => {
    expect(['form.js', 'google-preview.js', 'arial-advance-widths.js', 'a1.js'].map(isWebModuleName)).toEqual(
      [true, true, true, true],
    );
    for (const name of ['../form.js', 'form.mjs', 'a/b.js', 'a\\b.js', 'form-.js', 'Form.js', '', '.js']) {
      expect(isWebModuleName(name), name).toBe(false);
    }
    expect(findWebModule({ ...assets, modules: {} }, 'toString.js')).toBeUndefined();
    expect(findWebModule({ html: '', css: '', js: '' }, 'form.js')).toBeUndefined();
  });
});

describe('loadWebAssets', () => {
  it('loads every module of src/web/modules and the generated Arial widths', async () => {
    const loaded = await loadWebAssets(WEB_DIRECTORY);
    expect(loaded.placeholder).toBe(false);
    const onDisk = readdirSync(join(WEB_DIRECTORY, 'modules')).sort();
    expect(onDisk.every(isWebModuleName)).toBe(true);
    expect(Object.keys(loaded.modules ?? {}).sort()).toEqual([...onDisk, ARIAL_WIDTHS_MODULE].sort());
    // The page's script imports only modules the server has.
    const imported = [...loaded.js.matchAll(/from '\.\/modules\/([^']+)'/g)].map((match) => match[1]);
    for (const source of Object.values(loaded.modules ?? {})) {
      imported.push(...[...source.matchAll(/from '\.\/([^']+)'/g)].map((match) => match[1]));
    }
    expect(imported.length).toBeGreaterThan(10);
    for (const name of imported) expect(loaded.modules, name).toHaveProperty([name as string]);
  });

  it('serves the audit’s Arial table as a module with the same values', async () => {
    const url = `data:text/javascript;base64,${Buffer.from(arialAdvanceWidthsModule()).toString('base64')}`;
    const served = (await import(url)) as typeof arialWidths;
    expect(served.arialUnitsPerEm).toBe(arialWidths.arialUnitsPerEm);
    expect(served.arialRegularAdvances).toEqual(arialWidths.arialRegularAdvances);
    expect(served.arialBoldAdvances).toEqual(arialWidths.arialBoldAdvances);
  });
});
