import {Range, Sheet, Spreadsheet} from '../../emulator/sheets';
import {setup, thrown} from './sheets-fake-host';

describe('every call is counted as Class.method', () => {
  it('counts each method call once, including calls made through chaining', () => {
    const {app, host} = setup();
    const sheet = app.getActiveSpreadsheet()!.getSheetByName('Sheet1')!;
    sheet.getRange(1, 1, 2, 2).setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('A1').getValue();
    sheet.getDataRange().getValues();
    expect(Object.fromEntries(host.counts)).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 2,
      'Range.setValues': 1,
      'Range.getValue': 1,
      'Sheet.getDataRange': 1,
      'Range.getValues': 1,
    });
  });

  it('one batched write costs one call; a cell-by-cell loop costs one per cell', () => {
    const {sheet, host} = setup();
    sheet
      .getRange(1, 1, 100, 20)
      .setValues(Array.from({length: 100}, () => new Array(20).fill(1)));
    const batched = host.total();
    host.counts.clear();
    for (let r = 1; r <= 10; r++)
      for (let c = 1; c <= 10; c++) sheet.getRange(r, c).setValue(2);
    expect(batched).toBe(2);
    expect(host.total()).toBe(200);
  });

  it('builders, finders and metadata objects are counted too', () => {
    const {app, sheet, host} = setup();
    const rule = app.newDataValidation().requireCheckbox().build();
    sheet.getRange('A1').setDataValidation(rule);
    sheet.createDeveloperMetadataFinder().withKey('k').find();
    expect(host.counts.get('SpreadsheetApp.newDataValidation')).toBe(1);
    expect(host.counts.get('DataValidationBuilder.requireCheckbox')).toBe(1);
    expect(host.counts.get('DataValidationBuilder.build')).toBe(1);
    expect(host.counts.get('DeveloperMetadataFinder.withKey')).toBe(1);
    expect(host.counts.get('DeveloperMetadataFinder.find')).toBe(1);
  });
});

describe('access checks', () => {
  it('reads are checked as read and writes as write, before the call runs', () => {
    const {sheet, host} = setup();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('A1').getValues();
    sheet.insertRowAfter(1);
    sheet.getRange('1:1').addDeveloperMetadata('k');
    expect(host.checks).toEqual([
      ['Sheet.getRange', 'read'],
      ['Range.setValue', 'write'],
      ['Sheet.getRange', 'read'],
      ['Range.getValues', 'read'],
      ['Sheet.insertRowAfter', 'write'],
      ['Sheet.getRange', 'read'],
      ['Range.addDeveloperMetadata', 'write'],
    ]);
  });

  it('a refused write (as in a custom function) changes nothing', () => {
    const {sheet, host} = setup();
    sheet.getRange('A1').setValue('before');
    host.refuse = (method, access) =>
      access === 'write'
        ? `You do not have permission to call ${method}`
        : null;
    expect(() => sheet.getRange('A1').setValue('after')).toThrow(
      'You do not have permission to call Range.setValue',
    );
    expect(sheet.getRange('A1').getValue()).toBe('before');
  });

  it('every set*, insert*, delete*, clear*, append* method is classed as a write', () => {
    const {sheet, ss, host} = setup();
    const range = sheet.getRange('A1');
    const objects: Array<[string, object]> = [
      ['Range', range],
      ['Sheet', sheet],
      ['Spreadsheet', ss],
    ];
    host.checks.length = 0;
    const writers =
      /^(set|insert|delete|clear|append|remove|add|merge|hide|show|protect|sort|check|uncheck)/;
    for (const [className, object] of objects) {
      const proto = Object.getPrototypeOf(object) as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(proto)) {
        if (!writers.test(method)) continue;
        try {
          (proto[method] as () => unknown).call(object);
        } catch {
          // Bad arguments are fine: only the access check matters here.
        }
        expect(host.checks.pop()).toEqual([`${className}.${method}`, 'write']);
      }
    }
  });
});

