/**
 * Handle suggestions, end to end: the built add-on in the emulator reads the
 * followers of our accounts from the fake Bluesky and Mastodon servers and
 * the New people sheet, builds the Handle suggestions sheet, and the user
 * answers each row in its Action column (the simple onEdit trigger).
 */
import {Emulator} from '../../emulator';
import {blueskyRepost} from '../sync-server/payloads';
import {cellOf, records, sheetOf} from './harness';
import {
  fakeNetworksPerTest,
  menuConnections,
  SYNC_PEOPLE,
  trackerWith,
} from './sync-fixture';

const PEOPLE = [
  ...SYNC_PEOPLE,
  ['Raj Patel', 'raj@example.org', '', '', ''],
  ['Ana Lima', 'ana.lima@gmail.com', '', '', '@ana@fosstodon.example'],
  ['Sam Oduya', 'sam@samoduya.org', '', '', ''],
  ['Lee Chan', 'lee.chan@gmail.com', '', '', ''],
  ['Kim Park', 'kim.park@gmail.com', '', '', ''],
  ['Jo Bloggs', 'bigcat.lover@gmail.com', '', '', ''],
];

const net = fakeNetworksPerTest();

const tracker = () => trackerWith(PEOPLE);
const connect = menuConnections(net);

function connected(): Emulator {
  const emu = tracker();
  connect.bluesky(emu);
  connect.mastodon(emu);
  return emu;
}

const suggest = (emu: Emulator) => {
  emu.clickMenu('Suggest handles');
  return emu.ui.alerts.at(-1)?.prompt ?? '';
};
const rows = (emu: Emulator) => records(emu, 'Handle suggestions');
const brief = (emu: Emulator) =>
  rows(emu).map(r => [
    r.Supporter,
    r.Network,
    r['Suggested handle'],
    r.Confidence,
  ]);
const supporter = (emu: Emulator, name: string) =>
  records(emu, 'Supporters').find(r => r.Name === name)!;

const actionCell = (emu: Emulator, name: string, network: string) =>
  cellOf(
    emu,
    'Handle suggestions',
    'Action',
    r => r.Supporter === name && r.Network === network,
  );
const statusOf = (emu: Emulator, name: string, network: string) =>
  rows(emu).find(r => r.Supporter === name && r.Network === network)?.Status;

