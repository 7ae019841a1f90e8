import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';

/** Between the slug and the input's tag when several articles share a slug: `talents-ia--article-2`. */
export const TAG_SEPARATOR = '--';

/**
 * Ways to tag an input, tried in order until the tags differ: its file name,
 * its path, its path with the extension, and that plus a short hash of the
 * exact path (for paths that slugify alike, « a b.txt » and « a-b.txt »).
 */
const TAG_RECIPES: readonly ((key: string) => string)[] = [
  (key) => slugifyFileName(basename(key, extname(key))),
  (key) => slugifyFileName(key.slice(0, key.length - extname(key).length)),
  (key) => slugifyFileName(key),
  (key) => `${slugifyFileName(key)}-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`,
];

/**
 * Output base names (file names without extension) for the inputs of a batch
 * that produced the same slug. One input keeps the slug; several each get
 * `slug--tag` (see `TAG_RECIPES`). A function of the set of inputs only, so
 * the names do not depend on which article finished first.
 */
export function assignBaseNames(slug: string, inputKeys: readonly string[]): Map<string, string> {
  const keys = [...new Set(inputKeys)].sort();
  const names = new Map<string, string>();
  if (keys.length === 1) {
    names.set(keys[0] ?? '', slug);
    return names;
  }
  const used = new Set<string>();
  let remaining = keys;
  for (const [index, recipe] of TAG_RECIPES.entries()) {
    const tags = new Map(remaining.map((key) => [key, recipe(key)]));
    const counts = new Map<string, number>();
    for (const tag of tags.values()) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const last = index === TAG_RECIPES.length - 1;
    remaining = remaining.filter((key) => {
      const tag = tags.get(key) ?? '';
      if (!last && ((counts.get(tag) ?? 0) > 1 || used.has(tag))) return true;
      used.add(tag);
      names.set(key, `${slug}${TAG_SEPARATOR}${tag}`);
      return false;
    });
  }
  return names;
}

/**
 * The inputs of a batch that produced one slug, and the base names their files have now. While the
 * batch runs, `place` gives an arriving input a free name in O(1): the slug if no one holds it, else
 * its own tags (see `TAG_RECIPES`), else a tag with -2, -3… Nobody is renamed then. Once every article
 * is in, `finalNames` gives the names `assignBaseNames` would (a function of the set of inputs only),
 * computed once per slug: the batch renames each file at most once, not at every arrival.
 */
export class SlugGroup {
  readonly slug: string;
  /**
   * The one member while there is only one, without maps: a batch of 100,000 articles has about as
   * many slugs, nearly all with one member, and two maps each would weigh more than the rest.
   */
  private soleKey: string | undefined;
  private soleBase: string | undefined;
  /** Input key -> base name its files have, once a second member arrives. */
  private bases: Map<string, string> | undefined;
  /** Base name -> input key holding it, beside `bases`. */
  private holders: Map<string, string> | undefined;

  constructor(slug: string) {
    this.slug = slug;
  }

  get size(): number {
    if (this.bases) return this.bases.size;
    return this.soleKey === undefined ? 0 : 1;
  }

  baseOf(key: string): string | undefined {
    if (this.bases) return this.bases.get(key);
    return this.soleKey === key ? this.soleBase : undefined;
  }

  private holderOf(base: string): string | undefined {
    if (this.holders) return this.holders.get(base);
    return this.soleBase === base ? this.soleKey : undefined;
  }

  /** Records that `key`'s files are at `base` (from the manifest, or after a rename). */
  hold(key: string, given: string): void {
    const base = detached(given);
    this.release(key);
    const holder = this.holderOf(base);
    if (holder !== undefined) this.release(holder);
    if (!this.bases && this.soleKey === undefined) {
      this.soleKey = key;
      this.soleBase = base;
      return;
    }
    if (!this.bases || !this.holders) {
      this.bases = new Map();
      this.holders = new Map();
      if (this.soleKey !== undefined && this.soleBase !== undefined) {
        this.bases.set(this.soleKey, this.soleBase);
        this.holders.set(this.soleBase, this.soleKey);
      }
      this.soleKey = undefined;
      this.soleBase = undefined;
    }
    this.bases.set(key, base);
    this.holders.set(base, key);
  }

  release(key: string): void {
    if (!this.bases || !this.holders) {
      if (this.soleKey === key) {
        this.soleKey = undefined;
        this.soleBase = undefined;
      }
      return;
    }
    const base = this.bases.get(key);
    if (base === undefined) return;
    this.bases.delete(key);
    if (this.holders.get(base) === key) this.holders.delete(base);
  }

  /** The name `key` keeps if it holds one, else a free one: the slug, its own tags, then -2, -3… */
  place(key: string): string {
    const held = this.baseOf(key);
    if (held !== undefined) return held;
    const free = (base: string) => this.holderOf(base) === undefined;
    let base = free(this.slug) ? this.slug : undefined;
    for (const recipe of TAG_RECIPES) {
      if (base !== undefined) break;
      const tagged = `${this.slug}${TAG_SEPARATOR}${recipe(key)}`;
      if (free(tagged)) base = tagged;
    }
    if (base === undefined) {
      // Only a name crafted to equal another input's hashed tag gets here.
      const last = `${this.slug}${TAG_SEPARATOR}${TAG_RECIPES[TAG_RECIPES.length - 1]?.(key) ?? 'article'}`;
      let counter = 2;
      while (!free(`${last}-${counter}`)) counter += 1;
      base = `${last}-${counter}`;
    }
    this.hold(key, base);
    return base;
  }

  /** The final names of every member, as `assignBaseNames` gives them. */
  finalNames(): Map<string, string> {
    return assignBaseNames(
      this.slug,
      [...this.entries()].map(([key]) => key),
    );
  }

  /** Members and the names they have now. */
  entries(): IterableIterator<[string, string]> {
    if (this.bases) return this.bases.entries();
    const sole: [string, string][] =
      this.soleKey === undefined || this.soleBase === undefined ? [] : [[this.soleKey, this.soleBase]];
    return sole[Symbol.iterator]();
  }
}

/** Every base name `assignBaseNames` can give `inputKey` for `slug`, whatever the other inputs. */
export function candidateBaseNames(slug: string, inputKey: string): string[] {
  return [slug, ...TAG_RECIPES.map((recipe) => `${slug}${TAG_SEPARATOR}${recipe(inputKey)}`)];
}

/** ASCII, lower case, words joined by `-`: « Été 2024/Brève n°1.md » -> « ete-2024-breve-n-1-md ». */
export function slugifyFileName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > 0 ? slug : 'article';
}

/**
 * A copy of the string that shares no memory with a larger one. A slug read from an article's front
 * matter is, in V8, a slice of the whole source text, and the slug index keeps a slug and a base name
 * per input for the whole batch: without the copy, 100,000 inputs kept their 100,000 sources alive
 * (236 MB of live heap at the end of `bench:batch-scale`'s 100,000 small inputs, 21 MB at 10,000).
 */
export function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
