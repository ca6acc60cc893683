/**
 * The state sidecar: everything the emulator knows that a workbook file
 * cannot hold (properties, triggers, developer metadata, notes, formats,
 * the time zone…) saved beside `export.xlsx` as `export.whuffie.json`, so
 * one CLI run picks up where the last one stopped.
 *
 * The file wraps Emulator.exportState(), which is plain JSON already (the
 * spreadsheet's own Dates are encoded as {"$date": ISO} inside it), in a
 * versioned envelope of its own, so the file format can change without
 * touching the emulator and an old whuffie refuses a newer file clearly.
 */
import {basename} from 'node:path';
import type {EmulatorState} from '../state';

const SIDECAR_VERSION = 1;

interface SidecarFile {
  version: number;
  /** The workbook file it belongs to, for people who open the JSON. */
  workbook: string;
  state: EmulatorState;
}

/** `dir/export.xlsx` → `dir/export.whuffie.json`. */
export function sidecarPathFor(workbookPath: string): string {
  return workbookPath.replace(/\.xlsx$/i, '') + '.whuffie.json';
}

export function encodeSidecar(
  workbookPath: string,
  state: EmulatorState,
): string {
  const file: SidecarFile = {
    version: SIDECAR_VERSION,
    workbook: basename(workbookPath),
    state,
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/**
 * The state in a sidecar's text. Throws a plain Error saying what is wrong
 * (not JSON, another version); the caller adds the file's name.
 */
export function decodeSidecar(text: string): EmulatorState {
  let file: Partial<SidecarFile> | null;
  try {
    file = JSON.parse(text) as Partial<SidecarFile> | null;
  } catch {
    throw new Error('it is not valid JSON (delete it to start afresh)');
  }
  if (typeof file !== 'object' || file === null || !file.state) {
    throw new Error('it is not a whuffie state file');
  }
  if (file.version !== SIDECAR_VERSION) {
    throw new Error(
      `it has format version ${String(file.version)}; this whuffie reads version ${SIDECAR_VERSION}`,
    );
  }
  return file.state;
}
