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
