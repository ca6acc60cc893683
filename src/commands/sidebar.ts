/**
 * The sidebar's server side (Social CRM › Open sidebar): the supporter the
 * user has selected, tagging one or many rows, interest notes, one-click
 * logging and the settings panel. Shapes are src/api.ts; src/surface.ts
 * exposes each function to google.script.run in one line.
 *
 * Costs, by design:
 * - A poll reads only the selection (and the selected row, to notice edits
 *   made in the grid): when nothing changed it answers `{key, unchanged}`.
 *   A change reads the tracker once and, for one person, only their log
 *   rows are parsed and scored.
 * - Every write runs under the document lock, reads each block once and
 *   writes each block of adjacent rows once, into plain-text cells (so a tag
 *   or a note like "=IMPORTXML(…)" stays text). Turning a tag on twice
 *   leaves one tag, and a cell that would not change is not written.
 */
import type {
  BirthdayView,
  BulkView,
  Direction,
  ExplainLine,
  HandleView,
  InteractionView,
  KindSetting,
  LogRequest,
  LogResult,
  NotesRequest,
  NotesResult,
  RowSpan,
  ScoresView,
  SelectionState,
  SettingsView,
  SupporterTarget,
  SupporterView,
  TagCount,
  TagField,
  TagRequest,
  TagResult,
  TagsView,
  Vocabulary,
} from '../api';
import {PLAIN_TEXT, textOf} from '../core/cells';
import {
  cellString,
  DEFAULT_RELATIONSHIP_TAGS,
  FIELD_LABELS,
  formatTags,
  parseFlag,
  parseTags,
  stableHash,
} from '../core/columns';
import {
  dateIn,
  dayNumber,
  daysUntilBirthday,
  MONTH_NAMES,
  parseBirthday,
} from '../core/dates';
import {isUserError, UserError} from '../core/errors';
import {
  NETWORK_LABELS,
  NETWORKS,
  normaliseHandle,
  SupporterIdentity,
} from '../core/handles';
import {
  CHANNELS,
  KINDS,
  parseChannel,
  parseKind,
  valueClassOf,
} from '../core/kinds';
import {parseLog} from '../core/log';
import {Interaction, LOG_SHEET_NAME, logColumn, toLogRow} from '../core/model';
import {
  compareEvents,
  Contribution,
  scoreOne,
  SupporterScore,
} from '../core/scoring';
import {
  BANDS,
  Band,
  DEFAULT_SETTINGS,
  diffFromDefaults,
  mergeSettings,
  Settings,
} from '../core/settings';
import {readDocumentState, writeDocumentState} from '../adapters/document';
import {appendLogRows, getLogSheet, readLogRows} from '../adapters/log-sheet';
import {withDocumentLock} from '../adapters/lock';
import {
  findTrackerSheet,
  readTracker,
  Tracker,
} from '../adapters/tracker-sheet';
import {ADDON_TITLE, sidebarCall} from '../adapters/ui';
import {fieldCell, refreshScores, scoreEveryone, writeScores} from './scores';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const RECENT_INTERACTIONS = 10;
const BULK_NAMES = 3;
const MAX_TAG_LENGTH = 40;
/** Vocabularies live in one document property (at most 9 KB). */
const MAX_VOCABULARY = 100;
const MAX_NOTES = 5000;
const MAX_LOG_NOTE = 1000;
const MAX_LINK = 2000;
const MAX_SPANS = 200;
const PROPERTY_LIMIT = 9000;

// ---------------------------------------------------------------------------
// Entry

/** Social CRM › Open sidebar. */
export function openSidebar(): void {
  const page =
    HtmlService.createHtmlOutputFromFile('sidebar').setTitle(ADDON_TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}

const activeSpreadsheet = (): Spreadsheet =>
  SpreadsheetApp.getActiveSpreadsheet();

// ---------------------------------------------------------------------------
// The selection and its key

interface ActiveSelection {
  sheetId: number;
  spans: RowSpan[];
  /** `sheetId:rows`, and `#digest` of the row's cells when one row is selected. */
  key: string;
}

/** Sorted, overlapping and touching spans merged. */
function mergeSpans(spans: readonly RowSpan[]): RowSpan[] {
  const sorted = [...spans].sort((a, b) => a.first - b.first);
  const merged: RowSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.first <= last.last + 1) {
      last.last = Math.max(last.last, span.last);
    } else {
      merged.push({...span});
    }
  }
  return merged;
}

const spanText = (s: RowSpan) =>
  s.first === s.last ? String(s.first) : `${s.first}-${s.last}`;

/**
 * What the user has selected, in a handful of calls. For a single row the
 * key also digests the row's cells, so an edit made in the grid (a tag typed
 * in, Do not contact ticked, scores refreshed) shows in the sidebar.
 */
