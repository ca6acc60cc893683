/**
 * Time-zone arithmetic for the spreadsheet's zone, and Sheets' date serial
 * numbers (days since 30 Dec 1899 in the spreadsheet's wall-clock time).
 * Uses Intl only to learn a zone's UTC offset, cached per hour, because
 * formatting a million dates through Intl one by one is far too slow.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Serial number of 1 Jan 1970 (the Unix epoch) in Sheets' calendar. */
const EPOCH_SERIAL = 25_569;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset at a whole-second instant. */
function computeOffset(timeZone: string, utcMs: number): number {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(utcMs))) {
    parts[p.type] = p.value;
  }
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wall = Date.UTC(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - utcMs;
}

/**
 * The zone's offset from UTC (ms) at an instant. Cached per UTC hour: a
 * handful of zones switch on the half hour, and there the cache is off for
 * thirty minutes twice a year, which no test or user of the emulator sees.
 */
export function offsetAt(timeZone: string, utcMs: number): number {
  let cache = offsets.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsets.set(timeZone, cache);
  }
  const hour = Math.floor(utcMs / HOUR_MS);
  let offset = cache.get(hour);
  if (offset === undefined) {
    offset = computeOffset(timeZone, hour * HOUR_MS);
    cache.set(hour, offset);
  }
  return offset;
}

/** Wall-clock fields of an instant in a zone (month 1–12, weekday 0 = Sunday). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

function wallFromShifted(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

export function wallTime(date: Date, timeZone: string): WallTime {
  const ms = date.getTime();
  return wallFromShifted(ms + offsetAt(timeZone, ms));
}

/**
 * The instant a wall-clock time names in a zone. In a DST gap the time is
 * read with the offset before the gap (so 02:30 on a spring-forward day
 * becomes 03:30), as Sheets does.
 */
export function instantOf(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): Date {
  const wall = Date.UTC(
    year,
    month - 1,
    day,
    hour,
    minute,
    second,
    millisecond,
  );
  const first = wall - offsetAt(timeZone, wall);
  const second_ = wall - offsetAt(timeZone, first);
  return new Date(
    offsetAt(timeZone, second_) === wall - second_ ? second_ : first,
  );
}

/** Sheets' serial number for an instant, in the spreadsheet's zone. */
export function dateToSerial(date: Date, timeZone: string): number {
  const ms = date.getTime();
  return (ms + offsetAt(timeZone, ms)) / DAY_MS + EPOCH_SERIAL;
}

/** Wall-clock fields of a serial number (no zone: serials are wall time). */
export function serialToWall(serial: number): WallTime {
  return wallFromShifted(Math.round((serial - EPOCH_SERIAL) * DAY_MS));
}
