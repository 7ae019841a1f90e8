/** Exit codes of the `plume` command, as documented in the README. */
export const EXIT_CODES = Object.freeze({
  /** Done, and every hard constraint holds. */
  ok: 0,
  /** Internal error: a bug, reported with a short message. */
  internal: 1,
  /** Bad input or usage. */
  badInput: 2,
  /** Written, but a hard constraint failed (the report says which). */
  constraintFailed: 3,
  /** Stopped by Ctrl-C; nothing was written. */
  interrupted: 130,
});
