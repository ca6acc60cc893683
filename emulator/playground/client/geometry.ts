/// <reference lib="dom" />
/**
 * Where rows and columns sit in the scrolling grid, in px. Rows are all one
 * height (Sheets' default 21 px); columns keep the widths the add-on set.
 * Hidden rows and columns take no space.
 */
import type {GridWindow} from '../protocol';

export const ROW_HEIGHT = 21;
export const HEADER_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 46;
export const DEFAULT_COLUMN_WIDTH = 100;

export class Geometry {
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** colX[c]: left edge of column c; colX[maxColumns + 1]: the total width. */
  private readonly colX: Float64Array;
  private readonly hiddenRows: number[];

  constructor(grid: GridWindow) {
    this.maxRows = grid.maxRows;
    this.maxColumns = grid.maxColumns;
    this.frozenRows = grid.frozenRows;
    this.frozenColumns = grid.frozenColumns;
    this.hiddenRows = grid.hiddenRows;
    const widths = new Map(grid.columnWidths);
    const hidden = new Set(grid.hiddenColumns);
    this.colX = new Float64Array(grid.maxColumns + 2);
    for (let c = 1; c <= grid.maxColumns; c++) {
      const width = hidden.has(c) ? 0 : (widths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      this.colX[c + 1] = this.colX[c] + width;
    }
  }

  left(col: number): number {
    return this.colX[Math.max(1, Math.min(col, this.maxColumns + 1))];
  }

  width(col: number): number {
    return this.left(col + 1) - this.left(col);
  }

  get totalWidth(): number {
    return this.left(this.maxColumns + 1);
  }

  /** Hidden rows above `row`. */
  private hiddenBefore(row: number): number {
    let lo = 0;
    let hi = this.hiddenRows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.hiddenRows[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  top(row: number): number {
    const r = Math.max(1, Math.min(row, this.maxRows + 1));
    return (r - 1 - this.hiddenBefore(r)) * ROW_HEIGHT;
  }

  get totalHeight(): number {
    return this.top(this.maxRows + 1);
  }

  /** The row drawn at height `y` (0 = the top of row 1). */
  rowAt(y: number): number {
    let row = Math.floor(Math.max(0, y) / ROW_HEIGHT) + 1;
    for (const hidden of this.hiddenRows) {
      if (hidden <= row) row++;
      else break;
    }
    return Math.min(row, this.maxRows);
  }

  /** The column drawn at `x` (0 = the left edge of column A). */
  colAt(x: number): number {
    let lo = 1;
    let hi = this.maxColumns;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.colX[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
