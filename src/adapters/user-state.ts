/**
 * What the add-on keeps for the *user* about a spreadsheet, in their user
 * properties (a time-driven trigger runs as its owner and has no document
 * properties): the digest settings, which spreadsheet each trigger serves,
 * and the health record of the daily run.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface DigestSettings {
  enabled: boolean;
  /** Local hour (0–23) in the spreadsheet's time zone. */
  hour: number;
  /** Empty = the user themselves. */
  recipients: string[];
  /** Send a short "all quiet" mail when there is nothing to report. */
  allQuiet: boolean;
  /** The installed trigger's unique id, '' when none. */
  triggerUid: string;
  /** 'YYYY-MM-DD' of the last digest sent (at most one a day). */
  lastSent: string;
}

export const DEFAULT_DIGEST: DigestSettings = {
  enabled: false,
  hour: 7,
  recipients: [],
  allQuiet: false,
  triggerUid: '',
  lastSent: '',
};

export interface Health {
  /** ISO time of the last daily run. */
  lastRun: string;
  outcome: 'ok' | 'nothing to report' | 'failed' | 'stopped' | '';
  message: string;
  lastError: string;
  lastErrorAt: string;
  /** True until the user has been told (on their next open) that the run stopped. */
  unseenStop: boolean;
}

const EMPTY_HEALTH: Health = {
  lastRun: '',
  outcome: '',
  message: '',
  lastError: '',
  lastErrorAt: '',
  unseenStop: false,
};

const digestKey = (id: string) => `whuffie.digest.${id}`;
const healthKey = (id: string) => `whuffie.health.${id}`;
const triggerKey = (uid: string) => `whuffie.trigger.${uid}`;

function readJson<T>(key: string, fallback: T): T {
  const text = PropertiesService.getUserProperties().getProperty(key);
  if (!text) return {...fallback};
  try {
    return {...fallback, ...(JSON.parse(text) as Partial<T>)};
  } catch {
    return {...fallback};
  }
}

const writeJson = (key: string, value: unknown) =>
  PropertiesService.getUserProperties().setProperty(key, JSON.stringify(value));

export const readDigestSettings = (spreadsheetId: string) =>
  readJson(digestKey(spreadsheetId), DEFAULT_DIGEST);

export const writeDigestSettings = (spreadsheetId: string, s: DigestSettings) =>
  writeJson(digestKey(spreadsheetId), s);

export const readHealth = (spreadsheetId: string) =>
  readJson(healthKey(spreadsheetId), EMPTY_HEALTH);

/** Records how a run ended; failures keep the error and when it happened. */
export function recordHealth(
  spreadsheetId: string,
  outcome: Health['outcome'],
  message: string,
  now: Date,
): void {
  const previous = readHealth(spreadsheetId);
  const failed = outcome === 'failed' || outcome === 'stopped';
  writeJson(healthKey(spreadsheetId), {
    lastRun: now.toISOString(),
    outcome,
    message,
    lastError: failed ? message : previous.lastError,
    lastErrorAt: failed ? now.toISOString() : previous.lastErrorAt,
    unseenStop: outcome === 'stopped' || previous.unseenStop,
  });
}

export function acknowledgeStop(spreadsheetId: string): void {
  writeJson(healthKey(spreadsheetId), {
    ...readHealth(spreadsheetId),
    unseenStop: false,
  });
}

export function spreadsheetOfTrigger(uid: string): string | null {
  return PropertiesService.getUserProperties().getProperty(triggerKey(uid));
}

export function rememberTrigger(uid: string, ss: Spreadsheet): void {
  PropertiesService.getUserProperties().setProperty(
    triggerKey(uid),
    ss.getId(),
  );
}

export function forgetTrigger(uid: string): void {
  PropertiesService.getUserProperties().deleteProperty(triggerKey(uid));
}
