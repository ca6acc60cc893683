/**
 * What the playground's page and server say to each other over HTTP (JSON).
 * Types only: the browser client imports them without pulling Node code in.
 */
import type {MenuInfo} from '../services/ui';

export type {MenuInfo, MenuItemInfo} from '../services/ui';

/** How a cell looks, when it differs from plain black Arial on white. */
export interface CellStyle {
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  color?: string;
  background?: string;
  align?: 'left' | 'center' | 'right';
  wrap?: true;
  fontFamily?: string;
  fontSize?: number;
}

/** One non-empty or decorated cell of the grid window. */
export interface CellView {
  /** What the cell shows (its display value). */
  text: string;
  /** What the editor starts with when that differs from `text`: a formula, an unformatted number. */
  input?: string;
  /** Numbers and dates sit right, booleans and errors centred, text left (Sheets' "general"). */
  kind?: 'number' | 'boolean' | 'error';
  note?: string;
  /** Why a formula shows #ERROR! or #REF!. */
  error?: string;
  /** A checkbox (data validation): its state and the values ticking / unticking types. */
  checkbox?: {checked: boolean; on: string; off: string};
  /** A dropdown (list validation): the allowed values. */
  choices?: string[];
  style?: CellStyle;
}

/**
 * A window of the active sheet: the frozen rows and columns plus the block
 * the page scrolled to, never the whole sheet. `cells[i][j]` is the cell at
 * row `rows[i]`, column `cols[j]` (null: empty and undecorated). Hidden rows
 * and columns are left out of `rows` and `cols`.
 */
export interface GridWindow {
  sheet: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Column widths in px that differ from the default. */
  columnWidths: [number, number][];
  hiddenRows: number[];
  hiddenColumns: number[];
  rows: number[];
  cols: number[];
  cells: (CellView | null)[][];
}

export interface SelectionView {
  /** Local A1 of the selected block ('B2', 'A2:C4', 'B:B'). */
  a1: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  /** The current cell inside it. */
  row: number;
  col: number;
}

export interface ToastView {
  /** Position in the emulator's toast log: the page shows each one once. */
  seq: number;
  title: string;
  message: string;
  timeoutSeconds: number;
}

export interface MailSummary {
  seq: number;
  to: string;
  cc?: string;
  bcc?: string;
  subject: string;
  /** ISO time it was sent (emulated clock). */
  at: string;
}

export interface MailView extends MailSummary {
  from: string;
  name?: string;
  replyTo?: string;
  body: string;
  htmlBody?: string;
}

export interface ChartView {
  id: number;
  /** ChartType name: COLUMN, BAR, LINE, AREA, PIE, … */
  type: string;
  title: string;
  ranges: string[];
  /** The cell its top-left corner is anchored to, and the offset from it in px. */
  anchor: {row: number; col: number; x: number; y: number};
  width: number;
  height: number;
  stacked: boolean;
  /** The domain: the first column of the data, below its header. */
  labels: string[];
  /** One per further column: its header and numbers (null where not a number). */
  series: {name: string; values: (number | null)[]}[];
}

/** The sidebar or dialog the add-on has open (its HTML is fetched once per id). */
export interface SurfaceView {
  id: number;
  title: string;
}

export interface DialogSurfaceView extends SurfaceView {
  modal: boolean;
  width?: number;
  height?: number;
}

export interface ExecutionView {
  /** Position in the emulator's executions log. */
  seq: number;
  fn: string;
  kind: string;
  ok: boolean;
  error?: string;
  ms: number;
  at: string;
}

export interface PlaygroundState {
  spreadsheet: {name: string; timeZone: string};
  sheets: {name: string; hidden: boolean; tabColor: string | null}[];
  activeSheet: string;
  selection: SelectionView;
  grid: GridWindow;
  menus: MenuInfo[];
  sidebar: SurfaceView | null;
  dialog: DialogSurfaceView | null;
  /** The latest few toasts since the page opened the file; it shows each once. */
  toasts: ToastView[];
  /** Every email sent so far, newest last. */
  mail: MailSummary[];
  charts: ChartView[];
  /** The latest executions, newest last (the Apps Script "Executions" page). */
  executions: ExecutionView[];
  /** The first execution since the page opened the file (failures after it are reported). */
  executionsFrom: number;
  /** The top-level functions google.script.run may call. */
  serverFunctions: string[];
  /** Where Save writes, or null when the playground was started without one. */
  saveTo: string | null;
  /** The emulated clock, ISO. */
  now: string;
}

/** Which part of the active sheet the page wants (1-based; frozen rows and columns always come). */
export interface WindowRequest {
  r1: number;
  c1: number;
  rows: number;
  cols: number;
}

/** An alert or a prompt an execution showed, in the order it showed them. */
export type ShownDialog =
  | {
      kind: 'alert';
      title: string;
      prompt: string;
      buttons: string;
      answer: string;
    }
  | {
      kind: 'prompt';
      title: string;
      prompt: string;
      buttons: string;
      button: string;
      text: string;
    };

/** An alert or prompt waiting for the person in the browser. */
export interface Question {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  /** Ui.ButtonSet name: OK, OK_CANCEL, YES_NO, YES_NO_CANCEL. */
  buttons: string;
}

/** What the person answered: the button they picked, and for a prompt the text they typed. */
export interface Answer {
  kind: 'alert' | 'prompt';
  /** OK, CANCEL, YES, NO, or CLOSE (the dialog's X). */
  button: string;
  text?: string;
}

/**
 * What clicking a menu item led to. 'question': the item asks something;
 * answer it and post again with `answers` plus the answer. 'done': the item
 * ran once, for real; `notices` are dialogs it showed that nobody was asked
 * about yet (such as a closing "Done" alert).
 */
export type MenuOutcome =
  | {
      status: 'question';
      answers: Answer[];
      notices: ShownDialog[];
      question: Question;
    }
  | {status: 'done'; notices: ShownDialog[]; error?: string};

/** google.script.run's answer: the value for the success handler, or the failure handler's message. */
export type RunOutcome =
  | {ok: true; value?: unknown; notices: ShownDialog[]}
  | {ok: false; error: string; name: string; notices: ShownDialog[]};

/** Messages between the sidebar/dialog frames and the page (window.postMessage). */
export type FrameMessage =
  | {whuffie: 'run'; id: number; fn: string; args: unknown[]}
  | {whuffie: 'close'}
  | {whuffie: 'focus-editor'}
  | {whuffie: 'set-size'; width?: number; height?: number};

export type PageMessage = {
  whuffie: 'result';
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
  name?: string;
};
