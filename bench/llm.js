// LLM writer benchmark against a local OpenAI-compatible server that simulates per-token latency.
// Prints wall time with concurrency 4 vs 1, and tokens of the pipeline vs a single-shot prompt.
// Run with `npm run bench:llm` (builds first). No real API is called.

import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_AUDIT_CONFIG } from '../dist/audit/audit-config.js';
import { createLlmRuntime } from '../dist/llm/create-llm-runtime.js';
import { loadLlmConfig } from '../dist/llm/load-llm-config.js';
import { optimize } from '../dist/optimize.js';
import { createLlmWriter } from '../dist/write/llm/llm-writer.js';
import { buildPlanMessages, delimitSource, promptLimits } from '../dist/write/llm/prompts.js';

/** The whole job in one prompt, as a user would ask a chatbot: the pipeline's tokens are compared with it. */
function buildSingleShotMessages({ locale, minWords, source }) {
  // The same system rules as the pipeline's prompts.
  const [system] = buildPlanMessages({
    locale,
    minWords,
    sourceLanguage: 'fr',
    numberedSource: '',
    minSections: 3,
    limits: promptLimits(DEFAULT_AUDIT_CONFIG),
  });
  return [
    system,
    {
      role: 'user',
      content: [
        `Rends cet article compatible SEO, avec des intertitres, en français, d’au moins ${minWords} mots.`,
        'Donne aussi le titre SEO, la méta-description et le slug.',
        delimitSource(source),
      ].join('\n'),
    },
  ];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const example = readFileSync(`${root}examples/talents-ia.txt`, 'utf8');
const LATENCY_PER_TOKEN_MS = Number(process.env.LATENCY_PER_TOKEN_MS ?? 2);

const FILLER = [
  'Les entreprises cherchent des profils capables de comprendre ces outils.',
  'Cependant, les recruteurs constatent que ces compétences restent rares.',
  'Par conséquent, les salaires proposés augmentent dans tout le secteur.',
  'De plus, les petites structures peinent à suivre cette évolution.',
  'En effet, la formation interne demande du temps et des moyens.',
  'Ainsi, chaque embauche devient une décision importante pour une équipe.',
];
const tokensOf = (text) => Math.ceil(text.length / 4);
function french(words, opening) {
  const sentences = opening ? [opening] : [];
  let count = opening ? opening.split(' ').length : 0;
  for (let index = 0; count < words; index += 1) {
    const sentence = FILLER[index % FILLER.length];
    sentences.push(sentence);
    count += sentence.split(' ').length;
  }
  const paragraphs = [];
  for (let start = 0; start < sentences.length; start += 4)
    paragraphs.push(sentences.slice(start, start + 4).join(' '));
  return paragraphs.join('\n\n');
}
function answer(user) {
  if (user.startsWith('Prépare le plan')) {
    const themes = ['les salaires', 'les petites entreprises', 'la formation', 'les recruteurs'];
    return JSON.stringify({
      keyphrase: 'talents en IA',
      keywords: ['recrutement', 'salaires'],
      title: 'Talents en IA : le grand défi du recrutement',
      h1: 'Talents en IA : pourquoi le recrutement devient si difficile',
      metaDescription:
        'Talents en IA : les entreprises se disputent des profils rares, les salaires montent et les petites structures cherchent leur place.',
      slug: 'talents-en-ia',
      introduction: { sourcePassages: [1, 2, 3, 4], wordBudget: 90 },
      sections: [
        ...themes.map((theme, index) => ({
          heading:
            index % 2
              ? `Un marché en mouvement pour ${theme}`
              : `Ce que changent les talents en IA pour ${theme}`,
          level: 2,
          sourcePassages: Array.from({ length: 6 }, (_, offset) => 5 + index * 6 + offset),
          wordBudget: 190,
        })),
        { heading: 'Conclusion', level: 2, sourcePassages: [29], wordBudget: 120 },
      ],
    });
  }
  const words = Number(/environ (\d+) mots|au moins (\d+) mots/u.exec(user)?.slice(1).find(Boolean) ?? 150);
  const opening = user.includes('Rédige l’introduction')
    ? 'Le recrutement des talents en IA devient un enjeu majeur.'
    : undefined;
  return french(words, opening);
}

const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => {
    const parsed = JSON.parse(body);
    const user = parsed.messages.find((message) => message.role === 'user')?.content ?? '';
    const text = typeof user === 'string' ? user : user.map((part) => part.text ?? '').join('');
    const content = answer(text);
    const promptTokens = tokensOf(JSON.stringify(parsed.messages));
    const completionTokens = tokensOf(content);
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'bench',
          object: 'chat.completion',
          created: 0,
          model: parsed.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: {
            prompt_tokens: promptTokens,
            completion_tokens: completionTokens,
            total_tokens: promptTokens + completionTokens,
          },
        }),
      );
    }, completionTokens * LATENCY_PER_TOKEN_MS);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}/v1`;

async function run(concurrency) {
  const config = await loadLlmConfig({
    cwd: mkdtempSync(`${tmpdir()}/plume-bench-llm-`),
    env: { PLUME_API_KEY: 'bench-key' },
    flags: {
      provider: 'openai-compatible',
      baseUrl,
      model: 'bench',
      concurrency,
      cache: false,
      repairRounds: 0,
    },
  });
  const { model } = createLlmRuntime(config).forArticle();
  const start = performance.now();
  const result = await optimize(example, {
    writer: createLlmWriter({ model, concurrency, repairRounds: 0 }),
    keyphrase: 'talents en IA',
    date: '2024-03-25',
  });
  return { ms: performance.now() - start, result };
}

console.log(
  `LLM writer on the example (${example.split(/\s+/).length} words), simulated ${LATENCY_PER_TOKEN_MS} ms per output token, no cache, no repair round`,
);
const sequential = await run(1);
const parallel = await run(4);
const stats = parallel.result.report.writerStats;
console.log(
  `concurrency 1: ${(sequential.ms / 1000).toFixed(2)} s   concurrency 4: ${(parallel.ms / 1000).toFixed(2)} s   ratio ${(parallel.ms / sequential.ms).toFixed(2)}x (target <= 0.5x)`,
);
console.log(
  `article: ${parallel.result.article.metadata.wordCount} words, ${stats.calls} calls, passed: ${parallel.result.report.passed}`,
);

// Single shot: the whole job in one prompt, answered with an article of the same length.
const singleShot = buildSingleShotMessages({ locale: 'fr-FR', minWords: 700, source: example });
const singleInput = tokensOf(JSON.stringify(singleShot));
const singleOutput = tokensOf(parallel.result.markdown);
const pipelineTokens = stats.inputTokens + stats.outputTokens;
console.log(
  `tokens: pipeline ${stats.inputTokens} in + ${stats.outputTokens} out = ${pipelineTokens}; single shot ${singleInput} in + ${singleOutput} out = ${singleInput + singleOutput}; ratio ${(pipelineTokens / (singleInput + singleOutput)).toFixed(2)}x (target <= 2x)`,
);
server.close();
