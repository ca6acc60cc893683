/**
 * Who an event is about: matching the people the networks show us to
 * supporters (by DID, handle, `user@domain`, or an X id learned earlier),
 * turning matched events into log rows without repeats, and ranking the
 * people nobody knows yet ("New people"), with a guess at which supporter
 * they might be when the names look alike.
 */
import {IdentityIndex, normaliseHandle, SupporterIdentity} from '../handles';
import {valueClassOf} from '../kinds';
import type {Interaction} from '../model';
import {nameKey, nameSimilarity} from '../names';
import type {PersonSeen, SyncedEvent} from './events';

/** Lookup keys for a person, most specific first. */
export function personKeys(person: PersonSeen): string[] {
  const keys: string[] = [];
  const add = (text: string) => {
    const h = normaliseHandle(person.network, text);
    if (h.ok) keys.push(`${person.network}:${h.value}`);
  };
  // X ids are numbers, not handles: they are matched through learned ids.
  if (person.network !== 'x') add(person.id);
  if (person.handle) add(person.handle);
  return [...new Set(keys)];
}

export interface MatchInput {
  events: readonly SyncedEvent[];
  index: IdentityIndex<SupporterIdentity>;
  /** `supporterId eventId` of every row already in the log. */
  existing: ReadonlySet<string>;
  /** X numeric id → supporter id, learned from earlier syncs and imports. */
  xIds: ReadonlyMap<string, string>;
}

export interface MatchResult {
  interactions: Interaction[];
  unmatched: SyncedEvent[];
  /** Events already in the log (or twice in this batch). */
  repeats: number;
  /** X ids seen with a matched supporter's handle: remember them. */
  learnedXIds: Map<string, string>;
}

export const logKey = (supporterId: string, eventId: string) =>
  `${supporterId} ${eventId}`;

export function matchEvents(input: MatchInput): MatchResult {
  const result: MatchResult = {
    interactions: [],
    unmatched: [],
    repeats: 0,
    learnedXIds: new Map(),
  };
  const seen = new Set(input.existing);
  for (const event of input.events) {
    const {person} = event;
    let supporterId =
      event.supporterId ??
      (person.network === 'x' ? (input.xIds.get(person.id) ?? '') : '');
    if (!supporterId) {
      const found = input.index.lookup(personKeys(person)).found;
      supporterId = found?.id ?? '';
      if (supporterId && person.network === 'x') {
        result.learnedXIds.set(person.id, supporterId);
      }
    }
    if (!supporterId) {
      result.unmatched.push(event);
      continue;
    }
    const key = logKey(supporterId, event.eventId);
    if (seen.has(key)) {
      result.repeats++;
      continue;
    }
    seen.add(key);
    result.interactions.push({
      when: event.when,
      supporterId,
      direction: event.direction,
      kind: event.kind,
      channel: person.network,
      valueClass: valueClassOf(event.direction, event.kind),
      amount: null,
      note: event.text,
      link: event.link,
      source: event.source,
      eventId: event.eventId,
    });
  }
  return result;
}

// ---- New people -------------------------------------------------------------

export const NEW_PEOPLE_SHEET = 'New people';

export const NEW_PEOPLE_HEADERS = [
  'Network',
  'Handle',
  'Name',
  'Engagement',
  'Reposts & quotes',
  'Replies & mentions',
  'Likes',
  'Follows',
  'Last seen',
  'Profile',
  'Maybe this supporter',
  'Network ID',
  'Action',
  'Status',
  'Event IDs',
] as const;

export const NEW_PEOPLE_NOTES = [
  'x, bluesky or mastodon.',
  'Add it to the right handle column of your supporters sheet and the next sync logs their engagement there.',
  '',
  'How much they engaged: reposts and quotes count 3, replies and mentions 2, likes and follows 1.',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  '',
  'Add as supporter, Match to suggested, or type Match to S-XXXXXX: Whuffie does it at once.',
  'What the Action did. Handled people leave this sheet at the next sync.',
  'The events counted above, so that one seen again (a re-read page, an archive imported twice) is not counted twice.',
];

