/**
 * Apps Script services throw plain `Error`s named 'Exception', so a script
 * sees `e.message === 'Lock timeout: …'` and `String(e)` reads
 * `Exception: Lock timeout: …`, exactly as in the execution log.
 */
export function exception(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** A mistake in how the emulator itself was driven (not something a script did). */
export class EmulatorUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmulatorUsageError';
  }
}
