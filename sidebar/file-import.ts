/**
 * The Settings forms that send the user's files to the server (Import
 * interactions, Import X archive): a how-to line, a labelled file picker,
 * an Import button, and the result lines, which screen readers announce.
 */
import {whileBusy} from './busy';
import {el, fill, liveRegion, newId, submitRow} from './dom';

/** google.script.run carries about 50 MB per call: larger files are refused before sending. */
export const MAX_CALL_BYTES = 45 * 1024 * 1024;

/** Why a file over MAX_CALL_BYTES was not sent, and (`instead`) what to pick. */
export const tooLargeToSend = (name: string, instead: string) =>
  `${name} is too large to send in one go (Google accepts about 50 MB per call). ${instead}`;

/** Adds a result line; a `failed` one is shown as a problem. */
export type Say = (text: string, failed?: boolean) => void;

export interface FileImportOptions {
  /** Names the form (its class), its ids and its data-focus keys. */
  name: string;
  hint: string;
  label: string;
  /** The file types the picker offers ('.csv,.tsv'). */
  accept: string;
  multiple?: boolean;
  /**
   * Sends the picked files (none when the user picked none) and says how
   * each went; the form is busy until it settles.
   */
  send: (files: File[], say: Say) => Promise<void>;
}

export function fileImportForm(options: FileImportOptions): HTMLFormElement {
  const {name} = options;
  const inputId = newId(`${name}-files`);
  const hintId = newId(`${name}-hint`);
  const input = el('input', {
    attrs: {
      type: 'file',
      id: inputId,
      multiple: options.multiple ?? false,
      accept: options.accept,
      'aria-describedby': hintId,
      'data-focus': `${name}-files`,
    },
  });
  const results = liveRegion('ul', 'import-results');
  const say: Say = (text, failed = false) =>
    results.append(el('li', {className: failed ? 'failed' : ''}, text));
  const form: HTMLFormElement = el(
    'form',
    {
      className: `file-import ${name}`,
      on: {
        submit: e => {
          e.preventDefault();
          void whileBusy(form, () => {
            fill(results);
            return options.send([...(input.files ?? [])], say);
          });
        },
      },
    },
    el('p', {className: 'muted small', attrs: {id: hintId}}, options.hint),
    el('label', {attrs: {for: inputId}}, options.label),
    input,
    submitRow('Import', `${name}-import`),
    results,
  );
  return form;
}
