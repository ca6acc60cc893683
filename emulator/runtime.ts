import * as vm from 'node:vm';
import {
  Capability,
  NO_UI_CONTEXT,
  documentCapability,
  requireCapability,
} from './auth';
import type {Bundle} from './bundle';
import type {Clock} from './clock';
import {CallCounts} from './counts';
import {EmulatorUsageError, exception} from './exception';
import {Execution, ExecutionSpec} from './execution';
import type {Host} from './host';
import {DailyQuotas} from './quota';
import {Realm, serviceNameOf} from './realm';
import type {EmulatorState} from './state';
import {CacheService} from './services/cache';
import type {
  Limits,
  LogEntry,
  LogLevel,
  ServiceContext,
} from './services/context';
import {HtmlService} from './services/html';
import {LockService} from './services/lock';
import {Console, Logger} from './services/logger';
import {MailApp, SentMail} from './services/mail';
import {PropertiesService} from './services/properties';
import {ScriptApp} from './services/script-app';
import {Session} from './services/session';
import {MenuInfo, Ui, UiLog, emptyUiLog} from './services/ui';
import {UrlFetchApp} from './services/url-fetch';
import {seededUuid, Utilities} from './services/utilities';

const EXCEEDED_MAXIMUM_EXECUTION_TIME = 'Exceeded maximum execution time';

/** One line of the executions log (what the Apps Script dashboard lists). */
export interface ExecutionRecord {
  fn: string;
  kind: ExecutionSpec['kind'];
  mode: ExecutionSpec['mode'];
  user: string;
  at: Date;
  ms: number;
  ok: boolean;
  error?: string;
}

export interface RuntimeOptions {
  clock: Clock;
  state: EmulatorState;
  limits: Limits;
  documentId: string;
  scriptId: string;
  addOnName: string;
  /** Overrides the manifest's timeZone. */
  scriptTimeZone?: string;
  /** Seeds Utilities.getUuid (see EmulatorOptions.uuidSeed). */
  uuidSeed?: string;
  /** Builds the SpreadsheetApp global for one execution. */
  spreadsheetApp: (host: Host) => object;
}

/**
 * Runs the project's top-level code, then the entry function, under one
 * time limit; the hook removes itself first so the project never sees it.
 */
const ENTER = '__whuffieEnter__';
const TRAMPOLINE = new vm.Script(
  `(function () { const enter = globalThis.${ENTER}; delete globalThis.${ENTER}; return enter(); })()`,
  {filename: 'execution.js'},
);
/** Runs a batch of executions under one watchdog (see guarded()). */
const GUARD = '__whuffieGuard__';
const GUARDED = new vm.Script(`${GUARD}()`, {filename: 'batch.js'});

/**
 * The Apps Script runtime: runs one execution at a time, each in a fresh
 * V8 context where the whole project's top-level code runs again (Apps
 * Script reloads the project for every execution, in the caller's auth
 * mode), then the entry function. It is the ServiceContext the services
 * see and the Host the spreadsheet service sees.
 */
export class ScriptRuntime implements ServiceContext {
  readonly clock: Clock;
  readonly state: EmulatorState;
  readonly quotas: DailyQuotas;
  readonly limits: Limits;
  readonly documentId: string;
  readonly scriptId: string;
  readonly addOnName: string;
  readonly ui: UiLog = emptyUiLog();
  readonly mail: SentMail[] = [];
  readonly logEntries: LogEntry[] = [];
  readonly menus: MenuInfo[] = [];
  readonly executions: ExecutionRecord[] = [];
  readonly foreignLocks = new Map<string, number>();
  /** Calls made by ordinary executions. */
  readonly counts = new CallCounts();
  /** Calls made by custom-function recomputes (each one its own execution). */
  readonly customFunctionCounts = new CallCounts();
  readonly host: Host;

  private loaded: Bundle | null = null;
  private current: {
    execution: Execution;
    realm: Realm;
    ui: Ui;
    startedAt: Date;
  } | null = null;
  /** Set when a script wrote cells; read (and cleared) by takeDocumentChanges. */
  private documentChanged = false;
  /** Inside guarded(): executions run under its watchdog instead of their own. */
  private guardDepth = 0;
  private driver: vm.Context | null = null;
  /** The context custom functions share inside one guarded() batch. */
  private batchRealm: Realm | null = null;

  constructor(private readonly options: RuntimeOptions) {
    this.clock = options.clock;
    this.state = options.state;
    this.quotas = new DailyQuotas(options.state.quotas);
    this.limits = options.limits;
    this.documentId = options.documentId;
    this.scriptId = options.scriptId;
    this.addOnName = options.addOnName;
    this.host = this.createHost();
  }

  load(bundle: Bundle): void {
    this.loaded = bundle;
  }

