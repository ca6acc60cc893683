import fc from 'fast-check';
import {PLAIN_TEXT} from '../../src/core/cells';
import {columnLetter} from '../../src/core/columns';
import {
  dashboardData,
  dashboardLayout,
  type DashboardInput,
} from '../../src/core/dashboard';
import {KINDS, type Direction} from '../../src/core/kinds';
import type {Interaction} from '../../src/core/model';
import {interaction} from './interactions';
import {computeScores, valueByMonth} from '../../src/core/scoring';
import {DEFAULT_SETTINGS} from '../../src/core/settings';

const TZ = 'Europe/London';
const NOW = new Date('2026-03-01T08:30:00Z');
const DAY = 86_400_000;

const ev = (
  when: string | Date,
  supporterId: string,
  direction: Direction,
  kind: string,
  more: Partial<Interaction> = {},
) =>
  interaction(
    typeof when === 'string' ? new Date(when) : when,
    supporterId,
    direction,
    kind,
    more,
  );

function input(
  events: Interaction[],
  people = ['maya', 'tom', 'ana'],
  range: DashboardInput['range'] = {from: '', to: ''},
): DashboardInput {
  const scores = computeScores({
    events,
    supporters: people.map(id => ({id})),
    now: NOW,
    timeZone: TZ,
    settings: DEFAULT_SETTINGS,
  }).list;
  return {
    events,
    scores,
    names: new Map(people.map(id => [id, id.toUpperCase()])),
    now: NOW,
    timeZone: TZ,
    settings: DEFAULT_SETTINGS,
    range,
  };
}