describe('Suggest handles', () => {
  test('suggests by an email that is the handle, by name, and by a Mastodon account equal to the email', () => {
    const emu = connected();
    expect(suggest(emu)).toBe(
      [
        '6 suggestions for 5 supporters: see the "Handle suggestions" sheet and choose Use this handle or Not them on each row.',
        'Bluesky: 7 followers read.',
        'Mastodon: 4 followers read.',
      ].join('\n'),
    );
    expect(brief(emu)).toEqual([
      ['Sam Oduya', 'mastodon', '@sam@samoduya.org', 98],
      ['Ana Lima', 'bluesky', '@analima.bsky.social', 93],
      ['Kim Park', 'mastodon', '@kimpark@mastodon.example', 93],
      ['Lee Chan', 'bluesky', '@leechan.bsky.social', 93],
      ['Sam Oduya', 'bluesky', '@samoduya.org', 83],
      ['Raj Patel', 'bluesky', '@rajp.bsky.social', 55],
    ]);
    const why = Object.fromEntries(
      rows(emu).map(r => [`${r.Supporter} ${r.Network}`, r.Why]),
    );
    expect(why['Sam Oduya mastodon']).toBe(
      'Their Mastodon address is their email address, sam@samoduya.org. Follows you.',
    );
    expect(why['Ana Lima bluesky']).toBe(
      'The Bluesky handle matches their email address, ana.lima@gmail.com. The Bluesky handle spells their name. Follows you.',
    );
    expect(why['Raj Patel bluesky']).toBe(
      'Their name on Bluesky, "Raj Patell", is like Raj Patel. Follows you.',
    );
    expect(rows(emu)[0]).toMatchObject({
      'Follows you': 'yes',
      Profile: 'https://samoduya.org/@sam',
      'Network ID': 'sam@samoduya.org',
    });
    // Names from the networks are text, whatever they look like.
    const names = Object.fromEntries(
      rows(emu).map(r => [r.Supporter, r['Their name']]),
    );
    expect(names['Lee Chan']).toBe('=IMPORTXML("http://evil.example", "//a")');
    expect(names['Kim Park']).toBe('+1');
    expect(sheetOf(emu, 'Handle suggestions').formulas ?? {}).toEqual({});
  });

  test('Use this handle writes it as text, and the next sync logs their engagement to them', async () => {
    const emu = connected();
    suggest(emu);
    emu.userEdit(actionCell(emu, 'Lee Chan', 'bluesky'), 'Use this handle');
    emu.userEdit(actionCell(emu, 'Kim Park', 'mastodon'), 'Use this handle');
    expect(supporter(emu, 'Lee Chan')['Bluesky handle']).toBe(
      '@leechan.bsky.social',
    );
    expect(supporter(emu, 'Kim Park')['Mastodon handle']).toBe(
      '@kimpark@mastodon.example',
    );
    expect(statusOf(emu, 'Lee Chan', 'bluesky')).toBe('Matched to Lee Chan');
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      '@kimpark@mastodon.example is now the Mastodon handle of Kim Park: from the next sync on, their engagement is logged to them.',
    );
    expect(sheetOf(emu, 'Supporters').formulas ?? {}).toEqual({});
    // Choosing it again changes nothing.
    emu.userEdit(actionCell(emu, 'Lee Chan', 'bluesky'), 'Use this handle');
    expect(statusOf(emu, 'Lee Chan', 'bluesky')).toBe('Matched to Lee Chan');

    await net.command('addBluesky', {
      notifications: [
        blueskyRepost('3llee', {
          did: 'did:plc:lee777',
          handle: 'leechan.bsky.social',
        }),
      ],
    });
    emu.clickMenu('Sync engagement');
    expect(
      records(emu, 'Interactions').filter(
        r => r['Supporter ID'] === supporter(emu, 'Lee Chan')['Supporter ID'],
      ),
    ).toMatchObject([{Kind: 'retweet', Channel: 'bluesky'}]);
    // Rows acted on are gone from the next run.
    suggest(emu);
    expect(brief(emu).map(r => r[0])).toEqual([
      'Sam Oduya',
      'Ana Lima',
      'Sam Oduya',
      'Raj Patel',
    ]);
  });

  test('Use this handle never overwrites a handle typed in meanwhile', () => {
    const emu = connected();
    suggest(emu);
    const cell = Object.keys(supporter(emu, 'Raj Patel')).indexOf(
      'Bluesky handle',
    );
    const row = records(emu, 'Supporters').findIndex(
      r => r.Name === 'Raj Patel',
    );
    emu.userEdit(
      `Supporters!${String.fromCharCode(65 + cell)}${row + 2}`,
      'raj.example.org',
    );
    emu.userEdit(actionCell(emu, 'Raj Patel', 'bluesky'), 'Use this handle');
    expect(statusOf(emu, 'Raj Patel', 'bluesky')).toBe(
      'Not done: Raj Patel already has the Bluesky handle raj.example.org. Change it in your tracker if @rajp.bsky.social is theirs too.',
    );
    expect(supporter(emu, 'Raj Patel')['Bluesky handle']).toBe(
      'raj.example.org',
    );
  });

  test('Not them is remembered: the next run leaves that person out for that supporter', () => {
    const emu = connected();
    suggest(emu);
    emu.userEdit(actionCell(emu, 'Raj Patel', 'bluesky'), 'Not them');
    expect(statusOf(emu, 'Raj Patel', 'bluesky')).toBe(
      'Not them: it will not be suggested again.',
    );
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      '@rajp.bsky.social will not be suggested for Raj Patel again.',
    );
    const stored = JSON.parse(
      emu.properties('document')['whuffie.rejectedHandles'],
    ) as string[];
    expect(stored).toHaveLength(1);
    expect(suggest(emu)).toMatch(/^5 suggestions for 4 supporters/);
    expect(brief(emu).some(r => r[0] === 'Raj Patel')).toBe(false);
  });

  test('a revoked Mastodon token is reported while the Bluesky suggestions still arrive', async () => {
    const emu = connected();
    await net.command('revokeMastodon');
    const message = suggest(emu);
    expect(message).toMatch(/^4 suggestions for 4 supporters/);
    expect(message).toMatch(
      /\nMastodon: 0 followers read; mastodon\.example no longer accepts the Mastodon access token \("The access token was revoked"\)/,
    );
    expect(new Set(brief(emu).map(r => r[1]))).toEqual(new Set(['bluesky']));
  });

  test('a rate limit keeps the followers read before it', async () => {
    const emu = connected();
    await net.command('pageSize', {size: 2});
    await net.command('fail', {
      path: 'getFollowers',
      skip: 1,
      status: 429,
      body: {error: 'RateLimitExceeded', message: 'Rate Limit Exceeded'},
      headers: {'ratelimit-remaining': '0'},
    });
    expect(suggest(emu)).toMatch(
      /\nBluesky: 2 followers read; Bluesky asked Whuffie to slow down \(rate limit\), so only the followers read before were used\. Try again in a few minutes\.\nMastodon: 4 followers read\.$/,
    );
    expect(brief(emu).map(r => r[2])).toContain('@leechan.bsky.social');
  });

  test('running it twice gives the same sheet', () => {
    const emu = connected();
    const first = suggest(emu);
    const sheet = sheetOf(emu, 'Handle suggestions').values;
    expect(suggest(emu)).toBe(first);
    expect(sheetOf(emu, 'Handle suggestions').values).toEqual(sheet);
    expect(emu.properties('document')['whuffie.rejectedHandles']).toBe(
      undefined,
    );
  });

  test('followers are read page by page on both networks, hidden Mastodon followers with a read:accounts token', async () => {
    const emu = connected();
    await net.command('pageSize', {size: 2});
    expect(suggest(emu)).toMatch(
      /\nBluesky: 7 followers read\.\nMastodon: 4 followers read\.$/,
    );
    const calls = await net.command<Record<string, number>>('calls');
    expect(calls['/xrpc/app.bsky.graph.getFollowers']).toBe(4);
    // Two full pages, then the empty one a full page links to.
    expect(calls['/api/v1/accounts/109000000000000001/followers']).toBe(3);

    await net.command('hideMastodonFollowers');
    expect(suggest(emu)).toMatch(
      /\nMastodon: 0 followers read; none are visible\. If your account hides its followers, connect again with a token that also has the read:accounts scope\.$/,
    );
    await net.command('mastodonScopes', {
      scopes: ['read:notifications', 'read:accounts'],
    });
    expect(suggest(emu)).toMatch(/\nMastodon: 4 followers read\.$/);
  });

  test('people from New people count, X ones too, and X followers are never read', () => {
    const emu = tracker();
    connect.x(emu);
    emu.clickMenu('Sync engagement');
    expect(suggest(emu)).toBe(
      [
        '1 suggestion for 1 supporter: see the "Handle suggestions" sheet and choose Use this handle or Not them on each row.',
        'New people: 2 people looked at.',
      ].join('\n'),
    );
    expect(rows(emu)).toMatchObject([
      {
        Supporter: 'Jo Bloggs',
        Network: 'x',
        'Suggested handle': '@bigcat_lover',
        Engaged: 3,
        'Follows you': '',
        Why: 'The X handle matches their email address, bigcat.lover@gmail.com. Engaged with you 3 times.',
      },
    ]);
    return net
      .command<Record<string, number>>('calls')
      .then(calls =>
        expect(Object.keys(calls).filter(p => /follow/.test(p))).toEqual([]),
      );
  });

  test('without a connection or New people, it says where handles come from', () => {
    const emu = tracker();
    expect(suggest(emu)).toMatch(
      /^Whuffie looks for handles among the people who follow or engage with you, and knows none yet\./,
    );
  });
});
