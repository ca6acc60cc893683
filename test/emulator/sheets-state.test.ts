import {SpreadsheetModel, writeFormulaResult} from '../../emulator/sheets';
import {setup} from './sheets-fake-host';

/** Everything a CLI run saves: the workbook cells and the JSON sidecar, through JSON text. */
function saveAndReload(model: SpreadsheetModel): SpreadsheetModel {
  const workbook = JSON.parse(JSON.stringify(model.toWorkbook()), (_, v) =>
    typeof v === 'string' && /^\d{4}-\d\d-\d\dT.*Z$/.test(v) ? new Date(v) : v,
  );
  const sidecar = JSON.parse(JSON.stringify(model.exportState()));
  const reloaded = SpreadsheetModel.fromWorkbook(workbook);
  reloaded.applyState(sidecar);
  return reloaded;
}

describe('workbook data', () => {
  it('carries values and formulas (with their last values)', () => {
    const {model, sheet} = setup();
    sheet.getRange('A1:B1').setValues([['Name', 3]]);
    sheet.getRange('C1').setFormula('=WHUFFIE(A1)');
    writeFormulaResult(model, 'Sheet1', 1, 3, 9);
    expect(model.toWorkbook()).toEqual({
      sheets: [
        {
          name: 'Sheet1',
          values: [['Name', 3, 9]],
          formulas: {C1: '=WHUFFIE(A1)'},
        },
      ],
    });
  });

  it('an empty workbook gets one sheet', () => {
    expect(
      SpreadsheetModel.fromWorkbook({sheets: []}).sheets.map(s => s.name),
    ).toEqual(['Sheet1']);
  });
});

describe('state beside the workbook', () => {
  it('is JSON-safe and restores everything the workbook cannot hold', () => {
    const {model, ss, sheet, app} = setup();
    const since = new Date('2026-01-02T03:04:05Z');
    ss.rename('Supporters');
    ss.setSpreadsheetTimeZone('Europe/Paris');
    const log = ss.insertSheet('Interactions');
    log.getRange('A1:B1').setValues([['When', 'Who']]);
    log.setFrozenRows(1);
    log.getRange('A:A').addDeveloperMetadata('whuffie.log', 'when');
    sheet.getRange('A2').setNote('loves tigers');
    sheet.getRange('B2:B9').setNumberFormat('0.0');
    sheet
      .getRange('C2:C9')
      .setDataValidation(
        app.newDataValidation().requireDateAfter(since).build(),
      );
    sheet.getRange('D2:D9').insertCheckboxes();
    sheet.getRange('A1').setFontWeight('bold');
    ss.setNamedRange('Done', sheet.getRange('D2:D9'));
    ss.insertSheet('Hidden').hideSheet();
    const chart = log
      .newChart()
      .asLineChart()
      .addRange(log.getRange('A1:B10'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Trend')
      .build();
    log.insertChart(chart);
    log.getRange('A1:B1').protect().setDescription('headers');

    const state = model.exportState();
    expect(JSON.stringify(state)).toContain(
      '{"$date":"2026-01-02T03:04:05.000Z"}',
    );
    const back = saveAndReload(model);

    expect(back.id).toBe(model.id);
    expect(back.name).toBe('Supporters');
    expect(back.timeZone).toBe('Europe/Paris');
    expect(back.sheets.map(s => [s.name, s.sheetId, s.hidden])).toEqual(
      model.sheets.map(s => [s.name, s.sheetId, s.hidden]),
    );
    const b = back.sheetByName('Sheet1')!;
    const l = back.sheetByName('Interactions')!;
    expect(b.notes.get(2, 1)).toBe('loves tigers');
    expect(b.numberFormats.get(5, 2)).toBe('0.0');
    expect(b.validations.get(3, 3)?.values[0]).toEqual(since);
    expect(b.validations.get(3, 4)?.criteria).toBe('CHECKBOX');
    expect(b.value(3, 4)).toBe(false);
    expect(b.style('fontWeight').get(1, 1)).toBe('bold');
    expect(l.frozenRows).toBe(1);
    expect(l.charts).toEqual([
      expect.objectContaining({
        type: 'LINE',
        anchorRow: 2,
        anchorColumn: 4,
        options: {title: 'Trend'},
      }),
    ]);
    expect(l.protections[0]).toMatchObject({
      type: 'RANGE',
      description: 'headers',
    });
    expect(back.metadata).toEqual(model.metadata);
    expect(back.namedRanges).toEqual(model.namedRanges);
  });

  it('chained runs keep handing out new ids', () => {
    const {model, ss} = setup();
    ss.addDeveloperMetadata('first');
    const back = saveAndReload(model);
    const first = back.metadata[0].id;
    back.metadata.push({
      id: back.counters.metadata++,
      key: 'second',
      value: null,
      visibility: 'DOCUMENT',
      location: {type: 'SPREADSHEET'},
    });
    expect(back.metadata[1].id).toBeGreaterThan(first);
    expect(back.addSheet('New').sheetId).toBeGreaterThan(
      Math.max(...model.sheets.map(s => s.sheetId)),
    );
  });

  it('spills and formula errors survive, so a later shrink still clears', () => {
    const {model, sheet} = setup();
    sheet.getRange('A1').setFormula('=F()');
    writeFormulaResult(model, 'Sheet1', 1, 1, [[1], [2], [3]]);
    const back = saveAndReload(model);
    writeFormulaResult(back, 'Sheet1', 1, 1, [[1]]);
    expect(
      back.sheetByName('Sheet1')!.readValues({r1: 1, c1: 1, r2: 3, c2: 1}),
    ).toEqual([[1], [''], ['']]);
  });

  it('refuses a state it does not understand', () => {
    const model = SpreadsheetModel.fromWorkbook({sheets: []});
    expect(() => model.applyState({version: 99})).toThrow(
      'Unsupported spreadsheet state version: 99',
    );
  });
});
