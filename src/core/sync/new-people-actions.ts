/**
 * The one-click actions of the New people sheet, planned without touching a
 * sheet: "Add as supporter" makes a tracker row with the person's name, handle
 * and a new supporter id; "Match to suggested" (or "Match to S-XXXXXX")
 * writes the handle into an existing supporter's handle column for that
 * network. Either way the next sync matches the person's engagement by that
 * handle.
 */
import {cellString, Field, handleFieldOf, newSupporterId} from '../columns';
import {
  IdentityIndex,
  Handle,
  NETWORK_LABELS,
  normaliseHandle,
  SupporterIdentity,
} from '../handles';
import type {PersonSeen} from './events';
import {handledStatus, personKeys} from './matching';

export const ACTION_ADD = 'Add as supporter';
export const ACTION_MATCH_SUGGESTED = 'Match to suggested';
/** The dropdown; "Match to S-XXXXXX" is typed, so the list allows other text. */
export const NEW_PEOPLE_ACTIONS = [ACTION_ADD, ACTION_MATCH_SUGGESTED];

export type NewPeopleAction =
  | {kind: 'add'}
  /** supporterId null: the supporter the sheet suggests. */
  | {kind: 'match'; supporterId: string | null};

const ID_TEXT = /^(?:match\s+(?:to\s+)?)?(s-[0-9a-z]{6})$/i;

/** What an Action cell asks for, or null when it is not an action. */
export function parseAction(text: string): NewPeopleAction | null {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.toLowerCase() === ACTION_ADD.toLowerCase()) return {kind: 'add'};
  if (clean.toLowerCase() === ACTION_MATCH_SUGGESTED.toLowerCase()) {
    return {kind: 'match', supporterId: null};
  }
  const m = ID_TEXT.exec(clean);
  return m ? {kind: 'match', supporterId: m[1].toUpperCase()} : null;
}

/** The id in a suggestion like "Maya Ode (S-7K3Q2X)", or ''. */
export function suggestedId(suggestion: string): string {
  return /\((S-[0-9A-Z]{6})\)\s*$/i.exec(suggestion)?.[1].toUpperCase() ?? '';
}

/** The tracker as the planner needs it (readTracker gives all of it). */
export interface TrackerView {
  /** The tracker's data range; a new row goes right below it. */
  values: readonly unknown[][];
  fields: Partial<Record<Field, number>>;
  supporters: readonly SupporterIdentity[];
  idSeed: string;
}

/** One row of tracker cells to write in one setValues, from `column` on. */
export interface TrackerWrite {
  row: number;
  column: number;
  values: string[];
  /** Columns holding text from the networks: plain text before the write. */
  textColumns: number[];
}

export type ActionPlan =
  | {
      ok: true;
      /** The Status cell: "Added as S-…", "Matched to Maya Ode". */
      status: string;
      /** null when the tracker already says so (nothing to write). */
      write: TrackerWrite | null;
      /** For the toast. */
      message: string;
    }
  | {ok: false; problem: string};

const fail = (problem: string): ActionPlan => ({ok: false, problem});

const whoIs = (s: SupporterIdentity) =>
  s.name ? `${s.name} (${s.id})` : (s.id ?? '');

/** The handle to write into the tracker: X needs the username, the others accept their id. */
export function trackerHandle(person: PersonSeen): Handle | null {
  const raw = person.handle || (person.network === 'x' ? '' : person.id);
  const h = normaliseHandle(person.network, raw);
  return h.ok ? h : null;
}

const LATER =
  'Engagement from before this was counted here but not logged; from now on each sync logs it to them.';

export function planNewPeopleAction(
  person: PersonSeen,
  suggestion: string,
  action: NewPeopleAction,
  tracker: TrackerView,
): ActionPlan {
  const label = NETWORK_LABELS[person.network];
  const handle = trackerHandle(person);
  if (!handle) {
    return fail(
      `Whuffie does not know this person's ${label} handle yet, so nothing can be written to your tracker. Try again after the next sync.`,
    );
  }
  const handleColumn = tracker.fields[handleFieldOf(person.network)];
  if (handleColumn === undefined) {
    return fail(
      `Your tracker has no ${label} handle column. Add one (a "${label}" header) and choose Social CRM › Set up tracker, then try again.`,
    );
  }
  const index = new IdentityIndex<SupporterIdentity>(
    tracker.supporters.filter(s => s.id),
  );
  const known = index.lookup(personKeys(person)).found;
  if (action.kind === 'add') {
    if (known) {
      return fail(
        `${handle.display} is already in your tracker: ${whoIs(known)}.`,
      );
    }
    return planAdd(person, handle, handleColumn, tracker);
  }
  const id = action.supporterId ?? suggestedId(suggestion);
  if (!id) {
    return fail(
      'There is no suggested supporter for this person. Type "Match to S-XXXXXX" with a supporter id, or choose Add as supporter.',
    );
  }
  const target = tracker.supporters.find(s => s.id?.toUpperCase() === id);
  if (!target?.row)
    return fail(`No supporter in your tracker has the id ${id}.`);
  const name = target.name || id;
  if (known && known.id !== target.id) {
    return fail(
      `${handle.display} is already in your tracker: ${whoIs(known)}.`,
    );
  }
  const current = cellString(
    tracker.values[target.row - 1]?.[handleColumn - 1],
  );
  const same = normaliseHandle(person.network, current);
  const status = handledStatus.matched(name);
  if (same.ok && same.value === handle.value) {
    return {
      ok: true,
      status,
      write: null,
      message: `${name} already has ${handle.display}.`,
    };
  }
  if (current) {
    return fail(
      `${name} already has the ${label} handle ${current}. Change it in your tracker if ${handle.display} is theirs too.`,
    );
  }
  return {
    ok: true,
    status,
    write: {
      row: target.row,
      column: handleColumn,
      values: [handle.display],
      textColumns: [handleColumn],
    },
    message: `Matched ${handle.display} to ${name}. ${LATER}`,
  };
}

function planAdd(
  person: PersonSeen,
  handle: Handle,
  handleColumn: number,
  tracker: TrackerView,
): ActionPlan {
  const {fields} = tracker;
  if (fields.supporterId === undefined) {
    return fail(
      'Your tracker has no Supporter ID column yet. Choose Social CRM › Set up tracker first.',
    );
  }
  const taken = new Set(
    tracker.supporters.map(s => s.id ?? '').filter(Boolean),
  );
  const id = newSupporterId(
    tracker.idSeed,
    `${person.network}|${handle.value}`,
    taken,
  );
  const name = person.name.trim() || handle.display;
  const cells = new Map<number, string>([
    [fields.supporterId, id],
    [handleColumn, handle.display],
  ]);
  const textColumns = [handleColumn];
  const put = (field: Field, value: string) => {
    const column = fields[field];
    if (column === undefined || !value) return false;
    cells.set(column, value);
    textColumns.push(column);
    return true;
  };
  if (!put('name', name)) {
    const [first, ...rest] = name.split(/\s+/);
    if (fields.lastName === undefined) put('firstName', name);
    else {
      put('firstName', first);
      put('lastName', rest.join(' '));
    }
  }
  const columns = [...cells.keys()];
  const from = Math.min(...columns);
  const to = Math.max(...columns);
  return {
    ok: true,
    status: handledStatus.added(id),
    write: {
      row: tracker.values.length + 1,
      column: from,
      values: Array.from(
        {length: to - from + 1},
        (_, i) => cells.get(from + i) ?? '',
      ),
      textColumns,
    },
    message: `Added ${name} (${handle.display}) to your tracker as ${id}. ${LATER}`,
  };
}
