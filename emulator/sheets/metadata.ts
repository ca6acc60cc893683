/**
 * Developer metadata: key/value pairs attached to the spreadsheet, a sheet,
 * or whole rows/columns. Row and column metadata moves with its rows or
 * columns and dies with them (model.ts shifts the records). Finder scopes
 * follow Google's reference: a sheet's finder sees the sheet's own metadata
 * and its rows'/columns'; a range's finder sees row/column metadata wholly
 * inside the range, or merely touching it after onIntersectingLocations().
 */
import {ApiContext, builderAccess, instrument} from './context';
import {
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  EnumValue,
  LocationTypeName,
  VisibilityName,
  enumName,
} from './enums';
import {exception, signatureMismatch} from './errors';
import type {SpreadsheetModel} from './model';
import type {MetadataLocation, MetadataRecord} from './records';
import {Rect} from './rect';
import {Range} from './range';
import {Sheet} from './sheet';
import {Spreadsheet} from './spreadsheet';

/** Reads addDeveloperMetadata's overloads: (key), (key, visibility), (key, value), (key, value, visibility). */
function metadataArgs(
  method: string,
  args: ArrayLike<unknown>,
): {key: string; value: string | null; visibility: VisibilityName} {
  const [key, second, third] = Array.from(args);
  if (typeof key !== 'string' || args.length < 1 || args.length > 3) {
    throw signatureMismatch(method, args);
  }
  if (args.length === 1) return {key, value: null, visibility: 'DOCUMENT'};
  const secondVisibility = enumName(DeveloperMetadataVisibility, second);
  if (args.length === 2 && secondVisibility) {
    return {key, value: null, visibility: secondVisibility};
  }
  if (typeof second !== 'string') throw signatureMismatch(method, args);
  if (args.length === 2) return {key, value: second, visibility: 'DOCUMENT'};
  const visibility = enumName(DeveloperMetadataVisibility, third);
  if (!visibility) throw signatureMismatch(method, args);
  return {key, value: second, visibility};
}

export function addMetadata(
  model: SpreadsheetModel,
  location: MetadataLocation,
  method: string,
  args: ArrayLike<unknown>,
): void {
  const {key, value, visibility} = metadataArgs(method, args);
  model.metadata.push({
    id: model.counters.metadata++,
    key,
    value,
    visibility,
    location,
  });
}

export function metadataAt(
  ctx: ApiContext,
  model: SpreadsheetModel,
  test: (location: MetadataLocation) => boolean,
): DeveloperMetadata[] {
  return model.metadata
    .filter(m => test(m.location))
    .map(m => new DeveloperMetadata(ctx, model, m.id));
}

/** Where a finder looks. */
export type FinderScope =
  | {kind: 'spreadsheet'}
  | {kind: 'sheet'; sheetId: number}
  | {
      kind: 'range';
      sheetId: number;
      rect: Rect;
      maxRows: number;
      maxColumns: number;
    };

function inScope(
  location: MetadataLocation,
  scope: FinderScope,
  intersecting: boolean,
): boolean {
  if (scope.kind === 'spreadsheet') return true;
  if (location.type === 'SPREADSHEET') return false;
  if (location.sheetId !== scope.sheetId) return false;
  if (scope.kind === 'sheet') return true;
  if (location.type === 'SHEET') return false;
  const {rect} = scope;
  const [lo, hi] =
    location.type === 'ROW' ? [rect.r1, rect.r2] : [rect.c1, rect.c2];
  if (intersecting) return location.start <= hi && location.end >= lo;
  const across =
    location.type === 'ROW'
      ? rect.c1 === 1 && rect.c2 === scope.maxColumns
      : rect.r1 === 1 && rect.r2 === scope.maxRows;
  return across && location.start >= lo && location.end <= hi;
}

export class DeveloperMetadataFinder {
  private criteria: {
    id?: number;
    key?: string;
    value?: string;
    locationType?: LocationTypeName;
    visibility?: VisibilityName;
  } = {};
  private intersecting = false;

  constructor(
    readonly ctx: ApiContext,
    private readonly model: SpreadsheetModel,
    private readonly scope: FinderScope,
  ) {}

  find(): DeveloperMetadata[] {
    const c = this.criteria;
    return this.model.metadata
      .filter(
        m =>
          (c.id === undefined || m.id === c.id) &&
          (c.key === undefined || m.key === c.key) &&
          (c.value === undefined || m.value === c.value) &&
          (c.locationType === undefined ||
            m.location.type === c.locationType) &&
          (c.visibility === undefined || m.visibility === c.visibility) &&
          inScope(m.location, this.scope, this.intersecting),
      )
      .map(m => new DeveloperMetadata(this.ctx, this.model, m.id));
  }

  onIntersectingLocations(): DeveloperMetadataFinder {
    this.intersecting = true;
    return this;
  }

  withId(id: number): DeveloperMetadataFinder {
    if (typeof id !== 'number')
      throw signatureMismatch('DeveloperMetadataFinder.withId', [id]);
    this.criteria.id = id;
    return this;
  }

  withKey(key: string): DeveloperMetadataFinder {
    if (typeof key !== 'string')
      throw signatureMismatch('DeveloperMetadataFinder.withKey', [key]);
    this.criteria.key = key;
    return this;
  }

  withValue(value: string): DeveloperMetadataFinder {
    if (typeof value !== 'string') {
      throw signatureMismatch('DeveloperMetadataFinder.withValue', [value]);
    }
    this.criteria.value = value;
    return this;
  }

  withLocationType(locationType: EnumValue): DeveloperMetadataFinder {
    const name = enumName(DeveloperMetadataLocationType, locationType);
    if (!name)
      throw signatureMismatch('DeveloperMetadataFinder.withLocationType', [
        locationType,
      ]);
    this.criteria.locationType = name;
    return this;
  }

