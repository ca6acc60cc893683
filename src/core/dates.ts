/**
 * Calendar arithmetic in the spreadsheet's time zone, without Temporal (Apps
 * Script's V8 lacks it) and without reading a clock.
 *
 * Days are plain integers: a "day number" counts days since 1970-01-01 in the
 * zone's own calendar, so a day difference is a subtraction and never off by
 * one across a DST change. Only `Intl.DateTimeFormat` knows zone offsets, and
 * it is slow (microseconds per call), so each zone keeps its offset per UTC
 * day, asking Intl about once per four days seen, never per event.
 */
import {UserError} from './errors';

export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_MINUTE = 60_000;

/** Sheets serial day number of 1970-01-01 (serial 0 is 1899-12-30). */
const SHEETS_EPOCH_SERIAL = 25569;

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

// ---------------------------------------------------------------------------
// The proleptic Gregorian calendar on day numbers (H. Hinnant's algorithms:
// exact for any year, no Date object, no zone).

export function daysFromCivil(
  year: number,
  month: number,
  day: number,
): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe -
      Math.floor(doe / 1460) +
      Math.floor(doe / 36524) -
      Math.floor(doe / 146096)) /
      365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidCivil(
  year: number,
  month: number,
  day: number,
): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1000 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(days: number): number {
  return (((days + 4) % 7) + 7) % 7;
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** 'YYYY-MM-DD' for a day number. */
export function formatDay(days: number): string {
  const {year, month, day} = civilFromDays(days);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The day number of a strict 'YYYY-MM-DD' date, or null. */
export function parseCivilDate(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidCivil(year, month, day)
    ? daysFromCivil(year, month, day)
    : null;
}

// ---------------------------------------------------------------------------
// Zone offsets.

/** A UTC day during which the zone's offset changes once. */
interface Transition {
  /** First instant (ms) with the new offset. */
  at: number;
  before: number;
  after: number;
}

interface Zone {
  /** Milliseconds to add to UTC for the wall clock at an instant. */
  offsetAt(ms: number): number;
}

const zones = new Map<string, Zone>();

/** month, day, year, hour, minute, second in Intl's en-US output. */
const WALL_RE = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;
const BLOCK_DAYS = 4;

const FIXED_UTC = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'z', 'zulu']);

function zoneFor(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = makeZone(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

function makeZone(timeZone: string): Zone {
  if (typeof timeZone !== 'string') throw badZone(timeZone);
  if (FIXED_UTC.has(timeZone.toLowerCase())) return {offsetAt: () => 0};
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw badZone(timeZone);
  }
  // format() and a regex is 2–3× faster than formatToParts(); the en-US
  // layout ("6/14/2024, 20:00:00") is fixed, and formatToParts stays the
  // fallback should an ICU update ever change it.
  const exact = (ms: number): number => {
    const whole = ms - (((ms % 1000) + 1000) % 1000);
    const date = new Date(whole);
    let f = WALL_RE.exec(format.format(date))?.map(Number);
    if (!f) {
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(date))
        parts[part.type] = Number(part.value);
      f = [
        0,
        parts.month,
        parts.day,
        parts.year,
        parts.hour,
        parts.minute,
        parts.second,
      ];
    }
    const wall =
      daysFromCivil(f[3], f[1], f[2]) * MS_PER_DAY +
      (f[4] % 24) * MS_PER_HOUR +
      f[5] * MS_PER_MINUTE +
      f[6] * 1000;
    return wall - whole;
  };
  const midnights = new Map<number, number>();
  const atMidnight = (utcDay: number): number => {
    let offset = midnights.get(utcDay);
    if (offset === undefined) {
      offset = exact(utcDay * MS_PER_DAY);
      midnights.set(utcDay, offset);
    }
    return offset;
  };
  // Per UTC day: the offset, or the one transition inside it. Intl is asked
  // once per block of BLOCK_DAYS days: equal offsets at both ends mean no
  // change inside, since no zone changes offset twice within a week (checked
  // against every tzdb zone, 1970–2040: the closest pair is 7 days apart).
  const days = new Map<number, number | Transition>();
  const fill = (utcDay: number): number | Transition => {
    const first = Math.floor(utcDay / BLOCK_DAYS) * BLOCK_DAYS;
    const offset = atMidnight(first);
    if (offset === atMidnight(first + BLOCK_DAYS)) {
      for (let d = first; d < first + BLOCK_DAYS; d++) days.set(d, offset);
    } else {
      for (let d = first; d < first + BLOCK_DAYS; d++) days.set(d, dayEntry(d));
    }
    return days.get(utcDay) as number | Transition;
  };
  const dayEntry = (utcDay: number): number | Transition => {
    const before = atMidnight(utcDay);
    const after = atMidnight(utcDay + 1);
    if (before === after) return before;
    // Binary search the first second with the new offset.
    let lo = utcDay * MS_PER_DAY;
    let hi = lo + MS_PER_DAY;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (exact(mid) === before) lo = mid;
      else hi = mid;
    }
    return {at: hi, before, after};
  };
  return {
    offsetAt(ms: number): number {
      const utcDay = Math.floor(ms / MS_PER_DAY);
      const entry = days.get(utcDay) ?? fill(utcDay);
      if (typeof entry === 'number') return entry;
      return ms < entry.at ? entry.before : entry.after;
    },
  };
}

