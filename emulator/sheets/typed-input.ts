/**
 * How Sheets reads text typed into a cell (en_US locale) — which is also how
 * it reads strings a script writes with setValue(s) or appendRow: '1,000'
 * becomes 1000, 'true' becomes TRUE, '2026-09-01' and '9/1' become dates,
 * '007' becomes 7, '10%' becomes 0.1. A leading apostrophe keeps the rest as
 * text. ISO timestamps with a `T` ('2026-09-01T14:03:11Z') stay text, as in
 * Sheets.
 *
 * This runs on every string of a setValues(), so the common case (a name, a
 * URL, an id) is rejected after looking at one or two characters.
 */
import type {CellValue} from '../workbook';
import {MONTHS} from '../calendar-names';
import {instantOf, wallTime} from './zones';

/** A parse result: the value and the number format typing it would set. */
export interface TypedValue {
  value: CellValue;
  /** Set when the text implies a format ('1,000' → '#,##0'); null otherwise. */
  format: string | null;
}

const FULL_MONTHS = MONTHS.map(m => m.toLowerCase());
const MONTH_NAMES = FULL_MONTHS.map(m => m.slice(0, 3));

const NUMBER =
  /^([+-])?(\$)?([+-])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?(%)?$/;
const TIME =
  '(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?\\s*([aApP][mM])?';
const ISO_DATE = new RegExp(
  `^(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})(?:\\s+${TIME})?$`,
);
const US_DATE = new RegExp(
  `^(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?:\\s+${TIME})?$`,
);
const TIME_ONLY = new RegExp(`^${TIME}$`);
const MONTH_FIRST = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:(?:,\s*|\s+)(\d{4}))?$/;
const DAY_FIRST = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?$/;