  withVisibility(visibility: EnumValue): DeveloperMetadataFinder {
    const name = enumName(DeveloperMetadataVisibility, visibility);
    if (!name)
      throw signatureMismatch('DeveloperMetadataFinder.withVisibility', [
        visibility,
      ]);
    this.criteria.visibility = name;
    return this;
  }
}
instrument(DeveloperMetadataFinder, 'DeveloperMetadataFinder', builderAccess);

function record(model: SpreadsheetModel, id: number): MetadataRecord {
  const found = model.metadata.find(m => m.id === id);
  if (!found)
    throw exception(`Developer metadata with id ${id} no longer exists.`);
  return found;
}

function replace(
  model: SpreadsheetModel,
  id: number,
  change: Partial<MetadataRecord>,
): void {
  model.metadata = model.metadata.map(m =>
    m.id === id ? {...m, ...change} : m,
  );
}

export class DeveloperMetadata {
  constructor(
    readonly ctx: ApiContext,
    private readonly model: SpreadsheetModel,
    private readonly id: number,
  ) {}

  getId(): number {
    return this.id;
  }

  getKey(): string {
    return record(this.model, this.id).key;
  }

  getValue(): string | null {
    return record(this.model, this.id).value;
  }

  getVisibility(): EnumValue {
    return DeveloperMetadataVisibility[record(this.model, this.id).visibility];
  }

  getLocation(): DeveloperMetadataLocation {
    return new DeveloperMetadataLocation(
      this.ctx,
      this.model,
      record(this.model, this.id).location,
    );
  }

  setKey(key: string): DeveloperMetadata {
    if (typeof key !== 'string')
      throw signatureMismatch('DeveloperMetadata.setKey', [key]);
    replace(this.model, this.id, {key});
    return this;
  }

  setValue(value: string): DeveloperMetadata {
    if (typeof value !== 'string')
      throw signatureMismatch('DeveloperMetadata.setValue', [value]);
    replace(this.model, this.id, {value});
    return this;
  }

  setVisibility(visibility: EnumValue): DeveloperMetadata {
    const name = enumName(DeveloperMetadataVisibility, visibility);
    if (!name)
      throw signatureMismatch('DeveloperMetadata.setVisibility', [visibility]);
    replace(this.model, this.id, {visibility: name});
    return this;
  }

  remove(): void {
    record(this.model, this.id);
    this.model.metadata = this.model.metadata.filter(m => m.id !== this.id);
  }

  moveToColumn(column: Range): DeveloperMetadata {
    if (!(column instanceof Range))
      throw signatureMismatch('DeveloperMetadata.moveToColumn', [column]);
    const rect = column.rect;
    replace(this.model, this.id, {
      location: {
        type: 'COLUMN',
        sheetId: column.sheetModel.sheetId,
        start: rect.c1,
        end: rect.c2,
      },
    });
    return this;
  }

  moveToRow(row: Range): DeveloperMetadata {
    if (!(row instanceof Range))
      throw signatureMismatch('DeveloperMetadata.moveToRow', [row]);
    const rect = row.rect;
    replace(this.model, this.id, {
      location: {
        type: 'ROW',
        sheetId: row.sheetModel.sheetId,
        start: rect.r1,
        end: rect.r2,
      },
    });
    return this;
  }

  moveToSheet(sheet: Sheet): DeveloperMetadata {
    if (!(sheet instanceof Sheet))
      throw signatureMismatch('DeveloperMetadata.moveToSheet', [sheet]);
    replace(this.model, this.id, {
      location: {type: 'SHEET', sheetId: sheet.sheetModel.sheetId},
    });
    return this;
  }

  moveToSpreadsheet(spreadsheet: Spreadsheet): DeveloperMetadata {
    if (!(spreadsheet instanceof Spreadsheet)) {
      throw signatureMismatch('DeveloperMetadata.moveToSpreadsheet', [
        spreadsheet,
      ]);
    }
    replace(this.model, this.id, {location: {type: 'SPREADSHEET'}});
    return this;
  }
}
instrument(DeveloperMetadata, 'DeveloperMetadata');

export class DeveloperMetadataLocation {
  constructor(
    readonly ctx: ApiContext,
    private readonly model: SpreadsheetModel,
    private readonly location: MetadataLocation,
  ) {}

  getLocationType(): EnumValue {
    return DeveloperMetadataLocationType[this.location.type];
  }

  getSpreadsheet(): Spreadsheet | null {
    return this.location.type === 'SPREADSHEET'
      ? new Spreadsheet(this.ctx, this.model)
      : null;
  }

  getSheet(): Sheet | null {
    const loc = this.location;
    if (loc.type !== 'SHEET') return null;
    const sheet = this.model.sheetById(loc.sheetId);
    return sheet && new Sheet(this.ctx, this.model, sheet);
  }

  getRow(): Range | null {
    const loc = this.location;
    if (loc.type !== 'ROW') return null;
    const sheet = this.model.sheetById(loc.sheetId);
    return (
      sheet &&
      new Range(this.ctx, this.model, sheet, {
        r1: loc.start,
        c1: 1,
        r2: loc.end,
        c2: sheet.maxColumns,
      })
    );
  }

  getColumn(): Range | null {
    const loc = this.location;
    if (loc.type !== 'COLUMN') return null;
    const sheet = this.model.sheetById(loc.sheetId);
    return (
      sheet &&
      new Range(this.ctx, this.model, sheet, {
        r1: 1,
        c1: loc.start,
        r2: sheet.maxRows,
        c2: loc.end,
      })
    );
  }
}
instrument(DeveloperMetadataLocation, 'DeveloperMetadataLocation');
