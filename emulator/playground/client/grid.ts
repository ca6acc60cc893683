/// <reference lib="dom" />
/**
 * The sheet grid: column letters and row numbers, frozen rows and columns
 * that stay put, a window of cells fetched as the user scrolls, selection
 * by click, shift-click, drag and keyboard, and editing in the cell or the
 * formula bar. The grid never changes a cell itself: it reports selections
 * and typed text, and draws whatever state the server sends back.
 */
import {cellA1, columnToLetters} from '../../sheets/a1';
import type {
  CellView,
  ChartView,
  GridWindow,
  SelectionView,
  WindowRequest,
} from '../protocol';
import {drawChart} from './charts';
import {el} from './dom';
import {
  Geometry,
  HEADER_HEIGHT,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
} from './geometry';

/** Rows and columns fetched beyond what is on screen, each side. */
const MARGIN_ROWS = 40;
const MARGIN_COLS = 6;
const MAX_ROWS = 200;
const MAX_COLS = 60;

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface GridActions {
  /** The user selected a block (local A1, e.g. 'B2' or 'A2:C4' or 'B:B'). */
  select(a1: string): void;
  /** The user typed `text` into a cell, then moved to `next` (if anywhere). */
  edit(a1: string, text: string, next?: {row: number; col: number}): void;
  /** The window on screen moved past what was fetched. */
  scrolled(): void;
  /** The current cell moved (the formula bar and name box follow). */
  cursor(a1: string, input: string): void;
}

type Move = {row: number; col: number} | undefined;

interface Editing {
  row: number;
  col: number;
  input: HTMLInputElement;
  original: string;
}

function normal(
  a: {row: number; col: number},
  b: {row: number; col: number},
): Rect {
  return {
    r1: Math.min(a.row, b.row),
    c1: Math.min(a.col, b.col),
    r2: Math.max(a.row, b.row),
    c2: Math.max(a.col, b.col),
  };
}

