/**
 * How CSV text becomes cell values and back.
 *
 * Reading is Google Sheets' import with "convert text to numbers and dates"
 * (its typed-input rules, emulator/sheets/typed-input.ts), except where that
 * would lose or endanger data:
 * - a field starting with '=' stays text: a CSV is untrusted, never formulas;
 * - '02134' (zip codes), '+44 7946 095800' (phone numbers) and integers of
 *   more than 15 digits (social network ids) stay text, because a number
 *   would drop the zero, the plus or the last digits;
 * - a date without a year ('03/21', Mailchimp's birthdays; 'Mar 21') stays
 *   text instead of gaining the current year.
 */
import {parseTypedInput} from '../sheets/typed-input';
import {offsetAt} from '../sheets/zones';
import type {CellValue} from '../workbook';

/**
 * Characters that make spreadsheet programs treat a field as a formula
 * (OWASP "CSV injection"). Text starting with one is written behind an
 * apostrophe, which spreadsheets read as "this is text" and hide.
 */
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

const KEPT_AS_TEXT = [
  // Untrusted text never becomes a formula.
  /^\s*=/,
  // A number with a leading zero: a zip code or an id.
  /^\s*-?0\d+(\.\d*)?\s*$/,
  // A phone number in international form.
  /^\s*\+[\d\s().-]{6,}$/,
  // More digits than a number holds exactly (15): an id.
  /^\s*[+-]?\d{16,}/,
];

/** Number formats Sheets gives a date typed without a year. */
const YEARLESS_FORMAT = /^(M\/d|mmm d)(?!.*y)/;

// typed-input only reads `now` for the year of year-less dates, which are
// kept as text here, so any fixed instant will do.
const ANY_NOW = new Date(0);

/** The value Sheets would hold for one CSV field. */
export function csvCellValue(text: string, timeZone: string): CellValue {
  if (KEPT_AS_TEXT.some(pattern => pattern.test(text))) return text;
  const typed = parseTypedInput(text, timeZone, ANY_NOW);
  if (typed.value instanceof Date && YEARLESS_FORMAT.test(typed.format ?? '')) {
    return text;
  }
  return typed.value;
}

/** The CSV field for a cell value; csvCellValue reads it back. */
export function csvCellText(value: CellValue, timeZone: string): string {
  if (value instanceof Date) return dateText(value, timeZone);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  return FORMULA_TRIGGERS.test(value) ? `'${value}` : value;
}

/** `2026-03-05`, or `2026-03-05 14:03:11` when the time is not midnight. */
function dateText(instant: Date, timeZone: string): string {
  const clock = instant.getTime() + offsetAt(timeZone, instant.getTime());
  const iso = new Date(clock).toISOString();
  const [day, time] = [iso.slice(0, 10), iso.slice(11, 23)];
  if (time === '00:00:00.000') return day;
  return `${day} ${time.endsWith('.000') ? time.slice(0, 8) : time}`;
}
