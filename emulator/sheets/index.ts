/**
 * The spreadsheet half of the emulator. The runtime needs:
 * - SpreadsheetModel (fromWorkbook / toWorkbook / exportState / applyState),
 * - createSpreadsheetApp(host, resolver) for the SpreadsheetApp global, with
 *   SpreadsheetRegistry as a ready resolver,
 * - the formula helpers (parseFormulaCall, listFormulaCells,
 *   resolveArgument, writeFormulaResult, writeFormulaError, formulaError),
 * - applyUserEdit for typing into a cell as a user,
 * - A1 helpers and rangeFromA1/activeSheetModel to build e.range / e.source
 *   for trigger events outside any script call.
 */
export {createSpreadsheetApp} from './app';
export type {SpreadsheetAppService} from './app';
export type {ApiContext, SelectionState, SpreadsheetResolver} from './context';
export {SpreadsheetRegistry} from './registry';
export type {RegistryOptions} from './registry';
export {
  DEFAULT_CELL_LIMIT,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  SpreadsheetModel,
} from './model';
export type {SpreadsheetOptions} from './model';
export {SheetModel} from './sheet-model';
export {STATE_VERSION, decodeDates, encodeDates} from './state';
export type {Json, SheetState, SpreadsheetState} from './state';
export {
  ERROR_VALUE,
  argumentSheets,
  formulaError,
  listFormulaCells,
  parseFormulaCall,
  resolveArgument,
  resultCells,
  writeFormulaError,
  writeFormulaResult,
} from './formulas';
export type {FormulaArg, FormulaCall, FormulaCell} from './formulas';
export {applyUserEdit, eventText} from './user-edit';
export type {UserEdit} from './user-edit';
export {parseTypedInput} from './typed-input';
export type {TypedValue} from './typed-input';
export {AUTOMATIC_FORMAT, TEXT_FORMAT, displayValue} from './display';
export {
  MAX_COLUMNS,
  cellA1,
  columnToLetters,
  formatA1,
  lettersToColumn,
  parseA1,
  quoteSheetName,
  resolveA1,
} from './a1';
export type {A1Ref} from './a1';
export {activeSheetModel} from './selection';
export {rangeFromA1} from './sheet';
export {
  ChartType,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  EnumValue,
  ProtectionType,
  WrapStrategy,
} from './enums';
export {exception} from './errors';
export type {
  ChartRecord,
  MetadataRecord,
  NamedRangeRecord,
  ProtectionRecord,
  ValidationRule,
} from './records';
export {Range} from './range';
export {Sheet} from './sheet';
export {Spreadsheet} from './spreadsheet';
