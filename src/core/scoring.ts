/**
 * Responsiveness, whuffie, value, levels and lapsing (docs SCORING.md) for
 * every supporter in one pass over the Interactions log.
 *
 * Decisions the formulas leave open:
 * - Ages are whole days in the sheet's zone: today − the event's local date.
 *   A score is the same all day, a retweet "2 days ago" is exactly 2, and
 *   DST never shifts a day.
 * - "Within N days" includes the event N days ago (age ≤ N).
 * - Outreach = our outbound events except silent kinds (like, follow). It is
 *   answered by any inbound event strictly after it and at most
 *   `answerWindowDays` (as 24-hour days) later. An unanswered outreach whose
 *   window is still open is *pending*: it counts neither way yet, so reaching
 *   out never lowers a score the day it happens.
 * - Whuffie deposits are outbound events worth more than 0 points; asks are
 *   the "ask: …" kinds.
 * - The daily cap scales each event of a capped day down in proportion.
 * - Results do not depend on row order: each person's events are ordered by
 *   time and every tie is broken on the events' content.
 */
import {dayNumberIn, formatDay, MS_PER_DAY} from './dates';
import {isAsk, valueClassOf, type ValueClass} from './kinds';
import type {Interaction} from './model';
import {BANDS, bandRank, type Band, type Settings} from './settings';
import {plural} from './plural';

/**
 * The value ladder, lowest first (the index is the rank). A person's level
 * is the highest rung whose rule holds today (windows are `settings.levels`):
 * - Follower: in the tracker, nothing more recent.
 * - Engager: any inbound event within 90 days.
 * - Promoter: at least 2 inbound retweets/quotes within 180 days.
 * - Activist: any action (volunteered, signed, attended, defended us) within 365 days.
 * - Member/Donor: any membership or donation within 365 days.
 * - Champion: Member/Donor and (Promoter or Activist).
 * `peakLevel` applies the same rules to their whole history (2 promotions
 * within any 180-day span, any action, any gift), for "once Promoter+".
 */
export const LEVELS = [
  'Follower',
  'Engager',
  'Promoter',
  'Activist',
  'Member/Donor',
  'Champion',
] as const;
export type Level = (typeof LEVELS)[number];

export type LapsingState = '' | 'cooling' | 'lapsing';

export interface SupporterInput {
  id: string;
  /**
   * Stay-in-touch cadence in days. A positive number is the cadence; null or
   * 0 means none (a blank cell); omitted means "not known", and then
   * believers (ever Promoter or above) get `settings.defaultCadenceDays`.
   */
  cadenceDays?: number | null;
  /** The band stored at the last run, to report moves. */
  previousBand?: Band | '';
}

/** One event's share of a score, for "why 56?". */
export interface Contribution {
  event: Interaction;
  /** Before decay: w(kind) (scaled down on a capped day) or whuffie points. */
  base: number;
  /** What it adds to the score, in the score's own units. */
  points: number;
}

export interface Explanation {
  responsiveness: {
    /** 100 · blend.engagement · (1 − e^(−S/scale)), shared among the events. */
    engagement: {
      S: number;
      points: number;
      events: number;
      top: Contribution[];
    };
    replyRate: {
      answered: number;
      outreach: number;
      pending: number;
      R: number;
      points: number;
    };
    recency: {daysSinceLastInbound: number | null; C: number; points: number};
  };
  whuffie: {events: number; top: Contribution[]};
}

export interface Value {
  /** Inbound retweets and quotes (all time). */
  promotion: number;
  /** Volunteered, signed, attended, defended us (all time). */
  action: number;
  /** Memberships and donations (all time). */
  membership: number;
  /** Sum of the amounts of memberships and donations. */
  amount: number;
  /** Σ w(kind) of those events: "past value", to rank lapsing believers. */
  weight: number;
}

