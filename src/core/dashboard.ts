/**
 * The Dashboard sheet: value over time, give:ask, bands and levels, the top
 * believers and their reach, engagement by network — computed in one pass
 * over the log, then laid out as one grid of cells (values, number formats,
 * notes, bold headers), the sparkline formulas and the chart specs. The
 * adapter writes the grid in a constant number of calls.
 *
 * Decisions the issue leaves open:
 * - The date range is a setting the user types in the sheet itself (From in
 *   B2, To in B3). Blank means rolling: From = the 1st of the month 11
 *   months back, To = today. A To after today is today.
 * - Only events up to `now` count (a future-dated row is not history yet).
 * - Value classes follow the kind and direction (kinds.ts), not the log's
 *   Value class cell, the same rule the scores and `valueByMonth` use. The
 *   monthly value is counted here rather than by `valueByMonth` so that one
 *   pass also fills the range's empty months and every other block (a unit
 *   test checks the two agree).
 * - "Moved up or down" compares today's band and level with those the same
 *   log gives 30 days ago, so the figure means something on the 1st too.
 * - Top believers rank by promotion + action in the 90 days ending on To
 *   (then promotion, whuffie, id); only supporters in the tracker.
 * - Reach is a proxy, said so in its notes: for each believer's promotions
 *   in the range, the people whose very first inbound event came within the
 *   7 days after. It is a coincidence in time, not proof that the believer
 *   brought them.
 */
import {
  civilFromDays,
  dateIn,
  daysFromCivil,
  dayNumber,
  dayNumberIn,
  formatDay,
  MS_PER_DAY,
  parseWhen,
  startOfDay,
} from './dates';
import {CHANNEL_LABELS, CHANNELS, isAsk, valueClassOf} from './kinds';
import type {Interaction} from './model';
import {
  computeScores,
  levelRank,
  LEVELS,
  scoreTotals,
  type Level,
  type SupporterScore,
} from './scoring';
import {BANDS, bandRank, type Band, type Settings} from './settings';
import {PLAIN_TEXT} from './cells';
import {columnLetter, isEmptyCell} from './columns';

export const DASHBOARD_SHEET_NAME = 'Dashboard';
/** Where the user types the range: From in B2, To in B3. */
export const RANGE_CELLS = {row: 2, column: 2, rows: 2} as const;

const TOP_BELIEVERS = 10;
const BELIEVER_WINDOW_DAYS = 90;
const SPARK_WEEKS = 13;
const REACH_WINDOW_DAYS = 7;
const MOVE_DAYS = 30;
const DEFAULT_MONTHS = 12;
/** Rows a chart covers (about 21 px each), so blocks with charts do not overlap. */
const CHART_ROWS = 18;
/** Charts sit to the right of the tables, from this column. */
const CHART_COLUMN = 7;

export type DashboardCell = string | number | Date;

export interface ChartSpec {
  type: 'COLUMN' | 'LINE' | 'BAR';
  title: string;
  stacked: boolean;
  /** 1-based, header row included (numHeaders 1). */
  range: {row: number; column: number; rows: number; columns: number};
  anchorRow: number;
  anchorColumn: number;
}

export interface DashboardLayout {
  values: DashboardCell[][];
  formats: string[][];
  notes: string[][];
  weights: ('bold' | 'normal')[][];
  /** The sparkline column (formulas over cells of this sheet only). */
  formulas: {row: number; column: number; formulas: string[][]} | null;
  charts: ChartSpec[];
}

export interface MonthRow {
  month: string;
  promotion: number;
  action: number;
  membership: number;
  amount: number;
  deposits: number;
  asks: number;
}

export interface NetworkRow {
  channel: string;
  label: string;
  events: number;
  people: number;
  promotionAndAction: number;
}

export interface Believer {
  id: string;
  name: string;
  promotion: number;
  action: number;
  whuffie: number;
  band: Band;
  /** Inbound events per week, oldest first, SPARK_WEEKS weeks ending on `end`. */
  weekly: number[];
  reach: {promotions: number; followed: number; newcomers: number};
}

