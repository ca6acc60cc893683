import {
  argumentSheets,
  formulaError,
  listFormulaCells,
  parseFormulaCall,
  resolveArgument,
  writeFormulaError,
  writeFormulaResult,
} from '../../emulator/sheets';
import {setup} from './sheets-fake-host';

describe('parsing a custom-function call', () => {
  it.each([
    ['=WHUFFIE(A2)', 'WHUFFIE', [{kind: 'ref', sheet: null, a1: 'A2'}]],
    [
      '=WHUFFIE(A2:A, Interactions!A2:K)',
      'WHUFFIE',
      [
        {kind: 'ref', sheet: null, a1: 'A2:A'},
        {kind: 'ref', sheet: 'Interactions', a1: 'A2:K'},
      ],
    ],
    [
      "=score('Reach out today'!A1, A:A)",
      'score',
      [
        {kind: 'ref', sheet: 'Reach out today', a1: 'A1'},
        {kind: 'ref', sheet: null, a1: 'A:A'},
      ],
    ],
    [
      '= RESPONSIVENESS( $B$2 , 30, "say ""hi""", TRUE )',
      'RESPONSIVENESS',
      [
        {kind: 'ref', sheet: null, a1: '$B$2'},
        {kind: 'value', value: 30},
        {kind: 'value', value: 'say "hi"'},
        {kind: 'value', value: true},
      ],
    ],
    ['=NOW()', 'NOW', []],
  ])('%s', (formula, name, args) => {
    expect(parseFormulaCall(formula)).toEqual({name, args});
  });

  it.each([
    '=A1+1',
    '=SUM(A1:A3)*2',
    '=F(G(A1))',
    'WHUFFIE(A2)',
    '=F(A1',
    '=F(-)',
  ])('%s is not a single call', formula => {
    expect(parseFormulaCall(formula)).toBeNull();
  });

  it('lists the sheets a call reads', () => {
    const call = parseFormulaCall('=WHUFFIE(A2:A, Interactions!A2:K, B2)')!;
    expect(argumentSheets(call, 'Tracker')).toEqual([
      'Tracker',
      'Interactions',
    ]);
  });
});

describe('arguments as a custom function receives them', () => {
  it('a cell is a value, a range a 2-D array; open ranges run to the last row of the grid', () => {
    const {model, sheet} = setup();
    const when = new Date('2026-05-01T10:00:00Z');
    sheet.getRange('A1:B2').setValues([
      ['x', when],
      [3, ''],
    ]);
    expect(resolveArgument(model, {sheet: null, a1: 'A2'}, 'Sheet1')).toBe(3);
    expect(
      resolveArgument(model, {sheet: 'Sheet1', a1: 'A1:B2'}, 'Other'),
    ).toEqual([
      ['x', when],
      [3, ''],
    ]);
    const open = resolveArgument(
      model,
      {sheet: null, a1: 'A2:A'},
      'Sheet1',
    ) as unknown[][];
    expect(open).toHaveLength(999);
    expect(open[0]).toEqual([3]);
    expect(open[998]).toEqual(['']);
  });

  it("a missing sheet fails with Sheets' message", () => {
    const {model} = setup();
    expect(() =>
      resolveArgument(model, {sheet: 'Gone', a1: 'A1'}, 'Sheet1'),
    ).toThrow("Unresolved sheet name 'Gone'.");
  });
});

