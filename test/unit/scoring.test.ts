import fc from 'fast-check';
import {KINDS, type Direction} from '../../src/core/kinds';
import {parseLog} from '../../src/core/log';
import type {Interaction} from '../../src/core/model';
import {interaction} from './interactions';
import {
  compareEvents,
  computeScores,
  scoreOne,
  scoreTotals,
  valueByMonth,
  type SupporterInput,
  type SupporterScore,
} from '../../src/core/scoring';
import {
  DEFAULT_SETTINGS,
  mergeSettings,
  type Settings,
} from '../../src/core/settings';

const TZ = 'Europe/London';
const NOW = new Date('2024-06-15T12:00:00Z');
const DAY = 86_400_000;

const ev = (
  daysAgo: number,
  direction: Direction,
  kind: string,
  more: Partial<Interaction> = {},
) =>
  interaction(
    new Date(NOW.getTime() - daysAgo * DAY),
    'maya',
    direction,
    kind,
    more,
  );

function scoresOf(
  events: Interaction[],
  supporters: SupporterInput[] = [{id: 'maya'}],
  settings: Settings = DEFAULT_SETTINGS,
) {
  return computeScores({events, supporters, now: NOW, timeZone: TZ, settings});
}

const score = (
  events: Interaction[],
  supporter: SupporterInput = {id: 'maya'},
) => scoresOf(events, [supporter]).list[0];

/** SCORING.md's worked example. */
const WORKED_EXAMPLE = [
  ev(2, 'inbound', 'retweet', {note: 'Tiger census'}),
  ev(10, 'inbound', 'like'),
  ev(40, 'inbound', 'reply'),
  // Three outreaches: answered by the reply (1 day later), by the like
  // (1 day later), and not answered (the next inbound is 20 days later).
  ev(41, 'outbound', 'thanks'),
  ev(11, 'outbound', 'mention'),
  ev(60, 'outbound', 'check-in'),
];

