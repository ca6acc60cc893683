/**
 * What =WHUFFIE(), =RESPONSIVENESS(), =LAST_CONTACT() and =SUPPORTER_VALUE()
 * do. Custom functions may only read (PLATFORM.md), and each call is its own
 * execution, so:
 * - with the log passed in (`=WHUFFIE(A2:A, Interactions!A2:K)`) they score
 *   from the argument — and recompute whenever the log changes;
 * - without it they use the cached score table (two service calls per cell),
 *   computing and caching it from the sheets on a miss.
 */
import {LOG_HEADERS} from '../core/model';
import {
  buildScoreTable,
  FunctionRow,
  Lookup,
  lookupKeys,
  mapWho,
  TableEntry,
} from '../core/sheet-functions';
import {cachedEntries, storeTable} from '../adapters/function-cache';
import {scoreEveryone} from './scores';

function cells(who: unknown): unknown[] {
  return Array.isArray(who) ? who.flat() : [who];
}

function firstOf(map: ReadonlyMap<string, TableEntry | undefined>): Lookup {
  return keys => {
    for (const key of keys) {
      const entry = map.get(key);
      if (entry) return entry;
    }
    return undefined;
  };
}

/** A log range as passed in: without its header row if it was included. */
function logArgument(log: unknown): unknown[][] | null {
  if (!Array.isArray(log) || !log.length || !Array.isArray(log[0])) {
    return null;
  }
  const rows = log as unknown[][];
  return rows[0][0] === LOG_HEADERS[0] ? rows.slice(1) : rows;
}

function scoreTable(logRows?: unknown[][]) {
  const run = scoreEveryone(
    SpreadsheetApp.getActiveSpreadsheet(),
    new Date(),
    logRows,
  );
  return buildScoreTable(run.tracker.supporters, run.result.scores);
}

export function sheetFunction(
  who: unknown,
  log: unknown,
  pick: (row: FunctionRow) => number | Date | string,
): unknown {
  const rows = logArgument(log);
  if (rows) return mapWho(who, firstOf(scoreTable(rows)), pick);
  const keys = cells(who).flatMap(lookupKeys);
  const cached = cachedEntries(keys);
  if (cached) return mapWho(who, firstOf(cached), pick);
  const table = scoreTable();
  storeTable(table, Utilities.getUuid());
  return mapWho(who, firstOf(table), pick);
}
