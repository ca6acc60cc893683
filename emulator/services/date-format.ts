/**
 * `Utilities.formatDate(date, timeZone, pattern)`: Java SimpleDateFormat
 * patterns (PLATFORM.md), in English, computed with Intl for the time zone.
 * Letters: G y Y M L w D d F E u a H k K h m s S z Z X; text in single
 * quotes is literal and '' is a quote. A time zone Java does not know
 * falls back to GMT, as Java's TimeZone.getTimeZone does.
 */
import {MONTHS, WEEKDAYS} from '../calendar-names';
import {isValidTimeZone, offsetAt, wallTime, WallTime} from '../sheets/zones';

interface Fields extends WallTime {
  offsetMinutes: number;
}

interface Zone {
  fields(date: Date): Fields;
  name(date: Date, long: boolean): string;
}

function ianaZone(timeZone: string): Zone {
  return {
    fields(date) {
      const offsetMs = offsetAt(timeZone, date.getTime());
      return {
        ...wallTime(date, timeZone),
        offsetMinutes: Math.round(offsetMs / 60000),
      };
    },
    name(date, long) {
      // Java prints abbreviations ("PST", "CET"); Intl knows US ones in
      // en-US and European ones in en-GB, and "GMT+9" where neither does.
      const style = long ? 'long' : 'short';
      let name = '';
      for (const locale of ['en-US', 'en-GB']) {
        name =
          new Intl.DateTimeFormat(locale, {timeZone, timeZoneName: style})
            .formatToParts(date)
            .find(part => part.type === 'timeZoneName')?.value ?? '';
        if (!/^GMT[+-]/.test(name)) break;
      }
      if (!name || name === 'GMT') return long ? 'Greenwich Mean Time' : 'GMT';
      return name;
    },
  };
}

function fixedZone(offsetMinutes: number, label: string): Zone {
  return {
    fields(date) {
      const shifted = new Date(date.getTime() + offsetMinutes * 60000);
      return {
        year: shifted.getUTCFullYear(),
        month: shifted.getUTCMonth() + 1,
        day: shifted.getUTCDate(),
        hour: shifted.getUTCHours(),
        minute: shifted.getUTCMinutes(),
        second: shifted.getUTCSeconds(),
        millisecond: shifted.getUTCMilliseconds(),
        weekday: shifted.getUTCDay(),
        offsetMinutes,
      };
    },
    name: () => label,
  };
}

/** Java accepts IANA ids and "GMT+h[:mm]"; anything else means GMT. */
function zoneOf(timeZone: string): Zone {
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (custom) {
    const minutes =
      (Number(custom[2]) * 60 + Number(custom[3] ?? 0)) *
      (custom[1] === '-' ? -1 : 1);
    return fixedZone(
      minutes,
      `GMT${custom[1]}${custom[2].padStart(2, '0')}:${custom[3] ?? '00'}`,
    );
  }
  return isValidTimeZone(timeZone) ? ianaZone(timeZone) : fixedZone(0, 'GMT');
}

const pad = (n: number, width: number): string =>
  (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(width, '0');

function dayOfYear(f: Fields): number {
  return (
    (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000 +
    1
  );
}

/** Week of year as Java's US locale counts it: weeks start Sunday, week 1 holds Jan 1. */
function weekOfYear(f: Fields): {week: number; weekYear: number} {
  const startOfWeek =
    Date.UTC(f.year, f.month - 1, f.day) - f.weekday * 86400000;
  if (startOfWeek + 6 * 86400000 >= Date.UTC(f.year + 1, 0, 1)) {
    return {week: 1, weekYear: f.year + 1};
  }
  const jan1Weekday = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  return {
    week: Math.floor((dayOfYear(f) - 1 + jan1Weekday) / 7) + 1,
    weekYear: f.year,
  };
}

function offset(minutes: number, colon: boolean, withMinutes: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (!withMinutes) return sign + hh;
  return sign + hh + (colon ? ':' : '') + pad(abs % 60, 2);
}

function field(
  letter: string,
  count: number,
  f: Fields,
  zone: Zone,
  date: Date,
): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': {
      const year = letter === 'Y' ? weekOfYear(f).weekYear : f.year;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1];
      if (count === 3) return MONTHS[f.month - 1].slice(0, 3);
      return pad(f.month, count);
    case 'w':
      return pad(weekOfYear(f).week, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'd':
      return pad(f.day, count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? WEEKDAYS[f.weekday] : WEEKDAYS[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return zone.name(date, count >= 4);
    case 'Z':
      return offset(f.offsetMinutes, false, true);
    case 'X':
      if (f.offsetMinutes === 0) return 'Z';
      return offset(f.offsetMinutes, count >= 3, count >= 2);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** The wall-clock fields of an instant in a time zone, with the zone's offset then. */
export function zonedFields(date: Date, timeZone: string): Fields {
  return zoneOf(timeZone).fields(date);
}

/** The instant at which the wall clock of `timeZone` shows the given local time. */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number {
  const zone = zoneOf(timeZone);
  const local = Date.UTC(year, month - 1, day, hour, minute);
  let guess = local;
  for (let i = 0; i < 2; i++) {
    guess = local - zone.fields(new Date(guess)).offsetMinutes * 60000;
  }
  return guess;
}

export function formatDate(
  date: Date,
  timeZone: string,
  pattern: string,
): string {
  const zone = zoneOf(timeZone);
  const fields = zone.fields(date);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      for (i++; i < pattern.length;) {
        if (pattern[i] !== "'") out += pattern[i++];
        else if (pattern[i + 1] === "'") {
          out += "'";
          i += 2;
        } else {
          i++;
          break;
        }
      }
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      out += field(ch, count, fields, zone, date);
      i += count;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
