/**
 * The plain records a spreadsheet model keeps besides cell values. They are
 * data only (JSON-serialisable once Dates are encoded, see state.ts), so the
 * model can be saved beside a workbook and restored.
 */
import type {CellValue} from '../workbook';
import type {ChartTypeName, CriteriaName, VisibilityName} from './enums';
import type {Rect} from './rect';

/** A block of a sheet, named by the sheet's id (survives renames). */
export interface SheetRect {
  sheetId: number;
  rect: Rect;
}

/** One argument of a validation criterion, as getCriteriaValues() returns it. */
export type CriterionValue = CellValue | CellValue[] | {range: SheetRect};

export interface ValidationRule {
  criteria: CriteriaName;
  values: CriterionValue[];
  allowInvalid: boolean;
  helpText: string | null;
}

export type MetadataLocation =
  | {type: 'SPREADSHEET'}
  | {type: 'SHEET'; sheetId: number}
  | {type: 'ROW' | 'COLUMN'; sheetId: number; start: number; end: number};

export interface MetadataRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: VisibilityName;
  location: MetadataLocation;
}

export interface NamedRangeRecord {
  name: string;
  sheetId: number;
  rect: Rect;
}

/** A formula's array result occupying more than its own cell. */
export interface Spill {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface ChartRecord {
  chartId: number;
  type: ChartTypeName;
  ranges: SheetRect[];
  /** setOption(key, value) pairs, e.g. {title: 'Promotion by month'}. */
  options: Record<string, unknown>;
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
  numHeaders: number | null;
}

export interface ProtectionRecord {
  id: number;
  type: 'RANGE' | 'SHEET';
  /** The protected block (for SHEET: null, the whole sheet). */
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotected: Rect[];
}

/** Cell styles recorded per block (cheap to keep; nothing renders them here). */
export const STYLE_DEFAULTS = {
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontLine: 'none',
  fontColor: '#000000',
  fontFamily: 'Arial',
  fontSize: 10,
  background: '#ffffff',
  wrapStrategy: 'OVERFLOW',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
} as const;

export type StyleName = keyof typeof STYLE_DEFAULTS;
export type StyleValue = string | number;
