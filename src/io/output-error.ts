/**
 * Plume could not write its output: the disk is full, read-only or not ours, a name is too long, a
 * path is not a folder, or a name would land outside the output folder. Bad setup or input, not a
 * bug: the CLI prints the French message as one line and exits 2.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  /** The `errno` code behind it (`ENOSPC`, `EROFS`…), or `outside` for a name escaping the folder. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** Checks the `name`, not the prototype, so errors crossing a thread or a duplicated module still match. */
  static isInstance(error: unknown): error is OutputError {
    return error instanceof Error && error.name === 'OutputError';
  }
}

/** Why a write failed, in French, by `errno` code: what the user can do about it. */
const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'le disque est plein',
  EDQUOT: 'le quota disque est atteint',
  EROFS: 'le système de fichiers est en lecture seule',
  EACCES: 'permission refusée',
  EPERM: 'opération non permise',
  ENAMETOOLONG: 'le nom de fichier est trop long',
  ENOTDIR: 'un élément du chemin n’est pas un dossier',
  EISDIR: 'le chemin désigne un dossier',
  EEXIST: 'un fichier du même nom existe déjà',
  ENOENT: 'le dossier n’existe pas',
  EPIPE: 'la sortie a été fermée',
  EIO: 'erreur d’entrée-sortie du disque',
  EMFILE: 'trop de fichiers ouverts',
  EFBIG: 'le fichier est trop gros',
};

/** Longest part of a path quoted in a message: a 5,000-character name must not fill the terminal. */
const MAX_QUOTED_PATH = 80;

/**
 * The `OutputError` for a failed write of `path`, or undefined when `error` is not a file-system
 * error (then it is a bug and stays one).
 */
export function toOutputError(error: unknown, path: string): OutputError | undefined {
  if (OutputError.isInstance(error)) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !(code in REASONS)) return undefined;
  return new OutputError(code, `impossible d’écrire ${quotePath(path)} : ${REASONS[code]} (${code}).`, {
    cause: error,
  });
}

/** `path`, shortened in its middle when too long, control characters shown as `?`. */
export function quotePath(path: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced.
  const visible = path.replace(/[\u0000-\u001f\u007f]/g, '?');
  if (visible.length <= MAX_QUOTED_PATH) return visible;
  const half = Math.floor((MAX_QUOTED_PATH - 1) / 2);
  return `${visible.slice(0, half)}…${visible.slice(visible.length - half)}`;
}
