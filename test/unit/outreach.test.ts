import type {Direction} from '../../src/core/kinds';
import type {Interaction} from '../../src/core/model';
import {interaction} from './interactions';
import {
  buildOutreach,
  chooseAsk,
  extractInterest,
  lineKey,
  type OutreachLine,
  type OutreachPerson,
} from '../../src/core/outreach';
import {computeScores, type SupporterScore} from '../../src/core/scoring';
import {
  DEFAULT_SETTINGS,
  mergeSettings,
  type Settings,
} from '../../src/core/settings';

const TZ = 'Europe/London';
const TODAY = '2024-06-15'; // a Saturday
const NOW = new Date('2024-06-15T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

const ev = (
  supporterId: string,
  days: number,
  direction: Direction,
  kind: string,
  more: Partial<Interaction> = {},
) =>
  interaction(daysAgo(days), supporterId, direction, kind, {
    source: 'x',
    ...more,
  });

function person(
  id: string,
  more: Partial<OutreachPerson> = {},
): OutreachPerson {
  return {
    id,
    name: `${id[0].toUpperCase()}${id.slice(1)} Smith`,
    firstName: `${id[0].toUpperCase()}${id.slice(1)}`,
    handles: {x: `@${id}`},
    relationshipTags: [],
    topics: [],
    interestNotes: '',
    birthday: '',
    doNotContact: false,
    ...more,
  };
}

/** A real score for nobody-in-particular, with the fields a test cares about. */
function makeScore(
  id: string,
  more: Partial<SupporterScore> = {},
): SupporterScore {
  const blank = computeScores({
    events: [],
    supporters: [{id}],
    now: NOW,
    timeZone: TZ,
    settings: DEFAULT_SETTINGS,
  }).list[0];
  return {...blank, ...more};
}

function build(
  people: OutreachPerson[],
  scores: SupporterScore[] = [],
  settings: Settings = DEFAULT_SETTINGS,
  today = TODAY,
): OutreachLine[] {
  const map = new Map(scores.map(s => [s.id, s]));
  for (const p of people) if (!map.has(p.id)) map.set(p.id, makeScore(p.id));
  return buildOutreach({people, scores: map, today, timeZone: TZ, settings});
}

/** Scores from a log, then the list: the whole path. */
function fromLog(
  people: OutreachPerson[],
  events: Interaction[],
): OutreachLine[] {
  const {scores} = computeScores({
    events,
    supporters: people,
    now: NOW,
    timeZone: TZ,
    settings: DEFAULT_SETTINGS,
  });
  return buildOutreach({
    people,
    scores,
    today: TODAY,
    timeZone: TZ,
    settings: DEFAULT_SETTINGS,
  });
}

describe('Birthday', () => {
  test('today, with the interest from their notes', () => {
    const [line] = build([
      person('maya', {
        birthday: '--06-15',
        interestNotes: 'Mum of two. Loves tigers.',
      }),
    ]);
    expect(line).toMatchObject({
      priority: 1,
      bucket: 'birthday',
      bucketLabel: 'Birthday',
      why: 'Birthday today',
      action:
        'Wish Maya a happy birthday \u2014 Maya loves tigers: send a tiger picture',
      logKind: 'birthday wish',
      compose: {
        text: 'Happy birthday, Maya! Wishing you a wonderful day.',
        x: '@maya Happy birthday, Maya! Wishing you a wonderful day.',
      },
      channel: 'x',
      event: null,
    });
  });

  test('"loves big cats" becomes a big cat picture; topics and tags are the fallbacks', () => {
    const action = (more: Partial<OutreachPerson>) =>
      build([person('maya', {birthday: '1990-06-15', ...more})])[0].action;
    expect(action({interestNotes: 'loves big cats'})).toBe(
      'Wish Maya a happy birthday \u2014 Maya loves big cats: send a big cat picture',
    );
    expect(action({interestNotes: 'really into birdwatching and hiking'})).toBe(
      'Wish Maya a happy birthday \u2014 Maya is into birdwatching and hiking: send a birdwatching picture',
    );
    expect(action({topics: ['Rewilding']})).toBe(
      'Wish Maya a happy birthday \u2014 mention Rewilding, a cause Maya cares about',
    );
    expect(action({relationshipTags: ['Volunteer']})).toBe(
      'Wish Maya a happy birthday and thank Maya for volunteering',
    );
    expect(action({})).toBe('Wish Maya a happy birthday');
  });

  test('a heads-up exactly 7 days before, which logs nothing', () => {
    const [line] = build([
      person('maya', {birthday: '06/22', interestNotes: 'Loves tigers'}),
    ]);
    expect(line).toMatchObject({
      why: 'Birthday in 7 days (Saturday)',
      action:
        "Plan Maya's birthday wish for Saturday \u2014 Maya loves tigers: find a tiger picture",
      logKind: '',
      compose: {text: ''},
    });
    expect(build([person('maya', {birthday: '06/20'})])).toEqual([]);
  });

  test('the heads-up gives way to a more pressing reason, and says so', () => {
    const lines = fromLog(
      [person('maya', {birthday: '06/22'})],
      [ev('maya', 2, 'inbound', 'retweet', {note: 'Tiger census'})],
    );
    expect(lines.map(l => [l.bucket, l.why])).toEqual([
      [
        'thank',
        "Retweeted 'Tiger census' 2 days ago, not thanked yet \u00b7 Birthday in 7 days (Saturday)",
      ],
    ]);
  });

  test('the heads-up crosses the new year', () => {
    const lines = build(
      [person('maya', {birthday: '--01-04'})],
      [],
      DEFAULT_SETTINGS,
      '2024-12-28',
    );
    expect(lines[0].why).toBe('Birthday in 7 days (Saturday)');
  });

  test('29 February is celebrated on 28 February in other years', () => {
    const leapling = [person('maya', {birthday: '2000-02-29'})];
    expect(build(leapling, [], DEFAULT_SETTINGS, '2023-02-28')[0].why).toBe(
      'Birthday today',
    );
    expect(build(leapling, [], DEFAULT_SETTINGS, '2024-02-28')).toEqual([]);
    expect(build(leapling, [], DEFAULT_SETTINGS, '2024-02-29')[0].why).toBe(
      'Birthday today',
    );
  });

  test('a Date cell birthday is read in the sheet zone', () => {
    // Midnight 15 June in London is the 14th in UTC.
    const lines = build([
      person('maya', {birthday: new Date('2024-06-14T23:00:00Z')}),
    ]);
    expect(lines[0].why).toBe('Birthday today');
  });

  test('no line once the wish is logged', () => {
    const wished = makeScore('maya', {lastBirthdayWish: daysAgo(3)});
    expect(build([person('maya', {birthday: '--06-15'})], [wished])).toEqual(
      [],
    );
    const lastYear = makeScore('maya', {lastBirthdayWish: daysAgo(366)});
    expect(
      build([person('maya', {birthday: '--06-15'})], [lastYear]),
    ).toHaveLength(1);
  });
});

describe('Reply owed', () => {
  test('their oldest unanswered question, with an answer to log', () => {
    const lines = fromLog(
      [person('maya')],
      [
        ev('maya', 2, 'inbound', 'question', {
          note: 'How can I volunteer?',
          link: 'https://x.com/maya/status/9',
          eventId: 'x:question:9',
        }),
        ev('maya', 1, 'inbound', 'mention', {note: 'Great work'}),
      ],
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      bucket: 'reply-owed',
      why: "Asked: 'How can I volunteer?' 2 days ago, no answer yet (2 waiting)",
      action: "Answer Maya's question: 'How can I volunteer?'",
      logKind: 'answer',
      compose: {x: '@maya Thanks for your question, Maya!'},
      event: {
        eventId: 'x:question:9',
        kind: 'question',
        channel: 'x',
        note: 'How can I volunteer?',
        link: 'https://x.com/maya/status/9',
        when: daysAgo(2).toISOString(),
      },
    });
  });

  test('a mention is owed a reply', () => {
    const [line] = fromLog(
      [person('maya')],
      [ev('maya', 3, 'inbound', 'mention', {note: 'Look at this, @org'})],
    );
    expect(line.why).toBe(
      "Mentioned us: 'Look at this, @org' 3 days ago, no reply yet",
    );
    expect(line.action).toBe("Reply to Maya's mention: 'Look at this, @org'");
    expect(line.logKind).toBe('reply');
  });
});

