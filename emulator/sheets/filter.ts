/** A sheet's basic filter: its range is recorded; sorting through it reorders data rows. */
import {ApiContext, instrument} from './context';
import {exception, signatureMismatch} from './errors';
import type {SpreadsheetModel} from './model';
import {Range, sortBlock} from './range';
import type {Rect} from './rect';
import type {SheetModel} from './sheet-model';

/** A sheet's filter, or null when it has none (Sheet/Range.getFilter). */
export function filterOf(
  ctx: ApiContext,
  model: SpreadsheetModel,
  sheet: SheetModel,
): Filter | null {
  return sheet.filter && new Filter(ctx, model, sheet);
}

function filterRect(filter: Filter): Rect {
  const rect = filter.sheetModel.filter;
  if (!rect) throw exception('This filter has been removed.');
  return rect;
}

export class Filter {
  constructor(
    readonly ctx: ApiContext,
    readonly spreadsheetModel: SpreadsheetModel,
    readonly sheetModel: SheetModel,
  ) {}

  getRange(): Range {
    const rect = filterRect(this);
    return new Range(this.ctx, this.spreadsheetModel, this.sheetModel, {
      ...rect,
    });
  }

  remove(): void {
    this.sheetModel.filter = null;
  }

  /** Sorts the rows under the filter's header row by one column. */
  sort(columnPosition: number, ascending: boolean): Filter {
    const rect = filterRect(this);
    if (typeof columnPosition !== 'number' || typeof ascending !== 'boolean') {
      throw signatureMismatch('Filter.sort', [columnPosition, ascending]);
    }
    if (rect.r2 > rect.r1) {
      const body = {...rect, r1: rect.r1 + 1};
      const range = new Range(
        this.ctx,
        this.spreadsheetModel,
        this.sheetModel,
        body,
      );
      sortBlock(range, {column: columnPosition, ascending});
    }
    return this;
  }
}
instrument(Filter, 'Filter');
