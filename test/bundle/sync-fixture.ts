/**
 * What the sync tests share: the clock, the secrets the fake networks
 * accept, a tracker set up by the built add-on, and connecting each network
 * through the menu's dialogs (answers as a user types them).
 */
import {Emulator} from '../../emulator';
import {addOn} from './harness';

export const SYNC_NOW = '2026-03-01T08:30:00Z';

/** What test/sync-server's fakes accept. */
export const SECRETS = {
  bluesky: 'abcd-efgh-ijkl-mnop',
  mastodon: 'masto-token-1',
  x: 'x-bearer-1',
};

/** A Supporters sheet of `people` (header first), set up as a tracker. */
export function trackerWith(people: string[][]): Emulator {
  const emu = addOn({
    now: SYNC_NOW,
    workbook: {sheets: [{name: 'Supporters', values: people}]},
  });
  emu.clickMenu('Set up tracker');
  return emu;
}

/** Social CRM › Connect accounts… for each network, at the fake servers' `base()`. */
export function menuConnections(base: () => string) {
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

/** A Bluesky repost notification of our post, shaped as listNotifications sends it. */
export function blueskyRepost(
  id: string,
  author: {did: string; handle: string; displayName?: string} = {
    did: 'did:plc:fan111',
    handle: 'tigerfan.bsky.social',
    displayName: 'Tiger Fan',
  },
) {
  return {
    uri: `at://${author.did}/app.bsky.feed.repost/${id}`,
    cid: `bafyrei${id}`,
    author,
    reason: 'repost',
    reasonSubject: 'at://did:plc:org222/app.bsky.feed.post/3kpost3',
    record: {
      $type: 'app.bsky.feed.repost',
      subject: {
        uri: 'at://did:plc:org222/app.bsky.feed.post/3kpost3',
        cid: 'bafyreipost3',
      },
      createdAt: '2026-03-01T07:00:00.000Z',
    },
    isRead: false,
    indexedAt: '2026-03-01T07:00:00.100Z',
  };
}
