import type { CompletionRequest, CompletionResult, LanguageModel } from '../../src/llm/language-model.js';

/** The kind of call, read from the request the writer sends. */
export type CallKind = 'plan' | 'headings' | 'metadata' | 'introduction' | 'section' | 'repair';

export function kindOf(request: CompletionRequest): CallKind {
  const name = request.jsonSchema?.name;
  if (name === 'plume_plan') return 'plan';
  if (name === 'plume_headings') return 'headings';
  if (name === 'plume_metadata') return 'metadata';
  const user = request.messages.find((message) => message.role === 'user')?.content ?? '';
  // Over HTTP the schema name may not survive the client library: recognise the prompts too.
  if (user.startsWith('Prépare le plan')) return 'plan';
  if (user.startsWith('Reformule ces intertitres')) return 'headings';
  if (user.startsWith('Corrige le titre SEO')) return 'metadata';
  if (user.includes('doit être corrigée')) return 'repair';
  if (user.includes('Rédige l’introduction')) return 'introduction';
  return 'section';
}

/** Sentences of plain French with no name and no figure, so that fidelity holds whatever the source. */
const FILLER = [
  'Les entreprises cherchent des profils capables de comprendre ces outils.',
  'Cependant, les recruteurs constatent que ces compétences restent rares.',
  'Par conséquent, les salaires proposés augmentent dans tout le secteur.',
  'De plus, les petites structures peinent à suivre cette évolution.',
  'En effet, la formation interne demande du temps et des moyens.',
  'Ainsi, chaque embauche devient une décision importante pour une équipe.',
  'Toutefois, de nombreux salariés se forment déjà par eux-mêmes.',
  'Enfin, le marché devrait se stabiliser à mesure que les usages mûrissent.',
];

/** French text of about `words` words, opening with `opening` when given. */
export function frenchText(words: number, opening?: string): string {
  const sentences: string[] = [];
  let count = 0;
  if (opening) {
    sentences.push(opening);
    count += opening.split(/\s+/u).length;
  }
  let index = 0;
  while (count < words) {
    const sentence = FILLER[index % FILLER.length] as string;
    sentences.push(sentence);
    count += sentence.split(/\s+/u).length;
    index += 1;
  }
  const paragraphs: string[] = [];
  for (let start = 0; start < sentences.length; start += 4)
    paragraphs.push(sentences.slice(start, start + 4).join(' '));
  return paragraphs.join('\n\n');
}

/** The word budget a section prompt asks for (« environ 180 mots »), or a repair target. */
export function requestedWords(request: CompletionRequest): number {
  const user = request.messages.find((message) => message.role === 'user')?.content ?? '';
  const match = /(?:environ|à|au plus)\s+(\d+)\s+mots/u.exec(user);
  return match ? Number(match[1]) : 120;
}

export function keyphraseOf(request: CompletionRequest): string {
  const user = request.messages.find((message) => message.role === 'user')?.content ?? '';
  return /expression-clé « ([^»]+) »/u.exec(user)?.[1] ?? '';
}

export type ScriptAnswer = string | Partial<CompletionResult> | Error;
export type Script = (request: CompletionRequest, call: number) => ScriptAnswer | Promise<ScriptAnswer>;

export interface FakeModel extends LanguageModel {
  requests: CompletionRequest[];
}

/** An in-process LanguageModel driven by a script: for the writer's logic, without HTTP. */
export function createFakeModel(script: Script): FakeModel {
  const requests: CompletionRequest[] = [];
  return {
    provider: 'fake',
    modelId: 'scripted',
    requests,
    async complete(request) {
      requests.push(request);
      const answer = await script(request, requests.length);
      if (answer instanceof Error) throw answer;
      const result = typeof answer === 'string' ? { text: answer } : answer;
      const text = result.text ?? '';
      return {
        text,
        finishReason: result.finishReason ?? 'stop',
        usage: result.usage ?? {
          inputTokens: Math.ceil(JSON.stringify(request.messages).length / 4),
          outputTokens: Math.ceil(text.length / 4),
        },
        ...(result.cached ? { cached: true } : {}),
      };
    },
  };
}

/** A sensible plan for a source of `passages` numbered passages. */
export function planAnswer(options: {
  keyphrase: string;
  sections: number;
  passages: number;
  budget?: number;
}): string {
  const perSection = Math.max(1, Math.floor(options.passages / options.sections));
  const themes = [
    'les salaires',
    'les petites entreprises',
    'la formation',
    'les recruteurs',
    'les candidats',
    'le marché',
    'les outils',
  ];
  const sections = Array.from({ length: options.sections }, (_, index) => ({
    heading:
      index === options.sections - 1
        ? 'Conclusion'
        : index % 2 === 0
          ? `Ce que changent les ${options.keyphrase} pour ${themes[index % themes.length]}`
          : `Un marché en mouvement pour ${themes[index % themes.length]}`,
    level: 2,
    sourcePassages: Array.from({ length: perSection }, (_, offset) => index * perSection + offset + 1),
    wordBudget: options.budget ?? 200,
  }));
  return JSON.stringify({
    keyphrase: options.keyphrase,
    keywords: ['recrutement', 'salaires'],
    title: `${capitalize(options.keyphrase)} : le grand défi du recrutement`,
    h1: `${capitalize(options.keyphrase)} : pourquoi le recrutement devient si difficile`,
    metaDescription: `${capitalize(options.keyphrase)} : les entreprises se disputent des profils rares, les salaires montent et les petites structures cherchent leur place.`,
    slug: 'talents-ia',
    introduction: { sourcePassages: [1], wordBudget: 90 },
    sections,
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A script that answers every kind of call sensibly (French, right length, keyphrase where asked). */
export function cooperativeScript(options: {
  keyphrase: string;
  sections?: number;
  passages: number;
}): Script {
  return (request) => {
    const kind = kindOf(request);
    if (kind === 'plan')
      return planAnswer({
        keyphrase: options.keyphrase,
        sections: options.sections ?? 5,
        passages: options.passages,
      });
    if (kind === 'headings') {
      const user = request.messages.find((message) => message.role === 'user')?.content ?? '';
      const headings = [...user.matchAll(/^\d+\. (.+)$/gmu)].map((match, index) =>
        index % 2 === 0 ? `${match[1]} et ${options.keyphrase}` : (match[1] as string),
      );
      return JSON.stringify({ headings });
    }
    if (kind === 'metadata') {
      return JSON.stringify({
        title: `${options.keyphrase} : le grand défi`,
        metaDescription: `${options.keyphrase} : les entreprises se disputent des profils rares, les salaires montent et les petites structures cherchent leur place.`,
      });
    }
    const words = requestedWords(request);
    const opening =
      kind === 'introduction' || kind === 'repair'
        ? `Le recrutement des ${options.keyphrase} devient un enjeu majeur.`
        : undefined;
    return frenchText(words, opening);
  };
}
