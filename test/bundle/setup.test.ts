/**
 * Social CRM › Set up tracker, run by the built bundle in the emulator on
 * real export layouts and on odd sheets.
 */
import fc from 'fast-check';
import {LOG_HEADERS} from '../../src/core/model';
import {
  addOn,
  exportFixtures,
  fixtureWorkbook,
  messages,
  sheetOf,
} from './harness';

const GENERIC_FAILURE = /problem in Whuffie itself/;

describe.each(exportFixtures())('Set up tracker on %s', file => {
  test('keeps every original cell, adds the tracker columns and the log, and a second run changes nothing', async () => {
    const workbook = await fixtureWorkbook(file);
    const original = workbook.sheets[0];
    const emu = addOn({workbook});
    emu.clickMenu('Set up tracker');
    expect(messages(emu).join('\n')).not.toMatch(GENERIC_FAILURE);

    const after = sheetOf(emu, original.name);
    const width = Math.max(...original.values.map(r => r.length));
    original.values.forEach((row, r) => {
      for (let c = 0; c < width; c++) {
        expect([r, c, after.values[r]?.[c] ?? '']).toEqual([
          r,
          c,
          row[c] ?? '',
        ]);
      }
    });
    expect(after.formulas ?? {}).toMatchObject(original.formulas ?? {});

    const headers = after.values.flatMap(r => r.slice(width)).map(String);
    for (const header of [
      'Supporter ID',
      'Relationship tags',
      'Whuffie',
      'Level',
    ]) {
      expect(headers).toContain(header);
    }
    expect(sheetOf(emu, 'Interactions').values[0]).toEqual([...LOG_HEADERS]);

    const first = JSON.stringify(emu.toWorkbook());
    const metadata = JSON.stringify(emu.exportState().spreadsheet);
    emu.clickMenu('Set up tracker');
    expect(emu.ui.toasts.at(-1)?.message).toMatch(
      /already set up: nothing to change/,
    );
    expect(JSON.stringify(emu.toWorkbook())).toBe(first);
    expect(JSON.stringify(emu.exportState().spreadsheet)).toBe(metadata);
  });
});

describe('Set up tracker on odd sheets', () => {
  const open = (values: unknown[][], name = 'Sheet1') =>
    addOn({workbook: {sheets: [{name, values: values as never}]}});
  const run = (values: unknown[][], name = 'Sheet1') => {
    const emu = open(values, name);
    emu.clickMenu('Set up tracker');
    return emu;
  };

  test('an empty sheet gets a message saying what to do, and nothing is written', () => {
    const emu = run([]);
    expect(messages(emu).join('\n')).toMatch(/This sheet is empty/);
    expect(emu.toWorkbook().sheets.map(s => s.name)).toEqual(['Sheet1']);
  });

  test('a sheet without a header row is refused with a clear message', () => {
    const emu = run([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(messages(emu).join('\n')).toMatch(/header row/);
  });

  test('the Interactions log itself is not turned into a tracker', () => {
    const emu = run([[...LOG_HEADERS]], 'Interactions');
    expect(messages(emu).join('\n')).toMatch(/Interactions log/);
  });

  test('answering Cancel changes nothing', () => {
    const emu = open(
      [
        ['Name', 'Email'],
        ['Ana', 'a@example.org'],
      ],
      'People',
    );
    const before = JSON.stringify(emu.toWorkbook());
    emu.clickMenu('Set up tracker', ['[CANCEL]']);
    expect(JSON.stringify(emu.toWorkbook())).toBe(before);
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/cancelled/);
  });

  test('people added later get their ids on the next run, in one write per column', () => {
    const emu = run(
      [
        ['Name', 'Email'],
        ['Ana Lima', 'a@example.org'],
        ['Tom Reed', 't@example.org'],
      ],
      'People',
    );
    emu.userEdit('People!A4', 'Maya Ode');
    emu.userEdit('People!A6', 'Raj Patel');
    emu.userEdit('People!B6', 'r@example.org');
    emu.resetCounts();
    emu.clickMenu('Set up tracker');
    const rows = sheetOf(emu, 'People').values;
    const id = rows[0].indexOf('Supporter ID');
    expect(rows.slice(1).map(r => [r[0], String(r[id]).slice(0, 2)])).toEqual([
      ['Ana Lima', 'S-'],
      ['Tom Reed', 'S-'],
      ['Maya Ode', 'S-'],
      ['', ''],
      ['Raj Patel', 'S-'],
    ]);
    expect(emu.counts['Range.setValues']).toBeLessThanOrEqual(3);
  });

  test('a typed fix moves a field before anything is written', () => {
    const emu = open(
      [
        ['Name', 'Contact', 'Handle'],
        ['Ana Lima', 'ana@example.org', 'tiger_fan'],
      ],
      'People',
    );
    emu.clickMenu('Set up tracker', ['Twitter = C', '']);
    const sheet = sheetOf(emu, 'People');
    const xColumn = sheet.values[0].indexOf('X handle');
    expect(sheet.values[1][xColumn]).toBe('@tiger_fan');
  });

  test('random odd sheets end in a tracker or a message, never a crash, and keep every cell', () => {
    const cell = fc.oneof(
      fc.constant(''),
      fc.string({maxLength: 12}),
      fc.constantFrom('Name', 'Email', 'Twitter', 'Notes', '=A1', '@x', 'TAGS'),
      fc.integer(),
      fc.boolean(),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, {maxLength: 8}), {maxLength: 12}),
        values => {
          const emu = run(values);
          expect(messages(emu).join('\n')).not.toMatch(GENERIC_FAILURE);
          const after = sheetOf(emu, 'Sheet1');
          values.forEach((row, r) =>
            row.forEach((v, c) => {
              if (v === '') return; // empty cells are free for new columns
              expect(after.values[r]?.[c] ?? '').toEqual(v);
            }),
          );
        },
      ),
      {numRuns: 40},
    );
  });
});
