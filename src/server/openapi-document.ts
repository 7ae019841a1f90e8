import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { auditRequestSchema, optimizeRequestSchema } from './request-schemas.js';

/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas the routes validate with,
 * so the document cannot drift from what the server accepts. Served at `/api/openapi.json`.
 */

const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Code stable, en anglais, pour les programmes (ex. `invalid-request`).'),
      message: z.string().describe('Message en français, à montrer tel quel.'),
      field: z.string().optional().describe('Le champ de la requête en cause, pour les erreurs 400.'),
    }),
  })
  .meta({ id: 'Error' });

const reportSchema = z
  .looseObject({
    scores: z.object({ seo: z.number(), readability: z.number() }),
    keyphrase: z.string().nullable(),
    metadata: z.looseObject({}),
    statistics: z.looseObject({}),
    results: z.array(
      z.looseObject({
        id: z.string(),
        group: z.string(),
        title: z.string(),
        score: z.number(),
        rating: z.string(),
        message: z.string(),
      }),
    ),
    passed: z
      .boolean()
      .optional()
      .describe('Avec `constraints` ou `original` : vrai quand toutes les contraintes vérifiées tiennent.'),
    constraints: z
      .array(
        z.object({
          id: z.enum(['language', 'length', 'subheadings', 'fidelity', 'coverage', 'metadata']),
          passed: z.boolean(),
          message: z.string().describe('Pourquoi, en français.'),
          needsRewriter: z.boolean().describe('Non tenue, et seul le rédacteur LLM peut y remédier.'),
        }),
      )
      .optional()
      .describe(
        'Avec `constraints` ou `original` : les contraintes obligatoires, vérifiées sur cet article.',
      ),
  })
  .meta({ id: 'Report', description: 'Le rapport d’audit, comme `plume audit --json`.' });

const optimizeResultSchema = z
  .looseObject({
    metadata: z.looseObject({}),
    tableOfContents: z.array(z.looseObject({})),
    plan: z.looseObject({}),
    report: z.looseObject({}),
    markdown: z.string().describe('L’article, en Markdown avec front matter.'),
    html: z.string().describe('L’article, en document HTML complet.'),
    done: z.boolean().describe('Vrai quand les contraintes sont tenues et que le rédacteur n’a pas échoué.'),
  })
  .meta({
    id: 'OptimizeResult',
    description: 'Le même JSON que `plume optimize --format json`, plus le HTML.',
  });

const uploadField = {
  file: z
    .string()
    .meta({ format: 'binary' })
    .optional()
    .describe('Un fichier .txt, .md ou .html (au lieu de text, markdown, html ou url).'),
};

const ERROR_STATUSES = {
  400: 'Requête invalide : le champ en cause est nommé.',
  401: 'Jeton d’accès manquant ou invalide (serveur lancé avec un jeton).',
  403: 'Nom d’hôte non autorisé, ou formulaire venu d’un autre site.',
  413: 'Requête trop volumineuse.',
  415: 'Type de contenu ou de fichier non pris en charge.',
  422: 'Article illisible, vide ou trop complexe.',
  429: 'Trop de requêtes, ou trop d’articles en cours de rédaction (voir Retry-After).',
  502: 'La page demandée ou le fournisseur LLM a échoué.',
  503: 'Article trop lourd : arrêté au bout du temps maximal.',
} as const;

function errorResponses(statuses: ReadonlyArray<keyof typeof ERROR_STATUSES>) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_STATUSES[status], content: { 'application/json': { schema: errorSchema } } },
    ]),
  );
}

/** The document for a server of this version. */
export function buildOpenApiDocument(version: string): object {
  const app = new OpenAPIHono();
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Exigé quand le serveur a été lancé avec --token ou PLUME_TOKEN.',
  });
  registry.registerPath(
    createRoute({
      method: 'get',
      path: '/api/health',
      summary: 'Version du serveur et rédacteurs proposés',
      responses: {
        200: {
          description: 'Le serveur répond.',
          content: {
            'application/json': {
              schema: z.object({
                version: z.string(),
                writers: z.array(z.enum(['offline', 'llm'])),
                llmSetupHelp: z
                  .string()
                  .optional()
                  .describe('Sans fournisseur LLM : comment en configurer un, en mots d’utilisateur.'),
              }),
            },
          },
        },
        ...errorResponses([401, 403, 429]),
      },
    }),
  );
  registry.registerPath(
    createRoute({
      method: 'post',
      path: '/api/audit',
      summary: 'Audit SEO et lisibilité d’un article',
      description: 'Une seule source parmi text, markdown, html, url et file.',
      request: {
        body: {
          required: true,
          content: {
            'application/json': { schema: auditRequestSchema },
            'multipart/form-data': { schema: auditRequestSchema.extend(uploadField) },
          },
        },
      },
      responses: {
        200: { description: 'Le rapport.', content: { 'application/json': { schema: reportSchema } } },
        ...errorResponses([400, 401, 403, 413, 415, 422, 429, 502, 503]),
      },
    }),
  );
  registry.registerPath(
    createRoute({
      method: 'post',
      path: '/api/optimize',
      summary: 'Réécrit un article en article français optimisé pour le SEO',
      description:
        'Une seule source parmi text, markdown, html, url et file. Avec `Accept: text/event-stream`, ' +
        'la réponse est un flux d’événements `progress`, puis `result` (le même JSON) ou `error`.',
      request: {
        body: {
          required: true,
          content: {
            'application/json': { schema: optimizeRequestSchema },
            'multipart/form-data': { schema: optimizeRequestSchema.extend(uploadField) },
          },
        },
      },
      responses: {
        200: {
          description: 'L’article optimisé et son rapport.',
          content: {
            'application/json': { schema: optimizeResultSchema },
            'text/event-stream': { schema: z.string() },
          },
        },
        ...errorResponses([400, 401, 403, 413, 415, 422, 429, 502, 503]),
      },
    }),
  );
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'API de Plume',
      version,
      description:
        'Optimise et audite des articles en français. Erreurs : un JSON `{ error: { code, message, field? } }`, ' +
        'message en français.',
    },
    // The token is optional: the server asks for one only when started with it.
    security: [{ bearer: [] }, {}],
  });
}
