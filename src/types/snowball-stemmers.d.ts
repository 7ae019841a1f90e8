/** Types for `snowball-stemmers` (CommonJS, no bundled types): JavaScript ports of the Snowball stemmers. */
declare module 'snowball-stemmers' {
  export interface Stemmer {
    /** Stems one lowercase word. */
    stem(word: string): string;
  }
  /** Creates a stemmer for a Snowball algorithm name such as `french` or `english`. */
  export function newStemmer(algorithm: string): Stemmer;
  /** Names of the available algorithms. */
  export function algorithms(): string[];
}
