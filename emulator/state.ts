import type {QuotaWindow} from './quota';

/** An installable trigger, as ScriptApp keeps it. */
export type TriggerEventType =
  'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface TriggerRecord {
  uid: string;
  handler: string;
  type: TriggerEventType;
  source: 'CLOCK' | 'SPREADSHEETS';
  /** The spreadsheet id for SPREADSHEETS triggers, null for CLOCK ones. */
  sourceId: string | null;
  /** Installable triggers run as the user who created them. */
  owner: string;
  /**
   * The document the add-on was running in when the trigger was created:
   * add-on limits ("one trigger of each type per user per document") count here.
   */
  documentId: string | null;
  /** Time zone the clock schedule is read in (the script's unless inTimezone). */
  timezone: string;
  atHour?: number;
  nearMinute?: number;
  everyDays?: number;
  everyHours?: number;
  everyWeeks?: number;
  onWeekDay?: string;
  /** One-off triggers (at / after), as an ISO instant. */
  at?: string;
  /** The minute inside the hour Apps Script picked for this trigger (fixed per trigger). */
  minute: number;
  createdAt: string;
  lastRunAt?: string;
}

export interface CacheEntry {
  value: string;
  /** Emulated ms after which the entry is gone. */
  expiresAt: number;
}

export type CacheEntries = Record<string, CacheEntry>;

/**
 * Everything the runtime keeps between executions, JSON-serialisable so a
 * CLI run can continue where the last one stopped. Cells travel separately
 * (Emulator.toWorkbook); the spreadsheet's other state is the sheets
 * model's own export.
 */
export interface EmulatorState {
  version: 1;
  /** The emulated clock, ISO. */
  now: string;
  spreadsheet?: unknown;
  properties: {
    script: Record<string, string>;
    user: Record<string, Record<string, string>>;
    document: Record<string, Record<string, string>>;
  };
  cache: {
    script: CacheEntries;
    user: Record<string, CacheEntries>;
    document: Record<string, CacheEntries>;
  };
  triggers: TriggerRecord[];
  quotas: Record<string, QuotaWindow>;
  /** Custom-function formulas: cell key → the argument values last computed with. */
  customFunctionMemo: Record<string, string>;
  triggerSeq: number;
}

export function emptyState(now: Date): EmulatorState {
  return {
    version: 1,
    now: now.toISOString(),
    properties: {script: {}, user: {}, document: {}},
    cache: {script: {}, user: {}, document: {}},
    triggers: [],
    quotas: {},
    customFunctionMemo: {},
    triggerSeq: 0,
  };
}
