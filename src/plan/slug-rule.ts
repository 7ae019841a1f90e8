/**
 * The slug rule alone, without the French word lists `buildSlug` needs: the CLI checks a `--slug` flag
 * and the batch checks results with it without loading the language core at start-up.
 */

/** Longest slug: longer URLs are cut in results and harder to share. */
export const MAX_SLUG_LENGTH = 75;

/** Lower-case ASCII words of letters and digits joined by single hyphens. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Whether `value` is a slug Plume may publish and name files with: lower-case
 * ASCII letters and digits, single hyphens between them, at most 75
 * characters. Nothing else: no dot, slash, space, control character, leading
 * or trailing hyphen. The one check for every origin (flag, front matter,
 * source page, LLM plan, batch and queue results).
 */
export function isValidSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}
