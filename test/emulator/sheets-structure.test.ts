import {SpreadsheetModel} from '../../emulator/sheets';
import {setup, thrown} from './sheets-fake-host';

describe('inserting and deleting rows and columns', () => {
  it('cells, notes and formulas move with their rows', () => {
    const {sheet} = setup();
    sheet.getRange('A1:A3').setValues([['one'], ['two'], ['three']]);
    sheet.getRange('A2').setNote('second');
    sheet.getRange('B3').setFormula('=X(A3)');
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([
      ['one'],
      [''],
      [''],
      ['two'],
      ['three'],
    ]);
    expect(sheet.getRange('A4').getNote()).toBe('second');
    expect(sheet.getRange('B5').getFormula()).toBe('=X(A3)');
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(1, 3);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['two'], ['three']]);
    expect(sheet.getMaxRows()).toBe(999);
  });

  it('columns insert after and before, shifting everything right', () => {
    const {sheet} = setup();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.insertColumnAfter(1);
    sheet.insertColumnsBefore(1, 2);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([
      ['', '', 'a', '', 'b', 'c'],
    ]);
    sheet.deleteColumn(4);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([
      ['', '', 'a', 'b', 'c'],
    ]);
    expect(sheet.getMaxColumns()).toBe(28);
  });

  it('inserted rows take the formats and validation of the row they are inserted next to', () => {
    const {sheet, app} = setup();
    const rule = app.newDataValidation().requireCheckbox().build();
    sheet.getRange('B2:B3').setDataValidation(rule).setNumberFormat('0.00');
    sheet.insertRowsAfter(3, 2);
    expect(sheet.getRange('B5').getDataValidation()?.getCriteriaType()).toBe(
      app.DataValidationCriteria.CHECKBOX,
    );
    expect(sheet.getRange('B5').getNumberFormat()).toBe('0.00');
    expect(sheet.getRange('B6').getDataValidation()).toBeNull();
  });

  it('refuses out-of-bounds and all-rows deletions with the real messages', () => {
    const {sheet} = setup();
    expect(thrown(() => sheet.deleteRows(999, 5)).message).toBe(
      'Those rows are out of bounds.',
    );
    expect(thrown(() => sheet.insertRowsAfter(1001, 1)).message).toBe(
      'Those rows are out of bounds.',
    );
    expect(thrown(() => sheet.deleteColumns(20, 10)).message).toBe(
      'Those columns are out of bounds.',
    );
    expect(thrown(() => sheet.deleteRows(1, 1000)).message).toBe(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    sheet.setFrozenRows(1);
    expect(thrown(() => sheet.deleteRows(2, 999)).message).toBe(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(thrown(() => sheet.deleteColumns(1, 26)).message).toBe(
      'Sorry, it is not possible to delete all non-frozen columns.',
    );
  });

  it('frozen rows grow when rows are inserted among them and shrink when deleted', () => {
    const {sheet} = setup();
    sheet.setFrozenRows(2);
    sheet.insertRowBefore(1);
    expect(sheet.getFrozenRows()).toBe(3);
    sheet.deleteRow(2);
    expect(sheet.getFrozenRows()).toBe(2);
    sheet.insertRowAfter(5);
    expect(sheet.getFrozenRows()).toBe(2);
    sheet.setFrozenColumns(1);
    expect(sheet.getFrozenColumns()).toBe(1);
  });
});

