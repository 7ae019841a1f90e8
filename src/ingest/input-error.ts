/** Largest source Plume accepts, in bytes: far above any article, low enough to refuse a stray binary or dump. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** Why a source was refused. Stable: the CLI maps every code to exit code 2, tests match on it. */
export type InputErrorCode =
  | 'empty'
  | 'not-found'
  | 'not-a-file'
  | 'too-large'
  | 'binary'
  | 'invalid-utf8'
  | 'unreadable'
  | 'unsupported-format'
  | 'no-article'
  /** An imposed slug, URL or date that cannot be published (front matter, library option): French message. */
  | 'invalid-metadata';

/**
 * A source Plume cannot read: bad input, not a bug. The message is one English line meant to be
 * printed as-is by the CLI.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly code: InputErrorCode;

  constructor(code: InputErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** Checks the `name`, not the prototype, so errors crossing a duplicated module copy still match. */
  static isInstance(error: unknown): error is InputError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'InputError' &&
      typeof (error as { code?: unknown }).code === 'string'
    );
  }
}
