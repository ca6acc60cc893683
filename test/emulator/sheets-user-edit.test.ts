import {
  applyUserEdit,
  formulaError,
  listFormulaCells,
  writeFormulaResult,
} from '../../emulator/sheets';
import {setup} from './sheets-fake-host';

const NOW = new Date('2026-09-01T12:00:00Z');

describe('a user typing into a cell', () => {
  it('reports strings the way onEdit does; oldValue is absent for an empty cell', () => {
    const {model, sheet} = setup();
    expect(applyUserEdit(model, 'Sheet1', 2, 1, 'Alice', NOW)).toEqual({
      value: 'Alice',
    });
    expect(applyUserEdit(model, 'Sheet1', 2, 1, '1,000', NOW)).toEqual({
      oldValue: 'Alice',
      value: '1000',
    });
    expect(sheet.getRange('A2').getValue()).toBe(1000);
    expect(applyUserEdit(model, 'Sheet1', 2, 1, '', NOW)).toEqual({
      oldValue: '1000',
    });
  });

  it('ticking a checkbox gives "TRUE", unticking "FALSE"', () => {
    const {model, sheet} = setup();
    sheet.getRange('E2').insertCheckboxes();
    expect(applyUserEdit(model, 'Sheet1', 2, 5, 'TRUE', NOW)).toEqual({
      oldValue: 'FALSE',
      value: 'TRUE',
    });
    expect(sheet.getRange('E2').isChecked()).toBe(true);
    expect(applyUserEdit(model, 'Sheet1', 2, 5, 'FALSE', NOW)).toEqual({
      oldValue: 'TRUE',
      value: 'FALSE',
    });
  });

  it('a typed date is reported as its serial number', () => {
    const {model} = setup(undefined, {timeZone: 'Etc/UTC'});
    expect(applyUserEdit(model, 'Sheet1', 1, 1, '2026-09-01', NOW)).toEqual({
      value: '46266',
    });
  });

  it('does not go through the counted script API and never reaches the host', () => {
    const {model, host} = setup();
    applyUserEdit(model, 'Sheet1', 1, 1, 'x', NOW);
    expect(host.total()).toBe(0);
    expect(host.checks).toEqual([]);
    expect(host.changed).toEqual([]);
  });

  it('typing a formula leaves it pending for the runtime', () => {
    const {model} = setup();
    expect(applyUserEdit(model, 'Sheet1', 3, 2, '=WHUFFIE(A3)', NOW)).toEqual(
      {},
    );
    expect(listFormulaCells(model)).toEqual([
      expect.objectContaining({
        row: 3,
        col: 2,
        formula: '=WHUFFIE(A3)',
        pending: true,
      }),
    ]);
  });

  it('typing into a spilled cell blocks the spill', () => {
    const {model, sheet} = setup();
    sheet.getRange('B1').setFormula('=F()');
    writeFormulaResult(model, 'Sheet1', 1, 2, [[1], [2]]);
    applyUserEdit(model, 'Sheet1', 2, 2, 'mine', NOW);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([['#REF!'], ['mine']]);
    expect(formulaError(model, 'Sheet1', 1, 2)).toMatch(/overwrite data in B2/);
  });

  it('refuses a cell outside the grid', () => {
    const {model} = setup();
    expect(() => applyUserEdit(model, 'Sheet1', 1001, 1, 'x', NOW)).toThrow();
    expect(() => applyUserEdit(model, 'Nope', 1, 1, 'x', NOW)).toThrow(
      'No sheet named Nope',
    );
  });
});
