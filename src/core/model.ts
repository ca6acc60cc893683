/**
 * The shapes the core works on. Sheets hold these as rows; adapters turn rows
 * into these and back, so nothing in the core knows about cells.
 */
import type {Direction, ValueClass} from './kinds';

/** One row of the Interactions log, parsed. */
export interface Interaction {
  /** When it happened (an instant; days are computed in the sheet's zone). */
  when: Date;
  /** The supporter's stable id, the link between the log and the tracker. */
  supporterId: string;
  direction: Direction;
  /** A canonical kind id from kinds.ts (unknown kinds are dropped on parse). */
  kind: string;
  channel: string;
  valueClass: ValueClass;
  /** Money for donations/memberships; null when not given. */
  amount: number | null;
  note: string;
  link: string;
  /** Who wrote the row: manual, sidebar, today, import, bluesky, mastodon, x, x-archive. */
  source: string;
  /** `network:kind:native id` for synced events; '' for hand-logged ones. */
  eventId: string;
}

/**
 * The Interactions sheet's columns, in order (A:K). Kept to 11 so the range
 * form `=WHUFFIE(A2:A, Interactions!A2:K)` covers the whole log.
 */
export const LOG_HEADERS = [
  'When',
  'Supporter ID',
  'Direction',
  'Kind',
  'Channel',
  'Value class',
  'Amount',
  'Note',
  'Link',
  'Source',
  'Event ID',
] as const;

export const LOG_SHEET_NAME = 'Interactions';
export const TODAY_SHEET_NAME = 'Reach out today';

export type LogRow = (string | number | Date)[];

/** An interaction as a log row, in LOG_HEADERS order. */
export function toLogRow(i: Interaction): LogRow {
  return [
    i.when,
    i.supporterId,
    i.direction,
    i.kind,
    i.channel,
    i.valueClass,
    i.amount ?? '',
    i.note,
    i.link,
    i.source,
    i.eventId,
  ];
}

/** Column index (0-based) of a log header. */
export function logColumn(header: (typeof LOG_HEADERS)[number]): number {
  return LOG_HEADERS.indexOf(header);
}