  bundle(): Bundle {
    if (!this.loaded)
      throw new EmulatorUsageError(
        'No bundle loaded: call loadBundle() first.',
      );
    return this.loaded;
  }

  get hasBundle(): boolean {
    return this.loaded !== null;
  }

  private uuidsGiven = 0;

  seededUuid(): string | null {
    const seed = this.options.uuidSeed;
    return seed === undefined ? null : seededUuid(seed, this.uuidsGiven++);
  }

  scriptTimeZone(): string {
    return (
      this.options.scriptTimeZone ?? this.loaded?.manifest.timeZone ?? 'Etc/UTC'
    );
  }

  execution(): Execution {
    if (!this.current) throw new EmulatorUsageError('No execution is running.');
    return this.current.execution;
  }

  realm(): Realm {
    if (!this.current) throw new EmulatorUsageError('No execution is running.');
    return this.current.realm;
  }

  /** True if a script changed cells since the last call (custom functions may be stale). */
  takeDocumentChanges(): boolean {
    const changed = this.documentChanged;
    this.documentChanged = false;
    return changed;
  }

  require(capability: Capability, method: string): void {
    requireCapability(this.execution().mode, capability, method);
  }

  log(level: LogLevel, message: string): void {
    this.logEntries.push({level, message, at: this.clock.now()});
  }

  setMenu(menu: MenuInfo): void {
    const index = this.menus.findIndex(
      m => m.caption === menu.caption && m.addOn === menu.addOn,
    );
    if (index >= 0) this.menus[index] = menu;
    else this.menus.push(menu);
  }

  /**
   * Runs `spec.fn` as one execution. `args` builds the arguments inside the
   * new context; `result` turns the return value into what the caller gets
   * while the context still exists. Script errors propagate as they were
   * thrown (in the script's realm); the time limits end the run with
   * "Exceeded maximum execution time".
   */
  execute<T>(
    spec: Omit<ExecutionSpec, 'counts'> & {counts?: CallCounts},
    args: (realm: Realm) => unknown[],
    result: (value: unknown, realm: Realm) => T,
  ): T {
    if (this.current)
      throw new EmulatorUsageError('An execution is already running.');
    const bundle = this.bundle();
    if (!bundle.entryPoints.has(spec.fn))
      throw exception(`Script function not found: ${spec.fn}`);
    const execution = new Execution({
      ...spec,
      counts: spec.counts ?? this.counts,
    });
    const realm = this.realmFor(spec.kind, bundle);
    const ui = new Ui(this);
    const startedAt = this.clock.now();
    this.current = {execution, realm, ui, startedAt};
    this.clock.begin();
    let error: unknown;
    try {
      this.installGlobals(realm);
      realm.defineGlobal(ENTER, () => {
        for (const file of bundle.files)
          file.script.runInContext(realm.context);
        const fn = realm.global(spec.fn);
        if (typeof fn !== 'function')
          throw exception(`Script function not found: ${spec.fn}`);
        return (fn as (...a: unknown[]) => unknown)(...args(realm));
      });
      const value =
        this.guardDepth > 0
          ? TRAMPOLINE.runInContext(realm.context)
          : TRAMPOLINE.runInContext(realm.context, {
              timeout: Math.max(1, Math.ceil(spec.limitMs)),
            });
      this.checkTimeLimit(); // it returned, but after the platform would have stopped it
      return result(value, realm);
    } catch (thrown) {
      error = isTimeout(thrown)
        ? exception(EXCEEDED_MAXIMUM_EXECUTION_TIME)
        : thrown;
      throw error;
    } finally {
      this.finish(error);
    }
  }

  /**
   * Runs `work` — a batch of executions, such as a custom-function recompute
   * — under ONE real-time watchdog of `limitMs` instead of one per execution
   * (starting a watchdog thread costs more than a whole small execution).
   * If the watchdog fires, V8 unwinds everything without running `finally`
   * blocks, so the interrupted execution is closed here; the result says how
   * long it had been running, so the caller can tell a runaway execution
   * from one that merely started late in the batch.
   */
  guarded<T>(
    limitMs: number,
    work: () => T,
  ):
    | {completed: true; value: T}
    | {completed: false; interrupted: {fn: string; ms: number} | null} {
    this.driver ??= vm.createContext({});
    let value: T | undefined;
    (this.driver as Record<string, unknown>)[GUARD] = () => {
      value = work();
    };
    this.guardDepth++;
    try {
      GUARDED.runInContext(this.driver, {
        timeout: Math.max(1, Math.ceil(limitMs)),
      });
      return {completed: true, value: value as T};
    } catch (error) {
      if (!isTimeout(error)) throw error;
      const running = this.current;
      if (!running) return {completed: false, interrupted: null};
      const ms = this.clock.elapsedMs();
      this.finish(exception(EXCEEDED_MAXIMUM_EXECUTION_TIME));
      return {
        completed: false,
        interrupted: {fn: running.execution.spec.fn, ms},
      };
    } finally {
      this.guardDepth--;
      if (this.guardDepth === 0) this.batchRealm = null;
    }
  }

