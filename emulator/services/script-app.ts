import {createHash} from 'node:crypto';
import {exception} from '../exception';
import {SERVICE_NAME} from '../realm';
import type {TriggerEventType, TriggerRecord} from '../state';
import type {ServiceContext} from './context';

const AUTH_MODE = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;

const TRIGGER_SOURCE = {
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const;

const EVENT_TYPE = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;

const WEEK_DAY = {
  SUNDAY: 'SUNDAY',
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
} as const;

const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const ADDON_RECURRENCE =
  'The recurrence interval for an Add-on trigger must be at least one hour.';

/** How the add-on limit message names each trigger type. */
const TYPE_WORDS: Record<TriggerEventType, string> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
};

/** The fixed minute Apps Script picks inside an atHour/everyDays hour: stable per trigger. */
function pickedMinute(uid: string, nearMinute?: number): number {
  const spread = createHash('sha1').update(uid).digest().readUInt16BE(0);
  if (nearMinute === undefined) return spread % 60;
  return (((nearMinute + (spread % 31) - 15) % 60) + 60) % 60; // nearMinute is ±15 min
}

/**
 * `ScriptApp`: installable triggers. Add-on rules (PLATFORM.md): 20
 * triggers per user per script, time-driven at most hourly, one trigger of
 * each type per user per document; triggers run as the user who created
 * them.
 */
export class ScriptApp {
  readonly [SERVICE_NAME] = 'ScriptApp';
  readonly AuthMode = AUTH_MODE;
  readonly TriggerSource = TRIGGER_SOURCE;
  readonly EventType = EVENT_TYPE;
  readonly WeekDay = WEEK_DAY;

  constructor(private readonly ctx: ServiceContext) {}

  getProjectTriggers(): Trigger[] {
    this.ctx.require('triggers', 'ScriptApp.getProjectTriggers');
    const user = this.ctx.execution().spec.user;
    return this.ctx.state.triggers
      .filter(t => t.owner === user)
      .map(t => new Trigger(t));
  }

  /**
   * This user's triggers in the given spreadsheet: its edit/open triggers
   * and the time-driven ones the add-on created while running in it.
   */
  getUserTriggers(spreadsheet: unknown): Trigger[] {
    this.ctx.require('triggers', 'ScriptApp.getUserTriggers');
    const user = this.ctx.execution().spec.user;
    const id = spreadsheetId(spreadsheet);
    return this.ctx.state.triggers
      .filter(
        t =>
          t.owner === user &&
          (t.sourceId === id || (t.source === 'CLOCK' && t.documentId === id)),
      )
      .map(t => new Trigger(t));
  }

  newTrigger(functionName: string): TriggerBuilder {
    this.ctx.require('triggers', 'ScriptApp.newTrigger');
    return new TriggerBuilder(this.ctx, String(functionName));
  }

  deleteTrigger(trigger: Trigger): void {
    this.ctx.require('triggers', 'ScriptApp.deleteTrigger');
    const uid = trigger.getUniqueId();
    const index = this.ctx.state.triggers.findIndex(t => t.uid === uid);
    if (index >= 0) this.ctx.state.triggers.splice(index, 1);
  }

  getScriptId(): string {
    return this.ctx.scriptId;
  }

  getOAuthToken(): string {
    this.ctx.require('triggers', 'ScriptApp.getOAuthToken');
    return `ya29.emulator-${this.ctx.execution().spec.user}`;
  }
}

function spreadsheetId(spreadsheet: unknown): string {
  if (typeof spreadsheet === 'string') return spreadsheet;
  const withId = spreadsheet as {getId?: () => string} | null;
  if (!withId || typeof withId.getId !== 'function')
    throw exception('Invalid argument: spreadsheet');
  return withId.getId();
}

export class Trigger {
  readonly [SERVICE_NAME] = 'Trigger';

  constructor(private readonly record: TriggerRecord) {}

  getUniqueId(): string {
    return this.record.uid;
  }

  getHandlerFunction(): string {
    return this.record.handler;
  }

  getEventType(): string {
    return this.record.type;
  }

  getTriggerSource(): string {
    return this.record.source;
  }

  getTriggerSourceId(): string | null {
    return this.record.sourceId;
  }
}

type Draft = Omit<TriggerRecord, 'uid' | 'minute' | 'createdAt'>;

export class TriggerBuilder {
  readonly [SERVICE_NAME] = 'TriggerBuilder';