export interface NewPerson {
  person: PersonSeen;
  reposts: number;
  conversations: number;
  likes: number;
  follows: number;
  lastSeen: Date;
  suggestion: string;
  /** Added or matched from this sheet: the next sync leaves them out. */
  handled: boolean;
  /** Event ids already counted, newest last (at most MAX_EVENT_IDS). */
  eventIds: string[];
}

/** Enough to recognise repeats of recent events; a cell holds 50,000 characters. */
const MAX_EVENT_IDS = 200;

/** The Status an Action leaves on a handled person's row. */
export const handledStatus = {
  added: (id: string) => `Added as ${id}`,
  matched: (name: string) => `Matched to ${name}`,
};

export const isHandledStatus = (status: string) =>
  /^(Added as|Matched to) /.test(status);

const WEIGHT = {reposts: 3, conversations: 2, likes: 1, follows: 1};

export function engagementOf(p: NewPerson): number {
  return (
    WEIGHT.reposts * p.reposts +
    WEIGHT.conversations * p.conversations +
    WEIGHT.likes * p.likes +
    WEIGHT.follows * p.follows
  );
}

/** New people in the order they are shown: most engaged, then most recently seen. */
export const mostEngagedFirst = (a: NewPerson, b: NewPerson) =>
  engagementOf(b) - engagementOf(a) ||
  b.lastSeen.getTime() - a.lastSeen.getTime();

function bucketOf(kind: string): keyof typeof WEIGHT | null {
  if (kind === 'retweet' || kind === 'quote') return 'reposts';
  if (kind === 'reply' || kind === 'mention') return 'conversations';
  if (kind === 'like') return 'likes';
  if (kind === 'follow') return 'follows';
  return null;
}

const personKey = (p: PersonSeen) => `${p.network} ${p.id}`;

/** Rows of the New people sheet read back (by header), for merging. */
export function parseNewPeople(values: unknown[][]): NewPerson[] {
  const [header = [], ...rows] = values;
  const at = (name: (typeof NEW_PEOPLE_HEADERS)[number]) =>
    header.findIndex(h => String(h) === name);
  const col = Object.fromEntries(
    NEW_PEOPLE_HEADERS.map(h => [h, at(h)]),
  ) as Record<(typeof NEW_PEOPLE_HEADERS)[number], number>;
  const text = (row: unknown[], h: (typeof NEW_PEOPLE_HEADERS)[number]) =>
    col[h] < 0 ? '' : String(row[col[h]] ?? '').trim();
  const num = (row: unknown[], h: (typeof NEW_PEOPLE_HEADERS)[number]) =>
    Number(text(row, h)) || 0;
  const people: NewPerson[] = [];
  for (const row of rows) {
    const network = text(row, 'Network');
    const id = text(row, 'Network ID');
    if (!id || !['x', 'bluesky', 'mastodon'].includes(network)) continue;
    const seenCell = col['Last seen'] < 0 ? '' : row[col['Last seen']];
    const lastSeen =
      seenCell instanceof Date ? seenCell : new Date(String(seenCell));
    people.push({
      person: {
        network: network as PersonSeen['network'],
        id,
        handle: text(row, 'Handle').replace(/^@/, ''),
        name: text(row, 'Name'),
        profileUrl: text(row, 'Profile'),
      },
      reposts: num(row, 'Reposts & quotes'),
      conversations: num(row, 'Replies & mentions'),
      likes: num(row, 'Likes'),
      follows: num(row, 'Follows'),
      lastSeen: isNaN(lastSeen.getTime()) ? new Date(0) : lastSeen,
      suggestion: text(row, 'Maybe this supporter'),
      handled: isHandledStatus(text(row, 'Status')),
      eventIds: text(row, 'Event IDs').split(/\s+/).filter(Boolean),
    });
  }
  return people;
}

