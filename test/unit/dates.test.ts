import fc from 'fast-check';
import {
  birthdayOn,
  civilFromDays,
  dateIn,
  dayNumber,
  dayNumberIn,
  daysBetween,
  daysFromCivil,
  daysUntilBirthday,
  formatDay,
  MS_PER_DAY,
  parseBirthday,
  parseCivilDate,
  parseWhen,
  startOfDay,
  wallTimeToInstant,
  weekdayOf,
  zoneOffsetMs,
} from '../../src/core/dates';
import {isUserError} from '../../src/core/errors';

const ZONES = [
  'UTC',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Lord_Howe', // 30-minute DST shift
  'Asia/Kathmandu', // +05:45
  'Pacific/Apia', // skipped 30 December 2011
  'America/St_Johns', // −03:30
];

/** The zone's calendar date straight from Intl, as the reference. */
function intlDate(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find(p => p.type === t)?.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

describe('the calendar on day numbers', () => {
  test('1970-01-01 is day 0 and a Thursday', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(weekdayOf(0)).toBe(4);
    expect(formatDay(daysFromCivil(2024, 2, 29))).toBe('2024-02-29');
  });

  test('civil dates and day numbers round-trip for any day', () => {
    fc.assert(
      fc.property(fc.integer({min: -200_000, max: 2_000_000}), days => {
        const c = civilFromDays(days);
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(days);
      }),
    );
  });

  test('parseCivilDate accepts only real YYYY-MM-DD dates', () => {
    expect(parseCivilDate('2024-05-01')).toBe(daysFromCivil(2024, 5, 1));
    expect(parseCivilDate('2023-02-29')).toBeNull();
    expect(parseCivilDate('2024-5-1')).toBeNull();
    expect(parseCivilDate(20240501)).toBeNull();
  });
});

describe('days in a time zone', () => {
  test('dayNumber agrees with Intl in every zone, across DST changes', () => {
    const from = Date.UTC(2010, 0, 1);
    const to = Date.UTC(2030, 0, 1);
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({min: from, max: to}),
        (zone, ms) => {
          expect(formatDay(dayNumber(ms, zone))).toBe(intlDate(ms, zone));
        },
      ),
      {numRuns: 2000},
    );
  });

  test('the minutes around a DST change fall on the right day', () => {
    // New York springs forward at 2024-03-10 07:00Z; London falls back 2024-10-27 01:00Z.
    for (const [zone, change] of [
      ['America/New_York', Date.UTC(2024, 2, 10, 7)],
      ['Europe/London', Date.UTC(2024, 9, 27, 1)],
      ['Australia/Lord_Howe', Date.UTC(2024, 3, 6, 15)],
    ] as const) {
      for (let m = -90; m <= 90; m++) {
        const ms = change + m * 60_000;
        expect(dateIn(ms, zone)).toBe(intlDate(ms, zone));
      }
    }
  });

  test('a day difference is a count of calendar days, even on a 23-hour day', () => {
    const zone = 'America/New_York';
    const before = new Date('2024-03-09T23:30:00-05:00');
    const after = new Date('2024-03-10T23:30:00-04:00'); // 23 hours later
    expect(daysBetween(before, after, zone)).toBe(1);
    expect(
      daysBetween(
        new Date('2024-01-01T23:59:00Z'),
        new Date('2024-01-02T00:01:00Z'),
        'UTC',
      ),
    ).toBe(1);
  });

  test('a million day numbers are fast (the zone offset is cached per day)', () => {
    const dayOf = dayNumberIn('Europe/Berlin');
    const start = Date.UTC(2022, 0, 1);
    const t0 = Date.now();
    let sum = 0;
    for (let i = 0; i < 1_000_000; i++) sum += dayOf(start + i * 63_000);
    expect(sum).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  test('offsets include odd ones', () => {
    expect(
      zoneOffsetMs(new Date('2024-01-15T12:00:00Z'), 'Asia/Kathmandu'),
    ).toBe(345 * 60_000);
    expect(zoneOffsetMs(new Date('2024-01-15T12:00:00Z'), 'UTC')).toBe(0);
  });

  test('an unknown zone is a UserError, not a crash deep inside', () => {
    let error: unknown;
    try {
      dayNumber(0, 'Mars/Olympus_Mons');
    } catch (e) {
      error = e;
    }
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain('Mars/Olympus_Mons');
  });

  test('wall-clock times map back to the day they name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({
          min: daysFromCivil(2000, 1, 1),
          max: daysFromCivil(2035, 1, 1),
        }),
        fc.integer({min: 0, max: MS_PER_DAY - 1}),
        (zone, day, msOfDay) => {
          const instant = wallTimeToInstant(day * MS_PER_DAY + msOfDay, zone);
          const got = dayNumber(instant, zone);
          // A time inside a DST gap moves forward, possibly past midnight.
          expect(got === day || got === day + 1).toBe(true);
        },
      ),
      {numRuns: 1000},
    );
  });

  test('a skipped time moves forward; a repeated one gives the first', () => {
    const ny = 'America/New_York';
    expect(parseWhen('2024-03-10 02:30', ny)?.toISOString()).toBe(
      '2024-03-10T07:30:00.000Z',
    );
    expect(parseWhen('2024-11-03 01:30', ny)?.toISOString()).toBe(
      '2024-11-03T05:30:00.000Z',
    );
    expect(startOfDay(daysFromCivil(2024, 3, 10), ny).toISOString()).toBe(
      '2024-03-10T05:00:00.000Z',
    );
  });
});

