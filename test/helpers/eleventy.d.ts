// The part of Eleventy's programmatic API the target tests use (the package ships no types).
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input: string, output: string, options?: { quietMode?: boolean });
    toJSON(): Promise<unknown[]>;
  }
}
