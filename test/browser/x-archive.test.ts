/**
 * Social CRM › Import X archive… in the playground, in Chromium: the menu
 * opens the sidebar on Settings › Import X archive; picking tweets.js there
 * logs our replies and mentions, and the archive's zip as X sends it is
 * unzipped in the sidebar and logs what its data files would.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {zipSync} from 'fflate';
import type {Frame, Page} from 'playwright-core';
import {records, trackerWith} from '../bundle/harness';
import {ROOT} from '../bundle/dist';
import {idle, openMenu, sidebarFrame, withPlayground} from './harness';

jest.setTimeout(90_000);

const DATA = join(ROOT, 'test/fixtures/sync/x-archive/data');
const TWEETS = join(DATA, 'tweets.js');

const PEOPLE = [
  ['Name', 'Email', 'Twitter'],
  ['Maya Ode', 'maya@example.org', '@maya_ode'],
  ['Tom Reed', 'tom@example.org', '@tomreed'],
];

interface Picked {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const script = (name: string): Picked => ({
  name,
  mimeType: 'text/javascript',
  buffer: readFileSync(join(DATA, name)),
});

const zipFile = (
  name: string,
  entries: Record<string, Uint8Array>,
): Picked => ({
  name,
  mimeType: 'application/zip',
  buffer: Buffer.from(zipSync(entries)),
});

/** A tracker with PEOPLE, set up, as the import finds it. */
const tracker = () => trackerWith(PEOPLE);

/** Opens Settings › Import X archive from the menu; the sidebar frame. */
async function importSection(page: Page): Promise<Frame> {
  await openMenu(page, 'Import X archive…');
  const sidebar = await sidebarFrame(page);
  await sidebar.getByLabel('Archive files').waitFor();
  return sidebar;
}

/** Picks `files`, imports them, and returns the result lines once all are in. */
async function importFiles(sidebar: Frame, files: Picked[]): Promise<string[]> {
  await sidebar.getByLabel('Archive files').setInputFiles(files);
  const importButton = sidebar.getByRole('button', {
    name: 'Import',
    exact: true,
  });
  await importButton.click();
  // The form is busy from the click until the last file's answer is shown.
  await sidebar.locator('form.x-archive:not([aria-busy])').waitFor();
  expect(await importButton.isEnabled()).toBe(true);
  return sidebar.locator('.import-results li').allTextContents();
}

/**
 * The log's rows from the archive, naming the supporter (ids are drawn at
 * random); a follow's When is the moment of import.
 */
function archiveRows(emu: ReturnType<typeof tracker>) {
  const names = new Map(
    records(emu, 'Supporters').map(r => [r['Supporter ID'], r.Name]),
  );
  return records(emu, 'Interactions')
    .filter(r => r.Source === 'x-archive')
    .map(r => ({
      ...r,
      'Supporter ID': names.get(r['Supporter ID']),
      When: r.Kind === 'follow' ? 'at import' : r.When,
    }));
}

test('the menu item opens the import section, and tweets.js is imported from it', async () => {
  const emu = tracker();
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

test("the archive's zip logs what its .js files picked one by one log, tweets first", async () => {
  // Picked in the order least helpful to matching: followers are matched
  // through the X ids tweets.js teaches.
  const loose = tracker();
  let looseLines: string[] = [];
  await withPlayground(loose, async ({page}) => {
    looseLines = await importFiles(await importSection(page), [
      script('follower.js'),
      script('like.js'),
      script('tweets.js'),
    ]);
  });

  // follower.js is picked beside the zip; the zip holds the rest in a
  // top-level folder, with media and data Whuffie does not read.
  const folder = 'twitter-2026-03-01-0a1b2c/';
  const zip = zipFile('twitter-2026-03-01-0a1b2c.zip', {
    [`${folder}data/tweets_media/1630000000000000001-photo.jpg`]:
      new Uint8Array(256 * 1024).fill(7),
    [`${folder}data/account.js`]: Buffer.from('window.YTD.account.part0 = [ ]'),
    [`${folder}data/like.js`]: readFileSync(join(DATA, 'like.js')),
    [`${folder}data/tweets.js`]: readFileSync(join(DATA, 'tweets.js')),
    [`${folder}Your archive.html`]: Buffer.from('<html></html>'),
  });
  // Media is never read, only the zip's directory and the data files: a
  // photo whose local header is broken does not matter.
  const photo = zip.buffer.indexOf(`${folder}data/tweets_media/`);
  zip.buffer.fill(0, photo - 30, photo - 26);
  const zipped = tracker();
  let zippedLines: string[] = [];
  await withPlayground(zipped, async ({page}) => {
    zippedLines = await importFiles(await importSection(page), [
      script('follower.js'),
      zip,
    ]);
  });

  expect(looseLines[0]).toMatch(/^Read 4 entries from tweets\.js: /);
  expect(looseLines[1]).toMatch(/^Read 3 entries from follower\.js: /);
  expect(zippedLines).toEqual(looseLines);
  expect(archiveRows(zipped)).toEqual(archiveRows(loose));
  expect(archiveRows(zipped)).toContainEqual(
    expect.objectContaining({Kind: 'follow', 'Supporter ID': 'Maya Ode'}),
  );
});

test('a file that is not a zip, a zip cut short, a zip without X data and a data file too large to send say so; the rest is imported', async () => {
  const huge = `window.YTD.like.part0 = [${' '.repeat(46 * 1024 * 1024)}]`;
  // A download cut short: the zip starts right but ends in tweets.js.
  const whole = zipFile('whole.zip', {
    'data/tweets.js': readFileSync(TWEETS),
  });
  const emu = tracker();
  await withPlayground(emu, async ({page}) => {
    const lines = await importFiles(await importSection(page), [
      {
        name: 'archive.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from('window.YTD.tweets.part0 = [ ]'),
      },
      {...whole, name: 'cut.zip', buffer: whole.buffer.subarray(0, 600)},
      zipFile('photos.zip', {'photos/cat.jpg': new Uint8Array(64)}),
      zipFile('big.zip', {'data/like.js': Buffer.from(huge)}),
      script('tweets.js'),
    ]);
    expect(lines).toEqual([
      'archive.zip is not a zip file, or it is damaged or incomplete. Download the archive from X again and pick its .zip, or pick the .js files from its data folder.',
      'cut.zip is not a zip file, or it is damaged or incomplete. Download the archive from X again and pick its .zip, or pick the .js files from its data folder.',
      'photos.zip has no data/tweets.js, like.js or follower.js: is it the archive from X › Settings › Your account › Download an archive of your data?',
      expect.stringMatching(/^Read 4 entries from tweets\.js: /),
      'like.js is too large to send in one go (Google accepts about 50 MB per call). Pick its -part files instead (tweets-part1.js, tweets-part2.js, …).',
    ]);
  });
});
