/**
 * Reading the Interactions log: rows of cells (LOG_HEADERS order, A:K, the
 * header row already removed) into Interactions. A log is typed by hand,
 * pasted from exports and appended by syncs, so a bad row is counted and
 * skipped, never thrown: the user sees "3 rows have an unknown kind".
 * Built for a million rows: every distinct cell text is parsed once.
 */
import {parseAmount as readAmount} from './amounts';
import {textOf} from './cells';
import {parseWhen} from './dates';
import {
  parseChannel,
  parseDirection,
  parseKind,
  valueClassOf,
  type Direction,
  type KindInfo,
} from './kinds';
import {logColumn, type Interaction} from './model';

export interface LogWarnings {
  /** Rows whose Kind no spelling in kinds.ts matches. */
  unknownKinds: number;
  /** Rows whose When is empty or not a date. */
  badDates: number;
  /** Rows whose Direction is unknown, missing for a two-way kind, or wrong for the kind. */
  badDirections: number;
  /** Rows without a Supporter ID. */
  missingSupporter: number;
  /** Rows dated after `now`: kept out of every score until their time comes. */
  future: number;
  /** Repeats of an event already read (same supporter and Event ID, or an identical row). */
  duplicates: number;
  /** A few examples with their sheet row numbers, for the user. */
  samples: string[];
}

export interface ParsedLog {
  events: Interaction[];
  warnings: LogWarnings;
}

export interface ParseLogOptions {
  /** Events after this instant are counted as `future` and left out. */
  now?: Date;
  /** The sheet row of `rows[0]` (default 2: row 1 holds the headers). */
  firstRow?: number;
  /** How many example problems to keep (default 10). */
  maxSamples?: number;
  /**
   * Only the rows of these Supporter IDs are read; every other row is passed
   * over before any of its cells is parsed, and counted nowhere. Scoring a
   * few people (logging from the sidebar) then costs a glance at each of a
   * million rows, not their parsing. The ID is matched as parsed (trimmed).
   */
  supporters?: ReadonlySet<string>;
}

const WHEN = logColumn('When');
const SUPPORTER = logColumn('Supporter ID');
const DIRECTION = logColumn('Direction');
const KIND = logColumn('Kind');
const CHANNEL = logColumn('Channel');
const AMOUNT = logColumn('Amount');
const NOTE = logColumn('Note');
const LINK = logColumn('Link');
const SOURCE = logColumn('Source');
const EVENT_ID = logColumn('Event ID');

function isBlank(row: readonly unknown[]): boolean {
  for (const cell of row) {
    if (cell !== '' && cell !== null && cell !== undefined) return false;
  }
  return true;
}

/** An Amount cell: a number, or null when blank or unreadable. */
export function parseAmount(cell: unknown): number | null {
  const amount = readAmount(cell);
  return amount === null || Number.isNaN(amount) ? null : amount;
}

/**
 * Memoises a parser over the distinct texts of a column. Consecutive rows
 * often repeat a text (a sync appends a run of likes), so the last one is
 * checked before the map.
 */
function memo<T>(parse: (t: string) => T): (t: string) => T {
  const seen = new Map<string, T>();
  let lastText: string | undefined;
  let lastValue: T;
  return t => {
    if (t === lastText) return lastValue;
    let v = seen.get(t);
    if (v === undefined && !seen.has(t)) {
      v = parse(t);
      seen.set(t, v);
    }
    lastText = t;
    lastValue = v as T;
    return lastValue;
  };
}

/**
 * Parses the log. Never throws on a bad row: it is skipped and counted in
 * `warnings` (each row in one count only). Duplicates keep the first copy.
 * A row with an empty Direction is accepted when its kind has only one
 * direction ("thanks" is always ours, "donation" always theirs).
 */
