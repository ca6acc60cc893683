/**
 * A ready-made SpreadsheetResolver: the spreadsheets this emulator knows,
 * which one the add-on is open in, and each user's cursor in each of them.
 */
import type {SelectionState, SpreadsheetResolver} from './context';
import type {SpreadsheetModel} from './model';
import {parseA1, resolveA1} from './a1';
import {rectOf} from './rect';
import {selectRect} from './selection';

export interface RegistryOptions {
  /** Who is running now (selections are per user); defaults to one user. */
  user?: () => string;
}

export class SpreadsheetRegistry implements SpreadsheetResolver {
  private readonly files = new Map<string, SpreadsheetModel>();
  private activeId: string | null = null;
  private readonly selections = new Map<string, SelectionState>();
  private readonly user: () => string;

  constructor(options: RegistryOptions = {}) {
    this.user = options.user ?? (() => '');
  }

  /** Registers a file; the first one added becomes the active one. */
  add(model: SpreadsheetModel): SpreadsheetModel {
    this.files.set(model.id, model);
    if (this.activeId === null) this.activeId = model.id;
    return model;
  }

  remove(id: string): void {
    this.files.delete(id);
    if (this.activeId === id) this.activeId = null;
  }

  /** The file the add-on runs in; null for a standalone execution. */
  setActive(id: string | null): void {
    if (id !== null && !this.files.has(id))
      throw new Error(`Unknown spreadsheet ${id}`);
    this.activeId = id;
  }

  all(): SpreadsheetModel[] {
    return [...this.files.values()];
  }

  active(): SpreadsheetModel | null {
    return this.activeId === null
      ? null
      : (this.files.get(this.activeId) ?? null);
  }

  byId(id: string): SpreadsheetModel | null {
    return this.files.get(id) ?? null;
  }

  selection(model: SpreadsheetModel): SelectionState {
    const key = `${this.user()}\u0000${model.id}`;
    let selection = this.selections.get(key);
    if (!selection) {
      const first = model.sheets.find(s => !s.hidden) ?? model.sheets[0];
      selection = {
        sheetId: first.sheetId,
        range: rectOf(1, 1, 1, 1),
        current: {row: 1, col: 1},
      };
      this.selections.set(key, selection);
    }
    return selection;
  }

  /**
   * Moves the current user's cursor, as clicking in the grid does
   * (the playground and tests use it): `a1` like 'B3' or 'A2:D5'.
   */
  select(model: SpreadsheetModel, sheetName: string, a1: string): void {
    const sheet = model.sheetByName(sheetName);
    const ref = parseA1(a1);
    if (!sheet || !ref) throw new Error(`Cannot select ${sheetName}!${a1}`);
    selectRect(
      this.selection(model),
      sheet.sheetId,
      resolveA1(ref, sheet.maxRows, sheet.maxColumns),
    );
  }
}
