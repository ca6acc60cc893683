/**
 * What the sidebar sends, checked before anything is read or written. The
 * sidebar is ours, so a malformed request is a bug (a plain Error); what a
 * person typed that cannot be used is a UserError saying what to change.
 */
import type {
  LogRequest,
  NotesRequest,
  SupporterTarget,
  TagField,
  TagRequest,
} from '../api';
import {parseTags} from './columns';
import {UserError} from './errors';
import {CHANNELS, parseChannel, parseKind} from './kinds';

const MAX_TAG_LENGTH = 40;
const MAX_NOTES = 5000;
const MAX_LOG_NOTE = 1000;
const MAX_LINK = 2000;
const MAX_SPANS = 200;

export type Plain = Record<string, unknown>;

export const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function plainObject(value: unknown, what: string): Plain {
  if (!isPlain(value)) throw new Error(`${what} should be an object`);
  return value;
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
export function cleanTag(value: unknown): string {
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

/** Turn one tag on or off for the target. */
export function parseTagRequest(request: unknown) {
  const req = plainObject(request, 'request') as Partial<TagRequest>;
  return {
    field: tagField(req.field),
    tag: cleanTag(req.tag),
    on: req.on === true,
    target: target(req.target),
    selectionKey: req.selectionKey,
  };
}

/** One supporter's interest notes, with line breaks made plain. */
export function parseNotesRequest(request: unknown) {
  const req = plainObject(request, 'request') as Partial<NotesRequest>;
  const notes = text(req.text, 'notes').replace(/\r\n?/g, '\n').trim();
  if (notes.length > MAX_NOTES) {
    throw new UserError(
      `Interest notes can be at most ${MAX_NOTES} characters long (these are ${notes.length}).`,
    );
  }
  return {
    notes,
    target: target(req.target),
    selectionKey: req.selectionKey,
  };
}

/** One event to log for the target. */
export function parseLogRequest(request: unknown) {
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
