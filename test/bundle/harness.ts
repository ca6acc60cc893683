/**
 * The built add-on (dist/) running in the emulator: what Google would run.
 */
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {Emulator, EmulatorOptions} from '../../emulator';
import {readWorkbookFile} from '../../emulator/io';
import {CellValue, SheetData, WorkbookData} from '../../emulator/workbook';
import {columnLetter} from '../../src/core/columns';
import {DIST, ROOT, ensureBuilt} from './dist';

export {seedLog} from '../../scripts/demo';

/** A row of the Interactions log (LOG_HEADERS order), as a test seeds it. */
export const logRow = (
  when: Date,
  id: string,
  direction: string,
  kind: string,
  note = '',
  link = '',
  channel = 'x',
) => [when, id, direction, kind, channel, '', '', note, link, 'test', ''];

export const EXPORTS_DIR = join(ROOT, 'test/fixtures/exports');
export const exportFixtures = () =>
  readdirSync(EXPORTS_DIR).filter(f => f.endsWith('.csv'));

/** The clock of every bundle test that does not set its own. */
export const NOW = '2026-03-01T08:30:00Z';

export function addOn(opts: EmulatorOptions = {}): Emulator {
  ensureBuilt();
  const emu = new Emulator({
    now: NOW,
    timeZone: 'Europe/London',
    addOnName: 'Social CRM',
    ...opts,
  });
  emu.loadBundle(DIST);
  emu.open('LIMITED');
  return emu;
}

/**
 * A Supporters sheet of `people` (header first), then any `otherSheets`,
 * set up as a tracker through the menu.
 */
export function trackerWith(
  people: unknown[][],
  {
    otherSheets = [],
    ...opts
  }: EmulatorOptions & {otherSheets?: SheetData[]} = {},
): Emulator {
  const emu = addOn({
    ...opts,
    workbook: {
      sheets: [
        {name: 'Supporters', values: people as CellValue[][]},
        ...otherSheets,
      ],
    },
  });
  emu.clickMenu('Set up tracker');
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

/** Each supporter's id by name, as Set up tracker gave them. */
export function supporterIds(emu: Emulator): Record<string, string> {
  return Object.fromEntries(
    records(emu, 'Supporters').map(r => [
      String(r.Name),
      String(r['Supporter ID']),
    ]),
  );
}

/** The id of the first supporter called `name`. */
export const idOf = (emu: Emulator, name: string) =>
  String(
    records(emu, 'Supporters').find(r => r.Name === name)!['Supporter ID'],
  );

/**
 * The A1 address of the `header` cell in the first row of `sheet` that
 * `match` picks (read afresh: the add-on rebuilds such sheets).
 */
export function cellOf(
  emu: Emulator,
  sheet: string,
  header: string,
  match: (row: Record<string, unknown>) => boolean,
): string {
  const rows = records(emu, sheet);
  const row = rows.findIndex(match);
  if (row < 0) throw new Error(`no such row in ${sheet}`);
  const column = Object.keys(rows[0]).indexOf(header) + 1;
  return `'${sheet}'!${columnLetter(column)}${row + 2}`;
}

/** How many service calls `counts` (emu.counts) adds up to. */
export const totalCalls = (counts: Record<string, number>) =>
  Object.values(counts).reduce((a, b) => a + b, 0);