  /**
   * A fresh context per execution — except custom functions inside a
   * guarded() batch, which share one context and have it reset before each
   * run: the project's top level still runs every time, in a global scope
   * emptied of what the previous run left, for a fraction of the cost of a
   * new V8 context (thousands of per-row formulas recompute in about a
   * second instead of ten).
   */
  private realmFor(kind: ExecutionSpec['kind'], bundle: Bundle): Realm {
    const shared =
      kind === 'custom-function' && this.guardDepth > 0 && bundle.rerunnable;
    if (shared && this.batchRealm) {
      this.batchRealm.reset();
      return this.batchRealm;
    }
    const realm = new Realm(() => this.clock.nowMs(), {
      beforeCall: (target, method) => this.beforeCall(target, method),
    });
    if (shared) this.batchRealm = realm;
    return realm;
  }

  /** Closes the running execution: the clock keeps its time, the log gets its line. */
  private finish(error: unknown): void {
    const running = this.current;
    if (!running) return;
    const ms = this.clock.end();
    this.current = null;
    const {spec} = running.execution;
    this.executions.push({
      fn: spec.fn,
      kind: spec.kind,
      mode: spec.mode,
      user: spec.user,
      at: running.startedAt,
      ms,
      ok: error === undefined,
      ...(error === undefined ? {} : {error: messageOf(error)}),
    });
  }

  private installGlobals(realm: Realm): void {
    const globals: Record<string, object> = {
      SpreadsheetApp: this.options.spreadsheetApp(this.host),
      PropertiesService: new PropertiesService(this),
      CacheService: new CacheService(this),
      LockService: new LockService(this),
      ScriptApp: new ScriptApp(this),
      MailApp: new MailApp(this),
      UrlFetchApp: new UrlFetchApp(this),
      HtmlService: new HtmlService(this),
      Utilities: new Utilities(this),
      Session: new Session(this),
      Logger: new Logger(this),
      console: new Console(this),
    };
    for (const [name, service] of Object.entries(globals))
      realm.defineGlobal(name, service);
  }

  /**
   * Every call a script makes into a service passes here: emulator services
   * are counted (SpreadsheetApp counts itself through the Host), and an
   * execution past its time limit — emulated time, so Utilities.sleep
   * counts — stops at its next service call.
   */
  private beforeCall(target: object, method: string): void {
    const service = serviceNameOf(target);
    if (service) this.execution().spec.counts.add(`${service}.${method}`);
    this.checkTimeLimit();
  }

  checkTimeLimit(): void {
    if (this.clock.elapsedMs() > this.execution().spec.limitMs) {
      throw exception(EXCEEDED_MAXIMUM_EXECUTION_TIME);
    }
  }

  private createHost(): Host {
    const noUi = (): boolean => {
      const execution = this.current?.execution;
      return (
        !execution ||
        execution.mode === 'CUSTOM_FUNCTION' ||
        execution.inTimeTrigger
      );
    };
    return {
      count: method => this.current?.execution.spec.counts.add(method),
      checkAccess: (method, access) => {
        const execution = this.current?.execution;
        if (!execution) return; // the emulator itself reading or writing cells
        if (method === 'SpreadsheetApp.getUi') {
          if (noUi()) throw exception(NO_UI_CONTEXT);
          return;
        }
        requireCapability(
          execution.mode,
          documentCapability(method, access),
          method,
        );
      },
      mode: () => this.current?.execution.mode ?? 'FULL',
      inTimeTrigger: () => this.current?.execution.inTimeTrigger ?? false,
      now: () => this.clock.now(),
      getUi: () => {
        if (noUi() || !this.current) throw exception(NO_UI_CONTEXT);
        return this.current.ui;
      },
      toast: (message, title, timeoutSeconds) => {
        const execution = this.current?.execution;
        if (execution?.mode === 'CUSTOM_FUNCTION') {
          throw exception(
            'You do not have permission to call Spreadsheet.toast',
          );
        }
        // A time-driven trigger has nobody looking at the file: the toast goes nowhere.
        if (execution?.inTimeTrigger) return;
        this.ui.toasts.push({
          message: String(message),
          title: String(title),
          timeoutSeconds,
        });
      },
      cellsChanged: () => {
        this.documentChanged = true;
      },
    };
  }
}

function isTimeout(error: unknown): boolean {
  return (
    (error as {code?: string} | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
  );
}

/** The text an error shows in logs: "Exception: …", "TypeError: …". */
export function messageOf(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const {name, message} = error as {name?: unknown; message?: unknown};
    return `${String(name ?? 'Error')}: ${String(message)}`;
  }
  return String(error);
}
