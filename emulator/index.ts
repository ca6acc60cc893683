/**
 * The local Apps Script emulator: runs a built add-on (dist/) against an
 * in-memory spreadsheet with the platform's rules (docs/PLATFORM.md): fresh
 * context per execution, auth modes, quotas, triggers, custom functions that
 * go stale like real ones, and every service call counted.
 */
import {receiveResult, sendArguments} from './bridge';
import {Bundle, CustomFunctionInfo} from './bundle';
import {Clock, toDate} from './clock';
import {CustomFunctions} from './custom-functions';
import {BoundDocument} from './document';
import {EmulatorUsageError, exception} from './exception';
import type {ExecutionKind} from './execution';
import type {ExecutionMode} from './host';
import {ExecutionRecord, ScriptRuntime, messageOf} from './runtime';
import type {LogEntry} from './services/context';
import {LockScope, lockKey} from './services/lock';
import type {SentMail} from './services/mail';
import {User} from './services/session';
import type {MenuInfo, MenuItemInfo, UiLog} from './services/ui';
import {EmulatorState, TriggerRecord, emptyState} from './state';
import {fireTimes, isDaily} from './trigger-schedule';
import type {SpreadsheetModel} from './sheets/model';
import type {WorkbookData} from './workbook';

export type {EmulatorState, TriggerRecord} from './state';
export type {MenuInfo, MenuItemInfo, UiLog} from './services/ui';
export type {SentMail} from './services/mail';
export type {ExecutionRecord} from './runtime';
export {Bundle} from './bundle';
export type {CustomFunctionInfo} from './bundle';
export type {LogEntry} from './services/context';
export type {WorkbookData, SheetData, CellValue} from './workbook';

export interface EmulatorOptions {
  /** The clock; time flows from here during executions. Default: the saved state's, else now. */
  now?: Date | string;
  /** Spreadsheet time zone, default 'Etc/UTC'. */
  timeZone?: string;
  /** Effective/active user email, default 'me@example.org'. */
  user?: string;
  /** Initial cells (else one empty 'Sheet1'). */
  workbook?: WorkbookData;
  /** Previously exported state to continue from. */
  state?: EmulatorState;
  spreadsheetName?: string;
  /** Email recipients per day, default 100 (consumer). */
  mailQuota?: number;
  /** Cells per spreadsheet, default 10,000,000. */
  cellLimit?: number;
  /** UrlFetch calls per day, default 20,000. */
  urlFetchQuota?: number;
  /** Time-driven trigger runtime per day, default 90 min (consumer). */
  triggerRuntimeQuotaMs?: number;
  /** The name Sheets shows for the add-on menu (createAddonMenu), default 'Whuffie'. */
  addOnName?: string;
  /** The script's time zone; default the manifest's (dist/appsscript.json), else 'Etc/UTC'. */
  scriptTimeZone?: string;
  /**
   * Makes Utilities.getUuid() return the same UUIDs, in the same order, on
   * every run (demos and screenshots that must not change); default random,
   * as on the platform.
   */
  uuidSeed?: string;
  /** Execution time limits in ms: 6 min, and 30 s for custom functions and simple triggers. */
  timeLimits?: {
    executionMs?: number;
    customFunctionMs?: number;
    simpleTriggerMs?: number;
  };
}

export interface CallOptions {
  mode?: ExecutionMode;
  /** 'sidebar' runs it as google.script.run would (see callFromSidebar). */
  via?: 'editor' | 'sidebar';
  /** Answers for alerts and prompts the function shows, in order. */
  answers?: string[];
}

export interface TimeTriggerResult {
  uid: string;
  fn: string;
  at: Date;
  ok: boolean;
  error?: string;
}

const DEFAULT_USER = 'me@example.org';
const SCRIPT_ID = '1WhuffieEmulatorScriptId000000000000000000000000000000';
const TRIGGER_QUOTA = 'Service using too much computer time for one day';

/** A script error as Node code receives it: an Error of this realm, same name and message. */
function hostError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const {name, message, stack} = error as {
      name?: unknown;
      message?: unknown;
      stack?: unknown;
    };
    const converted = new Error(String(message));
    converted.name = String(name ?? 'Error');
    if (typeof stack === 'string') converted.stack = stack;
    return converted;
  }
  return new Error(String(error));
}

