/**
 * Publishing failed for a reason the user can fix (credentials, rights, the site's REST API, the network,
 * a missing term). The message is French, one line, and never holds a password. Exit code 2.
 */
export class PublishError extends Error {
  override readonly name = 'PublishError';
  /** The post, when one was written before the failure: a rerun completes it, never duplicates it. */
  readonly postId: number | undefined;

  constructor(message: string, options: { cause?: unknown; postId?: number } = {}) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
    this.postId = options.postId;
  }

  static isInstance(error: unknown): error is PublishError {
    return error instanceof Error && error.name === 'PublishError';
  }
}
