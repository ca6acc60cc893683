/**
 * What every SpreadsheetApp object carries (the host and the resolver), and
 * the one place that turns each public method call into `host.count` and
 * `host.checkAccess`. Classes hold only public Apps Script methods; their
 * internals are module functions, so a method calling another method's logic
 * never counts twice.
 */
import type {Host} from '../host';
import type {SpreadsheetModel} from './model';
import type {Rect} from './rect';

/** The current user's cursor in one spreadsheet. */
export interface SelectionState {
  sheetId: number;
  /** The active range (the selected block). */
  range: Rect;
  /** The current cell, inside the active range. */
  current: {row: number; col: number};
}

/**
 * How SpreadsheetApp finds documents; the runtime supplies it.
 * - active(): the document the add-on is open in, or null (a standalone
 *   run). Time-driven triggers get null from getActiveSpreadsheet()
 *   regardless: createSpreadsheetApp asks host.inTimeTrigger() first.
 * - byId(): openById/openByUrl lookup; null makes them throw.
 * - selection(): the current user's cursor in a document, a mutable object
 *   the resolver keeps (per user, per document); SpreadsheetApp reads and
 *   moves it on activate()/setActiveRange(). See SpreadsheetRegistry for the
 *   ready-made implementation.
 */
export interface SpreadsheetResolver {
  active(): SpreadsheetModel | null;
  byId(id: string): SpreadsheetModel | null;
  selection(model: SpreadsheetModel): SelectionState;
}

export interface ApiContext {
  readonly host: Host;
  readonly resolver: SpreadsheetResolver;
}

/** Every SpreadsheetApp object keeps its context here. */
export interface Contextual {
  readonly ctx: ApiContext;
}

export type Access = 'read' | 'write';

const READS =
  /^(get|is|has|can|new|copy|open|flush|createDeveloperMetadataFinder)/;

/**
 * How a document method touches the document: reads are get*, is*, finders
 * and builders; anything else (set*, insert*, delete*, clear*, activate, …)
 * writes. Custom functions and AuthMode.NONE are refused on this basis.
 */
function documentAccess(method: string): Access {
  return READS.test(method) ? 'read' : 'write';
}

/** Builders and finders change nothing until their result is applied. */
export function builderAccess(): Access {
  return 'read';
}

/** What every public call does first: count it and let the host refuse it. */
export function enterCall(host: Host, name: string, access: Access): void {
  host.count(name);
  host.checkAccess(name, access);
}

/**
 * Wraps every public method of a class so a call is counted as
 * `ClassName.method` and checked with the host before it runs.
 */
export function instrument(
  cls: {prototype: object},
  className: string,
  access: (method: string) => Access = documentAccess,
): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const method of Object.getOwnPropertyNames(proto)) {
    const original = proto[method];
    if (method === 'constructor' || method === 'toString') continue;
    if (typeof original !== 'function') continue;
    const name = `${className}.${method}`;
    const kind = access(method);
    proto[method] = function (this: Contextual, ...args: unknown[]): unknown {
      enterCall(this.ctx.host, name, kind);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}
