/**
 * .xlsx files through exceljs: every sheet, values, formulas with their
 * cached results, dates as real dates. What is written opens in Google
 * Sheets, Excel and LibreOffice without recalculating: each formula carries
 * the value the emulator computed, so a reader that does not know our custom
 * functions still shows the right numbers.
 */
import ExcelJS from 'exceljs';
import {wallTimeToInstant} from '../../src/core/dates';
import {UserError} from '../../src/core/errors';
import {parseA1} from '../sheets/a1';
import {offsetAt} from '../sheets/zones';
import type {CellValue, SheetData, WorkbookData} from '../workbook';

/** Error values Excel and LibreOffice understand in a formula's result. */
const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
]);

const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Every sheet of an .xlsx file; `shown` names the file in errors. */
export async function readXlsx(
  bytes: Uint8Array,
  timeZone: string,
  shown: string,
): Promise<WorkbookData> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; any Uint8Array works at run time.
    await workbook.xlsx.load(
      bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0],
    );
  } catch {
    throw new UserError(`cannot read ${shown}: it is not a valid .xlsx file`);
  }
  return {
    sheets: workbook.worksheets.map(sheet => readSheet(sheet, timeZone)),
  };
}

function readSheet(worksheet: ExcelJS.Worksheet, timeZone: string): SheetData {
  const values: CellValue[][] = [];
  const formulas: Record<string, string> = {};
  worksheet.eachRow((row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell((cell, colNumber) => {
      const value = cellValue(cell, timeZone);
      if (cell.type === ExcelJS.ValueType.Formula && cell.formula) {
        formulas[cell.address] = `=${cell.formula}`;
      }
      if (value === '') return;
      while (cells.length < colNumber - 1) cells.push('');
      cells[colNumber - 1] = value;
    });
    while (values.length < rowNumber - 1) values.push([]);
    values[rowNumber - 1] = cells;
  });
  return Object.keys(formulas).length
    ? {name: worksheet.name, values, formulas}
    : {name: worksheet.name, values};
}

function cellValue(cell: ExcelJS.Cell, timeZone: string): CellValue {
  switch (cell.type) {
    case ExcelJS.ValueType.Formula:
      return plainValue(cell.result, timeZone);
    // The other cells of a merged range repeat the first one's value in
    // exceljs; in Sheets they are empty.
    case ExcelJS.ValueType.Merge:
      return '';
    default:
      return plainValue(cell.value, timeZone);
  }
}

/** A cell's value or a formula's cached result as Sheets' getValues() has it. */
function plainValue(value: unknown, timeZone: string): CellValue {
  if (value === null || value === undefined) return '';
  // exceljs reads a date's wall-clock fields as if they were UTC.
  if (value instanceof Date)
    return wallTimeToInstant(value.getTime(), timeZone);
  if (['string', 'number', 'boolean'].includes(typeof value)) {
    return value as CellValue;
  }
  const object = value as {
    error?: string;
    richText?: {text: string}[];
    text?: unknown;
  };
  if (object.error) return object.error;
  if (object.richText) return object.richText.map(run => run.text).join('');
  // A hyperlink: the cell shows its text (itself plain or rich).
  if (object.text !== undefined) return plainValue(object.text, timeZone);
  return '';
}

export interface XlsxWriteOptions {
  timeZone: string;
  /** Rows to keep frozen at the top of a sheet (0 = none). */
  frozenRows?: (sheetName: string) => number;
}

/**
 * Writes the workbook to `path`. exceljs' streaming writer, because its
 * in-memory one takes minutes and gigabytes on a 50,000-row tracker with a
 * large log; rows are written in order and let go as they are committed.
 */
export async function writeXlsx(
  path: string,
  data: WorkbookData,
  options: XlsxWriteOptions,
): Promise<void> {
  data.sheets.forEach(sheet => checkSheetName(sheet.name));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  });
  for (const sheet of data.sheets) {
    const frozen = options.frozenRows?.(sheet.name) ?? 0;
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: frozen ? [{state: 'frozen', ySplit: frozen}] : [],
    });
    const formulas = formulasByRow(sheet.formulas ?? {});
    let rows = sheet.values.length;
    for (const r of formulas.keys()) rows = Math.max(rows, r);
    for (let r = 1; r <= rows; r++) {
      const row = worksheet.getRow(r);
      (sheet.values[r - 1] ?? []).forEach((value, c) => {
        if (value !== '')
          writeValue(row.getCell(c + 1), value, options.timeZone);
      });
      for (const [col, formula] of formulas.get(r) ?? []) {
        const cell = row.getCell(col);
        cell.value = {
          formula: formula.replace(/^=/, ''),
          result: formulaResult(cell.value),
        } as ExcelJS.CellFormulaValue;
      }
      row.commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/** `{B2: '=…'}` → row 2 → [[2, '=…']]: the streaming writer goes row by row. */
function formulasByRow(
  formulas: Record<string, string>,
): Map<number, [number, string][]> {
  const byRow = new Map<number, [number, string][]>();
  for (const [address, formula] of Object.entries(formulas)) {
    const {row, col} = parseA1(address)?.start ?? {};
    if (!row || !col) continue;
    byRow.set(row, [...(byRow.get(row) ?? []), [col, formula]]);
  }
  return byRow;
}

function writeValue(
  cell: ExcelJS.Cell,
  value: CellValue,
  timeZone: string,
): void {
  if (value instanceof Date) {
    // exceljs writes a Date's UTC fields as the wall clock.
    const clock = new Date(
      value.getTime() + offsetAt(timeZone, value.getTime()),
    );
    cell.value = clock;
    cell.numFmt = isMidnight(clock) ? DATE_FORMAT : DATE_TIME_FORMAT;
  } else {
    // A string stays a string cell even when it starts with '=': only
    // entries of `formulas` become formulas.
    cell.value = value;
  }
}

function isMidnight(clock: Date): boolean {
  return clock.getTime() % 86_400_000 === 0;
}

function formulaResult(
  value: ExcelJS.CellValue,
): ExcelJS.CellFormulaValue['result'] {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && ERROR_VALUES.has(value)) {
    return {error: value as ExcelJS.CellErrorValue['error']};
  }
  return value as ExcelJS.CellFormulaValue['result'];
}

/**
 * Excel refuses sheet names longer than 31 characters or holding : \ / ? * [ ]
 * (Sheets allows them). Failing with the name beats exceljs' silent
 * truncation, which could merge two sheets' names into one.
 */
function checkSheetName(name: string): void {
  const rules: [boolean, string][] = [
    [name.length > 31, 'is longer than 31 characters'],
    [/[:\\/?*[\]]/.test(name), 'contains one of : \\ / ? * [ ]'],
    [/^'|'$/.test(name), 'starts or ends with an apostrophe'],
    [name.toLowerCase() === 'history', 'is reserved by Excel'],
  ];
  const problem = rules.find(([broken]) => broken)?.[1];
  if (problem) {
    throw new UserError(
      `the sheet name "${name}" ${problem}, which .xlsx files do not allow; rename the sheet or write .csv`,
    );
  }
}
