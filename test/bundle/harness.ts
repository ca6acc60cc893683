/**
 * The built add-on (dist/) running in the emulator: what Google would run.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {Emulator, EmulatorOptions} from '../../emulator';
import {readWorkbookFile} from '../../emulator/io';
import {WorkbookData} from '../../emulator/workbook';
import {DIST, ROOT, ensureBuilt} from './dist';

export {seedLog} from '../../scripts/demo';

export const EXPORTS_DIR = join(ROOT, 'test/fixtures/exports');
export const exportFixtures = () =>
  readdirSync(EXPORTS_DIR).filter(f => f.endsWith('.csv'));

export function addOn(opts: EmulatorOptions = {}): Emulator {
  ensureBuilt();
  const emu = new Emulator({
    now: '2026-03-01T08:30:00Z',
    timeZone: 'Europe/London',
    addOnName: 'Social CRM',
    ...opts,
  });
  emu.loadBundle(DIST);
  emu.open('LIMITED');
  return emu;
}

export async function fixtureWorkbook(file: string): Promise<WorkbookData> {
  const {workbook} = await readWorkbookFile(join(EXPORTS_DIR, file), {
    timeZone: 'Europe/London',
  });
  return workbook;
}

export function sheetOf(emu: Emulator, name: string) {
  const sheet = emu.toWorkbook().sheets.find(s => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The text of every message the user saw, in order of kind. */
export function messages(emu: Emulator): string[] {
  return [
    ...emu.ui.alerts.map(a => a.prompt),
    ...emu.ui.toasts.map(t => t.message),
  ];
}

export const readText = (path: string) => readFileSync(path, 'utf8');

/** A sheet's rows as objects keyed by its header row. */
export function records(
  emu: Emulator,
  name: string,
): Record<string, unknown>[] {
  const [headers, ...rows] = sheetOf(emu, name).values;
  return rows.map(row =>
    Object.fromEntries(headers.map((h, i) => [String(h), row[i] ?? ''])),
  );
}
