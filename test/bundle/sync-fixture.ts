/**
 * What the sync tests share: the clock, the secrets the fake networks
 * accept, a tracker set up by the built add-on, and connecting each network
 * through the menu's dialogs (answers as a user types them).
 */
import {Emulator} from '../../emulator';
import {FakeNetworks, startFakeNetworks} from '../sync-server';
import {NOW} from './harness';

export {trackerWith} from './harness';

export const SYNC_NOW = NOW;

/**
 * The supporters the fake networks know: Maya on every network, Tom on X
 * and Bluesky (by DID). Tests add the people their story needs.
 */
export const SYNC_PEOPLE = [
  ['Name', 'Email', 'Twitter', 'Bluesky', 'Mastodon'],
  [
    'Maya Ode',
    'maya@example.org',
    '@maya_ode',
    'mayaode.bsky.social',
    '@maya@mastodon.example',
  ],
  ['Tom Reed', 'tom@example.org', '@tomreed', 'did:plc:tom333', ''],
];

/** What test/sync-server's fakes accept. */
export const SECRETS = {
  bluesky: 'abcd-efgh-ijkl-mnop',
  mastodon: 'masto-token-1',
  x: 'x-bearer-1',
};

/** Fake networks for each test of the file: started before it, stopped after. */
export function fakeNetworksPerTest(): FakeNetworks {
  let current: FakeNetworks | undefined;
  beforeEach(async () => {
    current = await startFakeNetworks();
  });
  afterEach(() => current?.stop());
  const live = () => {
    if (!current) throw new Error('The fake networks run only inside a test.');
    return current;
  };
  return {
    get base() {
      return live().base;
    },
    command: <T>(cmd: string, args?: object) => live().command<T>(cmd, args),
    stop: () => live().stop(),
  };
}

/** Social CRM › Connect accounts… for each network, at the fake servers. */
export function menuConnections(net: {readonly base: string}) {
  const base = () => net.base;
  return {
    bluesky: (emu: Emulator) =>
      emu.clickMenu('Connect accounts…', [
        'bluesky',
        `tigers.bsky.social ${base()}`,
        SECRETS.bluesky,
      ]),
    mastodon: (emu: Emulator) =>
      emu.clickMenu('Connect accounts…', [
        'mastodon',
        `@tigers@mastodon.example ${base()}`,
        SECRETS.mastodon,
      ]),
    x: (emu: Emulator, budget = '100 1000') =>
      emu.clickMenu('Connect accounts…', [
        'x',
        SECRETS.x,
        `@tigers ${base()}`,
        budget,
      ]),
  };
}
