/**
 * Storage for what sits on cells besides their values, sized for sheets of a
 * million rows:
 * - SparseGrid: a few cells here and there (formulas, notes), row-major so
 *   inserting or deleting rows is one splice.
 * - RectLayer: attributes set on blocks (number formats, validation, fonts),
 *   kept as rectangles where the latest one wins — never one entry per cell.
 */
import {
  DimensionChange,
  Rect,
  contains,
  containsCell,
  fill,
  intersection,
  intersects,
  shiftRect,
} from './rect';

/** Inserts `count` empty slots at 0-based `index` of an array (no-op past its end). */
export function insertSlots<T>(
  array: T[],
  index: number,
  count: number,
  fill: T,
): void {
  if (index >= array.length) return;
  if (count === 1) {
    array.splice(index, 0, fill);
    return;
  }
  const tail = array.splice(index);
  array.length = index + count;
  array.fill(fill, index);
  for (let i = 0; i < tail.length; i++) array.push(tail[i]);
}

export class SparseGrid<T> {
  private rows: Array<Array<T | undefined> | undefined> = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(row: number, col: number): T | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  set(row: number, col: number, value: T | undefined): void {
    let line = this.rows[row - 1];
    if (value === undefined) {
      if (!line || line[col - 1] === undefined) return;
      line[col - 1] = undefined;
      this.count--;
      return;
    }
    if (!line) {
      line = [];
      this.rows[row - 1] = line;
    }
    if (line[col - 1] === undefined) this.count++;
    line[col - 1] = value;
  }

  delete(row: number, col: number): void {
    this.set(row, col, undefined);
  }

  clearRect(rect: Rect): void {
    if (this.count === 0) return;
    const last = Math.min(rect.r2, this.rows.length);
    for (let r = rect.r1; r <= last; r++) {
      const line = this.rows[r - 1];
      if (!line) continue;
      const end = Math.min(rect.c2, line.length);
      for (let c = rect.c1; c <= end; c++) {
        if (line[c - 1] !== undefined) {
          line[c - 1] = undefined;
          this.count--;
        }
      }
    }
  }

  /** The last row holding a value; 0 if none. */
  lastRow(): number {
    if (this.count === 0) return 0;
    for (let r = this.rows.length; r >= 1; r--) {
      if (this.rows[r - 1]?.some(v => v !== undefined)) return r;
    }
    return 0;
  }

  /** Calls fn for each set cell, in row-major order. */
  forEach(fn: (value: T, row: number, col: number) => void): void {
    if (this.count === 0) return;
    this.rows.forEach((line, r) => {
      line?.forEach((value, c) => {
        if (value !== undefined) fn(value, r + 1, c + 1);
      });
    });
  }

  /** Set cells inside a block, in row-major order. */
  within(rect: Rect): Array<[number, number, T]> {
    const out: Array<[number, number, T]> = [];
    if (this.count === 0) return out;
    const last = Math.min(rect.r2, this.rows.length);
    for (let r = rect.r1; r <= last; r++) {
      const line = this.rows[r - 1];
      if (!line) continue;
      const end = Math.min(rect.c2, line.length);
      for (let c = rect.c1; c <= end; c++) {
        const value = line[c - 1];
        if (value !== undefined) out.push([r, c, value]);
      }
    }
    return out;
  }

  apply(change: DimensionChange): void {
    if (this.count === 0) return;
    const index = change.at - 1;
    if (change.dimension === 'ROWS') {
      if (change.kind === 'insert') {
        insertSlots(this.rows, index, change.count, undefined);
      } else {
        this.rows.splice(index, change.count);
      }
    } else {
      for (const line of this.rows) {
        if (!line) continue;
        if (change.kind === 'insert')
          insertSlots(line, index, change.count, undefined);
        else line.splice(index, change.count);
      }
    }
    this.recount();
  }

  private recount(): void {
    let n = 0;
    this.forEachRaw(() => n++);
    this.count = n;
  }

  private forEachRaw(fn: () => void): void {
    for (const line of this.rows) {
      if (!line) continue;
      for (const value of line) if (value !== undefined) fn();
    }
  }
}

export interface RectEntry<T> {
  rect: Rect;
  /** null resets the block to the default. */
  value: T | null;
}

export class RectLayer<T> {
  private items: Array<RectEntry<T>> = [];

  constructor(private readonly equal: (a: T, b: T) => boolean) {}

  entries(): ReadonlyArray<RectEntry<T>> {
    return this.items;
  }

  load(entries: ReadonlyArray<RectEntry<T>>): void {
    this.items = entries.map(e => ({rect: {...e.rect}, value: e.value}));
  }

  isEmpty(): boolean {
    return this.items.length === 0;
  }

  /** Sets one value on a whole block. */
  set(rect: Rect, value: T | null): void {
    this.items = this.items.filter(item => !contains(rect, item.rect));
    if (
      value === null &&
      !this.items.some(item => intersects(item.rect, rect))
    ) {
      return;
    }
    this.items.push({rect: {...rect}, value});
  }

  /**
   * Sets a value per cell from a 2-D array starting at (row, col), stored as
   * runs of equal values down each column (a whole column of one format is
   * one rectangle). A null resets its cell to the default, or with
   * `keepOnNull` leaves the cell as it was.
   */
  setGrid(
    row: number,
    col: number,
    values: ReadonlyArray<ReadonlyArray<T | null>>,
    keepOnNull = false,
  ): void {
    const height = values.length;
    const width = height ? values[0].length : 0;
    if (!height || !width) return;
    const same = (a: T | null, b: T | null) =>
      a === b || (a !== null && b !== null && this.equal(a, b));
    const first = values[0][0];
    const whole = {r1: row, c1: col, r2: row + height - 1, c2: col + width - 1};
    if (values.every(line => line.every(v => same(v, first)))) {
      if (first !== null || !keepOnNull) this.set(whole, first);
      return;
    }
    if (!keepOnNull) this.set(whole, null);
    for (let j = 0; j < width; j++) {
      let start = 0;
      for (let i = 1; i <= height; i++) {
        if (i < height && same(values[i][j], values[start][j])) continue;
        const value = values[start][j];
        if (value !== null) {
          this.items.push({
            rect: {r1: row + start, c1: col + j, r2: row + i - 1, c2: col + j},
            value,
          });
        }
        start = i;
      }
    }
  }

  get(row: number, col: number): T | null {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const {rect, value} = this.items[i];
      if (containsCell(rect, row, col)) return value;
    }
    return null;
  }

  /** The value of every cell of a block (null where none is set). */
  paint(rect: Rect): Array<Array<T | null>> {
    const out = fill<T | null>(rect, null);
    for (const item of this.items) {
      const part = intersection(item.rect, rect);
      if (!part) continue;
      for (let r = part.r1; r <= part.r2; r++) {
        out[r - rect.r1].fill(
          item.value,
          part.c1 - rect.c1,
          part.c2 - rect.c1 + 1,
        );
      }
    }
    return out;
  }

  /**
   * A cheap pre-check before paint(): false means no cell of the block has a
   * matching value; true means one may (a later entry can still cover it).
   */
  mayHave(rect: Rect, test: (value: T) => boolean): boolean {
    return this.items.some(
      item =>
        item.value !== null && intersects(item.rect, rect) && test(item.value),
    );
  }

  apply(change: DimensionChange): void {
    const moved: Array<RectEntry<T>> = [];
    for (const item of this.items) {
      const rect = shiftRect(item.rect, change, true);
      if (rect) moved.push({rect, value: item.value});
    }
    this.items = moved;
  }
}