describe('responsiveness', () => {
  test("SCORING's worked example is 56", () => {
    // S = 4·2^(−2/30) + 1·2^(−10/30) + 3·2^(−40/30) = 5.8036
    // 100·(0.5·(1 − e^(−0.58036)) + 0.3·3/6 + 0.2·2^(−2/30)) = 56.11 → 56.
    // SCORING's "about 56" is this exact formula, rounded.
    const s = score(WORKED_EXAMPLE);
    expect(s.responsiveness).toBe(56);
    expect(s.band).toBe('Warm');
    expect(s.components.S).toBeCloseTo(5.8036, 4);
    expect(s.components.R).toBe(0.5);
    expect(s.components.C).toBeCloseTo(Math.pow(2, -2 / 30), 12);
    expect(s.explain.responsiveness.replyRate).toMatchObject({
      answered: 2,
      outreach: 3,
      pending: 0,
    });
  });

  test('nobody who never engaged: the reply-rate prior alone, Cold', () => {
    const s = score([]);
    expect(s).toMatchObject({
      responsiveness: 10,
      band: 'Cold',
      whuffie: 0,
      level: 'Follower',
      peakLevel: 'Follower',
      lapsing: '',
      readyToAsk: false,
      lastContact: null,
      daysSinceInbound: null,
      owedThanks: {count: 0, latest: null, recent: null},
      replyOwed: {count: 0, oldest: null},
    });
  });

  test('at most 10 points a day count, however busy the day', () => {
    const likes = Array.from({length: 25}, (_, i) =>
      ev(0, 'inbound', 'like', {eventId: `l${i}`}),
    );
    const s = score(likes);
    expect(s.components.S).toBe(10);
    // Each like keeps its share of the capped day.
    const top = s.explain.responsiveness.engagement.top;
    expect(top).toHaveLength(DEFAULT_SETTINGS.explainTop);
    expect(top[0].base).toBeCloseTo(10 / 25, 12);
  });

  test('the cap is per day in the sheet zone, not per UTC day', () => {
    const quotes = (...iso: string[]) =>
      iso.map(t => ev(0, 'inbound', 'quote', {when: new Date(t)}));
    const d = (age: number) => Math.pow(2, -age / 30);
    // Three UTC days, one London day (13 June, BST): capped together.
    const oneLondonDay = quotes(
      '2024-06-12T23:30:00Z',
      '2024-06-13T12:00:00Z',
      '2024-06-13T22:30:00Z',
    );
    expect(score(oneLondonDay).components.S).toBeCloseTo(10 * d(2), 12);
    // One UTC day, two London days: 13 June (5) and 14 June (10, capped).
    const twoLondonDays = quotes(
      '2024-06-13T22:30:00Z',
      '2024-06-13T23:30:00Z',
      '2024-06-13T23:45:00Z',
    );
    expect(score(twoLondonDays).components.S).toBeCloseTo(
      5 * d(2) + 10 * d(1),
      12,
    );
  });

  test('an outreach still inside its 7-day window counts neither way', () => {
    const s = score([ev(3, 'outbound', 'thanks')]);
    expect(s.explain.responsiveness.replyRate).toMatchObject({
      answered: 0,
      outreach: 0,
      pending: 1,
    });
    expect(s.components.R).toBeCloseTo(1 / 3, 12);
    const closed = score([ev(8, 'outbound', 'thanks')]);
    expect(closed.components.R).toBe(1 / 4);
  });

  test('an answer must come after the outreach and within 7 days', () => {
    const sameMoment = score([
      ev(20, 'outbound', 'thanks'),
      ev(20, 'inbound', 'reply'),
    ]);
    expect(sameMoment.explain.responsiveness.replyRate.answered).toBe(0);
    const sixDays = score([
      ev(20, 'outbound', 'thanks'),
      ev(14, 'inbound', 'like'),
    ]);
    expect(sixDays.explain.responsiveness.replyRate.answered).toBe(1);
    const eightDays = score([
      ev(20, 'outbound', 'thanks'),
      ev(12, 'inbound', 'like'),
    ]);
    expect(eightDays.explain.responsiveness.replyRate.answered).toBe(0);
  });

  test('likes and follows we give are not outreach', () => {
    const s = score([ev(20, 'outbound', 'like'), ev(20, 'outbound', 'follow')]);
    expect(s.explain.responsiveness.replyRate.outreach).toBe(0);
    expect(s.lastOutreach).toBeNull();
    expect(s.lastOutbound).not.toBeNull();
  });

  test('a band move is reported against the previous band', () => {
    const hot = Array.from({length: 12}, (_, d) => ev(d, 'inbound', 'quote'));
    expect(score(hot, {id: 'maya', previousBand: 'Warm'})).toMatchObject({
      band: 'Hot',
      bandMoved: 'up',
    });
    expect(score([], {id: 'maya', previousBand: 'Cool'})).toMatchObject({
      band: 'Cold',
      bandMoved: 'down',
    });
    expect(score([], {id: 'maya', previousBand: 'Cold'}).bandMoved).toBe('');
    expect(score([], {id: 'maya', previousBand: ''}).bandMoved).toBe('');
  });
});

