import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {IdentityIndex, SupporterIdentity} from '../../src/core/handles';
import {parseNotifications as parseBluesky} from '../../src/core/sync/bluesky';
import {excerpt} from '../../src/core/sync/events';
import {
  instanceHost,
  parseNotifications as parseMastodon,
  plainText,
} from '../../src/core/sync/mastodon';
import {
  matchEvents,
  parseNewPeople,
  rankNewPeople,
  newPeopleRows,
  NEW_PEOPLE_HEADERS,
} from '../../src/core/sync/matching';
import {
  parseArchiveDate,
  readArchiveFile,
  snowflakeTime,
} from '../../src/core/sync/x-archive';
import {
  lookupsDue,
  parseOwnPosts,
  parsePosts,
  parseRetweeters,
} from '../../src/core/sync/x-api';

const FIXTURES = join(__dirname, '../fixtures/sync');
const json = (name: string) =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as unknown;
const archive = (name: string) =>
  readFileSync(join(FIXTURES, 'x-archive/data', name), 'utf8');

const SUPPORTERS: SupporterIdentity[] = [
  {
    id: 'S-AAAAAA',
    name: 'Maya Ode',
    x: '@maya_ode',
    bluesky: 'mayaode.bsky.social',
  },
  {id: 'S-BBBBBB', name: 'Tom Reed', x: '@tomreed', bluesky: 'did:plc:tom333'},
  {id: 'S-CCCCCC', name: 'Raj Patel'},
];
const index = new IdentityIndex(SUPPORTERS);

describe('Bluesky notifications', () => {
  test('every reason we know becomes an event; newer ones are skipped', () => {
    const page = parseBluesky(json('bluesky-notifications.json'));
    const events = page.items.map(i => i.value);
    expect(events.map(e => e && e.kind)).toEqual([
      'like',
      'reply',
      'retweet',
      'follow',
      'mention',
      null,
      'quote',
      'like',
    ]);
    expect(events[0]).toMatchObject({
      person: {id: 'did:plc:maya111', handle: 'mayaode.bsky.social'},
      when: new Date('2026-02-28T10:00:00.000Z'),
      link: 'https://bsky.app/profile/did:plc:org222/post/3kpost2',
      text: '',
    });
    expect(page.cursor).toBe('2026-02-27T09:00:00.000Z');
  });

  test('an account whose handle no longer resolves is kept by its DID', () => {
    const page = parseBluesky({
      notifications: [
        {
          uri: 'at://did:plc:x1/app.bsky.graph.follow/1',
          author: {did: 'did:plc:x1', handle: 'handle.invalid'},
          reason: 'follow',
          record: {createdAt: '2026-01-01T00:00:00Z'},
          indexedAt: '2026-01-01T00:00:01Z',
        },
      ],
    });
    expect(page.items[0].value?.person).toMatchObject({
      id: 'did:plc:x1',
      handle: '',
      profileUrl: 'https://bsky.app/profile/did:plc:x1',
    });
  });
});

