/**
 * The seam between the spreadsheet service (emulator/sheets) and the rest of
 * the emulator (auth modes, call counting, the clock, Ui, the add-on runtime).
 * SpreadsheetApp never reaches around it, so each side can be tested alone.
 */

/** The execution contexts Apps Script distinguishes (PLATFORM.md). */
export type ExecutionMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

export interface Host {
  /** Record one service call, e.g. count('Range.getValues'). */
  count(method: string): void;
  /**
   * Throw the platform's error if the current execution may not make this
   * call. `access` says whether the call reads or changes the document.
   */
  checkAccess(method: string, access: 'read' | 'write'): void;
  /** The current execution's mode (drives what getActiveSpreadsheet returns). */
  mode(): ExecutionMode;
  /** True while the running execution is a time-driven trigger (no active document). */
  inTimeTrigger(): boolean;
  /** Emulated "now". */
  now(): Date;
  /** SpreadsheetApp.getUi() is served by the Ui service. */
  getUi(): unknown;
  /** Spreadsheet.toast() lands here. */
  toast(message: string, title: string, timeoutSeconds: number): void;
  /**
   * Called after a script writes cells, so formulas whose arguments changed
   * can be recomputed (custom functions) at the end of the execution.
   */
  cellsChanged(sheetName: string): void;
}
