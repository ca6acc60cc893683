/**
 * The New people sheet's Action column, end to end: the built add-on in the
 * emulator, synced from the fake Bluesky server, then a user choosing an
 * action in the sheet (the simple onEdit trigger).
 */
import {Emulator} from '../../emulator';
import {blueskyRepost as repost} from '../sync-server/payloads';
import {cellOf, records, sheetOf} from './harness';
import {
  fakeNetworksPerTest,
  menuConnections,
  trackerWith,
} from './sync-fixture';

const PEOPLE = [
  ['Name', 'Email', 'Twitter', 'Bluesky', 'Mastodon'],
  ['Maya Ode', 'maya@example.org', '@maya_ode', 'mayaode.bsky.social', ''],
  ['Tom Reed', 'tom@example.org', '@tomreed', 'did:plc:tom333', ''],
  ['Raj Patel', 'raj@example.org', '', '', ''],
];

const net = fakeNetworksPerTest();

function synced(): Emulator {
  const emu = trackerWith(PEOPLE);
  menuConnections(net).bluesky(emu);
  emu.clickMenu('Sync engagement');
  return emu;
}

const people = (emu: Emulator) => records(emu, 'New people');
const supporters = (emu: Emulator) => records(emu, 'Supporters');
const actionCell = (emu: Emulator, handle: string) =>
  cellOf(emu, 'New people', 'Action', p => p.Handle === handle);
const statusOf = (emu: Emulator, handle: string) =>
  people(emu).find(p => p.Handle === handle)?.Status;

describe('New people: one-click actions', () => {
  test('Add as supporter makes a tracker row and the next sync logs their engagement to it', async () => {
    const emu = synced();
    const before = supporters(emu).length;
    emu.userEdit(actionCell(emu, '@tigerfan.bsky.social'), 'Add as supporter');
    const added = supporters(emu);
    expect(added).toHaveLength(before + 1);
    const fan = added.at(-1)!;
    expect(fan).toMatchObject({
      Name: 'Tiger Fan',
      'Bluesky handle': '@tigerfan.bsky.social',
    });
    expect(fan['Supporter ID']).toMatch(/^S-[0-9A-Z]{6}$/);
    expect(statusOf(emu, '@tigerfan.bsky.social')).toBe(
      `Added as ${String(fan['Supporter ID'])}`,
    );
    // Choosing it again does not add them twice.
    emu.userEdit(actionCell(emu, '@tigerfan.bsky.social'), 'Add as supporter');
    expect(supporters(emu)).toHaveLength(before + 1);

    await net.command('addBluesky', {notifications: [repost('3lfan2')]});
    emu.clickMenu('Sync engagement');
    expect(records(emu, 'Interactions').at(-1)).toMatchObject({
      'Supporter ID': fan['Supporter ID'],
      Kind: 'retweet',
    });
    // Handled people are not offered again.
    expect(people(emu).map(p => p.Handle)).toEqual(['@rajp.bsky.social']);
  });

  test('Match to suggested writes the handle into that supporter', () => {
    const emu = synced();
    const raj = () => supporters(emu).find(r => r.Name === 'Raj Patel')!;
    expect(
      people(emu).find(p => p.Handle === '@rajp.bsky.social'),
    ).toMatchObject({
      'Maybe this supporter': `Raj Patel (${String(raj()['Supporter ID'])})`,
    });
    emu.userEdit(actionCell(emu, '@rajp.bsky.social'), 'Match to suggested');
    expect(raj()['Bluesky handle']).toBe('@rajp.bsky.social');
    expect(statusOf(emu, '@rajp.bsky.social')).toBe('Matched to Raj Patel');
    emu.clickMenu('Sync engagement');
    expect(people(emu).map(p => p.Handle)).toEqual(['@tigerfan.bsky.social']);
  });

  test('a typed supporter id matches; a person without a suggestion says what to do', () => {
    const emu = synced();
    const tom = supporters(emu).find(r => r.Name === 'Tom Reed')!;
    emu.userEdit(
      actionCell(emu, '@tigerfan.bsky.social'),
      'Match to suggested',
    );
    expect(statusOf(emu, '@tigerfan.bsky.social')).toMatch(
      /^Not done: There is no suggested supporter/,
    );
    // Tom already has a Bluesky handle: it is never overwritten.
    emu.userEdit(
      actionCell(emu, '@tigerfan.bsky.social'),
      `Match to ${String(tom['Supporter ID'])}`,
    );
    expect(statusOf(emu, '@tigerfan.bsky.social')).toMatch(
      /^Not done: Tom Reed already has the Bluesky handle/,
    );
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/^Tom Reed already has/);
    emu.userEdit(actionCell(emu, '@tigerfan.bsky.social'), 'Tiger');
    expect(statusOf(emu, '@tigerfan.bsky.social')).toMatch(
      /^Not done: "Tiger" is not an action/,
    );
  });

  test('a display name that looks like a formula is added as text', async () => {
    const emu = synced();
    const name = '=IMPORTXML("http://evil.example", "//a")';
    await net.command('addBluesky', {
      notifications: [
        repost('3levil', {
          did: 'did:plc:evil999',
          handle: 'sneaky.bsky.social',
          displayName: name,
        }),
      ],
    });
    emu.clickMenu('Sync engagement');
    emu.userEdit(actionCell(emu, '@sneaky.bsky.social'), 'Add as supporter');
    expect(supporters(emu).at(-1)).toMatchObject({
      Name: name,
      'Bluesky handle': '@sneaky.bsky.social',
    });
    expect(sheetOf(emu, 'Supporters').formulas ?? {}).toEqual({});
  });
});