function readActiveSelection(ss: Spreadsheet): ActiveSelection {
  const sheet = ss.getActiveSheet();
  const sheetId = sheet.getSheetId();
  const ranges = ss.getActiveRangeList()?.getRanges() ?? [];
  const spans = mergeSpans(
    ranges.map(r => ({first: r.getRow(), last: r.getLastRow()})),
  );
  const place = `${sheetId}:${spans.map(spanText).join(',')}`;
  if (spans.length !== 1 || spans[0].first !== spans[0].last) {
    return {sheetId, spans, key: place};
  }
  const width = sheet.getLastColumn();
  const cells =
    width > 0 ? sheet.getRange(spans[0].first, 1, 1, width).getValues() : [];
  return {sheetId, spans, key: `${place}#${stableHash(JSON.stringify(cells))}`};
}

const placeOf = (key: string) => key.split('#')[0];

/**
 * The key to give the sidebar after a change: the fresh one when the user
 * still has the same rows selected (so the next poll does not reload what
 * the answer already shows), else null (the next poll reloads).
 */
function keyAfterChange(ss: Spreadsheet, before: unknown): string | null {
  if (typeof before !== 'string' || !before) return null;
  const now = readActiveSelection(ss).key;
  return placeOf(now) === placeOf(before) ? now : null;
}

/**
 * The sidebar's poll. `lastKey` is the key of the previous answer: while
 * the selection and the selected row stay the same the answer is tiny;
 * when they change it carries the whole view.
 */
export function getSelectionState(lastKey?: unknown): SelectionState {
  return sidebarCall('reading your selection', () => {
    const ss = activeSpreadsheet();
    const selection = readActiveSelection(ss);
    if (lastKey === selection.key) {
      return {key: selection.key, unchanged: true};
    }
    return describeSelection(ss, selection);
  });
}

function describeSelection(
  ss: Spreadsheet,
  selection: ActiveSelection,
): SelectionState {
  const base = {key: selection.key, unchanged: false as const};
  const trackerSheet = findTrackerSheet(ss);
  if (trackerSheet && trackerSheet.getSheetId() !== selection.sheetId) {
    return {
      ...base,
      kind: 'outside',
      message: `Select a supporter's row on the "${trackerSheet.getName()}" sheet to see them here.`,
    };
  }
  let tracker: Tracker;
  try {
    tracker = readTracker(ss);
  } catch (e) {
    // Before setup: not a failure of the poll, just nothing to show yet.
    if (isUserError(e)) return {...base, kind: 'none', message: e.message};
    throw e;
  }
  const chosen = supportersIn(tracker, selection.spans);
  if (!chosen.length) {
    return {
      ...base,
      kind: 'none',
      message:
        "Select a supporter's row to see them here, or several rows to tag them all at once.",
    };
  }
  const context = viewContext(ss);
  if (chosen.length === 1) {
    const who = chosen[0];
    const rows = who.id ? logRowsOf(ss, who.id) : [];
    return {
      ...base,
      kind: 'one',
      supporter: supporterView(tracker, who, rows, context),
    };
  }
  return {
    ...base,
    kind: 'many',
    bulk: bulkView(tracker, chosen, selection.spans, context.vocabulary),
  };
}

const inSpans = (row: number, spans: readonly RowSpan[]) =>
  spans.some(s => row >= s.first && row <= s.last);

function supportersIn(
  tracker: Tracker,
  spans: readonly RowSpan[],
): SupporterIdentity[] {
  return tracker.supporters.filter(s => inSpans(s.row!, spans));
}

// ---------------------------------------------------------------------------
// Views

interface ViewContext {
  now: Date;
  timeZone: string;
  settings: Settings;
  vocabulary: Vocabulary;
}

function viewContext(ss: Spreadsheet): ViewContext {
  const stored = readStoredSettings(ss);
  return {
    now: new Date(),
    timeZone: ss.getSpreadsheetTimeZone(),
    settings: mergeSettings(DEFAULT_SETTINGS, stored.overrides).settings,
    vocabulary: stored.vocabulary,
  };
}

/** One person's log rows, found with a string compare before any parsing. */
function logRowsOf(ss: Spreadsheet, id: string): unknown[][] {
  const column = logColumn('Supporter ID');
  return readLogRows(getLogSheet(ss)).filter(
    row => cellString(row[column]) === id,
  );
}

/**
 * The Stay in touch cell as scoring reads it (scores.ts): blank is "not
 * known" (believers get the default cadence), 0 or text means none.
 */
function cadenceCell(cell: unknown): number | null | undefined {
  if (cell === '' || cell === null || cell === undefined) return undefined;
  const days = Number(cell);
  return isFinite(days) && days > 0 ? days : null;
}

