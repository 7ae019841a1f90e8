/**
 * A number written the French way with a no-break space between thousands (« 12 500 », « 4,5 »):
 * `toLocaleString('fr-FR')` with U+00A0 for ICU's narrow no-break space, which some fonts lack.
 * Written here as the French locale writes it (the test compares both on many values): the shortest
 * decimal form of the number, rounded half away from zero to three decimals, its integer part grouped
 * by three. Creating the locale's formatter loads ICU's French data, about 5 ms of a `plume audit`
 * start; it is still used for what has no plain decimal form (1e21, 1e-7, NaN): one formatter for the
 * process, as `toLocaleString` builds a new one at every call.
 */
export function formatFrenchNumber(value: number): string {
  const written = decimalDigits(Math.abs(value));
  if (written !== null) {
    const negative = value < 0 || Object.is(value, -0);
    const [integer, fraction] = written;
    const grouped = groupThousands(integer);
    return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
  }
  formatter ??= new Intl.NumberFormat('fr-FR');
  return formatter.format(value).replace(/\u202f/g, '\u00a0');
}

let formatter: Intl.NumberFormat | undefined;

/** The integer and fraction digits of a non-negative number rounded to three decimals; null without a plain decimal form. */
function decimalDigits(value: number): [string, string] | null {
  const text = String(value);
  const match = /^(\d+)(?:\.(\d+))?$/u.exec(text);
  if (match === null) return null;
  let integer = match[1] as string;
  let fraction = match[2] ?? '';
  if (fraction.length > 3) {
    const roundsUp = fraction.charCodeAt(3) >= 0x35;
    fraction = fraction.slice(0, 3);
    if (roundsUp) {
      const digits = (BigInt(integer + fraction) + 1n).toString().padStart(4, '0');
      integer = digits.slice(0, -3);
      fraction = digits.slice(-3);
    }
  }
  return [integer, fraction.replace(/0+$/u, '')];
}

function groupThousands(digits: string): string {
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let index = grouped.length; index < digits.length; index += 3) {
    grouped += `\u00a0${digits.slice(index, index + 3)}`;
  }
  return grouped;
}
