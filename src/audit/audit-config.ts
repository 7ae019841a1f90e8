/**
 * Thresholds of every assessment, as frozen data. Public figures users know
 * from Yoast SEO and Rank Math, adapted to French. Override any of them with
 * `mergeAuditConfig(overrides)`; variants are profiles, not subclasses.
 */
export const DEFAULT_AUDIT_CONFIG = deepFreeze({
  /** Minimum words in the body (headings excluded): the length constraint. */
  minWords: 700,
  keyphraseLength: { maxContentWords: 4, tooLongContentWords: 8 },
  titleWidth: { maxPixels: 600, minPixels: 300 },
  metaDescription: { minCharacters: 120, maxCharacters: 156, maxKeyphraseOccurrences: 2 },
  keyphraseDensity: { minPercent: 0.5, maxPercent: 3 },
  keyphraseInSubheadings: { minPercent: 30, maxPercent: 75 },
  textLength: { okRatio: 0.7, badRatio: 0.4 },
  sentenceLength: { maxWords: 20, maxPercent: 25, okPercent: 30 },
  paragraphLength: { maxWords: 150, okWords: 200 },
  subheadingDistribution: { maxWords: 300, okWords: 350 },
  passiveVoice: { maxPercent: 10, okPercent: 15 },
  transitionWords: { minPercent: 30, okPercent: 20, minWords: 200 },
  consecutiveSentences: { maxRun: 2 },
  fleschReadingEase: { good: 60, ok: 50 },
  language: { expected: 'fr', minConfidence: 0.3 },
  typography: { okIssuesPer1000Words: 3 },
});

export type AuditConfig = typeof DEFAULT_AUDIT_CONFIG;

type DeepPartial<T> = { [Key in keyof T]?: T[Key] extends object ? DeepPartial<T[Key]> : T[Key] };
export type AuditConfigOverrides = DeepPartial<AuditConfig>;

export function mergeAuditConfig(overrides: AuditConfigOverrides = {}): AuditConfig {
  return deepFreeze(mergeDeep(DEFAULT_AUDIT_CONFIG, overrides)) as AuditConfig;
}

function mergeDeep<T>(base: T, overrides: DeepPartial<T>): T {
  if (typeof base !== 'object' || base === null) return (overrides ?? base) as T;
  const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (value === undefined) continue;
    const current = result[key];
    result[key] =
      typeof current === 'object' && current !== null && typeof value === 'object' && value !== null
        ? mergeDeep(current, value as DeepPartial<typeof current>)
        : value;
  }
  return result as T;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const nested of Object.values(value)) deepFreeze(nested);
    Object.freeze(value);
  }
  return value;
}
