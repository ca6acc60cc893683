/**
 * Every write runs under the document lock, so two people (or a trigger and a
 * person) never interleave writes to the add-on's cells.
 */
import {UserError} from '../core/errors';

const WAIT_MS = 20000;

export function withDocumentLock<T>(work: () => T): T {
  // A time-driven trigger has no current document, so no document lock:
  // the script lock (all of this user's runs) is the next best guard.
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(WAIT_MS)) {
    throw new UserError(
      'Whuffie is busy with another update to this spreadsheet (someone else, or the daily run). Try again in a minute.',
    );
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