export class Emulator {
  /** The spreadsheet the add-on is bound to (the sheets model). */
  readonly document: BoundDocument;
  readonly runtime: ScriptRuntime;
  private readonly clock: Clock;
  private readonly state: EmulatorState;
  private readonly user: string;
  private readonly limits: Required<NonNullable<EmulatorOptions['timeLimits']>>;
  private readonly customFunctionRunner: CustomFunctions;

  constructor(opts: EmulatorOptions = {}) {
    if (opts.state && opts.state.version !== 1) {
      throw new EmulatorUsageError(
        `Unknown emulator state version: ${String(opts.state.version)}`,
      );
    }
    this.state = opts.state
      ? structuredClone(opts.state)
      : emptyState(new Date());
    const start = opts.now ?? (opts.state ? opts.state.now : new Date());
    this.clock = new Clock(toDate(start));
    this.user = opts.user ?? DEFAULT_USER;
    this.limits = {
      executionMs: opts.timeLimits?.executionMs ?? 6 * 60_000,
      customFunctionMs: opts.timeLimits?.customFunctionMs ?? 30_000,
      simpleTriggerMs: opts.timeLimits?.simpleTriggerMs ?? 30_000,
    };
    this.document = new BoundDocument({
      workbook: opts.workbook,
      state: this.state.spreadsheet,
      name: opts.spreadsheetName,
      timeZone: opts.timeZone ?? 'Etc/UTC',
      cellLimit: opts.cellLimit,
      user: this.user,
    });
    this.runtime = new ScriptRuntime({
      clock: this.clock,
      state: this.state,
      limits: {
        mailRecipientsPerDay: opts.mailQuota ?? 100,
        urlFetchCallsPerDay: opts.urlFetchQuota ?? 20_000,
        triggerRuntimePerDayMs: opts.triggerRuntimeQuotaMs ?? 90 * 60_000,
        triggersPerUser: 20,
      },
      documentId: this.document.id,
      scriptId: SCRIPT_ID,
      addOnName: opts.addOnName ?? 'Whuffie',
      scriptTimeZone: opts.scriptTimeZone,
      uuidSeed: opts.uuidSeed,
      spreadsheetApp: host => this.document.spreadsheetApp(host),
    });
    this.customFunctionRunner = new CustomFunctions(
      {
        bundle: () => this.runtime.bundle(),
        runCustomFunction: (fn, args) => this.runCustomFunction(fn, args),
      },
      this.document,
      this.state.customFunctionMemo,
    );
  }

  // ---- the project -------------------------------------------------------

  /**
   * Loads the built project: every *.js file of `distDir` in name order
   * (one global scope, re-run by every execution), its *.html files for
   * HtmlService, its appsscript.json. Custom-function formulas that were
   * never computed are computed now.
   */
  loadBundle(distDir = 'dist'): void {
    this.useBundle(Bundle.fromDirectory(distDir));
  }

  /** Loads a project given as sources (tests, the playground). */
  useBundle(bundle: Bundle): void {
    this.runtime.load(bundle);
    this.customFunctionRunner.adoptComputedValues();
    this.afterExecutions(true);
  }

  /** Top-level functions whose JSDoc has @customfunction, read from the bundle source. */
  customFunctions(): CustomFunctionInfo[] {
    return this.runtime.bundle().customFunctions();
  }

  // ---- executions ----------------------------------------------------------

  /**
   * One execution of a top-level function, like Run in the editor (FULL by
   * default; CUSTOM_FUNCTION runs it as a cell would, with cell values as
   * arguments). Arguments and result cross like google.script.run: a Date in
   * the arguments throws "Failed due to illegal value in property: 0", Dates
   * in the result come back null. Functions ending in `_` and anything not a
   * top-level `function` declaration: "Script function not found: NAME".
   */
  call(fn: string, args: unknown[] = [], opts: CallOptions = {}): unknown {
    if (opts.via === 'sidebar') return this.callFromSidebar(fn, args);
    const mode = opts.mode ?? 'FULL';
    if (mode === 'CUSTOM_FUNCTION') {
      // Sheets hands a custom function cell values (Dates included), not
      // google.script.run values; it counts in the custom-function bucket.
      const result = this.runCustomFunction(fn, args);
      if (!result.ok) throw new Error(result.error);
      return result.value;
    }
    return this.run(fn, sendArguments(args), {
      kind: 'editor',
      mode,
      limitMs: this.limits.executionMs,
      answers: opts.answers,
    });
  }