function badZone(timeZone: unknown): UserError {
  return new UserError(
    `"${String(timeZone)}" is not a time zone this add-on knows. ` +
      'Set the spreadsheet\u2019s time zone in File \u2192 Settings and try again.',
  );
}

/** Throws a UserError unless `timeZone` is an IANA zone name Intl accepts. */
export function checkTimeZone(timeZone: string): void {
  zoneFor(timeZone);
}

/** Milliseconds to add to UTC to get the wall clock in `timeZone`. */
export function zoneOffsetMs(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return zoneFor(timeZone).offsetAt(ms);
}

/**
 * A fast day-number function for one zone: resolve the zone once, then call
 * it per event (tens of nanoseconds once the day's offset is cached).
 */
export function dayNumberIn(timeZone: string): (ms: number) => number {
  const zone = zoneFor(timeZone);
  return ms => Math.floor((ms + zone.offsetAt(ms)) / MS_PER_DAY);
}

/** Days since 1970-01-01 in `timeZone`'s calendar. */
export function dayNumber(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor((ms + zoneFor(timeZone).offsetAt(ms)) / MS_PER_DAY);
}

/** The date 'YYYY-MM-DD' an instant falls on in `timeZone`. */
export function dateIn(instant: Date | number, timeZone: string): string {
  return formatDay(dayNumber(instant, timeZone));
}

/**
 * Calendar days from `from` to `to` in `timeZone` (positive when `to` is
 * later). 23:59 → 00:01 the next day is 1; a 23-hour DST day still counts 1.
 */
export function daysBetween(from: Date, to: Date, timeZone: string): number {
  return dayNumber(to, timeZone) - dayNumber(from, timeZone);
}

/**
 * The instant a wall-clock time in `timeZone` names. A time skipped by a DST
 * jump moves forward with the jump (02:30 → 03:30); a time that happens twice
 * gives the first one. (Temporal's "compatible" disambiguation.)
 */
export function wallTimeToInstant(wallMs: number, timeZone: string): Date {
  const zone = zoneFor(timeZone);
  const early = zone.offsetAt(wallMs - MS_PER_DAY);
  const late = zone.offsetAt(wallMs + MS_PER_DAY);
  const t1 = wallMs - early;
  const t2 = wallMs - late;
  const ok1 = zone.offsetAt(t1) === early;
  const ok2 = zone.offsetAt(t2) === late;
  if (ok1 && ok2) return new Date(Math.min(t1, t2));
  if (ok2) return new Date(t2);
  return new Date(t1);
}

/** The first instant of a day (local midnight, or later on a DST-gap day). */
export function startOfDay(days: number, timeZone: string): Date {
  return wallTimeToInstant(days * MS_PER_DAY, timeZone);
}

// ---------------------------------------------------------------------------
// Cell values that mean "when".

const ISO_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const US_RE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
const EXPLICIT_ZONE_RE = /(?:\b(?:GMT|UTC)\b|[+-]\d{4}\b|Z$)/;

/** Sheets serial days (25569 = 1970-01-01, wall clock of the sheet) → wall ms. */
function serialToWallMs(serial: number): number | null {
  if (!Number.isFinite(serial) || serial <= 0 || serial >= 2958466) return null;
  return Math.round((serial - SHEETS_EPOCH_SERIAL) * MS_PER_DAY);
}

function wallMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number | null {
  if (
    !isValidCivil(year, month, day) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * MS_PER_HOUR +
    minute * MS_PER_MINUTE +
    second * 1000 +
    millis
  );
}

function zoneSuffixMs(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * MS_PER_HOUR + minutes * MS_PER_MINUTE);
}

/**
 * The instant a log cell names, or null. Accepts a Date (as `getValues`
 * returns), a Sheets serial number (wall clock in the sheet's zone), ISO text
 * with or without a time or offset ('2024-05-01', '2024-05-01 14:30',
 * '2024-05-01T14:30:00Z'), US text ('5/1/2024', '5/1/2024 2:30 PM'; read as
 * D/M/YYYY only when the first number cannot be a month), and other text
 * only when it states its own zone ('Wed Oct 10 20:19:24 +0000 2018').
 * Text without an offset is wall-clock time in `timeZone`.
 */
