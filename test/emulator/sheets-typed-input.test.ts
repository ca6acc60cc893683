import fc from 'fast-check';
import {parseTypedInput} from '../../emulator/sheets';
import {setup} from './sheets-fake-host';

const NY = 'America/New_York';
const NOW = new Date('2026-06-15T12:00:00Z');

/** The instant of a wall-clock time in New York. */
function ny(iso: string): Date {
  const guess = new Date(`${iso}Z`);
  const offsetHours =
    guess.getUTCMonth() >= 2 && guess.getUTCMonth() <= 10 ? 4 : 5;
  return new Date(guess.getTime() + offsetHours * 3_600_000);
}

describe('strings written by a script are read like typed input', () => {
  it.each<[string, unknown, string]>([
    ['1,000', 1000, '1,000'],
    ['007', 7, '7'],
    ['-12.5', -12.5, '-12.5'],
    ['$1,234.50', 1234.5, '$1,234.50'],
    ['10%', 0.1, '10%'],
    ['1e3', 1000, '1.00E+03'],
    ['TRUE', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['Alice Smith', 'Alice Smith', 'Alice Smith'],
    ['1,00', '1,00', '1,00'],
    ['555-1234', '555-1234', '555-1234'],
    [
      '2026-09-01T14:03:11.000Z',
      '2026-09-01T14:03:11.000Z',
      '2026-09-01T14:03:11.000Z',
    ],
  ])('%s', (typed, value, shown) => {
    const {sheet} = setup();
    const cell = sheet.getRange('A1');
    cell.setValue(typed);
    expect(cell.getValue()).toEqual(value);
    expect(cell.getDisplayValue()).toBe(shown);
  });

  it.each<[string, string, string]>([
    ['2026-09-01', '2026-09-01T00:00:00', '2026-09-01'],
    ['9/1/2026', '2026-09-01T00:00:00', '9/1/2026'],
    ['2026-09-01 14:03', '2026-09-01T14:03:00', '2026-09-01 14:03'],
    ['Sep 1, 2026', '2026-09-01T00:00:00', 'Sep 1, 2026'],
  ])('%s becomes a date in the spreadsheet time zone', (typed, wall, shown) => {
    const {sheet} = setup();
    const cell = sheet.getRange('A1');
    cell.setValue(typed);
    expect(cell.getValue()).toEqual(ny(wall));
    expect(cell.getDisplayValue()).toBe(shown);
  });

  it('a date typed without a year takes the current one (a birthday "9/1" is a date)', () => {
    const typed = parseTypedInput('9/1', NY, NOW);
    expect(typed.value).toEqual(ny('2026-09-01T00:00:00'));
  });

  it('a wall time skipped by daylight saving reads as the hour after, as in Sheets', () => {
    const typed = parseTypedInput('2026-03-08 02:30', NY, NOW);
    expect((typed.value as Date).toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('an impossible date stays text', () => {
    expect(parseTypedInput('2026-02-30', NY, NOW).value).toBe('2026-02-30');
    expect(parseTypedInput('13/1/2026', NY, NOW).value).toBe('13/1/2026');
  });

  it('a leading apostrophe keeps the rest as text and is not stored', () => {
    const {sheet} = setup();
    sheet.getRange('A1:C1').setValues([["'007", "'=1+1", "'TRUE"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([
      ['007', '=1+1', 'TRUE'],
    ]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '']]);
  });

  it('plain-text format (@) keeps strings as written, formulas included', () => {
    const {sheet} = setup();
    sheet.getRange('A:A').setNumberFormat('@');
    sheet.getRange('A1:B3').setValues([
      ['007', '007'],
      ['=HYPERLINK("x")', '1,000'],
      ['TRUE', 'TRUE'],
    ]);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([
      ['007'],
      ['=HYPERLINK("x")'],
      ['TRUE'],
    ]);
    expect(sheet.getRange('A2').getFormula()).toBe('');
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[7], [1000], [true]]);
  });

  it('appendRow reads strings the same way', () => {
    const {sheet} = setup();
    sheet.appendRow(['1,000', "'1,000", '=X(A1)', 'no']);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([
      [1000, '1,000', '', 'no'],
    ]);
    expect(sheet.getRange('C1').getFormula()).toBe('=X(A1)');
  });

  it('any text behind an apostrophe is stored exactly (property)', () => {
    fc.assert(
      fc.property(fc.string({maxLength: 40}), text => {
        const {sheet} = setup();
        sheet.getRange('A1').setValue(`'${text}`);
        return sheet.getRange('A1').getValue() === text;
      }),
      {numRuns: 100},
    );
  });

  it('a number written as a number stays exactly that number (property)', () => {
    fc.assert(
      fc.property(fc.double({noNaN: true, noDefaultInfinity: true}), n => {
        const {sheet} = setup();
        sheet.getRange('A1').setValue(n);
        return Object.is(sheet.getRange('A1').getValue(), n);
      }),
      {numRuns: 100},
    );
  });
});

describe('formulas are stored, not evaluated', () => {
  it('setValue("=…") makes a formula whose value is "" until the runtime computes it', () => {
    const {sheet} = setup();
    sheet.getRange('A1:A2').setValues([[2], [3]]);
    sheet.getRange('B1').setValue('=SUM(A1:A2)');
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A2)');
    expect(sheet.getRange('B1').getValue()).toBe('');
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([
      ['', '=SUM(A1:A2)'],
    ]);
  });

  it('writing a value over a formula removes the formula', () => {
    const {sheet} = setup();
    sheet.getRange('A1').setFormula('=NOW()');
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(sheet.getRange('A1').getValue()).toBe(5);
  });
});

describe('display values', () => {
  it('formats booleans, numbers and dates the way Sheets shows them', () => {
    const {sheet, ss} = setup();
    ss.setSpreadsheetTimeZone('Europe/London');
    const when = new Date('2026-09-01T13:03:11Z');
    const midnight = new Date('2026-08-31T23:00:00Z');
    sheet
      .getRange('A1:F1')
      .setValues([[true, false, 1 / 3, 1234567, when, midnight]]);
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
      [
        'TRUE',
        'FALSE',
        '0.3333333333',
        '1234567',
        '9/1/2026 14:03:11',
        '9/1/2026',
      ],
    ]);
  });

  it('applies number formats', () => {
    const {sheet} = setup();
    const when = new Date('2026-09-01T18:03:11Z');
    sheet.getRange('A1:F1').setValues([[1234.5, 0.256, when, when, -5, 45000]]);
    sheet
      .getRange('A1:F1')
      .setNumberFormats([
        [
          '#,##0.00',
          '0.0%',
          'yyyy-mm-dd',
          'mmm d, yyyy h:mm am/pm',
          '0;(0)',
          'M/d/yyyy',
        ],
      ]);
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
      [
        '1,234.50',
        '25.6%',
        '2026-09-01',
        'Sep 1, 2026 2:03 pm',
        '(5)',
        '3/15/2023',
      ],
    ]);
  });

  it('reports the default number format of an untouched cell', () => {
    const {sheet} = setup();
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
    sheet.getRange('A2').setValue('1,000');
    expect(sheet.getRange('A2').getNumberFormat()).toBe('#,##0');
  });

  it('typing keeps a format the cell already has', () => {
    const {sheet} = setup();
    sheet.getRange('A1').setNumberFormat('0.00').setValue('1,000');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('1000.00');
  });
});
