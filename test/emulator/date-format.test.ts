import * as fc from 'fast-check';
import {formatDate} from '../../emulator/services/date-format';

const when = new Date('2026-03-08T09:05:03.045Z'); // a Sunday

describe('Utilities.formatDate follows Java SimpleDateFormat', () => {
  test.each([
    ['yyyy-MM-dd', 'Etc/UTC', '2026-03-08'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", 'Etc/UTC', '2026-03-08T09:05:03.045Z'],
    [
      "yyyy-MM-dd'T'HH:mm:ssXXX",
      'America/Los_Angeles',
      '2026-03-08T01:05:03-08:00',
    ],
    [
      'EEE, d MMM yyyy HH:mm:ss Z',
      'Europe/Paris',
      'Sun, 8 Mar 2026 10:05:03 +0100',
    ],
    ['EEEE MMMM d, yy', 'Etc/UTC', 'Sunday March 8, 26'],
    ['h:mm a', 'America/New_York', '5:05 AM'], // daylight saving began at 2 AM that day
    ['H k K h', 'Etc/UTC', '9 9 9 9'],
    ['D w u F', 'Etc/UTC', '67 11 7 2'],
    ['X XX XXX', 'Asia/Kolkata', '+05 +0530 +05:30'],
    ['z', 'America/Los_Angeles', 'PST'],
    ['z', 'Europe/Paris', 'CET'],
    ['zzzz', 'Etc/UTC', 'Coordinated Universal Time'],
    ["'at' HH 'o''clock'", 'Etc/UTC', "at 09 o'clock"],
    ["''yy''", 'Etc/UTC', "'26'"],
    ['yyyy-MM-dd HH:mm', 'GMT+2', '2026-03-08 11:05'],
    ['yyyy-MM-dd HH:mm z', 'Not/AZone', '2026-03-08 09:05 GMT'],
  ])('%s in %s', (pattern, zone, expected) => {
    expect(formatDate(when, zone, pattern)).toBe(expected);
  });

  test('the last days of December belong to week 1 of the next year (US weeks)', () => {
    expect(
      formatDate(new Date('2024-12-31T12:00:00Z'), 'Etc/UTC', 'w YYYY yyyy'),
    ).toBe('1 2025 2024');
  });

  test('any instant round-trips through an ISO pattern in UTC', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01'),
          max: new Date('2999-12-31'),
          noInvalidDate: true,
        }),
        d => {
          expect(formatDate(d, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")).toBe(
            d.toISOString(),
          );
        },
      ),
    );
  });
});
