/**
 * Handle finding, "start with who you know": the supporters with no handle
 * on a network are most likely among the people who follow or engage with
 * us there, so those people are compared with them and the best match for
 * each is offered for the user to confirm one by one (the Handle
 * suggestions sheet). The signals, strongest first:
 *
 * - an email that is the handle: a Mastodon account identical to the email
 *   (maya@mayaode.org ↔ @maya@mayaode.org), a Bluesky handle made of the
 *   email (maya.mayaode.org) or, weaker, equal to its domain when that is
 *   not a webmail provider and no other supporter uses it (mayaode.org);
 * - the email's local part as the handle's name (maya.ode@gmail.com ↔
 *   @mayaode, @maya_ode, mayaode.bsky.social), dots, underscores and
 *   hyphens folded, a trailing number on one side only allowed;
 * - the handle spelling their name (@mayaode for Maya Ode);
 * - the display name (names.ts), compared only with supporters who share a
 *   word of it, so thousands × thousands stays fast.
 *
 * Following us and having engaged add a little. A person is offered to one
 * supporter only, unless two are exactly as likely (then both rows say so);
 * "Not them" answers are remembered and never offered again.
 */
import {stableHash} from '../columns';
import {
  emailsIn,
  IdentityIndex,
  Network,
  NETWORK_LABELS,
  NETWORKS,
  SupporterIdentity,
} from '../handles';
import {nameKey, nameSimilarity} from '../names';
import {plural} from '../plural';
import type {PersonSeen} from './events';
import {NewPerson, personKeys} from './matching';
import {trackerHandle} from './new-people-actions';

// ---- Candidates ---------------------------------------------------------------

/** Someone who follows or engaged with us, who might be a supporter. */
export interface Candidate {
  person: PersonSeen;
  followsUs: boolean;
  /** Likes, reposts, quotes, replies and mentions counted in New people. */
  engaged: number;
}

const personKey = (p: PersonSeen) => `${p.network} ${p.id}`;

/**
 * Our followers and the New people as one list, one entry per account: a
 * follower who also engaged keeps both facts, and the follower list's
 * (fresher) handle and name. People already added or matched from New
 * people are left out.
 */
export function gatherCandidates(
  followers: readonly PersonSeen[],
  newPeople: readonly NewPerson[],
): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const person of followers) {
    byKey.set(personKey(person), {
      person: {...person},
      followsUs: true,
      engaged: 0,
    });
  }
  for (const p of newPeople) {
    if (p.handled) continue;
    const engaged = p.reposts + p.conversations + p.likes;
    const known = byKey.get(personKey(p.person));
    if (!known) {
      byKey.set(personKey(p.person), {
        person: {...p.person},
        followsUs: p.follows > 0,
        engaged,
      });
      continue;
    }
    known.engaged += engaged;
    known.person.handle ||= p.person.handle;
    known.person.name ||= p.person.name;
    known.person.profileUrl ||= p.person.profileUrl;
  }
  return [...byKey.values()];
}

// ---- Words compared -----------------------------------------------------------

/** Email providers whose domain says nothing about the person. */
const WEBMAIL = new Set(
  (
    'gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de ' +
    'ymail.com rocketmail.com hotmail.com hotmail.co.uk hotmail.fr ' +
    'outlook.com live.com live.co.uk msn.com aol.com icloud.com me.com ' +
    'mac.com proton.me protonmail.com pm.me gmx.com gmx.de gmx.net web.de ' +
    'mail.com yandex.com yandex.ru zoho.com fastmail.com hey.com ' +
    'tutanota.com tuta.io comcast.net verizon.net att.net btinternet.com ' +
    'sky.com virginmedia.com orange.fr free.fr laposte.net wanadoo.fr ' +
    'libero.it qq.com 163.com 126.com naver.com mail.ru posteo.de t-online.de'
  ).split(' '),
);

/** Local parts that name a role, not a person (folded). */
const ROLE_WORDS = new Set(
  (
    'info contact hello hi admin office mail email team support help ' +
    'webmaster postmaster noreply donotreply news newsletter enquiries ' +
    'inquiries donations donate sales membership members volunteer ' +
    'volunteers events press media marketing billing accounts finance jobs ' +
    'careers hr reception general'
  ).split(' '),
);

