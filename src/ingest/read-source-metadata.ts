/**
 * Normalises what sources write for their date and author, so that the metadata holds values and not
 * text: ISO 8601 dates (with their offset when they have a time), a person's name without « Par » or
 * the date that follows it in a byline. Validation (a real calendar date, a safe URL) is left to the
 * checks that every origin of a value goes through.
 */

/** `2017-05-02`, `2017-05-02 12:00`, `2017-05-02T12:00:00+02:00`, `2017-05-02 12:00:00 +0200`, `…Z`. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A front-matter or page date as ISO 8601: the date alone stays a date, a time gets its seconds and
 * its offset written `+02:00`. Anything else is returned as found (the date check drops it).
 */
export function normalizeSourceDate(value: string): string {
  const text = value.trim();
  const match = DATE_TIME.exec(text);
  if (!match) return text;
  const [, day, time, seconds, zone] = match;
  if (time === undefined) return day as string;
  const offset =
    zone === undefined
      ? ''
      : zone.toUpperCase() === 'Z'
        ? 'Z'
        : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return `${day}T${time}${seconds ?? ':00'}${offset}`;
}

/** « Par », « By », « Von », « Por », « Écrit par »… before the name in a byline. */
const BYLINE_PREFIX = /^(?:(?:écrit|rédigé|publié)\s+par|par|by|written\s+by|von|por|di|door)\s+/iu;
/** What follows the name: a date, a role or a site after a comma, « le », a dash or a bar. */
const AFTER_NAME =
  /\s*(?:,|\s[-–—|·]\s|\s(?:le|on|am|el|il)\s+\d|\s\d{1,2}\s+\p{L}+\s+\d{4}|\s\d{4}-\d{2}-\d{2}).*$/u;

/** The author's name from a byline: « Par Marie Martin, le 25 mars 2024 » -> « Marie Martin ». */
export function authorFromByline(byline: string): string | undefined {
  const name = byline.replace(/\s+/gu, ' ').trim().replace(BYLINE_PREFIX, '').replace(AFTER_NAME, '').trim();
  return name === '' ? undefined : name;
}

/** Only an absolute http(s) URL can be a canonical URL; a Hugo `url: /posts/x/` is a path. */
export function isAbsoluteHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(value.trim());
}
