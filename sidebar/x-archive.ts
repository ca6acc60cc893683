/**
 * Settings › Import X archive (Social CRM › Import X archive… opens the
 * sidebar here): the user picks files from their unzipped X archive and each
 * one goes to the server as text, one call per file, one file at a time, so
 * every call stays well under google.script.run's payload limit and each
 * file's result is shown as soon as it is known.
 */
import {whileBusy} from './busy';
import {el, fill, newId} from './dom';
import {callServer} from './server';

/** The Settings section's id, for opening the sidebar on it. */
export const X_ARCHIVE_SECTION = 'settings-x-archive';

/** google.script.run carries about 50 MB per call; stay clear of it. */
const MAX_BYTES = 45 * 1024 * 1024;

const HOW_TO =
  'From X: Settings › Your account › Download an archive of your data; unzip it and pick data/tweets.js, like.js and follower.js.';

/** The section's content: a file picker, an Import button and the results. */
export function xArchiveImport(): HTMLElement {
  const inputId = newId('x-archive-files');
  const hintId = newId('x-archive-hint');
  const input = el('input', {
    attrs: {
      type: 'file',
      id: inputId,
      multiple: true,
      accept: '.js',
      'aria-describedby': hintId,
      'data-focus': 'x-archive-files',
    },
  });
  const results = el('ul', {
    className: 'import-results',
    attrs: {role: 'status', 'aria-live': 'polite'},
  });
  const form: HTMLFormElement = el(
    'form',
    {
      className: 'x-archive',
      on: {
        submit: e => {
          e.preventDefault();
          void whileBusy(form, () =>
            importFiles([...(input.files ?? [])], results),
          );
        },
      },
    },
    el('p', {className: 'muted small', attrs: {id: hintId}}, HOW_TO),
    el('label', {attrs: {for: inputId}}, 'Archive files'),
    input,
    el(
      'div',
      {className: 'button-row'},
      el(
        'button',
        {
          className: 'button primary',
          attrs: {type: 'submit', 'data-focus': 'x-archive-import'},
        },
        'Import',
      ),
    ),
    results,
  );
  return form;
}

/** Sends the files one after another; a file that fails does not stop the rest. */
async function importFiles(files: File[], results: HTMLElement): Promise<void> {
  fill(results);
  const say = (text: string, failed = false) =>
    results.append(el('li', {className: failed ? 'failed' : ''}, text));
  if (!files.length) {
    say('Choose one or more files from your X archive first.', true);
    return;
  }
  for (const file of files) {
    if (file.size > MAX_BYTES) {
      say(
        `${file.name} is too large to send in one go (Google accepts about 50 MB per call). Pick its -part files instead (tweets-part1.js, tweets-part2.js, …).`,
        true,
      );
      continue;
    }
    try {
      const text = await file.text();
      say((await callServer('importXArchiveFile', file.name, text)).message);
    } catch (e) {
      say(`${file.name}: ${e instanceof Error ? e.message : String(e)}`, true);
    }
  }
}

/** Opens Settings › Import X archive and puts the focus on the file picker. */
export function revealXArchiveImport(): void {
  const section = document.getElementById(X_ARCHIVE_SECTION);
  if (!(section instanceof HTMLDetailsElement)) return;
  section.open = true;
  section.scrollIntoView({block: 'start'});
  section.querySelector<HTMLInputElement>('input[type="file"]')?.focus();
}
