/**
 * The errors SpreadsheetApp throws. Apps Script surfaces service failures as
 * `Error` objects whose `name` is 'Exception' (the log shows
 * "Exception: The starting row of the range is too small."), so scripts that
 * branch on `e.name` or match `e.message` behave here as they do in Google.
 */
import {exception} from '../exception';

export {exception};

/** How Apps Script names an argument's type in a signature mismatch. */
function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (value instanceof Date) return 'Date';
  if (Array.isArray(value)) {
    const first = value.find(item => item !== undefined && item !== null);
    return first === undefined ? 'Object[]' : `${typeName(first)}[]`;
  }
  const tag = (value as {toString?: () => string}).toString;
  const text = typeof tag === 'function' ? String(value) : '';
  return /^[A-Z]\w*$/.test(text) ? `SpreadsheetApp.${text}` : 'Object';
}

/**
 * `The parameters (String,number) don't match the method signature for
 * SpreadsheetApp.Sheet.getRange.` — what Apps Script throws when a call's
 * arguments fit none of the method's overloads. Pass `exact` with the
 * call's own argument list; otherwise `args` is the method's named
 * parameters and trailing ones left undefined were not given.
 */
export function signatureMismatch(
  method: string,
  args: ArrayLike<unknown>,
  exact = false,
): Error {
  const given = Array.from(args);
  if (!exact) {
    while (given.length && given[given.length - 1] === undefined) given.pop();
  }
  const types = given.map(typeName).join(',');
  return exception(
    `The parameters (${types}) don't match the method signature for SpreadsheetApp.${method}.`,
  );
}

/** Messages the platform uses in more than one place. */
export const MESSAGES = {
  startRow: 'The starting row of the range is too small.',
  startColumn: 'The starting column of the range is too small.',
  numRows: 'The number of rows in the range must be at least 1.',
  numColumns: 'The number of columns in the range must be at least 1.',
  outside:
    'The coordinates of the range are outside the dimensions of the sheet.',
  rangeNotFound: 'Range not found',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns:
    'Sorry, it is not possible to delete all non-frozen columns.',
  removeAllSheets: "You can't remove all the sheets in a document.",
  hideAllSheets: "You can't hide all the sheets in a document.",
  arbitraryMetadata:
    'Adding developer metadata to arbitrary ranges is not currently supported. ' +
    'Developer metadata may only be added to the top-level spreadsheet, an individual sheet, ' +
    'or an entire row or column.',
  filterExists:
    "You can't create a filter in a sheet that already has a filter.",
  cellTooLong:
    'Your input contains more than the maximum of 50000 characters in a single cell.',
  sheetExists: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  cellLimit: (limit: number) =>
    `This action would increase the number of cells in the workbook above the limit of ${limit} cells.`,
  columnLimit: (limit: number) =>
    `This action would increase the number of columns in the sheet above the limit of ${limit} columns.`,
  dataShape: (what: 'rows' | 'columns', data: number, range: number) =>
    `The number of ${what} in the data does not match the number of ${what} in the range. ` +
    `The data has ${data} but the range has ${range}.`,
  openFailed: (method: string) =>
    `Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`,
} as const;