describe('Thank them', () => {
  test('a retweet this week, not thanked yet', () => {
    const [line] = fromLog(
      [person('maya')],
      [
        ev('maya', 2, 'inbound', 'retweet', {
          note: 'Tiger census',
          link: 'https://x.com/org/status/1',
          eventId: 'x:retweet:1',
        }),
      ],
    );
    expect(line).toMatchObject({
      bucket: 'thank',
      why: "Retweeted 'Tiger census' 2 days ago, not thanked yet",
      action: "Thank Maya for retweeting 'Tiger census'",
      logKind: 'thanks',
      compose: {
        x: "@maya Thank you for retweeting 'Tiger census', Maya! It means a lot.",
      },
      event: {eventId: 'x:retweet:1', link: 'https://x.com/org/status/1'},
    });
  });

  test('a donation is thanked without the amount in public', () => {
    const [line] = fromLog(
      [person('maya')],
      [ev('maya', 1, 'inbound', 'donation', {amount: 50, channel: 'email'})],
    );
    expect(line.why).toBe('Donated 50 yesterday, not thanked yet');
    expect(line.action).toBe('Thank Maya for the donation (50)');
    expect(line.compose.text).toBe(
      'Thank you for your support, Maya! It means a lot.',
    );
    expect(line.channel).toBe('email');
  });

  test('a like is too light to list; a thank-you since settles it', () => {
    expect(
      fromLog([person('maya')], [ev('maya', 2, 'inbound', 'like')]),
    ).toEqual([]);
    expect(
      fromLog(
        [person('maya')],
        [
          ev('maya', 4, 'inbound', 'retweet'),
          ev('maya', 3, 'outbound', 'thanks'),
        ],
      ),
    ).toEqual([]);
  });

  test('ordered by weight × responsiveness, then by id', () => {
    const events = [
      ev('ann', 2, 'inbound', 'retweet'),
      ev('bo', 2, 'inbound', 'quote'),
      ev('cy', 2, 'inbound', 'retweet'),
    ];
    const people = [person('cy'), person('bo'), person('ann')];
    expect(fromLog(people, events).map(l => l.supporterId)).toEqual([
      'bo',
      'ann',
      'cy',
    ]);
  });
});