export interface SupporterScore {
  id: string;
  /** 0–100, integer. */
  responsiveness: number;
  band: Band;
  previousBand: Band | '';
  bandMoved: 'up' | 'down' | '';
  components: {S: number; R: number; C: number};
  /** One decimal. */
  whuffie: number;
  /** Deposits and asks within `readyToAsk.windowDays`. */
  deposits: number;
  asks: number;
  lastAskAt: Date | null;
  /** Inbound engagement (w > 0) since our last deposit. */
  owedThanks: {
    count: number;
    latest: Interaction | null;
    /** The weightiest such event within `today.thankWindowDays`. */
    recent: Interaction | null;
    recentWeight: number;
  };
  /**
   * Inbound `today.replyOwedKinds` events after our last outreach, older than
   * `replyOwedAfterHours` and not older than `replyOwedMaxDays`.
   */
  replyOwed: {count: number; oldest: Interaction | null};
  readyToAsk: boolean;
  /** Why not, one sentence per unmet rule; empty when ready. */
  whyNotReady: string[];
  /** Ask kinds whose cost the whuffie covers, cheapest first. */
  affordableAsks: string[];
  level: Level;
  /** The highest level ever reached (for "once Promoter+"). */
  peakLevel: Level;
  lapsing: LapsingState;
  /** Median gap in days between their inbound days (null without a rhythm). */
  rhythmDays: number | null;
  /** The cadence in effect (see SupporterInput.cadenceDays). */
  cadenceDays: number | null;
  /** Either direction: the stay-in-touch clock. */
  lastContact: Date | null;
  lastInbound: Date | null;
  lastOutbound: Date | null;
  /** Our last outbound event that is outreach (not a like or follow). */
  lastOutreach: Date | null;
  lastBirthdayWish: Date | null;
  daysSinceContact: number | null;
  daysSinceInbound: number | null;
  daysSinceOutreach: number | null;
  inboundCount: number;
  outboundCount: number;
  value: Value;
  explain: Explanation;
}

export interface ScoreInput {
  events: readonly Interaction[];
  supporters: readonly SupporterInput[];
  now: Date;
  timeZone: string;
  settings: Settings;
}

export interface ScoreResult {
  scores: Map<string, SupporterScore>;
  /** Aligned with `input.supporters` (a repeated id shares the first one's score). */
  list: SupporterScore[];
  /** Log events whose supporter is not in the tracker: ignored, reported. */
  unknownSupporters: {ids: number; events: number; sample: string[]};
  /** Events after `now`: ignored. */
  future: number;
}

// ---------------------------------------------------------------------------

