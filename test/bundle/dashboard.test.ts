/**
 * Social CRM › Dashboard on the built bundle: the numbers on the demo
 * workbook (recomputed here straight from the log, with a fixed clock), the
 * charts' ranges, rebuilds, the date range, an empty log, and the cost.
 */
import {Emulator} from '../../emulator';
import {buildDemo} from '../../scripts/demo';
import {
  logRow,
  messages,
  records,
  seedLog,
  sheetOf,
  totalCalls,
  trackerWith,
} from './harness';

const DAY = 86_400_000;
const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const dateOf = (d: Date) => londonDate.format(d);
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY)
    .toISOString()
    .slice(0, 10);

const PROMOTION = ['retweet', 'quote'];
const ACTION = ['volunteered', 'signed', 'attended', 'defended us'];
const GIFTS = ['donation', 'membership'];
const NOT_DEPOSITS = ['like', 'follow', 'message'];

interface Row {
  when: Date;
  date: string;
  id: string;
  inbound: boolean;
  kind: string;
  channel: string;
  amount: number;
}

function logOf(emu: Emulator): Row[] {
  return records(emu, 'Interactions').map(r => {
    const when = r.When as Date;
    return {
      when,
      date: dateOf(when),
      id: String(r['Supporter ID']),
      inbound: r.Direction === 'inbound',
      kind: String(r.Kind),
      channel: String(r.Channel),
      amount: Number(r.Amount) || 0,
    };
  });
}

/** The dashboard's rows, as shown. */
const grid = (emu: Emulator) => sheetOf(emu, 'Dashboard').values;

/** The rows under the header row whose first cell is `header`, up to a blank. */
function table(emu: Emulator, title: string): unknown[][] {
  const values = grid(emu);
  const at = values.findIndex(r => r[0] === title);
  if (at < 0) throw new Error(`no block ${title}`);
  const rows: unknown[][] = [];
  for (let r = at + 2; r < values.length && values[r][0] !== ''; r++) {
    rows.push(values[r]);
  }
  return rows;
}

function charts(emu: Emulator) {
  return emu.spreadsheet.sheetByName('Dashboard')!.charts;
}