  constructor(
    private readonly ctx: ServiceContext,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.ctx, this.base('CLOCK', 'CLOCK', null));
  }

  forSpreadsheet(spreadsheet: unknown): SpreadsheetTriggerBuilder {
    return new SpreadsheetTriggerBuilder(
      this.ctx,
      this.base('ON_OPEN', 'SPREADSHEETS', spreadsheetId(spreadsheet)),
    );
  }

  private base(
    type: TriggerEventType,
    source: TriggerRecord['source'],
    sourceId: string | null,
  ): Draft {
    const execution = this.ctx.execution();
    return {
      handler: this.handler,
      type,
      source,
      sourceId,
      owner: execution.spec.user,
      documentId: execution.spec.documentId,
      timezone: this.ctx.scriptTimeZone(),
    };
  }
}

/** Saves a trigger after checking the add-on limits; the uid is a stable sequence. */
function createTrigger(ctx: ServiceContext, draft: Draft): Trigger {
  const mine = ctx.state.triggers.filter(t => t.owner === draft.owner);
  if (mine.length >= ctx.limits.triggersPerUser)
    throw exception(TOO_MANY_TRIGGERS);
  if (
    draft.documentId !== null &&
    mine.some(t => t.documentId === draft.documentId && t.type === draft.type)
  ) {
    throw exception(
      `This add-on has created too many ${TYPE_WORDS[draft.type]} triggers in this document for this Google user account.`,
    );
  }
  ctx.state.triggerSeq += 1;
  const uid = String(8_000_000_000 + ctx.state.triggerSeq);
  const record: TriggerRecord = {
    ...draft,
    uid,
    minute: pickedMinute(uid, draft.nearMinute),
    createdAt: ctx.clock.now().toISOString(),
  };
  ctx.state.triggers.push(record);
  return new Trigger(record);
}

export class ClockTriggerBuilder {
  readonly [SERVICE_NAME] = 'ClockTriggerBuilder';

  constructor(
    private readonly ctx: ServiceContext,
    private readonly draft: Draft,
  ) {}

  atHour(hour: number): ClockTriggerBuilder {
    const h = Number(hour);
    if (!Number.isInteger(h) || h < 0 || h > 23)
      throw exception('Invalid argument: hour');
    this.draft.atHour = h;
    return this;
  }

  nearMinute(minute: number): ClockTriggerBuilder {
    this.draft.nearMinute = Number(minute);
    return this;
  }

  everyDays(n: number): ClockTriggerBuilder {
    this.draft.everyDays = positive(n, 'n');
    return this;
  }

  everyHours(n: number): ClockTriggerBuilder {
    this.draft.everyHours = positive(n, 'n');
    return this;
  }

  /** Add-ons may not run more often than hourly. */
  everyMinutes(n: number): ClockTriggerBuilder {
    positive(n, 'n');
    throw exception(ADDON_RECURRENCE);
  }

  everyWeeks(n: number): ClockTriggerBuilder {
    this.draft.everyWeeks = positive(n, 'n');
    return this;
  }

  onWeekDay(day: string): ClockTriggerBuilder {
    if (!(String(day) in WEEK_DAY)) throw exception('Invalid argument: day');
    this.draft.onWeekDay = String(day);
    return this;
  }

  inTimezone(timezone: string): ClockTriggerBuilder {
    this.draft.timezone = String(timezone);
    return this;
  }

  at(date: Date): ClockTriggerBuilder {
    if (!(date instanceof Date)) throw exception('Invalid argument: date');
    this.draft.at = date.toISOString();
    return this;
  }

  after(durationMilliseconds: number): ClockTriggerBuilder {
    this.draft.at = new Date(
      this.ctx.clock.nowMs() + Number(durationMilliseconds),
    ).toISOString();
    return this;
  }

  create(): Trigger {
    return createTrigger(this.ctx, this.draft);
  }
}

export class SpreadsheetTriggerBuilder {
  readonly [SERVICE_NAME] = 'SpreadsheetTriggerBuilder';

  constructor(
    private readonly ctx: ServiceContext,
    private readonly draft: Draft,
  ) {}

  onOpen(): SpreadsheetTriggerBuilder {
    this.draft.type = 'ON_OPEN';
    return this;
  }

  onEdit(): SpreadsheetTriggerBuilder {
    this.draft.type = 'ON_EDIT';
    return this;
  }

  onChange(): SpreadsheetTriggerBuilder {
    this.draft.type = 'ON_CHANGE';
    return this;
  }

  onFormSubmit(): SpreadsheetTriggerBuilder {
    this.draft.type = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): Trigger {
    return createTrigger(this.ctx, this.draft);
  }
}

function positive(n: unknown, name: string): number {
  const value = Number(n);
  if (!Number.isInteger(value) || value < 1)
    throw exception(`Invalid argument: ${name}`);
  return value;
}