describe('explain ("why 56?")', () => {
  test('the parts add up to the score, the events to their part', () => {
    const s = score(WORKED_EXAMPLE);
    const {engagement, replyRate, recency} = s.explain.responsiveness;
    expect(
      Math.round(engagement.points + replyRate.points + recency.points),
    ).toBe(56);
    const fromEvents = engagement.top.reduce((sum, c) => sum + c.points, 0);
    expect(fromEvents).toBeCloseTo(engagement.points, 10);
    expect(engagement.top.map(c => c.event.kind)).toEqual([
      'retweet',
      'reply',
      'like',
    ]);
    expect(engagement.top[0].base).toBe(4);
    expect(recency.daysSinceLastInbound).toBe(2);
    expect(s.explain.whuffie.top.map(c => c.event.kind)).toEqual([
      'mention',
      'thanks',
      'check-in',
    ]);
    expect(
      s.explain.whuffie.top.reduce((sum, c) => sum + c.points, 0),
    ).toBeCloseTo(5.6, 1);
  });

  test('memory stays bounded: a supporter with 10,000 events keeps the top few', () => {
    const events: Interaction[] = [];
    for (let i = 0; i < 10_000; i++) {
      events.push(
        ev(
          (i * 7) % 700,
          i % 3 ? 'inbound' : 'outbound',
          i % 3 ? 'retweet' : 'thanks',
          {eventId: `e${i}`},
        ),
      );
    }
    const t0 = Date.now();
    const s = score(events);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(s.explain.responsiveness.engagement.top).toHaveLength(5);
    expect(s.explain.responsiveness.engagement.events).toBe(6666);
    expect(s.explain.whuffie.top).toHaveLength(5);
    expect(s.responsiveness).toBeLessThanOrEqual(100);
    expect(s.inboundCount + s.outboundCount).toBe(10_000);
  });
});

describe('whuffie and ready-to-ask', () => {
  test('points decay with a 90-day half-life, asks withdraw', () => {
    expect(score([ev(0, 'outbound', 'thanks')]).whuffie).toBe(3);
    expect(score([ev(90, 'outbound', 'introduction')]).whuffie).toBe(2.5);
    expect(
      score([ev(0, 'outbound', 'thanks'), ev(0, 'outbound', 'ask: give')])
        .whuffie,
    ).toBe(-5);
    expect(
      score([ev(0, 'outbound', 'like'), ev(0, 'outbound', 'message')]).whuffie,
    ).toBe(0);
  });

  /** Warm, 3 deposits, whuffie 9.6: every ask is affordable. */
  const warmAndGiving = () => [
    ...Array.from({length: 6}, (_, d) => ev(d * 2 + 1, 'inbound', 'retweet')),
    ev(3, 'outbound', 'thanks'),
    ev(5, 'outbound', 'retweet'),
    ev(9, 'outbound', 'answer'),
  ];

  test('ready when whuffie covers an ask, 3 deposits per ask, no recent ask, Warm+', () => {
    const s = score(warmAndGiving());
    expect(s.band).toMatch(/Warm|Hot/);
    expect(s).toMatchObject({
      deposits: 3,
      asks: 0,
      readyToAsk: true,
      whyNotReady: [],
    });
    expect(s.affordableAsks).toEqual([
      'ask: share',
      'ask: act',
      'ask: volunteer',
      'ask: give',
    ]);
    expect(s.whuffie).toBe(9.6);
  });

  test('each unmet rule says why', () => {
    const recentAsk = score([
      ...warmAndGiving(),
      ev(20, 'outbound', 'ask: share'),
    ]);
    expect(recentAsk.readyToAsk).toBe(false);
    expect(recentAsk.whyNotReady).toEqual([
      '3 deposits and 1 ask in 180 days: another ask needs 6 deposits.',
      'Asked 20 days ago; wait more than 30 days between asks.',
    ]);
    const cold = score([ev(100, 'outbound', 'thanks')]);
    expect(cold.whyNotReady).toEqual([
      'Whuffie 1.4 is below the cost of the smallest ask (3).',
      '1 deposit and 0 asks in 180 days: another ask needs 3 deposits.',
      'Cold (8); asks need Warm or better.',
    ]);
    expect(cold.lastAskAt).toBeNull();
  });
});

