/**
 * Errors the user can fix (a bad flag, a bad config, a missing file). The CLI
 * prints `message` on one line and exits non-zero; tests check `code`.
 */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
