import fc from 'fast-check';
import {
  emailsIn,
  extractHandles,
  IdentityIndex,
  identityKeys,
  normaliseHandle,
  parseIdentity,
  SupporterIdentity,
} from '../../src/core/handles';

const ok = (network: 'x' | 'bluesky' | 'mastodon', raw: unknown) => {
  const result = normaliseHandle(network, raw);
  if (!result.ok) throw new Error(`${String(raw)}: ${result.reason}`);
  return result;
};

describe('X handles', () => {
  test.each([
    '@Tiger_Fan',
    'tiger_fan',
    'TIGER_FAN',
    'https://twitter.com/tiger_fan',
    'http://www.twitter.com/tiger_fan/',
    'x.com/tiger_fan?s=20',
    'https://mobile.twitter.com/Tiger_Fan',
    'https://twitter.com/intent/user?screen_name=Tiger_Fan',
    'https://twitter.com/#!/tiger_fan',
    'https://x.com/tiger_fan/status/1700000000000000000',
    ' <@tiger_fan> ',
    '"@tiger_fan",',
  ])('%s is @tiger_fan', raw => {
    const handle = ok('x', raw);
    expect(handle.value).toBe('tiger_fan');
    expect(handle.profileUrl).toBe('https://x.com/tiger_fan');
  });

  test('the display form keeps the case the user typed', () => {
    expect(ok('x', 'https://twitter.com/Tiger_Fan').display).toBe('@Tiger_Fan');
  });

  test.each([
    ['@this_handle_is_far_too_long', /at most 15/],
    ['@noah.williams', /letters, digits and _/],
    ['sven olsen', /spaces/],
    ['https://twitter.com/search?q=tigers', /"search" page/],
    ['https://x.com/', /no username/],
    ['https://example.org/tiger_fan', /not to X/],
    ['jane@example.org', /second @/],
  ])('%s is flagged, not dropped', (raw, reason) => {
    const result = normaliseHandle('x', raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.raw).toBe(raw);
      expect(result.reason).toMatch(reason);
    }
  });

  test('an empty cell is reported as empty', () => {
    expect(normaliseHandle('x', '')).toEqual({
      ok: false,
      network: 'x',
      raw: '',
      reason: 'empty',
    });
  });
});