describe('owed thanks and replies', () => {
  test('inbound engagement since our last deposit is owed thanks', () => {
    const s = score([
      ev(30, 'inbound', 'like'),
      ev(20, 'outbound', 'thanks'),
      ev(10, 'inbound', 'quote', {note: 'old'}),
      ev(3, 'inbound', 'retweet', {note: 'Tiger census'}),
      ev(2, 'inbound', 'like'),
      ev(1, 'outbound', 'like'),
    ]);
    expect(s.owedThanks.count).toBe(3);
    expect(s.owedThanks.latest?.kind).toBe('like');
    // The weightiest within the 7-day thank window.
    expect(s.owedThanks.recent?.note).toBe('Tiger census');
    expect(s.owedThanks.recentWeight).toBe(4);
  });

  test('a question is owed a reply after 24 hours, until we reach out', () => {
    const hours = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
    const question = ev(0, 'inbound', 'question', {
      when: hours(30),
      note: 'How can I volunteer?',
    });
    expect(score([question]).replyOwed).toEqual({count: 1, oldest: question});
    expect(score([{...question, when: hours(20)}]).replyOwed.count).toBe(0);
    expect(
      score([question, ev(0, 'outbound', 'answer', {when: hours(2)})]).replyOwed
        .count,
    ).toBe(0);
    expect(
      score([question, ev(0, 'outbound', 'like', {when: hours(2)})]).replyOwed
        .count,
    ).toBe(1);
    // Older than replyOwedMaxDays: stale, not owed.
    expect(score([ev(45, 'inbound', 'mention')]).replyOwed.count).toBe(0);
  });
});

describe('levels', () => {
  test.each([
    ['no inbound', [], 'Follower'],
    ['a like in 90 days', [ev(80, 'inbound', 'like')], 'Engager'],
    ['a like 100 days ago', [ev(100, 'inbound', 'like')], 'Follower'],
    [
      '2 reposts in 180 days',
      [ev(170, 'inbound', 'retweet'), ev(5, 'inbound', 'quote')],
      'Promoter',
    ],
    ['1 repost', [ev(5, 'inbound', 'retweet')], 'Engager'],
    ['an action in 365 days', [ev(300, 'inbound', 'signed')], 'Activist'],
    [
      'a donation',
      [ev(200, 'inbound', 'donation', {amount: 50})],
      'Member/Donor',
    ],
    [
      'donor and activist',
      [ev(200, 'inbound', 'membership'), ev(10, 'inbound', 'attended')],
      'Champion',
    ],
    [
      'donor and promoter',
      [
        ev(200, 'inbound', 'donation'),
        ev(10, 'inbound', 'retweet'),
        ev(9, 'inbound', 'retweet'),
      ],
      'Champion',
    ],
  ] as [string, Interaction[], string][])('%s → %s', (_, events, level) => {
    expect(score(events).level).toBe(level);
  });

  test('the peak level remembers a believer who went quiet', () => {
    const s = score([
      ev(400, 'inbound', 'retweet'),
      ev(390, 'inbound', 'retweet'),
    ]);
    expect(s.level).toBe('Follower');
    expect(s.peakLevel).toBe('Promoter');
    expect(
      score([ev(600, 'inbound', 'retweet'), ev(390, 'inbound', 'retweet')])
        .peakLevel,
    ).toBe('Engager');
  });

  test('value counts promotion, action and money', () => {
    const s = score([
      ev(10, 'inbound', 'retweet'),
      ev(9, 'inbound', 'quote'),
      ev(8, 'inbound', 'volunteered'),
      ev(7, 'inbound', 'donation', {amount: 25}),
      ev(6, 'inbound', 'membership', {amount: 40}),
      ev(5, 'inbound', 'like'),
    ]);
    expect(s.value).toEqual({
      promotion: 2,
      action: 1,
      membership: 2,
      amount: 65,
      weight: 4 + 5 + 8 + 10 + 10,
    });
  });
});

