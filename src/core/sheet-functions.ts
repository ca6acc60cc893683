/**
 * The logic behind =WHUFFIE(), =RESPONSIVENESS(), =LAST_CONTACT() and
 * =SUPPORTER_VALUE(): a compact lookup table from every way of naming a
 * supporter (id, email, handle in any spelling, name) to the numbers the
 * functions return, and the mapping of a cell or a whole range over it.
 *
 * The table is what the adapter keeps in CacheService, cut into buckets by
 * key, so a per-cell call reads one bucket instead of the whole log.
 */
import {isEmptyCell} from './columns';
import {IdentityIndex, parseIdentity, SupporterIdentity} from './handles';
import {SupporterScore} from './scoring';

/** What the functions can return for one supporter. */
export interface FunctionRow {
  id: string;
  whuffie: number;
  responsiveness: number;
  /** Milliseconds since the epoch; null when there was never any contact. */
  lastContact: number | null;
  promotion: number;
  action: number;
  /** Memberships and donations: the total amount. */
  donations: number;
}

/** A key that names more than one supporter (two people called "Sam Lee"). */
export const AMBIGUOUS = 'ambiguous';
export type TableEntry = FunctionRow | typeof AMBIGUOUS;
export type ScoreTable = Map<string, TableEntry>;

const MEASURES = ['promotion', 'action', 'donations'] as const;
export type Measure = (typeof MEASURES)[number];

const NO_SCORE: Omit<FunctionRow, 'id'> = {
  whuffie: 0,
  responsiveness: 0,
  lastContact: null,
  promotion: 0,
  action: 0,
  donations: 0,
};

/** Every identity key of every supporter → their numbers. */
export function buildScoreTable(
  supporters: readonly SupporterIdentity[],
  scores: ReadonlyMap<string, SupporterScore>,
): ScoreTable {
  // One row per supporter, shared by all of their keys.
  const rows = new Map<SupporterIdentity, FunctionRow>();
  const rowOf = (supporter: SupporterIdentity): FunctionRow => {
    let row = rows.get(supporter);
    if (row) return row;
    const id = supporter.id!;
    const score = scores.get(id);
    row = score
      ? {
          id,
          whuffie: score.whuffie,
          responsiveness: score.responsiveness,
          lastContact: score.lastContact?.getTime() ?? null,
          promotion: score.value.promotion,
          action: score.value.action,
          donations: score.value.amount,
        }
      : {id, ...NO_SCORE};
    rows.set(supporter, row);
    return row;
  };
  const table: ScoreTable = new Map();
  // The index holds every key of every supporter with an id, once.
  const index = new IdentityIndex(supporters.filter(s => s.id));
  for (const [key, holders] of index.entries()) {
    table.set(key, holders.length > 1 ? AMBIGUOUS : rowOf(holders[0]));
  }
  return table;
}

/** The keys a lookup text may match, most specific first. */
export function lookupKeys(who: unknown): string[] {
  return parseIdentity(who)?.keys ?? [];
}

/** A stable small number for a key: which cache bucket holds it. */
export function bucketOf(key: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0) % buckets;
}

export type Lookup = (keys: readonly string[]) => TableEntry | undefined;

/** The message for a name that matches no one (Sheets shows it as #ERROR!). */
function unknownMessage(who: unknown, entry: TableEntry | undefined) {
  const text = String(who).trim();
  return entry === AMBIGUOUS
    ? `#N/A: "${text}" matches more than one supporter; use their Supporter ID, email or handle.`
    : `#N/A: no supporter matches "${text}". Use a Supporter ID, email or handle (any spelling).`;
}

/**
 * Applies a function to a single cell or a range. A single cell returns its
 * value (or throws the #N/A message, which Sheets shows as #ERROR! with the
 * message as its tooltip); a range returns a column of the same height with
 * '' for blank cells and the message as text for unknown ones.
 */
export function mapWho(
  who: unknown,
  lookup: Lookup,
  pick: (row: FunctionRow) => number | Date | string,
): unknown {
  const one = (cell: unknown, single: boolean) => {
    if (isEmptyCell(cell)) return '';
    const entry = lookup(lookupKeys(cell));
    if (entry && entry !== AMBIGUOUS) return pick(entry);
    if (single) throw new Error(unknownMessage(cell, entry));
    return unknownMessage(cell, entry);
  };
  if (!Array.isArray(who)) return one(who, true);
  return who.map(row => [one(Array.isArray(row) ? row[0] : row, false)]);
}

/** Reads the measure argument of SUPPORTER_VALUE. */
export function parseMeasure(text: unknown): Measure {
  const measure = String(text ?? '')
    .trim()
    .toLowerCase();
  if ((MEASURES as readonly string[]).includes(measure)) {
    return measure as Measure;
  }
  throw new Error(
    `SUPPORTER_VALUE needs "promotion", "action" or "donations" as its second argument, not "${String(text ?? '')}".`,
  );
}