export class Grid {
  private grid: GridWindow | null = null;
  private geometry: Geometry | null = null;
  private cellsByKey = new Map<string, HTMLTableCellElement>();
  private viewsByKey = new Map<string, CellView | null>();
  private colHeaders = new Map<number, HTMLElement>();
  private rowHeaders = new Map<number, HTMLElement>();
  /** The selection as drawn (the server's, or the one being dragged). */
  private selection: Rect = {r1: 1, c1: 1, r2: 1, c2: 1};
  private current = {row: 1, col: 1};
  /** The far corner while extending with shift. */
  private extent = {row: 1, col: 1};
  private dragging: 'cells' | 'rows' | 'cols' | null = null;
  private editing: Editing | null = null;
  private deferred: {grid: GridWindow; selection: SelectionView} | null = null;
  private frame = 0;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly table: HTMLTableElement,
    private readonly charts: HTMLElement,
    private readonly actions: GridActions,
  ) {
    scroller.addEventListener('scroll', () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (this.needsWindow()) this.actions.scrolled();
      });
    });
    scroller.addEventListener('keydown', e => this.onKey(e));
    table.addEventListener('mousedown', e => this.onMouseDown(e));
    table.addEventListener('mouseover', e => this.onMouseOver(e));
    table.addEventListener('dblclick', e => {
      const cell = this.cellOf(e.target);
      if (cell && !this.isCheckbox(cell.row, cell.col)) this.startEdit();
    });
    table.addEventListener('click', e => this.onClick(e));
    window.addEventListener('mouseup', () => this.endDrag());
  }

  get sheet(): string {
    return this.grid?.sheet ?? '';
  }

  get isEditing(): boolean {
    return this.editing !== null;
  }

  focus(): void {
    this.scroller.focus({preventScroll: true});
  }

  /** The block the page should fetch for what is on screen now. */
  wanted(): WindowRequest {
    const g = this.geometry;
    if (!g) return {r1: 1, c1: 1, rows: MAX_ROWS, cols: 40};
    const first = this.firstVisible(g);
    const rows = Math.ceil(this.scroller.clientHeight / ROW_HEIGHT) + 1;
    const cols = this.visibleColumns(g, first.col);
    return {
      r1: Math.max(g.frozenRows + 1, first.row - MARGIN_ROWS),
      c1: Math.max(g.frozenColumns + 1, first.col - MARGIN_COLS),
      rows: Math.min(MAX_ROWS, rows + 2 * MARGIN_ROWS),
      cols: Math.min(MAX_COLS, cols + 2 * MARGIN_COLS),
    };
  }

  render(grid: GridWindow, selection: SelectionView): void {
    if (this.editing) {
      // Drawing now would throw away what the user is typing.
      this.deferred = {grid, selection};
      return;
    }
    const geometry = new Geometry(grid);
    if (this.grid && grid.sheet !== this.grid.sheet)
      this.scroller.scrollTo(0, 0);
    this.grid = grid;
    this.geometry = geometry;
    this.build(grid, geometry);
    if (!this.dragging) {
      this.selection = {
        r1: selection.r1,
        c1: selection.c1,
        r2: selection.r2,
        c2: selection.c2,
      };
      this.current = {row: selection.row, col: selection.col};
      this.extent = {...this.current};
    }
    this.paintSelection();
    this.showCursor();
  }

  /** Scrolls so that a cell is on screen (the name box, keyboard moves). */
  reveal(row: number, col: number): void {
    const g = this.geometry;
    if (!g) return;
    const frozenHeight = g.top(g.frozenRows + 1);
    const frozenWidth = g.left(g.frozenColumns + 1) - g.left(1);
    const viewHeight =
      this.scroller.clientHeight - HEADER_HEIGHT - frozenHeight;
    const viewWidth =
      this.scroller.clientWidth - ROW_HEADER_WIDTH - frozenWidth;
    if (row > g.frozenRows) {
      const y = g.top(row) - frozenHeight;
      if (y < this.scroller.scrollTop) this.scroller.scrollTop = y;
      else if (y + ROW_HEIGHT > this.scroller.scrollTop + viewHeight) {
        this.scroller.scrollTop = y + ROW_HEIGHT - viewHeight;
      }
    }
    if (col > g.frozenColumns) {
      const x = g.left(col) - g.left(g.frozenColumns + 1);
      const w = g.width(col);
      if (x < this.scroller.scrollLeft) this.scroller.scrollLeft = x;
      else if (x + w > this.scroller.scrollLeft + viewWidth) {
        this.scroller.scrollLeft = x + w - viewWidth;
      }
    }
  }

  /** True when the rows or columns on screen were not all fetched. */
  needsWindow(): boolean {
    const g = this.geometry;
    const grid = this.grid;
    if (!g || !grid) return false;
    const first = this.firstVisible(g);
    const lastRow = Math.min(
      g.maxRows,
      g.rowAt(g.top(first.row) + this.scroller.clientHeight),
    );
    const lastCol = Math.min(
      g.maxColumns,
      first.col + this.visibleColumns(g, first.col),
    );
    const rows = grid.rows.filter(r => r > g.frozenRows);
    const cols = grid.cols.filter(c => c > g.frozenColumns);
    const loaded = (list: number[], from: number, to: number, max: number) =>
      list.length > 0
        ? list[0] <= from &&
          (list[list.length - 1] >= to || list[list.length - 1] >= max)
        : false;
    return !(
      loaded(rows, first.row, lastRow, g.maxRows) &&
      loaded(cols, first.col, lastCol, g.maxColumns)
    );
  }

  /** Charts float over the grid from their anchor cell, as in Sheets. */
  renderCharts(charts: ChartView[]): void {
    const g = this.geometry;
    if (!g) return;
    this.charts.replaceChildren(
      ...charts.map(chart => {
        const figure = drawChart(chart);
        const {row, col, x, y} = chart.anchor;
        figure.style.left = `${ROW_HEADER_WIDTH + g.left(col) - g.left(1) + x}px`;
        figure.style.top = `${HEADER_HEIGHT + g.top(row) + y}px`;
        return figure;
      }),
    );
  }

  // ---- drawing -------------------------------------------------------------

  private firstVisible(g: Geometry): {row: number; col: number} {
    const row = g.rowAt(this.scroller.scrollTop + g.top(g.frozenRows + 1));
    const col = g.colAt(this.scroller.scrollLeft + g.left(g.frozenColumns + 1));
    return {
      row: Math.max(row, g.frozenRows + 1),
      col: Math.max(col, g.frozenColumns + 1),
    };
  }

  private visibleColumns(g: Geometry, from: number): number {
    let width = 0;
    let count = 0;
    for (
      let c = from;
      c <= g.maxColumns && width < this.scroller.clientWidth;
      c++
    ) {
      width += g.width(c);
      count++;
    }
    return count;
  }

  private build(grid: GridWindow, g: Geometry): void {
    this.cellsByKey.clear();
    this.viewsByKey.clear();
    this.colHeaders.clear();
    this.rowHeaders.clear();
    const frozenCols = grid.cols.filter(c => c <= g.frozenColumns);
    const windowCols = grid.cols.filter(c => c > g.frozenColumns);
    const c1 = windowCols[0] ?? g.frozenColumns + 1;
    const c2 = windowCols[windowCols.length - 1] ?? g.frozenColumns;
    const leftGap = g.left(c1) - g.left(g.frozenColumns + 1);
    const rightGap = g.totalWidth - g.left(c2 + 1);
    const columns: (number | 'left' | 'right')[] = [
      ...frozenCols,
      ...(leftGap > 0 ? (['left'] as const) : []),
      ...windowCols,
      ...(rightGap > 0 ? (['right'] as const) : []),
    ];
    const widthOf = (c: number | 'left' | 'right') =>
      c === 'left' ? leftGap : c === 'right' ? rightGap : g.width(c);

    const colgroup = el(
      'colgroup',
      {},
      el('col', {style: {width: `${ROW_HEADER_WIDTH}px`}}),
    );
    for (const c of columns) {
      colgroup.append(el('col', {style: {width: `${widthOf(c)}px`}}));
    }

    const head = el('thead');
    const letters = el('tr', {className: 'col-headers'});
    letters.append(el('th', {className: 'corner', attrs: {scope: 'col'}}));
    for (const c of columns) {
      if (typeof c !== 'number') {
        letters.append(
          el('th', {className: 'gap', attrs: {'aria-hidden': 'true'}}),
        );
        continue;
      }
      const th = el('th', {
        className:
          c <= g.frozenColumns ? 'col-header frozen-col' : 'col-header',
        text: columnToLetters(c),
        dataset: {col: String(c)},
        attrs: {scope: 'col'},
      });
      if (c <= g.frozenColumns)
        th.style.left = `${ROW_HEADER_WIDTH + g.left(c) - g.left(1)}px`;
      this.colHeaders.set(c, th);
      letters.append(th);
    }
    head.append(letters);

    const body = el('tbody');
    const spacer = (height: number) =>
      el(
        'tr',
        {className: 'spacer', attrs: {'aria-hidden': 'true'}},
        el('td', {
          attrs: {colspan: columns.length + 1},
          style: {height: `${height}px`},
        }),
      );
    const windowRows = grid.rows.filter(r => r > g.frozenRows);
    const r1 = windowRows[0] ?? g.frozenRows + 1;
    const r2 = windowRows[windowRows.length - 1] ?? g.frozenRows;
    const topGap = g.top(r1) - g.top(g.frozenRows + 1);
    const bottomGap = g.totalHeight - g.top(r2 + 1);
    if (topGap > 0) body.append(spacer(topGap));

    grid.rows.forEach((row, i) => {
      const frozen = row <= g.frozenRows;
      const tr = el('tr', {
        className: frozen ? 'frozen-row' : '',
        attrs: {'aria-rowindex': row},
      });
      const header = el('th', {
        className: 'row-header',
        text: String(row),
        dataset: {row: String(row)},
        attrs: {scope: 'row'},
      });
      this.rowHeaders.set(row, header);
      tr.append(header);
      const views = grid.cells[i];
      for (const c of columns) {
        if (typeof c !== 'number') {
          tr.append(
            el('td', {className: 'gap', attrs: {'aria-hidden': 'true'}}),
          );
          continue;
        }
        const view = views[grid.cols.indexOf(c)] ?? null;
        const td = this.cell(row, c, view);
        if (c <= g.frozenColumns) {
          td.classList.add('frozen-col');
          td.style.left = `${ROW_HEADER_WIDTH + g.left(c) - g.left(1)}px`;
        }
        tr.append(td);
      }
      if (frozen) {
        const top = `${HEADER_HEIGHT + g.top(row)}px`;
        for (const cell of tr.children) (cell as HTMLElement).style.top = top;
        head.append(tr);
      } else {
        body.append(tr);
      }
    });
    if (bottomGap > 0) body.append(spacer(bottomGap));
    this.table.style.width = `${ROW_HEADER_WIDTH + g.totalWidth}px`;
    this.table.setAttribute('aria-rowcount', String(g.maxRows));
    this.table.setAttribute('aria-colcount', String(g.maxColumns));
    this.table.replaceChildren(colgroup, head, body);
    this.charts.style.width = this.table.style.width;
  }

  private cell(
    row: number,
    col: number,
    view: CellView | null,
  ): HTMLTableCellElement {
    const a1 = cellA1(row, col);
    const td = el('td', {
      attrs: {role: 'gridcell', id: `cell-${a1}`, 'aria-colindex': col},
      dataset: {cell: a1, row: String(row), col: String(col)},
    });
    this.cellsByKey.set(a1, td);
    this.viewsByKey.set(a1, view);
    if (!view) return td;
    if (view.checkbox) {
      td.classList.add('checkbox');
      td.append(
        el('input', {
          attrs: {
            type: 'checkbox',
            tabindex: -1,
            'aria-label': `${a1} ${view.checkbox.checked ? 'ticked' : 'not ticked'}`,
          },
        }),
      );
      (td.firstChild as HTMLInputElement).checked = view.checkbox.checked;
    } else {
      td.append(el('span', {className: 'text', text: view.text}));
    }
    if (view.choices)
      td.append(
        el('span', {
          className: 'chip',
          text: '▾',
          attrs: {'aria-hidden': 'true'},
        }),
      );
    if (view.kind) td.classList.add(`kind-${view.kind}`);
    if (view.note) {
      td.classList.add('has-note');
      td.title = view.note;
    }
    if (view.error) {
      td.classList.add('has-error');
      td.title = view.error;
    }
    const style = view.style;
    if (style) {
      const s = td.style;
      if (style.bold) s.fontWeight = 'bold';
      if (style.italic) s.fontStyle = 'italic';
      const lines = [
        style.underline && 'underline',
        style.strike && 'line-through',
      ].filter(Boolean);
      if (lines.length) s.textDecoration = lines.join(' ');
      if (style.color) s.color = style.color;
      if (style.background) s.backgroundColor = style.background;
      if (style.align) s.textAlign = style.align;
      if (style.wrap) td.classList.add('wrap');
      if (style.fontFamily)
        s.fontFamily = `${style.fontFamily}, Arial, sans-serif`;
      if (style.fontSize) s.fontSize = `${(style.fontSize * 4) / 3}px`;
    }
    return td;
  }

  private paintSelection(): void {
    const {r1, c1, r2, c2} = this.selection;
    for (const td of this.table.querySelectorAll('.in-sel, .current')) {
      td.classList.remove(
        'in-sel',
        'sel-t',
        'sel-b',
        'sel-l',
        'sel-r',
        'current',
      );
      td.removeAttribute('aria-selected');
    }
    for (const th of this.table.querySelectorAll('.hdr-sel'))
      th.classList.remove('hdr-sel');
    for (const [a1, td] of this.cellsByKey) {
      const row = Number(td.dataset.row);
      const col = Number(td.dataset.col);
      if (row < r1 || row > r2 || col < c1 || col > c2) continue;
      td.classList.add('in-sel');
      td.setAttribute('aria-selected', 'true');
      if (row === r1) td.classList.add('sel-t');
      if (row === r2) td.classList.add('sel-b');
      if (col === c1) td.classList.add('sel-l');
      if (col === c2) td.classList.add('sel-r');
      if (row === this.current.row && col === this.current.col) {
        td.classList.add('current');
        this.scroller.setAttribute('aria-activedescendant', `cell-${a1}`);
      }
    }
    for (const [col, th] of this.colHeaders)
      if (col >= c1 && col <= c2) th.classList.add('hdr-sel');
    for (const [row, th] of this.rowHeaders)
      if (row >= r1 && row <= r2) th.classList.add('hdr-sel');
  }

  /** Tells the name box and formula bar where the cursor is and what the cell holds. */
  showCursor(): void {
    const a1 = cellA1(this.current.row, this.current.col);
    const view = this.viewsByKey.get(a1);
    this.actions.cursor(
      this.selectionA1(),
      view ? (view.input ?? view.text) : '',
    );
  }

  /** The selection as Sheets names it: 'B2', 'A2:C4', 'B:B', '3:5'. */
  private selectionA1(): string {
    const g = this.geometry;
    const {r1, c1, r2, c2} = this.selection;
    if (
      g &&
      r1 === 1 &&
      r2 === g.maxRows &&
      !(c1 === 1 && c2 === g.maxColumns)
    ) {
      return `${columnToLetters(c1)}:${columnToLetters(c2)}`;
    }
    if (
      g &&
      c1 === 1 &&
      c2 === g.maxColumns &&
      !(r1 === 1 && r2 === g.maxRows)
    ) {
      return `${r1}:${r2}`;
    }
    const start = cellA1(r1, c1);
    return r1 === r2 && c1 === c2 ? start : `${start}:${cellA1(r2, c2)}`;
  }

  // ---- selecting -----------------------------------------------------------

  private cellOf(
    target: EventTarget | null,
  ): {row: number; col: number} | null {
    const td = (target as HTMLElement | null)?.closest?.(
      'td[data-cell]',
    ) as HTMLElement | null;
    return td
      ? {row: Number(td.dataset.row), col: Number(td.dataset.col)}
      : null;
  }

  private select(
    rect: Rect,
    current: {row: number; col: number},
    extent = current,
  ): void {
    this.selection = rect;
    this.current = current;
    this.extent = extent;
    this.paintSelection();
    this.showCursor();
  }

  private commitSelection(): void {
    this.actions.select(this.selectionA1());
  }

  private onMouseDown(e: MouseEvent): void {
    if (e.button !== 0) return;
    const target = e.target as HTMLElement;
    if (this.editing && target.closest('input.cell-editor')) return;
    const g = this.geometry;
    if (!g) return;
    const header = target.closest(
      'th[data-col], th[data-row]',
    ) as HTMLElement | null;
    if (header) {
      e.preventDefault();
      this.focus();
      if (header.dataset.col) {
        const col = Number(header.dataset.col);
        const from = e.shiftKey ? this.current.col : col;
        this.select(
          {
            r1: 1,
            r2: g.maxRows,
            c1: Math.min(from, col),
            c2: Math.max(from, col),
          },
          e.shiftKey ? this.current : {row: 1, col},
          {row: g.maxRows, col},
        );
        this.dragging = 'cols';
      } else {
        const row = Number(header.dataset.row);
        const from = e.shiftKey ? this.current.row : row;
        this.select(
          {
            c1: 1,
            c2: g.maxColumns,
            r1: Math.min(from, row),
            r2: Math.max(from, row),
          },
          e.shiftKey ? this.current : {row, col: 1},
          {row, col: g.maxColumns},
        );
        this.dragging = 'rows';
      }
      return;
    }
    const cell = this.cellOf(target);
    if (!cell) return;
    if (target instanceof HTMLInputElement) return; // a checkbox: see onClick
    e.preventDefault();
    this.focus();
    if (e.shiftKey) {
      this.select(normal(this.current, cell), this.current, cell);
    } else {
      this.select(normal(cell, cell), cell);
    }
    this.dragging = 'cells';
  }

  private onMouseOver(e: MouseEvent): void {
    if (!this.dragging || !this.geometry) return;
    const g = this.geometry;
    const target = e.target as HTMLElement;
    if (this.dragging === 'cells') {
      const cell = this.cellOf(target);
      if (cell) this.select(normal(this.current, cell), this.current, cell);
      return;
    }
    const header = target.closest(
      'th[data-col], th[data-row], td[data-cell]',
    ) as HTMLElement | null;
    if (!header) return;
    if (this.dragging === 'cols' && header.dataset.col) {
      const col = Number(header.dataset.col);
      this.select(
        {
          r1: 1,
          r2: g.maxRows,
          c1: Math.min(this.current.col, col),
          c2: Math.max(this.current.col, col),
        },
        this.current,
        {row: g.maxRows, col},
      );
    } else if (this.dragging === 'rows' && header.dataset.row) {
      const row = Number(header.dataset.row);
      this.select(
        {
          c1: 1,
          c2: g.maxColumns,
          r1: Math.min(this.current.row, row),
          r2: Math.max(this.current.row, row),
        },
        this.current,
        {row, col: g.maxColumns},
      );
    }
  }

  private endDrag(): void {
    if (!this.dragging) return;
    this.dragging = null;
    this.commitSelection();
  }

  /** Clicking a checkbox selects its cell and ticks it, as in Sheets. */
  private onClick(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    if (!(target instanceof HTMLInputElement) || target.type !== 'checkbox')
      return;
    e.preventDefault(); // the server decides what the box shows
    const cell = this.cellOf(target);
    if (!cell) return;
    this.focus();
    this.select(normal(cell, cell), cell);
    this.commitSelection();
    this.toggle(cell.row, cell.col);
  }

  private isCheckbox(row: number, col: number): boolean {
    return Boolean(this.viewsByKey.get(cellA1(row, col))?.checkbox);
  }

  private toggle(row: number, col: number): void {
    const box = this.viewsByKey.get(cellA1(row, col))?.checkbox;
    if (box)
      this.actions.edit(cellA1(row, col), box.checked ? box.off : box.on);
  }

  /** Moves the current cell (or, with shift, the far corner of the selection). */
  private move(dRow: number, dCol: number, extend: boolean): void {
    const g = this.geometry;
    if (!g) return;
    const from = extend ? this.extent : this.current;
    const to = {
      row: Math.max(1, Math.min(g.maxRows, from.row + dRow)),
      col: Math.max(1, Math.min(g.maxColumns, from.col + dCol)),
    };
    if (extend) this.select(normal(this.current, to), this.current, to);
    else this.select(normal(to, to), to);
    this.reveal(to.row, to.col);
    this.commitSelection();
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editing || e.target !== this.scroller) return;
    const page = Math.max(
      1,
      Math.floor(this.scroller.clientHeight / ROW_HEIGHT) - 2,
    );
    const steps: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageUp: [-page, 0],
      PageDown: [page, 0],
    };
    const step = steps[e.key];
    if (step) {
      e.preventDefault();
      this.move(step[0], step[1], e.shiftKey);
      return;
    }
    const {row, col} = this.current;
    switch (e.key) {
      case 'Tab':
        e.preventDefault();
        this.move(0, e.shiftKey ? -1 : 1, false);
        return;
      case 'Enter':
      case 'F2':
        e.preventDefault();
        if (this.isCheckbox(row, col)) this.toggle(row, col);
        else this.startEdit();
        return;
      case ' ':
        if (this.isCheckbox(row, col)) {
          e.preventDefault();
          this.toggle(row, col);
          return;
        }
        break;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        if (this.viewsByKey.get(cellA1(row, col)))
          this.actions.edit(cellA1(row, col), '');
        return;
      case 'Home':
        e.preventDefault();
        this.move(e.ctrlKey ? 1 - row : 0, 1 - col, false);
        return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  }

  // ---- editing -------------------------------------------------------------

  /** Opens the editor on the current cell; `typed` replaces its content. */
  startEdit(typed?: string): void {
    const {row, col} = this.current;
    const a1 = cellA1(row, col);
    const td = this.cellsByKey.get(a1);
    if (!td || this.editing) return;
    this.reveal(row, col);
    const view = this.viewsByKey.get(a1) ?? null;
    const original = view ? (view.input ?? view.text) : '';
    const input = el('input', {
      className: 'cell-editor',
      attrs: {
        'aria-label': `Edit ${a1}`,
        spellcheck: 'false',
        autocomplete: 'off',
      },
    });
    input.value = typed ?? original;
    if (view?.choices) {
      const list = el('datalist', {attrs: {id: 'cell-choices'}});
      for (const choice of view.choices) {
        const option = el('option');
        option.value = choice;
        list.append(option);
      }
      td.append(list);
      input.setAttribute('list', 'cell-choices');
    }
    this.editing = {row, col, input, original};
    td.classList.add('editing');
    td.prepend(input);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    input.addEventListener('input', () => this.actions.cursor(a1, input.value));
    input.addEventListener('keydown', e => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.finishEdit(true, {row: row + 1, col});
      } else if (e.key === 'Tab') {
        e.preventDefault();
        this.finishEdit(true, {row, col: col + (e.shiftKey ? -1 : 1)});
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.finishEdit(false);
      }
    });
    input.addEventListener('blur', () => this.finishEdit(true));
    this.actions.cursor(a1, input.value);
  }

  /** The formula bar edits the current cell too. */
  editFromBar(text: string): void {
    const {row, col} = this.current;
    const a1 = cellA1(row, col);
    const view = this.viewsByKey.get(a1);
    if (text !== (view ? (view.input ?? view.text) : ''))
      this.actions.edit(a1, text);
  }

  private finishEdit(commit: boolean, next?: Move): void {
    const editing = this.editing;
    if (!editing) return;
    this.editing = null;
    const a1 = cellA1(editing.row, editing.col);
    const text = editing.input.value;
    const g = this.geometry;
    const to =
      next && g
        ? {
            row: Math.max(1, Math.min(g.maxRows, next.row)),
            col: Math.max(1, Math.min(g.maxColumns, next.col)),
          }
        : undefined;
    if (to) {
      this.select(normal(to, to), to);
      this.reveal(to.row, to.col);
    }
    this.focus();
    if (commit && text !== editing.original) this.actions.edit(a1, text, to);
    else if (to) this.commitSelection();
    const deferred = this.deferred;
    this.deferred = null;
    if (deferred) this.render(deferred.grid, deferred.selection);
    else {
      editing.input.remove();
      this.cellsByKey.get(a1)?.classList.remove('editing');
      this.table.querySelector('#cell-choices')?.remove();
    }
  }
}
