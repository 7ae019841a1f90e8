/**
 * A hash table from non-negative integer keys (up to 2^53) to non-negative integers, absent keys reading 0:
 * the keyphrase extraction's n-gram trie and co-occurrence counts, thousands of entries per article. A
 * `Map<number, number>` there cost a third of the extraction in hashing, probing and rehashing boxed
 * numbers; here keys and values sit in typed arrays, probed linearly. No deletion, no iteration.
 */
export class CounterTable {
  #keys: Float64Array;
  #values: Float64Array;
  #mask: number;
  /** 32 − log2(capacity): a slot is the top bits of the mixed key (the best mixed ones). */
  #shift: number;
  #size = 0;

  /** `expected`: about how many keys will be set (the table grows past it anyway). */
  constructor(expected = 16) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#keys = new Float64Array(capacity).fill(-1);
    this.#values = new Float64Array(capacity);
    this.#mask = capacity - 1;
    this.#shift = 32 - Math.log2(capacity);
  }

  /** Keys set so far. */
  get size(): number {
    return this.#size;
  }

  /** The key's value, 0 when it was never set. */
  get(key: number): number {
    const keys = this.#keys;
    for (let slot = slotOf(key, this.#shift); ; slot = (slot + 1) & this.#mask) {
      const found = keys[slot] as number;
      if (found === key) return this.#values[slot] as number;
      if (found === -1) return 0;
    }
  }

  set(key: number, value: number): void {
    const keys = this.#keys;
    let slot = slotOf(key, this.#shift);
    for (; ; slot = (slot + 1) & this.#mask) {
      const found = keys[slot] as number;
      if (found === key) {
        this.#values[slot] = value;
        return;
      }
      if (found === -1) break;
    }
    keys[slot] = key;
    this.#values[slot] = value;
    this.#size += 1;
    // Half full at most: probes stay short.
    if (this.#size * 2 > this.#mask) this.#grow();
  }

  #grow(): void {
    const keys = this.#keys;
    const values = this.#values;
    this.#keys = new Float64Array(keys.length * 2).fill(-1);
    this.#values = new Float64Array(keys.length * 2);
    this.#mask = keys.length * 2 - 1;
    this.#shift -= 1;
    this.#size = 0;
    for (let slot = 0; slot < keys.length; slot += 1) {
      const key = keys[slot] as number;
      if (key !== -1) this.set(key, values[slot] as number);
    }
  }
}

/** A key's first slot: its low and high 32 bits mixed, then Fibonacci hashing (the product's top bits). */
function slotOf(key: number, shift: number): number {
  const low = key >>> 0;
  const high = (key / 4294967296) >>> 0;
  return Math.imul(low ^ Math.imul(high, 0x27d4eb2d), 0x9e3779b1) >>> shift;
}