describe('dashboard numbers', () => {
  test('the last 12 months by default, every month listed, in the sheet zone', () => {
    const data = dashboardData(
      input([
        ev('2025-05-31T23:30:00Z', 'maya', 'inbound', 'retweet'), // 1 June in London
        ev('2025-06-10T10:00:00Z', 'tom', 'inbound', 'donation', {
          amount: 25.5,
        }),
        ev('2025-06-11T10:00:00Z', 'tom', 'inbound', 'membership', {
          amount: 10,
        }),
        ev('2025-06-12T10:00:00Z', 'ana', 'inbound', 'signed'),
        ev('2025-03-31T22:59:00Z', 'ana', 'inbound', 'signed'), // 31 March: before the range
        ev('2026-03-02T10:00:00Z', 'ana', 'inbound', 'signed'), // the future
      ]),
    );
    expect(data.months.map(m => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(data.months[2]).toEqual({
      month: '2025-06',
      promotion: 1,
      action: 1,
      membership: 2,
      amount: 35.5,
      deposits: 0,
      asks: 0,
    });
    expect(data.months.filter(m => m.action).length).toBe(1);
    expect(data.rolling).toEqual({from: true, to: true});
  });

  test('deposits and asks are our outbound events; likes and messages are neither', () => {
    const data = dashboardData(
      input([
        ev('2026-02-01T10:00:00Z', 'maya', 'outbound', 'thanks'),
        ev('2026-02-02T10:00:00Z', 'maya', 'outbound', 'answer'),
        ev('2026-02-03T10:00:00Z', 'maya', 'outbound', 'retweet'),
        ev('2026-02-04T10:00:00Z', 'maya', 'outbound', 'like'),
        ev('2026-02-04T11:00:00Z', 'maya', 'outbound', 'message'),
        ev('2026-02-05T10:00:00Z', 'maya', 'outbound', 'ask: give'),
      ]),
    );
    expect(data.months.at(-2)).toMatchObject({deposits: 3, asks: 1});
  });

  test('From and To typed on the sheet choose the range; bad values fall back with a warning', () => {
    const events = [ev('2025-12-10T10:00:00Z', 'maya', 'inbound', 'quote')];
    const chosen = dashboardData(
      input(events, undefined, {
        from: new Date('2025-12-01T00:00:00Z'),
        to: '2026-01-15',
      }),
    );
    expect(chosen.months.map(m => [m.month, m.promotion])).toEqual([
      ['2025-12', 1],
      ['2026-01', 0],
    ]);
    expect(chosen.warnings).toEqual([]);
    const bad = dashboardData(
      input(events, undefined, {from: 'soon', to: '2027-01-01'}),
    );
    expect(bad.warnings).toEqual([
      'From (B2) is not a date, so the last 12 months are shown.',
      'To (B3) is after today, so the range ends today.',
    ]);
    expect(bad.months).toHaveLength(12);
    const reversed = dashboardData(
      input(events, undefined, {from: '2026-02-01', to: '2026-01-01'}),
    );
    expect(reversed.warnings).toHaveLength(1);
    expect(reversed.months[0].month).toBe('2025-02');
  });

  test('top believers rank by promotion and action in 90 days, with weekly counts', () => {
    const events = [
      // 1 December 2025 is 90 days before 1 March 2026: inside.
      ev('2025-12-01T10:00:00Z', 'maya', 'inbound', 'retweet'),
      ev('2025-11-30T10:00:00Z', 'maya', 'inbound', 'retweet'), // outside
      ev('2026-02-28T10:00:00Z', 'maya', 'inbound', 'like'),
      ev('2026-03-01T07:00:00Z', 'maya', 'inbound', 'volunteered'),
      ev('2026-02-20T10:00:00Z', 'tom', 'inbound', 'quote'),
      ev('2026-02-20T11:00:00Z', 'tom', 'inbound', 'quote'),
      ev('2026-02-20T11:00:00Z', 'stranger', 'inbound', 'quote'),
      ev('2026-02-20T11:00:00Z', 'ana', 'inbound', 'like'),
    ];
    const data = dashboardData(input(events));
    expect(
      data.believers.map(b => [b.id, b.name, b.promotion, b.action]),
    ).toEqual([
      ['tom', 'TOM', 2, 0],
      ['maya', 'MAYA', 1, 1],
    ]);
    expect(data.weeks[0]).toBe('2025-12-01');
    expect(data.weeks[12]).toBe('2026-02-23');
    const maya = data.believers[1].weekly;
    expect(maya[0]).toBe(1);
    expect(maya[12]).toBe(2);
    expect(maya.reduce((a, b) => a + b)).toBe(3);
  });

  test('reach counts first-time engagers in the 7 days after each promotion', () => {
    const events = [
      ev('2026-02-01T12:00:00Z', 'maya', 'inbound', 'retweet'),
      ev('2026-02-03T12:00:00Z', 'maya', 'inbound', 'retweet'),
      ev('2026-02-20T12:00:00Z', 'maya', 'inbound', 'retweet'),
      // Tom first engages inside both of the first two windows: one person.
      ev('2026-02-05T12:00:00Z', 'tom', 'inbound', 'like'),
      ev('2026-02-06T12:00:00Z', 'tom', 'inbound', 'like'), // not new any more
      // Ana engaged long before: never a newcomer in the range.
      ev('2025-01-05T12:00:00Z', 'ana', 'inbound', 'like'),
      ev('2026-02-21T12:00:00Z', 'ana', 'inbound', 'like'),
    ];
    const data = dashboardData(input(events));
    expect(data.believers[0].reach).toEqual({
      promotions: 3,
      followed: 2,
      newcomers: 1,
    });
    expect(data.newcomers).toBe(2); // Maya and Tom first engaged in the range
  });

  test('bands and levels today and 30 days ago, and who moved', () => {
    const events = Array.from({length: 8}, (_, i) =>
      ev(new Date(NOW.getTime() - i * DAY), 'maya', 'inbound', 'quote'),
    );
    const data = dashboardData(input(events));
    expect(data.bands.map(b => b.band)).toEqual([
      'Hot',
      'Warm',
      'Cool',
      'Cold',
    ]);
    expect(data.bands.reduce((a, b) => a + b.now, 0)).toBe(3);
    expect(data.bands.find(b => b.band === 'Cold')!.before).toBe(3);
    expect(data.moves.bandUp).toBe(1);
    expect(data.moves.levelUp).toBe(1);
    expect(data.moves.bandDown + data.moves.levelDown).toBe(0);
  });

  test('engagement by network counts inbound events and people per channel', () => {
    const data = dashboardData(
      input([
        ev('2026-02-01T12:00:00Z', 'maya', 'inbound', 'retweet'),
        ev('2026-02-02T12:00:00Z', 'maya', 'inbound', 'like'),
        ev('2026-02-02T12:00:00Z', 'tom', 'inbound', 'like', {
          channel: 'bluesky',
        }),
        ev('2026-02-02T12:00:00Z', 'tom', 'inbound', 'attended', {
          channel: 'in person',
        }),
        ev('2026-02-02T12:00:00Z', 'tom', 'inbound', 'reply', {channel: ''}),
        ev('2026-02-02T12:00:00Z', 'tom', 'outbound', 'thanks'),
      ]),
    );
    const by = Object.fromEntries(
      data.networks.map(n => [
        n.label,
        [n.events, n.people, n.promotionAndAction],
      ]),
    );
    expect(by).toMatchObject({
      X: [2, 1, 1],
      Bluesky: [1, 1, 0],
      'In person': [1, 1, 1],
      'Not recorded': [1, 1, 0],
      Mastodon: [0, 0, 0],
    });
  });

  test('the monthly value agrees with valueByMonth, whatever the order of the log', () => {
    const kinds = KINDS.filter(k => k.directions.includes('inbound')).map(
      k => k.id,
    );
    const arbEvent = fc
      .record({
        day: fc.integer({min: 0, max: 500}),
        who: fc.constantFrom('maya', 'tom', 'ana', 'stranger'),
        kind: fc.constantFrom(...kinds),
        amount: fc.integer({min: 0, max: 100}),
      })
      .map(r =>
        ev(new Date(NOW.getTime() - r.day * DAY), r.who, 'inbound', r.kind, {
          amount: r.amount,
        }),
      );
    fc.assert(
      fc.property(fc.array(arbEvent, {maxLength: 60}), events => {
        const data = dashboardData(input(events));
        const inRange = events.filter(e => e.when >= new Date('2025-04-01'));
        const expected = new Map(
          valueByMonth(inRange, TZ).map(m => [m.month, m]),
        );
        for (const m of data.months) {
          const v = expected.get(m.month);
          expect([m.promotion, m.action, m.membership, m.amount]).toEqual(
            v ? [v.promotion, v.action, v.membership, v.amount] : [0, 0, 0, 0],
          );
        }
        const reversed = dashboardData(input([...events].reverse()));
        expect(reversed).toEqual(data);
      }),
      {numRuns: 40},
    );
  });
});

describe('dashboard layout', () => {
  const events = [
    ev('2026-02-01T12:00:00Z', 'maya', 'inbound', 'retweet'),
    ev('2026-02-03T12:00:00Z', 'tom', 'inbound', 'quote'),
  ];
  const given = input(events, ['maya', 'tom', '=IMPORTXML("x")']);
  given.names = new Map([
    ['maya', '=HYPERLINK("http://evil","x")'],
    ['tom', 'Tom'],
  ]);
  const layout = dashboardLayout(dashboardData(given), given);
  const at = (r: number, c: number) => layout.values[r - 1][c - 1];

  test('the grid is rectangular and every table header has a note', () => {
    const width = layout.values[0].length;
    for (const grid of [layout.values, layout.formats, layout.notes]) {
      expect(grid.every(row => row.length === width)).toBe(true);
    }
    const headers = ['Month', 'Band', 'Level', 'Network', 'Name'];
    const rows = layout.values.filter(r => headers.includes(String(r[0])));
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      const r = layout.values.indexOf(row);
      row.forEach((cell, c) => {
        if (cell !== '') expect(layout.notes[r][c]).not.toBe('');
      });
      expect(layout.notes[r - 1][0]).not.toBe(''); // the block's title
    }
  });

  test('each chart covers its table from the header row down', () => {
    expect(layout.charts.map(c => c.type)).toEqual([
      'COLUMN',
      'LINE',
      'COLUMN',
      'BAR',
    ]);
    for (const chart of layout.charts) {
      const {row, column, rows} = chart.range;
      const titles = [
        'Value by month',
        'Give : ask by month',
        'Supporters by band',
        'Engagement by network',
      ];
      expect(titles).toContain(at(row - 1, 1));
      expect(layout.weights[row - 1][column - 1]).toBe('bold');
      expect(at(row + rows, 1)).not.toMatch(/^\d{4}-\d{2}$/); // no month left out
      expect(chart.anchorRow).toBe(row - 1);
    }
    expect(layout.charts[0].stacked).toBe(true);
  });

  test('names stay plain text; sparklines point at the same row of this sheet', () => {
    const row = layout.values.findIndex(r => r[1] === 'maya') + 1;
    expect(at(row, 1)).toBe('=HYPERLINK("http://evil","x")');
    expect(layout.formats[row - 1][0]).toBe(PLAIN_TEXT);
    const f = layout.formulas!;
    expect(f.column).toBe(7);
    f.formulas.forEach(([formula], i) => {
      const r = f.row + i;
      expect(formula).toBe(`=SPARKLINE(H${r}:T${r})`);
    });
    expect(f.formulas.flat().join('')).not.toMatch(/HYPERLINK|IMPORTXML/);
  });

  test('column letters', () => {
    expect([1, 8, 20, 26, 27, 52, 703].map(columnLetter)).toEqual([
      'A',
      'H',
      'T',
      'Z',
      'AA',
      'AZ',
      'AAA',
    ]);
  });
});
