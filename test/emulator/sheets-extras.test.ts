import {setup, thrown} from './sheets-fake-host';

describe('charts are recorded for the dashboard', () => {
  it('newChart → build → insertChart records type, ranges, options and position', () => {
    const {app, sheet, model} = setup();
    const chart = sheet
      .newChart()
      .setChartType(app.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:C13'))
      .setPosition(2, 6, 10, 20)
      .setOption('title', 'Value by month')
      .setNumHeaders(1)
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [record] = model.sheets[0].charts;
    expect(record).toEqual({
      chartId: 1,
      type: 'COLUMN',
      ranges: [{sheetId: 0, rect: {r1: 1, c1: 1, r2: 13, c2: 3}}],
      options: {title: 'Value by month'},
      anchorRow: 2,
      anchorColumn: 6,
      offsetX: 10,
      offsetY: 20,
      numHeaders: 1,
    });
    const [listed] = sheet.getCharts();
    expect(listed.getRanges().map(r => r.getA1Notation())).toEqual(['A1:C13']);
    expect(listed.getOptions().get('title')).toBe('Value by month');
    expect(listed.getContainerInfo().getAnchorColumn()).toBe(6);
  });

  it('charts can be modified, updated and removed', () => {
    const {sheet, model} = setup();
    sheet.insertChart(
      sheet.newChart().asPieChart().addRange(sheet.getRange('A1:B5')).build(),
    );
    const [chart] = sheet.getCharts();
    sheet.updateChart(
      chart.modify().asBarChart().setOption('title', 'Now bars').build(),
    );
    expect(model.sheets[0].charts.map(c => [c.type, c.options.title])).toEqual([
      ['BAR', 'Now bars'],
    ]);
    sheet.removeChart(sheet.getCharts()[0]);
    expect(sheet.getCharts()).toEqual([]);
  });

  it('a chart anchor moves with inserted rows', () => {
    const {sheet, model} = setup();
    sheet.insertChart(
      sheet
        .newChart()
        .asLineChart()
        .addRange(sheet.getRange('A1:B5'))
        .setPosition(10, 1, 0, 0)
        .build(),
    );
    sheet.insertRowsBefore(1, 5);
    expect(model.sheets[0].charts[0]).toMatchObject({
      anchorRow: 15,
      ranges: [{rect: {r1: 6, r2: 10}}],
    });
  });

  it('a chart needs a type', () => {
    const {sheet} = setup();
    expect(thrown(() => sheet.newChart().build()).name).toBe('Exception');
  });
});

describe('protections and filters are recorded', () => {
  it('protect() a range or a sheet', () => {
    const {app, ss, sheet} = setup();
    const protection = sheet
      .getRange('A1:K1')
      .protect()
      .setDescription('Log headers')
      .setWarningOnly(true);
    expect(String(protection.getProtectionType())).toBe('RANGE');
    expect(protection.getRange().getA1Notation()).toBe('A1:K1');
    sheet.protect().addEditor('me@example.org');
    expect(
      sheet
        .protect()
        .getEditors()
        .map(u => u.getEmail()),
    ).toEqual(['me@example.org']);
    expect(
      ss.getProtections(app.ProtectionType.RANGE).map(p => p.getDescription()),
    ).toEqual(['Log headers']);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    protection.remove();
    expect(ss.getProtections(app.ProtectionType.RANGE)).toEqual([]);
  });

  it('one filter per sheet, with the real message', () => {
    const {sheet} = setup();
    const filter = sheet.getRange('A1:C10').createFilter();
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe('A1:C10');
    expect(thrown(() => sheet.getRange('A1:B2').createFilter()).message).toBe(
      "You can't create a filter in a sheet that already has a filter.",
    );
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
  });
});

describe('sorting', () => {
  it('Range.sort orders rows, numbers before text, blanks last; rows keep their notes', () => {
    const {sheet} = setup();
    sheet.getRange('A1:B5').setValues([
      ['pear', 1],
      ['', 2],
      [10, 3],
      ['Apple', 4],
      [2, 5],
    ]);
    sheet.getRange('A4').setNote('apple note');
    sheet.getRange('A1:B5').sort(1);
    expect(sheet.getRange('A1:B5').getValues()).toEqual([
      [2, 5],
      [10, 3],
      ['Apple', 4],
      ['pear', 1],
      ['', 2],
    ]);
    expect(sheet.getRange('A3').getNote()).toBe('apple note');
    sheet.getRange('A1:B5').sort({column: 2, ascending: false});
    expect(sheet.getRange('B1:B5').getValues()).toEqual([
      [5],
      [4],
      [3],
      [2],
      [1],
    ]);
  });

  it('Sheet.sort leaves frozen header rows in place', () => {
    const {sheet} = setup();
    sheet.getRange('A1:A4').setValues([['Score'], [3], [1], [2]]);
    sheet.setFrozenRows(1);
    sheet.sort(1, false);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([
      ['Score'],
      [3],
      [2],
      [1],
    ]);
  });
});
