/**
 * What the sidebar shows of the selected supporter (their details, tags,
 * scores and recent interactions) or of several selected rows (how many have
 * each tag), built from tracker cells and log rows already read.
 */
import type {
  BirthdayView,
  BulkView,
  HandleView,
  InteractionView,
  RowSpan,
  SupporterView,
  TagCount,
  TagField,
  TagsView,
  Vocabulary,
} from '../api';
import {textOf} from './cells';
import {cellString, Field, isEmptyCell, parseFlag, parseTags} from './columns';
import {
  dateIn,
  dayNumber,
  daysUntilBirthday,
  MONTH_NAMES,
  parseBirthday,
} from './dates';
import {
  NETWORK_LABELS,
  NETWORKS,
  normaliseHandle,
  SupporterIdentity,
} from './handles';
import {interactionLabel} from './interaction-labels';
import {parseLog} from './log';
import type {Interaction} from './model';
import {scoresView} from './score-explain';
import {compareEvents, scoreOne, SupporterScore} from './scoring';
import {Band, BANDS, Settings} from './settings';

const RECENT_INTERACTIONS = 10;
const BULK_NAMES = 3;

/** A supporter's tracker cell by field ('' when the tracker has no such column). */
export type CellOf = (who: SupporterIdentity, field: Field) => unknown;

export interface ViewContext {
  now: Date;
  timeZone: string;
  settings: Settings;
  vocabulary: Vocabulary;
}

/**
 * The Stay in touch cell as scoring reads it (scores.ts): blank is "not
 * known" (believers get the default cadence), 0 or text means none.
 */
export function cadenceCell(cell: unknown): number | null | undefined {
  if (isEmptyCell(cell)) return undefined;
  const days = Number(cell);
  return isFinite(days) && days > 0 ? days : null;
}

/** A band cell as the scorer reads the previous band: '' when it is not a band. */
export function bandCell(cell: unknown): Band | '' {
  const text = cellString(cell);
  return (BANDS as readonly string[]).includes(text) ? (text as Band) : '';
}

/**
 * One supporter. `logRows` are their rows of the log, scored here; after a
 * change that scored everyone, `scored` gives their score and the log instead.
 */
export function supporterView(
  who: SupporterIdentity,
  cellOf: CellOf,
  logRows: unknown[][],
  context: ViewContext,
  scored?: {score: SupporterScore; events: readonly Interaction[]},
): SupporterView {
  const cell = (field: Field) => cellOf(who, field);
  const {now, timeZone, settings} = context;
  const id = who.id ?? '';
  const cadence = cadenceCell(cell('cadenceDays'));
  const {score, events} =
    scored ??
    (() => {
      const parsed = parseLog(logRows, timeZone, {now}).events;
      const previousBand = bandCell(cell('band'));
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
    name: displayName(who),
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

/** What the sidebar calls a supporter: their name, else email, id or row. */
function displayName(who: SupporterIdentity): string {
  return who.name || who.email || who.id || `Row ${who.row}`;
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

/** How many of `people` have each tag: every tag offered, zeros included. */
export function countTags(
  people: readonly SupporterIdentity[],
  cellOf: CellOf,
  field: TagField,
  vocabulary: Vocabulary,
): TagCount[] {
  const counts = new Map<string, number>(vocabulary[field].map(t => [t, 0]));
  for (const who of people) {
    for (const tag of parseTags(cellOf(who, field))) {
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return [...counts].map(([tag, count]) => ({tag, count}));
}

/** Several supporters selected: what bulk tagging needs. */
export function bulkView(
  people: readonly SupporterIdentity[],
  cellOf: CellOf,
  spans: RowSpan[],
  vocabulary: Vocabulary,
): BulkView {
  return {
    count: people.length,
    rows: spans,
    names: people.slice(0, BULK_NAMES).map(displayName),
    relationshipTags: countTags(people, cellOf, 'relationshipTags', vocabulary),
    topics: countTags(people, cellOf, 'topics', vocabulary),
  };
}