describe('Responsive but neglected, Lapsing believer, Ready to ask', () => {
  test('Warm and past their cadence', () => {
    const score = makeScore('maya', {
      responsiveness: 62,
      band: 'Warm',
      cadenceDays: 30,
      lastContact: daysAgo(45),
    });
    const [line] = build([person('maya', {topics: ['tigers']})], [score]);
    expect(line).toMatchObject({
      bucket: 'neglected',
      why: 'Warm (62) and 45 days since last contact (cadence 30)',
      action: "Ask Maya's view on tigers, or retweet something Maya posted",
      logKind: 'feedback request',
      compose: {
        text: "Hi Maya, we'd love your view on tigers. What should we focus on next?",
      },
    });
    expect(
      build([person('maya')], [{...score, lastContact: daysAgo(30)}]),
    ).toEqual([]);
    expect(build([person('maya')], [{...score, band: 'Cool'}])).toEqual([]);
    expect(build([person('maya')], [{...score, cadenceDays: null}])).toEqual(
      [],
    );
  });

  test('a cooling former promoter, ranked by past value', () => {
    const cooling = (id: string, weight: number) =>
      makeScore(id, {
        lapsing: 'cooling',
        peakLevel: 'Promoter',
        rhythmDays: 9,
        daysSinceInbound: 40,
        value: {promotion: 12, action: 1, membership: 0, amount: 0, weight},
      });
    const lines = build(
      [person('ann'), person('maya', {topics: ['tigers']})],
      [cooling('ann', 20), cooling('maya', 56)],
    );
    expect(lines.map(l => l.supporterId)).toEqual(['maya', 'ann']);
    expect(lines[0]).toMatchObject({
      bucket: 'lapsing',
      why: 'Cooling: used to engage every 9 days, last 40 days ago (12 shares, 1 action so far)',
      action: 'Check in with Maya \u2014 share news about tigers',
      logKind: 'check-in',
    });
    const never = makeScore('bo', {lapsing: 'lapsing', peakLevel: 'Engager'});
    expect(build([person('bo')], [never])).toEqual([]);
  });

  test('ready to ask: the ask fits their tags, at most 2 a day', () => {
    const ready = (id: string, whuffie: number) =>
      makeScore(id, {
        readyToAsk: true,
        whuffie,
        responsiveness: 60,
        band: 'Warm',
        deposits: 4,
        affordableAsks: ['ask: share', 'ask: act', 'ask: volunteer'],
      });
    const people = [
      person('ann'),
      person('bo', {relationshipTags: ['Volunteer']}),
      person('cy'),
    ];
    const lines = build(people, [
      ready('ann', 7),
      ready('bo', 9),
      ready('cy', 5),
    ]);
    expect(lines.map(l => [l.supporterId, l.logKind])).toEqual([
      ['bo', 'ask: volunteer'],
      ['ann', 'ask: act'],
    ]);
    expect(lines[0]).toMatchObject({
      why: 'Whuffie 9 (4 deposits, 0 asks in 180 days), Warm (60)',
      action: 'Ask Bo to volunteer',
    });
  });

  test('chooseAsk falls back to "act", then to what is affordable', () => {
    expect(
      chooseAsk(
        ['Monthly donor'],
        ['ask: share', 'ask: act', 'ask: volunteer', 'ask: give'],
      ),
    ).toBe('ask: give');
    expect(chooseAsk(['Monthly donor'], ['ask: share', 'ask: act'])).toBe(
      'ask: act',
    );
    expect(chooseAsk([], ['ask: share'])).toBe('ask: share');
    expect(chooseAsk([], [])).toBeNull();
  });
});

