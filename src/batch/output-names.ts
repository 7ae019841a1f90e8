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
  /** Input key -> base name its files have. */
  private readonly bases = new Map<string, string>();
  /** Base name -> input key holding it. */
  private readonly holders = new Map<string, string>();

  constructor(slug: string) {
    this.slug = slug;
  }

  get size(): number {
    return this.bases.size;
  }

  baseOf(key: string): string | undefined {
    return this.bases.get(key);
  }

  /** Records that `key`'s files are at `base` (from the manifest, or after a rename). */
  hold(key: string, base: string): void {
    this.release(key);
    const holder = this.holders.get(base);
    if (holder !== undefined) this.bases.delete(holder);
    this.bases.set(key, base);
    this.holders.set(base, key);
  }

  release(key: string): void {
    const base = this.bases.get(key);
    if (base === undefined) return;
    this.bases.delete(key);
    if (this.holders.get(base) === key) this.holders.delete(base);
  }

  /** The name `key` keeps if it holds one, else a free one: the slug, its own tags, then -2, -3… */
  place(key: string): string {
    const held = this.bases.get(key);
    if (held !== undefined) return held;
    const free = (base: string) => !this.holders.has(base);
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
    return assignBaseNames(this.slug, [...this.bases.keys()]);
  }

  /** Members and the names they have now. */
  entries(): IterableIterator<[string, string]> {
    return this.bases.entries();
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
