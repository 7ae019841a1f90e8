import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import {
  auditRequestSchema,
  INPUT_FORMATS,
  optimizeRequestSchema,
} from '../../src/server/request-schemas.js';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema & { enum?: string[]; minimum?: number; maximum?: number }>;
  additionalProperties?: boolean;
}

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
}

async function fetchDocument(): Promise<OpenApiDocument> {
  const response = await createApp({ version: '9.8.7' }).request('/api/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as OpenApiDocument;
}

describe('GET /api/openapi.json', () => {
  it('describes the three routes, for this version, with the bearer scheme', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe('9.8.7');
    expect(Object.keys(document.paths).sort()).toEqual(['/api/audit', '/api/health', '/api/optimize']);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it.each([
    ['/api/audit', auditRequestSchema],
    ['/api/optimize', optimizeRequestSchema],
  ])('documents exactly the fields %s accepts, from its zod schema', async (path, schema) => {
    const document = await fetchDocument();
    const content = document.paths[path]?.post?.requestBody?.content ?? {};
    const json = content['application/json']?.schema;
    expect(Object.keys(json?.properties ?? {}).sort()).toEqual(Object.keys(schema.shape).sort());
    expect(json?.additionalProperties).toBe(false);
    for (const field of ['text', 'markdown', 'html', 'url', 'format', 'keyphrase', 'minWords']) {
      expect(json?.properties).toHaveProperty(field);
    }
    expect(json?.properties?.format?.enum).toEqual([...INPUT_FORMATS]);
    expect(json?.properties?.minWords).toMatchObject({ type: 'integer', minimum: 1 });
    const form = content['multipart/form-data']?.schema;
    expect(form?.properties?.file).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('is behind the token like the rest of the API', async () => {
    const app = createApp({ token: 'a-long-enough-test-token-42' });
    expect((await app.request('/api/openapi.json')).status).toBe(401);
    const response = await app.request('/api/openapi.json', {
      headers: { authorization: 'Bearer a-long-enough-test-token-42' },
    });
    expect(response.status).toBe(200);
  });
});