describe('who is left out', () => {
  const retweet = (id: string) =>
    ev(id, 2, 'inbound', 'retweet', {note: 'Tiger census'});

  test('do-not-contact and snoozed people, even on their birthday', () => {
    const people = [
      person('ann', {doNotContact: true, birthday: '--06-15'}),
      person('bo', {snoozedUntil: '2024-06-16', birthday: '--06-15'}),
      person('cy', {snoozedUntil: '2024-06-15'}),
    ];
    const lines = fromLog(people, [
      retweet('ann'),
      retweet('bo'),
      retweet('cy'),
    ]);
    expect(lines.map(l => l.supporterId)).toEqual(['cy']);
  });

  test('contacted in the last 2 days, except for a birthday or a reply owed', () => {
    const people = [
      person('ann'),
      person('bo', {birthday: '--06-15'}),
      person('cy'),
    ];
    const lines = fromLog(people, [
      retweet('ann'),
      ev('ann', 1, 'outbound', 'mention'),
      retweet('bo'),
      ev('bo', 1, 'outbound', 'mention'),
      ev('cy', 3, 'outbound', 'check-in'),
      ev('cy', 2, 'inbound', 'question', {note: 'When is the walk?'}),
    ]);
    expect(lines.map(l => `${l.supporterId} ${l.bucket}`)).toEqual([
      'bo birthday',
      'cy reply-owed',
    ]);
  });

  test('our like yesterday is not contact', () => {
    const lines = fromLog(
      [person('ann')],
      [retweet('ann'), ev('ann', 1, 'outbound', 'like')],
    );
    expect(lines.map(l => l.bucket)).toEqual(['thank']);
  });
});