describe('writing results', () => {
  function withFormula() {
    const env = setup();
    env.sheet.getRange('B2').setFormula('=WHUFFIE(A2:A)');
    return env;
  }

  it('a formula cell is listed as pending until its result is written', () => {
    const {model} = withFormula();
    expect(listFormulaCells(model)).toEqual([
      {
        sheet: 'Sheet1',
        row: 2,
        col: 2,
        formula: '=WHUFFIE(A2:A)',
        value: '',
        pending: true,
      },
    ]);
    writeFormulaResult(model, 'Sheet1', 2, 2, 4.5);
    expect(listFormulaCells(model)[0]).toMatchObject({
      value: 4.5,
      pending: false,
    });
  });

  it('a 2-D result spills right and down without making formulas; a 1-D one fills a column', () => {
    const {model, sheet} = withFormula();
    writeFormulaResult(model, 'Sheet1', 2, 2, [
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(sheet.getRange('B2:C3').getValues()).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(sheet.getRange('B2:C3').getFormulas()).toEqual([
      ['=WHUFFIE(A2:A)', ''],
      ['', ''],
    ]);
    writeFormulaResult(model, 'Sheet1', 2, 2, [7, 8, 9]);
    expect(sheet.getRange('B2:C4').getValues()).toEqual([
      [7, ''],
      [8, ''],
      [9, ''],
    ]);
  });

  it('spilled cells are cleared when the result shrinks', () => {
    const {model, sheet} = withFormula();
    writeFormulaResult(model, 'Sheet1', 2, 2, [[1], [2], [3], [4]]);
    writeFormulaResult(model, 'Sheet1', 2, 2, [[1], [2]]);
    expect(sheet.getRange('B2:B5').getValues()).toEqual([[1], [2], [''], ['']]);
    expect(sheet.getLastRow()).toBe(3);
  });

  it('a spill onto data shows #REF! with the real message, and clears its old spill', () => {
    const {model, sheet} = withFormula();
    writeFormulaResult(model, 'Sheet1', 2, 2, [[1], [2]]);
    sheet.getRange('B5').setValue('typed');
    writeFormulaResult(model, 'Sheet1', 2, 2, [[1], [2], [3], [4]]);
    expect(sheet.getRange('B2').getValue()).toBe('#REF!');
    expect(sheet.getRange('B3').getValue()).toBe('');
    expect(formulaError(model, 'Sheet1', 2, 2)).toBe(
      'Array result was not expanded because it would overwrite data in B5.',
    );
    sheet.getRange('B5').clearContent();
    writeFormulaResult(model, 'Sheet1', 2, 2, [[1], [2], [3], [4]]);
    expect(sheet.getRange('B2:B5').getValues()).toEqual([[1], [2], [3], [4]]);
    expect(formulaError(model, 'Sheet1', 2, 2)).toBeNull();
  });

  it('a spill past the edge of the grid asks for more rows', () => {
    const {model, sheet} = setup();
    sheet.getRange('A999').setFormula('=F()');
    writeFormulaResult(model, 'Sheet1', 999, 1, [[1], [2], [3]]);
    expect(sheet.getRange('A999').getValue()).toBe('#REF!');
    expect(formulaError(model, 'Sheet1', 999, 1)).toBe(
      'Result was not automatically expanded, please insert more rows (1).',
    );
  });

  it('a script writing into a spill blocks it; clearing a spilled cell does not', () => {
    const {model, sheet} = withFormula();
    writeFormulaResult(model, 'Sheet1', 2, 2, [[1], [2], [3]]);
    sheet.getRange('B3').clearContent();
    expect(sheet.getRange('B2:B4').getValues()).toEqual([[1], [2], [3]]);
    sheet.getRange('B4').setValue('mine');
    expect(sheet.getRange('B2:B4').getValues()).toEqual([
      ['#REF!'],
      [''],
      ['mine'],
    ]);
    expect(formulaError(model, 'Sheet1', 2, 2)).toMatch(
      /overwrite data in B4\.$/,
    );
  });

  it('overwriting the formula removes what it spilled', () => {
    const {model, sheet} = withFormula();
    writeFormulaResult(model, 'Sheet1', 2, 2, [[1], [2], [3]]);
    sheet.getRange('B2').setValue('plain');
    expect(sheet.getRange('B2:B4').getValues()).toEqual([
      ['plain'],
      [''],
      [''],
    ]);
    expect(listFormulaCells(model)).toEqual([]);
  });

  it('a thrown error shows #ERROR! and keeps the message', () => {
    const {model, sheet} = withFormula();
    writeFormulaResult(model, 'Sheet1', 2, 2, [[1], [2]]);
    writeFormulaError(model, 'Sheet1', 2, 2, 'No supporter with id 42');
    expect(sheet.getRange('B2:B3').getValues()).toEqual([['#ERROR!'], ['']]);
    expect(sheet.getRange('B2').getDisplayValue()).toBe('#ERROR!');
    expect(formulaError(model, 'Sheet1', 2, 2)).toBe('No supporter with id 42');
  });

  it('writing a result where there is no formula is a runtime bug', () => {
    const {model} = setup();
    expect(() => writeFormulaResult(model, 'Sheet1', 1, 1, 1)).toThrow(
      'Sheet1!A1 holds no formula',
    );
  });

  it('spills move with their rows', () => {
    const {model, sheet} = withFormula();
    writeFormulaResult(model, 'Sheet1', 2, 2, [[1], [2]]);
    sheet.insertRowBefore(1);
    writeFormulaResult(model, 'Sheet1', 3, 2, [[5]]);
    expect(sheet.getRange('B3:B4').getValues()).toEqual([[5], ['']]);
  });
});
