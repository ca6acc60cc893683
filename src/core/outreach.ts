/**
 * The daily "Reach out today" list (docs SCORING.md): who, why, and what to
 * do, one line per person, from the scores and what we know about them.
 *
 * Decisions SCORING leaves open:
 * - Skipped always: do-not-contact, and snoozed (hidden while today is
 *   before `snoozedUntil`; the person is back on that date).
 * - "Contacted in the last 2 days" means *our* outreach (not a like or a
 *   follow, and not their engagement: that is what Thank them is for).
 *   It does not skip a birthday or a reply owed: a thank-you yesterday is
 *   no reason to miss a birthday today or leave a question unanswered.
 * - The birthday heads-up is one line, exactly `birthdayHeadsUpDays` before
 *   the day (a line every day of the week would crowd out everyone else),
 *   and gives way to any other bucket for that person (noted in its "why").
 *   A birthday wish logged since the heads-up window opened ends both lines.
 * - Reply owed lists their oldest unanswered question, mention or reply
 *   (scoring drops ones older than `replyOwedMaxDays` as stale).
 * - Texts use the person's name, never he/she.
 */
import {
  dayNumber,
  daysUntilBirthday,
  parseBirthday,
  parseCivilDate,
  weekdayOf,
  WEEKDAY_NAMES,
  daysAgo,
} from './dates';
import {NETWORKS, type Network} from './handles';
import type {Interaction} from './model';
import {levelRank, type Level, type SupporterScore} from './scoring';
import {bandRank, type Band, type Settings} from './settings';
import {plural} from './plural';

export type Bucket =
  | 'birthday'
  | 'reply-owed'
  | 'thank'
  | 'neglected'
  | 'lapsing'
  | 'ready-to-ask';

/** The buckets in the order the list shows them. */
export const BUCKETS: readonly {id: Bucket; label: string}[] = [
  {id: 'birthday', label: 'Birthday'},
  {id: 'reply-owed', label: 'Reply owed'},
  {id: 'thank', label: 'Thank them'},
  {id: 'neglected', label: 'Responsive but neglected'},
  {id: 'lapsing', label: 'Lapsing believer'},
  {id: 'ready-to-ask', label: 'Ready to ask'},
];

export interface OutreachPerson {
  id: string;
  name: string;
  firstName?: string;
  /** Handles as shown ('@maya', '@maya.bsky.social', '@maya@mastodon.social'). */
  handles: Partial<Record<Network, string>>;
  relationshipTags: readonly string[];
  topics: readonly string[];
  interestNotes: string;
  /** Anything dates.parseBirthday reads: a Date, '1990-02-29', '02/29', '--02-29', … */
  birthday: string | Date | number | '';
  doNotContact: boolean;
  /** 'YYYY-MM-DD': hidden until that date. */
  snoozedUntil?: string;
}

export interface OutreachInput {
  people: readonly OutreachPerson[];
  /** From computeScores; people without a score only get birthday lines. */
  scores: ReadonlyMap<string, SupporterScore>;
  /** 'YYYY-MM-DD' in the sheet's zone. */
  today: string;
  timeZone: string;
  settings: Settings;
}

/** The event a line is about, serialisable for google.script.run. */
export interface LineEvent {
  eventId: string;
  kind: string;
  channel: string;
  note: string;
  link: string;
  /** ISO 8601. */
  when: string;
}

export interface OutreachLine {
  /** The day the list is for ('YYYY-MM-DD'). */
  date: string;
  /** 1 … n, the order of the list. */
  priority: number;
  supporterId: string;
  name: string;
  bucket: Bucket;
  bucketLabel: string;
  /** The fact behind the line: "Retweeted 'Tiger census' 2 days ago, not thanked yet". */
  why: string;
  /** What to do, personalised: "Wish Maya a happy birthday — Maya loves tigers: …". */
  action: string;
  /**
   * Text for a compose window (≤ 280 characters): `text` without a handle,
   * and per network the person has a handle on, the text starting with it.
   * Empty when there is nothing to post (a heads-up, a retweet).
   */
  compose: {text: string} & Partial<Record<Network, string>>;
  /** The outbound kind "Done" logs; '' = Done logs nothing (a heads-up). */
  logKind: string;
  /** The channel to log it on: the event's, else their first network, else ''. */
  channel: string;
  event: LineEvent | null;
  responsiveness: number | null;
  band: Band | '';
  whuffie: number | null;
  level: Level | '';
}

