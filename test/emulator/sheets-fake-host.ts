/**
 * A Host for testing the sheets service alone: records counts, access checks,
 * changed sheets and toasts, and can refuse calls like the runtime does.
 */
import type {ExecutionMode, Host} from '../../emulator/host';
import {
  SpreadsheetModel,
  SpreadsheetOptions,
  SpreadsheetRegistry,
  createSpreadsheetApp,
} from '../../emulator/sheets';
import type {WorkbookData} from '../../emulator/workbook';

export class FakeHost implements Host {
  readonly counts = new Map<string, number>();
  readonly checks: Array<[string, 'read' | 'write']> = [];
  readonly changed: string[] = [];
  readonly toasts: Array<[string, string, number]> = [];
  executionMode: ExecutionMode = 'FULL';
  timeTrigger = false;
  clock = new Date('2026-09-01T12:00:00Z');
  /** Returns a message to refuse a call with, or null to allow it. */
  refuse: (method: string, access: 'read' | 'write') => string | null = () =>
    null;

  count(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }
  checkAccess(method: string, access: 'read' | 'write'): void {
    this.checks.push([method, access]);
    const message = this.refuse(method, access);
    if (message) throw new Error(message);
  }
  mode(): ExecutionMode {
    return this.executionMode;
  }
  inTimeTrigger(): boolean {
    return this.timeTrigger;
  }
  now(): Date {
    return new Date(this.clock.getTime());
  }
  getUi(): unknown {
    return {ui: true};
  }
  toast(message: string, title: string, timeoutSeconds: number): void {
    this.toasts.push([message, title, timeoutSeconds]);
  }
  cellsChanged(sheetName: string): void {
    this.changed.push(sheetName);
  }
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}

/** A spreadsheet, its registry and a SpreadsheetApp over a fake host. */
export function setup(
  workbook: WorkbookData = {sheets: [{name: 'Sheet1', values: []}]},
  options: SpreadsheetOptions = {timeZone: 'America/New_York'},
) {
  const host = new FakeHost();
  const model = SpreadsheetModel.fromWorkbook(workbook, options);
  const registry = new SpreadsheetRegistry();
  registry.add(model);
  const app = createSpreadsheetApp(host, registry);
  const ss = app.getActiveSpreadsheet()!;
  const sheet = ss.getSheets()[0];
  host.counts.clear();
  host.checks.length = 0;
  host.changed.length = 0;
  return {host, model, registry, app, ss, sheet};
}

/** Runs fn and returns the error it throws (fails the test if none). */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, none was thrown');
}