  /**
   * google.script.run from the sidebar: FULL mode, public functions only,
   * JSON-ish arguments (a Date fails in the page) and results (a Date arrives
   * as null). A server exception is thrown as an Error with the thrown
   * message, as the failure handler receives it.
   */
  callFromSidebar(fn: string, args: unknown[] = []): unknown {
    return this.run(fn, sendArguments(args), {
      kind: 'sidebar',
      mode: 'FULL',
      limitMs: this.limits.executionMs,
    });
  }

  /** Fires onOpen(e) as Sheets does when a user opens the file (simple trigger), then installable open triggers. */
  open(mode: 'NONE' | 'LIMITED' = 'LIMITED'): void {
    this.runtime.menus.length = 0;
    this.fireSimple('onOpen', mode, () => ({
      authMode: mode,
      ...(mode === 'NONE'
        ? {}
        : {source: this.document.spreadsheet(this.runtime.host)}),
      user: new User(mode === 'NONE' ? '' : this.user),
    }));
    this.fireInstallable('ON_OPEN', () => ({
      source: this.document.spreadsheet(this.runtime.host),
      user: new User(this.user),
    }));
    this.afterExecutions();
  }

  /** onInstall(e) with FULL, as when the user installs the add-on from inside the file. */
  install(): void {
    this.runtime.menus.length = 0;
    if (!this.runtime.bundle().entryPoints.has('onInstall')) return;
    this.run('onInstall', [], {
      kind: 'simple-trigger',
      mode: 'FULL',
      limitMs: this.limits.simpleTriggerMs,
      event: () => ({
        authMode: 'FULL',
        source: this.document.spreadsheet(this.runtime.host),
      }),
    });
  }

  /**
   * The menu the last onOpen built: the add-on menu's items (its caption is
   * in menus()), or the first custom menu's when there is no add-on menu.
   */
  menu(): MenuItemInfo[] {
    const menus = this.runtime.menus;
    return (menus.find(m => m.addOn) ?? menus[0])?.items ?? [];
  }

  /** Every menu added to the UI since the file was opened, with its caption. */
  menus(): MenuInfo[] {
    return this.runtime.menus;
  }

  /**
   * Runs the menu item whose caption matches (case-insensitive; a unique
   * prefix is enough), FULL mode. `answers` answer its alerts and prompts in
   * order (a button name such as 'YES', or prompt text; '[CANCEL]' picks a
   * prompt's button); unanswered ones take the affirmative default.
   */
  clickMenu(caption: string, answers: string[] = []): unknown {
    const item = findMenuItem(this.runtime.menus, caption);
    return this.run(item.functionName, [], {
      kind: 'menu',
      mode: 'FULL',
      limitMs: this.limits.executionMs,
      answers,
    });
  }

  /**
   * A value typed by the user into one cell ('Sheet!B3'): read like typed
   * input, then simple onEdit(e) in LIMITED mode and installable edit
   * triggers in FULL. e.value / e.oldValue are strings (a checkbox gives
   * "TRUE"/"FALSE", a date its serial number); oldValue is absent when the
   * cell was empty, value when it was cleared.
   */
  userEdit(a1: string, value: string): void {
    const edit = this.document.type(
      this.runtime.host,
      a1,
      value,
      this.clock.now(),
    );
    const event = () => ({
      range: this.document.range(this.runtime.host, edit.a1),
      source: this.document.spreadsheet(this.runtime.host),
      user: new User(this.user),
      ...(edit.value === undefined ? {} : {value: edit.value}),
      ...(edit.oldValue === undefined ? {} : {oldValue: edit.oldValue}),
    });
    this.fireSimple('onEdit', 'LIMITED', () => ({
      authMode: 'LIMITED',
      ...event(),
    }));
    this.fireInstallable('ON_EDIT', event);
    this.afterExecutions(true);
  }