describe('parseWhen reads what log cells hold', () => {
  const ny = 'America/New_York';
  test.each([
    ['2024-05-01', '2024-05-01T04:00:00.000Z'],
    ['2024-05-01 14:30', '2024-05-01T18:30:00.000Z'],
    ['2024-05-01T14:30:15', '2024-05-01T18:30:15.000Z'],
    ['2024-05-01T14:30:00Z', '2024-05-01T14:30:00.000Z'],
    ['2024-05-01T14:30:00.250+02:00', '2024-05-01T12:30:00.250Z'],
    ['5/1/2024', '2024-05-01T04:00:00.000Z'],
    ['5/1/2024 2:30 PM', '2024-05-01T18:30:00.000Z'],
    ['5/1/2024 12:05 am', '2024-05-01T04:05:00.000Z'],
    ['13/5/2024', '2024-05-13T04:00:00.000Z'],
    ['Wed Oct 10 20:19:24 +0000 2018', '2018-10-10T20:19:24.000Z'],
  ])('%s', (text, iso) => {
    expect(parseWhen(text, ny)?.toISOString()).toBe(iso);
  });

  test('Sheets serial numbers are wall-clock days in the sheet zone', () => {
    expect(parseWhen(25569, 'UTC')?.toISOString()).toBe(
      '1970-01-01T00:00:00.000Z',
    );
    expect(parseWhen(45413.75, ny)?.toISOString()).toBe(
      '2024-05-01T22:00:00.000Z',
    );
  });

  test('a Date cell is taken as is', () => {
    const d = new Date('2024-05-01T10:00:00Z');
    expect(parseWhen(d, ny)).toBe(d);
  });

  test.each([
    [''],
    ['tomorrow'],
    ['2024-02-30'],
    ['2024-05-01 25:00'],
    [new Date(NaN)],
    [true],
    [-5],
    [null],
  ])('not a date: %p', cell => {
    expect(parseWhen(cell, ny)).toBeNull();
  });
});

describe('birthdays', () => {
  const tz = 'Europe/London';
  test.each([
    ['1990-02-28', {month: 2, day: 28, year: 1990}],
    ['--02-29', {month: 2, day: 29, year: null}],
    ['--0314', {month: 3, day: 14, year: null}],
    ['03/14', {month: 3, day: 14, year: null}],
    ['3/14/1985', {month: 3, day: 14, year: 1985}],
    ['14/03', {month: 3, day: 14, year: null}],
    ['14.03.1985', {month: 3, day: 14, year: 1985}],
    ['3 March', {month: 3, day: 3, year: null}],
    ['3rd of March 1990', {month: 3, day: 3, year: 1990}],
    ['March 3rd, 1990', {month: 3, day: 3, year: 1990}],
    ['Sept 9', {month: 9, day: 9, year: null}],
    ['1604-07-04', {month: 7, day: 4, year: null}],
  ])('%s', (text, expected) => {
    expect(parseBirthday(text, tz)).toEqual(expected);
  });

  test.each([['1991-02-29'], ['13/13'], ['Smarch 3'], [''], ['02/30']])(
    'not a birthday: %s',
    text => {
      expect(parseBirthday(text, tz)).toBeNull();
    },
  );

  test('a Date cell is read in the sheet zone; a serial number as its date', () => {
    // Midnight 14 March in London is 13 March in New York.
    const cell = new Date('2024-03-14T00:00:00Z');
    expect(parseBirthday(cell, tz)).toEqual({month: 3, day: 14, year: 2024});
    expect(parseBirthday(cell, 'America/New_York')).toEqual({
      month: 3,
      day: 13,
      year: 2024,
    });
    expect(parseBirthday(45365, tz)).toEqual({month: 3, day: 14, year: 2024});
  });

  test('29 February is celebrated on 28 February in common years', () => {
    const leapling = {month: 2, day: 29, year: null};
    expect(formatDay(birthdayOn(leapling, 2023))).toBe('2023-02-28');
    expect(formatDay(birthdayOn(leapling, 2024))).toBe('2024-02-29');
    expect(daysUntilBirthday(leapling, daysFromCivil(2023, 2, 28))).toBe(0);
    expect(daysUntilBirthday(leapling, daysFromCivil(2023, 3, 1))).toBe(365);
  });

  test('the next birthday wraps into next year', () => {
    expect(
      daysUntilBirthday(
        {month: 1, day: 4, year: null},
        daysFromCivil(2024, 12, 28),
      ),
    ).toBe(7);
    expect(
      daysUntilBirthday(
        {month: 12, day: 28, year: 1980},
        daysFromCivil(2024, 12, 28),
      ),
    ).toBe(0);
  });
});
