/**
 * Rectangles of cells and how they move when rows or columns are inserted or
 * deleted. Everything attached to a place in a sheet (formats, validation,
 * merges, named ranges, metadata, protections, charts) shifts through these
 * two functions, so they all agree on what "moves with its column" means.
 */

/** A block of cells, 1-based and inclusive on both ends. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export type Dimension = 'ROWS' | 'COLUMNS';

/**
 * One structural edit. Positions are 1-based. For an insertion, the new
 * rows/columns occupy `at … at+count-1`; `anchor` is the (old) position they
 * copy formatting from — `insertRowsAfter(a)` copies row a, `insertRowsBefore(b)`
 * copies row b — or null when nothing is inherited.
 */
export interface DimensionChange {
  dimension: Dimension;
  kind: 'insert' | 'delete';
  at: number;
  count: number;
  anchor: number | null;
}

/**
 * Where the span start…end (inclusive) lands after the change, or null when
 * every one of its rows/columns was deleted. With `inherit`, a span holding
 * the insertion's anchor grows to cover the new rows (formats, validation);
 * otherwise a span only grows when rows are inserted strictly inside it
 * (named ranges, metadata, merges), matching the Sheets API.
 */
export function shiftSpan(
  start: number,
  end: number,
  change: DimensionChange,
  inherit: boolean,
): [number, number] | null {
  const {at, count} = change;
  if (change.kind === 'insert') {
    const anchor = change.anchor;
    if (inherit && anchor !== null && anchor >= start && anchor <= end) {
      return [start, end + count];
    }
    if (at > start && at <= end) return [start, end + count];
    if (at <= start) return [start + count, end + count];
    return [start, end];
  }
  const last = at + count - 1;
  const newStart = start < at ? start : start > last ? start - count : at;
  const newEnd = end < at ? end : end > last ? end - count : at - 1;
  return newEnd < newStart ? null : [newStart, newEnd];
}

/** shiftSpan on the rect's rows or columns. */
export function shiftRect(
  rect: Rect,
  change: DimensionChange,
  inherit: boolean,
): Rect | null {
  if (change.dimension === 'ROWS') {
    const span = shiftSpan(rect.r1, rect.r2, change, inherit);
    return span && {r1: span[0], c1: rect.c1, r2: span[1], c2: rect.c2};
  }
  const span = shiftSpan(rect.c1, rect.c2, change, inherit);
  return span && {r1: rect.r1, c1: span[0], r2: rect.r2, c2: span[1]};
}

/** Where one row/column position lands, or null if it was deleted. */
export function shiftPosition(
  position: number,
  change: DimensionChange,
): number | null {
  const span = shiftSpan(position, position, change, false);
  return span && span[0];
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.r1 <= inner.r1 &&
    outer.c1 <= inner.c1 &&
    outer.r2 >= inner.r2 &&
    outer.c2 >= inner.c2
  );
}

export function containsCell(rect: Rect, row: number, col: number): boolean {
  return row >= rect.r1 && row <= rect.r2 && col >= rect.c1 && col <= rect.c2;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  const r = {
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
    r2: Math.min(a.r2, b.r2),
    c2: Math.min(a.c2, b.c2),
  };
  return r.r1 <= r.r2 && r.c1 <= r.c2 ? r : null;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r1 === b.r1 && a.c1 === b.c1 && a.r2 === b.r2 && a.c2 === b.c2;
}

export function height(rect: Rect): number {
  return rect.r2 - rect.r1 + 1;
}

export function width(rect: Rect): number {
  return rect.c2 - rect.c1 + 1;
}

/** A fresh grid of the rect's shape with every cell set to value. */
export function fill<T>(rect: Rect, value: T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < height(rect); i++)
    out.push(new Array<T>(width(rect)).fill(value));
  return out;
}

export function rectOf(
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): Rect {
  return {r1: row, c1: col, r2: row + numRows - 1, c2: col + numCols - 1};
}
