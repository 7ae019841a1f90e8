import { InvalidArgumentError } from 'commander';
import { LOCALES } from '../article.js';

/** Commander parser for a positive whole number option. */
export function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw new InvalidArgumentError('un nombre entier positif est attendu.');
  return parsed;
}

/** Commander parser for a comma-separated list option. */
export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

export function isLocale(value: string): boolean {
  return (LOCALES as readonly string[]).includes(value);
}
