/**
 * The plain data a workbook file holds: what `--in` reads and `--out` writes.
 * Everything else the emulator knows (properties, triggers, metadata,
 * validation, notes, formats) travels in EmulatorState beside the file.
 */

export type CellValue = string | number | boolean | Date;

export interface SheetData {
  name: string;
  /** Row-major cell values; '' is empty; rows may be ragged (missing = ''). */
  values: CellValue[][];
  /**
   * Formulas by A1 address (`{B2: '=SUM(A1:A3)'}`); the matching entry in
   * `values` is the formula's last computed value.
   */
  formulas?: Record<string, string>;
}

export interface WorkbookData {
  sheets: SheetData[];
}