export function parseLog(
  rows: readonly (readonly unknown[])[],
  timeZone: string,
  options: ParseLogOptions = {},
): ParsedLog {
  const nowMs = options.now ? options.now.getTime() : Infinity;
  const firstRow = options.firstRow ?? 2;
  const maxSamples = options.maxSamples ?? 10;
  const only = options.supporters;
  const warnings: LogWarnings = {
    unknownKinds: 0,
    badDates: 0,
    badDirections: 0,
    missingSupporter: 0,
    future: 0,
    duplicates: 0,
    samples: [],
  };
  const note = (i: number, problem: string) => {
    if (warnings.samples.length < maxSamples) {
      warnings.samples.push(`Row ${firstRow + i}: ${problem}`);
    }
  };
  const kindOf = memo<KindInfo | null>(parseKind);
  const directionOf = memo<Direction | null>(parseDirection);
  const channelOf = memo(parseChannel);
  // Supporter id → a number, and one shared string per supporter: scoring
  // then looks up 50,000 warm strings instead of a million scattered ones.
  // (A prototype-less object: V8 finds string keys faster than a Map does.)
  const supporterNumbers: Record<string, number | undefined> =
    Object.create(null);
  const supporterIds: string[] = [];
  // Memoised as a number: each event gets its own Date (Dates are mutable).
  const whenMsOf = memo(t => parseWhen(t, timeZone)?.getTime() ?? NaN);
  // Read rows into events; repeats are found afterwards, per supporter.
  const read: Interaction[] = [];
  const owner = new Int32Array(rows.length);
  const fingerprint = new Int32Array(rows.length);
  const rowOf = new Int32Array(rows.length);

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    const supporterId = textOf(row[SUPPORTER]);
    if ((only && !only.has(supporterId)) || isBlank(row)) continue;
    const whenCell = row[WHEN];
    const when =
      typeof whenCell === 'string'
        ? new Date(whenMsOf(whenCell))
        : parseWhen(whenCell, timeZone);
    if (!when || Number.isNaN(when.getTime())) {
      warnings.badDates++;
      note(i, `"${textOf(whenCell)}" is not a date`);
      continue;
    }
    if (!supporterId) {
      warnings.missingSupporter++;
      note(i, 'no Supporter ID');
      continue;
    }
    const kindText = textOf(row[KIND]);
    const kind = kindOf(kindText);
    if (!kind) {
      warnings.unknownKinds++;
      note(i, `unknown kind "${kindText}"`);
      continue;
    }
    const directionText = textOf(row[DIRECTION]);
    let direction = directionText ? directionOf(directionText) : null;
    if (!directionText && kind.directions.length === 1)
      direction = kind.directions[0];
    if (!direction || !kind.directions.includes(direction)) {
      warnings.badDirections++;
      note(
        i,
        directionText
          ? `"${directionText}" does not fit the kind "${kind.id}"`
          : `no Direction for "${kind.id}" (inbound or outbound?)`,
      );
      continue;
    }
    if (when.getTime() > nowMs) {
      warnings.future++;
      note(i, 'dated in the future');
      continue;
    }
    let who = supporterNumbers[supporterId];
    if (who === undefined) {
      who = supporterIds.length;
      supporterNumbers[supporterId] = who;
      supporterIds.push(supporterId);
    }
    const event: Interaction = {
      when,
      supporterId: supporterIds[who],
      direction,
      kind: kind.id,
      channel: channelOf(textOf(row[CHANNEL])),
      valueClass: valueClassOf(direction, kind.id),
      amount: parseAmount(row[AMOUNT]),
      note: textOf(row[NOTE]),
      link: textOf(row[LINK]),
      source: textOf(row[SOURCE]),
      eventId: textOf(row[EVENT_ID]),
    };
    owner[read.length] = who;
    fingerprint[read.length] = fingerprintOf(event);
    rowOf[read.length] = i;
    read.push(event);
  }
  const repeated = findRepeats(read, owner, fingerprint, supporterIds.length);
  if (!repeated.includes(1)) return {events: read, warnings};
  const events: Interaction[] = [];
  for (let k = 0; k < read.length; k++) {
    if (!repeated[k]) {
      events.push(read[k]);
    } else {
      warnings.duplicates++;
      note(rowOf[k], 'repeats an earlier event');
    }
  }
  return {events, warnings};
}

/**
 * A 32-bit hash of what makes an event unique before its supporter: the
 * Event ID, or the time for rows without one. Equal events have equal
 * fingerprints; equal fingerprints are then compared in full.
 */
function fingerprintOf(e: Interaction): number {
  const id = e.eventId;
  if (!id) return (e.when.getTime() % 2147483648) | 0;
  let h = 0x811c9dc5; // FNV-1a
  for (let c = 0; c < id.length; c++)
    h = Math.imul(h ^ id.charCodeAt(c), 0x01000193);
  return h;
}

/** The same event: same Event ID, or (both without one) the same row. */
function sameEvent(a: Interaction, b: Interaction): boolean {
  if (a.eventId || b.eventId) return a.eventId === b.eventId;
  return (
    a.when.getTime() === b.when.getTime() &&
    a.direction === b.direction &&
    a.kind === b.kind &&
    a.channel === b.channel &&
    a.amount === b.amount &&
    a.note === b.note &&
    a.link === b.link &&
    a.source === b.source
  );
}

/**
 * Flags every event that repeats an earlier one of the same supporter.
 * With an Event ID, the same id is the same event (only per supporter: a
 * network may reuse a post's id for every liker). Without one, the same
 * event is the same row after parsing ('RT' and 'retweet' typed for the same
 * moment are one event).
 *
 * Why fingerprints and a counting sort: at a million rows, looking events up
 * by id in one big table costs a cache miss per row. Grouped by supporter,
 * the fingerprints are read in order and only true repeats (or the rare
 * hash collision) touch the events themselves.
 */
function findRepeats(
  events: readonly Interaction[],
  owner: Int32Array,
  fingerprint: Int32Array,
  people: number,
): Uint8Array {
  const n = events.length;
  const start = new Int32Array(people + 1);
  for (let k = 0; k < n; k++) start[owner[k] + 1]++;
  for (let p = 1; p <= people; p++) start[p] += start[p - 1];
  const order = new Int32Array(n);
  const hash = new Int32Array(n);
  const next = start.slice(0, people);
  for (let k = 0; k < n; k++) {
    const at = next[owner[k]]++;
    order[at] = k;
    hash[at] = fingerprint[k];
  }
  const repeated = new Uint8Array(n);
  // Fingerprint → the event(s) with it, for one supporter at a time.
  const seen = new Map<number, number | number[]>();
  for (let p = 0; p < people; p++) {
    seen.clear();
    for (let j = start[p]; j < start[p + 1]; j++) {
      const k = order[j];
      const earlier = seen.get(hash[j]);
      if (earlier === undefined) {
        seen.set(hash[j], k);
        continue;
      }
      const list = typeof earlier === 'number' ? [earlier] : earlier;
      if (list.some(other => sameEvent(events[k], events[other]))) {
        repeated[k] = 1;
      } else {
        list.push(k);
        seen.set(hash[j], list);
      }
    }
  }
  return repeated;
}