function supporterView(
  tracker: Tracker,
  who: SupporterIdentity,
  logRows: unknown[][],
  context: ViewContext,
  scored?: {score: SupporterScore; events: readonly Interaction[]},
): SupporterView {
  const r = who.row! - 1;
  const cell = (field: Parameters<typeof fieldCell>[2]) =>
    fieldCell(tracker, r, field);
  const {now, timeZone, settings} = context;
  const id = who.id ?? '';
  const cadence = cadenceCell(cell('cadenceDays'));
  const {score, events} =
    scored ??
    (() => {
      const parsed = parseLog(logRows, timeZone, {now}).events;
      const band = cellString(cell('band'));
      const previousBand = (BANDS as readonly string[]).includes(band)
        ? (band as Band)
        : '';
      return {
        score: scoreOne(
          parsed,
          {id, cadenceDays: cadence, previousBand},
          {now, timeZone, settings},
        ),
        events: parsed,
      };
    })();
  const today = dayNumber(now, timeZone);
  const recent = [...events]
    .filter(e => e.supporterId === id)
    .sort((a, b) => compareEvents(b, a));
  return {
    id,
    row: who.row!,
    name: who.name || who.email || id || `Row ${who.row}`,
    email: who.email ?? '',
    handles: handlesOf(who),
    relationshipTags: tagsView(
      'relationshipTags',
      cell('relationshipTags'),
      context,
    ),
    topics: tagsView('topics', cell('topics'), context),
    interestNotes: textOf(cell('interestNotes')),
    birthday: birthdayView(cell('birthday'), timeZone, today),
    cadenceDays: cadence ?? null,
    cadenceInEffect: score.cadenceDays,
    doNotContact: parseFlag(cell('doNotContact')),
    lastContact: score.lastContact ? score.lastContact.toISOString() : null,
    scores: scoresView(score, today, timeZone),
    recent: recent
      .slice(0, RECENT_INTERACTIONS)
      .map(e => interactionView(e, timeZone)),
    totalInteractions: recent.length,
  };
}

function handlesOf(who: SupporterIdentity): HandleView[] {
  return NETWORKS.filter(n => who[n]).map(network => {
    const parsed = normaliseHandle(network, who[network]);
    return {
      network,
      networkLabel: NETWORK_LABELS[network],
      handle: parsed.ok ? parsed.display : who[network]!,
      url: parsed.ok ? parsed.profileUrl : '',
    };
  });
}

function tagsView(
  field: TagField,
  cell: unknown,
  context: ViewContext,
): TagsView {
  const on = parseTags(cell);
  const vocabulary = context.vocabulary[field];
  return {
    field,
    options: [...vocabulary, ...on.filter(t => !vocabulary.includes(t))],
    on,
  };
}

function birthdayView(
  cell: unknown,
  timeZone: string,
  today: number,
): BirthdayView | null {
  const birthday = parseBirthday(cell, timeZone);
  if (!birthday) return null;
  const year = birthday.year === null ? '' : ` ${birthday.year}`;
  return {
    text: `${birthday.day} ${MONTH_NAMES[birthday.month - 1]}${year}`,
    daysUntil: daysUntilBirthday(birthday, today),
  };
}

/** What an event is called in the sidebar: the words of the Log buttons. */
const INTERACTION_LABELS: Record<string, string> = {
  'inbound like': 'They liked our post',
  'inbound follow': 'They followed us',
  'inbound reply': 'They replied',
  'inbound mention': 'They mentioned us',
  'inbound question': 'They asked a question',
  'inbound retweet': 'They retweeted us',
  'inbound quote': 'They quoted us',
  'inbound message': 'They messaged us',
  'inbound volunteered': 'They volunteered',
  'inbound signed': 'They signed',
  'inbound attended': 'They attended',
  'inbound defended us': 'They defended us',
  'inbound donation': 'They donated',
  'inbound membership': 'They joined',
  'outbound like': 'We liked their post',
  'outbound follow': 'We followed them',
  'outbound reply': 'We replied',
  'outbound mention': 'We mentioned them',
  'outbound retweet': 'We retweeted them',
  'outbound quote': 'We quoted them',
  'outbound message': 'We messaged them',
  'outbound thanks': 'We thanked them',
  'outbound answer': 'We answered them',
  'outbound birthday wish': 'Birthday wish',
  'outbound feedback request': 'Asked for feedback',
  'outbound introduction': 'We introduced them',
  'outbound check-in': 'We checked in',
  'outbound ask: share': 'Asked them to share',
  'outbound ask: act': 'Asked them to act',
  'outbound ask: volunteer': 'Asked them to volunteer',
  'outbound ask: give': 'Asked them to give',
};

export function interactionLabel(direction: Direction, kind: string): string {
  return (
    INTERACTION_LABELS[`${direction} ${kind}`] ??
    `${direction === 'inbound' ? 'They' : 'We'}: ${kind}`
  );
}

