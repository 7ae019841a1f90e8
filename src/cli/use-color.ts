import { styleText } from 'node:util';

/** The styles Plume's terminal output uses (a subset of `util.inspect.colors`). */
export type Style = 'bold' | 'red' | 'green' | 'yellow' | 'dim';

/** Paints text in a style, or returns it as is when colours are off. */
export type Paint = (style: Style, text: string) => string;

/**
 * Colours, by the conventions terminal tools share: `FORCE_COLOR` (other than 0) turns them on,
 * `NO_COLOR`, `NODE_DISABLE_COLORS` or `TERM=dumb` off, and otherwise only a terminal gets them.
 * The environment is the command's (injected), not necessarily the process's.
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.NODE_DISABLE_COLORS !== undefined || env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** A painter over `util.styleText`; the decision is `useColor`'s, so styleText does not check the stream again. */
export function createPaint(color: boolean | undefined): Paint {
  if (!color) return (_style, text) => text;
  return (style, text) => styleText(style, text, { validateStream: false });
}