export interface DashboardData {
  from: number;
  to: number;
  /** True when From / To are blank (the rolling default). */
  rolling: {from: boolean; to: boolean};
  warnings: string[];
  months: MonthRow[];
  bands: {band: Band; now: number; before: number}[];
  levels: {level: Level; now: number; before: number}[];
  moves: {
    bandUp: number;
    bandDown: number;
    levelUp: number;
    levelDown: number;
  };
  networks: NetworkRow[];
  believers: Believer[];
  /** First day of each sparkline week, oldest first. */
  weeks: string[];
  /** New people per 7 days on average over the range (the reach baseline). */
  newcomersPer7Days: number;
  newcomers: number;
}

export interface DashboardInput {
  events: readonly Interaction[];
  /** Everyone's scores today (ScoreRun.result.list). */
  scores: readonly SupporterScore[];
  /** Supporter id → the name to show. */
  names: ReadonlyMap<string, string>;
  now: Date;
  timeZone: string;
  settings: Settings;
  /** What B2 and B3 hold ('' when blank). */
  range: {from: unknown; to: unknown};
}

const NETWORK_ORDER = [...CHANNELS, ''];

function monthKey(day: number): number {
  const {year, month} = civilFromDays(day);
  return year * 12 + month - 1;
}

function monthLabel(key: number): string {
  const year = Math.floor(key / 12);
  const month = (key % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** A From / To cell as a day number; null when blank, NaN when not a date. */
function dayOfCell(cell: unknown, timeZone: string): number | null {
  if (isEmptyCell(cell)) return null;
  const when = parseWhen(cell, timeZone);
  return when ? dayNumber(when, timeZone) : NaN;
}

function resolveRange(
  input: DashboardInput,
  today: number,
): Pick<DashboardData, 'from' | 'to' | 'rolling' | 'warnings'> {
  const warnings: string[] = [];
  let to = dayOfCell(input.range.to, input.timeZone);
  let from = dayOfCell(input.range.from, input.timeZone);
  if (Number.isNaN(to)) {
    warnings.push('To (B3) is not a date, so the range ends today.');
    to = null;
  }
  if (Number.isNaN(from)) {
    warnings.push('From (B2) is not a date, so the last 12 months are shown.');
    from = null;
  }
  const rolling = {from: from === null, to: to === null};
  let end = to ?? today;
  if (end > today) {
    warnings.push('To (B3) is after today, so the range ends today.');
    end = today;
  }
  const key = monthKey(end) - (DEFAULT_MONTHS - 1);
  const twelveMonths = daysFromCivil(Math.floor(key / 12), (key % 12) + 1, 1);
  let start = from ?? twelveMonths;
  if (start > end) {
    warnings.push('From (B2) is after To, so the last 12 months are shown.');
    start = twelveMonths;
    rolling.from = true;
  }
  return {from: start, to: end, rolling, warnings};
}

/** Band and level counts today and MOVE_DAYS ago, from the same log. */
function movesOf(
  input: DashboardInput,
  now: ReadonlyMap<string, SupporterScore>,
): Pick<DashboardData, 'bands' | 'levels' | 'moves'> {
  const before = computeScores({
    events: input.events,
    supporters: [...now.keys()].map(id => ({id})),
    now: new Date(input.now.getTime() - MOVE_DAYS * MS_PER_DAY),
    timeZone: input.timeZone,
    settings: input.settings,
  }).scores;
  const totalsNow = scoreTotals(now.values());
  const totalsBefore = scoreTotals(before.values());
  const moves = {bandUp: 0, bandDown: 0, levelUp: 0, levelDown: 0};
  for (const s of now.values()) {
    const then = before.get(s.id)!;
    const band = bandRank(s.band) - bandRank(then.band);
    const level = levelRank(s.level) - levelRank(then.level);
    if (band > 0) moves.bandUp++;
    if (band < 0) moves.bandDown++;
    if (level > 0) moves.levelUp++;
    if (level < 0) moves.levelDown++;
  }
  return {
    bands: [...BANDS].reverse().map(band => ({
      band,
      now: totalsNow.byBand[band],
      before: totalsBefore.byBand[band],
    })),
    levels: [...LEVELS].reverse().map(level => ({
      level,
      now: totalsNow.byLevel[level],
      before: totalsBefore.byLevel[level],
    })),
    moves,
  };
}

interface Window {
  promotion: number;
  action: number;
  weekly: number[];
}

/** Counts newcomers (sorted first-engagement instants) in the union of (t, t + window]. */
function reachOf(
  promotions: number[],
  newcomers: Float64Array,
): Believer['reach'] {
  const windowMs = REACH_WINDOW_DAYS * MS_PER_DAY;
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = newcomers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newcomers[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo; // first index with newcomers[i] > x
  };
  const times = [...promotions].sort((a, b) => a - b);
  let followed = 0;
  let count = 0;
  let coveredUntil = -Infinity;
  for (const t of times) {
    if (lowerBound(t + windowMs) - lowerBound(t) > 0) followed++;
    const start = Math.max(t, coveredUntil);
    if (t + windowMs > start) {
      count += lowerBound(t + windowMs) - lowerBound(start);
    }
    coveredUntil = Math.max(coveredUntil, t + windowMs);
  }
  return {promotions: times.length, followed, newcomers: count};
}

/** Every number of the dashboard, in one pass over the log. */
export function dashboardData(input: DashboardInput): DashboardData {
  const {timeZone} = input;
  const nowMs = input.now.getTime();
  const dayOf = dayNumberIn(timeZone);
  const today = dayOf(nowMs);
  const range = resolveRange(input, today);
  const {from, to} = range;
  const firstMonth = monthKey(from);
  const months: MonthRow[] = [];
  for (let key = firstMonth; key <= monthKey(to); key++) {
    months.push({
      month: monthLabel(key),
      promotion: 0,
      action: 0,
      membership: 0,
      amount: 0,
      deposits: 0,
      asks: 0,
    });
  }
  // Day → month row, for the days of the range (no calendar maths per event).
  const monthOfDay = new Int32Array(to - from + 1);
  for (let d = from; d <= to; d++)
    monthOfDay[d - from] = monthKey(d) - firstMonth;

  const networks = new Map<string, {row: NetworkRow; people: Set<string>}>(
    NETWORK_ORDER.map(channel => [
      channel,
      {
        row: {
          channel,
          label: channel
            ? (CHANNEL_LABELS[channel] ?? channel)
            : 'Not recorded',
          events: 0,
          people: 0,
          promotionAndAction: 0,
        },
        people: new Set<string>(),
      },
    ]),
  );
  const windowStart = to - BELIEVER_WINDOW_DAYS;
  const windows = new Map<string, Window>();
  const promotionsInRange = new Map<string, number[]>();
  const firstInbound = new Map<string, number>();

  for (const e of input.events) {
    const ms = e.when.getTime();
    if (!(ms <= nowMs)) continue;
    const inbound = e.direction === 'inbound';
    if (inbound) {
      const first = firstInbound.get(e.supporterId);
      if (first === undefined || ms < first)
        firstInbound.set(e.supporterId, ms);
    }
    const day = dayOf(ms);
    if (day > to || (day < from && day < windowStart)) continue;
    const cls = valueClassOf(e.direction, e.kind);
    if (inbound && day >= windowStart) {
      let w = windows.get(e.supporterId);
      if (!w) {
        w = {promotion: 0, action: 0, weekly: new Array(SPARK_WEEKS).fill(0)};
        windows.set(e.supporterId, w);
      }
      w.weekly[SPARK_WEEKS - 1 - Math.floor((to - day) / 7)]++;
      if (cls === 'promotion' || cls === 'action') w[cls]++;
    }
    if (day < from) continue;
    const month = months[monthOfDay[day - from]];
    if (!inbound) {
      if (cls === 'deposit') month.deposits++;
      else if (isAsk(e.kind)) month.asks++;
      continue;
    }
    if (cls === 'promotion' || cls === 'action') month[cls]++;
    else if (cls === 'membership') {
      month.membership++;
      month.amount += e.amount ?? 0;
    }
    const network = networks.get(e.channel) ?? networks.get('other')!;
    network.row.events++;
    network.people.add(e.supporterId);
    if (cls === 'promotion' || cls === 'action') {
      network.row.promotionAndAction++;
    }
    if (cls === 'promotion') {
      const list = promotionsInRange.get(e.supporterId);
      if (list) list.push(ms);
      else promotionsInRange.set(e.supporterId, [ms]);
    }
  }
  for (const m of months) m.amount = Math.round(m.amount * 100) / 100;

  // By id: a repeated tracker id shares one score, and counts once.
  const scoreOf = new Map(input.scores.map(s => [s.id, s]));
  const ranked = [...windows]
    .filter(([id, w]) => scoreOf.has(id) && w.promotion + w.action > 0)
    .sort(
      ([a, x], [b, y]) =>
        y.promotion + y.action - (x.promotion + x.action) ||
        y.promotion - x.promotion ||
        scoreOf.get(b)!.whuffie - scoreOf.get(a)!.whuffie ||
        (a < b ? -1 : a > b ? 1 : 0),
    )
    .slice(0, TOP_BELIEVERS);

  const newcomerTimes = Float64Array.from(firstInbound.values()).sort();
  const inRange = (ms: number) => {
    const day = dayOf(ms);
    return day >= from && day <= to;
  };
  const newcomers = newcomerTimes.filter(inRange).length;
  const believers: Believer[] = ranked.map(([id, w]) => {
    const score = scoreOf.get(id)!;
    return {
      id,
      name: input.names.get(id) ?? id,
      promotion: w.promotion,
      action: w.action,
      whuffie: score.whuffie,
      band: score.band,
      weekly: w.weekly,
      reach: reachOf(promotionsInRange.get(id) ?? [], newcomerTimes),
    };
  });
  const weeks = Array.from({length: SPARK_WEEKS}, (_, k) =>
    formatDay(to - 7 * (SPARK_WEEKS - k) + 1),
  );
  return {
    ...range,
    months,
    ...movesOf(input, scoreOf),
    networks: NETWORK_ORDER.map(channel => {
      const n = networks.get(channel)!;
      return {...n.row, people: n.people.size};
    }),
    believers,
    weeks,
    newcomers,
    newcomersPer7Days:
      Math.round((newcomers / ((to - from + 1) / REACH_WINDOW_DAYS)) * 10) / 10,
  };
}

// ---------------------------------------------------------------------------
// Layout.

const COUNT = '0';
const MONEY = '#,##0.00';
const ONE_DECIMAL = '0.0';
const PERCENT = '0%';
const DATE = 'yyyy-mm-dd';

interface Column {
  header: string;
  note: string;
  format: string;
}

/** Builds the grid top to bottom; rows are padded to the widest block. */
class Grid {
  readonly values: DashboardCell[][] = [];
  readonly formats: string[][] = [];
  readonly notes: string[][] = [];
  readonly weights: ('bold' | 'normal')[][] = [];
  readonly charts: ChartSpec[] = [];
  formulas: DashboardLayout['formulas'] = null;

  /** The 1-based row the next line goes on. */
  get next(): number {
    return this.values.length + 1;
  }

  line(
    cells: DashboardCell[],
    formats: string[] = [],
    notes: string[] = [],
    bold = false,
  ): number {
    this.values.push(cells);
    this.formats.push(cells.map((_, i) => formats[i] ?? PLAIN_TEXT));
    this.notes.push(cells.map((_, i) => notes[i] ?? ''));
    this.weights.push(cells.map(() => (bold ? 'bold' : 'normal')));
    return this.values.length;
  }

  blank(): void {
    this.line(['']);
  }

  title(text: string, note: string): void {
    this.line([text], [], [note], true);
  }

  /** A header row and data rows; returns the header's row number. */
  table(columns: Column[], rows: DashboardCell[][]): number {
    const header = this.line(
      columns.map(c => c.header),
      [],
      columns.map(c => c.note),
      true,
    );
    for (const row of rows)
      this.line(
        row,
        columns.map(c => c.format),
      );
    return header;
  }

  /** Leaves room under a block whose chart is taller than the table. */
  padTo(row: number): void {
    while (this.next < row) this.blank();
  }

  chart(spec: Omit<ChartSpec, 'anchorColumn'>): void {
    this.charts.push({...spec, anchorColumn: CHART_COLUMN});
  }

  done(): DashboardLayout {
    const width = Math.max(...this.values.map(r => r.length));
    const pad = <T>(rows: T[][], fill: T) =>
      rows.map(r => [...r, ...new Array<T>(width - r.length).fill(fill)]);
    return {
      values: pad(this.values, ''),
      formats: pad(this.formats, PLAIN_TEXT),
      notes: pad(this.notes, ''),
      weights: pad(this.weights, 'normal'),
      formulas: this.formulas,
      charts: this.charts,
    };
  }
}

const RANGE_NOTE =
  'Type a date in From and To to choose the range, then rebuild (Social CRM › Dashboard; the daily run rebuilds it too). Leave them blank for the last 12 months up to today.';

/** The range, the warnings and the build time. */
function header(grid: Grid, data: DashboardData, input: DashboardInput): void {
  const tz = input.timeZone;
  const shown = (day: number) => startOfDay(day, tz);
  grid.line(
    ['Dashboard', `Built ${dateIn(input.now, tz)}`],
    [],
    [
      'Rebuilt from the Interactions log and the tracker by Social CRM › Dashboard and by the daily run. Edits other than From and To are replaced.',
    ],
    true,
  );
  grid.line(
    [
      'From',
      data.rolling.from ? '' : shown(data.from),
      `Showing ${formatDay(data.from)}`,
    ],
    [PLAIN_TEXT, DATE],
    [RANGE_NOTE],
    false,
  );
  grid.line(
    ['To', data.rolling.to ? '' : shown(data.to), `to ${formatDay(data.to)}`],
    [PLAIN_TEXT, DATE],
    [RANGE_NOTE],
  );
  grid.line([data.warnings.join(' ')]);
}

function monthBlocks(grid: Grid, data: DashboardData): void {
  const top = grid.next;
  grid.title(
    'Value by month',
    'Inbound events of the Interactions log in the range, by calendar month in the spreadsheet time zone. The chart stacks the three counts.',
  );
  const head = grid.table(
    [
      {
        header: 'Month',
        note: 'Calendar month (spreadsheet time zone).',
        format: PLAIN_TEXT,
      },
      {
        header: 'Promotion',
        note: 'Inbound retweets and quotes that month.',
        format: COUNT,
      },
      {
        header: 'Action',
        note: 'Inbound volunteered, signed, attended and defended us.',
        format: COUNT,
      },
      {
        header: 'Memberships & donations',
        note: 'Inbound donations and memberships (count).',
        format: COUNT,
      },
      {
        header: 'Amount',
        note: 'Sum of the Amount column of those donations and memberships.',
        format: MONEY,
      },
    ],
    data.months.map(m => [
      m.month,
      m.promotion,
      m.action,
      m.membership,
      m.amount,
    ]),
  );
  grid.chart({
    type: 'COLUMN',
    title: 'Value by month',
    stacked: true,
    range: {row: head, column: 1, rows: data.months.length + 1, columns: 4},
    anchorRow: top,
  });
  const sum = (f: (m: MonthRow) => number) =>
    data.months.reduce((a, m) => a + f(m), 0);
  grid.line(
    [
      'Total',
      sum(m => m.promotion),
      sum(m => m.action),
      sum(m => m.membership),
      Math.round(sum(m => m.amount) * 100) / 100,
    ],
    [PLAIN_TEXT, COUNT, COUNT, COUNT, MONEY],
    ['Sums of the months above.'],
    true,
  );
  grid.padTo(top + CHART_ROWS);
  grid.blank();

  const top2 = grid.next;
  grid.title(
    'Give : ask by month',
    'Our outbound events of the Interactions log in the range: deposits (thanks, sharing theirs, answers, wishes, feedback requests, introductions, check-ins) against asks (ask: share / act / volunteer / give). "Give, give, give, ask" is 3 or more.',
  );
  const head2 = grid.table(
    [
      {header: 'Month', note: 'Calendar month.', format: PLAIN_TEXT},
      {
        header: 'Deposits',
        note: 'Our outbound deposits that month.',
        format: COUNT,
      },
      {header: 'Asks', note: 'Our outbound asks that month.', format: COUNT},
      {
        header: 'Give : ask',
        note: 'Deposits per ask, one decimal; blank in a month without asks.',
        format: ONE_DECIMAL,
      },
    ],
    data.months.map(m => [
      m.month,
      m.deposits,
      m.asks,
      m.asks ? Math.round((m.deposits / m.asks) * 10) / 10 : '',
    ]),
  );
  grid.chart({
    type: 'LINE',
    title: 'Our deposits vs our asks',
    stacked: false,
    range: {row: head2, column: 1, rows: data.months.length + 1, columns: 3},
    anchorRow: top2,
  });
  grid.padTo(top2 + CHART_ROWS);
  grid.blank();
}

function supporterBlocks(grid: Grid, data: DashboardData): void {
  const top = grid.next;
  grid.title(
    'Supporters by band',
    `Responsiveness bands of everyone in the tracker, today and ${MOVE_DAYS} days ago (the same log scored as it stood then). Independent of the range.`,
  );
  const head = grid.table(
    [
      {
        header: 'Band',
        note: 'Hot ≥ 70, Warm 45–69, Cool 20–44, Cold < 20.',
        format: PLAIN_TEXT,
      },
      {header: 'Today', note: 'Supporters in the band today.', format: COUNT},
      {
        header: `${MOVE_DAYS} days ago`,
        note: `Supporters in the band ${MOVE_DAYS} days ago.`,
        format: COUNT,
      },
    ],
    data.bands.map(b => [b.band, b.now, b.before]),
  );
  grid.chart({
    type: 'COLUMN',
    title: 'Supporters by band',
    stacked: false,
    range: {row: head, column: 1, rows: data.bands.length + 1, columns: 3},
    anchorRow: top,
  });
  const moveLines = (what: string, up: number, down: number) => {
    for (const [label, count, way] of [
      ['Moved up', up, 'higher'],
      ['Moved down', down, 'lower'],
    ] as const) {
      grid.line(
        [label, count],
        [PLAIN_TEXT, COUNT],
        [
          `Supporters whose ${what} today is ${way} than ${MOVE_DAYS} days ago.`,
        ],
        true,
      );
    }
  };
  moveLines('band', data.moves.bandUp, data.moves.bandDown);
  grid.blank();
  grid.title(
    'Supporters by level',
    `The value ladder (Follower → Champion) of everyone in the tracker, today and ${MOVE_DAYS} days ago.`,
  );
  grid.table(
    [
      {
        header: 'Level',
        note: 'See SCORING: the value ladder.',
        format: PLAIN_TEXT,
      },
      {header: 'Today', note: 'Supporters at the level today.', format: COUNT},
      {
        header: `${MOVE_DAYS} days ago`,
        note: `Supporters at the level ${MOVE_DAYS} days ago.`,
        format: COUNT,
      },
    ],
    data.levels.map(l => [l.level, l.now, l.before]),
  );
  moveLines('level', data.moves.levelUp, data.moves.levelDown);
  grid.padTo(top + CHART_ROWS);
  grid.blank();

  const top2 = grid.next;
  grid.title(
    'Engagement by network',
    'Inbound events of the Interactions log in the range, by their Channel (blank: not recorded).',
  );
  const head2 = grid.table(
    [
      {header: 'Network', note: 'The Channel column.', format: PLAIN_TEXT},
      {
        header: 'Inbound events',
        note: 'Every inbound event (likes, replies, retweets, gifts…).',
        format: COUNT,
      },
      {
        header: 'People',
        note: 'Different supporters with an inbound event there.',
        format: COUNT,
      },
      {
        header: 'Promotion & action',
        note: 'Inbound retweets, quotes and actions there.',
        format: COUNT,
      },
    ],
    data.networks.map(n => [n.label, n.events, n.people, n.promotionAndAction]),
  );
  grid.chart({
    type: 'BAR',
    title: 'Inbound engagement by network',
    stacked: false,
    range: {row: head2, column: 1, rows: data.networks.length + 1, columns: 2},
    anchorRow: top2,
  });
  grid.padTo(top2 + CHART_ROWS);
  grid.blank();
}

function believerBlocks(grid: Grid, data: DashboardData): void {
  grid.title(
    `Top ${TOP_BELIEVERS} believers`,
    `Supporters with the most inbound promotion (retweets, quotes) and action in the ${BELIEVER_WINDOW_DAYS + 1} days ending ${formatDay(data.to)}; ties go to more promotion, then more whuffie.`,
  );
  const weekColumns: Column[] = data.weeks.map(w => ({
    header: w,
    note: `Their inbound events in the 7 days from ${w}.`,
    format: COUNT,
  }));
  const head = grid.table(
    [
      {header: 'Name', note: 'From the tracker.', format: PLAIN_TEXT},
      {header: 'Supporter ID', note: 'From the tracker.', format: PLAIN_TEXT},
      {
        header: 'Promotion',
        note: `Inbound retweets and quotes in the ${BELIEVER_WINDOW_DAYS + 1} days.`,
        format: COUNT,
      },
      {
        header: 'Action',
        note: `Inbound actions in the ${BELIEVER_WINDOW_DAYS + 1} days.`,
        format: COUNT,
      },
      {
        header: 'Whuffie',
        note: 'Their whuffie today (deposits minus asks, 90-day half-life).',
        format: ONE_DECIMAL,
      },
      {header: 'Band', note: 'Responsiveness band today.', format: PLAIN_TEXT},
      {
        header: 'Weekly engagement',
        note: `A sparkline of the ${SPARK_WEEKS} weekly counts to the right (all their inbound events), oldest first.`,
        // Not plain text: the cell holds a formula (over this sheet's cells only).
        format: COUNT,
      },
      ...weekColumns,
    ],
    data.believers.map(b => [
      b.name,
      b.id,
      b.promotion,
      b.action,
      b.whuffie,
      b.band,
      '',
      ...b.weekly,
    ]),
  );
  if (data.believers.length) {
    const first = columnLetter(8);
    const last = columnLetter(7 + SPARK_WEEKS);
    grid.formulas = {
      row: head + 1,
      column: 7,
      formulas: data.believers.map((_, i) => {
        const r = head + 1 + i;
        return [`=SPARKLINE(${first}${r}:${last}${r})`];
      }),
    };
  } else {
    grid.line([
      `Nobody promoted or acted in the ${BELIEVER_WINDOW_DAYS + 1} days ending ${formatDay(data.to)}.`,
    ]);
  }
  grid.blank();

  grid.title(
    'Reach of the believers',
    `A proxy, not proof: for each of their promotions in the range, did someone engage with us for the very first time (first inbound event in the whole log) within ${REACH_WINDOW_DAYS} days after? It measures coincidence in time; compare with the average below.`,
  );
  grid.table(
    [
      {header: 'Name', note: 'From the tracker.', format: PLAIN_TEXT},
      {header: 'Supporter ID', note: 'From the tracker.', format: PLAIN_TEXT},
      {
        header: 'Promotions',
        note: 'Their inbound retweets and quotes in the range.',
        format: COUNT,
      },
      {
        header: 'Followed by newcomers',
        note: `Promotions with at least one first-time engager within ${REACH_WINDOW_DAYS} days after.`,
        format: COUNT,
      },
      {
        header: 'Share',
        note: 'Followed by newcomers ÷ promotions.',
        format: PERCENT,
      },
      {
        header: 'Newcomers after',
        note: `Different people whose first engagement came within ${REACH_WINDOW_DAYS} days after one of their promotions (a newcomer can count for several believers).`,
        format: COUNT,
      },
    ],
    data.believers.map(b => [
      b.name,
      b.id,
      b.reach.promotions,
      b.reach.followed,
      b.reach.promotions ? b.reach.followed / b.reach.promotions : '',
      b.reach.newcomers,
    ]),
  );
  grid.line(
    [
      'For comparison',
      '',
      `${data.newcomers} people engaged for the first time in the range: ${data.newcomersPer7Days} per ${REACH_WINDOW_DAYS} days on average.`,
    ],
    [],
    [
      'First inbound events in the range, divided by the range length in weeks: the rate a believer beats if their promotions bring people.',
    ],
  );
}

/** The whole sheet: cells, formats, notes, sparkline formulas and charts. */
export function dashboardLayout(
  data: DashboardData,
  input: DashboardInput,
): DashboardLayout {
  const grid = new Grid();
  header(grid, data, input);
  grid.blank();
  monthBlocks(grid, data);
  supporterBlocks(grid, data);
  believerBlocks(grid, data);
  return grid.done();
}
