/**
 * What the sidebar and the server say to each other over google.script.run:
 * every request and response shape, and `ServerApi`, the functions the
 * sidebar may call. Both sides compile against this file, so a renamed
 * function or a changed field breaks the build instead of the sidebar.
 *
 * Only plain data crosses (PLATFORM.md): strings, numbers, booleans, null,
 * arrays and plain objects. A Date would arrive as null, so instants are ISO
 * 8601 strings and days are 'YYYY-MM-DD' in the spreadsheet's time zone.
 * `WireSafe` below makes the compiler check it.
 */

export type Direction = 'inbound' | 'outbound';
export type Network = 'x' | 'bluesky' | 'mastodon';
/** The tracker columns the sidebar tags: comma-separated tags in one cell. */
export type TagField = 'relationshipTags' | 'topics';

// ---- Which supporters an action is for --------------------------------------

/** Sheet rows first…last (1-based, inclusive) of the tracker. */
export interface RowSpan {
  first: number;
  last: number;
}

/**
 * The supporters an action applies to: by Supporter ID (one person: stable
 * even if the sheet is sorted meanwhile), or by the tracker rows the user
 * selected (several people: the rows, as Sheets' own selection is).
 */
export type SupporterTarget = {ids: string[]} | {rows: RowSpan[]};

// ---- The selection -----------------------------------------------------------

export interface HandleView {
  network: Network;
  /** 'X', 'Bluesky', 'Mastodon'. */
  networkLabel: string;
  /** '@maya', '@maya.bsky.social', '@maya@mastodon.social'. */
  handle: string;
  /** Their profile page; '' when the handle cannot be read. */
  url: string;
}

export interface TagsView {
  field: TagField;
  /** Tags offered as toggles: the vocabulary, then any other tag they have. Lower case. */
  options: string[];
  /** The tags this supporter has. */
  on: string[];
}

/** One line of "why this number?". */
export interface ExplainLine {
  text: string;
  /** What this part adds, in the score's own units (one decimal). */
  points: number;
  /** One event behind the line above it (shown indented). */
  detail: boolean;
}

export interface ScoresView {
  /** 0–100. */
  responsiveness: number;
  /** 'Hot', 'Warm', 'Cool', 'Cold'. */
  band: string;
  /** One decimal. */
  whuffie: number;
  /** 'Follower' … 'Champion'. */
  level: string;
  readyToAsk: boolean;
  /** Their engagement since our last thank-you or other deposit. */
  owedThanks: number;
  /** Their questions, mentions and replies we have not answered. */
  replyOwed: number;
  why: {
    responsiveness: ExplainLine[];
    whuffie: ExplainLine[];
    /** Unmet ready-to-ask rules, one sentence each; empty when ready. */
    readyToAsk: string[];
  };
}

export interface InteractionView {
  /** ISO 8601 instant. */
  when: string;
  /** 'YYYY-MM-DD' in the spreadsheet's time zone. */
  date: string;
  direction: Direction;
  /** The log's Kind: 'retweet', 'thanks', 'ask: give', … */
  kind: string;
  /** For people: 'They retweeted us', 'We thanked them'. */
  label: string;
  channel: string;
  note: string;
  link: string;
  amount: number | null;
}

export interface BirthdayView {
  /** '17 April' or '17 April 1985'. */
  text: string;
  /** Days to the next celebration, 0 = today. */
  daysUntil: number;
}

