import {zonedFields, zonedInstant} from './services/date-format';
import type {TriggerRecord} from './state';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_DAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
];

/** Days since the epoch of a local calendar date (for "every n days" arithmetic). */
const dayNumber = (year: number, month: number, day: number) =>
  Math.round(Date.UTC(year, month - 1, day) / DAY_MS);

/**
 * When the clock fires a time-driven trigger, as Apps Script schedules it:
 * - atHour(h) (with everyDays / everyWeeks, or alone = daily) fires at a
 *   fixed minute inside hour h of the trigger's time zone, the minute picked
 *   once per trigger (nearMinute keeps it within ±15 min);
 * - everyDays(n) without atHour keeps the hour the trigger was created in;
 * - everyHours(n) fires every n hours from its first run;
 * - at / after fire once.
 * Returns the instants in (fromMs, toMs], oldest first.
 */
export function fireTimes(
  trigger: TriggerRecord,
  fromMs: number,
  toMs: number,
): number[] {
  const created = Date.parse(trigger.createdAt);
  const start = Math.max(fromMs, created);
  if (toMs <= start) return [];
  if (trigger.at !== undefined) {
    const at = Date.parse(trigger.at);
    return at > start && at <= toMs && trigger.lastRunAt === undefined
      ? [at]
      : [];
  }
  if (trigger.everyHours !== undefined) {
    const step = trigger.everyHours * HOUR_MS;
    const first =
      Math.floor(created / HOUR_MS) * HOUR_MS +
      HOUR_MS +
      trigger.minute * 60000;
    const times: number[] = [];
    const k0 = Math.max(0, Math.ceil((start - first) / step));
    for (let t = first + k0 * step; t <= toMs; t += step)
      if (t > start) times.push(t);
    return times;
  }
  return calendarTimes(trigger, created, start, toMs);
}

function calendarTimes(
  trigger: TriggerRecord,
  created: number,
  start: number,
  toMs: number,
): number[] {
  const zone = trigger.timezone;
  const createdLocal = zonedFields(new Date(created), zone);
  const hour = trigger.atHour ?? createdLocal.hour;
  const weekly =
    trigger.everyWeeks !== undefined || trigger.onWeekDay !== undefined;
  const everyDays = weekly
    ? 7 * (trigger.everyWeeks ?? 1)
    : (trigger.everyDays ?? 1);
  const weekDay =
    trigger.onWeekDay === undefined
      ? createdLocal.weekday
      : WEEK_DAYS.indexOf(trigger.onWeekDay);

  const instantOn = (day: number) => {
    const date = new Date(day * DAY_MS);
    return zonedInstant(
      zone,
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      hour,
      trigger.minute,
    );
  };
  const qualifies = (day: number) =>
    !weekly || new Date(day * DAY_MS).getUTCDay() === weekDay;

  // The first run: the first qualifying day whose slot comes after creation.
  let first = dayNumber(
    createdLocal.year,
    createdLocal.month,
    createdLocal.day,
  );
  while (!qualifies(first) || instantOn(first) <= created) first++;

  const fromLocal = zonedFields(new Date(start), zone);
  let day = Math.max(
    first,
    dayNumber(fromLocal.year, fromLocal.month, fromLocal.day) - 1,
  );
  day += (((first - day) % everyDays) + everyDays) % everyDays; // align to the cadence
  const times: number[] = [];
  for (; ; day += everyDays) {
    const t = instantOn(day);
    if (t > toMs) break;
    if (t > start) times.push(t);
  }
  return times;
}

/** True for the triggers Emulator.fireTimeTriggers('daily') runs. */
export function isDaily(trigger: TriggerRecord): boolean {
  return (
    trigger.type === 'CLOCK' &&
    trigger.at === undefined &&
    trigger.everyHours === undefined &&
    trigger.everyWeeks === undefined &&
    trigger.onWeekDay === undefined
  );
}
