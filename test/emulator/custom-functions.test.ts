import type {CellValue, WorkbookData} from '../../emulator';
import {argumentsSignature} from '../../emulator/custom-functions';
import {emulatorFor} from '../fixtures/runtime/harness';

const tracker = (): WorkbookData => ({
  sheets: [
    {
      name: 'Supporters',
      values: [['Id', 'Whuffie', 'By range'], ['s1'], ['s2']],
      formulas: {
        B2: '=WHUFFIE(A2)',
        B3: '=WHUFFIE(A3)',
        C2: '=WHUFFIE_RANGE(A2:A3, Interactions!A1:A)',
      },
    },
    {name: 'Interactions', values: [['s1'], ['s1'], ['s2']]},
  ],
});

/** The add-on over a workbook of one sheet. */
const oneSheet = (
  name: string,
  values: CellValue[][],
  formulas: Record<string, string>,
) => emulatorFor('addon', {workbook: {sheets: [{name, values, formulas}]}});

const column = (emu: ReturnType<typeof emulatorFor>, col: number) =>
  emu
    .toWorkbook()
    .sheets[0].values.slice(1)
    .map(row => row[col]);

const recomputes = (emu: ReturnType<typeof emulatorFor>) =>
  emu.executions.filter(e => e.kind === 'custom-function').map(e => e.fn);

describe('custom functions', () => {
  test('customFunctions() lists the top-level functions whose JSDoc has @customfunction', () => {
    const emu = emulatorFor('addon');
    const found = emu.customFunctions();
    expect(found.map(f => f.name)).toEqual([
      'WHUFFIE',
      'WHUFFIE_RANGE',
      'BROKEN',
      'TRIES_TO_WRITE',
    ]);
    expect(found[1].params).toEqual(['ids', 'log']);
    expect(found[0].jsdoc).toMatch(
      /^\/\*\*[\s\S]*@param \{string\} id The supporter id\.[\s\S]*@customfunction[\s\S]*\*\/$/,
    );
  });

  test('formulas never computed are computed when the bundle loads, one execution each, spilling ranges', () => {
    const emu = emulatorFor('addon', {workbook: tracker()});
    expect(column(emu, 1)).toEqual([2, 1]);
    expect(column(emu, 2)).toEqual([2, 1]);
    expect(recomputes(emu).sort()).toEqual([
      'WHUFFIE',
      'WHUFFIE',
      'WHUFFIE_RANGE',
    ]);
    expect(
      emu.executions
        .filter(e => e.kind === 'custom-function')
        .every(e => e.mode === 'CUSTOM_FUNCTION'),
    ).toBe(true);
    expect(emu.customFunctionCounts['Range.getValues']).toBe(2);
    expect(emu.toWorkbook().sheets[0].formulas).toEqual(
      tracker().sheets[0].formulas,
    );
  });

  test('=WHUFFIE(A2) goes stale when the log grows; a formula taking the log as an argument follows', () => {
    const emu = emulatorFor('addon', {workbook: tracker()});
    emu.userEdit('Interactions!A4', 's1');
    expect(column(emu, 1)).toEqual([2, 1]); // stale, as in Sheets
    expect(column(emu, 2)).toEqual([3, 1]);
    expect(recomputes(emu).slice(3)).toEqual(['WHUFFIE_RANGE']);
  });

  test('a formula recomputes when its argument values change, or when it is entered again', () => {
    const emu = emulatorFor('addon', {workbook: tracker()});
    emu.userEdit('Interactions!A4', 's1');
    emu.userEdit('Supporters!A2', 's1'); // same value: nothing to do
    expect(column(emu, 1)).toEqual([2, 1]);
    emu.userEdit('Supporters!B2', '=WHUFFIE(A2)'); // re-setting the formula refreshes it
    expect(column(emu, 1)).toEqual([3, 1]);
    emu.userEdit('Supporters!A3', 's1');
    expect(column(emu, 1)).toEqual([3, 3]);
  });

  test('a script writing to an argument cell triggers the recompute after its execution (no onEdit)', () => {
    const emu = emulatorFor('addon', {
      workbook: {
        sheets: [
          {
            name: 'Supporters',
            values: [['s1', 0]],
            formulas: {B1: '=WHUFFIE(A1)'},
          },
          {name: 'Interactions', values: [['written by script']]},
        ],
      },
    });
    emu.call('writeCells');
    expect(emu.toWorkbook().sheets[0].values[0]).toEqual([
      'written by script',
      1,
    ]);
  });

  test('a value already in the file is kept: Sheets does not recompute on open', () => {
    const emu = oneSheet('Supporters', [['s1', 99]], {B1: '=WHUFFIE(A1)'});
    expect(emu.toWorkbook().sheets[0].values[0]).toEqual(['s1', 99]);
    expect(recomputes(emu)).toEqual([]);
  });

  test('a thrown error shows as #ERROR! with its message; custom functions cannot write', () => {
    const emu = oneSheet('Sheet1', [], {
      A1: '=BROKEN()',
      A2: '=TRIES_TO_WRITE()',
    });
    expect(emu.toWorkbook().sheets[0].values).toEqual([
      ['#ERROR!'],
      ['#ERROR!'],
    ]);
    expect(emu.document.formulaError('Sheet1!A1')).toBe(
      'Error: Supporter not found',
    );
    expect(emu.document.formulaError('Sheet1!A2')).toBe(
      'Exception: You do not have permission to call Range.setValue',
    );
  });

  test('a spill that would cover data shows #REF! instead', () => {
    const book = tracker();
    book.sheets[0].values[2] = ['s2', '', 'in the way'];
    const emu = emulatorFor('addon', {workbook: book});
    expect(column(emu, 2)).toEqual(['#REF!', 'in the way']);
    expect(emu.document.formulaError('Supporters!C2')).toBe(
      'Array result was not expanded because it would overwrite data in C3.',
    );
  });

  test('any public top-level function works in a formula; other formulas are left alone', () => {
    const emu = oneSheet('Sheet1', [[21]], {
      B1: '=DOUBLE(A1)',
      C1: '=SUM(A1:B1)',
      D1: '=privateCustom_(A1)',
    });
    expect(emu.toWorkbook().sheets[0].values[0].slice(0, 2)).toEqual([21, 42]);
    expect(emu.toWorkbook().sheets[0].formulas).toMatchObject({
      C1: '=SUM(A1:B1)',
      D1: '=privateCustom_(A1)',
    });
    expect(recomputes(emu)).toEqual(['DOUBLE']);
  });

  test('5,000 per-row formulas compute at load and then only the changed row recomputes', () => {
    const rows = 5000;
    const values = Array.from({length: rows}, (_, i) => [i]);
    const formulas = Object.fromEntries(
      values.map((_, i) => [`B${i + 1}`, `=DOUBLE(A${i + 1})`]),
    );
    const started = Date.now();
    const emu = oneSheet('Sheet1', values, formulas);
    const loadMs = Date.now() - started;
    expect(emu.toWorkbook().sheets[0].values[rows - 1]).toEqual([
      rows - 1,
      2 * (rows - 1),
    ]);
    expect(recomputes(emu)).toHaveLength(rows);
    const editStarted = Date.now();
    emu.userEdit('Sheet1!A10', '1000');
    expect(Date.now() - editStarted).toBeLessThan(2000);
    expect(recomputes(emu)).toHaveLength(rows + 1);
    expect(loadMs).toBeLessThan(10_000); // about 2 s here: the batch shares one context
  });
});

