import type {CellValue} from '../../emulator/workbook';
import {SpreadsheetModel} from '../../emulator/sheets';
import {setup} from './sheets-fake-host';

/** Wall-clock ms of fn. */
function timed(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// Generous bounds: these calls are bound by allocation and GC, and shared CI
// machines are slow. On an idle machine each 1,000,000 × 11 block call takes
// about half a second; SHEETS_BLOCK_MS tightens the bound where that holds.
const BLOCK_MS = Number(process.env.SHEETS_BLOCK_MS ?? 6000);
jest.setTimeout(120_000);

function logRows(n: number): CellValue[][] {
  const start = Date.UTC(2024, 0, 1);
  const rows: CellValue[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    rows[i] = [
      new Date(start + i * 60_000),
      `sup-${i % 5000}`,
      i % 2 ? 'inbound' : 'outbound',
      'retweet',
      'bluesky',
      'promotion',
      i % 7 ? '' : 12.5,
      `note ${i}`,
      `https://bsky.app/profile/x/post/${i}`,
      'bluesky',
      `bluesky:repost:${i}`,
    ];
  }
  return rows;
}

describe('a 1,000,000 × 11 log and a 50,000 × 30 tracker in one file', () => {
  const log = logRows(1_000_000);
  const tracker = Array.from({length: 50_000}, (_, i) =>
    Array.from({length: 30}, (_, j): CellValue =>
      j === 0 ? `Person ${i}` : j === 1 ? i : j === 2 ? i % 3 === 0 : `x${j}`,
    ),
  );
  const model = SpreadsheetModel.fromWorkbook(
    {
      sheets: [
        {name: 'Interactions', values: [log[0]]},
        {name: 'Tracker', values: tracker},
      ],
    },
    {cellLimit: 13_000_000},
  );

  it('loads both without per-cell objects and reports their size', () => {
    expect(model.sheets.map(s => [s.maxRows, s.maxColumns])).toEqual([
      [1000, 26],
      [50_000, 30],
    ]);
  });

  it('writes and reads the whole log block in one call each, fast', () => {
    const {ss} = setupWith(model);
    const sheet = ss.getSheetByName('Interactions')!;
    sheet.deleteColumns(12, 15);
    sheet.insertRowsAfter(1000, 999_000);
    expect(model.cellCount()).toBe(1_000_000 * 11 + 50_000 * 30);
    const range = sheet.getRange(1, 1, 1_000_000, 11);
    const write = timed(() => range.setValues(log));
    let read: CellValue[][] = [];
    const readMs = timed(() => {
      read = range.getValues();
    });
    expect(read).toHaveLength(1_000_000);
    expect(read[999_999]).toEqual(log[999_999]);
    expect(read[0][0]).not.toBe(log[0][0]);
    expect(sheet.getLastRow()).toBe(1_000_000);
    expect(write).toBeLessThan(BLOCK_MS);
    expect(readMs).toBeLessThan(BLOCK_MS);
  });

  it('reads and rewrites the tracker block in well under a second', () => {
    const {ss} = setupWith(model);
    const range = ss.getSheetByName('Tracker')!.getRange(1, 1, 50_000, 30);
    let values: CellValue[][] = [];
    const ms = timed(() => {
      values = range.getValues();
      range.setValues(values);
    });
    expect(values[49_999][0]).toBe('Person 49999');
    expect(ms).toBeLessThan(BLOCK_MS / 4);
  });

  it('appends to the million-row log without rescanning it', () => {
    const {ss} = setupWith(model);
    const sheet = ss.getSheetByName('Interactions')!;
    sheet.getLastRow();
    const ms = timed(() => {
      for (let i = 0; i < 100; i++)
        sheet.appendRow([new Date(), 'sup-1', 'inbound', 'like']);
    });
    expect(sheet.getLastRow()).toBe(1_000_100);
    expect(ms).toBeLessThan(BLOCK_MS / 4);
  });
});

/** A SpreadsheetApp over an existing model. */
function setupWith(model: SpreadsheetModel) {
  const env = setup();
  env.registry.add(model);
  env.registry.setActive(model.id);
  return {...env, ss: env.app.getActiveSpreadsheet()!};
}
