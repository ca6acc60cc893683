/**
 * Logging from the sidebar rescores only the people it logged for: their
 * rows of the log are picked out before parsing and scored alone. That is
 * only right if nobody's score depends on anybody else's events, which is
 * what these properties pin, from raw log rows to scores.
 */
import fc from 'fast-check';
import {KINDS} from '../../src/core/kinds';
import {parseLog} from '../../src/core/log';
import {computeScores, type SupporterInput} from '../../src/core/scoring';
import {
  BANDS,
  DEFAULT_SETTINGS,
  mergeSettings,
  type Band,
} from '../../src/core/settings';

const TZ = 'Europe/London';
const NOW = new Date('2024-06-15T12:00:00Z');
const HOUR = 3_600_000;
const PEOPLE = ['a', 'b', 'c', 'd'];

// Cells as people and syncs leave them: padded IDs, IDs not in the tracker,
// shared Event IDs (deduplicated per supporter), and now and then a bad or
// future row. Most rows are good, so each person has a history to score.
const rarely = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
  fc.oneof({arbitrary: usual, weight: 9}, {arbitrary: odd, weight: 1});
const arbRow = fc
  .record({
    hoursAgo: fc.integer({min: -48, max: 400 * 24}),
    badDate: rarely(fc.constant(false), fc.constant(true)),
    supporter: rarely(
      fc.constantFrom(...PEOPLE, ' a ', 'b '),
      fc.constantFrom('z', ''),
    ),
    kind: rarely(fc.constantFrom(...KINDS), fc.constant(null)),
    direction: fc.nat(),
    amount: fc.constantFrom('', 10),
    note: fc.constantFrom('', 'a note'),
    eventId: fc.constantFrom('', '', 'x:like:1', 'x:retweet:2'),
  })
  .map(r => [
    r.badDate ? 'not a date' : new Date(NOW.getTime() - r.hoursAgo * HOUR),
    r.supporter,
    r.kind
      ? r.kind.directions[r.direction % r.kind.directions.length]
      : 'inbound',
    r.kind ? r.kind.id : 'bogus',
    'x',
    '',
    r.amount,
    r.note,
    '',
    'test',
    r.eventId,
  ]);
// Repeated rows, so identical events (dropped as duplicates) are common.
const arbLog = fc
  .array(arbRow, {maxLength: 100, size: 'max'})
  .chain(rows =>
    fc
      .array(fc.nat(Math.max(rows.length - 1, 0)), {maxLength: 10})
      .map(picks => (rows.length ? [...rows, ...picks.map(i => rows[i])] : [])),
  );

// The tracker (IDs may repeat: the first row's cells count), and the people
// logged for, some of them.
const arbTracker = fc
  .array(
    fc.record(
      {
        id: fc.constantFrom(...PEOPLE),
        cadenceDays: fc.constantFrom<number | null>(null, 0, 3, 30, 120),
        previousBand: fc.constantFrom<Band | ''>('', ...BANDS),
      },
      {requiredKeys: ['id']},
    ),
    {minLength: 1, maxLength: 6},
  )
  .chain(supporters =>
    fc.tuple(
      fc.constant<SupporterInput[]>(supporters),
      fc.subarray([...new Set(supporters.map(s => s.id))], {minLength: 1}),
    ),
  );

const arbSettings = fc
  .record(
    {
      responsiveness: fc.record(
        {
          dailyCap: fc.integer({min: 1, max: 30}),
          halfLifeDays: fc.integer({min: 1, max: 120}),
          recencyHalfLifeDays: fc.integer({min: 1, max: 120}),
          answerWindowDays: fc.integer({min: 1, max: 14}),
        },
        {requiredKeys: []},
      ),
      whuffie: fc.record({halfLifeDays: fc.integer({min: 1, max: 365})}),
      readyToAsk: fc.record(
        {
          depositsPerAsk: fc.integer({min: 0, max: 5}),
          daysBetweenAsks: fc.integer({min: 0, max: 60}),
          minBand: fc.constantFrom(...BANDS),
        },
        {requiredKeys: []},
      ),
      levels: fc.record(
        {
          promoterMin: fc.integer({min: 1, max: 4}),
          promoterDays: fc.integer({min: 1, max: 365}),
        },
        {requiredKeys: []},
      ),
      lapsing: fc.record(
        {
          minInbound: fc.integer({min: 2, max: 6}),
          lapsingDays: fc.integer({min: 1, max: 365}),
        },
        {requiredKeys: []},
      ),
      defaultCadenceDays: fc.integer({min: 0, max: 90}),
      today: fc.record(
        {
          thankWindowDays: fc.integer({min: 0, max: 30}),
          replyOwedAfterHours: fc.integer({min: 0, max: 72}),
        },
        {requiredKeys: []},
      ),
      explainTop: fc.integer({min: 0, max: 8}),
    },
    {requiredKeys: []},
  )
  .map(overrides => {
    const merged = mergeSettings(DEFAULT_SETTINGS, overrides);
    expect(merged.warnings).toEqual([]);
    return merged.settings;
  });

describe('a supporter scored alone', () => {
  test('gets exactly the scores a run for everyone gives them', () => {
    fc.assert(
      fc.property(
        arbLog,
        arbTracker,
        arbSettings,
        (rows, [supporters, chosen], settings) => {
          const context = {now: NOW, timeZone: TZ, settings};
          const everyone = computeScores({
            ...context,
            events: parseLog(rows, TZ, {now: NOW}).events,
            supporters,
          });
          const only = new Set(chosen);
          const alone = computeScores({
            ...context,
            events: parseLog(rows, TZ, {now: NOW, supporters: only}).events,
            supporters: supporters.filter(s => only.has(s.id)),
          });
          for (const id of chosen) {
            expect(alone.scores.get(id)).toBeDefined();
            expect(alone.scores.get(id)).toEqual(everyone.scores.get(id));
          }
        },
      ),
      {numRuns: 500},
    );
  });

  test('only their rows are parsed: other rows count in no warning', () => {
    const rows = [
      [NOW, 'b', 'sideways', 'like', 'x', '', '', '', '', 'test', ''],
      [new Date(NOW.getTime() - HOUR), ' a ', 'inbound', 'like'],
      ['not a date', 'b', 'inbound', 'like'],
    ];
    const parsed = parseLog(rows, TZ, {now: NOW, supporters: new Set(['a'])});
    expect(parsed.events.map(e => e.supporterId)).toEqual(['a']);
    expect(parsed.warnings).toMatchObject({
      badDates: 0,
      badDirections: 0,
      samples: [],
    });
  });
});