describe('Mastodon notifications', () => {
  test('acct is completed with the server of the account', () => {
    const page = parseMastodon(
      json('mastodon-notifications.json'),
      'mastodon.example',
    );
    const people = page.items.map(i => i.value && i.value.person.id);
    expect(people).toEqual([
      'stripes@social.example',
      null,
      'ana@fosstodon.example',
      'maya@mastodon.example',
      'ana@fosstodon.example',
    ]);
    expect(page.items[2].value?.kind).toBe('reply');
  });

  test('HTML content reads as plain text', () => {
    expect(plainText('<p>a &amp; b<br>c &#60;3 &#x1F42F;</p><p>d</p>')).toBe(
      'a & b\nc <3 🐯\nd',
    );
    expect(instanceHost('https://Mastodon.Social/')).toBe('mastodon.social');
    expect(instanceHost('@me@fosstodon.org')).toBe('fosstodon.org');
  });

  test('excerpts are one line and cut at a word', () => {
    expect(excerpt('a\n\n b')).toBe('a b');
    const long = excerpt('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(201);
    expect(long.endsWith('word…')).toBe(true);
  });
});

describe('X mentions', () => {
  test('both spellings of referenced posts are read', () => {
    const page = parsePosts(json('x-mentions.json'));
    expect(page.items.map(i => i.value.kind)).toEqual([
      'mention',
      'reply',
      'quote',
      'mention',
      'mention',
      'mention',
      'mention',
    ]);
    expect(page.items[1].value).toMatchObject({
      person: {id: '2002', handle: 'tomreed'},
      link: 'https://x.com/TomReed/status/1895000000000000006',
      eventId: 'x:reply:1895000000000000006',
    });
    expect(page.read).toBe(7);
    expect(parsePosts({meta: {result_count: 0}}).items).toEqual([]);
  });

  test('a retweet is keyed by the post it repeats and who retweeted, however it was found', () => {
    const retweet = {
      id: '1895000000000000099',
      text: 'RT @tigers: The 2026 tiger census is out.',
      author_id: '2001',
      created_at: '2026-02-28T12:00:00.000Z',
      referenced_tweets: [{type: 'retweeted', id: '1894000000000000001'}],
    };
    const [fromMentions] = parsePosts({data: [retweet]}).items;
    const post = {id: '1894000000000000001', link: 'https://x.com/tigers'};
    const [fromLookup] = parseRetweeters(
      {data: [{id: '2001', name: 'Maya Ode', username: 'maya_ode'}]},
      post,
      new Date('2026-03-01T08:00:00Z'),
    ).events;
    expect(fromMentions.value.eventId).toBe(fromLookup.eventId);
    expect(fromMentions.value.text).toBe('');
  });
});

describe('X: our recent posts', () => {
  const engagement = json('x-engagement.json') as Record<
    string,
    {retweeted_by: unknown; quote_tweets: unknown}
  >;

  test('counts are read in both spellings and only grown counts are looked up', () => {
    const page = parseOwnPosts({
      data: [
        {id: '1', public_metrics: {retweet_count: 2, quote_count: 1}},
        {id: '2', public_metrics: {repost_count: 3, quote_count: 0}},
        {id: '3', public_metrics: {retweet_count: 0, quote_count: 0}},
      ],
      meta: {result_count: 3, next_token: 'abc'},
    });
    expect(page.posts).toEqual([
      {id: '1', retweets: 2, quotes: 1},
      {id: '2', retweets: 3, quotes: 0},
      {id: '3', retweets: 0, quotes: 0},
    ]);
    expect(page.next).toBe('abc');
    expect(page.read).toBe(3);
    expect(lookupsDue(page.posts, {'1': [2, 0], '2': [1, 0]})).toEqual([
      {id: '1', retweeters: false, quotes: true},
      {id: '2', retweeters: true, quotes: false},
    ]);
  });

  test('retweeters become inbound retweets dated by the sync; quotes keep their own time', () => {
    const when = new Date('2026-03-01T08:00:00Z');
    const post = {
      id: '1894000000000000001',
      link: 'https://x.com/tigers/status/1894000000000000001',
    };
    const rts = parseRetweeters(
      engagement['1894000000000000001'].retweeted_by,
      post,
      when,
    );
    expect(rts.users).toBe(2);
    expect(rts.events[0]).toMatchObject({
      person: {id: '2001', handle: 'maya_ode', name: 'Maya Ode'},
      kind: 'retweet',
      direction: 'inbound',
      when,
      link: post.link,
    });
    const quotes = parsePosts(
      engagement['1894000000000000001'].quote_tweets,
      'quote',
    );
    expect(quotes.items.map(i => [i.value.kind, i.value.eventId])).toEqual([
      ['quote', 'x:quote:1895000000000000010'],
      ['quote', 'x:quote:1895000000000000005'],
    ]);
    expect(quotes.items[0].value.when.toISOString()).toBe(
      '2026-02-28T15:00:00.000Z',
    );
  });
});

describe('the X archive', () => {
  const ours = {id: '1000', username: 'tigers'};
  const now = new Date('2026-03-01T00:00:00Z');

  test('dates and post ids give the time', () => {
    expect(parseArchiveDate('Sat Feb 18 12:33:11 +0000 2023')).toEqual(
      new Date('2023-02-18T12:33:11Z'),
    );
    expect(parseArchiveDate('Sat Feb 18 14:33:11 +0200 2023')).toEqual(
      new Date('2023-02-18T12:33:11Z'),
    );
    expect(parseArchiveDate('yesterday')).toBeNull();
    expect(snowflakeTime('1895000000000000007')?.getUTCFullYear()).toBe(2025);
  });

  test('tweets.js: replies, mentions and retweets of others; our threads are left out', () => {
    const file = readArchiveFile('tweets.js', archive('tweets.js'), ours, now);
    expect(
      file.events.map(e => [e.kind, e.person.handle, e.direction]),
    ).toEqual([
      ['reply', 'maya_ode', 'outbound'],
      ['mention', 'tomreed', 'outbound'],
      ['mention', 'zoopal', 'outbound'],
      ['retweet', 'maya_ode', 'outbound'],
    ]);
    expect(file.usernames.get('2004')).toBe('zoopal');
  });

  test('older archives (tweet.js, split parts) are read too', () => {
    const text = archive('tweets.js').replace(
      'window.YTD.tweets.part0',
      'window.YTD.tweet.part1',
    );
    expect(
      readArchiveFile('tweet-part1.js', text, ours, now).events,
    ).toHaveLength(4);
  });

  test('follower.js and like.js', () => {
    const followers = readArchiveFile(
      'follower.js',
      archive('follower.js'),
      ours,
      now,
    );
    expect(followers.events.map(e => [e.kind, e.person.id, e.when])).toEqual([
      ['follow', '2001', now],
      ['follow', '2004', now],
      ['follow', '9999', now],
    ]);
    const likes = readArchiveFile('like.js', archive('like.js'), ours, now);
    expect(likes.likes.map(l => l.tweetId)).toEqual([
      '1895000000000000007',
      '1588000000000000000',
    ]);
  });
});

describe('matching and New people', () => {
  const bluesky = parseBluesky(json('bluesky-notifications.json'))
    .items.map(i => i.value)
    .filter(e => e !== null);

  test('DIDs and handles match; repeats are skipped per supporter and event', () => {
    const first = matchEvents({
      events: bluesky,
      index,
      existing: new Set(),
      xIds: new Map(),
    });
    expect(first.interactions.map(i => i.supporterId)).toEqual([
      'S-AAAAAA',
      'S-BBBBBB',
      'S-AAAAAA',
      'S-BBBBBB',
    ]);
    expect(first.interactions[2]).toMatchObject({
      valueClass: '',
      channel: 'bluesky',
    });
    const again = matchEvents({
      events: bluesky,
      index,
      existing: new Set(
        first.interactions.map(i => `${i.supporterId} ${i.eventId}`),
      ),
      xIds: new Map(),
    });
    expect(again.interactions).toEqual([]);
    expect(again.repeats).toBe(4);
  });

  test('unmatched people are ranked by engagement, merged with the sheet, and dropped once matched', () => {
    const {unmatched} = matchEvents({
      events: bluesky,
      index,
      existing: new Set(),
      xIds: new Map(),
    });
    const ranked = rankNewPeople([], unmatched, SUPPORTERS, index);
    expect(
      ranked.map(p => [p.person.handle, p.reposts, p.follows, p.suggestion]),
    ).toEqual([
      ['tigerfan.bsky.social', 2, 0, ''],
      ['rajp.bsky.social', 0, 1, 'Raj Patel (S-CCCCCC)'],
    ]);
    const sheet = [[...NEW_PEOPLE_HEADERS], ...newPeopleRows(ranked)];
    const merged = rankNewPeople(
      parseNewPeople(sheet),
      unmatched,
      SUPPORTERS,
      index,
    );
    // The same events again add nothing; a new one adds to the sheet's count.
    expect(merged[0].reposts).toBe(2);
    const more = rankNewPeople(
      parseNewPeople(sheet),
      [{...unmatched[0], eventId: `${unmatched[0].eventId}-new`}],
      SUPPORTERS,
      index,
    );
    expect(more[0].reposts + more[0].follows).toBeGreaterThan(
      merged[0].reposts + merged[0].follows,
    );
    const withRaj = [
      ...SUPPORTERS.slice(0, 2),
      {...SUPPORTERS[2], bluesky: 'rajp.bsky.social'},
    ];
    const later = rankNewPeople(
      parseNewPeople(sheet),
      [],
      withRaj,
      new IdentityIndex(withRaj),
    );
    expect(later.map(p => p.person.handle)).toEqual(['tigerfan.bsky.social']);
  });
});