function monthFromName(name: string): number {
  const lower = name.toLowerCase();
  const full = FULL_MONTHS.indexOf(lower);
  if (full >= 0) return full + 1;
  const short = lower === 'sept' ? 8 : MONTH_NAMES.indexOf(lower);
  return short >= 0 ? short + 1 : 0;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Two-digit years: 00–29 are 2000s, 30–99 are 1900s (Sheets' cutoff). */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

interface Clock {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const MIDNIGHT: Clock = {hour: 0, minute: 0, second: 0, millisecond: 0};

function readClock(
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  ms: string | undefined,
  meridiem: string | undefined,
): Clock | null {
  if (h === undefined || mi === undefined) return MIDNIGHT;
  let hour = Number(h);
  const minute = Number(mi);
  const second = s ? Number(s) : 0;
  if (minute > 59 || second > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem.toLowerCase() === 'pm';
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  const millisecond = ms ? Number(ms.padEnd(3, '0')) : 0;
  return {hour, minute, second, millisecond};
}

function makeDate(
  year: number,
  month: number,
  day: number,
  clock: Clock,
  timeZone: string,
): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return instantOf(
    timeZone,
    year,
    month,
    day,
    clock.hour,
    clock.minute,
    clock.second,
    clock.millisecond,
  );
}

function timeSuffix(m: RegExpExecArray, at: number): string {
  if (m[at] === undefined) return '';
  const seconds = m[at + 2] !== undefined ? ':ss' : '';
  return m[at + 4] ? ` h:mm${seconds} am/pm` : ` H:mm${seconds}`;
}

function parseNumber(text: string): TypedValue | null {
  const m = NUMBER.exec(text);
  if (!m || (m[1] && m[3])) return null;
  const sign = m[1] ?? m[3];
  const currency = m[2] === '$';
  const digits = m[4];
  const hasGroups = digits.includes(',');
  let value = Number(digits.replace(/,/g, '') + (m[5] ? `e${m[5]}` : ''));
  if (!Number.isFinite(value)) return null;
  if (sign === '-') value = -value;
  const decimals = digits.includes('.')
    ? digits.length - digits.indexOf('.') - 1
    : 0;
  if (m[6]) {
    if (currency) return null;
    return {value: value / 100, format: decimals ? '0.00%' : '0%'};
  }
  if (currency) return {value, format: '"$"#,##0.00'};
  if (m[5]) return {value, format: '0.00E+00'};
  if (hasGroups) return {value, format: decimals ? '#,##0.00' : '#,##0'};
  return {value, format: null};
}

function parseDate(
  text: string,
  timeZone: string,
  now: Date,
): TypedValue | null {
  let m = ISO_DATE.exec(text);
  if (m) {
    const clock = readClock(m[5], m[6], m[7], m[8], m[9]);
    const date =
      clock &&
      makeDate(Number(m[1]), Number(m[3]), Number(m[4]), clock, timeZone);
    if (!date) return null;
    const sep = m[2];
    return {value: date, format: `yyyy${sep}mm${sep}dd${timeSuffix(m, 5)}`};
  }
  m = US_DATE.exec(text);
  if (m) {
    const clock = readClock(m[4], m[5], m[6], m[7], m[8]);
    const year = m[3] ? fullYear(m[3]) : wallTime(now, timeZone).year;
    const date =
      clock && makeDate(year, Number(m[1]), Number(m[2]), clock, timeZone);
    if (!date) return null;
    return {
      value: date,
      format: `${m[3] ? 'M/d/yyyy' : 'M/d'}${timeSuffix(m, 4)}`,
    };
  }
  m = TIME_ONLY.exec(text);
  if (m) {
    const clock = readClock(m[1], m[2], m[3], m[4], m[5]);
    if (!clock) return null;
    const date = makeDate(1899, 12, 30, clock, timeZone);
    const seconds = m[3] !== undefined ? ':ss' : '';
    return (
      date && {
        value: date,
        format: m[5] ? `h:mm${seconds} am/pm` : `H:mm${seconds}`,
      }
    );
  }
  return null;
}

function parseNamedDate(
  text: string,
  timeZone: string,
  now: Date,
): TypedValue | null {
  let month = 0;
  let day = 0;
  let year: string | undefined;
  let m = MONTH_FIRST.exec(text);
  if (m) {
    month = monthFromName(m[1]);
    day = Number(m[2]);
    year = m[3];
  } else {
    m = DAY_FIRST.exec(text);
    if (!m) return null;
    month = monthFromName(m[2]);
    day = Number(m[1]);
    year = m[3];
  }
  if (!month) return null;
  const y = year ? Number(year) : wallTime(now, timeZone).year;
  const date = makeDate(y, month, day, MIDNIGHT, timeZone);
  return date && {value: date, format: year ? 'mmm d, yyyy' : 'mmm d'};
}

/** Month prefixes packed as three lower-case char codes, for a cheap first test. */
const MONTH_PREFIXES = new Set(
  MONTH_NAMES.map(
    m => (m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2),
  ),
);

/** Could a letter-initial text be TRUE/FALSE or a month-name date? */
function mightBeWord(text: string): boolean {
  const n = text.length;
  if (n === 4 || n === 5) {
    const lower = text.toLowerCase();
    if (lower === 'true' || lower === 'false') return true;
  }
  if (n < 5 || n > 22) return false;
  const key =
    ((text.charCodeAt(0) | 32) << 16) |
    ((text.charCodeAt(1) | 32) << 8) |
    (text.charCodeAt(2) | 32);
  return MONTH_PREFIXES.has(key);
}

/**
 * Reads typed text, or returns null when it stays the text it is (the
 * common case, answered without allocating). The caller handles `=`.
 */
export function readTypedInput(
  text: string,
  timeZone: string,
  now: Date,
): TypedValue | null {
  if (text === '') return null;
  const c = text.charCodeAt(0);
  if (c === 39 /* ' */) return {value: text.slice(1), format: null};
  const isDigit = c >= 48 && c <= 57;
  const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // + - . $ and space may start a number.
  const isSign = c === 43 || c === 45 || c === 46 || c === 36 || c === 32;
  if (!isDigit && !isLetter && !isSign) return null;
  if (isLetter && !mightBeWord(text)) return null;
  const trimmed = text.trim();
  if (isLetter) {
    const lower = trimmed.toLowerCase();
    if (lower === 'true') return {value: true, format: null};
    if (lower === 'false') return {value: false, format: null};
    return parseNamedDate(trimmed, timeZone, now);
  }
  return (
    parseNumber(trimmed) ??
    parseDate(trimmed, timeZone, now) ??
    (isDigit ? parseNamedDate(trimmed, timeZone, now) : null)
  );
}

/**
 * Reads typed text. The caller handles `=` (a formula) first; this covers
 * everything else. `now` supplies the year for dates typed without one.
 */
export function parseTypedInput(
  text: string,
  timeZone: string,
  now: Date,
): TypedValue {
  return readTypedInput(text, timeZone, now) ?? {value: text, format: null};
}
