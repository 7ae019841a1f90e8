import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cooperativeScript } from '../helpers/fake-llm.js';
import { type HttpScript, httpScript } from '../helpers/http-cooperative-script.js';
import { type OpenAiTestServer, startOpenAiTestServer } from '../helpers/openai-test-server.js';
import { runPlume } from '../helpers/run-plume.js';

// `plume optimize --provider …` as a user runs it: the built binary, against a fake OpenAI-shaped
// server started in this process. No real API is ever called. 5 spawns.

const ENGLISH_ARTICLE = fileURLToPath(new URL('../golden/english-article/input.txt', import.meta.url));
const KEY = 'sk-test-SECRET123';
const COOPERATIVE = cooperativeScript({ keyphrase: 'semaine de quatre jours', passages: 14 });

/** Whatever the developer's shell holds, the child sees only what each test gives it. */
const CLEAN_ENV: NodeJS.ProcessEnv = {
  OPENAI_API_KEY: undefined,
  ANTHROPIC_API_KEY: undefined,
  MISTRAL_API_KEY: undefined,
  PLUME_API_KEY: undefined,
  PLUME_PROVIDER: undefined,
  PLUME_MODEL: undefined,
  PLUME_BASE_URL: undefined,
  PLUME_CACHE_DIR: undefined,
  PLUME_MAX_CALLS: undefined,
  PLUME_TIMEOUT_MS: undefined,
  PLUME_MAX_RETRIES: undefined,
  PLUME_TEMPERATURE: undefined,
};

const workDirectory = mkdtempSync(join(tmpdir(), 'plume-optimize-llm-cli-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));
const newDirectory = () => mkdtempSync(join(workDirectory, 'cwd-'));

let servers: OpenAiTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});
async function startServer(script: HttpScript): Promise<OpenAiTestServer> {
  const server = await startOpenAiTestServer({ script: httpScript(script) });
  servers.push(server);
  return server;
}

/** `plume optimize <English article> --provider openai-compatible …` in a fresh directory. */
function optimizeWithServer(server: OpenAiTestServer, extraArgs: readonly string[] = []) {
  const cwd = newDirectory();
  const output = join(cwd, 'out');
  const args = [
    'optimize',
    ENGLISH_ARTICLE,
    '--provider',
    'openai-compatible',
    '--base-url',
    server.baseUrl,
    '--model',
    'test-model',
    '-o',
    output,
    '--cache-dir',
    join(cwd, 'cache'),
    ...extraArgs,
  ];
  return { cwd, output, run: runPlume(args, { cwd, env: { ...CLEAN_ENV, PLUME_API_KEY: KEY } }) };
}

function expectNoKey(...texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('SECRET123');
  }
}

