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
import {parseMentions} from '../../src/core/sync/x-api';

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
    const page = parseMentions(json('x-mentions.json'));
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
    expect(parseMentions({meta: {result_count: 0}}).items).toEqual([]);
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
    expect(merged[0].reposts).toBe(4);
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