describe('the host hears about changed cells', () => {
  it('after writes, inserts and clears, but not after reads or formatting', () => {
    const {sheet, host} = setup();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('A1').getValues();
    sheet.getRange('A1').setNumberFormat('0.00');
    sheet.appendRow(['x']);
    sheet.deleteRow(5);
    sheet.getRange('A1').clearContent();
    expect(host.changed).toEqual(['Sheet1', 'Sheet1', 'Sheet1', 'Sheet1']);
  });
});

describe('SpreadsheetApp', () => {
  it('getActiveSpreadsheet is null in a time-driven trigger; openById still works there', () => {
    const {app, host, model} = setup();
    host.timeTrigger = true;
    expect(app.getActiveSpreadsheet()).toBeNull();
    expect(app.getActiveSheet()).toBeNull();
    expect(app.getActiveRange()).toBeNull();
    const opened = app.openById(model.id);
    expect(opened).toBeInstanceOf(Spreadsheet);
    expect(opened.getUrl()).toBe(
      `https://docs.google.com/spreadsheets/d/${model.id}/edit`,
    );
    expect(app.openByUrl(opened.getUrl()).getId()).toBe(model.id);
  });

  it('openById of an unknown file fails like Apps Script', () => {
    const {app} = setup();
    expect(thrown(() => app.openById('nope')).message).toBe(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  it('selection: active sheet, range and current cell follow activate()', () => {
    const {app, ss, registry, model} = setup();
    const log = ss.insertSheet('Log');
    expect(app.getActiveSheet()!.getName()).toBe('Log');
    ss.getSheetByName('Sheet1')!.getRange('B2:C4').activate();
    expect(app.getActiveSheet()!.getName()).toBe('Sheet1');
    expect(app.getActiveRange()!.getA1Notation()).toBe('B2:C4');
    expect(app.getCurrentCell()!.getA1Notation()).toBe('B2');
    expect(
      app.getSelection()!.getActiveRangeList().getRanges()[0].getA1Notation(),
    ).toBe('B2:C4');
    registry.select(model, 'Log', 'D7');
    expect(app.getActiveRange()!.getSheet().getName()).toBe('Log');
    expect(app.getCurrentCell()!.getA1Notation()).toBe('D7');
    app.setActiveSheet(ss.getSheets()[0]);
    expect(app.getActiveSheet()!.getName()).toBe('Sheet1');
    ss.deleteSheet(ss.getSheets()[0]);
    expect(app.getActiveSheet()!.getName()).toBe(log.getName());
  });

  it('toast and getUi go to the host; flush is a counted no-op', () => {
    const {app, ss, host} = setup();
    ss.toast('Saved', 'Whuffie');
    ss.toast('Default timeout');
    expect(host.toasts).toEqual([
      ['Saved', 'Whuffie', 5],
      ['Default timeout', '', 5],
    ]);
    expect(app.getUi()).toEqual({ui: true});
    app.flush();
    expect(host.counts.get('SpreadsheetApp.flush')).toBe(1);
  });

  it('enums print as their names and are distinct objects', () => {
    const {app} = setup();
    expect(String(app.DataValidationCriteria.CHECKBOX)).toBe('CHECKBOX');
    expect(app.ProtectionType.SHEET.name()).toBe('SHEET');
    expect(JSON.stringify({t: app.ChartType.LINE})).toBe('{"t":"LINE"}');
    expect(app.DeveloperMetadataVisibility.PROJECT).not.toBe('PROJECT');
  });

  it('returns wrapper objects of the expected classes', () => {
    const {app} = setup();
    expect(app.getActiveSheet()).toBeInstanceOf(Sheet);
    expect(app.getActiveRange()).toBeInstanceOf(Range);
  });

  it('time zone is validated and drives display', () => {
    const {ss, sheet} = setup();
    sheet
      .getRange('A1')
      .setValue(new Date('2026-01-01T03:00:00Z'))
      .setNumberFormat('yyyy-mm-dd hh:mm');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2025-12-31 22:00');
    ss.setSpreadsheetTimeZone('Asia/Tokyo');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026-01-01 12:00');
    expect(thrown(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).name).toBe(
      'Exception',
    );
  });
});