  /** Moves the user's cursor: active sheet, active range (what the sidebar follows); fires onSelectionChange. */
  userSelect(a1: string): void {
    const selected = this.document.select(this.runtime.host, a1);
    this.fireSimple('onSelectionChange', 'LIMITED', () => ({
      authMode: 'LIMITED',
      range: this.document.range(this.runtime.host, selected),
      source: this.document.spreadsheet(this.runtime.host),
      user: new User(this.user),
    }));
    this.afterExecutions();
  }

  /**
   * Runs installed CLOCK triggers now, as the clock would: FULL mode, the
   * installable trigger event (triggerUid, authMode), as the trigger's
   * owner, with NO active spreadsheet. 'daily' runs only the daily ones.
   */
  fireTimeTriggers(which: 'daily' | 'all' = 'all'): TimeTriggerResult[] {
    const due = this.state.triggers.filter(
      t => t.type === 'CLOCK' && (which === 'all' || isDaily(t)),
    );
    return due.map(t => this.runTimeTrigger(t, this.clock.nowMs()));
  }

  /**
   * Moves the clock forward to `until`, running every time-driven trigger
   * that falls due on the way, at its scheduled time, oldest first.
   */
  advanceClock(until: Date | string): TimeTriggerResult[] {
    const end = toDate(until).getTime();
    const start = this.clock.nowMs();
    if (end < start)
      throw new EmulatorUsageError('The clock only moves forward.');
    const due = this.state.triggers
      .filter(t => t.type === 'CLOCK')
      .flatMap(t => fireTimes(t, start, end).map(at => ({trigger: t, at})))
      .sort((a, b) => a.at - b.at);
    const results: TimeTriggerResult[] = [];
    for (const {trigger, at} of due) {
      if (!this.state.triggers.includes(trigger)) continue; // deleted by an earlier run
      if (at > this.clock.nowMs()) this.clock.set(new Date(at));
      results.push(this.runTimeTrigger(trigger, at));
    }
    if (end > this.clock.nowMs()) this.clock.set(new Date(end));
    return results;
  }

  // ---- the clock -----------------------------------------------------------

  setNow(d: Date | string): void {
    this.clock.set(toDate(d));
  }

  now(): Date {
    return this.clock.now();
  }

  // ---- what happened -------------------------------------------------------

  /** Every service method call of ordinary executions, e.g. counts['Range.getValues']. */
  get counts(): Record<string, number> {
    return this.runtime.counts.byMethod;
  }

  /** Calls made by custom-function recomputes (each recompute is its own execution). */
  get customFunctionCounts(): Record<string, number> {
    return this.runtime.customFunctionCounts.byMethod;
  }

  resetCounts(): void {
    this.runtime.counts.reset();
    this.runtime.customFunctionCounts.reset();
  }

  get mail(): SentMail[] {
    return this.runtime.mail;
  }

  get ui(): UiLog {
    return this.runtime.ui;
  }

  get triggers(): TriggerRecord[] {
    return this.state.triggers;
  }

  /** Logger.log / console.* output, one message per line. */
  get logs(): string[] {
    return this.runtime.logEntries.map(entry => entry.message);
  }

  get logEntries(): LogEntry[] {
    return this.runtime.logEntries;
  }

  /** Every execution so far, failed ones with their error (like the Executions page). */
  get executions(): ExecutionRecord[] {
    return this.runtime.executions;
  }

  /** The active spreadsheet model (emulator/sheets). */
  get spreadsheet(): SpreadsheetModel {
    return this.document.model;
  }

  /** A copy of a property store: script, document, or a user's (default: this emulator's user). */
  properties(
    scope: 'script' | 'document' | 'user',
    user = this.user,
  ): Record<string, string> {
    const stores = this.state.properties;
    if (scope === 'script') return {...stores.script};
    if (scope === 'document')
      return {...(stores.document[this.document.id] ?? {})};
    return {...(stores.user[user] ?? {})};
  }

  /**
   * Test hook: another execution holds this lock until `until` (default:
   * forever), so waitLock throws "Lock timeout: another process was holding
   * the lock for too long." and tryLock returns false.
   */
  holdLock(scope: LockScope, until?: Date | string): void {
    this.runtime.foreignLocks.set(
      this.lockKeyOf(scope),
      until === undefined ? Infinity : toDate(until).getTime(),
    );
  }

  releaseLock(scope: LockScope): void {
    this.runtime.foreignLocks.delete(this.lockKeyOf(scope));
  }

