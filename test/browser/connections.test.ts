/**
 * Settings › Connected accounts in the playground, in Chromium, against the
 * fake Bluesky server on 127.0.0.1 (the playground's UrlFetchApp does real
 * HTTP): connect with the form, Sync now, Disconnect; a wrong app password
 * is told next to the form.
 */
import {records, trackerWith} from '../bundle/harness';
import {SECRETS, fakeNetworksPerTest} from '../bundle/sync-fixture';
import {idle, openMenu, sidebarFrame, withPlayground} from './harness';

jest.setTimeout(90_000);

const PEOPLE = [
  ['Name', 'Email', 'Bluesky'],
  ['Maya Ode', 'maya@example.org', 'mayaode.bsky.social'],
  ['Tom Reed', 'tom@example.org', 'did:plc:tom333'],
];

const net = fakeNetworksPerTest();

test('Bluesky is connected from the form, synced and disconnected', async () => {
  const emu = trackerWith(PEOPLE);
  await withPlayground(emu, async ({page}) => {
    await openMenu(page, 'Open sidebar');
    const sidebar = await sidebarFrame(page);
    await sidebar.getByRole('tab', {name: 'Settings'}).click();
    await sidebar.getByText('Connected accounts', {exact: true}).click();
    const password = sidebar.getByLabel('App password');
    await password.waitFor();
    expect(await password.getAttribute('type')).toBe('password');
    expect(await password.getAttribute('autocomplete')).toBe('off');
    expect(await sidebar.getByLabel('Server', {exact: true}).inputValue()).toBe(
      'https://bsky.social',
    );

    await sidebar.getByLabel('Handle').fill('tigers.bsky.social');
    await password.fill('wxyz-wxyz-wxyz-wxyz');
    await sidebar.getByLabel('Server', {exact: true}).fill(net.base);
    const connect = sidebar.getByRole('button', {name: 'Connect Bluesky'});
    await connect.click();
    await sidebar
      .getByText(/^Bluesky refused the app password for @tigers\.bsky\.social/)
      .waitFor();
    await idle(page);
    // The form stays as it was, to be corrected.
    expect(await password.inputValue()).toBe('wxyz-wxyz-wxyz-wxyz');
    expect(await connect.isEnabled()).toBe(true);

    await password.fill(SECRETS.bluesky);
    await connect.click();
    await sidebar.getByText('Connected as @tigers.bsky.social').waitFor();
    await sidebar.getByText(`Server: ${net.base}`).waitFor();
    // The secret is gone from the page.
    expect(await sidebar.getByLabel('App password').count()).toBe(0);
    expect(await sidebar.locator('body').innerHTML()).not.toContain(
      SECRETS.bluesky,
    );

    await sidebar.getByRole('button', {name: 'Sync now'}).click();
    await sidebar.getByText('Bluesky: 4 new interactions.').waitFor();
    await idle(page);
    expect(
      records(emu, 'Interactions').filter(r => r.Source === 'bluesky'),
    ).toHaveLength(4);

    await sidebar.getByRole('button', {name: 'Disconnect'}).click();
    await sidebar.getByText(/^Disconnect Bluesky\? Whuffie forgets/).waitFor();
    await sidebar
      .getByRole('button', {name: 'Disconnect'})
      .and(sidebar.locator('.primary'))
      .click();
    await sidebar.getByLabel('App password').waitFor();
    expect(
      await sidebar.getByText('Connected as @tigers.bsky.social').count(),
    ).toBe(0);
  });
  expect(JSON.stringify(emu.properties('user'))).not.toContain(SECRETS.bluesky);
});
