import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { asTuples } from 'trigram-utils';

/** A language and its franc score (1 for the best, lower for the others), best first. */
export type FrancScore = [language: string, score: number];

/** franc reads at most this many characters, from the start. */
const MAX_LENGTH = 2048;
/** Distance of a trigram a language's model lacks. */
const MAX_DIFFERENCE = 300;

/** The models of one script's languages, by trigram: for each trigram, (language index, rank) pairs. */
interface ScriptModels {
  languages: string[];
  ranks: Map<string, number[]>;
}

const modelsByScript = new Map<string, ScriptModels>();

/**
 * `francAll(value, { minLength: 1 })` from franc-min, the same scores in the same order, without its import
 * cost: franc-min turns every model of every script into a dictionary when it is imported (about 50 ms of
 * CPU and as much garbage, at each start of `plume audit`); here a script's models are read the first time
 * a text in that script is scored, into one map by trigram, and a text's distances to all the script's
 * languages are summed in one pass over its trigrams. The test compares both on the corpus.
 */
export function francScores(value: string): FrancScore[] {
  if (!value) return [['und', 1]];
  const sample = value.slice(0, MAX_LENGTH);
  const [script, occurrence] = topScript(sample);
  if (script === undefined) return [['und', 1]];
  if (!Object.hasOwn(data, script)) return occurrence === 0 ? [['und', 1]] : [[script, 1]];
  const models = modelsOf(script);
  const tuples = asTuples(sample);
  const distances = new Array<number>(models.languages.length).fill(MAX_DIFFERENCE * tuples.length);
  for (const [trigram, count] of tuples) {
    const pairs = models.ranks.get(trigram);
    if (pairs === undefined) continue;
    for (let index = 0; index < pairs.length; index += 2) {
      const language = pairs[index] as number;
      const difference = Math.abs(count - (pairs[index + 1] as number) - 1);
      distances[language] = (distances[language] as number) - MAX_DIFFERENCE + difference;
    }
  }
  const scores: FrancScore[] = models.languages.map((language, index) => [
    language,
    distances[index] as number,
  ]);
  if (scores.length === 0) return [['und', 1]];
  scores.sort((left, right) => left[1] - right[1]);
  // franc's normalisation, operation for operation.
  const min = (scores[0] as FrancScore)[1];
  const max = sample.length * MAX_DIFFERENCE - min;
  for (const score of scores) score[1] = 1 - (score[1] - min) / max || 0;
  return scores;
}

/** The script with the most characters in `value` (the first in franc's order on a tie), and its share. */
function topScript(value: string): [string | undefined, number] {
  let topCount = -1;
  let top: string | undefined;
  for (const [script, expression] of Object.entries(expressions)) {
    const count = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

function modelsOf(script: string): ScriptModels {
  let models = modelsByScript.get(script);
  if (models !== undefined) return models;
  const languages = Object.keys(data[script] ?? {});
  const ranks = new Map<string, number[]>();
  languages.forEach((language, languageIndex) => {
    const model = (data[script] as Record<string, string>)[language]?.split('|') ?? [];
    // From the last rank to the first, as franc fills its dictionary: a repeated trigram keeps its first rank.
    for (let rank = model.length - 1; rank >= 0; rank -= 1) {
      const trigram = model[rank] as string;
      let pairs = ranks.get(trigram);
      if (pairs === undefined) {
        pairs = [];
        ranks.set(trigram, pairs);
      }
      if (pairs.length > 0 && pairs[pairs.length - 2] === languageIndex) pairs[pairs.length - 1] = rank;
      else pairs.push(languageIndex, rank);
    }
  });
  models = { languages, ranks };
  modelsByScript.set(script, models);
  return models;
}
