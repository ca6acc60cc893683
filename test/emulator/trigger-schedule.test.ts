import {fireTimes} from '../../emulator/trigger-schedule';
import type {TriggerRecord} from '../../emulator/state';

const base: TriggerRecord = {
  uid: '8000000001',
  handler: 'sendDigest',
  type: 'CLOCK',
  source: 'CLOCK',
  sourceId: null,
  owner: 'me@example.org',
  documentId: 'doc',
  timezone: 'Europe/Paris',
  minute: 17,
  createdAt: '2026-03-01T12:00:00.000Z',
};

const iso = (times: number[]) => times.map(t => new Date(t).toISOString());

describe('when the clock fires time-driven triggers', () => {
  test('atHour(7).everyDays(1) runs once a day at a fixed minute of 7 h in its time zone', () => {
    const times = fireTimes(
      {...base, atHour: 7, everyDays: 1},
      Date.parse('2026-03-01T00:00:00Z'),
      Date.parse('2026-03-04T00:00:00Z'),
    );
    expect(iso(times)).toEqual([
      '2026-03-02T06:17:00.000Z',
      '2026-03-03T06:17:00.000Z',
    ]);
  });

  test('everyDays(2) skips every other day, from the first run after creation', () => {
    const times = fireTimes(
      {...base, atHour: 7, everyDays: 2},
      Date.parse('2026-03-01T00:00:00Z'),
      Date.parse('2026-03-07T00:00:00Z'),
    );
    expect(iso(times)).toEqual([
      '2026-03-02T06:17:00.000Z',
      '2026-03-04T06:17:00.000Z',
      '2026-03-06T06:17:00.000Z',
    ]);
  });

  test('everyHours(6) runs every six hours', () => {
    const times = fireTimes(
      {...base, everyHours: 6},
      Date.parse('2026-03-01T12:00:00Z'),
      Date.parse('2026-03-02T02:00:00Z'),
    );
    expect(iso(times)).toEqual([
      '2026-03-01T13:17:00.000Z',
      '2026-03-01T19:17:00.000Z',
      '2026-03-02T01:17:00.000Z',
    ]);
  });

  test('weekly triggers keep their week day', () => {
    const times = fireTimes(
      {
        ...base,
        atHour: 9,
        everyWeeks: 1,
        onWeekDay: 'MONDAY',
        timezone: 'Etc/UTC',
      },
      Date.parse('2026-03-01T00:00:00Z'),
      Date.parse('2026-03-20T00:00:00Z'),
    );
    expect(iso(times)).toEqual([
      '2026-03-02T09:17:00.000Z',
      '2026-03-09T09:17:00.000Z',
      '2026-03-16T09:17:00.000Z',
    ]);
  });

  test('a one-off trigger fires once', () => {
    const at = {...base, at: '2026-03-01T15:00:00.000Z'};
    expect(
      fireTimes(
        at,
        Date.parse('2026-03-01T00:00:00Z'),
        Date.parse('2026-03-09T00:00:00Z'),
      ),
    ).toHaveLength(1);
    expect(
      fireTimes(
        {...at, lastRunAt: at.at},
        Date.parse('2026-03-01T00:00:00Z'),
        Date.parse('2026-03-09T00:00:00Z'),
      ),
    ).toHaveLength(0);
  });
});
