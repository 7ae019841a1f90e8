/**
 * The items of an iterator, read only as far as they are asked for: a search that usually stops within
 * the first items does not pay for preparing the others (the meta description's cleaned sentences).
 */
export class LazyList<T> {
  readonly #items: T[] = [];
  readonly #source: Iterator<T>;
  #done = false;

  constructor(source: Iterable<T>) {
    this.#source = source[Symbol.iterator]();
  }

  /** Whether there is an item at `index`. */
  has(index: number): boolean {
    this.#readTo(index);
    return index < this.#items.length;
  }

  /** The item at `index`, or undefined past the end. */
  at(index: number): T | undefined {
    this.#readTo(index);
    return this.#items[index];
  }

  /** The items from `start` to `end` (exclusive), as `Array.prototype.slice` gives them. */
  slice(start: number, end: number): T[] {
    this.#readTo(end - 1);
    return this.#items.slice(start, end);
  }

  /** Every item: the whole iterator is read. */
  all(): readonly T[] {
    this.#readTo(Number.POSITIVE_INFINITY);
    return this.#items;
  }

  #readTo(index: number): void {
    while (!this.#done && this.#items.length <= index) {
      const next = this.#source.next();
      if (next.done) this.#done = true;
      else this.#items.push(next.value);
    }
  }
}
