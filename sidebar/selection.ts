/**
 * Following the user's selection in the tracker. There is no selection event
 * a sidebar can receive, so it polls: every 1.5 s one small call sends the
 * key of what it shows, and the server answers `{unchanged}` until the
 * selection or the selected row changes — then the same call carries the
 * whole view. Changes the sidebar makes pause the poll and hand back the
 * key after the change, so they are never reloaded or overwritten by a poll
 * that started before them.
 */
import type {
  BulkView,
  SelectionState,
  SupporterTarget,
  SupporterView,
} from '../src/api';
import {callServer, messageOf} from './server';
import {showError} from './status';

export type Current =
  | {kind: 'one'; supporter: SupporterView}
  | {kind: 'many'; bulk: BulkView}
  | {kind: 'none' | 'outside' | 'loading'; message: string};

const POLL_MS = 1500;
/** After a failed poll, wait longer before the next one. */
const RETRY_MS = 6000;

let current: Current = {kind: 'loading', message: 'Looking at your selection…'};
let key: string | null = null;
/** Bumped whenever the sidebar starts or ends a change. */
let epoch = 0;
let changes = 0;
let polling = false;
let pausedUntil = 0;
let lastFailure = '';
const listeners: ((current: Current) => void)[] = [];

export const currentSelection = (): Current => current;
export const selectionKey = (): string | null => key;

export function onSelectionChange(listener: (current: Current) => void): void {
  listeners.push(listener);
  listener(current);
}

export function show(next: Current): void {
  current = next;
  listeners.forEach(listener => listener(next));
}

function viewOf(state: Exclude<SelectionState, {unchanged: true}>): Current {
  switch (state.kind) {
    case 'one':
      return {kind: 'one', supporter: state.supporter};
    case 'many':
      return {kind: 'many', bulk: state.bulk};
    default:
      return {kind: state.kind, message: state.message};
  }
}

/**
 * Runs a change the sidebar makes (a tag, a note, a log entry). Polls wait
 * for it, and its answer's `selectionKey` becomes the key the poll sends
 * (null: the selection moved meanwhile, so the next poll reloads).
 */
export async function change<T extends {selectionKey: string | null}>(
  work: () => Promise<T>,
): Promise<T> {
  changes++;
  epoch++;
  try {
    const result = await work();
    key = result.selectionKey;
    return result;
  } finally {
    changes--;
    epoch++;
  }
}

async function poll(): Promise<void> {
  if (polling || changes > 0 || Date.now() < pausedUntil) return;
  if (document.visibilityState === 'hidden') return;
  polling = true;
  const started = epoch;
  try {
    const state = await callServer('getSelectionState', key);
    lastFailure = '';
    if (started !== epoch) return;
    key = state.key;
    if (!state.unchanged) show(viewOf(state));
  } catch (e) {
    const message = messageOf(e);
    // A failing poll repeats every tick: say it once, then back off.
    if (message !== lastFailure) showError(message);
    lastFailure = message;
    pausedUntil = Date.now() + RETRY_MS;
  } finally {
    polling = false;
  }
}

export function startFollowingSelection(): void {
  void poll();
  window.setInterval(() => void poll(), POLL_MS);
}

/** Whom an action applies to: the selected person (by id when they have one) or the selected rows. */
export function targetOf(selection: Current): SupporterTarget | null {
  if (selection.kind === 'one') {
    const {id, row} = selection.supporter;
    return id ? {ids: [id]} : {rows: [{first: row, last: row}]};
  }
  if (selection.kind === 'many') return {rows: selection.bulk.rows};
  return null;
}