  /** The key LockService gives this document's and this user's locks. */
  private lockKeyOf(scope: LockScope): string {
    const owner = {document: this.document.id, user: this.user, script: ''};
    return lockKey(scope, owner[scope]);
  }

  // ---- persistence -------------------------------------------------------

  /** JSON-serialisable: everything but the cells (those go via toWorkbook()). */
  exportState(): EmulatorState {
    return {
      ...structuredClone(this.state),
      now: this.clock.now().toISOString(),
      spreadsheet: this.document.exportState(),
    };
  }

  /** Cells, formulas included with their computed values. */
  toWorkbook(): WorkbookData {
    return this.document.toWorkbook();
  }

  // ---- internals ---------------------------------------------------------

  private run(
    fn: string,
    args: unknown[],
    spec: {
      kind: ExecutionKind;
      mode: ExecutionMode;
      limitMs: number;
      answers?: string[];
      event?: () => object;
    },
  ): unknown {
    const bundle = this.runtime.bundle();
    const publicOnly = spec.kind !== 'simple-trigger';
    if (publicOnly && !bundle.isPublicEntryPoint(fn)) {
      throw hostError(exception(`Script function not found: ${fn}`));
    }
    try {
      return this.runtime.execute(
        {
          fn,
          kind: spec.kind,
          mode: spec.mode,
          user: this.user,
          activeUser: this.user,
          documentId: this.document.id,
          limitMs: spec.limitMs,
          answers: spec.answers,
          counts:
            spec.kind === 'custom-function'
              ? this.runtime.customFunctionCounts
              : undefined,
        },
        realm =>
          spec.event
            ? [realm.toScript(spec.event())]
            : args.map(arg => realm.toScript(arg)),
        (value, realm) => receiveResult(realm.fromScript(value)),
      );
    } catch (error) {
      throw hostError(error);
    } finally {
      this.afterExecutions();
    }
  }

  /** A simple trigger: runs if the project defines it; a failure is logged, not thrown (the user sees nothing). */
  private fireSimple(
    fn: string,
    mode: ExecutionMode,
    event: () => object,
  ): void {
    if (!this.runtime.hasBundle || !this.runtime.bundle().entryPoints.has(fn))
      return;
    try {
      this.runtime.execute(
        {
          fn,
          kind: 'simple-trigger',
          mode,
          user: this.user,
          activeUser: this.user,
          documentId: this.document.id,
          limitMs: this.limits.simpleTriggerMs,
        },
        realm => [realm.toScript(event())],
        () => undefined,
      );
    } catch {
      // Recorded in `executions`; Sheets shows nothing.
    }
  }

  /** Installable triggers of this document: FULL mode, as their owner, with triggerUid. */
  private fireInstallable(
    type: 'ON_OPEN' | 'ON_EDIT',
    event: () => object,
  ): void {
    for (const trigger of this.state.triggers.filter(
      t => t.type === type && t.sourceId === this.document.id,
    )) {
      try {
        this.runtime.execute(
          {
            fn: trigger.handler,
            kind: 'installable-trigger',
            mode: 'FULL',
            user: trigger.owner,
            activeUser: trigger.owner,
            documentId: this.document.id,
            triggerUid: trigger.uid,
            limitMs: this.limits.executionMs,
          },
          realm => [
            realm.toScript({
              authMode: 'FULL',
              triggerUid: trigger.uid,
              ...event(),
            }),
          ],
          () => undefined,
        );
      } catch {
        // Recorded in `executions`; no failure email reaches add-on users.
      }
    }
  }

  private runTimeTrigger(
    trigger: TriggerRecord,
    at: number,
  ): TimeTriggerResult {
    const result = {uid: trigger.uid, fn: trigger.handler, at: new Date(at)};
    const quotaKey = `triggers:${trigger.owner}`;
    const quota = this.runtime.limits.triggerRuntimePerDayMs;
    if (this.runtime.quotas.remaining(quotaKey, quota, at) <= 0) {
      return {...result, ok: false, error: TRIGGER_QUOTA};
    }
    trigger.lastRunAt = new Date(at).toISOString();
    try {
      this.runtime.execute(
        {
          fn: trigger.handler,
          kind: 'time-trigger',
          mode: 'FULL',
          user: trigger.owner,
          activeUser: '',
          documentId: null,
          triggerUid: trigger.uid,
          limitMs: this.limits.executionMs,
        },
        realm => [realm.toScript(timeEvent(trigger.uid, new Date(at)))],
        () => undefined,
      );
      return {...result, ok: true};
    } catch (error) {
      return {...result, ok: false, error: messageOf(error)};
    } finally {
      const spent =
        this.runtime.executions[this.runtime.executions.length - 1]?.ms ?? 0;
      this.runtime.quotas.take(quotaKey, spent, at);
      this.afterExecutions();
    }
  }

