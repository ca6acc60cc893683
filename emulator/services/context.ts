import type {Capability} from '../auth';
import type {Bundle} from '../bundle';
import type {Clock} from '../clock';
import type {Execution} from '../execution';
import type {DailyQuotas} from '../quota';
import type {Realm} from '../realm';
import type {EmulatorState} from '../state';
import type {MenuInfo, UiLog} from './ui';
import type {SentMail} from './mail';

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface LogEntry {
  level: LogLevel;
  message: string;
  at: Date;
}

/** The limits a project runs under (PLATFORM.md "Quotas"), adjustable per emulator. */
export interface Limits {
  mailRecipientsPerDay: number;
  urlFetchCallsPerDay: number;
  /** Total runtime of time-driven triggers per user per day, ms. */
  triggerRuntimePerDayMs: number;
  /** Installable triggers per user per script. */
  triggersPerUser: number;
}

/**
 * What the services see of the runtime. Services are only reachable from a
 * running script, so `execution()` always has an answer while they run.
 */
export interface ServiceContext {
  execution(): Execution;
  /** Throws the platform's error if the running execution may not do this. */
  require(capability: Capability, method: string): void;
  /** Throws "Exceeded maximum execution time" once the execution ran past its limit. */
  checkTimeLimit(): void;
  readonly clock: Clock;
  readonly state: EmulatorState;
  readonly quotas: DailyQuotas;
  readonly limits: Limits;
  /** The spreadsheet the project is bound to. */
  readonly documentId: string;
  readonly scriptId: string;
  /** The project's time zone (appsscript.json `timeZone`). */
  scriptTimeZone(): string;
  /** The name Sheets shows for createAddonMenu(). */
  readonly addOnName: string;
  /** The next repeatable UUID when the run is seeded (EmulatorOptions.uuidSeed), else null. */
  seededUuid(): string | null;
  readonly ui: UiLog;
  readonly mail: SentMail[];
  log(level: LogLevel, message: string): void;
  /** The menus added to the UI since the file was last opened. */
  setMenu(menu: MenuInfo): void;
  bundle(): Bundle;
  /** The running execution's context (HtmlTemplate evaluates scriptlets in it). */
  realm(): Realm;
  /** Locks an outside execution holds: scope key → emulated ms it is released at. */
  readonly foreignLocks: Map<string, number>;
}
