/** The user's selection as scripts see it: SpreadsheetApp.getSelection() and its range list. */
import {ApiContext, SelectionState, instrument} from './context';
import type {SpreadsheetModel} from './model';
import {Range} from './range';
import {Rect, rectOf} from './rect';
import {Sheet} from './sheet';
import type {SheetModel} from './sheet-model';

/**
 * The sheet the user is on: the selection's sheet, or the first visible one
 * (and the selection is moved there) when that sheet is gone.
 */
export function activeSheetModel(
  ctx: ApiContext,
  model: SpreadsheetModel,
): SheetModel {
  const selection = ctx.resolver.selection(model);
  const current = model.sheetById(selection.sheetId);
  if (current) return current;
  const first = model.sheets.find(s => !s.hidden) ?? model.sheets[0];
  resetSelection(selection, first);
  return first;
}

/** Selects a block: it becomes the active range, its top-left cell the current cell. */
export function selectRect(
  selection: SelectionState,
  sheetId: number,
  rect: Rect,
): void {
  selection.sheetId = sheetId;
  selection.range = {...rect};
  selection.current = {row: rect.r1, col: rect.c1};
}

export function resetSelection(
  selection: SelectionState,
  sheet: SheetModel,
): void {
  selectRect(selection, sheet.sheetId, rectOf(1, 1, 1, 1));
}

/** Makes a sheet the active one; the cursor moves to its A1 unless it is already there. */
export function activateSheet(
  selection: SelectionState,
  sheet: SheetModel,
): void {
  if (selection.sheetId !== sheet.sheetId) resetSelection(selection, sheet);
}

export function activeRange(ctx: ApiContext, model: SpreadsheetModel): Range {
  const sheet = activeSheetModel(ctx, model);
  return new Range(ctx, model, sheet, {...ctx.resolver.selection(model).range});
}

export function currentCell(ctx: ApiContext, model: SpreadsheetModel): Range {
  const sheet = activeSheetModel(ctx, model);
  const {row, col} = ctx.resolver.selection(model).current;
  return new Range(ctx, model, sheet, rectOf(row, col, 1, 1));
}

export class RangeList {
  constructor(
    readonly ctx: ApiContext,
    private readonly ranges: Range[],
  ) {}

  getRanges(): Range[] {
    return [...this.ranges];
  }
}
instrument(RangeList, 'RangeList');

export class Selection {
  constructor(
    readonly ctx: ApiContext,
    readonly spreadsheetModel: SpreadsheetModel,
  ) {}

  getActiveSheet(): Sheet {
    return new Sheet(
      this.ctx,
      this.spreadsheetModel,
      activeSheetModel(this.ctx, this.spreadsheetModel),
    );
  }

  getActiveRange(): Range {
    return activeRange(this.ctx, this.spreadsheetModel);
  }

  getActiveRangeList(): RangeList {
    return new RangeList(this.ctx, [
      activeRange(this.ctx, this.spreadsheetModel),
    ]);
  }

  getCurrentCell(): Range {
    return currentCell(this.ctx, this.spreadsheetModel);
  }
}
instrument(Selection, 'Selection');
