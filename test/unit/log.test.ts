import {parseAmount, parseLog} from '../../src/core/log';
import {LOG_HEADERS} from '../../src/core/model';

const TZ = 'Europe/London';
const NOW = new Date('2024-06-15T12:00:00Z');

/** A log row from named cells, in LOG_HEADERS order. */
function row(
  cells: Partial<Record<(typeof LOG_HEADERS)[number], unknown>>,
): unknown[] {
  return LOG_HEADERS.map(h => cells[h] ?? '');
}

const retweet = row({
  When: new Date('2024-06-13T09:00:00Z'),
  'Supporter ID': 'S-1',
  Direction: 'inbound',
  Kind: 'retweet',
  Channel: 'X',
  Note: 'Tiger census',
  Link: 'https://x.com/maya/status/1',
  Source: 'x',
  'Event ID': 'x:retweet:1',
});

describe('parseLog', () => {
  test('turns a row into an Interaction with canonical spellings', () => {
    const {events, warnings} = parseLog([retweet], TZ, {now: NOW});
    expect(events).toEqual([
      {
        when: new Date('2024-06-13T09:00:00Z'),
        supporterId: 'S-1',
        direction: 'inbound',
        kind: 'retweet',
        channel: 'x',
        valueClass: 'promotion',
        amount: null,
        note: 'Tiger census',
        link: 'https://x.com/maya/status/1',
        source: 'x',
        eventId: 'x:retweet:1',
      },
    ]);
    expect(warnings).toEqual({
      unknownKinds: 0,
      badDates: 0,
      badDirections: 0,
      missingSupporter: 0,
      future: 0,
      duplicates: 0,
      samples: [],
    });
  });

  test('reads synonyms, numbers as ids and money as text', () => {
    const {events} = parseLog(
      [
        row({
          When: '2024-06-01',
          'Supporter ID': 42,
          Direction: 'they',
          Kind: 'Donated',
          Amount: '£1,250.50',
        }),
        row({
          When: '2024-06-02',
          'Supporter ID': ' S-2 ',
          Direction: 'We',
          Kind: 'Thank You',
        }),
      ],
      TZ,
    );
    expect(
      events.map(e => [
        e.supporterId,
        e.direction,
        e.kind,
        e.valueClass,
        e.amount,
      ]),
    ).toEqual([
      ['42', 'inbound', 'donation', 'membership', 1250.5],
      ['S-2', 'outbound', 'thanks', 'deposit', null],
    ]);
  });

  test('dates may be text or Sheets serial numbers, read in the sheet zone', () => {
    const {events} = parseLog(
      [
        row({
          When: '2024-06-01 09:30',
          'Supporter ID': 'a',
          Direction: 'in',
          Kind: 'like',
        }),
        row({
          When: 45444.5,
          'Supporter ID': 'a',
          Direction: 'in',
          Kind: 'like',
        }),
        row({
          When: '6/3/2024',
          'Supporter ID': 'a',
          Direction: 'in',
          Kind: 'like',
        }),
      ],
      TZ,
    );
    expect(events.map(e => e.when.toISOString())).toEqual([
      '2024-06-01T08:30:00.000Z',
      '2024-06-01T11:00:00.000Z',
      '2024-06-02T23:00:00.000Z',
    ]);
  });

  test('a missing direction is inferred only for one-way kinds', () => {
    const {events, warnings} = parseLog(
      [
        row({When: '2024-06-01', 'Supporter ID': 'a', Kind: 'thanks'}),
        row({When: '2024-06-01', 'Supporter ID': 'a', Kind: 'signed petition'}),
        row({When: '2024-06-01', 'Supporter ID': 'a', Kind: 'retweet'}),
        row({
          When: '2024-06-01',
          'Supporter ID': 'a',
          Kind: 'donation',
          Direction: 'outbound',
        }),
        row({
          When: '2024-06-01',
          'Supporter ID': 'a',
          Kind: 'like',
          Direction: 'sideways',
        }),
      ],
      TZ,
    );
    expect(events.map(e => `${e.direction} ${e.kind}`)).toEqual([
      'outbound thanks',
      'inbound signed',
    ]);
    expect(warnings.badDirections).toBe(3);
  });

  test('bad rows are counted, sampled with their sheet row, and skipped', () => {
    const rows = [
      retweet,
      row({
        When: 'last Tuesday',
        'Supporter ID': 'a',
        Direction: 'in',
        Kind: 'like',
      }),
      row({
        When: '2024-06-01',
        'Supporter ID': 'a',
        Direction: 'in',
        Kind: 'high five',
      }),
      row({When: '2024-06-01', Direction: 'in', Kind: 'like'}),
      row({
        When: '2024-06-20',
        'Supporter ID': 'a',
        Direction: 'in',
        Kind: 'like',
      }),
      row({}),
      ['', '', '', '', '', '', '', '', '', '', ''],
    ];
    const {events, warnings} = parseLog(rows, TZ, {now: NOW});
    expect(events).toHaveLength(1);
    expect(warnings).toMatchObject({
      badDates: 1,
      unknownKinds: 1,
      missingSupporter: 1,
      future: 1,
    });
    expect(warnings.samples).toEqual([
      'Row 3: "last Tuesday" is not a date',
      'Row 4: unknown kind "high five"',
      'Row 5: no Supporter ID',
      'Row 6: dated in the future',
    ]);
  });

  test('the same event twice is read once', () => {
    const noId = row({
      When: '2024-06-01',
      'Supporter ID': 'a',
      Direction: 'in',
      Kind: 'RT',
      Note: 'x',
    });
    const sameNoId = row({
      When: '2024-06-01',
      'Supporter ID': 'a',
      Direction: 'inbound',
      Kind: 'retweet',
      Note: 'x',
    });
    const otherNote = row({
      When: '2024-06-01',
      'Supporter ID': 'a',
      Direction: 'in',
      Kind: 'RT',
      Note: 'y',
    });
    const sameIdOtherSupporter = [...retweet];
    sameIdOtherSupporter[1] = 'S-2';
    const sameIdLater = [...retweet];
    sameIdLater[0] = new Date('2024-06-14T00:00:00Z');
    const {events, warnings} = parseLog(
      [
        retweet,
        noId,
        retweet,
        sameNoId,
        otherNote,
        sameIdOtherSupporter,
        sameIdLater,
      ],
      TZ,
      {now: NOW},
    );
    expect(events.map(e => `${e.supporterId} ${e.eventId || e.note}`)).toEqual([
      'S-1 x:retweet:1',
      'a x',
      'a y',
      'S-2 x:retweet:1',
    ]);
    expect(warnings.duplicates).toBe(3);
    expect(warnings.samples).toEqual([
      'Row 4: repeats an earlier event',
      'Row 5: repeats an earlier event',
      'Row 8: repeats an earlier event',
    ]);
  });

  test('every event gets its own Date even when the cell text repeats', () => {
    const cells = row({
      When: '2024-06-01',
      'Supporter ID': 'a',
      Direction: 'in',
      Kind: 'like',
    });
    const {events} = parseLog([cells, [...cells.slice(0, 7), 'other']], TZ);
    expect(events[0].when).not.toBe(events[1].when);
    expect(events[0].when.getTime()).toBe(events[1].when.getTime());
  });

  test('many rows parse quickly (no per-row clock or zone lookups)', () => {
    const rows: unknown[][] = [];
    const start = Date.UTC(2023, 0, 1);
    for (let i = 0; i < 100_000; i++) {
      rows.push([
        new Date(start + i * 60_000),
        `S-${i % 5000}`,
        i % 4 ? 'inbound' : 'outbound',
        i % 4 ? 'like' : 'thanks',
        'x',
        '',
        '',
        '',
        '',
        'x',
        i % 3 ? `x:e:${i}` : '',
      ]);
    }
    const t0 = Date.now();
    const {events} = parseLog(rows, 'America/New_York');
    expect(events).toHaveLength(100_000);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('parseAmount', () => {
  test.each([
    [25, 25],
    ['25', 25],
    ['£1,250.50', 1250.5],
    ['1.250,50 €', 1250.5],
    ['1 250,50', 1250.5],
    ['50 EUR', 50],
    ['', null],
    ['n/a', null],
    ['1,250', 1250],
    ['1,5', 1.5],
    ['-20', -20],
    [NaN, null],
    [null, null],
  ])('%p → %p', (cell, amount) => {
    expect(parseAmount(cell)).toBe(amount);
  });
});