/** Shorter words are too common to say who someone is. */
const MIN_WORD = 5;

/** A handle's or email's name, folded: letters, then a number, if any. */
interface Word {
  core: string;
  digits: string;
}

/** `Maya.Ode-87` → {core: 'mayaode', digits: '87'}; null when not plain ASCII. */
function wordOf(text: string): Word | null {
  const folded = text.toLowerCase().replace(/[._-]+/g, '');
  const m = /^([a-z0-9]*?[a-z][a-z0-9]*?)(\d*)$/.exec(folded);
  return m ? {core: m[1], digits: m[2]} : null;
}

/**
 * Whether two words name the same account: the same letters, and the same
 * number or a number on one side only (maya.ode87 ↔ mayaode); two different
 * numbers are two people.
 */
function sameWord(a: Word, b: Word): 'exact' | 'number' | null {
  if (a.core !== b.core || a.core.length < MIN_WORD) return null;
  if (a.digits === b.digits) return 'exact';
  return a.digits && b.digits ? null : 'number';
}

/** The part of a handle people choose: the X name, Bluesky's first label, Mastodon's user. */
function handleWord(person: PersonSeen): Word | null {
  const handle = person.handle.toLowerCase();
  if (!handle) return null;
  if (person.network === 'x') return wordOf(handle);
  return wordOf(handle.split(person.network === 'bluesky' ? '.' : '@')[0]);
}

/** An email's local part without a `+tag`. */
const localOf = (email: string) => email.split('@')[0].replace(/\+.*$/, '');
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/**
 * A display name as comparable words, without what people add around it:
 * "Maya Ode (she/her)", "Maya Ode | tigers & tea" → "maya ode".
 */
export function displayNameKey(name: string): string {
  const main = name.split(/\s[-–—]\s|[|·•]/)[0];
  return nameKey(
    main
      .replace(/[([{][^)\]}]*[)\]}]/g, ' ')
      .replace(/\b(?:she|he|they|ze|xe)\s*\/\s*[a-z]+\b/gi, ' '),
  );
}

// ---- Supporters, indexed by what can match them --------------------------------

interface Entry {
  id: string;
  name: string;
  key: string;
  sorted: string;
  /** The name's single words: an email or handle equal to one says too little. */
  words: ReadonlySet<string>;
  /** Networks where they have no handle yet. */
  missing: ReadonlySet<Network>;
  /** Position in a fixed order (by name, then id), for ties. */
  order: number;
}

interface EmailEntry {
  entry: Entry;
  email: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

class SupporterIndex {
  readonly byEmail = new Map<string, EmailEntry[]>();
  readonly byDomain = new Map<string, EmailEntry[]>();
  readonly byLocal = new Map<string, (EmailEntry & {word: Word})[]>();
  readonly byJoinedName = new Map<string, Entry[]>();
  readonly byNameWord = new Map<string, Entry[]>();

  constructor(supporters: readonly SupporterIdentity[]) {
    // A duplicated id is acted on at its first row (planNewPeopleAction).
    const first = new Map<string, SupporterIdentity>();
    for (const s of supporters) {
      const id = s.id?.toUpperCase();
      const known = id && first.get(id);
      if (id && (!known || (s.row ?? 0) < (known.row ?? 0))) first.set(id, s);
    }
    // Ties are shown by name.
    const usable = [...first]
      .map(([id, s]) => ({id, s, key: nameKey(s.name ?? '')}))
      .sort((a, b) => compare(a.key, b.key) || compare(a.id, b.id));
    for (const [order, {id, s, key}] of usable.entries()) {
      const missing = new Set(NETWORKS.filter(n => !(s[n] ?? '').trim()));
      if (!missing.size) continue;
      const words = key.split(' ').filter(Boolean);
      const entry: Entry = {
        id,
        name: (s.name ?? '').trim() || id,
        key,
        sorted: [...words].sort().join(' '),
        words: new Set(words),
        missing,
        order,
      };
      this.addEmails(entry, emailsIn(s.email));
      // One word ("Maya", "Tigers") says too little to go by a name.
      if (words.length < 2) continue;
      for (const joined of new Set([
        words.join(''),
        [...words].reverse().join(''),
      ])) {
        push(this.byJoinedName, joined, entry);
      }
      for (const word of new Set(words)) {
        if (word.length > 1) push(this.byNameWord, word, entry);
      }
    }
  }