describe('the list', () => {
  test('one line per person, the first bucket that applies', () => {
    const lines = fromLog(
      [person('maya', {birthday: '--06-15'})],
      [
        ev('maya', 2, 'inbound', 'retweet'),
        ev('maya', 3, 'inbound', 'question'),
      ],
    );
    expect(lines.map(l => l.bucket)).toEqual(['birthday']);
  });

  test('buckets in order, capped, priorities 1..n, the same whatever the input order', () => {
    const people: OutreachPerson[] = [];
    const events: Interaction[] = [];
    for (let i = 0; i < 20; i++) {
      const id = `p${String(i).padStart(2, '0')}`;
      people.push(person(id, {birthday: i < 2 ? '--06-15' : ''}));
      events.push(
        ev(id, 2 + (i % 3), 'inbound', i % 2 ? 'retweet' : 'question'),
      );
    }
    const lines = fromLog(people, events);
    expect(lines).toHaveLength(12);
    expect(lines.map(l => l.priority)).toEqual(
      Array.from({length: 12}, (_, i) => i + 1),
    );
    const order = ['birthday', 'reply-owed', 'thank'];
    const buckets = lines.map(l => order.indexOf(l.bucket));
    expect([...buckets].sort((a, b) => a - b)).toEqual(buckets);
    expect(fromLog([...people].reverse(), [...events].reverse())).toEqual(
      lines,
    );
    // Reply owed: oldest first.
    const replies = lines
      .filter(l => l.bucket === 'reply-owed')
      .map(l => l.event?.when ?? '');
    expect([...replies].sort()).toEqual(replies);
  });

  test('the cap and the daily ask limit are settings', () => {
    const {settings} = mergeSettings(DEFAULT_SETTINGS, {today: {maxLines: 1}});
    const people = [
      person('ann', {birthday: '--06-15'}),
      person('bo', {birthday: '--06-15'}),
    ];
    expect(build(people, [], settings).map(l => l.supporterId)).toEqual([
      'ann',
    ]);
  });

  test('compose text fits a post and starts with each handle', () => {
    const note = 'A very long post about tigers '.repeat(20);
    const p = person('maya', {
      handles: {
        x: 'maya',
        bluesky: '@maya.bsky.social',
        mastodon: '@maya@mastodon.social',
      },
    });
    const [line] = fromLog([p], [ev('maya', 2, 'inbound', 'quote', {note})]);
    expect(line.compose.x?.startsWith('@maya Thank you for quoting')).toBe(
      true,
    );
    expect(line.compose.bluesky?.startsWith('@maya.bsky.social ')).toBe(true);
    expect(line.compose.mastodon?.startsWith('@maya@mastodon.social ')).toBe(
      true,
    );
    for (const text of Object.values(line.compose))
      expect(Array.from(text).length).toBeLessThanOrEqual(280);
    expect(line.why.length).toBeLessThan(120);
  });

  test('no handle: plain text and no channel', () => {
    const [line] = fromLog(
      [person('maya', {handles: {}})],
      [ev('maya', 2, 'inbound', 'retweet', {channel: ''})],
    );
    expect(line.compose).toEqual({
      text: 'Thank you for retweeting us, Maya! It means a lot.',
    });
    expect(line.channel).toBe('');
  });

  test('lines survive google.script.run (no Dates) and have stable keys', () => {
    const lines = fromLog(
      [person('maya')],
      [ev('maya', 2, 'inbound', 'retweet')],
    );
    expect(JSON.parse(JSON.stringify(lines))).toEqual(lines);
    expect(lineKey(lines[0])).toBe('2024-06-15|maya|thank');
    expect(
      lineKey(
        fromLog(
          [person('maya')],
          [ev('maya', 2, 'inbound', 'retweet', {note: 'x'})],
        )[0],
      ),
    ).toBe(lineKey(lines[0]));
  });

  test('people without a score only get birthday lines', () => {
    const lines = buildOutreach({
      people: [person('ann', {birthday: '--06-15'}), person('bo')],
      scores: new Map(),
      today: TODAY,
      timeZone: TZ,
      settings: DEFAULT_SETTINGS,
    });
    expect(lines.map(l => [l.supporterId, l.responsiveness, l.level])).toEqual([
      ['ann', null, ''],
    ]);
  });

  test('a malformed today is a bug, reported loudly', () => {
    expect(() => build([], [], DEFAULT_SETTINGS, '15/06/2024')).toThrow(
      /YYYY-MM-DD/,
    );
  });
});

describe('extractInterest', () => {
  test.each([
    ['Loves tigers', {verb: 'loves', what: 'tigers'}],
    [
      'Mum of two; really into birdwatching.',
      {verb: 'is into', what: 'birdwatching'},
    ],
    ['Big fan of jazz, hates rain', {verb: 'is a fan of', what: 'jazz'}],
    ["Doesn't like cats. Loves dogs", {verb: 'loves', what: 'dogs'}],
    ['Cares about clean rivers', {verb: 'cares about', what: 'clean rivers'}],
  ])('%s', (notes, interest) => {
    expect(extractInterest(notes)).toEqual(interest);
  });

  test.each([[''], ['Met at the gala'], ['Not into sports']])(
    'nothing in %p',
    notes => {
      expect(extractInterest(notes)).toBeNull();
    },
  );
});
