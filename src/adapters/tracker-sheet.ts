/**
 * The supporters sheet: one batch reader, and the writer that applies a
 * setup plan. Reads are a constant number of calls whatever the row count;
 * the plan only ever touches the add-on's own columns (src/core/setup.ts).
 */
import {
  cellString,
  ColumnMapping,
  ColumnValidation,
  FIELD_METADATA_KEY,
  Field,
  FixedColumn,
  isField,
  mapColumns,
  readSupporters,
  requireHeaderRow,
} from '../core/columns';
import {UserError} from '../core/errors';
import {SupporterIdentity} from '../core/handles';
import {SetupPlan} from '../core/setup';
import {
  DocumentState,
  readDocumentState,
  SavedColumns,
  writeDocumentState,
} from './document';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export interface SheetSnapshot {
  values: unknown[][];
  formulas: string[][];
  /** What developer metadata says each column holds. */
  metadata: {field: string; column: number}[];
  /** The metadata objects themselves, to remove stale entries. */
  entries: Metadata[];
}

/** Everything setup needs, in a constant number of reads. */
export function snapshotSheet(sheet: Sheet): SheetSnapshot {
  const range = sheet.getDataRange();
  return {
    values: range.getValues(),
    formulas: range.getFormulas(),
    ...readFieldMetadata(sheet),
  };
}

function validationRule(
  rule: ColumnValidation,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false);
  if (rule.type === 'checkbox') return builder.requireCheckbox().build();
  return builder
    .requireNumberGreaterThanOrEqualTo(rule.min)
    .setHelpText(rule.helpText)
    .build();
}

/**
 * Applies a plan in the order setup.ts documents: formats before values (so
 * nothing is parsed into a formula, number or date), then one setValues()
 * for all new columns, then fills, notes and metadata.
 */
export function applySetupPlan(
  sheet: Sheet,
  plan: SetupPlan,
  snapshot: SheetSnapshot,
): void {
  const block = plan.newBlock;
  if (block) {
    const width = block.values[0].length;
    const lastColumn = block.column + width - 1;
    const maxColumns = sheet.getMaxColumns();
    // setValues never grows a sheet: make room for the new columns first.
    if (lastColumn > maxColumns) {
      sheet.insertColumnsAfter(maxColumns, lastColumn - maxColumns);
    }
    const below = sheet.getMaxRows() - block.row;
    for (const column of plan.newColumns) {
      if (below > 0 && column.numberFormat) {
        sheet
          .getRange(block.row + 1, column.column, below, 1)
          .setNumberFormat(column.numberFormat);
      }
      if (column.validation && plan.lastDataRow > block.row) {
        // Checkboxes only where there are people: a FALSE checkbox counts as
        // content, and would push the next typed-in person below it.
        const rows =
          column.validation.type === 'checkbox'
            ? plan.lastDataRow - block.row
            : below;
        sheet
          .getRange(block.row + 1, column.column, rows, 1)
          .setDataValidation(validationRule(column.validation));
      }
    }
    sheet
      .getRange(block.row, block.column, block.values.length, width)
      .setValues(block.values);
    sheet
      .getRange(block.row, block.column, 1, width)
      .setNotes([plan.newColumns.map(c => c.note)])
      .setFontWeight('bold')
      .setBackground('#e8f0fe');
    for (const column of plan.newColumns) {
      if (column.hidden) sheet.hideColumns(column.column);
    }
  }
  writeFills(sheet, plan.fills, snapshot);
  writeCellNotes(sheet, plan.cellNotes);
  for (const stale of plan.metadataToRemove) {
    const index = snapshot.metadata.findIndex(
      m => m.field === stale.field && m.column === stale.column,
    );
    if (index >= 0) snapshot.entries[index].remove();
  }
  const maxRows = sheet.getMaxRows();
  for (const {field, column} of plan.metadataToWrite) {
    // Metadata on the whole column moves with it when columns are inserted,
    // moved or deleted: that is how a renamed or moved column is still found.
    sheet
      .getRange(1, column, maxRows, 1)
      .addDeveloperMetadata(FIELD_METADATA_KEY, field);
  }
}

/**
 * Empty cells of existing tracker columns (people added since the last
 * setup), one write per column: the cells in between are written back as
 * they were read. A column holding a formula in that span is written run by
 * run instead, so no formula is ever replaced by its value.
 */
function writeFills(
  sheet: Sheet,
  fills: SetupPlan['fills'],
  snapshot: SheetSnapshot,
): void {
  const byColumn = new Map<number, SetupPlan['fills']>();
  for (const run of fills) {
    byColumn.set(run.column, [...(byColumn.get(run.column) ?? []), run]);
  }
  for (const [column, runs] of byColumn) {
    const first = Math.min(...runs.map(r => r.row));
    const last = Math.max(...runs.map(r => r.row + r.values.length - 1));
    const rows = Array.from({length: last - first + 1}, (_, i) => first + i);
    if (rows.some(r => snapshot.formulas[r - 1]?.[column - 1])) {
      for (const run of runs) {
        sheet
          .getRange(run.row, column, run.values.length, 1)
          .setValues(run.values.map(v => [v]));
      }
      continue;
    }
    const values = rows.map(r => [snapshot.values[r - 1]?.[column - 1] ?? '']);
    for (const run of runs) {
      run.values.forEach((v, i) => (values[run.row - first + i][0] = v));
    }
    sheet.getRange(first, column, values.length, 1).setValues(values);
  }
}

