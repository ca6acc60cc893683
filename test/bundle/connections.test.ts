/**
 * Settings › Connected accounts: the sidebar's calls on the built add-on,
 * talking real HTTP to the fake Bluesky, Mastodon and X servers on
 * 127.0.0.1. Secrets go in and never come back out.
 */
import type {ConnectionsView, SyncReport} from '../../src/api';
import {Emulator} from '../../emulator';
import {records} from './harness';
import {
  fakeNetworksPerTest,
  SECRETS,
  SYNC_NOW as NOW,
  SYNC_PEOPLE,
  trackerWith,
} from './sync-fixture';

const PEOPLE = [
  ...SYNC_PEOPLE,
  ['Ana Lima', 'ana@example.org', '', '', '@ana@fosstodon.example'],
];

const net = fakeNetworksPerTest();

const tracker = () => trackerWith(PEOPLE);

const call = <T>(emu: Emulator, fn: string, ...args: unknown[]) =>
  emu.callFromSidebar(fn, args) as T;

const connect = {
  bluesky: (emu: Emulator, appPassword = SECRETS.bluesky) =>
    call<ConnectionsView>(emu, 'connectBluesky', {
      handle: '@tigers.bsky.social',
      appPassword,
      server: `${net.base}/`,
    }),
  mastodon: (emu: Emulator, server = net.base) =>
    call<ConnectionsView>(emu, 'connectMastodon', {
      account: '@tigers@mastodon.example',
      token: SECRETS.mastodon,
      server,
    }),
  x: (emu: Emulator, user = '@tigers', perSync: number | null = 20) =>
    call<ConnectionsView>(emu, 'connectX', {
      token: SECRETS.x,
      user,
      perSync,
      perMonth: 500,
      server: net.base,
    }),
};

const userProperties = (emu: Emulator) =>
  JSON.stringify(emu.properties('user'));

describe('Settings › Connected accounts', () => {
  test('connecting each network shows who is connected, never the secret', () => {
    const emu = tracker();
    const empty = call<ConnectionsView>(emu, 'getConnections');
    expect(empty).toMatchObject({bluesky: null, mastodon: null, x: null});
    expect(empty.defaults).toEqual({
      blueskyServer: 'https://bsky.social',
      xServer: 'https://api.x.com',
      xPerSync: 100,
      xPerMonth: 1000,
    });

    expect(connect.bluesky(emu).bluesky).toEqual({
      account: '@tigers.bsky.social',
      server: net.base,
    });
    expect(connect.mastodon(emu).mastodon).toEqual({
      account: '@tigers@mastodon.example',
      server: net.base,
    });
    const view = connect.x(emu);
    expect(view.x).toEqual({
      account: '@tigers',
      server: net.base,
      perSync: 20,
      perMonth: 500,
      usedThisMonth: 0,
    });
    expect(call<ConnectionsView>(emu, 'getConnections')).toEqual(view);

    const shown = JSON.stringify(view);
    for (const secret of Object.values(SECRETS)) {
      expect(shown).not.toContain(secret);
      expect(userProperties(emu)).toContain(secret);
      expect(JSON.stringify(emu.properties('document'))).not.toContain(secret);
      expect(JSON.stringify(emu.toWorkbook())).not.toContain(secret);
    }
    // The session tokens the login returned stay on the server too.
    expect(shown).not.toMatch(/access-|refresh-/);

    // The menu reads the same connections.
    emu.clickMenu('Connect accounts…', ['[CANCEL]']);
    expect(emu.ui.prompts.at(-1)!.prompt).toContain(
      'X API: connected as @tigers (reads at most 20 posts a sync, 500 a month; 0 read this month)',
    );
  });

  test('disconnecting forgets the token and the sync positions', () => {
    const emu = tracker();
    connect.mastodon(emu);
    call<SyncReport>(emu, 'syncNow');
    const positions = () =>
      JSON.parse(
        Object.entries(emu.properties('user')).find(([key]) =>
          key.startsWith('whuffie.sync.'),
        )![1],
      ) as object;
    expect(positions()).toHaveProperty('mastodon');
    const view = call<ConnectionsView>(emu, 'disconnectAccount', 'mastodon');
    expect(view.mastodon).toBeNull();
    expect(userProperties(emu)).not.toContain(SECRETS.mastodon);
    expect(positions()).not.toHaveProperty('mastodon');
    expect(() => call(emu, 'disconnectAccount', 'myspace')).toThrow(
      /problem in Whuffie itself/,
    );
  });

  test('a wrong app password, a revoked token and an unknown X user are refused clearly', async () => {
    const emu = tracker();
    expect(() => connect.bluesky(emu, 'wxyz-wxyz-wxyz-wxyz')).toThrow(
      /^Bluesky refused the app password for @tigers\.bsky\.social: it is wrong, or it was revoked\./,
    );
    expect(() => connect.bluesky(emu, 'my main password')).toThrow(
      /^That is not an app password/,
    );
    await net.command('revokeMastodon');
    expect(() => connect.mastodon(emu)).toThrow(
      /^mastodon\.example no longer accepts the Mastodon access token/,
    );
    expect(() => connect.mastodon(emu, 'http://127.0.0.1:1')).toThrow(
      /^There is no Mastodon server at http:\/\/127\.0\.0\.1:1/,
    );
    expect(() => connect.x(emu, '@nobody_here')).toThrow(
      /^X knows no user "@nobody_here"\.$/,
    );
    expect(() => connect.x(emu, '@tigers', 0)).toThrow(
      /^The posts one sync may read must be a whole number, 1 or more/,
    );
    expect(() =>
      call(emu, 'connectBluesky', {
        handle: 'tigers.bsky.social',
        appPassword: SECRETS.bluesky,
        server: 'bsky dot social',
      }),
    ).toThrow(/^"bsky dot social" is not a server address/);
    expect(userProperties(emu)).not.toMatch(/whuffie\.connections/);
  });

  test('Sync now adds the new interactions and counts the X posts read', () => {
    const emu = tracker();
    connect.bluesky(emu);
    connect.x(emu, '@tigers', 5);
    expect(call<ConnectionsView>(emu, 'getConnections').lastSync).toBeNull();
    const report = call<SyncReport>(emu, 'syncNow');
    // The emulated clock moves a little with each service call.
    const synced = Date.parse(report.connections.lastSync ?? '');
    expect(synced - Date.parse(NOW)).toBeGreaterThanOrEqual(0);
    expect(synced - Date.parse(NOW)).toBeLessThan(60_000);
    expect(report.lines[0]).toBe('Bluesky: 4 new interactions.');
    expect(report.lines[1]).toMatch(/^X: \d+ new interactions?/);
    expect(report.added).toBe(records(emu, 'Interactions').length);
    expect(report.added).toBeGreaterThan(4);
    const used = report.connections.x!.usedThisMonth;
    expect(used).toBeGreaterThan(0);
    expect(call<ConnectionsView>(emu, 'getConnections').x!.usedThisMonth).toBe(
      used,
    );
    expect(call<SyncReport>(emu, 'syncNow').lines[0]).toBe(
      'Bluesky: 0 new interactions.',
    );
  });

  test('Sync now with nothing connected says what to do', () => {
    const emu = tracker();
    expect(() => call(emu, 'syncNow')).toThrow(
      /^No account is connected yet\./,
    );
  });
});