  /**
   * After cells changed (a script wrote, a user typed, a file was loaded),
   * custom functions whose arguments changed since their last run are
   * recomputed — all under one watchdog per batch, restarted after a
   * formula that never returns has been stopped.
   */
  private afterExecutions(cellsChanged = false): void {
    if (!this.runtime.hasBundle) return;
    if (!this.runtime.takeDocumentChanges() && !cellsChanged) return;
    const limit = this.limits.customFunctionMs;
    for (;;) {
      const batch = this.runtime.guarded(limit, () =>
        this.customFunctionRunner.recompute(),
      );
      if (batch.completed) return;
      this.customFunctionRunner.interrupted(batch.interrupted?.ms ?? 0, limit);
    }
  }

  /**
   * One custom-function recompute: CUSTOM_FUNCTION mode, anonymous (Session
   * users read ''), 30 s, counted in its own bucket.
   */
  private runCustomFunction(
    fn: string,
    args: unknown[],
  ): {ok: true; value: unknown} | {ok: false; error: string} {
    try {
      const value = this.runtime.execute(
        {
          fn,
          kind: 'custom-function',
          mode: 'CUSTOM_FUNCTION',
          user: this.user,
          activeUser: '',
          documentId: this.document.id,
          limitMs: this.limits.customFunctionMs,
          counts: this.runtime.customFunctionCounts,
        },
        realm => args.map(arg => realm.toScript(arg)),
        (result, realm) => realm.fromScript(result),
      );
      return {ok: true, value};
    } catch (error) {
      return {ok: false, error: messageOf(error)};
    }
  }
}

/** The event object of a time-driven trigger (fields in UTC, as Apps Script gives them). */
function timeEvent(triggerUid: string, at: Date): object {
  const day = at.getUTCDay();
  const startOfYear = Date.UTC(at.getUTCFullYear(), 0, 1);
  return {
    authMode: 'FULL',
    triggerUid,
    'day-of-month': at.getUTCDate(),
    'day-of-week': day === 0 ? 7 : day,
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    month: at.getUTCMonth() + 1,
    second: at.getUTCSeconds(),
    timezone: 'UTC',
    'week-of-year':
      Math.floor((at.getTime() - startOfYear) / (7 * 86_400_000)) + 1,
    year: at.getUTCFullYear(),
  };
}

/** The leaf item whose caption matches exactly (case-insensitive), else by unique prefix. */
function findMenuItem(
  menus: MenuInfo[],
  caption: string,
): {caption: string; functionName: string} {
  const leaves: {caption: string; functionName: string}[] = [];
  const walk = (items: MenuItemInfo[]) => {
    for (const item of items) {
      if ('functionName' in item) leaves.push(item);
      else if ('submenu' in item) walk(item.submenu);
    }
  };
  for (const menu of [...menus].sort(
    (a, b) => Number(b.addOn) - Number(a.addOn),
  ))
    walk(menu.items);
  const wanted = caption.toLowerCase();
  const exact = leaves.filter(item => item.caption.toLowerCase() === wanted);
  if (exact.length >= 1) return exact[0];
  const prefixed = leaves.filter(item =>
    item.caption.toLowerCase().startsWith(wanted),
  );
  if (prefixed.length === 1) return prefixed[0];
  const captions =
    leaves.map(item => item.caption).join(', ') ||
    'none (was the file opened?)';
  throw new EmulatorUsageError(
    prefixed.length > 1
      ? `Menu caption "${caption}" is ambiguous: ${prefixed.map(i => i.caption).join(', ')}.`
      : `No menu item "${caption}". Items: ${captions}.`,
  );
}