describe('lapsing believers', () => {
  /** Inbound every 10 days from `from` days ago back, `count` times. */
  const rhythm = (from: number, count: number) =>
    Array.from({length: count}, (_, i) =>
      ev(from + i * 10, 'inbound', 'retweet'),
    );

  test('cooling past 3 gaps, lapsing past 8 gaps', () => {
    expect(score(rhythm(5, 5), {id: 'maya', cadenceDays: null})).toMatchObject({
      rhythmDays: 10,
      lapsing: '',
    });
    expect(score(rhythm(31, 5), {id: 'maya', cadenceDays: null}).lapsing).toBe(
      'cooling',
    );
    expect(score(rhythm(81, 5), {id: 'maya', cadenceDays: null}).lapsing).toBe(
      'lapsing',
    );
  });

  test('their cadence counts as leave to be quiet', () => {
    expect(score(rhythm(31, 5), {id: 'maya', cadenceDays: 60}).lapsing).toBe(
      '',
    );
    expect(score(rhythm(81, 5), {id: 'maya', cadenceDays: 90}).lapsing).toBe(
      '',
    );
  });

  test('over 180 days quiet is lapsing, whatever the rhythm', () => {
    const slow = Array.from({length: 3}, (_, i) =>
      ev(185 + i * 100, 'inbound', 'like'),
    );
    expect(score(slow, {id: 'maya', cadenceDays: null}).lapsing).toBe(
      'lapsing',
    );
  });

  test('fewer than 3 inbound events, or all on one day, give no rhythm', () => {
    expect(score(rhythm(100, 2)).rhythmDays).toBeNull();
    const burst = [
      ev(100, 'inbound', 'like'),
      ev(100, 'inbound', 'retweet'),
      ev(100, 'inbound', 'reply'),
    ];
    expect(score(burst)).toMatchObject({rhythmDays: null, lapsing: ''});
  });

  test('believers get the default cadence unless theirs is given', () => {
    const promoter = rhythm(5, 3);
    expect(score(promoter).cadenceDays).toBe(30);
    expect(
      score(promoter, {id: 'maya', cadenceDays: null}).cadenceDays,
    ).toBeNull();
    expect(score(promoter, {id: 'maya', cadenceDays: 14}).cadenceDays).toBe(14);
    expect(score([ev(5, 'inbound', 'like')]).cadenceDays).toBeNull();
  });
});

describe('the log as it really is', () => {
  test('events in the future are ignored and counted', () => {
    const result = scoresOf([
      ev(-1, 'inbound', 'donation'),
      ev(1, 'inbound', 'like'),
    ]);
    expect(result.future).toBe(1);
    expect(result.list[0].inboundCount).toBe(1);
  });

  test('supporters in the log but not in the tracker are reported', () => {
    const result = scoresOf([
      ev(1, 'inbound', 'like', {supporterId: 'ghost'}),
      ev(2, 'inbound', 'like', {supporterId: 'ghost'}),
    ]);
    expect(result.unknownSupporters).toEqual({
      ids: 1,
      events: 2,
      sample: ['ghost'],
    });
    expect(result.scores.has('ghost')).toBe(false);
  });

  test('dates as text or serial numbers score like Date cells, duplicates once', () => {
    const rows = [
      [
        new Date('2024-06-13T12:00:00Z'),
        'maya',
        'inbound',
        'retweet',
        'x',
        '',
        '',
        '',
        '',
        '',
        'x:1',
      ],
      ['2024-06-13 13:00', 'maya', 'in', 'RT', 'x', '', '', '', '', '', 'x:1'],
      [45449.5, 'maya', 'inbound', 'like', 'x', '', '', '', '', '', ''],
      ['6/5/2024', 'maya', 'inbound', 'reply', 'x', '', '', '', '', '', ''],
      ['2024-06-01', 'maya', 'inbound', 'zap', 'x', '', '', '', '', '', ''],
    ];
    const {events, warnings} = parseLog(rows, TZ, {now: NOW});
    expect(warnings).toMatchObject({duplicates: 1, unknownKinds: 1});
    const expected = score([
      ev(2, 'inbound', 'retweet'),
      ev(9, 'inbound', 'like'),
      ev(10, 'inbound', 'reply'),
    ]);
    expect(score(events).responsiveness).toBe(expected.responsiveness);
    expect(score(events).components.S).toBeCloseTo(expected.components.S, 12);
  });

  test('a repeated supporter in the tracker shares one score', () => {
    const result = scoresOf(
      [ev(1, 'inbound', 'like')],
      [{id: 'maya'}, {id: 'maya', cadenceDays: 5}],
    );
    expect(result.list[0]).toBe(result.list[1]);
    expect(result.scores.size).toBe(1);
  });

  test('scoreOne agrees with computeScores', () => {
    const others = WORKED_EXAMPLE.map(e => ({...e, supporterId: 'other'}));
    const one = scoreOne(
      [...WORKED_EXAMPLE, ...others],
      {id: 'maya'},
      {now: NOW, timeZone: TZ, settings: DEFAULT_SETTINGS},
    );
    expect(one).toEqual(score(WORKED_EXAMPLE));
  });

  test('settings change the numbers', () => {
    const {settings} = mergeSettings(DEFAULT_SETTINGS, {
      responsiveness: {inboundWeights: {retweet: 0, like: 0, reply: 0}},
    });
    const s = scoresOf(WORKED_EXAMPLE, [{id: 'maya'}], settings).list[0];
    expect(s.components.S).toBe(0);
    expect(s.responsiveness).toBe(
      Math.round(100 * (0.3 * 0.5 + 0.2 * Math.pow(2, -2 / 30))),
    );
  });
});