describe('the 10,000,000-cell limit', () => {
  it('refuses an insertion that would cross the limit, with the real message', () => {
    const {sheet} = setup(undefined, {cellLimit: 30_000});
    expect(thrown(() => sheet.insertRowsAfter(1000, 200)).message).toBe(
      'This action would increase the number of cells in the workbook above the limit of 30000 cells.',
    );
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.insertRowsAfter(1000, 100);
    expect(sheet.getMaxRows()).toBe(1100);
  });

  it('defaults to 10,000,000 cells and counts every sheet', () => {
    const {ss, model} = setup();
    expect(model.cellLimit).toBe(10_000_000);
    const big = ss.insertSheet('Big');
    big.insertRowsAfter(1000, 300_000);
    expect(model.cellCount()).toBe(26_000 + 301_000 * 26);
    expect(thrown(() => big.insertColumnsAfter(26, 10)).message).toBe(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
    expect(
      thrown(() => ss.insertSheet('More').insertRowsAfter(1000, 100_000)).name,
    ).toBe('Exception');
  });

  it('stops at 18,278 columns', () => {
    const {sheet} = setup();
    expect(thrown(() => sheet.insertColumnsAfter(26, 18_253)).message).toBe(
      'This action would increase the number of columns in the sheet above the limit of 18278 columns.',
    );
  });

  it('appendRow on a full file fails instead of growing past the limit', () => {
    const {sheet} = setup(undefined, {cellLimit: 26_000});
    sheet.getRange(1000, 1).setValue('last');
    expect(thrown(() => sheet.appendRow(['x'])).message).toMatch(
      /above the limit of 26000 cells/,
    );
  });

  it('a loaded file is sized at least 1000 × 26 unless that padding would cross the limit', () => {
    const small = SpreadsheetModel.fromWorkbook({
      sheets: [{name: 'S', values: [['a', 'b']]}],
    });
    expect([small.sheets[0].maxRows, small.sheets[0].maxColumns]).toEqual([
      1000, 26,
    ]);
    const values = Array.from({length: 2000}, () => ['x', 'y', 'z']);
    const tight = SpreadsheetModel.fromWorkbook(
      {sheets: [{name: 'T', values}]},
      {cellLimit: 10_000},
    );
    expect([tight.sheets[0].maxRows, tight.sheets[0].maxColumns]).toEqual([
      2000, 3,
    ]);
  });
});

describe('sheets', () => {
  it('names are unique regardless of case, with the real message', () => {
    const {ss} = setup();
    ss.insertSheet('Interactions');
    expect(thrown(() => ss.insertSheet('interactions')).message).toBe(
      'A sheet with the name "interactions" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('INTERACTIONS')?.getName()).toBe('Interactions');
    expect(ss.getSheetByName('Missing')).toBeNull();
  });

  it('insertSheet names, positions and activates the new sheet', () => {
    const {ss} = setup();
    const second = ss.insertSheet();
    expect(second.getName()).toBe('Sheet2');
    const first = ss.insertSheet('Front', 0);
    expect(first.getIndex()).toBe(1);
    expect(ss.getSheets().map(s => s.getName())).toEqual([
      'Front',
      'Sheet1',
      'Sheet2',
    ]);
    expect(ss.getActiveSheet().getName()).toBe('Front');
    expect(new Set(ss.getSheets().map(s => s.getSheetId())).size).toBe(3);
  });

  it('the last sheet cannot be deleted, nor every sheet hidden', () => {
    const {ss, sheet} = setup();
    expect(thrown(() => ss.deleteSheet(sheet)).message).toBe(
      "You can't remove all the sheets in a document.",
    );
    expect(thrown(() => sheet.hideSheet()).message).toBe(
      "You can't hide all the sheets in a document.",
    );
    const other = ss.insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    ss.deleteSheet(other);
    expect(ss.getSheets()).toHaveLength(1);
  });

  it('renaming follows the same uniqueness rule', () => {
    const {ss, sheet} = setup();
    ss.insertSheet('Log');
    expect(thrown(() => sheet.setName('log')).name).toBe('Exception');
    sheet.setName('Tracker');
    expect(ss.getSheetByName('Tracker')?.getSheetId()).toBe(sheet.getSheetId());
  });
});

describe('named ranges', () => {
  it('follow their cells when rows are inserted above and die with them', () => {
    const {ss, sheet} = setup();
    ss.setNamedRange('Scores', sheet.getRange('B2:B5'));
    sheet.insertRowsBefore(1, 3);
    expect(ss.getRangeByName('Scores')?.getA1Notation()).toBe('B5:B8');
    sheet.insertRowAfter(6);
    expect(ss.getRangeByName('Scores')?.getA1Notation()).toBe('B5:B9');
    sheet.deleteColumn(2);
    expect(ss.getRangeByName('Scores')).toBeNull();
  });

  it('can be listed, renamed and removed', () => {
    const {ss, sheet} = setup();
    ss.setNamedRange('Log_Start', sheet.getRange('A1'));
    expect(ss.getNamedRanges().map(n => n.getName())).toEqual(['Log_Start']);
    expect(sheet.getNamedRanges()).toHaveLength(1);
    ss.getNamedRanges()[0].setName('LogStart');
    expect(ss.getRangeByName('LogStart')?.getA1Notation()).toBe('A1');
    ss.removeNamedRange('LogStart');
    expect(ss.getRangeByName('LogStart')).toBeNull();
    expect(
      thrown(() => ss.setNamedRange('A1', sheet.getRange('A1'))).name,
    ).toBe('Exception');
  });
});

describe('merges, sizes and recorded styles', () => {
  it('merging keeps the top-left value only; merged header cells are reported', () => {
    const {sheet} = setup();
    sheet.getRange('A1:C1').setValues([['Header', 'b', 'c']]);
    sheet.getRange('A1:C1').merge();
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['Header', '', '']]);
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(true);
    expect(
      sheet
        .getRange('A1:D2')
        .getMergedRanges()
        .map(r => r.getA1Notation()),
    ).toEqual(['A1:C1']);
    expect(thrown(() => sheet.getRange('B1:D1').breakApart()).message).toBe(
      'You must select all cells in a merged range to merge or unmerge them.',
    );
    sheet.getRange('A1:C1').breakApart();
    expect(sheet.getRange('B1').isPartOfMerge()).toBe(false);
  });

  it('records column widths, fonts and backgrounds', () => {
    const {sheet, app} = setup();
    sheet.setColumnWidth(2, 240).setColumnWidths(3, 2, 50);
    expect([
      sheet.getColumnWidth(1),
      sheet.getColumnWidth(2),
      sheet.getColumnWidth(4),
    ]).toEqual([100, 240, 50]);
    sheet
      .getRange('A1:C1')
      .setFontWeight('bold')
      .setBackground('#eeeeee')
      .setWrap(true);
    expect(sheet.getRange('B1').getFontWeight()).toBe('bold');
    expect(sheet.getRange('A1:B2').getBackgrounds()).toEqual([
      ['#eeeeee', '#eeeeee'],
      ['#ffffff', '#ffffff'],
    ]);
    expect(sheet.getRange('C1').getWrapStrategy()).toBe(app.WrapStrategy.WRAP);
    sheet.getRange('A1:C1').clearFormat();
    expect(sheet.getRange('B1').getFontWeight()).toBe('normal');
  });

  it('clear() empties contents and formats but keeps checkboxes, as Sheets does', () => {
    const {sheet} = setup();
    sheet.getRange('A1:A2').insertCheckboxes().setNumberFormat('0.00');
    sheet.getRange('A1').check();
    sheet.getRange('A1:A2').clear();
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[''], ['']]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
    expect(sheet.getRange('A1').getDataValidation()).not.toBeNull();
  });
});