export interface SupporterView {
  /** The Supporter ID; '' on a row Set up tracker has not given one yet. */
  id: string;
  /** The sheet row, 1-based. */
  row: number;
  name: string;
  email: string;
  handles: HandleView[];
  relationshipTags: TagsView;
  topics: TagsView;
  interestNotes: string;
  birthday: BirthdayView | null;
  /** The Stay in touch cell; null when blank. */
  cadenceDays: number | null;
  /** The cadence in effect (believers get the default one). */
  cadenceInEffect: number | null;
  doNotContact: boolean;
  /** ISO 8601; null when never in touch. */
  lastContact: string | null;
  scores: ScoresView;
  /** Newest first, at most 10. */
  recent: InteractionView[];
  totalInteractions: number;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Several supporter rows selected: what bulk tagging needs. */
export interface BulkView {
  /** Supporter rows in the selection (header and empty rows excluded). */
  count: number;
  rows: RowSpan[];
  /** The first few names, to show whom the selection holds. */
  names: string[];
  /** How many of them have each tag (every option, zeros included). */
  relationshipTags: TagCount[];
  topics: TagCount[];
}

/**
 * The answer to a poll. `key` names the selection and the selected row's
 * content; the sidebar sends it back on the next poll, and while it holds
 * the answer is just `{key, unchanged: true}`.
 */
export type SelectionState =
  | {key: string; unchanged: true}
  | {key: string; unchanged: false; kind: 'one'; supporter: SupporterView}
  | {key: string; unchanged: false; kind: 'many'; bulk: BulkView}
  | {
      key: string;
      unchanged: false;
      /** 'outside': not on the tracker sheet; 'none': nobody selected there. */
      kind: 'none' | 'outside';
      message: string;
    };

// ---- Changes -------------------------------------------------------------------

/**
 * Every change carries the selection key the sidebar holds and answers with
 * the key after the change (null when the user has meanwhile selected
 * something else), so the next poll does not reload what the answer showed.
 */
interface Change {
  selectionKey?: string | null;
}

export interface TagRequest extends Change {
  target: SupporterTarget;
  field: TagField;
  /** Any case; stored lower case. A tag new to the vocabulary joins it. */
  tag: string;
  on: boolean;
}

export interface TagResult {
  field: TagField;
  tag: string;
  /** Rows whose cell changed (0 when every one already was as asked). */
  changed: number;
  /** Supporters targeted. */
  supporters: number;
  /** Per option, how many of the targeted supporters have it now. */
  counts: TagCount[];
  selectionKey: string | null;
}

export interface NotesRequest extends Change {
  /** Exactly one supporter. */
  target: SupporterTarget;
  text: string;
}

export interface NotesResult {
  interestNotes: string;
  selectionKey: string | null;
}

export interface LogRequest extends Change {
  target: SupporterTarget;
  direction: Direction;
  /** A kind the log knows ('retweet', 'thanks', 'ask: give', …). */
  kind: string;
  note?: string;
  /** http(s) only. */
  link?: string;
  amount?: number | null;
  /** x, bluesky, mastodon, email, in person, phone, other; '' = unknown. */
  channel?: string;
}

export interface LogResult {
  logged: number;
  /** 'Logged "We thanked them" for Maya Patel.' */
  message: string;
  /** The person, rescored, when one was targeted. */
  supporter: SupporterView | null;
  selectionKey: string | null;
}

// ---- Settings --------------------------------------------------------------------

export interface NumberSetting {
  value: number;
  default: number;
}

export interface KindSetting extends NumberSetting {
  kind: string;
}

export interface Vocabulary {
  relationshipTags: string[];
  topics: string[];
}

export interface SettingsView {
  vocabulary: Vocabulary;
  defaultRelationshipTags: string[];
  /** Inbound kinds: w(kind) in responsiveness. */
  inboundWeights: KindSetting[];
  /** Outbound kinds: whuffie points (asks are negative). */
  whuffiePoints: KindSetting[];
  halfLives: {
    engagement: NumberSetting;
    recency: NumberSetting;
    whuffie: NumberSetting;
  };
  /** Lines on the daily "Reach out today" list. */
  listLength: NumberSetting;
  /** True when any scoring value differs from the defaults. */
  customised: boolean;
  /** Saved values that could not be used, one sentence each. */
  warnings: string[];
}

/** Only what changes; kinds by their log spelling. */
export interface SettingsPatch {
  vocabulary?: Partial<Vocabulary>;
  inboundWeights?: Record<string, number>;
  whuffiePoints?: Record<string, number>;
  halfLives?: {engagement?: number; recency?: number; whuffie?: number};
  listLength?: number;
}

// ---- Reach out today, the digest and health (src/surface.ts, issue 5) --------

export interface LinkView {
  /** 'Profile on X', 'Write on Bluesky', … */
  label: string;
  url: string;
}

export interface TodayLineView {
  /** Stable for the day: Done and snooze refer to it. */
  key: string;
  /** 1 … n. */
  priority: number;
  supporterId: string;
  name: string;
  bucket: string;
  /** 'Birthday', 'Reply owed', 'Thank them', … */
  bucketLabel: string;
  why: string;
  action: string;
  /** Profile pages and prefilled compose windows. */
  links: LinkView[];
  done: boolean;
  /** 'YYYY-MM-DD' the line comes back on; null when not snoozed. */
  snoozedUntil: string | null;
}

export interface TodayView {
  /** 'YYYY-MM-DD' the list is for. */
  date: string;
  lines: TodayLineView[];
  /** Shown above the list: why it is empty, or that it is being rebuilt. */
  message: string;
}

export type SnoozePeriod = '1 day' | '1 week' | '1 month';

export interface DigestSettings {
  enabled: boolean;
  /** 0–23, in the spreadsheet's time zone. */
  hour: number;
  /** Email addresses. */
  recipients: string[];
}

export interface DigestSettingsView extends DigestSettings {
  timeZone: string;
}

export interface HealthView {
  /** ISO 8601 of the last daily run; null before the first one. */
  lastRun: string | null;
  outcome: 'ok' | 'failed' | 'never';
  /** One sentence about the last run, for people. */
  summary: string;
  lastError: string | null;
  /** ISO 8601 of the last error; null when none. */
  lastErrorAt: string | null;
}

export interface Notice {
  message: string;
}

// ---- Connected accounts (Settings › Connected accounts, issue 7) ------------
// Secrets go to the server and never come back: the views say who is
// connected, not with what.

export interface BlueskyConnectRequest {
  /** 'tigers.bsky.social' (a leading @ is fine). */
  handle: string;
  /** An app password, xxxx-xxxx-xxxx-xxxx. */
  appPassword: string;
  /** The PDS; '' or missing = https://bsky.social. */
  server?: string;
}

export interface MastodonConnectRequest {
  /** '@tigers@mastodon.social'. */
  account: string;
  /** An access token with the read:notifications scope. */
  token: string;
  /** The API's address when it is not https://{the account's server}. */
  server?: string;
}

export interface XConnectRequest {
  /** The bearer token of the organisation's X developer app. */
  token: string;
  /** '@tigers' or a numeric user id. */
  user: string;
  /** Posts one sync and one month may read; null or missing = the default. */
  perSync?: number | null;
  perMonth?: number | null;
  /** '' or missing = https://api.x.com. */
  server?: string;
}

export interface AccountView {
  /** '@tigers.bsky.social', '@tigers@mastodon.social', '@tigers'. */
  account: string;
  /** The API it is read from: 'https://bsky.social'. */
  server: string;
}

export interface XAccountView extends AccountView {
  perSync: number;
  perMonth: number;
  /** Posts read so far this month (UTC months, as the budget counts). */
  usedThisMonth: number;
}

export interface ConnectionsView {
  /** null when not connected. */
  bluesky: AccountView | null;
  mastodon: AccountView | null;
  x: XAccountView | null;
  /** ISO 8601 of the last sync (menu, sidebar or daily run); null before the first. */
  lastSync: string | null;
  /** What the forms start with. */
  defaults: {
    blueskyServer: string;
    xServer: string;
    xPerSync: number;
    xPerMonth: number;
  };
}

/** What one sync did (Sync now), and the accounts after it (the X budget used). */
export interface SyncReport {
  added: number;
  /** One line per source, then one about new people; for people. */
  lines: string[];
  /** What went wrong, one sentence per source that had a problem. */
  problems: string[];
  connections: ConnectionsView;
}

// ---- The functions -------------------------------------------------------------

/** The supporter panel, tagging, logging and settings (src/commands/sidebar-*.ts). */
export interface SupporterApi {
  getSelectionState: (lastKey?: string | null) => SelectionState;
  setTag: (request: TagRequest) => TagResult;
  saveInterestNotes: (request: NotesRequest) => NotesResult;
  logInteraction: (request: LogRequest) => LogResult;
  getSettingsView: () => SettingsView;
  saveSettings: (patch: SettingsPatch) => SettingsView;
  resetSettings: () => SettingsView;
}

/** The daily list, the digest and the health view. */
export interface TodayApi {
  getTodayList: () => TodayView;
  completeTodayLine: (key: string) => TodayView;
  snoozeTodayLine: (key: string, period: SnoozePeriod) => TodayView;
  getDigestSettings: () => DigestSettingsView;
  saveDigestSettings: (settings: DigestSettings) => DigestSettingsView;
  sendTestDigest: () => Notice;
  getHealth: () => HealthView;
}

/** Settings › Import interactions and Import X archive: one file per call (src/commands/import.ts, x-archive.ts). */
export interface ImportApi {
  /** `name` as the user's file is called (tweets.js, like.js, …); `text` its content. */
  importXArchiveFile: (name: string, text: string) => Notice;
  /** A CSV or tab-separated file of past interactions: its name and its text. */
  importInteractionsFile: (name: string, text: string) => Notice;
}

/** Settings › Connected accounts: connect, disconnect and sync (src/commands/connect.ts). */
export interface ConnectionsApi {
  getConnections: () => ConnectionsView;
  connectBluesky: (request: BlueskyConnectRequest) => ConnectionsView;
  connectMastodon: (request: MastodonConnectRequest) => ConnectionsView;
  connectX: (request: XConnectRequest) => ConnectionsView;
  disconnectAccount: (network: Network) => ConnectionsView;
  syncNow: () => SyncReport;
}

/** Every function the sidebar calls: top-level functions in src/surface.ts. */
export type ServerApi = SupporterApi & TodayApi & ImportApi & ConnectionsApi;

/**
 * `Surface` itself, when it has every function of `Api` with a compatible
 * signature; else a compile error. src/surface.ts checks itself with it.
 */
export type Implements<Api, Surface extends Api> = Surface;

// ---- Compile-time check: nothing but plain data crosses --------------------------

type Primitive = string | number | boolean | null | undefined;

/** true when T holds only what google.script.run carries intact. */
export type WireSafe<T> = T extends Primitive
  ? true
  : T extends Date | ((...args: never[]) => unknown)
    ? false
    : T extends readonly (infer E)[]
      ? WireSafe<E>
      : T extends object
        ? false extends {[K in keyof T]-?: WireSafe<T[K]>}[keyof T]
          ? false
          : true
        : false;

type Assert<T extends true> = T;

/** Fails to compile when an argument or result of ServerApi could hold a Date. */
export type ServerApiIsWireSafe = Assert<
  WireSafe<{
    [K in keyof ServerApi]: [
      Parameters<ServerApi[K]>,
      ReturnType<ServerApi[K]>,
    ];
  }>
>;