describe('plume optimize with an LLM provider', () => {
  it('turns the English article into a French one: exit 0, three files, calls and tokens in the summary', async () => {
    const server = await startServer(COOPERATIVE);
    const { output, run: pending } = optimizeWithServer(server);
    const run = await pending;
    expect(run.stderr).not.toContain('plume: LLM provider failed');
    expect(run.code).toBe(0);

    const files = readdirSync(output).sort();
    expect(files).toHaveLength(3);
    expect(files.map((file) => file.replace(/^.*?\./, '.'))).toEqual(['.html', '.md', '.report.json']);
    const contents = files.map((file) => readFileSync(join(output, file), 'utf8'));
    const report = JSON.parse(contents[2] as string).report;
    expect(report.passed).toBe(true);
    expect(report.source.language).toBe('en');
    expect(report.writer).toBe('openai-compatible:test-model');
    expect(report.writerStats.calls).toBe(server.requests.length);

    const calls = server.requests.length;
    expect(server.requests.every((request) => request.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(run.stdout).toMatch(
      new RegExp(
        `Rédacteur +openai-compatible:test-model : ${calls} appels, [\\d\\u00a0]+ jetons envoyés, [\\d\\u00a0]+ reçus`,
      ),
    );
    expect(run.stdout).toContain('Contraintes : toutes respectées');
    // Progress on stderr, one line per stage and per section.
    expect(run.stderr).toContain('plume: Plan (appel au modèle)\n');
    expect(run.stderr).toMatch(/^plume: Introduction \[\d\/6\]$/m);
    expect(run.stderr).toMatch(/^plume: Section « .+ » \[6\/6\]$/m);
    expectNoKey(run.stdout, run.stderr, ...contents);
  });

  it('refuses --provider openai without OPENAI_API_KEY: exit 2, one line naming the variable', async () => {
    const server = await startServer(COOPERATIVE);
    const cwd = newDirectory();
    const run = await runPlume(
      [
        'optimize',
        ENGLISH_ARTICLE,
        '--provider',
        'openai',
        '--base-url',
        server.baseUrl,
        '-o',
        join(cwd, 'out'),
      ],
      { cwd, env: CLEAN_ENV },
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^plume: OPENAI_API_KEY n’est pas définie[^\n]*\n$/);
    expect(server.requests).toHaveLength(0);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('stops on a 401: exit 2, the variable named, the key never shown', async () => {
    // The fake server echoes the key in its 401 message, as OpenAI does.
    const server = await startServer(() => ({ http: { status: 401 } }));
    const { output, run: pending } = optimizeWithServer(server);
    const run = await pending;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plume: la clé de PLUME_API_KEY a été refusée \(401\)/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(server.requests).toHaveLength(1);
    expect(() => readdirSync(output)).toThrow();
    expectNoKey(run.stdout, run.stderr);
  });

  it('--max-calls 2: exit 3, the best draft written, the summary says why', async () => {
    const server = await startServer(COOPERATIVE);
    const { output, run: pending } = optimizeWithServer(server, ['--max-calls', '2']);
    const run = await pending;
    expect(run.code).toBe(3);
    expect(server.requests).toHaveLength(2);
    expect(readdirSync(output)).toHaveLength(3);
    expect(run.stdout).toMatch(/Rédacteur +openai-compatible:test-model : 2 appels/);
    expect(run.stdout).toContain('Plafond d’appels ou de jetons atteint : meilleur brouillon conservé.');
    expect(run.stdout).toContain('Contraintes : au moins une non respectée');
    expect(run.stdout).toMatch(/● échec +Langue/);
  });

  it('a provider that echoes the Authorization header: the key reaches no file, not even the cache', async () => {
    // Every answer quotes the header it received, as a misbehaving proxy or a debug endpoint would.
    const echoing: HttpScript = async (request, call, recorded) => {
      const answer = await COOPERATIVE(request, call);
      const header = String(recorded.headers.authorization);
      if (typeof answer !== 'string') return answer;
      // JSON answers (plan, headings, metadata) carry it in a string field; text answers in a sentence.
      return answer.startsWith('{')
        ? answer.replace(/"h1":"/, `"h1":"${header} `)
        : `${answer}\n\nEn-tête reçu : ${header}.`;
    };
    const server = await startServer(echoing);
    const { cwd, output, run: pending } = optimizeWithServer(server);
    const run = await pending;
    expect([0, 3]).toContain(run.code);
    const written = readdirSync(output).map((file) => readFileSync(join(output, file), 'utf8'));
    expect(written).toHaveLength(3);
    const cacheDirectory = join(cwd, 'cache');
    const cached = readdirSync(cacheDirectory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
    expect(cached.length).toBeGreaterThan(0);
    // The echo did reach Plume: it is there, without the key.
    expect(written.join('\n')).toMatch(/En-tête reçu\s*:\s*Bearer\s+\\?\[redacted\]/);
    expectNoKey(run.stdout, run.stderr, ...written, ...cached);
  });

  it('a model that answers plain English, never a plan: exit 3, offline plan, the summary says so in French', async () => {
    const server = await startServer(
      () => 'Sure! Here is a great article about the four-day week. It is very good.',
    );
    const { output, run: pending } = optimizeWithServer(server, [
      '--repair-rounds',
      '0',
      '--max-retries',
      '0',
    ]);
    const run = await pending;
    expect(run.stderr).not.toContain('erreur interne');
    expect(run.code).toBe(3);
    expect(readdirSync(output)).toHaveLength(3);
    expect(run.stdout).toContain('Le modèle n’a pas fourni de plan valide : plan hors ligne utilisé.');
    expect(run.stdout).toContain('Sections rédigées par le modèle sur le plan hors ligne.');
  });

  it('a model that gives neither a plan nor a section: exit 3, the offline article written', async () => {
    const server = await startServer((request) =>
      request.jsonSchema ? 'I cannot produce JSON today.' : { http: { status: 400 } },
    );
    const { output, run: pending } = optimizeWithServer(server, [
      '--repair-rounds',
      '0',
      '--max-retries',
      '0',
    ]);
    const run = await pending;
    expect(run.stderr).not.toContain('erreur interne');
    expect(run.code).toBe(3);
    const files = readdirSync(output).sort();
    expect(files).toHaveLength(3);
    const report = JSON.parse(readFileSync(join(output, files[2] as string), 'utf8')).report;
    expect(report.writerStats.degraded).toBe(true);
    expect(run.stdout).toContain('Le modèle n’a pas fourni de plan valide : plan hors ligne utilisé.');
    expect(run.stdout).toContain('article hors ligne écrit');
  });

  it('--timeout abc: exit 2, the error names --timeout (the flag the user typed)', async () => {
    const cwd = newDirectory();
    const run = await runPlume(
      ['optimize', ENGLISH_ARTICLE, '--provider', 'openai', '--timeout', 'abc', '-o', join(cwd, 'out')],
      { cwd, env: { ...CLEAN_ENV, OPENAI_API_KEY: KEY } },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('plume: --timeout : un nombre entier d’au moins 1 est attendu\n');
  });

  it('refuses a plume.config.json with an invalid temperature: exit 2, the file and field named', async () => {
    const server = await startServer(COOPERATIVE);
    const cwd = newDirectory();
    writeFileSync(
      join(cwd, 'plume.config.json'),
      JSON.stringify({ llm: { provider: 'openai-compatible', baseUrl: server.baseUrl, temperature: 5 } }),
    );
    const run = await runPlume(['optimize', ENGLISH_ARTICLE, '-o', join(cwd, 'out')], {
      cwd,
      env: { ...CLEAN_ENV, PLUME_API_KEY: KEY },
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^plume: plume\.config\.json : llm\.temperature : [^\n]+\n$/);
    expect(server.requests).toHaveLength(0);
  });
});
