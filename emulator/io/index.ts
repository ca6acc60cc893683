/**
 * Workbook files as the CLI reads and writes them: .xlsx (every sheet, plus
 * the state sidecar) or .csv (one sheet, no state).
 */
import {randomBytes} from 'node:crypto';
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import {basename, dirname, extname, resolve} from 'node:path';
import {UserError} from '../../src/core/errors';
import type {SpreadsheetState} from '../sheets/state';
import type {EmulatorState} from '../state';
import type {WorkbookData} from '../workbook';
import {readCsv, writeCsv} from './csv';
import {errorCode, fileProblem} from './file-problems';
import {decodeSidecar, encodeSidecar, sidecarPathFor} from './sidecar';
import {readXlsx, writeXlsx} from './xlsx';

const DEFAULT_TIME_ZONE = 'Etc/UTC';

const ACCEPTED = '.xlsx or .csv';

export interface FileOptions {
  /** Relative paths are resolved here; messages show them as given. */
  cwd?: string;
  /**
   * The zone wall-clock dates in the file are read or written in. Default:
   * the state's zone, else Etc/UTC.
   */
  timeZone?: string;
}

export interface ReadResult {
  workbook: WorkbookData;
  /** The sidecar's state (an .xlsx file with a sidecar beside it only). */
  state?: EmulatorState;
  /** The zone the file's dates were read in. */
  timeZone: string;
}

export interface WriteResult {
  /** Every file written, as given (the workbook, then the sidecar). */
  paths: string[];
  /** For .csv: the one sheet that was written. */
  csvSheet?: string;
}

type FileKind = 'xlsx' | 'csv';

function kindOf(path: string, verb: 'read' | 'write'): FileKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.csv') return ext.slice(1) as FileKind;
  const what = ext ? `${ext} files` : 'files without an extension';
  throw new UserError(
    `cannot ${verb} ${path}: ${what} are not supported (use ${ACCEPTED})`,
  );
}

export async function readWorkbookFile(
  path: string,
  options: FileOptions = {},
): Promise<ReadResult> {
  const kind = kindOf(path, 'read');
  const full = resolve(options.cwd ?? '.', path);
  const bytes = await readBytes(full, path);
  if (kind === 'csv') {
    const timeZone = timeZoneOf(options);
    const sheetName = basename(path, extname(path));
    const sheet = parseOrExplain(path, () =>
      readCsv(bytes, sheetName, timeZone),
    );
    return {workbook: {sheets: [sheet]}, timeZone};
  }
  const state = await readSidecar(full, path);
  const timeZone = timeZoneOf(options, state);
  const workbook = await readXlsx(bytes, timeZone, path);
  return state ? {workbook, state, timeZone} : {workbook, timeZone};
}

export async function writeWorkbookFile(
  path: string,
  workbook: WorkbookData,
  state?: EmulatorState,
  options: FileOptions = {},
): Promise<WriteResult> {
  const kind = kindOf(path, 'write');
  const full = resolve(options.cwd ?? '.', path);
  const timeZone = timeZoneOf(options, state);
  if (kind === 'csv') {
    const sheet = workbook.sheets[0];
    const text = sheet ? writeCsv(sheet, timeZone) : '';
    await writeAtomically(full, path, temporary => writeFile(temporary, text));
    return sheet ? {paths: [path], csvSheet: sheet.name} : {paths: [path]};
  }
  await writeAtomically(full, path, temporary =>
    writeXlsx(temporary, workbook, {
      timeZone,
      frozenRows: name => (state ? frozenRowsOf(state, name) : 0),
    }),
  );
  const sidecar = sidecarPathFor(full);
  if (!state) {
    // A sidecar left from an earlier run would attach old triggers and
    // properties to this new file.
    await rm(sidecar, {force: true});
    return {paths: [path]};
  }
  const text = encodeSidecar(path, state);
  await writeAtomically(sidecar, sidecarPathFor(path), temporary =>
    writeFile(temporary, text),
  );
  return {paths: [path, sidecarPathFor(path)]};
}

function spreadsheetOf(state: EmulatorState): SpreadsheetState | undefined {
  return state.spreadsheet as SpreadsheetState | undefined;
}

/** The zone asked for, else the spreadsheet's as the sidecar saved it. */
function timeZoneOf(options: FileOptions, state?: EmulatorState): string {
  return (
    options.timeZone ??
    (state && spreadsheetOf(state)?.timeZone) ??
    DEFAULT_TIME_ZONE
  );
}

function frozenRowsOf(state: EmulatorState, sheetName: string): number {
  const sheets = spreadsheetOf(state)?.sheets ?? [];
  return sheets.find(sheet => sheet.name === sheetName)?.frozenRows ?? 0;
}

async function readSidecar(
  workbookPath: string,
  shownWorkbookPath: string,
): Promise<EmulatorState | undefined> {
  const path = sidecarPathFor(workbookPath);
  const shown = sidecarPathFor(shownWorkbookPath);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return undefined;
    throw new UserError(`cannot read ${shown}: ${fileProblem(e)}`);
  }
  return parseOrExplain(shown, () => decodeSidecar(text));
}

async function readBytes(path: string, shown: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new UserError(`cannot read ${shown}: ${fileProblem(e)}`);
  }
}

/**
 * Writes beside the target and renames, so `--out` may name the `--in`
 * file and a failed write never leaves half a workbook behind.
 */
async function writeAtomically(
  path: string,
  shown: string,
  write: (temporary: string) => Promise<void>,
): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), {recursive: true});
    await write(temporary);
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, {force: true});
    throw new UserError(`cannot write ${shown}: ${fileProblem(e)}`);
  }
}

function parseOrExplain<T>(shown: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new UserError(`cannot read ${shown}: ${(e as Error).message}`);
  }
}