function interactionView(e: Interaction, timeZone: string): InteractionView {
  return {
    when: e.when.toISOString(),
    date: dateIn(e.when, timeZone),
    direction: e.direction,
    kind: e.kind,
    label: interactionLabel(e.direction, e.kind),
    channel: e.channel,
    note: e.note,
    link: e.link,
    amount: e.amount,
  };
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

function ago(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

function contributionLine(
  c: Contribution,
  today: number,
  timeZone: string,
): ExplainLine {
  const age = today - dayNumber(c.event.when, timeZone);
  return {
    text: `${interactionLabel(c.event.direction, c.event.kind)}, ${ago(age)}`,
    points: oneDecimal(c.points),
    detail: true,
  };
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n} ${n === 1 ? one : many}`;

/** "Why 56?": the parts of each score and the events behind them. */
function scoresView(
  score: SupporterScore,
  today: number,
  timeZone: string,
): ScoresView {
  const {engagement, replyRate, recency} = score.explain.responsiveness;
  const line = (text: string, points: number): ExplainLine => ({
    text,
    points: oneDecimal(points),
    detail: false,
  });
  const pending = replyRate.pending ? ` (${replyRate.pending} still open)` : '';
  const responsiveness: ExplainLine[] = [
    line(
      engagement.events
        ? `Their engagement: ${plural(engagement.events, 'action')}, recent ones count most`
        : 'Their engagement: none yet',
      engagement.points,
    ),
    ...engagement.top.map(c => contributionLine(c, today, timeZone)),
    line(
      `Answers to our outreach: ${replyRate.answered} of ${replyRate.outreach}${pending}`,
      replyRate.points,
    ),
    line(
      recency.daysSinceLastInbound === null
        ? 'Recency: they have not engaged yet'
        : `Recency: last engaged ${ago(recency.daysSinceLastInbound)}`,
      recency.points,
    ),
  ];
  const {top, events} = score.explain.whuffie;
  const shown = top.reduce((sum, c) => sum + c.points, 0);
  const whuffie: ExplainLine[] = top.map(c => ({
    ...contributionLine(c, today, timeZone),
    detail: false,
  }));
  if (events > top.length) {
    whuffie.push(
      line(
        `${plural(events - top.length, 'other event')}`,
        score.whuffie - shown,
      ),
    );
  }
  return {
    responsiveness: score.responsiveness,
    band: score.band,
    whuffie: score.whuffie,
    level: score.level,
    readyToAsk: score.readyToAsk,
    owedThanks: score.owedThanks.count,
    replyOwed: score.replyOwed.count,
    why: {responsiveness, whuffie, readyToAsk: score.whyNotReady},
  };
}

function countTags(
  tracker: Tracker,
  people: readonly SupporterIdentity[],
  field: TagField,
  vocabulary: Vocabulary,
): TagCount[] {
  const counts = new Map<string, number>(vocabulary[field].map(t => [t, 0]));
  for (const who of people) {
    for (const tag of parseTags(fieldCell(tracker, who.row! - 1, field))) {
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return [...counts].map(([tag, count]) => ({tag, count}));
}

function bulkView(
  tracker: Tracker,
  people: readonly SupporterIdentity[],
  spans: RowSpan[],
  vocabulary: Vocabulary,
): BulkView {
  return {
    count: people.length,
    rows: spans,
    names: people
      .slice(0, BULK_NAMES)
      .map(p => p.name || p.email || p.id || `Row ${p.row}`),
    relationshipTags: countTags(
      tracker,
      people,
      'relationshipTags',
      vocabulary,
    ),
    topics: countTags(tracker, people, 'topics', vocabulary),
  };
}

// ---------------------------------------------------------------------------
// Requests: the sidebar is ours, so a malformed request is a bug (a plain
// Error); what a person typed that cannot be used is a UserError.

type Plain = Record<string, unknown>;

function plainObject(value: unknown, what: string): Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${what} should be an object`);
  }
  return value as Plain;
}

function text(value: unknown, what: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new Error(`${what} should be text`);
  return value;
}

function tagField(value: unknown): TagField {
  if (value === 'relationshipTags' || value === 'topics') return value;
  throw new Error(`unknown tag field ${String(value)}`);
}

/** One tag as stored: lower case, without the separators a cell splits on. */
function cleanTag(value: unknown): string {
  const raw = text(value, 'tag').trim();
  const tags = parseTags(raw);
  if (!raw || tags.length !== 1 || tags[0] !== raw.toLowerCase()) {
    throw new UserError(
      raw
        ? `"${raw}" can't be a tag: use a word or two without commas, semicolons or | (tags are kept comma-separated in one cell).`
        : 'Type a tag first.',
    );
  }
  if (tags[0].length > MAX_TAG_LENGTH) {
    throw new UserError(
      `Tags can be at most ${MAX_TAG_LENGTH} characters long.`,
    );
  }
  return tags[0];
}

