/**
 * Settings › Import interactions in the playground, in Chromium: a CSV file
 * picked there is imported and its summary shown under the form; Excel's
 * CSV in the Windows code page and its UTF-16 "Unicode Text" keep their
 * accents; a file with only a header says so and writes nothing.
 */
import type {Frame} from 'playwright-core';
import {records, trackerWith} from '../bundle/harness';
import {idle, openMenu, sidebarFrame, withPlayground} from './harness';

jest.setTimeout(90_000);

const PEOPLE = [
  ['Name', 'Email', 'Twitter'],
  ['Maya Ode', 'maya@example.org', '@maya_ode'],
  ['Renée Dubois', 'renee@example.org', ''],
];

const tracker = () => trackerWith(PEOPLE);

/** Picks `file` in Settings › Import interactions, imports it, and returns the result lines. */
async function importFile(
  sidebar: Frame,
  file: {name: string; mimeType: string; buffer: Buffer},
): Promise<string[]> {
  const form = sidebar.locator('form.import-interactions');
  await sidebar.getByLabel('CSV file').setInputFiles(file);
  await form.getByRole('button', {name: 'Import', exact: true}).click();
  await sidebar.locator('form.import-interactions:not([aria-busy])').waitFor();
  return form.locator('.import-results li').allTextContents();
}

test('a CSV file picked in Settings › Import interactions is imported and summed up', async () => {
  const emu = tracker();
  await withPlayground(emu, async ({page}) => {
    await openMenu(page, 'Open sidebar');
    const sidebar = await sidebarFrame(page);
    await sidebar.getByRole('tab', {name: 'Settings'}).click();
    await sidebar.getByText('Import interactions', {exact: true}).click();

    // As Excel on Windows saves "CSV (Comma delimited)": Windows-1252.
    const csv =
      'Date,Who,Kind,Direction,Note\r\n' +
      '2026-02-10,@maya_ode,retweet,in,"Cub cam, again"\r\n' +
      '2026-02-11,Renée Dubois,thanks,out,Merci beaucoup\r\n' +
      '2026-02-12,@nobody_here,like,in,\r\n';
    const lines = await importFile(sidebar, {
      name: 'history.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'latin1'),
    });
    expect(lines).toEqual([
      'Imported 2 interactions from "history.csv".',
      '1 rows could not be imported: see the "Import problems" sheet for each row and why.',
    ]);
    await idle(page);

    // Excel's "Unicode Text": UTF-16 with a byte-order mark, tab-separated.
    const unicode = await importFile(sidebar, {
      name: 'unicode.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        '\uFEFFWhen\tName\tKind\n2026-02-13\tRenée Dubois\tvolunteered\n',
        'utf16le',
      ),
    });
    expect(unicode).toEqual(['Imported 1 interactions from "unicode.txt".']);

    const header = await importFile(sidebar, {
      name: 'empty.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('When,Who,Kind\n'),
    });
    expect(header).toEqual([
      'empty.csv has only one line. It needs a header row (When, Who, Kind, …) and then one interaction per line.',
    ]);
    expect(
      await sidebar
        .locator('form.import-interactions .import-results li.failed')
        .count(),
    ).toBe(1);
  });
  const ids = new Map(
    records(emu, 'Supporters').map(r => [r['Supporter ID'], r.Name]),
  );
  expect(
    records(emu, 'Interactions')
      .filter(r => r.Source === 'import')
      .map(r => [ids.get(r['Supporter ID']), r.Kind, r.Note]),
  ).toEqual([
    ['Maya Ode', 'retweet', 'Cub cam, again'],
    ['Renée Dubois', 'thanks', 'Merci beaucoup'],
    ['Renée Dubois', 'volunteered', ''],
  ]);
});
