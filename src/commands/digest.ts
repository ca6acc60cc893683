/**
 * The daily digest: Social CRM › Daily digest… turns it on (exactly one
 * time-driven trigger per user and spreadsheet, at the chosen hour in the
 * spreadsheet's time zone) or off; the trigger rebuilds the list, refreshes
 * scores and sends one email a day. Every outcome is recorded for the Health
 * view, because nobody sees a trigger fail.
 */
import {dateIn} from '../core/dates';
import {renderDigest} from '../core/digest';
import {digestExtras} from '../core/digest-content';
import {parseDigestAnswer} from '../core/digest-settings';
import {NEW_PEOPLE_SHEET, parseNewPeople} from '../core/sync/matching';
import {UserError, isUserError} from '../core/errors';
import {
  DigestSettings,
  forgetTrigger,
  readDigestSettings,
  readHealth,
  recordHealth,
  acknowledgeStop,
  rememberTrigger,
  spreadsheetOfTrigger,
  writeDigestSettings,
} from '../adapters/user-state';
import {getTodaySheet} from '../adapters/today-sheet';
import {prompt, toast} from '../adapters/ui';
import {writeDashboard} from './dashboard';
import {syncAllSources} from './sync';
import {readConnections} from '../adapters/connections';
import {rebuildToday, TodayBuild} from './today';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The trigger's handler: a top-level function in src/surface.ts. */
export const DIGEST_HANDLER = 'dailyDigestRun';
/** Leave a minute of the 6-minute execution limit for sending and recording. */
const TIME_BUDGET_MS = 5 * 60 * 1000;
const LOCK_TRIES = 3;
const LOCK_WAIT_MS = 20000;

function me(): string {
  return Session.getEffectiveUser().getEmail();
}

/** Deletes this user's digest triggers for the spreadsheet (and any orphan). */
function removeTriggers(ss: Spreadsheet, settings: DigestSettings): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() !== DIGEST_HANDLER) continue;
    const uid = trigger.getUniqueId();
    const owner = spreadsheetOfTrigger(uid);
    if (uid === settings.triggerUid || owner === ss.getId() || owner === null) {
      ScriptApp.deleteTrigger(trigger);
      forgetTrigger(uid);
    }
  }
}

export function enableDigest(
  ss: Spreadsheet,
  hour: number,
  recipients: string[],
): DigestSettings {
  const settings = readDigestSettings(ss.getId());
  removeTriggers(ss, settings);
  const trigger = ScriptApp.newTrigger(DIGEST_HANDLER)
    .timeBased()
    .atHour(hour)
    .everyDays(1)
    .inTimezone(ss.getSpreadsheetTimeZone())
    .create();
  rememberTrigger(trigger.getUniqueId(), ss);
  const next = {
    ...settings,
    enabled: true,
    hour,
    recipients,
    triggerUid: trigger.getUniqueId(),
  };
  writeDigestSettings(ss.getId(), next);
  return next;
}

export function disableDigest(ss: Spreadsheet): DigestSettings {
  const settings = readDigestSettings(ss.getId());
  removeTriggers(ss, settings);
  const next = {...settings, enabled: false, triggerUid: ''};
  writeDigestSettings(ss.getId(), next);
  return next;
}

function describe(ss: Spreadsheet, s: DigestSettings): string {
  if (!s.enabled) return 'off';
  const to = s.recipients.length ? s.recipients.join(', ') : `you (${me()})`;
  return `on: every day at ${s.hour}:00 (${ss.getSpreadsheetTimeZone()}) to ${to}`;
}

/** Social CRM › Daily digest… */
export function dailyDigestMenu(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readDigestSettings(ss.getId());
  const answer = prompt(
    `The daily digest is ${describe(ss, settings)}.\n\n` +
      'Type an hour from 0 to 23 to get it every day at that hour, and after it who should get it if not you ' +
      '(e.g. "7" or "7 ana@example.org, sam@example.org"). Type "off" to stop it, or "test" to send one now.',
    'Daily digest',
  );
  if (answer === null || !answer.trim()) return;
  const parsed = parseDigestAnswer(answer);
  if (parsed.action === 'test') {
    toast(sendDigest(ss, new Date(), true));
    return;
  }
  const next =
    parsed.action === 'off'
      ? disableDigest(ss)
      : enableDigest(ss, parsed.hour, parsed.recipients);
  toast(`The daily digest is ${describe(ss, next)}.`, 'Daily digest', 8);
}

function digestEmail(
  ss: Spreadsheet,
  build: TodayBuild,
  settings: DigestSettings,
) {
  const {run} = build;
  const newPeopleSheet = ss.getSheetByName(NEW_PEOPLE_SHEET);
  const extras = digestExtras({
    people: build.people,
    scores: run.result.scores.values(),
    events: run.log.events,
    newPeople: newPeopleSheet
      ? parseNewPeople(newPeopleSheet.getDataRange().getValues())
      : [],
    now: run.now,
    timeZone: run.timeZone,
  });
  const tab = getTodaySheet(ss);
  return renderDigest({
    lines: build.lines.map(line => ({
      ...line,
      handles: build.people.get(line.supporterId)?.handles,
    })),
    ...extras,
    sheetUrl: ss.getUrl(),
    todayTabGid: tab?.getSheetId() ?? null,
    todayLabel: Utilities.formatDate(run.now, run.timeZone, 'EEEE d MMMM yyyy'),
    spreadsheetName: ss.getName(),
    allQuiet: settings.allQuiet,
  });
}