function target(value: unknown): SupporterTarget {
  const t = plainObject(value, 'target');
  if (Array.isArray(t.ids)) {
    return {ids: t.ids.map(id => text(id, 'supporter id').trim())};
  }
  if (Array.isArray(t.rows) && t.rows.length <= MAX_SPANS) {
    return {
      rows: t.rows.map(span => {
        const {first, last} = plainObject(span, 'row span');
        if (
          !Number.isInteger(first) ||
          !Number.isInteger(last) ||
          (first as number) < 1 ||
          (last as number) < (first as number)
        ) {
          throw new Error('a row span should be two whole row numbers');
        }
        return {first: first as number, last: last as number};
      }),
    };
  }
  throw new Error('target should have ids or rows');
}

/** The supporters a target names, each once, in sheet order. */
function resolveTarget(
  tracker: Tracker,
  wanted: SupporterTarget,
): SupporterIdentity[] {
  let people: SupporterIdentity[];
  if ('ids' in wanted) {
    const byId = new Map(
      tracker.supporters.filter(s => s.id).map(s => [s.id!, s]),
    );
    people = wanted.ids.map(id => {
      const who = byId.get(id);
      if (!who) {
        throw new UserError(
          `I can't find the supporter ${id} in the tracker any more (was the row deleted, or the Supporter ID edited?). Select their row again.`,
        );
      }
      return who;
    });
  } else {
    people = supportersIn(tracker, mergeSpans(wanted.rows));
  }
  people = [...new Set(people)].sort((a, b) => a.row! - b.row!);
  if (!people.length) {
    throw new UserError('Select at least one supporter row first.');
  }
  return people;
}

function requireColumn(tracker: Tracker, field: TagField | 'interestNotes') {
  const column = tracker.mapping.fields[field];
  if (column === undefined) {
    throw new UserError(
      `The tracker has no "${FIELD_LABELS[field]}" column. Run Social CRM › Set up tracker to add it.`,
    );
  }
  return column;
}

// ---------------------------------------------------------------------------
// Writing cells

/**
 * Writes new text into one column for some of `rows` (the targeted rows).
 * One write per block of adjacent targeted rows, from its first to its last
 * changed row (targeted rows in between keep their value); each block is made
 * plain text first, so nothing written becomes a formula, number or date.
 */
function writeColumnCells(
  tracker: Tracker,
  column: number,
  rows: readonly number[],
  changes: ReadonlyMap<number, string>,
): void {
  const blocks: number[][] = [];
  for (const row of rows) {
    const block = blocks[blocks.length - 1];
    if (block && row === block[block.length - 1] + 1) block.push(row);
    else blocks.push([row]);
  }
  for (const block of blocks) {
    const changed = block.filter(r => changes.has(r));
    if (!changed.length) continue;
    const from = changed[0];
    const to = changed[changed.length - 1];
    const values: unknown[][] = [];
    for (let row = from; row <= to; row++) {
      values.push([
        changes.has(row)
          ? changes.get(row)
          : (tracker.values[row - 1]?.[column - 1] ?? ''),
      ]);
    }
    const range = tracker.sheet.getRange(from, column, values.length, 1);
    range.setNumberFormat(PLAIN_TEXT);
    range.setValues(values);
  }
}

// ---------------------------------------------------------------------------
// Tags and notes

/** Turns one tag on or off for one or many supporters. */
export function setTag(request: unknown): TagResult {
  return sidebarCall('changing tags', () => {
    const req = plainObject(request, 'request') as Partial<TagRequest>;
    const field = tagField(req.field);
    const tag = cleanTag(req.tag);
    const on = req.on === true;
    const wanted = target(req.target);
    const ss = activeSpreadsheet();
    return withDocumentLock(() => {
      const tracker = readTracker(ss);
      const column = requireColumn(tracker, field);
      const people = resolveTarget(tracker, wanted);
      const changes = new Map<number, string>();
      for (const who of people) {
        const tags = parseTags(fieldCell(tracker, who.row! - 1, field));
        if (tags.includes(tag) === on) continue;
        changes.set(
          who.row!,
          formatTags(on ? [...tags, tag] : tags.filter(t => t !== tag)),
        );
      }
      writeColumnCells(
        tracker,
        column,
        people.map(p => p.row!),
        changes,
      );
      for (const [row, value] of changes) {
        tracker.values[row - 1][column - 1] = value;
      }
      const stored = readStoredSettings(ss);
      if (on && !stored.vocabulary[field].includes(tag)) {
        stored.vocabulary[field] = [...stored.vocabulary[field], tag];
        checkVocabulary(stored.vocabulary);
        writeStoredSettings(ss, stored);
      }
      return {
        field,
        tag,
        changed: changes.size,
        supporters: people.length,
        counts: countTags(tracker, people, field, stored.vocabulary),
        selectionKey: keyAfterChange(ss, req.selectionKey),
      };
    });
  });
}