describe('the dashboard on the demo workbook', () => {
  let demo: Emulator;
  let log: Row[];
  beforeAll(() => {
    demo = buildDemo();
    demo.clickMenu('Dashboard');
    log = logOf(demo);
  });

  const MONTHS = [
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
  ];
  const inRange = (r: Row) => r.date >= '2025-04-01' && r.date <= '2026-03-01';

  test('shows value by month for the last 12 months, as the log says', () => {
    const emu = demo;
    expect(messages(emu)).toContain(
      'Dashboard rebuilt for 2025-04-01 to 2026-03-01.',
    );
    const expected = MONTHS.map(month => {
      const rows = log.filter(
        r => r.inbound && inRange(r) && r.date.startsWith(month),
      );
      const gifts = rows.filter(r => GIFTS.includes(r.kind));
      return [
        month,
        rows.filter(r => PROMOTION.includes(r.kind)).length,
        rows.filter(r => ACTION.includes(r.kind)).length,
        gifts.length,
        Math.round(gifts.reduce((a, r) => a + r.amount, 0) * 100) / 100,
      ];
    });
    const shown = table(emu, 'Value by month');
    expect(shown.slice(0, 12).map(r => r.slice(0, 5))).toEqual(expected);
    // Pinned, so a change to the demo data or the rules shows up here.
    expect(shown[12].slice(0, 5)).toEqual(['Total', 683, 547, 542, 51402]);
  });

  test('shows deposits against asks by month', () => {
    const expected = MONTHS.map(month => {
      const ours = log.filter(
        r => !r.inbound && inRange(r) && r.date.startsWith(month),
      );
      const asks = ours.filter(r => r.kind.startsWith('ask: ')).length;
      const deposits = ours.filter(
        r => !r.kind.startsWith('ask: ') && !NOT_DEPOSITS.includes(r.kind),
      ).length;
      return [
        month,
        deposits,
        asks,
        asks ? Math.round((deposits / asks) * 10) / 10 : '',
      ];
    });
    const shown = table(demo, 'Give : ask by month');
    expect(shown.map(r => r.slice(0, 4))).toEqual(expected);
    expect(shown[0].slice(0, 4)).toEqual(['2025-04', 94, 25, 3.8]);
  });

  test('counts supporters by band and level as the tracker shows them', () => {
    const people = records(demo, 'Supporters');
    const bandOf = (r: number) =>
      r >= 70 ? 'Hot' : r >= 45 ? 'Warm' : r >= 20 ? 'Cool' : 'Cold';
    const count = (f: (p: Record<string, unknown>) => string, v: string) =>
      people.filter(p => f(p) === v).length;
    const bands = table(demo, 'Supporters by band');
    expect(bands.slice(0, 4).map(r => r.slice(0, 2))).toEqual(
      ['Hot', 'Warm', 'Cool', 'Cold'].map(b => [
        b,
        count(p => bandOf(Number(p.Responsiveness)), b),
      ]),
    );
    expect(bands.slice(0, 4).map(r => r[1])).toEqual([27, 31, 73, 169]);
    expect(bands.slice(4).map(r => r.slice(0, 2))).toEqual([
      ['Moved up', 21],
      ['Moved down', 40],
    ]);
    const levels = table(demo, 'Supporters by level');
    for (const row of levels.slice(0, 6)) {
      expect(row[1]).toBe(count(p => String(p.Level), String(row[0])));
    }
  });

  test('shows inbound engagement by network', () => {
    const shown = table(demo, 'Engagement by network');
    const channels = ['x', 'bluesky', 'mastodon', 'email', 'in person'];
    for (const [i, channel] of channels.entries()) {
      const rows = log.filter(
        r => r.inbound && inRange(r) && r.channel === channel,
      );
      expect(shown[i].slice(1, 4)).toEqual([
        rows.length,
        new Set(rows.map(r => r.id)).size,
        rows.filter(r => [...PROMOTION, ...ACTION].includes(r.kind)).length,
      ]);
    }
    expect(shown[0].slice(0, 2)).toEqual(['X', 1432]);
  });

  test('lists the top 10 believers with their weekly sparkline and whuffie', () => {
    const emu = demo;
    const people = records(emu, 'Supporters');
    const whuffie = new Map(people.map(p => [p['Supporter ID'], p.Whuffie]));
    const name = new Map(
      people.map(p => [
        p['Supporter ID'],
        `${p['First Name']} ${p['Last Name']}`,
      ]),
    );
    const first = '2025-12-01'; // 90 days before 2026-03-01
    const recent = log.filter(
      r => r.inbound && r.date >= first && r.date <= '2026-03-01',
    );
    const tally = new Map<string, {p: number; a: number}>();
    for (const r of recent) {
      const t = tally.get(r.id) ?? {p: 0, a: 0};
      if (PROMOTION.includes(r.kind)) t.p++;
      if (ACTION.includes(r.kind)) t.a++;
      tally.set(r.id, t);
    }
    const top = [...tally]
      .filter(([, t]) => t.p + t.a > 0)
      .sort(
        ([a, x], [b, y]) =>
          y.p + y.a - (x.p + x.a) ||
          y.p - x.p ||
          Number(whuffie.get(b)) - Number(whuffie.get(a)) ||
          (a < b ? -1 : 1),
      )
      .slice(0, 10);
    const shown = table(emu, 'Top 10 believers');
    expect(shown.map(r => r.slice(0, 5))).toEqual(
      top.map(([id, t]) => [name.get(id), id, t.p, t.a, whuffie.get(id)]),
    );
    expect(shown[0].slice(2, 5)).toEqual([42, 12, 135.3]);
    // Weekly counts beside the sparkline: 13 weeks ending 2026-03-01.
    const [headerRow] = grid(emu).filter(r => r[0] === 'Name');
    const weeks = Array.from({length: 13}, (_, k) =>
      addDays('2026-03-01', -7 * (13 - k) + 1),
    );
    expect(headerRow.slice(7, 20)).toEqual(weeks);
    for (const [i, [id]] of top.entries()) {
      expect(shown[i].slice(7, 20)).toEqual(
        weeks.map(
          w =>
            recent.filter(
              r => r.id === id && r.date >= w && r.date <= addDays(w, 6),
            ).length,
        ),
      );
    }
    // The sparkline is a formula over those cells of this sheet.
    const sheet = emu.spreadsheet.sheetByName('Dashboard')!;
    const row = grid(emu).findIndex(r => r[1] === top[0][0]) + 1;
    expect(sheet.formulas.get(row, 7)).toBe(`=SPARKLINE(H${row}:T${row})`);
  });

  test('measures the reach of each believer against first-time engagers', () => {
    const emu = demo;
    const firstInbound = new Map<string, number>();
    for (const r of log) {
      if (!r.inbound) continue;
      const t = r.when.getTime();
      if (!(t >= (firstInbound.get(r.id) ?? Infinity))) {
        firstInbound.set(r.id, t);
      }
    }
    const newcomers = [...firstInbound.values()];
    const reach = table(emu, 'Reach of the believers');
    expect(reach).toHaveLength(11); // ten believers and the comparison line
    for (const row of reach.slice(0, 10)) {
      const promotions = log
        .filter(
          r =>
            r.id === row[1] &&
            r.inbound &&
            inRange(r) &&
            PROMOTION.includes(r.kind),
        )
        .map(r => r.when.getTime());
      const after = (t: number) =>
        newcomers.filter(n => n > t && n <= t + 7 * DAY);
      const followed = promotions.filter(t => after(t).length > 0).length;
      const people = new Set(promotions.flatMap(after)).size;
      expect(row.slice(2, 6)).toEqual([
        promotions.length,
        followed,
        promotions.length ? followed / promotions.length : '',
        people,
      ]);
    }
    expect(reach[0].slice(2, 4)).toEqual([103, 89]);
  });

  test('every column header explains its source in a note', () => {
    const sheet = demo.spreadsheet.sheetByName('Dashboard')!;
    const values = grid(demo);
    values.forEach((row, r) => {
      if (
        !['Month', 'Band', 'Level', 'Network', 'Name'].includes(String(row[0]))
      )
        return;
      row.forEach((cell, c) => {
        if (cell !== '') expect(sheet.notes.get(r + 1, c + 1)).toBeTruthy();
      });
      expect(sheet.notes.get(r, 1)).toBeTruthy(); // the block's title
    });
  });

  test('the charts are native charts over the right ranges', () => {
    const list = charts(demo);
    const a1 = (r: {r1: number; c1: number; r2: number; c2: number}) =>
      `${String.fromCharCode(64 + r.c1)}${r.r1}:${String.fromCharCode(64 + r.c2)}${r.r2}`;
    const values = grid(demo);
    const summary = list.map(c => ({
      type: c.type,
      title: c.options.title,
      stacked: c.options.isStacked ?? false,
      range: a1(c.ranges[0].rect),
      headers: c.numHeaders,
      header: values[c.ranges[0].rect.r1 - 1].slice(0, c.ranges[0].rect.c2),
    }));
    expect(summary).toEqual([
      {
        type: 'COLUMN',
        title: 'Value by month',
        stacked: true,
        range: 'A7:D19',
        headers: 1,
        header: ['Month', 'Promotion', 'Action', 'Memberships & donations'],
      },
      {
        type: 'LINE',
        title: 'Our deposits vs our asks',
        stacked: false,
        range: 'A26:C38',
        headers: 1,
        header: ['Month', 'Deposits', 'Asks'],
      },
      {
        type: 'COLUMN',
        title: 'Supporters by band',
        stacked: false,
        range: 'A45:C49',
        headers: 1,
        header: ['Band', 'Today', '30 days ago'],
      },
      {
        type: 'BAR',
        title: 'Inbound engagement by network',
        stacked: false,
        range: 'A65:B73',
        headers: 1,
        header: ['Network', 'Inbound events'],
      },
    ]);
    // The last month of each monthly chart is the last row it covers.
    expect(values[18][0]).toBe('2026-03');
    expect(values[37][0]).toBe('2026-03');
  });

  test('a second build replaces the sheet and its charts, and touches no other sheet', () => {
    const emu = demo;
    const before = emu.toWorkbook().sheets;
    const ids = charts(emu).map(c => c.chartId);
    emu.clickMenu('Dashboard');
    const after = emu.toWorkbook().sheets;
    expect(after.map(s => s.name)).toEqual(before.map(s => s.name));
    expect(after).toEqual(before);
    expect(charts(emu)).toHaveLength(4);
    expect(charts(emu).map(c => c.chartId)).not.toEqual(ids);
    expect(emu.spreadsheet.sheets.flatMap(s => s.charts)).toHaveLength(4);
  });

  test('a rebuild costs the same number of service calls at any log size', () => {
    const big = demo;
    big.resetCounts();
    big.clickMenu('Dashboard');
    const bigCounts = {...big.counts};
    const small = buildDemo({supporters: 40, interactions: 400});
    small.clickMenu('Dashboard'); // creates the sheet
    small.resetCounts();
    small.clickMenu('Dashboard');
    expect(small.counts).toEqual(bigCounts);
    // Reads of the tracker and log, ~12 writes, ~11 builder calls per chart.
    expect(totalCalls(bigCounts)).toBeLessThanOrEqual(90);
  });
});

