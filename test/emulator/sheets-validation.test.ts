import {Range} from '../../emulator/sheets';
import {setup, thrown} from './sheets-fake-host';

describe('data validation builder', () => {
  it('round-trips a list rule through a range', () => {
    const {app, sheet} = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['donor', 'volunteer', 'advocate'], false)
      .setAllowInvalid(false)
      .setHelpText('Pick a relationship')
      .build();
    sheet.getRange('C2:C100').setDataValidation(rule);
    const back = sheet.getRange('C50').getDataValidation()!;
    expect(back.getCriteriaType()).toBe(
      app.DataValidationCriteria.VALUE_IN_LIST,
    );
    expect(String(back.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(back.getCriteriaValues()).toEqual([
      ['donor', 'volunteer', 'advocate'],
      false,
    ]);
    expect(back.getAllowInvalid()).toBe(false);
    expect(back.getHelpText()).toBe('Pick a relationship');
    expect(sheet.getRange('C1').getDataValidation()).toBeNull();
  });

  it('defaults: dropdown shown, invalid input allowed, no help text', () => {
    const {app} = setup();
    const rule = app.newDataValidation().requireValueInList(['a']).build();
    expect(rule.getCriteriaValues()).toEqual([['a'], true]);
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getHelpText()).toBeNull();
  });

  it('number, date and range rules keep their arguments', () => {
    const {app, sheet} = setup();
    const from = new Date('2026-01-01T00:00:00Z');
    expect(
      app
        .newDataValidation()
        .requireNumberBetween(0, 100)
        .build()
        .getCriteriaValues(),
    ).toEqual([0, 100]);
    expect(
      app
        .newDataValidation()
        .requireDateAfter(from)
        .build()
        .getCriteriaValues(),
    ).toEqual([from]);
    expect(
      String(app.newDataValidation().requireDate().build().getCriteriaType()),
    ).toBe('DATE_IS_VALID_DATE');
    const listed = app
      .newDataValidation()
      .requireValueInRange(sheet.getRange('Z1:Z5'))
      .build();
    const [range, dropdown] = listed.getCriteriaValues() as [Range, boolean];
    expect(range.getA1Notation()).toBe('Z1:Z5');
    expect(dropdown).toBe(true);
  });

  it('copy() gives a builder to change a rule without touching the original', () => {
    const {app, sheet} = setup();
    sheet
      .getRange('A1')
      .setDataValidation(
        app.newDataValidation().requireNumberBetween(1, 5).build(),
      );
    const changed = sheet
      .getRange('A1')
      .getDataValidation()!
      .copy()
      .requireNumberBetween(1, 10)
      .build();
    sheet.getRange('A2').setDataValidation(changed);
    expect(
      sheet.getRange('A1').getDataValidation()!.getCriteriaValues(),
    ).toEqual([1, 5]);
    expect(
      sheet.getRange('A2').getDataValidation()!.getCriteriaValues(),
    ).toEqual([1, 10]);
  });

  it('wrong argument types are signature mismatches', () => {
    const {app} = setup();
    expect(
      thrown(() =>
        app.newDataValidation().requireNumberBetween('1' as never, 2),
      ).message,
    ).toBe(
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireNumberBetween.",
    );
  });

  it('a column of identical rules is one rectangle, not a rule per cell', () => {
    const {app, sheet, model} = setup();
    const rule = app.newDataValidation().requireCheckbox().build();
    sheet
      .getRange('A2:A1000')
      .setDataValidations(Array.from({length: 999}, () => [rule]));
    expect(model.sheets[0].validations.entries()).toHaveLength(1);
  });

  it('clearDataValidations removes rules', () => {
    const {app, sheet} = setup();
    sheet
      .getRange('A1:B2')
      .setDataValidation(app.newDataValidation().requireTextIsEmail().build());
    sheet.getRange('A1:A2').clearDataValidations();
    expect(
      sheet
        .getRange('A1:B1')
        .getDataValidations()
        .map(row => row.map(v => v !== null)),
    ).toEqual([[false, true]]);
  });
});

describe('checkboxes', () => {
  it('insertCheckboxes sets FALSE and a checkbox rule; check/uncheck/isChecked follow', () => {
    const {sheet, app} = setup();
    const range = sheet.getRange('E2:E4');
    range.insertCheckboxes();
    expect(range.getValues()).toEqual([[false], [false], [false]]);
    expect(range.getDisplayValues()).toEqual([['FALSE'], ['FALSE'], ['FALSE']]);
    expect(range.getDataValidation()!.getCriteriaType()).toBe(
      app.DataValidationCriteria.CHECKBOX,
    );
    expect(range.isChecked()).toBe(false);
    sheet.getRange('E3').check();
    expect(range.isChecked()).toBeNull();
    range.check();
    expect(range.isChecked()).toBe(true);
    range.uncheck();
    expect(range.getValues()).toEqual([[false], [false], [false]]);
    expect(sheet.getRange('F2').isChecked()).toBeNull();
  });

  it('custom checkbox values', () => {
    const {sheet} = setup();
    const range = sheet.getRange('A1:A2');
    range.insertCheckboxes('yes', 'no');
    expect(range.getValues()).toEqual([['no'], ['no']]);
    sheet.getRange('A1').check();
    expect(sheet.getRange('A1').getValue()).toBe('yes');
    expect(sheet.getRange('A1').isChecked()).toBe(true);
  });

  it('removeCheckboxes clears ticked/unticked values and the rule, keeping other values', () => {
    const {sheet} = setup();
    sheet.getRange('A1:A3').insertCheckboxes();
    sheet.getRange('A2').setValue('kept');
    sheet.getRange('A1:A3').removeCheckboxes();
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[''], ['kept'], ['']]);
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });
});