/** Notes grouped per column: one read and one write for each column touched. */
function writeCellNotes(sheet: Sheet, notes: SetupPlan['cellNotes']): void {
  const byColumn = new Map<number, SetupPlan['cellNotes']>();
  for (const note of notes) {
    byColumn.set(note.column, [...(byColumn.get(note.column) ?? []), note]);
  }
  for (const [column, list] of byColumn) {
    const first = Math.min(...list.map(n => n.row));
    const last = Math.max(...list.map(n => n.row));
    const range = sheet.getRange(first, column, last - first + 1, 1);
    const current = range.getNotes();
    for (const note of list) current[note.row - first][0] = note.note;
    range.setNotes(current);
  }
}

export interface Tracker {
  sheet: Sheet;
  values: unknown[][];
  mapping: ColumnMapping;
  supporters: SupporterIdentity[];
  /**
   * The document state the tracker was found with: the settings, snoozes
   * and id seed a caller needs, without reading the properties again.
   */
  state: DocumentState;
}

const NOT_SET_UP =
  'This spreadsheet has no supporter tracker yet. Open the sheet that lists your supporters and choose Social CRM › Set up tracker.';

/**
 * The tracker sheet, or the UserError that says to run setup: a cheap check
 * (no cell is read) before work that must not start without a tracker.
 */
export function requireTrackerSheet(
  ss: Spreadsheet,
  state = readDocumentState(ss),
): Sheet {
  const sheet = findTrackerSheet(ss, state);
  if (!sheet) throw new UserError(NOT_SET_UP);
  return sheet;
}

/** The sheet setup was run on, or null before setup. */
export function findTrackerSheet(
  ss: Spreadsheet,
  state = readDocumentState(ss),
): Sheet | null {
  if (state.trackerSheetId === null) return null;
  return (
    ss.getSheets().find(s => s.getSheetId() === state.trackerSheetId) ?? null
  );
}

function readFieldMetadata(sheet: Sheet) {
  const entries = sheet
    .createDeveloperMetadataFinder()
    .withKey(FIELD_METADATA_KEY)
    .find();
  const metadata = entries.map(entry => ({
    field: entry.getValue() ?? '',
    column: entry.getLocation().getColumn()?.getColumn() ?? 0,
  }));
  return {entries, metadata};
}

/** The saved columns, if every saved header still stands where it was. */
function savedColumns(
  values: unknown[][],
  saved: SavedColumns | null,
): FixedColumn[] | null {
  if (!saved) return null;
  const header = values[saved.headerRow - 1] ?? [];
  const fixed: FixedColumn[] = [];
  for (const [field, [column, text]] of Object.entries(saved.fields)) {
    if (!isField(field) || cellString(header[column - 1]) !== text) return null;
    fixed.push({field, column, foundBy: 'saved mapping'});
  }
  return fixed;
}

/**
 * The tracker with its columns found the way setup left them. Developer
 * metadata follows moved and renamed columns, but reading it costs a few
 * calls per column; so the columns found last time are remembered with
 * their headers, and metadata is read again only when a header moved.
 */
export function readTracker(
  ss: Spreadsheet,
  state = readDocumentState(ss),
): Tracker {
  const sheet = requireTrackerSheet(ss, state);
  const values = sheet.getDataRange().getValues();
  const saved = savedColumns(values, state.columns);
  const headerRow = saved ? state.columns!.headerRow : requireHeaderRow(values);
  const fixed =
    saved ??
    readFieldMetadata(sheet)
      .metadata.filter(m => isField(m.field) && m.column > 0)
      .map(m => ({
        field: m.field as Field,
        column: m.column,
        foundBy: 'saved mapping' as const,
      }));
  const mapping = mapColumns(values, headerRow, {fixed});
  if (!saved) {
    const fields: SavedColumns['fields'] = {};
    for (const [field, column] of Object.entries(mapping.fields)) {
      fields[field] = [
        column!,
        cellString(values[headerRow - 1]?.[column! - 1]),
      ];
    }
    const columns = {headerRow, fields};
    writeDocumentState(ss, {columns});
    state = {...state, columns};
  }
  return {
    sheet,
    values,
    mapping,
    supporters: readSupporters(values, mapping),
    state,
  };
}

/**
 * Writes the add-on's computed columns (one value per data row each):
 * one setValues() per run of adjacent columns, whatever the row count.
 */
export function writeColumns(
  sheet: Sheet,
  firstRow: number,
  columns: {column: number; values: unknown[]}[],
): void {
  const sorted = [...columns].sort((a, b) => a.column - b.column);
  const rows = sorted[0]?.values.length ?? 0;
  if (!rows) return;
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].column === sorted[j - 1].column + 1) {
      j++;
    }
    const run = sorted.slice(i, j);
    const block = Array.from({length: rows}, (_, r) =>
      run.map(c => c.values[r]),
    );
    sheet.getRange(firstRow, run[0].column, rows, run.length).setValues(block);
    i = j;
  }
}