describe('dashboard helpers', () => {
  test('scoreTotals counts bands, levels and flags', () => {
    const result = scoresOf(
      [
        ...WORKED_EXAMPLE,
        ev(3, 'inbound', 'donation', {supporterId: 'ann', amount: 20}),
      ],
      [{id: 'maya'}, {id: 'ann'}, {id: 'bo'}],
    );
    const totals = scoreTotals(result.scores.values());
    expect(totals.supporters).toBe(3);
    expect(
      totals.byBand.Warm +
        totals.byBand.Cool +
        totals.byBand.Cold +
        totals.byBand.Hot,
    ).toBe(3);
    expect(totals.byLevel).toMatchObject({
      Engager: 1,
      'Member/Donor': 1,
      Follower: 1,
    });
    expect(totals.value.amount).toBe(20);
    expect(totals.owedThanks).toBe(2);
  });

  test('valueByMonth groups value by month in the sheet zone', () => {
    const events = [
      ev(0, 'inbound', 'retweet', {when: new Date('2024-05-31T23:30:00Z')}), // 1 June in London
      ev(0, 'inbound', 'donation', {
        when: new Date('2024-05-10T10:00:00Z'),
        amount: 30,
      }),
      ev(0, 'inbound', 'like', {when: new Date('2024-05-10T10:00:00Z')}),
      ev(0, 'outbound', 'retweet', {when: new Date('2024-05-10T10:00:00Z')}),
    ];
    expect(valueByMonth(events, TZ)).toEqual([
      {month: '2024-05', promotion: 0, action: 0, membership: 1, amount: 30},
      {month: '2024-06', promotion: 1, action: 0, membership: 0, amount: 0},
    ]);
  });
});

// ---------------------------------------------------------------------------
// Properties.

const PEOPLE = ['a', 'b', 'c'];
const INBOUND_KINDS = KINDS.filter(k => k.directions.includes('inbound')).map(
  k => k.id,
);
const OUTBOUND_KINDS = KINDS.filter(k => k.directions.includes('outbound')).map(
  k => k.id,
);
const DEPOSITS = Object.entries(DEFAULT_SETTINGS.whuffie.points)
  .filter(([, p]) => p > 0)
  .map(([k]) => k);