/** A total order on events: time, then content. Breaks every tie the same way. */
export function compareEvents(a: Interaction, b: Interaction): number {
  return (
    a.when.getTime() - b.when.getTime() ||
    cmp(a.direction, b.direction) ||
    cmp(a.kind, b.kind) ||
    cmp(a.eventId, b.eventId) ||
    cmp(a.link, b.link) ||
    cmp(a.note, b.note) ||
    cmp(a.channel, b.channel) ||
    cmp(a.source, b.source) ||
    (a.amount ?? -Infinity) - (b.amount ?? -Infinity) ||
    cmp(a.supporterId, b.supporterId)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function bandOf(responsiveness: number, settings: Settings): Band {
  const {hot, warm, cool} = settings.responsiveness.bands;
  if (responsiveness >= hot) return 'Hot';
  if (responsiveness >= warm) return 'Warm';
  if (responsiveness >= cool) return 'Cool';
  return 'Cold';
}

export const levelRank = (level: Level) => LEVELS.indexOf(level);

/** What the engine needs to know about a kind, resolved once per kind. */
interface KindFacts {
  /** Inbound weight w. */
  w: number;
  /** Whuffie points when outbound. */
  points: number;
  ask: boolean;
  /** Outbound and not outreach. */
  silent: boolean;
  /** Inbound and a reply is owed. */
  owesReply: boolean;
  birthdayWish: boolean;
  inboundClass: ValueClass;
}

/**
 * The log grouped by supporter, each person's events in time order, as
 * parallel arrays indexed by *position*: person p owns positions
 * start[p] … start[p + 1] − 1. The per-person loops then read memory in
 * order instead of chasing 1,000,000 event objects.
 */
interface Grouped {
  start: Int32Array;
  /** Position → index in `events`. */
  event: Int32Array;
  ms: Float64Array;
  /** Local day number. */
  day: Int32Array;
  /** Kind number << 1 | 1 when outbound. */
  code: Int32Array;
  maxPerPerson: number;
  unknownIds: Set<string>;
  unknownEvents: number;
  future: number;
}

const OUTBOUND = 1;

function groupBySupporter(
  events: readonly Interaction[],
  index: Record<string, number | undefined>,
  people: number,
  nowMs: number,
  dayOf: (ms: number) => number,
  kindNumber: (kind: string) => number,
): Grouped {
  const n = events.length;
  const owner = new Int32Array(n);
  const msOf = new Float64Array(n);
  const dayOfEvent = new Int32Array(n);
  const codeOf = new Int32Array(n);
  const start = new Int32Array(people + 1);
  const unknownIds = new Set<string>();
  let unknownEvents = 0;
  let future = 0;
  for (let i = 0; i < n; i++) {
    const e = events[i];
    const t = e.when.getTime();
    const who = index[e.supporterId];
    owner[i] = -1;
    if (!(t <= nowMs)) {
      future++;
    } else if (who === undefined) {
      unknownEvents++;
      unknownIds.add(e.supporterId);
    } else {
      owner[i] = who;
      msOf[i] = t;
      dayOfEvent[i] = dayOf(t);
      codeOf[i] =
        (kindNumber(e.kind) << 1) | (e.direction === 'outbound' ? OUTBOUND : 0);
      start[who + 1]++;
    }
  }
  // Counting sort by supporter; stable, so an append-only log arrives sorted.
  let maxPerPerson = 0;
  for (let p = 1; p <= people; p++) {
    maxPerPerson = Math.max(maxPerPerson, start[p]);
    start[p] += start[p - 1];
  }
  const total = start[people];
  const g: Grouped = {
    start,
    event: new Int32Array(total),
    ms: new Float64Array(total),
    day: new Int32Array(total),
    code: new Int32Array(total),
    maxPerPerson,
    unknownIds,
    unknownEvents,
    future,
  };
  const next = start.slice(0, people);
  for (let i = 0; i < n; i++) {
    const who = owner[i];
    if (who < 0) continue;
    const at = next[who]++;
    g.event[at] = i;
    g.ms[at] = msOf[i];
    g.day[at] = dayOfEvent[i];
    g.code[at] = codeOf[i];
  }
  for (let p = 0; p < people; p++) sortByTime(g, start[p], start[p + 1]);
  return g;
}

/** Puts positions a … b − 1 in time order (usually they already are). */
function sortByTime(g: Grouped, a: number, b: number): void {
  let sorted = true;
  for (let j = a + 1; j < b && sorted; j++) sorted = g.ms[j] >= g.ms[j - 1];
  if (sorted) return;
  const perm = Array.from({length: b - a}, (_, k) => a + k).sort(
    (x, y) => g.ms[x] - g.ms[y],
  );
  for (const column of [g.event, g.ms, g.day, g.code]) {
    const copy = perm.map(j => column[j]);
    column.set(copy, a);
  }
}

/** The N largest contributions of one person, without keeping the rest. */
class TopContributions {
  private readonly pos: Int32Array;
  private readonly base: Float64Array;
  private readonly points: Float64Array;
  size = 0;
  count = 0;

  constructor(
    private readonly capacity: number,
    private readonly events: readonly Interaction[],
    private readonly g: Grouped,
  ) {
    this.pos = new Int32Array(capacity);
    this.base = new Float64Array(capacity);
    this.points = new Float64Array(capacity);
  }

  reset(): void {
    this.size = 0;
    this.count = 0;
  }

  /** Larger |points| first, then more recent, then by content. */
  private beats(j: number, points: number, slot: number): boolean {
    const d = Math.abs(points) - Math.abs(this.points[slot]);
    if (d !== 0) return d > 0;
    const other = this.pos[slot];
    const t = this.g.ms[j] - this.g.ms[other];
    if (t !== 0) return t > 0;
    return (
      compareEvents(
        this.events[this.g.event[j]],
        this.events[this.g.event[other]],
      ) > 0
    );
  }

  offer(j: number, base: number, points: number): void {
    this.count++;
    if (this.capacity === 0) return;
    let at = this.size;
    if (at === this.capacity) {
      if (!this.beats(j, points, at - 1)) return;
      at--;
    } else {
      this.size++;
    }
    while (at > 0 && this.beats(j, points, at - 1)) {
      this.pos[at] = this.pos[at - 1];
      this.base[at] = this.base[at - 1];
      this.points[at] = this.points[at - 1];
      at--;
    }
    this.pos[at] = j;
    this.base[at] = base;
    this.points[at] = points;
  }

  /** The kept contributions, `points` multiplied by `scale`. */
  take(scale: number): Contribution[] {
    const out: Contribution[] = [];
    for (let k = 0; k < this.size; k++) {
      out.push({
        event: this.events[this.g.event[this.pos[k]]],
        base: this.base[k],
        points: this.points[k] * scale,
      });
    }
    return out;
  }
}

/** 2^(−age/halfLife) for whole-day ages, tabulated for the common range. */
function decayTable(halfLife: number): (age: number) => number {
  const table = new Float64Array(4096);
  for (let a = 0; a < table.length; a++) table[a] = Math.pow(2, -a / halfLife);
  return age =>
    age < table.length ? table[age] : Math.pow(2, -age / halfLife);
}

function median(values: Float64Array, n: number): number {
  const sorted = values.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round1 = (x: number) => Math.round(x * 10) / 10 || 0;

/**
 * Scores every supporter in one pass over the log: events are grouped by
 * supporter with a counting sort (the log's order is kept, so an
 * append-only log needs no sorting), each person's events are then read in
 * time order, and only the top `settings.explainTop` contributors per score
 * are kept for the explanation. O(log rows + supporters).
 */
export function computeScores(input: ScoreInput): ScoreResult {
  const {events, supporters, settings} = input;
  const nowMs = input.now.getTime();
  const dayOf = dayNumberIn(input.timeZone);

  // A prototype-less object, not a Map: V8 looks string keys of objects up
  // through its string table (a pointer compare once a string is seen),
  // while a Map compares contents; at a million lookups that is 3× faster.
  const index: Record<string, number | undefined> = Object.create(null);
  const people: SupporterInput[] = [];
  for (const s of supporters) {
    if (index[s.id] === undefined) {
      index[s.id] = people.length;
      people.push(s);
    }
  }
  const kinds = new KindTable(settings);
  const g = groupBySupporter(events, index, people.length, nowMs, dayOf, kind =>
    kinds.number(kind),
  );
  const scorer = new PersonScorer(
    events,
    g,
    kinds.facts,
    dayOf(nowMs),
    nowMs,
    settings,
  );
  const scores = new Map<string, SupporterScore>();
  for (let p = 0; p < people.length; p++) {
    scores.set(
      people[p].id,
      scorer.score(people[p], g.start[p], g.start[p + 1]),
    );
  }
  return {
    scores,
    list: supporters.map(s => scores.get(s.id) as SupporterScore),
    unknownSupporters: {
      ids: g.unknownIds.size,
      events: g.unknownEvents,
      sample: [...g.unknownIds].slice(0, 5),
    },
    future: g.future,
  };
}

/** Kind ids numbered as they are met, with their facts under the settings. */
class KindTable {
  readonly facts: KindFacts[] = [];
  private readonly numbers = new Map<string, number>();

  constructor(private readonly settings: Settings) {}

  number(kind: string): number {
    let k = this.numbers.get(kind);
    if (k === undefined) {
      const {responsiveness: r, whuffie, today} = this.settings;
      k = this.facts.length;
      this.facts.push({
        w: r.inboundWeights[kind] ?? 0,
        points: whuffie.points[kind] ?? 0,
        ask: isAsk(kind),
        silent: r.silentKinds.includes(kind),
        owesReply: today.replyOwedKinds.includes(kind),
        birthdayWish: kind === 'birthday wish',
        inboundClass: valueClassOf('inbound', kind),
      });
      this.numbers.set(kind, k);
    }
    return k;
  }
}

/** The per-person half of computeScores, with its scratch space reused. */
class PersonScorer {
  private readonly decayS: (age: number) => number;
  private readonly decayC: (age: number) => number;
  private readonly decayW: (age: number) => number;
  private readonly askCosts: {kind: string; cost: number}[];
  private readonly queue: Float64Array;
  private readonly promoDays: Int32Array;
  private readonly inDays: Int32Array;
  private readonly gaps: Float64Array;
  private readonly topS: TopContributions;
  private readonly topW: TopContributions;

  constructor(
    private readonly events: readonly Interaction[],
    private readonly g: Grouped,
    private readonly kinds: readonly KindFacts[],
    private readonly today: number,
    private readonly nowMs: number,
    private readonly settings: Settings,
  ) {
    const r = settings.responsiveness;
    this.decayS = decayTable(r.halfLifeDays);
    this.decayC = decayTable(r.recencyHalfLifeDays);
    this.decayW = decayTable(settings.whuffie.halfLifeDays);
    this.askCosts = Object.entries(settings.whuffie.points)
      .filter(([kind, points]) => isAsk(kind) && points < 0)
      .map(([kind, points]) => ({kind, cost: -points}))
      .sort((x, y) => x.cost - y.cost || cmp(x.kind, y.kind));
    this.queue = new Float64Array(g.maxPerPerson);
    this.promoDays = new Int32Array(g.maxPerPerson);
    this.inDays = new Int32Array(g.maxPerPerson);
    this.gaps = new Float64Array(g.maxPerPerson);
    this.topS = new TopContributions(settings.explainTop, events, g);
    this.topW = new TopContributions(settings.explainTop, events, g);
  }

  /** Scores the person owning positions a … b − 1. */
  score(person: SupporterInput, a: number, b: number): SupporterScore {
    const {events, g, kinds, today, nowMs, settings} = this;
    const {ms, day, code} = g;
    const r = settings.responsiveness;
    const lv = settings.levels;
    const rta = settings.readyToAsk;
    const answerWindowMs = r.answerWindowDays * MS_PER_DAY;
    this.topS.reset();
    this.topW.reset();

    let S = 0;
    let W = 0;
    let inboundCount = 0;
    let outboundCount = 0;
    // Positions of the latest events of each sort (−1: none). Plain
    // declarations: array destructuring runs the iterator protocol in
    // unoptimised code, which is most of a cold Apps Script run.
    let lastAny = -1;
    let lastIn = -1;
    let lastOut = -1;
    let lastOutreach = -1;
    let lastAsk = -1;
    let lastWish = -1;
    let lastDepositMs = -Infinity;
    let answered = 0;
    let outreach = 0;
    let qHead = 0;
    let qTail = 0;
    let deposits = 0;
    let asks = 0;
    let engaged = 0;
    let promotions = 0;
    let actions = 0;
    let donations = 0;
    let everPromoter = false;
    let everAction = false;
    let everDonor = false;
    let promoCount = 0;
    let inDayCount = 0;
    const value: Value = {
      promotion: 0,
      action: 0,
      membership: 0,
      amount: 0,
      weight: 0,
    };

    // Loop 1, in time order, one local day at a time (the cap is per day).
    for (let from = a; from < b;) {
      const d = day[from];
      const age = today - d;
      let to = from;
      let dayWeight = 0;
      let dayPoints = 0;
      for (; to < b && day[to] === d; to++) {
        const f = kinds[code[to] >> 1];
        const t = ms[to];
        lastAny = to;
        if ((code[to] & OUTBOUND) === 0) {
          inboundCount++;
          lastIn = to;
          dayWeight += f.w;
          // Every outreach strictly before this event is now settled.
          while (qHead < qTail && this.queue[qHead] < t) {
            if (t - this.queue[qHead] <= answerWindowMs) answered++;
            qHead++;
          }
          if (age <= lv.engagerDays) engaged++;
          if (inDayCount === 0 || this.inDays[inDayCount - 1] !== d) {
            this.inDays[inDayCount++] = d;
          }
          switch (f.inboundClass) {
            case 'promotion':
              value.promotion++;
              value.weight += f.w;
              if (age <= lv.promoterDays) promotions++;
              this.promoDays[promoCount++] = d;
              if (
                promoCount >= lv.promoterMin &&
                d - this.promoDays[promoCount - lv.promoterMin] <=
                  lv.promoterDays
              ) {
                everPromoter = true;
              }
              break;
            case 'action':
              value.action++;
              value.weight += f.w;
              everAction = true;
              if (age <= lv.activistDays) actions++;
              break;
            case 'membership':
              value.membership++;
              value.weight += f.w;
              value.amount += events[g.event[to]].amount ?? 0;
              everDonor = true;
              if (age <= lv.donorDays) donations++;
              break;
            default:
          }
        } else {
          outboundCount++;
          lastOut = to;
          dayPoints += f.points;
          if (f.points !== 0)
            this.topW.offer(to, f.points, f.points * this.decayW(age));
          if (f.points > 0) {
            lastDepositMs = t;
            if (age <= rta.windowDays) deposits++;
          }
          if (f.ask) {
            lastAsk = to;
            if (age <= rta.windowDays) asks++;
          }
          if (f.birthdayWish) lastWish = to;
          if (!f.silent) {
            lastOutreach = to;
            outreach++;
            this.queue[qTail++] = t;
          }
        }
      }
      // The day's inbound points, capped; each event keeps its share.
      if (dayWeight > 0) {
        const capped = Math.min(dayWeight, r.dailyCap);
        const decay = this.decayS(age);
        S += capped * decay;
        const scale = capped / dayWeight;
        for (let j = from; j < to; j++) {
          const w = (code[j] & OUTBOUND) === 0 ? kinds[code[j] >> 1].w : 0;
          if (w > 0) this.topS.offer(j, w * scale, w * scale * decay);
        }
      }
      // Summed per day too, so equal times in another row order add up alike.
      W += dayPoints * this.decayW(age);
      from = to;
    }
    let pending = 0;
    for (; qHead < qTail; qHead++) {
      if (nowMs - this.queue[qHead] < answerWindowMs) pending++;
    }

    // Loop 2, newest first, over what came after our last deposit/outreach.
    const lastOutreachMs = lastOutreach >= 0 ? ms[lastOutreach] : -Infinity;
    const cutoff = Math.min(lastDepositMs, lastOutreachMs);
    const afterMs = settings.today.replyOwedAfterHours * 3_600_000;
    const owed = {count: 0, latest: -1, recent: -1, recentWeight: 0};
    const reply = {count: 0, oldest: -1};
    // On equal times the events' content decides (row order must not).
    for (let j = b - 1; j >= a && ms[j] > cutoff; j--) {
      if ((code[j] & OUTBOUND) !== 0) continue;
      const f = kinds[code[j] >> 1];
      if (ms[j] > lastDepositMs && f.w > 0) {
        owed.count++;
        if (
          owed.latest < 0 ||
          (ms[j] === ms[owed.latest] && this.compare(j, owed.latest) > 0)
        ) {
          owed.latest = j;
        }
        const better =
          owed.recent < 0 ||
          f.w > owed.recentWeight ||
          (f.w === owed.recentWeight &&
            ms[j] === ms[owed.recent] &&
            this.compare(j, owed.recent) > 0);
        if (today - day[j] <= settings.today.thankWindowDays && better) {
          owed.recent = j;
          owed.recentWeight = f.w;
        }
      }
      if (
        ms[j] > lastOutreachMs &&
        f.owesReply &&
        nowMs - ms[j] >= afterMs &&
        today - day[j] <= settings.today.replyOwedMaxDays
      ) {
        reply.count++;
        if (
          reply.oldest < 0 ||
          ms[j] < ms[reply.oldest] ||
          (ms[j] === ms[reply.oldest] && this.compare(j, reply.oldest) < 0)
        ) {
          reply.oldest = j;
        }
      }
    }

    // Responsiveness.
    const outreachCounted = outreach - pending;
    const R =
      (answered + r.priorAnswered) / (outreachCounted + r.priorOutreach);
    const daysSinceInbound = lastIn >= 0 ? today - day[lastIn] : null;
    const C = daysSinceInbound === null ? 0 : this.decayC(daysSinceInbound);
    const engagementPoints =
      100 * r.blend.engagement * (1 - Math.exp(-S / r.scale));
    const replyPoints = 100 * r.blend.replyRate * R;
    const recencyPoints = 100 * r.blend.recency * C;
    const responsiveness = Math.min(
      100,
      Math.max(0, Math.round(engagementPoints + replyPoints + recencyPoints)),
    );
    const band = bandOf(responsiveness, settings);
    const previousBand = BANDS.includes(person.previousBand as Band)
      ? (person.previousBand as Band)
      : '';
    const moved = previousBand ? bandRank(band) - bandRank(previousBand) : 0;

    // Levels.
    const level = levelFrom(
      engaged > 0,
      promotions >= lv.promoterMin,
      actions > 0,
      donations > 0,
    );
    const ever = levelFrom(
      inboundCount > 0,
      everPromoter,
      everAction,
      everDonor,
    );
    const peakLevel = levelRank(ever) > levelRank(level) ? ever : level;

    // Rhythm and lapsing.
    const cadenceDays = effectiveCadence(person, peakLevel, settings);
    let rhythmDays: number | null = null;
    let lapsing: LapsingState = '';
    if (inboundCount >= settings.lapsing.minInbound && inDayCount >= 2) {
      for (let k = 1; k < inDayCount; k++)
        this.gaps[k - 1] = this.inDays[k] - this.inDays[k - 1];
      rhythmDays = median(this.gaps, inDayCount - 1);
      const since = daysSinceInbound as number;
      const {coolingGaps, lapsingGaps, lapsingDays} = settings.lapsing;
      // A cadence longer than their rhythm is leave to be quiet that long.
      const cadence = cadenceDays ?? 0;
      if (
        since > cadence &&
        (since > lapsingGaps * rhythmDays || since > lapsingDays)
      ) {
        lapsing = 'lapsing';
      } else if (since > Math.max(coolingGaps * rhythmDays, cadence)) {
        lapsing = 'cooling';
      }
    }

    // Whuffie and ready-to-ask.
    const whuffie = round1(W);
    const daysSinceAsk = lastAsk >= 0 ? today - day[lastAsk] : null;
    const whyNotReady = this.whyNotReady(
      whuffie,
      deposits,
      asks,
      daysSinceAsk,
      band,
      responsiveness,
    );

    const at = (j: number) => (j >= 0 ? events[g.event[j]] : null);
    const when = (j: number) => (j >= 0 ? events[g.event[j]].when : null);
    const ago = (j: number) => (j >= 0 ? today - day[j] : null);
    return {
      id: person.id,
      responsiveness,
      band,
      previousBand,
      bandMoved: moved > 0 ? 'up' : moved < 0 ? 'down' : '',
      components: {S, R, C},
      whuffie,
      deposits,
      asks,
      lastAskAt: when(lastAsk),
      owedThanks: {
        count: owed.count,
        latest: at(owed.latest),
        recent: at(owed.recent),
        recentWeight: owed.recentWeight,
      },
      replyOwed: {count: reply.count, oldest: at(reply.oldest)},
      readyToAsk: whyNotReady.length === 0,
      whyNotReady,
      affordableAsks: this.askCosts
        .filter(x => x.cost <= whuffie)
        .map(x => x.kind),
      level,
      peakLevel,
      lapsing,
      rhythmDays,
      cadenceDays,
      lastContact: when(lastAny),
      lastInbound: when(lastIn),
      lastOutbound: when(lastOut),
      lastOutreach: when(lastOutreach),
      lastBirthdayWish: when(lastWish),
      daysSinceContact: ago(lastAny),
      daysSinceInbound,
      daysSinceOutreach: ago(lastOutreach),
      inboundCount,
      outboundCount,
      value,
      explain: {
        responsiveness: {
          engagement: {
            S,
            points: engagementPoints,
            events: this.topS.count,
            top: this.topS.take(S > 0 ? engagementPoints / S : 0),
          },
          replyRate: {
            answered,
            outreach: outreachCounted,
            pending,
            R,
            points: replyPoints,
          },
          recency: {
            daysSinceLastInbound: daysSinceInbound,
            C,
            points: recencyPoints,
          },
        },
        whuffie: {events: this.topW.count, top: this.topW.take(1)},
      },
    };
  }

  /** compareEvents on the events at two positions. */
  private compare(j: number, other: number): number {
    return compareEvents(
      this.events[this.g.event[j]],
      this.events[this.g.event[other]],
    );
  }

  /** SCORING's ready-to-ask rules, each unmet one as a sentence. */
  private whyNotReady(
    whuffie: number,
    deposits: number,
    asks: number,
    daysSinceAsk: number | null,
    band: Band,
    responsiveness: number,
  ): string[] {
    const rta = this.settings.readyToAsk;
    const why: string[] = [];
    const cheapest = this.askCosts[0];
    if (cheapest && whuffie < cheapest.cost) {
      why.push(
        `Whuffie ${whuffie} is below the cost of the smallest ask (${cheapest.cost}).`,
      );
    }
    const needed = rta.depositsPerAsk * (asks + 1);
    if (deposits < needed) {
      why.push(
        `${plural(deposits, 'deposit')} and ${plural(asks, 'ask')} in ${rta.windowDays} days: ` +
          `another ask needs ${needed} deposits.`,
      );
    }
    if (daysSinceAsk !== null && daysSinceAsk <= rta.daysBetweenAsks) {
      why.push(
        `Asked ${plural(daysSinceAsk, 'day')} ago; wait more than ${rta.daysBetweenAsks} days between asks.`,
      );
    }
    if (bandRank(band) < bandRank(rta.minBand)) {
      why.push(
        `${band} (${responsiveness}); asks need ${rta.minBand} or better.`,
      );
    }
    return why;
  }
}

/** See SupporterInput.cadenceDays. */
function effectiveCadence(
  person: SupporterInput,
  peak: Level,
  settings: Settings,
): number | null {
  if (person.cadenceDays === undefined) {
    const believer = levelRank(peak) >= levelRank('Promoter');
    return believer && settings.defaultCadenceDays > 0
      ? settings.defaultCadenceDays
      : null;
  }
  return person.cadenceDays && person.cadenceDays > 0
    ? person.cadenceDays
    : null;
}

function levelFrom(
  engager: boolean,
  promoter: boolean,
  activist: boolean,
  donor: boolean,
): Level {
  if (donor) return promoter || activist ? 'Champion' : 'Member/Donor';
  if (activist) return 'Activist';
  if (promoter) return 'Promoter';
  return engager ? 'Engager' : 'Follower';
}

/**
 * One person's score, for the sidebar: the same engine over their events
 * (events of other supporters are ignored).
 */
export function scoreOne(
  events: readonly Interaction[],
  supporter: SupporterInput,
  context: {now: Date; timeZone: string; settings: Settings},
): SupporterScore {
  const own = events.filter(e => e.supporterId === supporter.id);
  return computeScores({...context, events: own, supporters: [supporter]})
    .list[0];
}

export interface ScoreTotals {
  supporters: number;
  byBand: Record<Band, number>;
  byLevel: Record<Level, number>;
  bandMovedUp: number;
  bandMovedDown: number;
  cooling: number;
  lapsing: number;
  readyToAsk: number;
  owedThanks: number;
  replyOwed: number;
  /** Sum of everyone's whuffie, one decimal. */
  whuffie: number;
  value: Value;
}

/** Counts per band and level and a few totals, for the dashboard. */
export function scoreTotals(scores: Iterable<SupporterScore>): ScoreTotals {
  const totals: ScoreTotals = {
    supporters: 0,
    byBand: {Hot: 0, Warm: 0, Cool: 0, Cold: 0},
    byLevel: Object.fromEntries(LEVELS.map(l => [l, 0])) as Record<
      Level,
      number
    >,
    bandMovedUp: 0,
    bandMovedDown: 0,
    cooling: 0,
    lapsing: 0,
    readyToAsk: 0,
    owedThanks: 0,
    replyOwed: 0,
    whuffie: 0,
    value: {promotion: 0, action: 0, membership: 0, amount: 0, weight: 0},
  };
  for (const s of scores) {
    totals.supporters++;
    totals.byBand[s.band]++;
    totals.byLevel[s.level]++;
    if (s.bandMoved === 'up') totals.bandMovedUp++;
    if (s.bandMoved === 'down') totals.bandMovedDown++;
    if (s.lapsing === 'cooling') totals.cooling++;
    if (s.lapsing === 'lapsing') totals.lapsing++;
    if (s.readyToAsk) totals.readyToAsk++;
    if (s.owedThanks.count > 0) totals.owedThanks++;
    if (s.replyOwed.count > 0) totals.replyOwed++;
    totals.whuffie += s.whuffie;
    for (const k of [
      'promotion',
      'action',
      'membership',
      'amount',
      'weight',
    ] as const) {
      totals.value[k] += s.value[k];
    }
  }
  totals.whuffie = round1(totals.whuffie);
  return totals;
}

export interface MonthValue {
  /** 'YYYY-MM' in the sheet's zone. */
  month: string;
  promotion: number;
  action: number;
  membership: number;
  amount: number;
}

/**
 * Promotion, action and membership per calendar month (inbound events), for
 * the dashboard's charts. Months without value are left out; sorted by month.
 */
export function valueByMonth(
  events: readonly Interaction[],
  timeZone: string,
): MonthValue[] {
  const dayOf = dayNumberIn(timeZone);
  const months = new Map<string, MonthValue>();
  const monthOfDay = new Map<number, string>();
  for (const e of events) {
    if (e.direction !== 'inbound') continue;
    const cls = valueClassOf('inbound', e.kind);
    if (cls !== 'promotion' && cls !== 'action' && cls !== 'membership')
      continue;
    const d = dayOf(e.when.getTime());
    let month = monthOfDay.get(d);
    if (month === undefined) {
      month = formatDay(d).slice(0, 7);
      monthOfDay.set(d, month);
    }
    let row = months.get(month);
    if (!row) {
      row = {month, promotion: 0, action: 0, membership: 0, amount: 0};
      months.set(month, row);
    }
    row[cls]++;
    if (cls === 'membership') row.amount += e.amount ?? 0;
  }
  return [...months.values()].sort((x, y) => cmp(x.month, y.month));
}
