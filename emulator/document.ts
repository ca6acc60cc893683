/**
 * The spreadsheet the add-on is bound to, seen from the runtime: the sheets
 * model (emulator/sheets) plus what the runtime does to it from outside any
 * script — a user typing or selecting, formulas listed for the
 * custom-function recompute and their results written back. The cell rules
 * themselves (typed input, spills, #REF!) are the sheets helpers'.
 */
import type {FormulaDocument} from './custom-functions';
import {EmulatorUsageError} from './exception';
import type {Host} from './host';
import {
  ApiContext,
  FormulaCell,
  Spreadsheet,
  SpreadsheetModel,
  SpreadsheetRegistry,
  applyUserEdit,
  cellA1,
  createSpreadsheetApp,
  formulaError,
  listFormulaCells,
  parseA1,
  resolveArgument,
  writeFormulaError,
  writeFormulaResult,
} from './sheets';
import {quoteSheetName, resolveA1, formatA1} from './sheets/a1';
import {activeSheetModel} from './sheets/selection';
import {rangeFromA1} from './sheets/sheet';
import type {SheetModel} from './sheets/sheet-model';
import type {WorkbookData} from './workbook';

export interface DocumentOptions {
  workbook?: WorkbookData;
  /** The sheets model's exportState() from an earlier run. */
  state?: unknown;
  name?: string;
  timeZone: string;
  cellLimit?: number;
  /** The user whose cursor userSelect moves. */
  user: string;
}

/** What onEdit reports for a typed value (e.value / e.oldValue, absent when empty). */
export interface UserEdit {
  /** The edited cell, sheet-qualified ('Supporters!B3'). */
  a1: string;
  value?: string;
  oldValue?: string;
}

export class BoundDocument implements FormulaDocument {
  readonly model: SpreadsheetModel;
  readonly registry: SpreadsheetRegistry;

  constructor(options: DocumentOptions) {
    this.model = SpreadsheetModel.fromWorkbook(
      options.workbook ?? {sheets: []},
      {
        name: options.name,
        timeZone: options.timeZone,
        cellLimit: options.cellLimit,
      },
    );
    if (options.state !== undefined) this.model.applyState(options.state);
    this.registry = new SpreadsheetRegistry({user: () => options.user});
    this.registry.add(this.model);
  }

  get id(): string {
    return this.model.id;
  }

  /** The SpreadsheetApp global for one execution. */
  spreadsheetApp(host: Host): object {
    return createSpreadsheetApp(host, this.registry);
  }

  /** The bound spreadsheet as a script object (e.source). */
  spreadsheet(host: Host): object {
    return new Spreadsheet(this.context(host), this.model);
  }

  /** A range as a script object (e.range). */
  range(host: Host, a1: string): object {
    const ctx = this.context(host);
    return rangeFromA1(ctx, this.model, activeSheetModel(ctx, this.model), a1);
  }

  /** A user typing into one cell ('Sheet!B3', or 'B3' on the active sheet). */
  type(host: Host, a1: string, text: string, now: Date): UserEdit {
    const {sheet, row, col} = this.cell(host, a1);
    const edit = applyUserEdit(this.model, sheet.name, row, col, text, now);
    return {a1: `${quoteSheetName(sheet.name)}!${cellA1(row, col)}`, ...edit};
  }

  /** Moves the user's cursor; returns the selection, sheet-qualified. */
  select(host: Host, a1: string): string {
    const {sheet, ref} = this.resolve(host, a1);
    const local = formatA1(
      resolveA1(ref, sheet.maxRows, sheet.maxColumns),
      sheet.maxRows,
      sheet.maxColumns,
    );
    this.registry.select(this.model, sheet.name, local);
    return `${quoteSheetName(sheet.name)}!${local}`;
  }

  // ---- formulas: the custom-function recompute -----------------------------

  formulaCells(): FormulaCell[] {
    return listFormulaCells(this.model);
  }

  argument(
    ref: {sheet: string | null; a1: string},
    fromSheet: string,
  ): unknown {
    return resolveArgument(this.model, ref, fromSheet);
  }

  writeResult(cell: FormulaCell, result: unknown): void {
    writeFormulaResult(this.model, cell.sheet, cell.row, cell.col, result);
  }

  writeError(cell: FormulaCell, message: string): void {
    writeFormulaError(this.model, cell.sheet, cell.row, cell.col, message);
  }

  /** Why a formula cell ('Sheet!B2') shows #ERROR! or #REF! (its tooltip), or null. */
  formulaError(a1: string): string | null {
    const ref = parseA1(a1);
    if (!ref?.sheetName || !ref.start.row || !ref.start.col) {
      throw new EmulatorUsageError(`Name the sheet and the cell: ${a1}`);
    }
    return formulaError(
      this.model,
      ref.sheetName,
      ref.start.row,
      ref.start.col,
    );
  }

  toWorkbook(): WorkbookData {
    return this.model.toWorkbook();
  }

  exportState(): unknown {
    return this.model.exportState();
  }

  // ---- internals -------------------------------------------------------

  private context(host: Host): ApiContext {
    return {host, resolver: this.registry};
  }

  private resolve(
    host: Host,
    a1: string,
  ): {sheet: SheetModel; ref: NonNullable<ReturnType<typeof parseA1>>} {
    const ref = parseA1(a1);
    if (!ref) throw new EmulatorUsageError(`Not an A1 reference: ${a1}`);
    const sheet =
      ref.sheetName === null
        ? activeSheetModel(this.context(host), this.model)
        : this.model.sheetByName(ref.sheetName);
    if (!sheet) throw new EmulatorUsageError(`No sheet named ${ref.sheetName}`);
    return {sheet, ref};
  }

  private cell(
    host: Host,
    a1: string,
  ): {sheet: SheetModel; row: number; col: number} {
    const {sheet, ref} = this.resolve(host, a1);
    const rect = resolveA1(ref, sheet.maxRows, sheet.maxColumns);
    if (rect.r1 !== rect.r2 || rect.c1 !== rect.c2) {
      throw new EmulatorUsageError(`userEdit types into one cell, not ${a1}`);
    }
    return {sheet, row: rect.r1, col: rect.c1};
  }
}
