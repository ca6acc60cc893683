/** A sheet's basic filter: its range is recorded; sorting through it reorders data rows. */
import {ApiContext, instrument} from './context';
import {exception, signatureMismatch} from './errors';
import type {SpreadsheetModel} from './model';
import {Range, sortBlock} from './range';
import type {SheetModel} from './sheet-model';

export class Filter {
  constructor(
    readonly ctx: ApiContext,
    readonly spreadsheetModel: SpreadsheetModel,
    readonly sheetModel: SheetModel,
  ) {}

  getRange(): Range {
    const rect = this.sheetModel.filter;
    if (!rect) throw exception('This filter has been removed.');
    return new Range(this.ctx, this.spreadsheetModel, this.sheetModel, {
      ...rect,
    });
  }

  remove(): void {
    this.sheetModel.filter = null;
  }

  /** Sorts the rows under the filter's header row by one column. */
  sort(columnPosition: number, ascending: boolean): Filter {
    const rect = this.sheetModel.filter;
    if (!rect) throw exception('This filter has been removed.');
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