const ASKS = OUTBOUND_KINDS.filter(k => k.startsWith('ask: '));

// Times from a small set, so equal times (ties) are common.
const arbWhen = fc.oneof(
  fc.integer({min: 0, max: 400}).map(d => new Date(NOW.getTime() - d * DAY)),
  fc
    .integer({min: 0, max: 400 * 24})
    .map(h => new Date(NOW.getTime() - h * 3_600_000)),
);
const arbEvent = (kinds: string[], direction: Direction) =>
  fc
    .record({
      when: arbWhen,
      supporterId: fc.constantFrom(...PEOPLE),
      kind: fc.constantFrom(...kinds),
      note: fc.constantFrom('', 'a', 'b'),
      amount: fc.constantFrom(null, 10),
    })
    .map(({when, supporterId, kind, note, amount}) =>
      interaction(when, supporterId, direction, kind, {note, amount}),
    );
const arbLog = fc.array(
  fc.oneof(
    arbEvent(INBOUND_KINDS, 'inbound'),
    arbEvent(OUTBOUND_KINDS, 'outbound'),
  ),
  {maxLength: 60},
);
const everyone = PEOPLE.map(id => ({id}));
const run = (events: Interaction[]) => scoresOf(events, everyone).scores;

describe('properties', () => {
  test('an extra inbound event never lowers responsiveness', () => {
    fc.assert(
      fc.property(arbLog, arbEvent(INBOUND_KINDS, 'inbound'), (log, extra) => {
        const before = run(log).get(extra.supporterId) as SupporterScore;
        const after = run([...log, extra]).get(
          extra.supporterId,
        ) as SupporterScore;
        expect(after.responsiveness).toBeGreaterThanOrEqual(
          before.responsiveness,
        );
      }),
      {numRuns: 300},
    );
  });

  test('a deposit never lowers whuffie; an ask never raises it', () => {
    fc.assert(
      fc.property(
        arbLog,
        arbEvent(DEPOSITS, 'outbound'),
        arbEvent(ASKS, 'outbound'),
        (log, deposit, ask) => {
          const base = run(log);
          const withDeposit = run([...log, deposit]).get(
            deposit.supporterId,
          ) as SupporterScore;
          const withAsk = run([...log, ask]).get(
            ask.supporterId,
          ) as SupporterScore;
          expect(withDeposit.whuffie).toBeGreaterThanOrEqual(
            (base.get(deposit.supporterId) as SupporterScore).whuffie,
          );
          expect(withAsk.whuffie).toBeLessThanOrEqual(
            (base.get(ask.supporterId) as SupporterScore).whuffie,
          );
        },
      ),
      {numRuns: 300},
    );
  });

  test('scores stay in bounds', () => {
    fc.assert(
      fc.property(arbLog, log => {
        for (const s of run(log).values()) {
          expect(Number.isInteger(s.responsiveness)).toBe(true);
          expect(s.responsiveness).toBeGreaterThanOrEqual(0);
          expect(s.responsiveness).toBeLessThanOrEqual(100);
          expect(Number.isFinite(s.whuffie)).toBe(true);
        }
      }),
      {numRuns: 300},
    );
  });

  test('results do not depend on row order', () => {
    fc.assert(
      fc.property(
        arbLog.chain(log =>
          fc.tuple(
            fc.constant(log),
            fc.shuffledSubarray(log, {
              minLength: log.length,
              maxLength: log.length,
            }),
          ),
        ),
        ([log, shuffled]) => {
          expect(JSON.stringify([...run(shuffled)])).toBe(
            JSON.stringify([...run(log)]),
          );
        },
      ),
      {numRuns: 300},
    );
  });

  test('compareEvents is a total order on content', () => {
    fc.assert(
      fc.property(arbLog, log => {
        const a = [...log].sort(compareEvents);
        const b = [...log].reverse().sort(compareEvents);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
    );
  });
});
