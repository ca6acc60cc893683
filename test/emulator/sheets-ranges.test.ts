import fc from 'fast-check';
import {setup, thrown} from './sheets-fake-host';

describe('ranges are 1-based and refuse bad coordinates like Sheets', () => {
  const cases: Array<[string, () => unknown, string]> = [];
  const {sheet} = setup();
  cases.push(
    [
      'row 0',
      () => sheet.getRange(0, 1),
      'The starting row of the range is too small.',
    ],
    [
      'column 0',
      () => sheet.getRange(1, 0),
      'The starting column of the range is too small.',
    ],
    [
      'zero rows',
      () => sheet.getRange(1, 1, 0, 1),
      'The number of rows in the range must be at least 1.',
    ],
    [
      'zero columns',
      () => sheet.getRange(1, 1, 1, 0),
      'The number of columns in the range must be at least 1.',
    ],
    [
      'past the last row',
      () => sheet.getRange(1000, 1, 2, 1),
      'The coordinates of the range are outside the dimensions of the sheet.',
    ],
    [
      'past the last column',
      () => sheet.getRange(1, 27),
      'The coordinates of the range are outside the dimensions of the sheet.',
    ],
    ['bad A1 notation', () => sheet.getRange('B'), 'Range not found'],
    ['unknown sheet', () => sheet.getRange('Nope!A1'), 'Range not found'],
  );
  it.each(cases)('%s', (_, call, message) => {
    const error = thrown(call);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('Exception');
    expect(error.message).toBe(message);
  });

  it('an undefined argument is a signature mismatch, not a default', () => {
    const error = thrown(() =>
      sheet.getRange(2, 1, undefined as unknown as number),
    );
    expect(error.message).toBe(
      "The parameters (number,number,null) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  it('the last cell of the grid is reachable', () => {
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });
});

describe('A1 notation', () => {
  const {sheet, ss} = setup({
    sheets: [
      {name: 'Sheet1', values: []},
      {name: 'Reach out today', values: [['Who']]},
      {name: 'Interactions', values: []},
    ],
  });

  it.each([
    ['B2', 'B2', 1, 1],
    ['a1:c3', 'A1:C3', 3, 3],
    ['$A$1:$B$2', 'A1:B2', 2, 2],
    ['A:A', 'A:A', 1000, 1],
    ['A2:A', 'A2:A1000', 999, 1],
    ['A2:K', 'A2:K1000', 999, 11],
    ['3:5', '3:5', 3, 26],
    ['C3:A1', 'A1:C3', 3, 3],
  ])('%s covers %s', (a1, printed, rows, cols) => {
    const range = sheet.getRange(a1);
    expect(range.getA1Notation()).toBe(printed);
    expect([range.getNumRows(), range.getNumColumns()]).toEqual([rows, cols]);
  });

  it('a sheet-qualified range lands on that sheet, quoted or not', () => {
    expect(ss.getRange("'Reach out today'!A1").getValue()).toBe('Who');
    expect(ss.getRange('Interactions!A2:K').getSheet().getName()).toBe(
      'Interactions',
    );
  });
});

describe('values', () => {
  it('empty cells read as "" — never undefined or null — and values keep their types', () => {
    const {sheet} = setup();
    const when = new Date('2026-03-04T05:06:07Z');
    sheet.getRange('B2:E2').setValues([[12.5, true, when, 'text']]);
    const values = sheet.getRange('A1:F3').getValues();
    expect(values).toHaveLength(3);
    expect(values.every(row => row.length === 6)).toBe(true);
    expect(values[0]).toEqual(['', '', '', '', '', '']);
    expect(values[1]).toEqual(['', 12.5, true, when, 'text', '']);
    expect(values[1][3]).toBeInstanceOf(Date);
  });

  it('a Date round-trips to the millisecond', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2200-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        date => {
          const {sheet} = setup();
          sheet.getRange('A1').setValue(date);
          const back = sheet.getRange('A1').getValue() as Date;
          return (
            back instanceof Date &&
            back.getTime() === date.getTime() &&
            back !== date
          );
        },
      ),
      {numRuns: 50},
    );
  });

  it('getValues returns copies: mutating them (or a Date in them) leaves the sheet alone', () => {
    const {sheet} = setup();
    sheet
      .getRange('A1:B1')
      .setValues([['keep', new Date('2026-01-01T00:00:00Z')]]);
    const first = sheet.getRange('A1:B1').getValues();
    first[0][0] = 'changed';
    (first[0][1] as Date).setFullYear(1999);
    first.push(['extra']);
    const again = sheet.getRange('A1:B1').getValues();
    expect(again[0][0]).toBe('keep');
    expect((again[0][1] as Date).toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
  });

  it('setValues copies its input: changing the array afterwards does not reach the sheet', () => {
    const {sheet} = setup();
    const data = [['a', 'b']];
    sheet.getRange('A1:B1').setValues(data);
    data[0][0] = 'z';
    expect(sheet.getRange('A1').getValue()).toBe('a');
  });

  it('setValues refuses the wrong shape with the real messages', () => {
    const {sheet} = setup();
    expect(
      thrown(() => sheet.getRange('A1:D1').setValues([[1, 2, 3, 4, 5]]))
        .message,
    ).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
    expect(
      thrown(() => sheet.getRange('A1:A3').setValues([[1], [2]])).message,
    ).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(
      thrown(() => sheet.getRange('A1:C1').setValues([1, 2, 3] as never))
        .message,
    ).toBe(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  it('setValue fills every cell of the range; null empties', () => {
    const {sheet} = setup();
    sheet.getRange('A1:B2').setValue(7);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    sheet.getRange('A1').setValue(null);
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  it('a cell over 50,000 characters is refused', () => {
    const {sheet} = setup();
    expect(
      thrown(() => sheet.getRange('A1').setValue('x'.repeat(50_001))).message,
    ).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('getCell and offset move relative to the range', () => {
    const {sheet} = setup();
    const range = sheet.getRange('B2:D4');
    expect(range.getCell(2, 3).getA1Notation()).toBe('D3');
    expect(thrown(() => range.getCell(4, 1)).message).toBe(
      'Cell reference out of range',
    );
    expect(range.offset(1, 1).getA1Notation()).toBe('C3:E5');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(thrown(() => range.offset(-2, 0)).message).toBe(
      'The starting row of the range is too small.',
    );
  });
});

describe('the extent of the data', () => {
  it('an empty sheet has last row and column 0, and its data range is A1', () => {
    const {sheet} = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  it('unticked checkboxes count as content, so appendRow lands below them', () => {
    const {sheet} = setup();
    sheet.getRange('A1').setValue('Done');
    sheet.getRange('A2:A5').insertCheckboxes();
    expect(sheet.getLastRow()).toBe(5);
    sheet.appendRow(['next']);
    expect(sheet.getRange('A6').getValue()).toBe('next');
  });

  it('a formula counts as content even before it has a value', () => {
    const {sheet} = setup();
    sheet.getRange('C7').setFormula('=WHUFFIE(A7)');
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(3);
  });

  it('clearing the last rows brings the last row back', () => {
    const {sheet} = setup();
    sheet.getRange('A1:B10').setValue('x');
    sheet.getRange('A4:B10').clearContent();
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B3');
  });

  it('appendRow grows a full sheet by a row', () => {
    const {sheet} = setup();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['beyond', 2]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([['beyond', 2]]);
  });
});
