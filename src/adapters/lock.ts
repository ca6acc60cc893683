/**
 * Every write runs under the document lock, so two people (or a trigger and a
 * person) never interleave writes to the add-on's cells.
 */
import {UserError} from '../core/errors';

const WAIT_MS = 20000;

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) {
    // No document (e.g. a time-driven trigger before it opened its sheet):
    // the caller opens the spreadsheet first, so this is a bug, not a user issue.
    throw new Error('withDocumentLock needs an open document');
  }
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