/** Saves one supporter's interest notes (the sidebar saves on blur). */
export function saveInterestNotes(request: unknown): NotesResult {
  return sidebarCall('saving the notes', () => {
    const req = plainObject(request, 'request') as Partial<NotesRequest>;
    const notes = text(req.text, 'notes').replace(/\r\n?/g, '\n').trim();
    if (notes.length > MAX_NOTES) {
      throw new UserError(
        `Interest notes can be at most ${MAX_NOTES} characters long (these are ${notes.length}).`,
      );
    }
    const wanted = target(req.target);
    const ss = activeSpreadsheet();
    return withDocumentLock(() => {
      const tracker = readTracker(ss);
      const column = requireColumn(tracker, 'interestNotes');
      const people = resolveTarget(tracker, wanted);
      if (people.length !== 1) {
        throw new Error('notes are saved for one supporter at a time');
      }
      const row = people[0].row!;
      if (textOf(tracker.values[row - 1]?.[column - 1]) !== notes) {
        writeColumnCells(tracker, column, [row], new Map([[row, notes]]));
      }
      return {
        interestNotes: notes,
        selectionKey: keyAfterChange(ss, req.selectionKey),
      };
    });
  });
}

// ---------------------------------------------------------------------------
// Logging

function logRequest(request: unknown) {
  const req = plainObject(request, 'request') as Partial<LogRequest>;
  const direction = req.direction;
  if (direction !== 'inbound' && direction !== 'outbound') {
    throw new Error(`unknown direction ${String(direction)}`);
  }
  const kind = parseKind(req.kind);
  if (!kind || !kind.directions.includes(direction)) {
    throw new Error(`"${String(req.kind)}" is not an ${direction} kind`);
  }
  const note = text(req.note, 'note').trim();
  if (note.length > MAX_LOG_NOTE) {
    throw new UserError(
      `A note can be at most ${MAX_LOG_NOTE} characters long (this one is ${note.length}).`,
    );
  }
  const link = text(req.link, 'link').trim();
  if (link && (!/^https?:\/\/\S+$/i.test(link) || link.length > MAX_LINK)) {
    throw new UserError(
      'The link should be a web address starting with https:// (copy it from the post).',
    );
  }
  const amount = req.amount ?? null;
  if (
    amount !== null &&
    (typeof amount !== 'number' || !isFinite(amount) || amount < 0)
  ) {
    throw new UserError('The amount should be a number, 0 or more.');
  }
  const channel = parseChannel(text(req.channel, 'channel'));
  if (channel && !CHANNELS.includes(channel)) {
    throw new Error(`unknown channel ${channel}`);
  }
  return {
    target: target(req.target),
    direction,
    kind: kind.id,
    note,
    link,
    amount,
    channel,
    selectionKey: req.selectionKey,
  };
}

/**
 * Logs one event for one or many supporters: one appended block, then the
 * scores of everyone rewritten (the grid's columns and the sheet functions
 * follow). The log is read once; scoring sees the new rows before they are
 * written, so nothing is read back.
 */
export function logInteraction(request: unknown): LogResult {
  return sidebarCall('logging the interaction', () => {
    const req = logRequest(request);
    const ss = activeSpreadsheet();
    return withDocumentLock(() => {
      const logSheet = getLogSheet(ss);
      if (!logSheet) {
        throw new UserError(
          `There is no "${LOG_SHEET_NAME}" sheet to log to. Run Social CRM › Set up tracker to create it.`,
        );
      }
      const people = resolveTarget(readTracker(ss), req.target);
      const missing = people.filter(p => !p.id).length;
      if (missing) {
        throw new UserError(
          `${plural(missing, 'selected row has', 'selected rows have')} no Supporter ID yet. Run Social CRM › Set up tracker to give them one, then log again.`,
        );
      }
      const now = new Date();
      const rows = people.map(who =>
        toLogRow({
          when: now,
          supporterId: who.id!,
          direction: req.direction,
          kind: req.kind,
          channel: req.channel,
          valueClass: valueClassOf(req.direction, req.kind),
          amount: req.amount,
          note: req.note,
          link: req.link,
          source: 'sidebar',
          eventId: '',
        }),
      );
      const run = scoreEveryone(ss, now, [...readLogRows(logSheet), ...rows]);
      appendLogRows(logSheet, rows);
      writeScores(run);
      const label = interactionLabel(req.direction, req.kind);
      const one = people.length === 1 ? people[0] : null;
      const who = one && run.tracker.supporters.find(s => s.id === one.id);
      const score = one && run.result.scores.get(one.id!);
      const context: ViewContext = {
        now,
        timeZone: run.timeZone,
        settings: run.settings,
        vocabulary: readStoredSettings(ss).vocabulary,
      };
      return {
        logged: rows.length,
        message: `Logged "${label}" for ${
          one ? one.name || one.email || one.id : `${people.length} supporters`
        }.`,
        supporter:
          who && score
            ? supporterView(run.tracker, who, [], context, {
                score,
                events: run.log.events,
              })
            : null,
        selectionKey: keyAfterChange(ss, req.selectionKey),
      };
    });
  });
}

