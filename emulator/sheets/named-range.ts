/** Named ranges: a name for a block of one sheet that follows its rows and columns. */
import {ApiContext, instrument} from './context';
import {exception, signatureMismatch} from './errors';
import type {SpreadsheetModel} from './model';
import {Range} from './range';
import type {NamedRangeRecord} from './records';

/**
 * Sheets' rule for names: letters, digits and underscores, not starting with
 * a digit, not TRUE/FALSE, not shaped like a cell reference, 1–250 chars.
 */
function checkName(name: string): void {
  const valid =
    /^[A-Za-z_][A-Za-z0-9_]{0,249}$/.test(name) &&
    !/^(true|false)$/i.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  if (!valid) {
    throw exception(
      `The name "${name}" is not a valid name for a named range.`,
    );
  }
}

function find(
  model: SpreadsheetModel,
  name: string,
): NamedRangeRecord | undefined {
  return model.namedRanges.find(
    n => n.name.toLowerCase() === name.toLowerCase(),
  );
}

function existing(model: SpreadsheetModel, name: string): NamedRangeRecord {
  const record = find(model, name);
  if (!record) throw exception(`Named range "${name}" does not exist.`);
  return record;
}

/** Names a range, replacing an existing range of the same name. */
export function setNamedRange(
  model: SpreadsheetModel,
  name: string,
  range: Range,
): void {
  checkName(name);
  const record: NamedRangeRecord = {
    name,
    sheetId: range.sheetModel.sheetId,
    rect: {...range.rect},
  };
  model.namedRanges = [
    ...model.namedRanges.filter(n => n !== find(model, name)),
    record,
  ];
}

export function rangeByName(
  ctx: ApiContext,
  model: SpreadsheetModel,
  name: string,
): Range | null {
  const record = find(model, name);
  const sheet = record && model.sheetById(record.sheetId);
  return record && sheet
    ? new Range(ctx, model, sheet, {...record.rect})
    : null;
}

/** All named ranges, or those on one sheet. */
export function namedRangesOf(
  ctx: ApiContext,
  model: SpreadsheetModel,
  sheetId?: number,
): NamedRange[] {
  return model.namedRanges
    .filter(n => sheetId === undefined || n.sheetId === sheetId)
    .map(n => new NamedRange(ctx, model, n.name));
}

export function removeNamedRange(model: SpreadsheetModel, name: string): void {
  const record = existing(model, name);
  model.namedRanges = model.namedRanges.filter(n => n !== record);
}

export class NamedRange {
  constructor(
    readonly ctx: ApiContext,
    readonly spreadsheetModel: SpreadsheetModel,
    private name: string,
  ) {}

  getName(): string {
    return this.name;
  }

  getRange(): Range {
    const range = rangeByName(this.ctx, this.spreadsheetModel, this.name);
    if (!range) throw exception(`Named range "${this.name}" does not exist.`);
    return range;
  }

  setName(name: string): NamedRange {
    if (typeof name !== 'string')
      throw signatureMismatch('NamedRange.setName', [name]);
    const record = existing(this.spreadsheetModel, this.name);
    checkName(name);
    record.name = name;
    this.name = name;
    return this;
  }

  setRange(range: Range): NamedRange {
    if (!(range instanceof Range))
      throw signatureMismatch('NamedRange.setRange', [range]);
    setNamedRange(this.spreadsheetModel, this.name, range);
    return this;
  }

  remove(): void {
    removeNamedRange(this.spreadsheetModel, this.name);
  }
}
instrument(NamedRange, 'NamedRange');