describe('Bluesky handles', () => {
  test.each([
    ['name.bsky.social', 'name.bsky.social'],
    ['@Name.BSKY.social', 'name.bsky.social'],
    ['jane.example.org', 'jane.example.org'],
    ['https://bsky.app/profile/jane.example.org', 'jane.example.org'],
    ['bsky.app/profile/name.bsky.social/post/3kabc', 'name.bsky.social'],
    ['did:plc:ewvi7nxzyoun6zhxrhs64oiz', 'did:plc:ewvi7nxzyoun6zhxrhs64oiz'],
    ['https://bsky.app/profile/did:plc:fan111', 'did:plc:fan111'],
    ['did:web:jane.example.org', 'did:web:jane.example.org'],
  ])('%s is %s', (raw, value) => {
    const handle = ok('bluesky', raw);
    expect(handle.value).toBe(value);
    expect(handle.profileUrl).toBe(`https://bsky.app/profile/${value}`);
  });

  test('handles display with @, DIDs as they are', () => {
    expect(ok('bluesky', 'name.bsky.social').display).toBe('@name.bsky.social');
    expect(ok('bluesky', 'did:plc:fan111').display).toBe('did:plc:fan111');
  });

  test.each([
    ['tigerfan', /domain names/],
    ['jane.local', /\.local/],
    ['-bad-.bsky.social', /letters, digits, hyphens/],
    ['jane.123', /ends in a number/],
    ['https://example.org/profile/jane.bsky.social', /not to a Bluesky/],
    ['did:key:abc', /DID/],
  ])('%s is flagged', (raw, reason) => {
    const result = normaliseHandle('bluesky', raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('Mastodon handles', () => {
  test.each([
    '@Gargron@Mastodon.Social',
    'gargron@mastodon.social',
    'https://mastodon.social/@Gargron',
    'https://mastodon.social/@Gargron/109876543210',
    'https://mastodon.social/users/gargron',
    'acct:gargron@mastodon.social',
  ])('%s is gargron@mastodon.social', raw => {
    const handle = ok('mastodon', raw);
    expect(handle.value).toBe('gargron@mastodon.social');
    expect(handle.profileUrl).toMatch(
      /^https:\/\/mastodon\.social\/@gargron$/i,
    );
  });

  test('a remote account seen through another server keeps its own server', () => {
    expect(
      ok('mastodon', 'https://mastodon.social/@jane@hachyderm.io').value,
    ).toBe('jane@hachyderm.io');
  });

  test('display is @user@server', () => {
    expect(ok('mastodon', 'https://fosstodon.org/@Olga').display).toBe(
      '@Olga@fosstodon.org',
    );
  });

  test('a bare @user names no server and is flagged as ambiguous', () => {
    const result = normaliseHandle('mastodon', '@patobrien');
    expect(result).toMatchObject({ok: false, raw: '@patobrien'});
    if (!result.ok) expect(result.reason).toMatch(/server/);
  });

  test.each(['@a@b@c.social', '@bad name@x.social', '@user@localhost'])(
    '%s is flagged',
    raw => expect(normaliseHandle('mastodon', raw).ok).toBe(false),
  );
});

describe('handles in free text', () => {
  test('pulls links, labelled handles and @user@server out of notes', () => {
    const text =
      'Met at the gala. Twitter: @jane_doe, Bluesky: jane.example.org; ' +
      'also https://mastodon.social/@jane and @jd@hachyderm.io. Site: ' +
      'https://jane.example.com/about';
    expect(extractHandles(text).map(h => `${h.network}:${h.value}`)).toEqual([
      'x:jane_doe',
      'bluesky:jane.example.org',
      'mastodon:jane@mastodon.social',
      'mastodon:jd@hachyderm.io',
    ]);
  });

  test('finds x.com, twitter.com and bsky.app links in a website cell', () => {
    expect(extractHandles('https://x.com/TaraN').map(h => h.display)).toEqual([
      '@TaraN',
    ]);
    expect(
      extractHandles('see bsky.app/profile/farid.bsky.social').map(
        h => h.value,
      ),
    ).toEqual(['farid.bsky.social']);
  });

  test('a bare @name in prose names no network and is left alone', () => {
    expect(extractHandles('Say hi to @jane at the event')).toEqual([]);
  });

  test('emails, YouTube @pages and "x: 3" are not handles', () => {
    expect(extractHandles('jane@example.org')).toEqual([]);
    expect(extractHandles('https://www.youtube.com/@gretalind')).toEqual([]);
    expect(extractHandles('size x: 3')).toEqual([]);
  });

  test('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string(), text => {
        for (const handle of extractHandles(text)) {
          expect(normaliseHandle(handle.network, handle.display).ok).toBe(true);
        }
      }),
    );
  });
});

describe('identity keys', () => {
  test('one key per way of identifying a supporter, normalised', () => {
    expect(
      identityKeys({
        id: 's-7k3q2x',
        externalId: '101',
        email: ' Jane@Example.ORG ::: jane@work.example.com',
        x: 'https://twitter.com/Tiger_Fan',
        bluesky: '@Name.bsky.social',
        mastodon: 'https://mastodon.social/@Jane',
      }),
    ).toEqual([
      'id:S-7K3Q2X',
      'ext:101',
      'email:jane@example.org',
      'email:jane@work.example.com',
      'x:tiger_fan',
      'bluesky:name.bsky.social',
      'mastodon:jane@mastodon.social',
    ]);
  });

  test('unusable handles add no key', () => {
    expect(identityKeys({x: 'sven olsen', mastodon: '@bare'})).toEqual([]);
  });

  test('emailsIn finds every address in an export cell', () => {
    expect(
      emailsIn('a@x.org ::: B@Y.org; mailto:c@z.org, not-an-email'),
    ).toEqual(['a@x.org', 'b@y.org', 'c@z.org']);
  });
});

describe('lookup strings', () => {
  test.each([
    ['S-7K3Q2X', 'id', 'id:S-7K3Q2X'],
    ['jane@example.org', 'email', 'email:jane@example.org'],
    ['@Tiger_Fan', 'x', 'x:tiger_fan'],
    ['https://twitter.com/tiger_fan', 'x', 'x:tiger_fan'],
    ['tiger_fan', 'x', 'x:tiger_fan'],
    ['@name.bsky.social', 'bluesky', 'bluesky:name.bsky.social'],
    ['name.bsky.social', 'bluesky', 'bluesky:name.bsky.social'],
    ['did:plc:fan111', 'bluesky', 'bluesky:did:plc:fan111'],
    ['@user@mastodon.social', 'mastodon', 'mastodon:user@mastodon.social'],
    [
      'https://mastodon.social/@user',
      'mastodon',
      'mastodon:user@mastodon.social',
    ],
    ['101', 'id', 'ext:101'],
    ['Smith, Jane', 'name', 'name:jane smith'],
  ])('%s is a %s lookup', (text, kind, key) => {
    const parsed = parseIdentity(text);
    expect(parsed?.kind).toBe(kind);
    expect(parsed?.keys[0]).toBe(key);
  });

  test('numbers from a cell are ids', () => {
    expect(parseIdentity(101)?.keys).toEqual(['ext:101', 'id:101']);
  });

  test('blank is nothing', () => {
    expect(parseIdentity('  ')).toBeNull();
  });

  test('never throws', () => {
    fc.assert(fc.property(fc.anything(), value => void parseIdentity(value)));
  });

  test('an object with no string form names nobody (found by the property above)', () => {
    expect(parseIdentity(Object.create(null))).toBeNull();
  });
});

describe('the identity index', () => {
  const people: SupporterIdentity[] = [
    {
      row: 2,
      id: 'S-AAAAAA',
      name: 'Jane Smith',
      email: 'jane@example.org',
      x: '@Tiger_Fan',
    },
    {row: 3, id: 'S-BBBBBB', name: 'Jordan Lee', bluesky: 'jordan.bsky.social'},
    {row: 4, id: 'S-CCCCCC', name: 'Jordan Lee', mastodon: '@jl@mas.to'},
  ];
  const index = new IdentityIndex(people);

  test('finds a supporter by any spelling of any handle, email or id', () => {
    for (const lookup of [
      '@tiger_fan',
      'https://x.com/TIGER_FAN?s=20',
      'Jane@Example.org',
      's-aaaaaa',
      'Smith, Jane',
    ]) {
      expect(index.find(lookup)).toEqual({found: people[0]});
    }
    expect(index.find('https://mastodon.social/@jl@mas.to')).toEqual({
      found: people[2],
    });
  });

  test('a name two people share is ambiguous, not a guess', () => {
    expect(index.find('Jordan Lee')).toMatchObject({
      found: null,
      reason: 'ambiguous',
    });
  });

  test('unknown lookups say so', () => {
    expect(index.find('@nobody')).toMatchObject({
      found: null,
      reason: 'unknown',
    });
  });
});
