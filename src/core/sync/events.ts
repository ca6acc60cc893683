/**
 * What every engagement source (Bluesky, Mastodon, the X API, the X archive)
 * is reduced to before matching: one event per thing that happened, with the
 * person on the other side keyed by the network's stable id (handles change).
 */
import type {Direction} from '../kinds';
import type {Network} from '../handles';

/** Someone seen on a network. */
export interface PersonSeen {
  network: Network;
  /** The stable id: Bluesky DID, Mastodon `user@domain`, X numeric id. */
  id: string;
  /** Without `@`: `tigerfan.bsky.social`, `user@domain`, `tiger_fan`; '' when unknown. */
  handle: string;
  name: string;
  profileUrl: string;
}

export interface SyncedEvent {
  person: PersonSeen;
  direction: Direction;
  /** A canonical kind id (kinds.ts). */
  kind: string;
  when: Date;
  /** `network:kind:native id`: the same event always gets the same id. */
  eventId: string;
  link: string;
  /** A plain-text excerpt of the post, '' for likes, reposts and follows. */
  text: string;
  /** The log's Source column: bluesky, mastodon, x, x-archive. */
  source: string;
  /** Set when the supporter is already known another way (a liked post's link in the log). */
  supporterId?: string;
}

const EXCERPT_CHARS = 200;

/** Post text as one short line: whitespace collapsed, cut at a word. */
export function excerpt(text: unknown): string {
  const flat = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= EXCERPT_CHARS) return flat;
  const cut = flat.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

/** A date from an API's timestamp, or null when it is missing or unreadable. */
export function parseTimestamp(text: unknown): Date | null {
  if (typeof text !== 'string' || !text) return null;
  const ms = Date.parse(text);
  return isNaN(ms) ? null : new Date(ms);
}

/** A JSON value as an object (arrays and primitives give an empty one). */
export function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringOf(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number'
      ? String(value)
      : '';
}