/**
 * Adds the unmatched inbound events to the people already listed, drops
 * anyone who now matches a supporter or was added or matched from the sheet
 * (their handle is in the tracker now), suggests look-alike supporters and
 * ranks by engagement (then by how recently they were seen).
 */
export function rankNewPeople(
  previous: readonly NewPerson[],
  unmatched: readonly SyncedEvent[],
  supporters: readonly SupporterIdentity[],
  index: IdentityIndex<SupporterIdentity>,
  limit = 1000,
): NewPerson[] {
  const people = new Map<string, NewPerson>();
  for (const p of previous)
    people.set(personKey(p.person), {...p, eventIds: [...p.eventIds]});
  for (const event of unmatched) {
    if (event.direction !== 'inbound') continue;
    const bucket = bucketOf(event.kind);
    if (!bucket) continue;
    const key = personKey(event.person);
    let entry = people.get(key);
    if (!entry) {
      entry = {
        person: {...event.person},
        reposts: 0,
        conversations: 0,
        likes: 0,
        follows: 0,
        lastSeen: event.when,
        suggestion: '',
        handled: false,
        eventIds: [],
      };
      people.set(key, entry);
    }
    if (entry.eventIds.includes(event.eventId)) continue;
    entry.eventIds.push(event.eventId);
    if (entry.eventIds.length > MAX_EVENT_IDS) entry.eventIds.shift();
    entry[bucket]++;
    if (event.when >= entry.lastSeen) {
      entry.lastSeen = event.when;
      // The newest sighting has the current handle and name.
      if (event.person.handle) entry.person.handle = event.person.handle;
      if (event.person.name) entry.person.name = event.person.name;
      if (event.person.profileUrl) {
        entry.person.profileUrl = event.person.profileUrl;
      }
    }
  }
  const ranked = [...people.values()]
    .filter(p => !p.handled && !index.lookup(personKeys(p.person)).found)
    .sort(mostEngagedFirst)
    .slice(0, limit);
  const suggest = handleSuggester(supporters);
  for (const p of ranked) p.suggestion = suggest(p.person);
  return ranked;
}

const SIMILAR_NAME = 0.85;

/**
 * Finds the supporter whose name looks like a person's display name and who
 * has no handle on that network yet: "Maya Ode (S-7K3Q2X)", or ''.
 */
export function handleSuggester(
  supporters: readonly SupporterIdentity[],
): (person: PersonSeen) => string {
  const candidates = supporters
    .filter(s => s.id && s.name)
    .map(s => {
      const key = nameKey(s.name!);
      return {s, key, sorted: key.split(' ').sort().join(' ')};
    })
    .filter(c => c.key.includes(' '));
  return person => {
    const key = nameKey(person.name);
    // One word ("Tiger Fan Club" is three, "tigerfan" one) says too little.
    if (!key.includes(' ')) return '';
    const sorted = key.split(' ').sort().join(' ');
    let best: {score: number; s: SupporterIdentity} | null = null;
    for (const c of candidates) {
      if (normaliseHandle(person.network, c.s[person.network]).ok) continue;
      const score = nameSimilarity(key, c.key, SIMILAR_NAME, sorted, c.sorted);
      if (score >= SIMILAR_NAME && (!best || score > best.score)) {
        best = {score, s: c.s};
      }
    }
    return best ? `${best.s.name} (${best.s.id})` : '';
  };
}

export type NewPeopleCell = string | number | Date;

export function newPeopleRows(people: readonly NewPerson[]): NewPeopleCell[][] {
  return people.map(p => [
    p.person.network,
    p.person.handle ? `@${p.person.handle}` : '',
    p.person.name,
    engagementOf(p),
    p.reposts,
    p.conversations,
    p.likes,
    p.follows,
    p.lastSeen,
    p.person.profileUrl,
    p.suggestion,
    p.person.id,
    '',
    '',
    p.eventIds.join(' '),
  ]);
}
