/**
 * Settings › Import interactions: a CSV (or tab-separated) file of past
 * interactions, picked here and sent to the server as text in one call,
 * where it is imported as Social CRM › Import interactions… imports a
 * sheet. The summary, or why nothing was imported, is shown under the form.
 */
import {
  fileImportForm,
  MAX_CALL_BYTES,
  Say,
  tooLargeToSend,
} from './file-import';
import {callServer, messageOf} from './server';

const HOW_TO =
  'A CSV file with a header row and one interaction per line. It needs a date, who it was with (a supporter ID, email, handle or name) and what happened (Kind); direction, channel, note, link and amount are optional. Importing the same file again adds nothing.';

/** The section's content: a file picker, an Import button and the result. */
export function interactionsImport(): HTMLElement {
  return fileImportForm({
    name: 'import-interactions',
    hint: HOW_TO,
    label: 'CSV file',
    accept: '.csv,.tsv,.txt',
    send: importFile,
  });
}

/** Sends the file; says the server's summary lines, or what went wrong. */
async function importFile([file]: File[], say: Say): Promise<void> {
  if (!file) {
    say('Choose a CSV file first.', true);
    return;
  }
  if (file.size > MAX_CALL_BYTES) {
    say(
      tooLargeToSend(file.name, 'Split it into smaller files and import each.'),
      true,
    );
    return;
  }
  try {
    const notice = await callServer(
      'importInteractionsFile',
      file.name,
      await textOf(file),
    );
    for (const line of notice.message.split('\n')) say(line);
  } catch (e) {
    say(messageOf(e), true);
  }
}

/**
 * The file's text. Excel saves "CSV" in the Windows code page unless told
 * UTF-8, and "Unicode Text" as UTF-16: decoded as UTF-8 they would lose
 * every accent, so a file that is not UTF-8 is read as what it then is.
 */
async function textOf(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  if (utf16) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
