/**
 * What one engagement source's sync hands back: its events, a problem told
 * for people, and how to record its new position once the events are safely
 * in the log.
 */
import type {SyncCursors} from '../adapters/connections';
import type {HttpError} from '../adapters/http';
import type {StopReason} from '../core/sync/cursors';
import type {SyncedEvent} from '../core/sync/events';
import {problemOf} from './network-clients';

export interface SourceRun {
  label: string;
  events: SyncedEvent[];
  /** What went wrong, written for the user; '' when all went well. */
  problem: string;
  /** Records this source's new position (applied after the append). */
  commit: (cursors: SyncCursors) => void;
}

export type Stopped = {reason: StopReason; error?: unknown} | null;

const stopMessage: Record<Exclude<StopReason, 'error'>, string> = {
  'rate-limited': '',
  time: 'stopped before the 6-minute limit; the next sync continues where this one stopped.',
  budget:
    'stopped at the read budget you set; the next sync continues where this one stopped.',
};

export function sourceProblem(
  stopped: Stopped,
  describe: (e: HttpError) => string,
): string {
  if (!stopped) return '';
  if (stopped.reason === 'error' || stopped.reason === 'rate-limited') {
    return problemOf(stopped.error, describe);
  }
  return stopMessage[stopped.reason];
}
