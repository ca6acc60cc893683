/**
 * Engagement sync and the X archive, end to end: the built add-on in the
 * emulator, talking real HTTP to fake Bluesky, Mastodon and X servers on
 * 127.0.0.1 that serve payloads shaped like the real ones.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {Emulator} from '../../emulator';
import {blueskyRepost} from '../sync-server/payloads';
import {records, sheetOf, supporterIds as ids} from './harness';
import {
  fakeNetworksPerTest,
  menuConnections,
  SYNC_NOW as NOW,
  SYNC_PEOPLE,
  trackerWith,
} from './sync-fixture';
import {ROOT} from './dist';

const ARCHIVE = join(ROOT, 'test/fixtures/sync/x-archive/data');
const archiveFile = (name: string) => readFileSync(join(ARCHIVE, name), 'utf8');

const PEOPLE = [
  ...SYNC_PEOPLE,
  ['Ana Lima', 'ana@example.org', '', '', '@ana@fosstodon.example'],
  ['Raj Patel', 'raj@example.org', '', '', ''],
];

const net = fakeNetworksPerTest();

const tracker = () => trackerWith(PEOPLE);
const connect = menuConnections(net);

const lastAlert = (emu: Emulator) => emu.ui.alerts.at(-1)?.prompt ?? '';
const log = (emu: Emulator) => records(emu, 'Interactions');
const sync = (emu: Emulator) => {
  emu.clickMenu('Sync engagement');
  return lastAlert(emu);
};

describe('Connect accounts…', () => {
  test('shows who is connected and keeps secrets in user properties only', () => {
    const emu = tracker();
    connect.bluesky(emu);
    expect(lastAlert(emu)).toBe('Connected to Bluesky as @tigers.bsky.social.');
    connect.mastodon(emu);
    expect(lastAlert(emu)).toBe(
      'Connected to Mastodon as @tigers@mastodon.example.',
    );
    connect.x(emu);
    expect(lastAlert(emu)).toMatch(/^Connected to the X API as @tigers\./);
    emu.clickMenu('Connect accounts…', ['[CANCEL]']);
    const status = emu.ui.prompts.at(-1)!.prompt;
    expect(status).toContain('Bluesky: connected as @tigers.bsky.social');
    expect(status).toContain('Mastodon: connected as @tigers@mastodon.example');
    expect(status).toContain('X API: connected as @tigers');
    const secrets = ['abcd-efgh-ijkl-mnop', 'masto-token-1', 'x-bearer-1'];
    for (const secret of secrets) {
      expect(status).not.toContain(secret);
      expect(JSON.stringify(emu.properties('document'))).not.toContain(secret);
      expect(JSON.stringify(emu.toWorkbook())).not.toContain(secret);
      expect(JSON.stringify(emu.properties('user'))).toContain(secret);
    }
    emu.clickMenu('Connect accounts…', ['disconnect x']);
    expect(JSON.stringify(emu.properties('user'))).not.toContain('x-bearer-1');
  });

  test('a wrong app password, a main password and an unknown X user are refused clearly', () => {
    const emu = tracker();
    emu.clickMenu('Connect accounts…', [
      'bluesky',
      `tigers.bsky.social ${net.base}`,
      'wxyz-wxyz-wxyz-wxyz',
    ]);
    expect(lastAlert(emu)).toMatch(/refused the app password/);
    emu.clickMenu('Connect accounts…', [
      'bluesky',
      `tigers.bsky.social ${net.base}`,
      'my main password',
    ]);
    expect(lastAlert(emu)).toMatch(/not an app password/);
    emu.clickMenu('Connect accounts…', [
      'x',
      'x-bearer-1',
      `@nobody_here ${net.base}`,
      '',
    ]);
    expect(lastAlert(emu)).toBe('X knows no user "@nobody_here".');
    emu.clickMenu('Connect accounts…', [
      'mastodon',
      '@tigers@mastodon.example http://127.0.0.1:1',
      'masto-token-1',
    ]);
    expect(lastAlert(emu)).toMatch(/There is no Mastodon server at/);
    expect(Object.keys(emu.properties('user')).join()).not.toMatch(
      /whuffie\.connections/,
    );
  });
});

describe('Sync engagement: Bluesky', () => {
  test('the first sync logs matched notifications and ranks the new people', () => {
    const emu = tracker();
    connect.bluesky(emu);
    expect(sync(emu)).toMatch(/^Bluesky: 4 new interactions\./);
    const id = ids(emu);
    const rows = log(emu);
    expect(
      rows.map(r => [r['Supporter ID'], r.Direction, r.Kind, r.Channel]),
    ).toEqual([
      [id['Tom Reed'], 'inbound', 'like', 'bluesky'],
      [id['Maya Ode'], 'inbound', 'mention', 'bluesky'],
      [id['Tom Reed'], 'inbound', 'reply', 'bluesky'],
      [id['Maya Ode'], 'inbound', 'like', 'bluesky'],
    ]);
    expect(rows[2]).toMatchObject({
      Note: 'How can I help at the sanctuary this spring?',
      Link: 'https://bsky.app/profile/did:plc:tom333/post/3ltomreply',
      Source: 'bluesky',
      'Event ID':
        'bluesky:reply:at://did:plc:tom333/app.bsky.feed.post/3ltomreply',
    });
    // Post text is stored as text, never as a formula.
    expect(rows[1].Note).toMatch(/^=HYPERLINK/);
    expect(sheetOf(emu, 'Interactions').formulas ?? {}).toEqual({});

    const people = records(emu, 'New people');
    expect(people.map(p => [p.Handle, p.Engagement])).toEqual([
      ['@tigerfan.bsky.social', 6],
      ['@rajp.bsky.social', 1],
    ]);
    expect(people[1]['Maybe this supporter']).toBe(
      `Raj Patel (${id['Raj Patel']})`,
    );
    // Scores follow the new rows.
    expect(
      records(emu, 'Supporters').find(r => r.Name === 'Tom Reed')![
        'Last contact'
      ],
    ).not.toBe('');
  });

  test('syncing again adds only what is new, and twice adds nothing', async () => {
    const emu = tracker();
    connect.bluesky(emu);
    sync(emu);
    const before = log(emu).length;
    expect(sync(emu)).toMatch(/^Bluesky: 0 new interactions\./);
    await net.command('addBluesky', {
      notifications: [
        blueskyRepost('3lnew', {
          did: 'did:plc:maya111',
          handle: 'mayaode.bsky.social',
        }),
      ],
    });
    expect(sync(emu)).toMatch(/^Bluesky: 1 new interaction\./);
    expect(sync(emu)).toMatch(/^Bluesky: 0 new interactions\./);
    expect(log(emu)).toHaveLength(before + 1);
    expect(log(emu).at(-1)).toMatchObject({Kind: 'retweet'});
    // New people are not counted twice either.
    expect(records(emu, 'New people')[0].Engagement).toBe(6);
  });

  test('a 429 stops the sync cleanly and the next one resumes without gaps or repeats', async () => {
    const emu = tracker();
    connect.bluesky(emu);
    await net.command('pageSize', {size: 3});
    await net.command('fail', {
      path: 'listNotifications',
      skip: 1,
      status: 429,
      body: {error: 'RateLimitExceeded', message: 'Rate Limit Exceeded'},
      headers: {
        'ratelimit-limit': '3000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(Date.parse('2026-03-01T09:00:00Z') / 1000),
        'ratelimit-policy': '3000;w=300',
      },
    });
    expect(sync(emu)).toBe(
      'Bluesky: 2 new interactions; Bluesky asked us to slow down (rate limit). The next sync continues where this one stopped (after 09:00 UTC).\n' +
        '1 event came from people who are not in your tracker: see the "New people" sheet (1 person, most engaged first).',
    );
    expect(log(emu)).toHaveLength(2);
    expect(sync(emu)).toMatch(/^Bluesky: 2 new interactions\./);
    expect(log(emu)).toHaveLength(4);
    expect(sync(emu)).toMatch(/^Bluesky: 0 new interactions\./);
    expect(records(emu, 'New people').map(p => p.Engagement)).toEqual([6, 1]);
  });

  test('an expired session is refreshed with the refresh token, not a new login', async () => {
    const emu = tracker();
    connect.bluesky(emu);
    await net.command('expireAccess');
    expect(sync(emu)).toMatch(/^Bluesky: 4 new interactions\./);
    await net.command('expireAccess');
    sync(emu);
    const calls = await net.command<Record<string, number>>('calls');
    expect(calls['/xrpc/com.atproto.server.createSession']).toBe(1);
    expect(calls['/xrpc/com.atproto.server.refreshSession']).toBe(2);
  });

  test('a revoked app password is reported and does not stop Mastodon', async () => {
    const emu = tracker();
    connect.bluesky(emu);
    connect.mastodon(emu);
    await net.command('revokeAppPassword');
    const message = sync(emu);
    expect(message).toMatch(
      /^Bluesky: 0 new interactions; Bluesky refused the app password for @tigers\.bsky\.social/,
    );
    expect(message).toMatch(/Mastodon: 3 new interactions\./);
  });
});

describe('Sync engagement: Mastodon and X', () => {
  test('Mastodon notifications are matched by user@domain, HTML becomes plain text', () => {
    const emu = tracker();
    connect.mastodon(emu);
    expect(sync(emu)).toMatch(/^Mastodon: 3 new interactions\./);
    const id = ids(emu);
    expect(log(emu).map(r => [r['Supporter ID'], r.Kind, r.Note])).toEqual([
      [id['Ana Lima'], 'follow', ''],
      [id['Maya Ode'], 'retweet', ''],
      [
        id['Ana Lima'],
        'reply',
        '@tigers Can I volunteer on weekends? Tigers & cubs <3',
      ],
    ]);
    expect(records(emu, 'New people')[0]).toMatchObject({
      Handle: '@stripes@social.example',
      Likes: 1,
    });
    expect(sync(emu)).toMatch(/^Mastodon: 0 new interactions\./);
  });

  test('a revoked Mastodon token is reported clearly', async () => {
    const emu = tracker();
    connect.mastodon(emu);
    await net.command('revokeMastodon');
    expect(sync(emu)).toMatch(
      /^Mastodon: 0 new interactions; mastodon\.example no longer accepts the Mastodon access token \("The access token was revoked"\)/,
    );
  });

  test('X mentions are read within the budget and the rest comes next time', async () => {
    const emu = tracker();
    connect.x(emu, '5 1000');
    expect(sync(emu)).toMatch(
      /^X: 3 new interactions; stopped at the read budget you set/,
    );
    expect(await net.command('xPostsRead')).toBe(5);
    // The mentions' last 2 posts leave 3 reads: too few for a page of our posts.
    expect(sync(emu)).toMatch(
      /^X: 1 new interaction; stopped at the read budget you set/,
    );
    expect(await net.command('xPostsRead')).toBe(7);
    const id = ids(emu);
    expect(
      log(emu)
        .map(r => [r['Supporter ID'], r.Kind])
        .sort(),
    ).toEqual(
      [
        [id['Maya Ode'], 'mention'],
        [id['Maya Ode'], 'mention'],
        [id['Tom Reed'], 'reply'],
        [id['Tom Reed'], 'mention'],
      ].sort(),
    );
    expect(records(emu, 'New people')[0]).toMatchObject({
      Handle: '@bigcat_lover',
      'Reposts & quotes': 1,
      'Replies & mentions': 2,
    });
  });

  test('who retweeted or quoted our posts of the last week is logged once, within the budget', async () => {
    const emu = tracker();
    connect.x(emu);
    expect(sync(emu)).toMatch(/^X: 7 new interactions\./);
    const id = ids(emu);
    const ours = 'https://x.com/tigers/status/';
    expect(
      log(emu)
        .filter(r => r.Kind === 'retweet' || r.Kind === 'quote')
        .map(r => [r['Supporter ID'], r.Kind, r['Event ID'], r.Link])
        .sort(),
    ).toEqual(
      [
        [
          id['Maya Ode'],
          'retweet',
          'x:retweet:1894000000000000001-2001',
          `${ours}1894000000000000001`,
        ],
        [
          id['Tom Reed'],
          'retweet',
          'x:retweet:1894000000000000002-2002',
          `${ours}1894000000000000002`,
        ],
        [
          id['Tom Reed'],
          'quote',
          'x:quote:1895000000000000010',
          'https://x.com/TomReed/status/1895000000000000010',
        ],
      ].sort(),
    );
    // The quote that also mentioned us is counted once; a retweeter named
    // like a formula stays text.
    const people = records(emu, 'New people');
    expect(people.find(p => p.Handle === '@bigcat_lover')).toMatchObject({
      'Reposts & quotes': 1,
    });
    expect(people.find(p => p.Handle === '@jo_brightwater')).toMatchObject({
      Name: '=HYPERLINK("http://evil.example","Jo")',
      'Reposts & quotes': 1,
    });
    expect(sheetOf(emu, 'New people').formulas ?? {}).toEqual({});
    // 7 mentions, 2 of our posts (the one from February 10 is too old to
    // pay for), 2 quotes; 3 retweeters at 2 reads each.
    expect(await net.command('xPostsRead')).toBe(11);
    expect(await net.command('xUsersRead')).toBe(3);
    const calls = await net.command<Record<string, number>>('calls');
    expect(calls['/2/tweets/1893000000000000001/retweeted_by']).toBeUndefined();
    expect(calls['/2/tweets/1894000000000000002/quote_tweets']).toBeUndefined();

    // Nothing new: only our posts' counts are read again.
    expect(sync(emu)).toMatch(/^X: 0 new interactions\./);
    expect(await net.command('xUsersRead')).toBe(3);
    // A new retweet: only that post's retweeters are looked up again.
    await net.command('addXRetweeter', {
      postId: '1894000000000000002',
      user: {id: '2001', name: 'Maya Ode', username: 'maya_ode'},
    });
    expect(sync(emu)).toMatch(/^X: 1 new interaction\./);
    expect(await net.command('xUsersRead')).toBe(5);
    expect(
      log(emu).filter(r => String(r['Event ID']).startsWith('x:retweet:')),
    ).toHaveLength(3);
  });

  test('a 429 during the lookups keeps what was found and the next sync finishes them', async () => {
    const emu = tracker();
    connect.x(emu);
    await net.command('fail', {
      path: 'quote_tweets',
      status: 429,
      headers: {'x-rate-limit-reset': '1772354400'},
      body: {title: 'Too Many Requests', type: 'about:blank', status: 429},
    });
    expect(sync(emu)).toMatch(
      /^X: 6 new interactions; X asked us to slow down/,
    );
    expect(sync(emu)).toMatch(/^X: 1 new interaction\./);
    expect(
      log(emu).filter(r => r['Event ID'] === 'x:quote:1895000000000000010'),
    ).toHaveLength(1);
  });

  test('a revoked X token and an exhausted usage cap are told apart', async () => {
    const emu = tracker();
    connect.x(emu);
    await net.command('fail', {
      path: 'mentions',
      status: 429,
      body: {
        title: 'UsageCapExceeded',
        detail: 'Usage cap exceeded: Monthly product cap',
        type: 'https://api.twitter.com/2/problems/usage-capped',
      },
    });
    expect(sync(emu)).toMatch(/used up its credits or its usage cap/);
    await net.command('revokeX');
    expect(sync(emu)).toMatch(/X does not accept the bearer token any more/);
  });
});

describe('Import X archive', () => {
  test('our replies, mentions and retweets become deposits; likes and followers are matched', () => {
    const emu = tracker();
    connect.x(emu);
    sync(emu);
    const before = log(emu).length;
    const tweets = emu.callFromSidebar('importXArchiveFile', [
      'tweets.js',
      archiveFile('tweets.js'),
    ]) as {message: string};
    expect(tweets.message).toMatch(/^Read 4 entries from tweets\.js: 3 /);
    const id = ids(emu);
    const added = log(emu).slice(before);
    expect(
      added.map(r => [
        r['Supporter ID'],
        r.Direction,
        r.Kind,
        r['Value class'],
      ]),
    ).toEqual([
      [id['Maya Ode'], 'outbound', 'reply', 'deposit'],
      [id['Tom Reed'], 'outbound', 'mention', 'deposit'],
      [id['Maya Ode'], 'outbound', 'retweet', 'deposit'],
    ]);
    expect(added[0]).toMatchObject({
      Source: 'x-archive',
      'Event ID': 'x:reply:1630000000000000001',
      Note: '@maya_ode Thank you so much for sharing our census!',
    });
    expect(
      (
        emu.callFromSidebar('importXArchiveFile', [
          'tweets.js',
          archiveFile('tweets.js'),
        ]) as {message: string}
      ).message,
    ).toMatch(/: 0 replies/);

    emu.callFromSidebar('importXArchiveFile', [
      'like.js',
      archiveFile('like.js'),
    ]);
    expect(log(emu).at(-1)).toMatchObject({
      'Supporter ID': id['Maya Ode'],
      Direction: 'outbound',
      Kind: 'like',
      'Event ID': 'x:like:1895000000000000007',
    });

    const followers = emu.callFromSidebar('importXArchiveFile', [
      'follower.js',
      archiveFile('follower.js'),
    ]) as {message: string};
    expect(followers.message).toMatch(/1 followers added/);
    expect(log(emu).at(-1)).toMatchObject({
      'Supporter ID': id['Maya Ode'],
      Direction: 'inbound',
      Kind: 'follow',
    });
    expect(records(emu, 'New people').map(p => p['Network ID'])).toEqual(
      expect.arrayContaining(['2004', '9999']),
    );
  });

  test('files are read as data, never run', () => {
    const emu = tracker();
    const call = (name: string, text: string) => () =>
      emu.callFromSidebar('importXArchiveFile', [name, text]);
    expect(
      call('tweets.js', 'window.YTD.tweets.part0 = (globalThis.pwned = 1);'),
    ).toThrow(/is not a file of an X archive as X writes it/);
    expect(call('account.js', 'window.YTD.account.part0 = []')).toThrow(
      /reads tweets\.js, like\.js and follower\.js/,
    );
    expect(log(emu)).toHaveLength(0);
  });
});

describe('Cost of a sync', () => {
  test('N notifications: one fetch per page, one log append', async () => {
    const emu = tracker();
    connect.bluesky(emu);
    const many = Array.from({length: 250}, (_, i) => ({
      uri: `at://did:plc:maya111/app.bsky.feed.like/3lbulk${i}`,
      cid: `bafyreibulk${i}`,
      author: {did: 'did:plc:maya111', handle: 'mayaode.bsky.social'},
      reason: 'like',
      reasonSubject: 'at://did:plc:org222/app.bsky.feed.post/3kpost',
      record: {
        $type: 'app.bsky.feed.like',
        subject: {
          uri: 'at://did:plc:org222/app.bsky.feed.post/3kpost',
          cid: 'bafyreipostcid',
        },
        createdAt: new Date(Date.parse(NOW) - (i + 1) * 60_000).toISOString(),
      },
      isRead: false,
      indexedAt: new Date(Date.parse(NOW) - (i + 1) * 60_000).toISOString(),
    }));
    await net.command('addBluesky', {notifications: many});
    emu.resetCounts();
    expect(sync(emu)).toMatch(/^Bluesky: 254 new interactions\./);
    const counts = emu.counts;
    // 258 notifications, 100 a page: 3 pages.
    expect(counts['UrlFetchApp.fetch']).toBe(3);
    // One append to the log, one rebuild of New people, one score write.
    expect(counts['Range.setValues']).toBe(3);
  });
});

describe('the daily run', () => {
  test('syncs connected accounts before it builds the list and the email', () => {
    const emu = tracker();
    connect.bluesky(emu);
    emu.clickMenu('Daily digest…', ['7']);
    const before = log(emu).length;
    emu.setNow('2026-03-02T08:30:00Z');
    const [run] = emu.fireTimeTriggers('daily');
    expect(run.ok).toBe(true);
    expect(log(emu).length).toBeGreaterThan(before);
    expect(log(emu).some(r => String(r.Source) === 'bluesky')).toBe(true);
  });

  test('the email names who reposted us since yesterday and is not in the tracker yet', async () => {
    const emu = tracker();
    connect.bluesky(emu);
    emu.clickMenu('Daily digest…', ['7']);
    await net.command('addBluesky', {notifications: [blueskyRepost('3lnew')]});
    const [run] = emu.fireTimeTriggers('daily');
    expect(run.ok).toBe(true);
    expect(emu.mail).toHaveLength(1);
    const {body, htmlBody = ''} = emu.mail[0];
    expect(body).toContain('\nBELIEVERS YOU DON\u2019T KNOW YET\n');
    expect(htmlBody).toContain('>Believers you don\u2019t know yet</h2>');
    // Two reposts and a quote in the fixtures, and this morning's repost.
    expect(body).toContain(
      '- Tiger Fan \u2014 reposted us 3 times on Bluesky \u00b7 @tigerfan.bsky.social\n' +
        '  https://bsky.app/profile/tigerfan.bsky.social\n' +
        'Add them from the New people sheet',
    );
    expect(htmlBody).toContain(
      '<strong>Tiger Fan</strong> reposted us 3 times on Bluesky',
    );
    expect(htmlBody).toContain(
      'href="https://bsky.app/profile/tigerfan.bsky.social"',
    );
    // Raj Patell followed us days ago: on the New people sheet, not news.
    expect(records(emu, 'New people').map(p => p.Handle)).toContain(
      '@rajp.bsky.social',
    );
    expect(body).not.toContain('rajp.bsky.social');
    expect(htmlBody).not.toContain('rajp.bsky.social');
  });
});