test('the demo is the same on every build, supporter ids included', () => {
  const log = (emu: Emulator) => sheetOf(emu, 'Interactions').values;
  const a = buildDemo({supporters: 20, interactions: 100});
  const b = buildDemo({supporters: 20, interactions: 100});
  expect(log(b)).toEqual(log(a));
});

const PEOPLE = [
  ['Name', 'Email', 'Twitter'],
  ['Maya Ode', 'maya@example.org', '@maya_ode'],
  ['=HYPERLINK("http://evil.example","click")', 'evil@example.org', '@evil'],
];

const small = () => trackerWith(PEOPLE);

describe('the dashboard on a small workbook', () => {
  test('an empty log gives an empty but valid dashboard', () => {
    const emu = small();
    emu.clickMenu('Dashboard');
    expect(emu.ui.alerts).toEqual([]);
    const months = table(emu, 'Value by month');
    expect(months).toHaveLength(13);
    expect(months[0]).toEqual(['2025-04', 0, 0, 0, 0, ...months[0].slice(5)]);
    expect(months[12].slice(0, 5)).toEqual(['Total', 0, 0, 0, 0]);
    expect(table(emu, 'Supporters by band')[3].slice(0, 3)).toEqual([
      'Cold',
      2,
      2,
    ]);
    expect(table(emu, 'Top 10 believers')[0][0]).toMatch(/^Nobody promoted/);
    expect(charts(emu)).toHaveLength(4);
    const sheet = emu.spreadsheet.sheetByName('Dashboard')!;
    expect(sheet.formulas.get(1, 1)).toBeUndefined();
    expect(emu.spreadsheet.sheets.map(s => s.name)).toEqual([
      'Supporters',
      'Interactions',
      'Dashboard',
    ]);
  });

  test('a name from outside stays text, never a formula', () => {
    const emu = small();
    const ids = records(emu, 'Supporters').map(r => String(r['Supporter ID']));
    const at = new Date('2026-02-20T12:00:00Z');
    seedLog(emu, [logRow(at, ids[1], 'inbound', 'retweet')]);
    emu.clickMenu('Dashboard');
    const values = grid(emu);
    const row = values.findIndex(r => r[1] === ids[1]) + 1;
    expect(values[row - 1][0]).toBe(PEOPLE[2][0]);
    const sheet = emu.spreadsheet.sheetByName('Dashboard')!;
    expect(sheet.formulas.get(row, 1)).toBeUndefined();
    expect(sheet.formulas.get(row, 7)).toBe(`=SPARKLINE(H${row}:T${row})`);
  });

  test('From and To typed on the sheet choose the range', () => {
    const emu = small();
    const ids = records(emu, 'Supporters').map(r => String(r['Supporter ID']));
    seedLog(emu, [
      logRow(
        new Date('2025-12-10T12:00:00Z'),
        ids[0],
        'inbound',
        'signed',
        '',
        '',
        'email',
      ),
      logRow(new Date('2026-01-10T12:00:00Z'), ids[0], 'inbound', 'quote'),
    ]);
    emu.clickMenu('Dashboard');
    emu.userEdit('Dashboard!B2', '2026-01-01');
    emu.userEdit('Dashboard!B3', '2026-02-15');
    emu.clickMenu('Dashboard');
    const months = table(emu, 'Value by month');
    expect(months.map(r => r.slice(0, 3))).toEqual([
      ['2026-01', 1, 0],
      ['2026-02', 0, 0],
      ['Total', 1, 0],
    ]);
    expect(grid(emu)[1].slice(0, 3)).toEqual([
      'From',
      new Date('2026-01-01T00:00:00Z'),
      'Showing 2026-01-01',
    ]);
    const [chart] = charts(emu);
    expect(chart.ranges[0].rect).toMatchObject({
      r2: chart.ranges[0].rect.r1 + 2,
    });
    // Clearing them goes back to the last 12 months.
    emu.userEdit('Dashboard!B2', '');
    emu.userEdit('Dashboard!B3', '');
    emu.clickMenu('Dashboard');
    expect(table(emu, 'Value by month')).toHaveLength(13);
  });

  test('the daily digest rebuilds the dashboard too', () => {
    const emu = small();
    emu.clickMenu('Daily digest…', ['test']);
    expect(emu.spreadsheet.sheetByName('Dashboard')).toBeTruthy();
    expect(charts(emu)).toHaveLength(4);
  });
});