/** A stable key for a line: regenerating the same day keeps Done/snooze state. */
export function lineKey(
  line: Pick<OutreachLine, 'date' | 'supporterId' | 'bucket'>,
): string {
  return `${line.date}|${line.supporterId}|${line.bucket}`;
}

// ---------------------------------------------------------------------------
// Personal touches.

export interface Interest {
  /** "loves", "is into", "cares about", … (third person). */
  verb: string;
  /** "tigers", "big cats". */
  what: string;
}

const INTEREST_VERBS: readonly [RegExp, string][] = [
  [/^loves?$/i, 'loves'],
  [/^likes?$/i, 'likes'],
  [/^adores?$/i, 'adores'],
  [/^enjoys?$/i, 'enjoys'],
  [/^(?:is )?into$/i, 'is into'],
  [/^(?:is )?passionate about$/i, 'is passionate about'],
  [/^cares? about$/i, 'cares about'],
  [/^(?:is )?interested in$/i, 'is interested in'],
  [/^(?:is )?(?:a )?(?:big )?fan of$/i, 'is a fan of'],
  [/^(?:is )?obsessed with$/i, 'is obsessed with'],
];
const INTEREST_RE =
  /(^|[^a-z'])((?:is )?(?:loves?|likes?|adores?|enjoys?|into|passionate about|cares? about|interested in|(?:a )?(?:big )?fan of|obsessed with))\s+([^.;!?\n()]+)/gi;
const NEGATION_RE = /(?:n't|\bnot|\bnever|\bno longer)\s*$/i;

/**
 * What someone loves, from free-text interest notes ("Loves tigers",
 * "Mum of two; really into birdwatching"), or null. Negated mentions
 * ("doesn't like cats") are skipped.
 */
export function extractInterest(notes: string): Interest | null {
  for (const m of (notes || '').matchAll(INTEREST_RE)) {
    const before = notes.slice(0, (m.index ?? 0) + m[1].length);
    if (NEGATION_RE.test(before)) continue;
    const what = m[3]
      .split(/,|\bbut\b/i)[0]
      .replace(/\s+/g, ' ')
      .trim();
    if (!what) continue;
    const verb =
      INTEREST_VERBS.find(([re]) => re.test(m[2].trim()))?.[1] ?? 'loves';
    return {verb, what: what.length > 40 ? what.slice(0, 40).trim() : what};
  }
  return null;
}

/** "tigers and hiking" → "tiger"; "big cats" → "big cat"; "wildlife" as is. */
function pictureSubject(what: string): string | null {
  const first = what.split(/\s+(?:and|&)\s+|\s*\/\s*/i)[0].trim();
  const words = first.split(' ');
  if (words.length > 3) return null;
  const last = words[words.length - 1];
  let singular = last;
  if (/ies$/i.test(last)) singular = last.slice(0, -3) + 'y';
  else if (/[^su]s$/i.test(last)) singular = last.slice(0, -1);
  words[words.length - 1] = singular;
  return words.join(' ');
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** "— Maya loves tigers: send a tiger picture", or a topic, or ''. */
function birthdayTouch(
  n: string,
  p: OutreachPerson,
  verb: 'send' | 'find',
): string {
  const interest = extractInterest(p.interestNotes);
  if (interest) {
    const subject = pictureSubject(interest.what);
    const idea = subject
      ? `${verb} ${article(subject)} ${subject} picture`
      : `mention ${interest.what}`;
    return ` \u2014 ${n} ${interest.verb} ${interest.what}: ${idea}`;
  }
  const topic = firstTopic(p);
  if (topic) return ` \u2014 mention ${topic}, a cause ${n} cares about`;
  const tag = thankableTag(p.relationshipTags);
  return tag ? ` and thank ${n} for ${tag}` : '';
}

const TAG_THANKS: readonly [RegExp, string][] = [
  [/volunt/i, 'volunteering'],
  [/donor|giver|patron|sustainer/i, 'giving'],
  [/member/i, 'being a member'],
  [/advoca|activist|champion/i, 'speaking up for us'],
];

function thankableTag(tags: readonly string[]): string | null {
  for (const tag of tags) {
    const hit = TAG_THANKS.find(([re]) => re.test(tag));
    if (hit) return hit[1];
  }
  return null;
}

function firstTopic(p: OutreachPerson): string {
  return p.topics.map(t => t.trim()).find(Boolean) ?? '';
}

/** A topic, else the interest, else ''. */
function subjectOf(p: OutreachPerson): string {
  return firstTopic(p) || extractInterest(p.interestNotes)?.what || '';
}

// ---------------------------------------------------------------------------
// Describing events.

interface Deed {
  /** "Retweeted", "Mentioned us". */
  past: string;
  /** "retweeting", "mentioning us". */
  gerund: string;
  /** When the post is the verb's object: "Retweeted 'Tiger census'". */
  object?: string;
}

const DEEDS: Record<string, Deed> = {
  like: {past: 'Liked', gerund: 'liking', object: 'our post'},
  follow: {past: 'Followed us', gerund: 'following us'},
  reply: {past: 'Replied', gerund: 'replying'},
  mention: {past: 'Mentioned us', gerund: 'mentioning us'},
  question: {past: 'Asked', gerund: 'asking'},
  retweet: {past: 'Retweeted', gerund: 'retweeting', object: 'us'},
  quote: {past: 'Quoted', gerund: 'quoting', object: 'us'},
  message: {past: 'Messaged us', gerund: 'getting in touch'},
  volunteered: {past: 'Volunteered', gerund: 'volunteering'},
  signed: {past: 'Signed', gerund: 'signing', object: 'the petition'},
  attended: {past: 'Attended', gerund: 'coming to', object: 'our event'},
  'defended us': {past: 'Defended us', gerund: 'standing up for us'},
  donation: {past: 'Donated', gerund: 'the donation'},
  membership: {past: 'Joined as a member', gerund: 'joining'},
};

/** A post's text, one line, quoted, at most `max` characters inside. */
function quoted(note: string, max = 60): string {
  const t = note.replace(/\s+/g, ' ').trim();
  return `'${t.length > max ? t.slice(0, max - 1).trimEnd() + '\u2026' : t}'`;
}

function amountOf(e: Interaction): string {
  return e.amount !== null && e.amount > 0 ? ` ${e.amount}` : '';
}

/** "Retweeted 'Tiger census'", "Mentioned us: '…'", "Donated 50". */
function pastOf(e: Interaction): string {
  const deed = DEEDS[e.kind] ?? {past: e.kind, gerund: e.kind};
  if (e.kind === 'donation' || e.kind === 'membership')
    return deed.past + amountOf(e);
  if (!e.note) return deed.object ? `${deed.past} ${deed.object}` : deed.past;
  return deed.object
    ? `${deed.past} ${quoted(e.note)}`
    : `${deed.past}: ${quoted(e.note)}`;
}

/** "retweeting 'Tiger census'", "mentioning us ('…')", "the donation (50)". */
function gerundOf(e: Interaction): string {
  const deed = DEEDS[e.kind] ?? {past: e.kind, gerund: e.kind};
  if (e.kind === 'donation' || e.kind === 'membership') {
    return e.amount ? `${deed.gerund} (${e.amount})` : deed.gerund;
  }
  if (!e.note)
    return deed.object ? `${deed.gerund} ${deed.object}` : deed.gerund;
  return deed.object
    ? `${deed.gerund} ${quoted(e.note)}`
    : `${deed.gerund} (${quoted(e.note)})`;
}

function lineEvent(e: Interaction): LineEvent {
  return {
    eventId: e.eventId,
    kind: e.kind,
    channel: e.channel,
    note: e.note,
    link: e.link,
    when: e.when.toISOString(),
  };
}

// ---------------------------------------------------------------------------
// Compose text.

const MAX_POST = 280;

function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_POST
    ? text
    : chars.slice(0, MAX_POST - 1).join('') + '\u2026';
}

function composeFor(p: OutreachPerson, body: string): OutreachLine['compose'] {
  const compose: OutreachLine['compose'] = {text: body ? clip(body) : ''};
  if (!body) return compose;
  for (const network of NETWORKS) {
    const handle = p.handles[network]?.trim();
    if (handle)
      compose[network] = clip(
        `${handle.startsWith('@') ? '' : '@'}${handle} ${body}`,
      );
  }
  return compose;
}

// ---------------------------------------------------------------------------
// The list.

/** What a person's line says, before it is ranked. */
interface Draft {
  bucket: Bucket;
  /** Higher first inside the bucket. */
  rank: number;
  why: string;
  action: string;
  compose: string;
  logKind: string;
  event: Interaction | null;
}

interface Context {
  today: number;
  timeZone: string;
  settings: Settings;
}

/** Whole days from an instant's local date to today. */
const daysSince = (when: Date, ctx: Context) =>
  ctx.today - dayNumber(when, ctx.timeZone);

/**
 * Builds the day's list: at most one line per person (the first bucket that
 * applies), ordered by bucket, then inside it (SCORING's table), then by
 * supporter id, so the same input always gives the same list.
 */
export function buildOutreach(input: OutreachInput): OutreachLine[] {
  const today = parseCivilDate(input.today);
  if (today === null)
    throw new Error(
      `buildOutreach: today must be YYYY-MM-DD, got ${input.today}`,
    );
  const ctx: Context = {
    today,
    timeZone: input.timeZone,
    settings: input.settings,
  };
  const drafts: {
    person: OutreachPerson;
    score: SupporterScore | null;
    draft: Draft;
  }[] = [];
  const seen = new Set<string>();
  for (const person of input.people) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    const score = input.scores.get(person.id) ?? null;
    const draft = draftFor(person, score, ctx);
    if (draft) drafts.push({person, score, draft});
  }
  const bucketIndex = (b: Bucket) => BUCKETS.findIndex(x => x.id === b);
  drafts.sort(
    (x, y) =>
      bucketIndex(x.draft.bucket) - bucketIndex(y.draft.bucket) ||
      y.draft.rank - x.draft.rank ||
      (x.person.id < y.person.id ? -1 : x.person.id > y.person.id ? 1 : 0),
  );
  const {maxLines, readyToAskPerDay} = input.settings.today;
  const lines: OutreachLine[] = [];
  let asks = 0;
  for (const {person, score, draft} of drafts) {
    if (lines.length >= maxLines) break;
    if (draft.bucket === 'ready-to-ask' && ++asks > readyToAskPerDay) continue;
    lines.push({
      date: input.today,
      priority: lines.length + 1,
      supporterId: person.id,
      name: person.name,
      bucket: draft.bucket,
      bucketLabel: BUCKETS[bucketIndex(draft.bucket)].label,
      why: draft.why,
      action: draft.action,
      compose: composeFor(person, draft.compose),
      logKind: draft.logKind,
      channel:
        draft.event?.channel ||
        NETWORKS.find(n => person.handles[n]?.trim()) ||
        '',
      event: draft.event ? lineEvent(draft.event) : null,
      responsiveness: score ? score.responsiveness : null,
      band: score ? score.band : '',
      whuffie: score ? score.whuffie : null,
      level: score ? score.level : '',
    });
  }
  return lines;
}

function isSnoozed(person: OutreachPerson, today: number): boolean {
  const until = parseCivilDate(person.snoozedUntil ?? '');
  return until !== null && today < until;
}

/**
 * The first bucket that applies to a person, or null. A birthday heads-up
 * only plans ahead, so any other reason to reach out wins and carries the
 * heads-up in its "why".
 */
function draftFor(
  person: OutreachPerson,
  score: SupporterScore | null,
  ctx: Context,
): Draft | null {
  if (person.doNotContact || isSnoozed(person, ctx.today)) return null;
  const birthday = birthdayDraft(person, score, ctx);
  if (birthday?.logKind) return birthday;
  const other = score ? otherDraft(person, score, ctx) : null;
  if (other && birthday) other.why += ` \u00b7 ${birthday.why}`;
  return other ?? birthday;
}

/** Buckets 2–6. */
function otherDraft(
  person: OutreachPerson,
  score: SupporterScore,
  ctx: Context,
): Draft | null {
  const reply = replyOwedDraft(person, score, ctx);
  if (reply) return reply;
  const ago = (d: Date | null) => (d ? daysSince(d, ctx) : null);
  const sinceOutreach = ago(score.lastOutreach);
  if (
    sinceOutreach !== null &&
    sinceOutreach <= ctx.settings.today.contactedRecentlyDays
  ) {
    return null;
  }
  return (
    thankDraft(person, score, ctx) ??
    neglectedDraft(person, score, ago(score.lastContact)) ??
    lapsingDraft(person, score) ??
    readyDraft(person, score, ctx)
  );
}

const nameOf = (p: OutreachPerson) =>
  p.firstName?.trim() || p.name.trim() || 'this supporter';

function birthdayDraft(
  p: OutreachPerson,
  score: SupporterScore | null,
  ctx: Context,
): Draft | null {
  const birthday = parseBirthday(p.birthday, ctx.timeZone);
  if (!birthday) return null;
  const headsUp = ctx.settings.today.birthdayHeadsUpDays;
  const until = daysUntilBirthday(birthday, ctx.today);
  if (until !== 0 && (headsUp === 0 || until !== headsUp)) return null;
  const wished = score?.lastBirthdayWish
    ? dayNumber(score.lastBirthdayWish, ctx.timeZone)
    : null;
  if (wished !== null && wished >= ctx.today + until - headsUp) return null;
  const n = nameOf(p);
  const level = score ? levelRank(score.level) : 0;
  if (until === 0) {
    return {
      bucket: 'birthday',
      rank: 100 + level,
      why: 'Birthday today',
      action: `Wish ${n} a happy birthday${birthdayTouch(n, p, 'send')}`,
      compose: `Happy birthday, ${n}! Wishing you a wonderful day.`,
      logKind: 'birthday wish',
      event: null,
    };
  }
  const weekday = WEEKDAY_NAMES[weekdayOf(ctx.today + until)];
  return {
    bucket: 'birthday',
    rank: level,
    why: `Birthday in ${plural(until, 'day')} (${weekday})`,
    action: `Plan ${n}'s birthday wish for ${weekday}${birthdayTouch(n, p, 'find')}`,
    compose: '',
    logKind: '',
    event: null,
  };
}

function replyOwedDraft(
  p: OutreachPerson,
  score: SupporterScore,
  ctx: Context,
): Draft | null {
  const e = score.replyOwed.oldest;
  if (!e) return null;
  const n = nameOf(p);
  const age = daysAgo(daysSince(e.when, ctx));
  const waiting =
    score.replyOwed.count > 1 ? ` (${score.replyOwed.count} waiting)` : '';
  const about = e.note ? `: ${quoted(e.note)}` : '';
  const question = e.kind === 'question';
  return {
    bucket: 'reply-owed',
    rank: -e.when.getTime(),
    why: `${pastOf(e)} ${age}, no ${question ? 'answer' : 'reply'} yet${waiting}`,
    action: question
      ? `Answer ${n}'s question${about}`
      : e.kind === 'mention'
        ? `Reply to ${n}'s mention${about}`
        : `Reply to ${n}${about}`,
    compose: question ? `Thanks for your question, ${n}!` : `Thanks, ${n}!`,
    logKind: question ? 'answer' : 'reply',
    event: e,
  };
}

function thankDraft(
  p: OutreachPerson,
  score: SupporterScore,
  ctx: Context,
): Draft | null {
  const e = score.owedThanks.recent;
  const weight = score.owedThanks.recentWeight;
  if (!e || weight < ctx.settings.today.thankMinWeight) return null;
  const n = nameOf(p);
  const age = daysAgo(daysSince(e.when, ctx));
  // Money and memberships are thanked warmly but never with the amount in public.
  const publicThanks =
    e.kind === 'donation' || e.kind === 'membership'
      ? `Thank you for your support, ${n}! It means a lot.`
      : `Thank you for ${gerundOf(e)}, ${n}! It means a lot.`;
  return {
    bucket: 'thank',
    rank: weight * score.responsiveness,
    why: `${pastOf(e)} ${age}, not thanked yet`,
    action: `Thank ${n} for ${gerundOf(e)}`,
    compose: publicThanks,
    logKind: 'thanks',
    event: e,
  };
}

function neglectedDraft(
  p: OutreachPerson,
  score: SupporterScore,
  sinceContact: number | null,
): Draft | null {
  const cadence = score.cadenceDays;
  const warm = bandRank(score.band) >= bandRank('Warm');
  if (
    !warm ||
    cadence === null ||
    sinceContact === null ||
    sinceContact <= cadence
  )
    return null;
  const n = nameOf(p);
  const subject = subjectOf(p);
  return {
    bucket: 'neglected',
    rank: score.responsiveness,
    why: `${score.band} (${score.responsiveness}) and ${plural(sinceContact, 'day')} since last contact (cadence ${cadence})`,
    action: subject
      ? `Ask ${n}'s view on ${subject}, or retweet something ${n} posted`
      : `Retweet something ${n} posted, or ask what ${n} thinks of our latest post`,
    compose: subject
      ? `Hi ${n}, we'd love your view on ${subject}. What should we focus on next?`
      : `Hi ${n}, we'd love your view: what did you think of our latest post?`,
    logKind: 'feedback request',
    event: null,
  };
}

function lapsingDraft(p: OutreachPerson, score: SupporterScore): Draft | null {
  if (!score.lapsing || levelRank(score.peakLevel) < levelRank('Promoter'))
    return null;
  const n = nameOf(p);
  const gap = Math.max(1, Math.round(score.rhythmDays ?? 1));
  const since = score.daysSinceInbound ?? 0;
  const value = [
    score.value.promotion ? plural(score.value.promotion, 'share') : '',
    score.value.action ? plural(score.value.action, 'action') : '',
    score.value.membership ? plural(score.value.membership, 'gift') : '',
  ].filter(Boolean);
  const subject = subjectOf(p);
  return {
    bucket: 'lapsing',
    rank: score.value.weight,
    why:
      `${score.lapsing === 'lapsing' ? 'Lapsing' : 'Cooling'}: used to engage every ` +
      `${gap === 1 ? 'day' : `${gap} days`}, last ${daysAgo(since)}` +
      (value.length ? ` (${value.join(', ')} so far)` : ''),
    action: `Check in with ${n} \u2014 share ${subject ? `news about ${subject}` : "what's new"}`,
    compose: subject
      ? `Hi ${n}, it's been a while! Some news on ${subject} we thought you'd like:`
      : `Hi ${n}, it's been a while! Here's what's new with us:`,
    logKind: 'check-in',
    event: null,
  };
}

const ASK_BY_TAG: readonly [RegExp, string][] = [
  [/volunt/i, 'ask: volunteer'],
  [/donor|giver|patron|sustainer|member/i, 'ask: give'],
  [/advoca|activist|campaign/i, 'ask: act'],
  [/amplif|influenc|promot|ambassador|sharer/i, 'ask: share'],
];

/** The ask that fits their tags, if affordable; else "act", else the cheapest. */
export function chooseAsk(
  tags: readonly string[],
  affordable: readonly string[],
): string | null {
  for (const tag of tags) {
    const hit = ASK_BY_TAG.find(([re]) => re.test(tag));
    if (hit && affordable.includes(hit[1])) return hit[1];
  }
  if (affordable.includes('ask: act')) return 'ask: act';
  return affordable[0] ?? null;
}

function readyDraft(
  p: OutreachPerson,
  score: SupporterScore,
  ctx: Context,
): Draft | null {
  const ask = score.readyToAsk
    ? chooseAsk(p.relationshipTags, score.affordableAsks)
    : null;
  if (!ask) return null;
  const n = nameOf(p);
  const subject = subjectOf(p);
  const on = subject ? ` on ${subject}` : '';
  const texts: Record<string, [string, string]> = {
    'ask: share': [
      `Ask ${n} to share our next post${subject ? ` about ${subject}` : ''}`,
      `${n}, would you share this with your followers? It would mean a lot.`,
    ],
    'ask: act': [
      `Ask ${n} to sign the petition or join the next action${on}`,
      `${n}, would you add your name? Every signature counts.`,
    ],
    'ask: volunteer': [
      `Ask ${n} to volunteer${on}`,
      `${n}, we're looking for volunteers${on} and thought of you. Interested?`,
    ],
    'ask: give': [
      `Ask ${n} to give or become a member`,
      `${n}, would you support our work${on} with a gift or a membership?`,
    ],
  };
  const [action, compose] = texts[ask] ?? [
    `Ask ${n} (${ask.replace('ask: ', '')})`,
    '',
  ];
  const window = ctx.settings.readyToAsk.windowDays;
  return {
    bucket: 'ready-to-ask',
    rank: score.whuffie * score.responsiveness,
    why:
      `Whuffie ${score.whuffie} (${plural(score.deposits, 'deposit')}, ${plural(score.asks, 'ask')} ` +
      `in ${window} days), ${score.band} (${score.responsiveness})`,
    action,
    compose,
    logKind: ask,
    event: null,
  };
}
