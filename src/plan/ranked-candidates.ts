/** A heading a section could take: a sentence of it or one of its noun phrases, scored. */
export interface HeadingCandidate {
  text: string;
  score: number;
  hasKeyphrase: boolean;
}

/** How a section's sentences are read into candidates (see {@link RankedCandidates}). */
export interface CandidateSource {
  /** How many sentences the section has. */
  count: number;
  /** At least the score of any candidate the sentence at `index` gives (0 or more). */
  bound: (index: number) => number;
  /** Whether the sentence at `index` may give a candidate with the keyphrase: read first, all of them. */
  mayHoldKeyphrase: (index: number) => boolean;
  /** The candidates of the sentence at `index`, in the order they rank among equal scores. */
  read: (index: number) => HeadingCandidate[];
}

interface Ranked {
  candidate: HeadingCandidate;
  /** Sentence index, then the candidate's index in it: the order among equal scores. */
  sentence: number;
  unit: number;
}

/**
 * A section's heading candidates best first — by score, then in reading order, as a stable sort of them
 * all would rank them — reading its sentences only as far as a question needs. A heading needs the best
 * candidate that is not taken: once no unread sentence can score above the candidate at some rank, the
 * ranks up to it are final. Reading every sentence (its headline, its noun phrases) was a third of the
 * offline optimize of a 2,000-word article without subheadings; most sections answer from a few. The
 * sentences that may give a candidate with the keyphrase are all read at once: the keyphrase's choice
 * weighs every such candidate.
 */
export class RankedCandidates {
  private readonly source: CandidateSource;
  private readonly ranked: Ranked[] = [];
  /** Unread sentences, highest bound first (ties in reading order). */
  private readonly unread: { sentence: number; bound: number }[] = [];
  /** The first of `unread` not read yet. */
  private next = 0;

  constructor(source: CandidateSource) {
    this.source = source;
    for (let sentence = 0; sentence < source.count; sentence += 1) {
      if (source.mayHoldKeyphrase(sentence)) this.readSentence(sentence);
      else this.unread.push({ sentence, bound: source.bound(sentence) });
    }
    this.unread.sort((left, right) => right.bound - left.bound || left.sentence - right.sentence);
  }

  /** The best candidate that `accept` takes, or undefined when none does. */
  first(accept: (candidate: HeadingCandidate) => boolean): HeadingCandidate | undefined {
    for (let rank = 0; ; rank += 1) {
      const candidate = this.at(rank);
      if (candidate === undefined) return undefined;
      if (accept(candidate)) return candidate;
    }
  }

  /** Every candidate with the keyphrase, best first. */
  withKeyphrase(): HeadingCandidate[] {
    const found: HeadingCandidate[] = [];
    for (const { candidate } of this.ranked) if (candidate.hasKeyphrase) found.push(candidate);
    return found;
  }

  /** The candidate at `rank`, once no unread sentence can outrank it (strictly: ties go by reading order). */
  private at(rank: number): HeadingCandidate | undefined {
    for (let unread = this.unread[this.next]; unread !== undefined; unread = this.unread[this.next]) {
      const entry = this.ranked[rank];
      if (entry !== undefined && entry.candidate.score > unread.bound) break;
      this.next += 1;
      this.readSentence(unread.sentence);
    }
    return this.ranked[rank]?.candidate;
  }

  private readSentence(sentence: number): void {
    this.source.read(sentence).forEach((candidate, unit) => {
      this.insert({ candidate, sentence, unit });
    });
  }

  /** Inserted after every entry that ranks before it: higher score, or equal and read earlier. */
  private insert(entry: Ranked): void {
    let low = 0;
    let high = this.ranked.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ranksBefore(this.ranked[middle] as Ranked, entry)) low = middle + 1;
      else high = middle;
    }
    this.ranked.splice(low, 0, entry);
  }
}

function ranksBefore(left: Ranked, right: Ranked): boolean {
  if (left.candidate.score !== right.candidate.score) return left.candidate.score > right.candidate.score;
  return left.sentence !== right.sentence ? left.sentence < right.sentence : left.unit < right.unit;
}