// ---------------------------------------------------------------------------
// Settings: the scoring overrides (settings.ts) and, beside them in the same
// JSON document property, the tag vocabularies under \`vocabulary\`. Only
// what differs from the defaults is stored.

interface StoredSettings {
  /** The scoring overrides as stored (an object, or unreadable text). */
  overrides: unknown;
  vocabulary: Vocabulary;
}

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored tag list, cleaned; null when there is none. */
function storedTags(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  return parseTags(value.filter(v => typeof v === 'string').join(','));
}

function readStoredSettings(ss: Spreadsheet): StoredSettings {
  const raw = readDocumentState(ss).settings;
  let parsed: unknown = raw;
  try {
    parsed = raw.trim() ? JSON.parse(raw) : {};
  } catch {
    // mergeSettings reports unreadable text to the user.
  }
  if (!isPlain(parsed)) {
    return {
      overrides: parsed,
      vocabulary: {
        relationshipTags: [...DEFAULT_RELATIONSHIP_TAGS],
        topics: [],
      },
    };
  }
  const {vocabulary, ...overrides} = parsed;
  const v = isPlain(vocabulary) ? vocabulary : {};
  return {
    overrides,
    vocabulary: {
      relationshipTags: storedTags(v.relationshipTags) ?? [
        ...DEFAULT_RELATIONSHIP_TAGS,
      ],
      topics: storedTags(v.topics) ?? [],
    },
  };
}

function checkVocabulary(vocabulary: Vocabulary): void {
  for (const field of ['relationshipTags', 'topics'] as const) {
    if (vocabulary[field].length > MAX_VOCABULARY) {
      throw new UserError(
        `${FIELD_LABELS[field]} can offer at most ${MAX_VOCABULARY} tags. Remove some you no longer use in Settings first.`,
      );
    }
  }
}

function writeStoredSettings(ss: Spreadsheet, stored: StoredSettings): void {
  const {relationshipTags, topics} = stored.vocabulary;
  const isDefault =
    !topics.length &&
    relationshipTags.join() === DEFAULT_RELATIONSHIP_TAGS.join();
  const json = JSON.stringify({
    ...(isPlain(stored.overrides) ? stored.overrides : {}),
    ...(isDefault ? {} : {vocabulary: stored.vocabulary}),
  });
  if (json.length > PROPERTY_LIMIT) {
    throw new UserError(
      'The settings are too long to save (a document property holds 9 KB). Remove some tags or topics first.',
    );
  }
  writeDocumentState(ss, {settings: json});
}

function kindSettings(
  direction: Direction,
  table: (s: Settings) => Record<string, number>,
  settings: Settings,
): KindSetting[] {
  return KINDS.filter(k => k.directions.includes(direction)).map(k => ({
    kind: k.id,
    value: table(settings)[k.id] ?? 0,
    default: table(DEFAULT_SETTINGS)[k.id] ?? 0,
  }));
}

function settingsView(
  settings: Settings,
  warnings: string[],
  vocabulary: Vocabulary,
): SettingsView {
  const D = DEFAULT_SETTINGS;
  const pair = (get: (s: Settings) => number) => ({
    value: get(settings),
    default: get(D),
  });
  return {
    vocabulary,
    defaultRelationshipTags: [...DEFAULT_RELATIONSHIP_TAGS],
    inboundWeights: kindSettings(
      'inbound',
      s => s.responsiveness.inboundWeights,
      settings,
    ),
    whuffiePoints: kindSettings('outbound', s => s.whuffie.points, settings),
    halfLives: {
      engagement: pair(s => s.responsiveness.halfLifeDays),
      recency: pair(s => s.responsiveness.recencyHalfLifeDays),
      whuffie: pair(s => s.whuffie.halfLifeDays),
    },
    listLength: pair(s => s.today.maxLines),
    customised: Object.keys(diffFromDefaults(D, settings)).length > 0,
    warnings,
  };
}

export function getSettingsView(): SettingsView {
  return sidebarCall('reading the settings', () => {
    const stored = readStoredSettings(activeSpreadsheet());
    const {settings, warnings} = mergeSettings(
      DEFAULT_SETTINGS,
      stored.overrides,
    );
    return settingsView(settings, warnings, stored.vocabulary);
  });
}

/** What settings.ts calls a value, in the words of the Settings panel. */
const SETTING_NAMES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^responsiveness\.halfLifeDays/, () => 'Engagement half-life'],
  [/^responsiveness\.recencyHalfLifeDays/, () => 'Recency half-life'],
  [/^whuffie\.halfLifeDays/, () => 'Whuffie half-life'],
  [/^today\.maxLines/, () => 'List length'],
  [/^responsiveness\.inboundWeights\.(.+?)(?= =)/, m => `Weight of "${m[1]}"`],
  [/^whuffie\.points\.(.+?)(?= =)/, m => `Whuffie points for "${m[1]}"`],
];