describe('custom functions share nothing between executions', () => {
  test('each formula sees a freshly loaded project: top level run once, nothing leaked', () => {
    const formulas = Object.fromEntries(
      Array.from({length: 5}, (_, i) => [
        `B${i + 1}`,
        `=TOP_LEVEL_SEEN(A${i + 1})`,
      ]),
    );
    const emu = emulatorFor('basics', {
      workbook: {
        sheets: [
          {name: 'Sheet1', values: [[1], [2], [3], ['x'], [5]], formulas},
        ],
      },
    });
    expect(emu.toWorkbook().sheets[0].values.map(row => row[1])).toEqual([
      101, 101, 101, 100, 101,
    ]);
  });

  test('a formula that never returns is stopped after 30 s and shows the timeout; the others still compute', () => {
    const emu = emulatorFor('basics', {
      timeLimits: {customFunctionMs: 300},
      workbook: {
        sheets: [
          {
            name: 'Sheet1',
            values: [[1]],
            formulas: {B1: '=spin()', C1: '=echo(A1)'},
          },
        ],
      },
    });
    expect(emu.toWorkbook().sheets[0].values[0]).toEqual([1, '#ERROR!', 1]);
    expect(emu.document.formulaError('Sheet1!B1')).toBe(
      'Exception: Exceeded maximum execution time',
    );
  });
});

test('argument signatures tell values apart, dates by their instant', () => {
  const a = argumentsSignature('=F(A1)', [new Date(0)]);
  expect(a).toBe(argumentsSignature('=F(A1)', [new Date(0)]));
  expect(a).not.toBe(argumentsSignature('=F(A1)', [new Date(1)]));
  expect(a).not.toBe(
    argumentsSignature('=F(A1)', ['1970-01-01T00:00:00.000Z']),
  );
  expect(a).not.toBe(argumentsSignature('=G(A1)', [new Date(0)]));
});
