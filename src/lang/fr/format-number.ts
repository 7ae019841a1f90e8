/**
 * A number written the French way with a no-break space between thousands (« 12 500 », « 4,5 »):
 * `toLocaleString('fr-FR')` with U+00A0 for ICU's narrow no-break space, which some fonts lack.
 * A safe integer (the counts the audit's messages are made of) is grouped here, as the French locale
 * groups it (the test compares both); creating the locale's formatter loads ICU's French data, about
 * 5 ms of a `plume audit` start. Other numbers go through one formatter for the process:
 * `toLocaleString` builds a new one at every call.
 */
export function formatFrenchNumber(value: number): string {
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return groupThousands(value);
  formatter ??= new Intl.NumberFormat('fr-FR');
  return formatter.format(value).replace(/\u202f/g, '\u00a0');
}

let formatter: Intl.NumberFormat | undefined;

function groupThousands(value: number): string {
  const digits = String(Math.abs(value));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let index = grouped.length; index < digits.length; index += 3) {
    grouped += `\u00a0${digits.slice(index, index + 3)}`;
  }
  return value < 0 ? `-${grouped}` : grouped;
}