function settingProblem(warning: string): string {
  let sentence = warning.replace(/; (kept .*|ignored)\.$/, '.');
  for (const [pattern, name] of SETTING_NAMES) {
    const m = pattern.exec(sentence);
    if (m) {
      sentence = name(m) + sentence.slice(m[0].length);
      break;
    }
  }
  return sentence;
}

function numberTable(value: unknown, what: string): Record<string, number> {
  const table = plainObject(value, what);
  for (const [kind, n] of Object.entries(table)) {
    if (typeof n !== 'number' || !isFinite(n)) {
      throw new UserError(`${what}: "${kind}" needs a number.`);
    }
  }
  return table as Record<string, number>;
}

function settingNumber(value: unknown, what: string): number {
  if (typeof value !== 'number' || !isFinite(value)) {
    throw new UserError(`${what} needs a number.`);
  }
  return value;
}

/** The patch in settings.ts's shape, for mergeSettings to validate. */
function overridesOf(patch: Plain): Plain {
  const out: {[key: string]: Plain} = {};
  const put = (group: string, key: string, value: unknown) => {
    out[group] = {...out[group], [key]: value};
  };
  if (patch.inboundWeights !== undefined) {
    put(
      'responsiveness',
      'inboundWeights',
      numberTable(patch.inboundWeights, 'Engagement weights'),
    );
  }
  if (patch.whuffiePoints !== undefined) {
    put(
      'whuffie',
      'points',
      numberTable(patch.whuffiePoints, 'Whuffie points'),
    );
  }
  if (patch.halfLives !== undefined) {
    const h = plainObject(patch.halfLives, 'half-lives');
    if (h.engagement !== undefined) {
      put(
        'responsiveness',
        'halfLifeDays',
        settingNumber(h.engagement, 'Engagement half-life'),
      );
    }
    if (h.recency !== undefined) {
      put(
        'responsiveness',
        'recencyHalfLifeDays',
        settingNumber(h.recency, 'Recency half-life'),
      );
    }
    if (h.whuffie !== undefined) {
      put(
        'whuffie',
        'halfLifeDays',
        settingNumber(h.whuffie, 'Whuffie half-life'),
      );
    }
  }
  if (patch.listLength !== undefined) {
    put('today', 'maxLines', settingNumber(patch.listLength, 'List length'));
  }
  return out;
}

function vocabularyPatch(value: unknown, current: Vocabulary): Vocabulary {
  if (value === undefined) return current;
  const v = plainObject(value, 'vocabulary');
  const list = (field: TagField) =>
    v[field] === undefined
      ? current[field]
      : [
          ...new Set(
            (Array.isArray(v[field]) ? (v[field] as unknown[]) : []).map(
              cleanTag,
            ),
          ),
        ];
  const next = {
    relationshipTags: list('relationshipTags'),
    topics: list('topics'),
  };
  checkVocabulary(next);
  return next;
}

/**
 * Saves what the Settings panel changed. Nothing is saved when any value is
 * unusable (the message says which); when scoring changed, every score is
 * rewritten so the grid shows the new weights at once.
 */
export function saveSettings(patch: unknown): SettingsView {
  return sidebarCall('saving the settings', () => {
    const p = plainObject(patch, 'settings');
    const overrides = overridesOf(p);
    const ss = activeSpreadsheet();
    return withDocumentLock(() => {
      const stored = readStoredSettings(ss);
      const current = mergeSettings(DEFAULT_SETTINGS, stored.overrides);
      const merged = mergeSettings(current.settings, overrides);
      if (merged.warnings.length) {
        throw new UserError(
          `Nothing was saved. ${merged.warnings.map(settingProblem).join(' ')}`,
        );
      }
      const before = JSON.stringify(current.settings);
      const next: StoredSettings = {
        overrides: diffFromDefaults(DEFAULT_SETTINGS, merged.settings),
        vocabulary: vocabularyPatch(p.vocabulary, stored.vocabulary),
      };
      writeStoredSettings(ss, next);
      if (JSON.stringify(merged.settings) !== before) rescore(ss);
      return settingsView(merged.settings, [], next.vocabulary);
    });
  });
}

/** Weights, half-lives and list length back to the defaults; tags stay. */
export function resetSettings(): SettingsView {
  return sidebarCall('resetting the settings', () => {
    const ss = activeSpreadsheet();
    return withDocumentLock(() => {
      const stored = readStoredSettings(ss);
      writeStoredSettings(ss, {overrides: {}, vocabulary: stored.vocabulary});
      rescore(ss);
      return settingsView(DEFAULT_SETTINGS, [], stored.vocabulary);
    });
  });
}

/** Rewrites every score after a settings change (not before setup). */
function rescore(ss: Spreadsheet): void {
  if (findTrackerSheet(ss)) refreshScores(ss);
}