export function parseWhen(cell: unknown, timeZone: string): Date | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell;
  if (typeof cell === 'number') {
    const wall = serialToWallMs(cell);
    return wall === null ? null : wallTimeToInstant(wall, timeZone);
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  if (!text) return null;
  let m = ISO_RE.exec(text);
  if (m) {
    const millis = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
    const wall = wallMs(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      millis,
    );
    if (wall === null) return null;
    return m[8]
      ? new Date(wall - zoneSuffixMs(m[8]))
      : wallTimeToInstant(wall, timeZone);
  }
  m = US_RE.exec(text);
  if (m) {
    let [month, day] = [Number(m[1]), Number(m[2])];
    if (month > 12 && day <= 12) [month, day] = [day, month];
    let hour = Number(m[4] ?? 0);
    const meridiem = m[7]?.[0].toLowerCase();
    if (meridiem && (hour < 1 || hour > 12)) return null;
    if (meridiem === 'p' && hour < 12) hour += 12;
    if (meridiem === 'a' && hour === 12) hour = 0;
    const wall = wallMs(
      Number(m[3]),
      month,
      day,
      hour,
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      0,
    );
    return wall === null ? null : wallTimeToInstant(wall, timeZone);
  }
  if (EXPLICIT_ZONE_RE.test(text) && /[a-z]/i.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  return null;
}

// ---------------------------------------------------------------------------
// Birthdays.

/** A birthday; `year` is null when unknown (exports often omit it). */
export interface Birthday {
  month: number;
  day: number;
  year: number | null;
}

/**
 * Years that mean "no year": Apple Contacts writes 1604, some exports write
 * 1900 or 0000 for a birthday without one.
 */
const NO_YEAR_BEFORE = 1901;

function makeBirthday(
  month: number,
  day: number,
  year: number | null,
): Birthday | null {
  const y = year !== null && year >= NO_YEAR_BEFORE ? year : null;
  // Without a year, 29 February is a real birthday (validate in a leap year).
  if (!isValidCivil(y ?? 2000, month, day)) return null;
  return {month, day, year: y};
}

function monthFromName(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  return MONTH_NAMES.findIndex(name => name.toLowerCase().startsWith(w)) + 1;
}

/**
 * A birthday from a tracker cell, or null. Accepts a Date (its date in the
 * sheet's zone), a Sheets serial number, '1990-02-29', '--02-29' and
 * '--0229' (vCard, no year), '02/29' (Mailchimp's MM/DD), '2/29/1990',
 * '29.02.1990', '3 March', 'March 3rd, 1990', 'Mar 3'. Slashed dates are
 * month first unless the first number cannot be a month.
 */
export function parseBirthday(
  cell: unknown,
  timeZone: string,
): Birthday | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    const c = civilFromDays(dayNumber(cell, timeZone));
    return makeBirthday(c.month, c.day, c.year);
  }
  if (typeof cell === 'number') {
    const wall = serialToWallMs(cell);
    if (wall === null) return null;
    const c = civilFromDays(Math.floor(wall / MS_PER_DAY));
    return makeBirthday(c.month, c.day, c.year);
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return makeBirthday(Number(m[2]), Number(m[3]), Number(m[1]));
  m = /^--(\d{2})-?(\d{2})$/.exec(text);
  if (m) return makeBirthday(Number(m[1]), Number(m[2]), null);
  m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(text);
  if (m) {
    let [month, day] = [Number(m[1]), Number(m[2])];
    if (month > 12 && day <= 12) [month, day] = [day, month];
    return makeBirthday(month, day, m[3] ? Number(m[3]) : null);
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})?$/.exec(text);
  if (m)
    return makeBirthday(Number(m[2]), Number(m[1]), m[3] ? Number(m[3]) : null);
  m =
    /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+\.?),?(?:\s+(\d{4}))?$/i.exec(
      text,
    );
  if (m) {
    const month = monthFromName(m[2]);
    return month
      ? makeBirthday(month, Number(m[1]), m[3] ? Number(m[3]) : null)
      : null;
  }
  m = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i.exec(text);
  if (m) {
    const month = monthFromName(m[1]);
    return month
      ? makeBirthday(month, Number(m[2]), m[3] ? Number(m[3]) : null)
      : null;
  }
  return null;
}

/** The day number a birthday falls on in `year`; 29 Feb → 28 Feb in common years. */
export function birthdayOn(birthday: Birthday, year: number): number {
  const day =
    birthday.month === 2 && birthday.day === 29 && !isLeapYear(year)
      ? 28
      : birthday.day;
  return daysFromCivil(year, birthday.month, day);
}

/** Days from `today` (a day number) to the next celebration; 0 = today. */
export function daysUntilBirthday(birthday: Birthday, today: number): number {
  const {year} = civilFromDays(today);
  const thisYear = birthdayOn(birthday, year);
  return thisYear >= today
    ? thisYear - today
    : birthdayOn(birthday, year + 1) - today;
}

/** 'today', 'yesterday', '3 days ago': how long ago, for people. */
export function daysAgo(days: number): string {
  if (days <= 0) return 'today';
  return days === 1 ? 'yesterday' : `${days} days ago`;
}
