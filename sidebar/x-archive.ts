/**
 * Settings › Import X archive (Social CRM › Import X archive… opens the
 * sidebar here): the user picks the archive's zip as X sends it, or .js files
 * from the unzipped archive. Each data file goes to the server as text, one
 * call per file, one file at a time, so every call stays well under
 * google.script.run's payload limit and each file's result is shown as soon
 * as it is known.
 *
 * A zip is unzipped here, in the browser: X's archive can be gigabytes of
 * media, and only its directory and its few data files are read.
 */
import {setOptions, unzip, ZipEntry} from 'unzipit';
import {archiveKindOfName, isArchiveDataFile} from '../src/core/sync/x-archive';
import {
  fileImportForm,
  MAX_CALL_BYTES,
  Say,
  tooLargeToSend,
} from './file-import';
import {callServer, messageOf} from './server';

/** The Settings section's id, for opening the sidebar on it. */
export const X_ARCHIVE_SECTION = 'settings-x-archive';

// The sidebar is one self-contained page: no worker script to load.
setOptions({useWorkers: false});

const HOW_TO =
  'From X: Settings › Your account › Download an archive of your data. Pick the .zip X sends you (only its tweets, likes and followers are read; media stays on your computer), or unzip it and pick data/tweets.js, like.js and follower.js.';

/** A data file to send: picked on its own, or found in a picked zip. */
interface ArchiveFile {
  name: string;
  /** Its text; null when it is too large to send in one call. */
  read: () => Promise<string | null>;
}

/** The section's content: a file picker, an Import button and the results. */
export function xArchiveImport(): HTMLElement {
  return fileImportForm({
    name: 'x-archive',
    hint: HOW_TO,
    label: 'Archive files',
    accept: '.zip,.js',
    multiple: true,
    send: importFiles,
  });
}

/**
 * Unzips the zips, then sends every data file; a file that fails does not
 * stop the rest.
 */
async function importFiles(files: File[], say: Say): Promise<void> {
  if (!files.length) {
    say('Choose the zip of your X archive, or files from it, first.', true);
    return;
  }
  const toSend: ArchiveFile[] = [];
  for (const file of files) {
    if (!/\.zip$/i.test(file.name)) {
      toSend.push({
        name: file.name,
        read: () =>
          file.size > MAX_CALL_BYTES ? Promise.resolve(null) : file.text(),
      });
      continue;
    }
    try {
      toSend.push(...(await dataFilesInZip(file)));
    } catch (e) {
      say(messageOf(e), true);
    }
  }
  for (const file of sendingOrder(toSend)) {
    try {
      const text = await file.read();
      if (text === null) {
        say(
          tooLargeToSend(
            file.name,
            'Pick its -part files instead (tweets-part1.js, tweets-part2.js, …).',
          ),
          true,
        );
        continue;
      }
      say((await callServer('importXArchiveFile', file.name, text)).message);
    } catch (e) {
      say(`${file.name}: ${messageOf(e)}`, true);
    }
  }
}

/**
 * Followers and likes are matched through what posts teach (X ids, links
 * to posts), so tweets, and files whose name does not tell, go first.
 */
function sendingOrder(files: ArchiveFile[]): ArchiveFile[] {
  const rank = (file: ArchiveFile) =>
    ['follower', 'like'].indexOf(archiveKindOfName(file.name) ?? '') + 1;
  return [...files].sort((a, b) => rank(a) - rank(b));
}

/**
 * The X data files inside a zip, by name inside the archive's data folder
 * (tweets.js, like-part2.js). Only the zip's directory is read to find
 * them, then only their bytes: media, most of the archive, is never read.
 */
async function dataFilesInZip(zip: File): Promise<ArchiveFile[]> {
  const damaged = `${zip.name} is not a zip file, or it is damaged or incomplete. Download the archive from X again and pick its .zip, or pick the .js files from its data folder.`;
  let entries: ZipEntry[];
  try {
    entries = Object.values((await unzip(zip)).entries);
  } catch {
    throw new Error(damaged);
  }
  const found = entries
    .filter(entry => !entry.isDirectory && isArchiveDataFile(entry.name))
    .map((entry): ArchiveFile => ({
      name: entry.name.slice(entry.name.lastIndexOf('/') + 1),
      read: () =>
        entry.size > MAX_CALL_BYTES
          ? Promise.resolve(null)
          : entry.text().catch(() => {
              throw new Error(damaged);
            }),
    }));
  if (!found.length) {
    throw new Error(
      `${zip.name} has no data/tweets.js, like.js or follower.js: is it the archive from X › Settings › Your account › Download an archive of your data?`,
    );
  }
  return found;
}

/** Opens Settings › Import X archive and puts the focus on the file picker. */
export function revealXArchiveImport(): void {
  const section = document.getElementById(X_ARCHIVE_SECTION);
  if (!(section instanceof HTMLDetailsElement)) return;
  section.open = true;
  section.scrollIntoView({block: 'start'});
  section.querySelector<HTMLInputElement>('input[type="file"]')?.focus();
}