/**
 * New engagement first, so the list and the email include it. A sync
 * problem (a revoked token, a server down) is reported, never fatal.
 */
function syncFirst(ss: Spreadsheet, started: number): string {
  const connections = readConnections(ss.getId());
  if (!connections.bluesky && !connections.mastodon && !connections.x)
    return '';
  try {
    const summary = syncAllSources(ss, started);
    return summary.problems.length
      ? ` Sync: ${summary.problems.join(' ')}`
      : '';
  } catch (error) {
    if (!isUserError(error))
      console.error('sync in the daily run failed', error);
    return ` Sync failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Rebuilds the list and sends the digest; returns what happened, in words.
 * `test` sends even if today's digest went out already, and never counts
 * as today's.
 */
export function sendDigest(ss: Spreadsheet, now: Date, test = false): string {
  const started = Date.now();
  const settings = readDigestSettings(ss.getId());
  const today = dateIn(now, ss.getSpreadsheetTimeZone());
  if (!test && settings.lastSent === today) {
    return "Today's digest was already sent; nothing more to do.";
  }
  let problem = test ? '' : syncFirst(ss, started);
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  let locked = false;
  for (let i = 0; i < LOCK_TRIES && !locked; i++) {
    locked = lock.tryLock(LOCK_WAIT_MS);
  }
  if (!locked) {
    throw new UserError(
      'The spreadsheet stayed busy with other updates for a minute, so the digest could not be prepared. It will try again at the next run.',
    );
  }
  let email;
  try {
    const build = rebuildToday(ss, now, !test);
    try {
      writeDashboard(ss, build.run);
    } catch (error) {
      // The dashboard is a bonus of the daily run: it must not cost the email.
      console.error('dashboard rebuild failed', error);
      problem =
        ' The dashboard could not be rebuilt; open Social CRM › Dashboard to see why.';
    }
    if (Date.now() - started > TIME_BUDGET_MS) {
      throw new UserError(
        'Preparing the list took almost the whole 6 minutes Google allows, so no digest was sent today. The list was rebuilt; consider archiving old rows of the Interactions log.',
      );
    }
    email = digestEmail(ss, build, settings);
  } finally {
    lock.releaseLock();
  }
  if (!email)
    return `Nothing to report today, so no digest was sent.${problem}`;
  const recipients = settings.recipients.length ? settings.recipients : [me()];
  if (MailApp.getRemainingDailyQuota() < recipients.length) {
    throw new UserError(
      `Google's daily email quota is used up (it allows ${recipients.length} more recipients only after it resets, 24 hours after the first email). The digest will go out at the next run.`,
    );
  }
  MailApp.sendEmail({
    to: recipients.join(','),
    subject: test ? `[Test] ${email.subject}` : email.subject,
    body: email.text,
    htmlBody: email.html,
    name: 'Social CRM',
  });
  if (!test) writeDigestSettings(ss.getId(), {...settings, lastSent: today});
  return `Digest sent to ${recipients.join(', ')}.${problem}`;
}

/** The time-driven trigger: no active spreadsheet, no document properties. */
export function runDailyDigest(e: {triggerUid?: string}): void {
  const now = new Date();
  const uid = String(e?.triggerUid ?? '');
  const spreadsheetId = spreadsheetOfTrigger(uid);
  if (!spreadsheetId) {
    // A trigger we no longer know: remove it rather than run blind every day.
    for (const t of ScriptApp.getProjectTriggers()) {
      if (t.getUniqueId() === uid) ScriptApp.deleteTrigger(t);
    }
    return;
  }
  let ss: Spreadsheet;
  try {
    ss = SpreadsheetApp.openById(spreadsheetId);
  } catch {
    for (const t of ScriptApp.getProjectTriggers()) {
      if (t.getUniqueId() === uid) ScriptApp.deleteTrigger(t);
    }
    forgetTrigger(uid);
    recordHealth(
      spreadsheetId,
      'stopped',
      'The daily digest stopped: the spreadsheet was deleted or you lost access to it. Turn it on again from Social CRM › Daily digest… once you can open it.',
      now,
    );
    return;
  }
  try {
    const outcome = sendDigest(ss, now);
    recordHealth(
      spreadsheetId,
      /^Nothing/.test(outcome) ? 'nothing to report' : 'ok',
      outcome,
      now,
    );
  } catch (error) {
    const message = isUserError(error)
      ? error.message
      : `Unexpected problem: ${error instanceof Error ? error.message : String(error)}`;
    if (!isUserError(error)) console.error('daily digest failed', error);
    recordHealth(spreadsheetId, 'failed', message, now);
  }
}

/**
 * On open (LIMITED): if the daily run stopped since the user last looked,
 * say so once. Reads one user property; never throws into onOpen.
 */
export function reportStoppedDigest(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) return;
  const health = readHealth(ss.getId());
  if (!health.unseenStop) return;
  toast(health.lastError, 'Daily digest stopped', 15);
  acknowledgeStop(ss.getId());
}
