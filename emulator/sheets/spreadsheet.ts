/** Spreadsheet: the file — its tabs, named ranges, metadata, time zone and the user's cursor. */
import {ApiContext, instrument} from './context';
import type {EnumValue} from './enums';
import {exception, signatureMismatch} from './errors';
import {
  DeveloperMetadata,
  DeveloperMetadataFinder,
  addMetadata,
  metadataAt,
} from './metadata';
import type {SpreadsheetModel} from './model';
import {
  NamedRange,
  namedRangesOf,
  rangeByName,
  removeNamedRange,
  setNamedRange,
} from './named-range';
import {Protection, protectionsOf} from './protection';
import {Range} from './range';
import {
  RangeList,
  Selection,
  activateSheet,
  activeRange,
  activeSheetModel,
  currentCell,
  resetSelection,
  selectRect,
} from './selection';
import {Sheet, rangeFromA1} from './sheet';
import {isValidTimeZone} from './zones';

/** Reads insertSheet's overloads: (), (index), (name), (name, index), each with optional options. */
function insertSheetArgs(args: unknown[]): {name?: string; index?: number} {
  const given = args.filter(a => a !== undefined);
  const [first, second] = given;
  const isOptions = (v: unknown) => v !== null && typeof v === 'object';
  if (given.length === 0) return {};
  if (typeof first === 'number') {
    if (given.length === 1 || (given.length === 2 && isOptions(second)))
      return {index: first};
  } else if (typeof first === 'string') {
    if (given.length === 1 || (given.length === 2 && isOptions(second)))
      return {name: first};
    if (
      typeof second === 'number' &&
      (given.length === 2 || isOptions(given[2]))
    ) {
      return {name: first, index: second};
    }
  }
  throw signatureMismatch('Spreadsheet.insertSheet', args, true);
}

export class Spreadsheet {
  constructor(
    readonly ctx: ApiContext,
    readonly spreadsheetModel: SpreadsheetModel,
  ) {}

  toString(): string {
    return 'Spreadsheet';
  }

  getId(): string {
    return this.spreadsheetModel.id;
  }

  getName(): string {
    return this.spreadsheetModel.name;
  }

  rename(newName: string): void {
    if (typeof newName !== 'string')
      throw signatureMismatch('Spreadsheet.rename', [newName]);
    this.spreadsheetModel.name = newName;
  }

  getUrl(): string {
    return this.spreadsheetModel.url;
  }

  getSpreadsheetTimeZone(): string {
    return this.spreadsheetModel.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    if (typeof timezone !== 'string') {
      throw signatureMismatch('Spreadsheet.setSpreadsheetTimeZone', [timezone]);
    }
    if (!isValidTimeZone(timezone))
      throw exception('Invalid argument: timeZone');
    this.spreadsheetModel.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    return 'en_US';
  }

  // --- sheets ---

  getSheets(): Sheet[] {
    return this.spreadsheetModel.sheets.map(
      s => new Sheet(this.ctx, this.spreadsheetModel, s),
    );
  }

  getNumSheets(): number {
    return this.spreadsheetModel.sheets.length;
  }

  getSheetByName(name: string): Sheet | null {
    if (typeof name !== 'string')
      throw signatureMismatch('Spreadsheet.getSheetByName', [name]);
    const sheet = this.spreadsheetModel.sheetByName(name);
    return sheet && new Sheet(this.ctx, this.spreadsheetModel, sheet);
  }

  getSheetById(id: number): Sheet | null {
    if (typeof id !== 'number')
      throw signatureMismatch('Spreadsheet.getSheetById', [id]);
    const sheet = this.spreadsheetModel.sheetById(id);
    return sheet && new Sheet(this.ctx, this.spreadsheetModel, sheet);
  }

  /** insertSheet(), (sheetIndex), (sheetName), (sheetName, sheetIndex); the new sheet becomes active. */
  insertSheet(...args: unknown[]): Sheet {
    const {name, index} = insertSheetArgs(args);
    const sheet = this.spreadsheetModel.addSheet(name, index);
    resetSelection(this.ctx.resolver.selection(this.spreadsheetModel), sheet);
    return new Sheet(this.ctx, this.spreadsheetModel, sheet);
  }

  deleteSheet(sheet: Sheet): void {
    if (
      !(sheet instanceof Sheet) ||
      sheet.spreadsheetModel !== this.spreadsheetModel
    ) {
      throw signatureMismatch('Spreadsheet.deleteSheet', [sheet]);
    }
    this.spreadsheetModel.removeSheet(sheet.sheetModel);
    activeSheetModel(this.ctx, this.spreadsheetModel);
  }

  getActiveSheet(): Sheet {
    return new Sheet(
      this.ctx,
      this.spreadsheetModel,
      activeSheetModel(this.ctx, this.spreadsheetModel),
    );
  }

