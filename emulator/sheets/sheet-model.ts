/**
 * One sheet's contents: values as plain row-major arrays (a missing row or
 * cell is ''), formulas and notes as sparse grids, formats and validation as
 * rectangles, plus the records that move with rows and columns. The script
 * API (range.ts, sheet.ts) and the runtime helpers (formulas.ts,
 * user-edit.ts) all write through here.
 */
import type {CellValue} from '../workbook';
import {cellA1} from './a1';
import {RectLayer, SparseGrid, insertSlots} from './layers';
import {
  DimensionChange,
  Rect,
  containsCell,
  fill,
  height,
  intersection,
  rectOf,
  shiftPosition,
  shiftRect,
  shiftSpan,
  width as rectWidth,
} from './rect';
import type {
  ChartRecord,
  ProtectionRecord,
  Spill,
  StyleName,
  StyleValue,
  ValidationRule,
} from './records';
import {sameRule} from './rules';

export const REF_ERROR = '#REF!';

export function spillRect(spill: Spill): Rect {
  return rectOf(spill.row, spill.col, spill.rows, spill.cols);
}

export function overwriteMessage(row: number, col: number): string {
  return `Array result was not expanded because it would overwrite data in ${cellA1(row, col)}.`;
}

/** A Date is stored by value: copy on the way in and out so nobody shares one. */
export function copyValue(value: CellValue): CellValue {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

function remapKeys<V>(
  map: Map<number, V>,
  change: DimensionChange,
): Map<number, V> {
  const out = new Map<number, V>();
  for (const [key, value] of map) {
    const moved = shiftPosition(key, change);
    if (moved !== null) out.set(moved, value);
  }
  return out;
}

function remapSet(set: Set<number>, change: DimensionChange): Set<number> {
  const out = new Set<number>();
  for (const key of set) {
    const moved = shiftPosition(key, change);
    if (moved !== null) out.add(moved);
  }
  return out;
}

/** Rows inserted among the frozen ones are frozen too; deleted ones stop counting. */
function frozenAfter(frozen: number, change: DimensionChange): number {
  if (frozen === 0) return 0;
  if (change.kind === 'insert')
    return change.at <= frozen ? frozen + change.count : frozen;
  const span = shiftSpan(1, frozen, change, false);
  return span ? span[1] : 0;
}

export class SheetModel {
  hidden = false;
  tabColor: string | null = null;
  frozenRows = 0;
  frozenColumns = 0;
  /** Values by row; the value of a formula cell is its last result. */
  cells: Array<CellValue[] | undefined> = [];
  readonly formulas = new SparseGrid<string>();
  readonly notes = new SparseGrid<string>();
  /** Formula cells set since they were last computed. */
  readonly pending = new SparseGrid<true>();
  /** Why a formula cell shows #ERROR! or #REF!. */
  readonly formulaErrors = new SparseGrid<string>();
  spills: Spill[] = [];
  readonly numberFormats = new RectLayer<string>((a, b) => a === b);
  readonly validations = new RectLayer<ValidationRule>(sameRule);
  readonly styles = new Map<StyleName, RectLayer<StyleValue>>();
  merges: Rect[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  charts: ChartRecord[] = [];
  protections: ProtectionRecord[] = [];
  filter: Rect | null = null;
  private version = 0;
  private lastRowVersion = -1;
  private cachedLastRow = 0;
  private lastColumnVersion = -1;
  private cachedLastColumn = 0;

  constructor(
    public name: string,
    /** Stable id (gid); only applyState reassigns it, to restore a saved one. */
    public sheetId: number,
    public maxRows: number,
    public maxColumns: number,
  ) {}

  /** Call after any change, so cached extents are recomputed. */
  touch(): void {
    this.version++;
  }

  style(name: StyleName): RectLayer<StyleValue> {
    let layer = this.styles.get(name);
    if (!layer) {
      layer = new RectLayer<StyleValue>((a, b) => a === b);
      this.styles.set(name, layer);
    }
    return layer;
  }

  get bounds(): Rect {
    return {r1: 1, c1: 1, r2: this.maxRows, c2: this.maxColumns};
  }

  value(row: number, col: number): CellValue {
    const v = this.cells[row - 1]?.[col - 1];
    return v === undefined ? '' : v;
  }

  /** Values of a block as fresh arrays (Dates copied). */
  readValues(rect: Rect): CellValue[][] {
    const width = rectWidth(rect);
    const out: CellValue[][] = new Array(height(rect));
    for (let r = rect.r1; r <= rect.r2; r++) {
      const line = this.cells[r - 1];
      let row: CellValue[];
      if (!line) {
        row = new Array<CellValue>(width).fill('');
      } else {
        row = line.slice(rect.c1 - 1, rect.c2);
        if (row.length < width) {
          const have = row.length;
          row.length = width;
          row.fill('', have);
        }
        for (let j = 0; j < width; j++) {
          const v = row[j];
          if (v === undefined) row[j] = '';
          else if (typeof v === 'object') row[j] = new Date(v.getTime());
        }
      }
      out[r - rect.r1] = row;
    }
    return out;
  }

  /**
   * Stores values as they are (the caller owns nothing afterwards: arrays
   * passed here may be kept). No formula or spill bookkeeping.
   */
  storeValues(row: number, col: number, values: CellValue[][]): void {
    for (let i = 0; i < values.length; i++) {
      const source = values[i];
      const index = row - 1 + i;
      const line = this.cells[index];
      if (col === 1 && (!line || line.length <= source.length)) {
        this.cells[index] = source;
        continue;
      }
      const target = line ?? [];
      if (target.length < col - 1) {
        const have = target.length;
        target.length = col - 1;
        target.fill('', have);
      }
      for (let j = 0; j < source.length; j++) target[col - 1 + j] = source[j];
      this.cells[index] = target;
    }
    this.touch();
  }

  setValue(row: number, col: number, value: CellValue): void {
    this.storeValues(row, col, [[value]]);
  }

  /**
   * Writes a block as a script or a user would: a string in `formulas` makes
   * that cell a formula (its value '' until computed), anything else clears
   * the cell's formula. Spills react as in Sheets: overwriting a formula
   * removes its spilled cells; a value written into another formula's spill
   * blocks it (#REF!); clearing a spilled cell leaves the spill alone.
   */
  writeCells(
    row: number,
    col: number,
    values: CellValue[][],
    formulas: Array<Array<string | null>> | null,
  ): void {
    const height = values.length;
    const width = height ? values[0].length : 0;
    if (!height || !width) return;
    const rect = rectOf(row, col, height, width);
    const kept = this.settleSpills(rect, values, formulas);
    this.storeValues(row, col, values);
    this.formulas.clearRect(rect);
    this.pending.clearRect(rect);
    this.formulaErrors.clearRect(rect);
    if (formulas) {
      for (let i = 0; i < height; i++) {
        for (let j = 0; j < width; j++) {
          const formula = formulas[i][j];
          if (formula === null) continue;
          this.formulas.set(row + i, col + j, formula);
          this.pending.set(row + i, col + j, true);
        }
      }
    }
    for (const [r, c, v] of kept) this.setValue(r, c, v);
  }

  private settleSpills(
    rect: Rect,
    values: CellValue[][],
    formulas: Array<Array<string | null>> | null,
  ): Array<[number, number, CellValue]> {
    const kept: Array<[number, number, CellValue]> = [];
    if (this.spills.length === 0) return kept;
    const remaining: Spill[] = [];
    const writes = (r: number, c: number) =>
      values[r - rect.r1][c - rect.c1] !== '' ||
      (formulas !== null && formulas[r - rect.r1][c - rect.c1] !== null);
    for (const spill of this.spills) {
      const area = spillRect(spill);
      if (containsCell(rect, spill.row, spill.col)) {
        this.clearSpillCells(spill, rect);
        continue;
      }
      const part = intersection(area, rect);
      if (!part) {
        remaining.push(spill);
        continue;
      }
      let blocker: [number, number] | null = null;
      for (let r = part.r1; r <= part.r2 && !blocker; r++) {
        for (let c = part.c1; c <= part.c2; c++) {
          if (writes(r, c)) {
            blocker = [r, c];
            break;
          }
        }
      }
      if (blocker) {
        this.clearSpillCells(spill, rect);
        this.setValue(spill.row, spill.col, REF_ERROR);
        this.formulaErrors.set(
          spill.row,
          spill.col,
          overwriteMessage(...blocker),
        );
        continue;
      }
      for (let r = part.r1; r <= part.r2; r++) {
        for (let c = part.c1; c <= part.c2; c++)
          kept.push([r, c, this.value(r, c)]);
      }
      remaining.push(spill);
    }
    this.spills = remaining;
    return kept;
  }

  /** Empties a spill's cells other than its anchor, except those inside `except`. */
  clearSpillCells(spill: Spill, except: Rect | null): void {
    const area = spillRect(spill);
    for (let r = area.r1; r <= area.r2; r++) {
      const line = this.cells[r - 1];
      if (!line) continue;
      for (let c = area.c1; c <= area.c2; c++) {
        if (r === spill.row && c === spill.col) continue;
        if (except && containsCell(except, r, c)) continue;
        if (c - 1 < line.length) line[c - 1] = '';
      }
    }
    this.touch();
  }

  /** The spill covering a cell other than its anchor, if any. */
  spillCovering(row: number, col: number): Spill | null {
    for (const spill of this.spills) {
      if (spill.row === row && spill.col === col) continue;
      if (containsCell(spillRect(spill), row, col)) return spill;
    }
    return null;
  }

  /** Empties values and formulas of a block (spilled cells follow writeCells' rules). */
  clearContents(rect: Rect): void {
    const last = Math.min(rect.r2, this.lastRow());
    if (last >= rect.r1) {
      const empty = fill<CellValue>({...rect, r2: last}, '');
      this.writeCells(rect.r1, rect.c1, empty, null);
    }
    this.trimTail();
    this.touch();
  }

  /** Empties number formats and styles of a block (values stay). */
  clearFormats(rect: Rect): void {
    this.numberFormats.set(rect, null);
    for (const layer of this.styles.values()) layer.set(rect, null);
    this.touch();
  }

  /** Drops trailing rows that hold nothing, so the extent scan stays short. */
  private trimTail(): void {
    let n = this.cells.length;
    while (n > 0) {
      const line = this.cells[n - 1];
      if (line && line.some(v => v !== '')) break;
      n--;
    }
    this.cells.length = n;
  }

  /** The last row with content (a value, a checkbox's FALSE, or a formula); 0 if none. */
  lastRow(): number {
    if (this.lastRowVersion !== this.version) {
      let rows = 0;
      for (let r = this.cells.length; r >= 1 && rows === 0; r--) {
        const line = this.cells[r - 1];
        if (line && line.some(v => v !== '')) rows = r;
      }
      this.cachedLastRow = Math.max(rows, this.formulas.lastRow());
      this.lastRowVersion = this.version;
    }
    return this.cachedLastRow;
  }

  /** The last column with content; scans every row, so it is cached until the next change. */
  lastColumn(): number {
    if (this.lastColumnVersion !== this.version) {
      let cols = 0;
      for (const line of this.cells) {
        if (!line) continue;
        for (let c = line.length; c > cols; c--) {
          if (line[c - 1] !== '') {
            cols = c;
            break;
          }
        }
      }
      this.formulas.forEach((_formula, _row, c) => {
        if (c > cols) cols = c;
      });
      this.cachedLastColumn = cols;
      this.lastColumnVersion = this.version;
    }
    return this.cachedLastColumn;
  }

  /** Moves everything in the sheet for an inserted or deleted block of rows/columns. */
  applyChange(change: DimensionChange): void {
    const rows = change.dimension === 'ROWS';
    const index = change.at - 1;
    if (change.kind === 'delete') {
      const lastDeleted = change.at + change.count - 1;
      for (const spill of this.spills) {
        const anchor = rows ? spill.row : spill.col;
        if (anchor >= change.at && anchor <= lastDeleted)
          this.clearSpillCells(spill, null);
      }
    }
    if (rows) {
      if (change.kind === 'insert')
        insertSlots(this.cells, index, change.count, undefined);
      else this.cells.splice(index, change.count);
    } else {
      for (const line of this.cells) {
        if (!line) continue;
        if (change.kind === 'insert')
          insertSlots(line, index, change.count, '');
        else line.splice(index, change.count);
      }
    }
    for (const grid of [
      this.formulas,
      this.notes,
      this.pending,
      this.formulaErrors,
    ]) {
      grid.apply(change);
    }
    this.spills = this.spills.flatMap(spill => {
      const anchor = shiftPosition(rows ? spill.row : spill.col, change);
      const area = shiftRect(spillRect(spill), change, false);
      if (anchor === null || !area) return [];
      return [
        rows
          ? {
              row: anchor,
              col: spill.col,
              rows: area.r2 - anchor + 1,
              cols: spill.cols,
            }
          : {
              row: spill.row,
              col: anchor,
              rows: spill.rows,
              cols: area.c2 - anchor + 1,
            },
      ];
    });
    this.numberFormats.apply(change);
    this.validations.apply(change);
    for (const layer of this.styles.values()) layer.apply(change);
    this.merges = this.merges.flatMap(m => shiftRect(m, change, false) ?? []);
    if (rows) {
      this.rowHeights = remapKeys(this.rowHeights, change);
      this.hiddenRows = remapSet(this.hiddenRows, change);
    } else {
      this.columnWidths = remapKeys(this.columnWidths, change);
      this.hiddenColumns = remapSet(this.hiddenColumns, change);
    }
    for (const chart of this.charts) {
      chart.ranges = chart.ranges.flatMap(r => {
        const rect = shiftRect(r.rect, change, false);
        return rect ? [{sheetId: r.sheetId, rect}] : [];
      });
      if (rows)
        chart.anchorRow = shiftPosition(chart.anchorRow, change) ?? change.at;
      else
        chart.anchorColumn =
          shiftPosition(chart.anchorColumn, change) ?? change.at;
    }
    this.protections = this.protections.flatMap(p => {
      if (!p.rect) return [p];
      const rect = shiftRect(p.rect, change, false);
      if (!rect) return [];
      const unprotected = p.unprotected.flatMap(
        u => shiftRect(u, change, false) ?? [],
      );
      return [{...p, rect, unprotected}];
    });
    this.filter = this.filter && shiftRect(this.filter, change, false);
    const frozen = rows ? this.frozenRows : this.frozenColumns;
    const nextFrozen = frozenAfter(frozen, change);
    if (rows) this.frozenRows = nextFrozen;
    else this.frozenColumns = nextFrozen;
    const delta = change.kind === 'insert' ? change.count : -change.count;
    if (rows) this.maxRows += delta;
    else this.maxColumns += delta;
    this.touch();
  }
}
