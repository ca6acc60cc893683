/**
 * Social CRM › Import X archive… in the playground, in Chromium: the menu
 * opens the sidebar on Settings › Import X archive, and picking tweets.js
 * there logs our replies and mentions and shows what was read.
 */
import {join} from 'node:path';
import {addOn, records} from '../bundle/harness';
import {ROOT} from '../bundle/dist';
import {idle, openMenu, sidebarFrame, withPlayground} from './harness';

jest.setTimeout(90_000);

const TWEETS = join(ROOT, 'test/fixtures/sync/x-archive/data/tweets.js');

const PEOPLE = [
  ['Name', 'Email', 'Twitter'],
  ['Maya Ode', 'maya@example.org', '@maya_ode'],
  ['Tom Reed', 'tom@example.org', '@tomreed'],
];

test('the menu item opens the import section, and tweets.js is imported from it', async () => {
  const emu = addOn({
    workbook: {sheets: [{name: 'Supporters', values: PEOPLE}]},
  });
  emu.clickMenu('Set up tracker');
  await withPlayground(emu, async ({page}) => {
    await openMenu(page, 'Import X archive…');
    const sidebar = await sidebarFrame(page);
    const files = sidebar.getByLabel('Archive files');
    await files.waitFor();
    expect(
      await sidebar
        .getByRole('tab', {name: 'Settings'})
        .getAttribute('aria-selected'),
    ).toBe('true');
    await files.setInputFiles(TWEETS);
    await sidebar.getByRole('button', {name: 'Import', exact: true}).click();
    await sidebar.getByText(/^Read 4 entries from tweets\.js: /).waitFor();
    await idle(page);
    expect(
      await sidebar
        .getByRole('button', {name: 'Import', exact: true})
        .isEnabled(),
    ).toBe(true);
  });
  expect(
    records(emu, 'Interactions').filter(r => r.Source === 'x-archive').length,
  ).toBeGreaterThan(0);
});
