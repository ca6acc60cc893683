/**
 * Writes the Dashboard sheet from its layout in a constant number of calls,
 * whatever the size of the log: one call each for formats, values, notes and
 * weights over the whole grid, one for the sparkline formulas, a few per
 * chart. Formats go on before the values, so names (text from outside) land
 * in plain-text cells and can never become formulas. A rebuild removes this
 * sheet's old charts before inserting the new ones, and touches no other
 * sheet.
 */
import {
  ChartSpec,
  DASHBOARD_SHEET_NAME,
  DashboardLayout,
  RANGE_CELLS,
} from '../core/dashboard';
import {insertSheetQuietly} from './ui';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What the user typed in From and To ('' when the sheet is new). */
export function readDashboardRange(ss: Spreadsheet): {
  from: unknown;
  to: unknown;
} {
  const sheet = ss.getSheetByName(DASHBOARD_SHEET_NAME);
  if (!sheet) return {from: '', to: ''};
  const [[from], [to]] = sheet
    .getRange(RANGE_CELLS.row, RANGE_CELLS.column, RANGE_CELLS.rows, 1)
    .getValues();
  return {from, to};
}

const CHART_WIDTH = 560;
const CHART_HEIGHT = 340;

function insertChart(sheet: Sheet, spec: ChartSpec): void {
  const builder = sheet.newChart();
  const typed =
    spec.type === 'COLUMN'
      ? builder.asColumnChart()
      : spec.type === 'LINE'
        ? builder.asLineChart()
        : builder.asBarChart();
  if (spec.stacked) typed.setOption('isStacked', true);
  const {row, column, rows, columns} = spec.range;
  const chart = typed
    .addRange(sheet.getRange(row, column, rows, columns))
    .setNumHeaders(1)
    .setOption('title', spec.title)
    .setOption('width', CHART_WIDTH)
    .setOption('height', CHART_HEIGHT)
    .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
    .build();
  sheet.insertChart(chart);
}

export function writeDashboardSheet(
  ss: Spreadsheet,
  layout: DashboardLayout,
): Sheet {
  const sheet =
    ss.getSheetByName(DASHBOARD_SHEET_NAME) ??
    insertSheetQuietly(ss, DASHBOARD_SHEET_NAME);
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.clear();
  sheet.clearNotes();
  const height = layout.values.length;
  const width = layout.values[0].length;
  const maxRows = sheet.getMaxRows();
  if (height > maxRows) sheet.insertRowsAfter(maxRows, height - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (width > maxColumns) {
    sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  }
  sheet
    .getRange(1, 1, height, width)
    .setNumberFormats(layout.formats)
    .setValues(layout.values)
    .setNotes(layout.notes)
    .setFontWeights(layout.weights);
  const f = layout.formulas;
  if (f) {
    sheet
      .getRange(f.row, f.column, f.formulas.length, f.formulas[0].length)
      .setFormulas(f.formulas);
  }
  for (const spec of layout.charts) insertChart(sheet, spec);
  return sheet;
}
