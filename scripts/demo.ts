/**
 * The demo workbook: a Mailchimp-shaped export of the fictional Riverside
 * Tiger Sanctuary, turned into a tracker by the *built* add-on (Set up
 * tracker, in the emulator), then a year of interactions in its log and the
 * scores refreshed. Seeded, so the same options give the same workbook; the
 * benchmark reuses it at 50,000 supporters × 1,000,000 interactions.
 * (`npm run demo` writes it to a file: scripts/make-demo.ts.)
 */
import {resolve} from 'node:path';
import {Emulator} from '../emulator';
import {CellValue} from '../emulator/workbook';
import {LOG_SHEET_NAME} from '../src/core/model';
import {
  DemoPerson,
  generateInteractions,
  generateSupporters,
} from './demo-data';

export interface DemoOptions {
  supporters?: number;
  interactions?: number;
  seed?: number;
  now?: string;
  timeZone?: string;
  distDir?: string;
  /** Sheets' limit is 10 million cells; the largest benchmark goes past it. */
  cellLimit?: number;
}

export const DEMO_DEFAULTS = {
  supporters: 300,
  interactions: 6000,
  seed: 7,
  now: '2026-03-01T08:30:00Z',
  timeZone: 'Europe/London',
};

export const SUPPORTERS_SHEET = 'Supporters';

/** The people of a set-up tracker, by the add-on's own column headers. */
export function trackedPeople(emu: Emulator): DemoPerson[] {
  const sheet = emu.spreadsheet.sheetByName(SUPPORTERS_SHEET)!;
  const values = sheet.readValues({
    r1: 1,
    c1: 1,
    r2: sheet.lastRow(),
    c2: sheet.lastColumn(),
  });
  const column = (header: string) => values[0].indexOf(header);
  const [id, x, bluesky, mastodon] = [
    'Supporter ID',
    'X handle',
    'Bluesky handle',
    'Mastodon handle',
  ].map(column);
  const handle = (v: CellValue) => String(v).replace(/^@/, '') || undefined;
  return values
    .slice(1)
    .filter(row => row[id])
    .map(row => ({
      id: String(row[id]),
      handles: {
        x: handle(row[x]),
        bluesky: handle(row[bluesky]),
        mastodon: handle(row[mastodon]),
      },
    }));
}

/**
 * Puts rows into the Interactions log as if the file had always held them
 * (history, not an edit: no trigger fires), growing the sheet if needed.
 */
export function seedLog(emu: Emulator, rows: readonly unknown[][]): void {
  const model = emu.spreadsheet;
  const sheet = model.sheetByName(LOG_SHEET_NAME);
  if (!sheet) throw new Error('set up the tracker first');
  const first = sheet.lastRow() + 1;
  const needed = first + rows.length - 1 - sheet.maxRows;
  if (needed > 0) {
    model.insertDimension(
      sheet,
      'ROWS',
      sheet.maxRows + 1,
      needed,
      sheet.maxRows,
    );
  }
  sheet.storeValues(first, 1, rows as CellValue[][]);
}

export function buildDemo(options: DemoOptions = {}): Emulator {
  const given = Object.entries(options).filter(([, v]) => v !== undefined);
  const o = {
    ...DEMO_DEFAULTS,
    ...Object.fromEntries(given),
  } as typeof DEMO_DEFAULTS & DemoOptions;
  const {headers, rows} = generateSupporters(o.supporters, o.seed);
  const emu = new Emulator({
    now: o.now,
    timeZone: o.timeZone,
    addOnName: 'Social CRM',
    spreadsheetName: 'Riverside Tiger Sanctuary — supporters',
    cellLimit: o.cellLimit,
    workbook: {sheets: [{name: SUPPORTERS_SHEET, values: [headers, ...rows]}]},
    // The supporter ids derive from a UUID: the same seed, the same demo.
    uuidSeed: `whuffie-demo-${o.seed}`,
  });
  emu.loadBundle(o.distDir ?? resolve(__dirname, '../dist'));
  emu.open('LIMITED');
  emu.clickMenu('Set up tracker');
  const log = generateInteractions(
    trackedPeople(emu),
    o.interactions,
    o.seed,
    new Date(o.now),
  );
  // The log is history, not something a user types: it goes straight into
  // the model (as if the file had always held it), then the add-on scores it.
  seedLog(emu, log);
  emu.clickMenu('Refresh scores');
  emu.resetCounts();
  return emu;
}