  setActiveSheet(sheet: Sheet): Sheet {
    if (
      !(sheet instanceof Sheet) ||
      sheet.spreadsheetModel !== this.spreadsheetModel
    ) {
      throw signatureMismatch('Spreadsheet.setActiveSheet', [sheet]);
    }
    activateSheet(
      this.ctx.resolver.selection(this.spreadsheetModel),
      sheet.sheetModel,
    );
    return sheet;
  }

  /** Moves the active sheet to a 1-based tab position. */
  moveActiveSheet(pos: number): void {
    if (typeof pos !== 'number')
      throw signatureMismatch('Spreadsheet.moveActiveSheet', [pos]);
    const sheet = activeSheetModel(this.ctx, this.spreadsheetModel);
    this.spreadsheetModel.moveSheet(sheet, pos - 1);
  }

  getActiveRange(): Range {
    return activeRange(this.ctx, this.spreadsheetModel);
  }

  getActiveRangeList(): RangeList {
    return new RangeList(this.ctx, [
      activeRange(this.ctx, this.spreadsheetModel),
    ]);
  }

  getActiveCell(): Range {
    return currentCell(this.ctx, this.spreadsheetModel);
  }

  getCurrentCell(): Range {
    return currentCell(this.ctx, this.spreadsheetModel);
  }

  getSelection(): Selection {
    return new Selection(this.ctx, this.spreadsheetModel);
  }

  setActiveRange(range: Range): Range {
    if (
      !(range instanceof Range) ||
      range.spreadsheetModel !== this.spreadsheetModel
    ) {
      throw signatureMismatch('Spreadsheet.setActiveRange', [range]);
    }
    selectRect(
      this.ctx.resolver.selection(this.spreadsheetModel),
      range.sheetModel.sheetId,
      range.rect,
    );
    return range;
  }

  // --- ranges ---

  /** A1 notation, optionally sheet-qualified ('Reach out today'!A1); unqualified means the active sheet. */
  getRange(a1Notation: string): Range {
    if (typeof a1Notation !== 'string')
      throw signatureMismatch('Spreadsheet.getRange', [a1Notation]);
    const active = activeSheetModel(this.ctx, this.spreadsheetModel);
    return rangeFromA1(this.ctx, this.spreadsheetModel, active, a1Notation);
  }

  getRangeByName(name: string): Range | null {
    if (typeof name !== 'string')
      throw signatureMismatch('Spreadsheet.getRangeByName', [name]);
    return rangeByName(this.ctx, this.spreadsheetModel, name);
  }

  setNamedRange(name: string, range: Range): void {
    if (typeof name !== 'string' || !(range instanceof Range)) {
      throw signatureMismatch('Spreadsheet.setNamedRange', [name, range]);
    }
    setNamedRange(this.spreadsheetModel, name, range);
  }

  getNamedRanges(): NamedRange[] {
    return namedRangesOf(this.ctx, this.spreadsheetModel);
  }

  removeNamedRange(name: string): void {
    if (typeof name !== 'string')
      throw signatureMismatch('Spreadsheet.removeNamedRange', [name]);
    removeNamedRange(this.spreadsheetModel, name);
  }

  // --- developer metadata ---

  /** (key), (key, visibility), (key, value) or (key, value, visibility). */
  addDeveloperMetadata(
    ...args: [key: string, valueOrVisibility?: unknown, visibility?: unknown]
  ): Spreadsheet {
    addMetadata(
      this.spreadsheetModel,
      {type: 'SPREADSHEET'},
      'Spreadsheet.addDeveloperMetadata',
      args,
    );
    return this;
  }

  /** The file's own metadata (not its sheets', rows' or columns'). */
  getDeveloperMetadata(): DeveloperMetadata[] {
    return metadataAt(
      this.ctx,
      this.spreadsheetModel,
      loc => loc.type === 'SPREADSHEET',
    );
  }

  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this.ctx, this.spreadsheetModel, {
      kind: 'spreadsheet',
    });
  }

  // --- protections, toasts ---

  getProtections(type: EnumValue): Protection[] {
    return protectionsOf(
      this.ctx,
      this.spreadsheetModel,
      this.spreadsheetModel.sheets,
      type,
      'Spreadsheet.getProtections',
    );
  }

  /** Shows a toast (the host decides where); title defaults to '', timeout to 5 s. */
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    if (timeoutSeconds !== undefined && typeof timeoutSeconds !== 'number') {
      throw signatureMismatch('Spreadsheet.toast', [
        msg,
        title,
        timeoutSeconds,
      ]);
    }
    this.ctx.host.toast(
      String(msg ?? ''),
      title === undefined || title === null ? '' : String(title),
      timeoutSeconds === undefined ? 5 : (timeoutSeconds as number),
    );
  }
}
instrument(Spreadsheet, 'Spreadsheet');