  private addEmails(entry: Entry, emails: readonly string[]): void {
    for (const email of emails) {
      push(this.byEmail, email, {entry, email});
      const domain = domainOf(email);
      if (!WEBMAIL.has(domain)) push(this.byDomain, domain, {entry, email});
      const word = wordOf(localOf(email));
      if (word && !ROLE_WORDS.has(word.core) && !entry.words.has(word.core)) {
        push(this.byLocal, word.core, {entry, email, word});
      }
    }
  }
}

// ---- Signals -------------------------------------------------------------------

type SignalKind = 'email' | 'handle' | 'name';

interface Signal {
  kind: SignalKind;
  score: number;
  reason: string;
}

const SCORE = {
  mastodonEmail: 95,
  emailAsDomain: 90,
  emailLocal: 80,
  emailLocalNumber: 65,
  emailDomain: 70,
  sameName: 70,
  swappedName: 65,
  nameHandle: 60,
  /** A display name only alike: from this at SIMILAR_NAME up to 65. */
  similarName: 45,
};
/** A second (or third) independent signal. */
const CORROBORATION = 10;
const FOLLOWS_US = 3;
const ENGAGED = 5;
/** Below this nothing is offered. */
export const MIN_CONFIDENCE = 50;
/** Offered to two supporters: less sure. */
const SHARED_PENALTY = 15;
const SIMILAR_NAME = 0.85;

function emailSignals(
  person: PersonSeen,
  index: SupporterIndex,
  add: (entry: Entry, signal: Signal) => void,
): void {
  const label = NETWORK_LABELS[person.network];
  if (person.network === 'mastodon') {
    for (const {entry, email} of index.byEmail.get(person.id) ?? []) {
      add(entry, {
        kind: 'email',
        score: SCORE.mastodonEmail,
        reason: `Their Mastodon address is their email address, ${email}.`,
      });
    }
  }
  const handle = person.handle.toLowerCase();
  if (person.network === 'bluesky' && handle) {
    const owners = index.byDomain.get(handle) ?? [];
    // A domain several supporters use is an organisation's, not a person's.
    if (new Set(owners.map(o => o.entry)).size === 1) {
      add(owners[0].entry, {
        kind: 'email',
        score: SCORE.emailDomain,
        reason: `Their Bluesky handle is the domain of their email address, ${owners[0].email}.`,
      });
    }
    const dot = handle.indexOf('.');
    const first = wordOf(handle.slice(0, dot));
    for (const {entry, email} of index.byDomain.get(handle.slice(dot + 1)) ??
      []) {
      const local = wordOf(localOf(email));
      if (
        first &&
        local &&
        first.core === local.core &&
        first.digits === local.digits
      ) {
        add(entry, {
          kind: 'email',
          score: SCORE.emailAsDomain,
          reason: `Their Bluesky handle is made of their email address, ${email}.`,
        });
      }
    }
  }
  const word = handleWord(person);
  if (!word) return;
  for (const {entry, email, word: local} of index.byLocal.get(word.core) ??
    []) {
    const same = sameWord(word, local);
    if (!same) continue;
    add(entry, {
      kind: 'email',
      score: same === 'exact' ? SCORE.emailLocal : SCORE.emailLocalNumber,
      reason:
        same === 'exact'
          ? `The ${label} handle matches their email address, ${email}.`
          : `The ${label} handle matches their email address, ${email}, but for the number.`,
    });
  }
  if (word.core.length > MIN_WORD) {
    for (const entry of index.byJoinedName.get(word.core) ?? []) {
      add(entry, {
        kind: 'handle',
        score: SCORE.nameHandle,
        reason: `The ${label} handle spells their name.`,
      });
    }
  }
}

function nameSignals(
  person: PersonSeen,
  index: SupporterIndex,
  add: (entry: Entry, signal: Signal) => void,
): void {
  const key = displayNameKey(person.name);
  const words = key.split(' ');
  if (words.length < 2) return;
  const sorted = [...words].sort().join(' ');
  const label = NETWORK_LABELS[person.network];
  const shown = person.name.replace(/\s+/g, ' ').trim();
  const compared = new Set<Entry>();
  for (const word of new Set(words)) {
    for (const entry of index.byNameWord.get(word) ?? []) {
      if (compared.has(entry) || !entry.missing.has(person.network)) continue;
      compared.add(entry);
      const similarity = nameSimilarity(
        key,
        entry.key,
        SIMILAR_NAME,
        sorted,
        entry.sorted,
      );
      if (similarity < SIMILAR_NAME) continue;
      const same = key === entry.key;
      add(entry, {
        kind: 'name',
        score: same
          ? SCORE.sameName
          : similarity === 1
            ? SCORE.swappedName
            : SCORE.similarName +
              Math.round(
                ((similarity - SIMILAR_NAME) / (1 - SIMILAR_NAME)) * 20,
              ),
        reason: same
          ? `Their name on ${label} is the same: "${shown}".`
          : `Their name on ${label}, "${shown}", is like ${entry.name}.`,
      });
    }
  }
}

// ---- Choosing one per supporter and network -------------------------------------

/** The key a "Not them" answer is remembered by: short, and the same whatever the handle becomes. */
export function rejectionKey(
  supporterId: string,
  network: Network,
  personId: string,
): string {
  return stableHash(
    `${supporterId.toUpperCase()} ${network} ${personId.toLowerCase()}`,
  );
}

/** How many "Not them" answers are kept (about 7 KB: a property holds 9 KB). */
export const REJECTIONS_KEPT = 500;

/** The answers with one more, the oldest dropped beyond the limit. */
export function rememberRejection(
  keys: readonly string[],
  key: string,
  limit = REJECTIONS_KEPT,
): string[] {
  return [...keys.filter(k => k !== key), key].slice(-limit);
}

export interface Suggestion {
  supporterId: string;
  supporterName: string;
  person: PersonSeen;
  /** As the tracker will hold it: @name, @name.bsky.social, @user@server. */
  handle: string;
  /** 1–99. */
  confidence: number;
  /** Plain sentences: the signals, then the evidence. */
  why: string;
  followsUs: boolean;
  engaged: number;
}

export interface FindInput {
  /** Every supporter in the tracker. */
  supporters: readonly SupporterIdentity[];
  candidates: readonly Candidate[];
  /** rejectionKey()s of the pairs answered "Not them". */
  rejected: ReadonlySet<string>;
}

interface Pair {
  entry: Entry;
  candidate: Candidate;
  handle: string;
  signals: Signal[];
  score: number;
}

/** A total order: the best first, then by supporter, network and person. */
const byScore = (a: Pair, b: Pair) =>
  b.score - a.score ||
  a.entry.order - b.entry.order ||
  NETWORKS.indexOf(a.candidate.person.network) -
    NETWORKS.indexOf(b.candidate.person.network) ||
  compare(a.candidate.person.id, b.candidate.person.id);

function scoreOf(signals: Signal[], c: Candidate): number {
  const best = signals[0].score;
  const kinds = new Set(signals.map(s => s.kind)).size;
  const extra =
    CORROBORATION * Math.min(2, kinds - 1) +
    (c.followsUs ? FOLLOWS_US : 0) +
    (c.engaged > 0 ? ENGAGED : 0);
  return Math.min(99, best + extra);
}

/** Every supporter–person pair worth offering (before one is chosen per supporter). */
function pairsOf(input: FindInput): Pair[] {
  const index = new SupporterIndex(input.supporters);
  const tracker = new IdentityIndex<SupporterIdentity>(input.supporters);
  const pairs: Pair[] = [];
  for (const candidate of input.candidates) {
    const {person} = candidate;
    // Someone whose handle or id is in the tracker is somebody already.
    if (personKeys(person).some(k => tracker.get(k).length)) continue;
    const handle = trackerHandle(person);
    if (!handle) continue;
    const found = new Map<Entry, Signal[]>();
    const add = (entry: Entry, signal: Signal) => {
      if (!entry.missing.has(person.network)) return;
      const list = found.get(entry);
      // One signal of a kind: the strongest (two emails alike say it once).
      const same = list?.find(s => s.kind === signal.kind);
      if (!list) found.set(entry, [signal]);
      else if (!same) list.push(signal);
      else if (signal.score > same.score) Object.assign(same, signal);
    };
    emailSignals(person, index, add);
    nameSignals(person, index, add);
    for (const [entry, signals] of found) {
      if (
        input.rejected.has(rejectionKey(entry.id, person.network, person.id))
      ) {
        continue;
      }
      signals.sort((a, b) => b.score - a.score);
      const score = scoreOf(signals, candidate);
      if (score >= MIN_CONFIDENCE) {
        pairs.push({entry, candidate, handle: handle.display, signals, score});
      }
    }
  }
  return pairs.sort(byScore);
}

/**
 * The suggestions, best first: at most one person per supporter and
 * network, and each person for one supporter — unless two supporters are
 * exactly as likely, when both are offered and told so. The same input in
 * any order gives the same output.
 */
export function findHandles(input: FindInput): Suggestion[] {
  const pairs = pairsOf(input);
  const slotOf = (p: Pair) => `${p.entry.id} ${p.candidate.person.network}`;
  const chosen = new Map<string, Pair>();
  const owners = new Map<string, Pair[]>();
  const take = (p: Pair) => {
    chosen.set(slotOf(p), p);
    push(owners, personKey(p.candidate.person), p);
  };
  for (const p of pairs) {
    if (!chosen.has(slotOf(p)) && !owners.has(personKey(p.candidate.person))) {
      take(p);
    }
  }
  // A supporter left without anyone whose best person went to another
  // supporter with exactly the same score shares that person.
  for (const p of pairs) {
    if (chosen.has(slotOf(p))) continue;
    const first = owners.get(personKey(p.candidate.person))?.[0];
    if (first && first.score === p.score) take(p);
  }
  // Other people exactly as likely for a supporter, offered to nobody.
  const alike = new Map<string, number>();
  for (const p of pairs) {
    const c = chosen.get(slotOf(p));
    if (c && c !== p && c.score === p.score) {
      if (!owners.has(personKey(p.candidate.person))) {
        alike.set(slotOf(p), (alike.get(slotOf(p)) ?? 0) + 1);
      }
    }
  }
  return [...chosen.values()]
    .map(p => {
      const sharers = owners
        .get(personKey(p.candidate.person))!
        .filter(o => o !== p);
      const confidence = sharers.length
        ? Math.max(1, p.score - SHARED_PENALTY)
        : p.score;
      return {
        pair: p,
        suggestion: suggestionOf(
          p,
          confidence,
          sharers,
          alike.get(slotOf(p)) ?? 0,
        ),
      };
    })
    .sort(
      (a, b) =>
        b.suggestion.confidence - a.suggestion.confidence ||
        byScore(a.pair, b.pair),
    )
    .map(s => s.suggestion);
}

function suggestionOf(
  p: Pair,
  confidence: number,
  sharers: readonly Pair[],
  alike: number,
): Suggestion {
  const {person, followsUs, engaged} = p.candidate;
  const why = p.signals.map(s => s.reason);
  if (followsUs) why.push('Follows you.');
  if (engaged) why.push(`Engaged with you ${plural(engaged, 'time')}.`);
  if (sharers.length) {
    const others = sharers.map(o => `${o.entry.name} (${o.entry.id})`);
    why.push(
      `Also suggested for ${others.join(', ')}: check which of them this is.`,
    );
  }
  if (alike) {
    why.push(
      `${plural(alike, 'other account looks', 'other accounts look')} just as likely: choose Not them to see the next.`,
    );
  }
  return {
    supporterId: p.entry.id,
    supporterName: p.entry.name,
    person,
    handle: p.handle,
    confidence,
    why: why.join(' '),
    followsUs,
    engaged,
  };
}

// ---- The Handle suggestions sheet ---------------------------------------------------

export const HANDLE_SUGGESTIONS_SHEET = 'Handle suggestions';

export const HANDLE_SUGGESTIONS_HEADERS = [
  'Supporter ID',
  'Supporter',
  'Network',
  'Suggested handle',
  'Their name',
  'Why',
  'Confidence',
  'Follows you',
  'Engaged',
  'Profile',
  'Network ID',
  'Action',
  'Status',
] as const;

type Header = (typeof HANDLE_SUGGESTIONS_HEADERS)[number];

const NOTES: Record<Header, string> = {
  'Supporter ID': '',
  Supporter: 'A supporter with no handle on this network yet.',
  Network: 'x, bluesky or mastodon.',
  'Suggested handle':
    'Someone who follows you or engaged with you there. Open the profile to check before you choose.',
  'Their name': 'The name they show on the network.',
  Why: 'What points to them: their email, their name, and what they did.',
  Confidence:
    'How sure Whuffie is, out of 100: an email that is the handle gives 80 or more, a name alone 45 to 70.',
  'Follows you': '',
  Engaged:
    'Likes, reposts, replies and mentions counted in the New people sheet.',
  Profile: '',
  'Network ID':
    "The network's own id for them (it stays when the handle changes).",
  Action:
    "Use this handle writes it into the supporter's handle column (only if that cell is empty); Not them means it is never suggested again. Whuffie does it at once.",
  Status:
    'What the Action did. Rows acted on leave this sheet at the next Suggest handles.',
};

export const HANDLE_SUGGESTIONS_NOTES = HANDLE_SUGGESTIONS_HEADERS.map(
  h => NOTES[h],
);

export const ACTION_USE = 'Use this handle';
export const ACTION_REJECT = 'Not them';
export const SUGGESTION_ACTIONS = [ACTION_USE, ACTION_REJECT];

/** What an Action cell asks for, or null. */
export function parseSuggestionAction(text: string): 'use' | 'reject' | null {
  const clean = text.trim().replace(/\s+/g, ' ').toLowerCase();
  if (clean === ACTION_USE.toLowerCase()) return 'use';
  if (clean === ACTION_REJECT.toLowerCase()) return 'reject';
  return null;
}

export const REJECTED_STATUS = 'Not them: it will not be suggested again.';

export type SuggestionCell = string | number;

export function suggestionRows(
  suggestions: readonly Suggestion[],
): SuggestionCell[][] {
  return suggestions.map(s => [
    s.supporterId,
    s.supporterName,
    s.person.network,
    s.handle,
    s.person.name,
    s.why,
    s.confidence,
    s.followsUs ? 'yes' : '',
    s.engaged,
    s.person.profileUrl,
    s.person.id,
    '',
    '',
  ]);
}

export interface SuggestionRow {
  supporterId: string;
  supporterName: string;
  person: PersonSeen;
  /** As the sheet shows it: @name.bsky.social. */
  handle: string;
  status: string;
}

/** A row of the sheet read back (by header), or null when it names nobody. */
export function parseSuggestionRow(
  header: readonly unknown[],
  row: readonly unknown[],
): SuggestionRow | null {
  const text = (name: Header) => {
    const at = header.findIndex(h => String(h) === name);
    return at < 0 ? '' : String(row[at] ?? '').trim();
  };
  const network = text('Network') as Network;
  const supporterId = text('Supporter ID').toUpperCase();
  const id = text('Network ID');
  if (!NETWORKS.includes(network) || !supporterId || !id) return null;
  const shown = text('Suggested handle');
  const handle = shown.replace(/^@/, '');
  return {
    supporterId,
    supporterName: text('Supporter') || supporterId,
    handle: shown,
    person: {
      network,
      id,
      handle: network === 'bluesky' && handle.startsWith('did:') ? '' : handle,
      name: text('Their name'),
      profileUrl: text('Profile'),
    },
    status: text('Status'),
  };
}
