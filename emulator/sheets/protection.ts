/**
 * Protected ranges and sheets, recorded (the emulator runs as an editor of
 * every protection, so nothing is refused; the dashboard and tests can see
 * what the add-on protected).
 */
import {ApiContext, instrument} from './context';
import {EnumValue, ProtectionType, enumName} from './enums';
import {exception, signatureMismatch} from './errors';
import type {SpreadsheetModel} from './model';
import {Range} from './range';
import type {ProtectionRecord} from './records';
import type {Rect} from './rect';
import type {SheetModel} from './sheet-model';

export function addProtection(
  ctx: ApiContext,
  model: SpreadsheetModel,
  sheet: SheetModel,
  type: ProtectionRecord['type'],
  rect: Rect | null,
): Protection {
  const existing =
    type === 'SHEET'
      ? sheet.protections.find(p => p.type === 'SHEET')
      : undefined;
  if (existing) return new Protection(ctx, model, sheet, existing.id);
  const id = model.counters.protection++;
  sheet.protections.push({
    id,
    type,
    rect,
    description: '',
    warningOnly: false,
    editors: [],
    unprotected: [],
  });
  return new Protection(ctx, model, sheet, id);
}

/** getProtections(type) of Sheet and Spreadsheet: the given sheets' protections of that type. */
export function protectionsOf(
  ctx: ApiContext,
  model: SpreadsheetModel,
  sheets: SheetModel[],
  type: EnumValue,
  method: string,
): Protection[] {
  const name = enumName(ProtectionType, type);
  if (!name) throw signatureMismatch(method, [type]);
  return sheets.flatMap(sheet =>
    sheet.protections
      .filter(p => p.type === name)
      .map(p => new Protection(ctx, model, sheet, p.id)),
  );
}

/** A user as Protection.getEditors() lists them. */
export interface EditorUser {
  getEmail(): string;
}

function record(protection: Protection): ProtectionRecord {
  const found = protection.sheetModel.protections.find(
    p => p.id === protection.protectionId,
  );
  if (!found) throw exception('This protection has been removed.');
  return found;
}

function emails(method: string, value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(item => {
    if (typeof item === 'string') return item;
    const email = (item as Partial<EditorUser> | null)?.getEmail;
    if (typeof email === 'function') return String(email.call(item));
    throw signatureMismatch(method, [value]);
  });
}

export class Protection {
  constructor(
    readonly ctx: ApiContext,
    readonly spreadsheetModel: SpreadsheetModel,
    readonly sheetModel: SheetModel,
    readonly protectionId: number,
  ) {}

  getProtectionType(): EnumValue {
    return ProtectionType[record(this).type];
  }

  getDescription(): string {
    return record(this).description;
  }

  setDescription(description: string): Protection {
    if (typeof description !== 'string')
      throw signatureMismatch('Protection.setDescription', [description]);
    record(this).description = description;
    return this;
  }

  getRange(): Range {
    const rect = record(this).rect ?? this.sheetModel.bounds;
    return new Range(this.ctx, this.spreadsheetModel, this.sheetModel, {
      ...rect,
    });
  }

  setRange(range: Range): Protection {
    if (!(range instanceof Range))
      throw signatureMismatch('Protection.setRange', [range]);
    record(this).rect = {...range.rect};
    return this;
  }

  isWarningOnly(): boolean {
    return record(this).warningOnly;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    if (typeof warningOnly !== 'boolean')
      throw signatureMismatch('Protection.setWarningOnly', [warningOnly]);
    record(this).warningOnly = warningOnly;
    return this;
  }

  getEditors(): EditorUser[] {
    return record(this).editors.map(email => ({getEmail: () => email}));
  }

  addEditor(emailAddress: unknown): Protection {
    const p = record(this);
    const added = emails('Protection.addEditor', emailAddress);
    p.editors = [...new Set([...p.editors, ...added])];
    return this;
  }

  addEditors(emailAddresses: unknown[]): Protection {
    const p = record(this);
    const added = emails('Protection.addEditors', emailAddresses);
    p.editors = [...new Set([...p.editors, ...added])];
    return this;
  }

  removeEditor(emailAddress: unknown): Protection {
    const p = record(this);
    const removed = emails('Protection.removeEditor', emailAddress);
    p.editors = p.editors.filter(e => !removed.includes(e));
    return this;
  }

  removeEditors(emailAddresses: unknown[]): Protection {
    const p = record(this);
    const removed = emails('Protection.removeEditors', emailAddresses);
    p.editors = p.editors.filter(e => !removed.includes(e));
    return this;
  }

  /** The emulated user edits everything they protect. */
  canEdit(): boolean {
    return true;
  }

  getUnprotectedRanges(): Range[] {
    return record(this).unprotected.map(
      rect =>
        new Range(this.ctx, this.spreadsheetModel, this.sheetModel, {...rect}),
    );
  }

  setUnprotectedRanges(ranges: Range[]): Protection {
    if (!Array.isArray(ranges) || ranges.some(r => !(r instanceof Range))) {
      throw signatureMismatch('Protection.setUnprotectedRanges', [ranges]);
    }
    record(this).unprotected = ranges.map(r => ({...r.rect}));
    return this;
  }

  remove(): void {
    record(this);
    this.sheetModel.protections = this.sheetModel.protections.filter(
      p => p.id !== this.protectionId,
    );
  }
}
instrument(Protection, 'Protection');
