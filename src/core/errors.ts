/**
 * An error whose message is written for the person using the add-on: what
 * was wrong and what to do. Entry points show it as is (toast, alert, sidebar);
 * any other error is a bug and is reported with a generic apology and logged.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof Error && e.name === 'UserError';
}
