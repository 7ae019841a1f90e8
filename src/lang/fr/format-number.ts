/**
 * A number written the French way with a no-break space between thousands (« 12 500 », « 4,5 »):
 * `toLocaleString('fr-FR')` with U+00A0 for ICU's narrow no-break space, which some fonts lack.
 * One formatter for the process: `toLocaleString` builds a new one at every call (the audit's messages
 * format hundreds of numbers).
 */
export function formatFrenchNumber(value: number): string {
  formatter ??= new Intl.NumberFormat('fr-FR');
  return formatter.format(value).replace(/\u202f/g, '\u00a0');
}

let formatter: Intl.NumberFormat | undefined;
