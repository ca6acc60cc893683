/**
 * Every weight, half-life, threshold and cap of the scoring model and the
 * daily list (docs SCORING.md), in one object. The defaults are SCORING's;
 * a user's overrides (document properties, JSON) are validated leaf by leaf:
 * a wrong type or an out-of-range value is ignored with a warning, never a
 * crash, and only the changes are stored.
 */
import {parseKind, type Direction} from './kinds';

export type Band = 'Hot' | 'Warm' | 'Cool' | 'Cold';

/** Coldest first: the index is the band's rank. */
export const BANDS: readonly Band[] = ['Cold', 'Cool', 'Warm', 'Hot'];
export const bandRank = (band: Band) => BANDS.indexOf(band);

/** A map from canonical kind id to a number (weight or points). */
export type KindNumbers = Record<string, number>;

export interface Settings {
  responsiveness: {
    /** w(kind) of inbound events in S. Kinds not listed weigh 0. */
    inboundWeights: KindNumbers;
    /** At most this many points of S per person per local day (anti-bot). */
    dailyCap: number;
    /** S = Σ w · 2^(−age/halfLifeDays). */
    halfLifeDays: number;
    /** The engagement part is 1 − e^(−S/scale). */
    scale: number;
    /** C = 2^(−days since last inbound / recencyHalfLifeDays). */
    recencyHalfLifeDays: number;
    /** Responsiveness = 100 · (engagement·… + replyRate·R + recency·C). */
    blend: {engagement: number; replyRate: number; recency: number};
    /** R = (answered + priorAnswered) / (outreach + priorOutreach). */
    priorAnswered: number;
    priorOutreach: number;
    /** An outreach is answered by any inbound event within this many days. */
    answerWindowDays: number;
    /** Outbound kinds that are not outreach (nobody answers a like). */
    silentKinds: string[];
    /** Lowest responsiveness of each band (Cold is below `cool`). */
    bands: {hot: number; warm: number; cool: number};
  };
  whuffie: {
    /** Points per outbound kind; asks are negative. Kinds not listed are 0. */
    points: KindNumbers;
    halfLifeDays: number;
  };
  readyToAsk: {
    /** Deposits and asks are counted over this many days. */
    windowDays: number;
    /** "Give, give, give, ask": deposits needed per ask, this one included. */
    depositsPerAsk: number;
    /** No new ask until the last one is more than this many days old. */
    daysBetweenAsks: number;
    minBand: Band;
  };
  levels: {
    /** Engager: any inbound within this many days. */
    engagerDays: number;
    /** Promoter: at least `promoterMin` reposts/quotes within `promoterDays`. */
    promoterDays: number;
    promoterMin: number;
    /** Activist: any action within this many days. */
    activistDays: number;
    /** Member/Donor: any membership or donation within this many days. */
    donorDays: number;
  };
  lapsing: {
    /** Only people with at least this many inbound events have a rhythm. */
    minInbound: number;
    /** Cooling when days since last inbound > max(coolingGaps · g, cadence). */
    coolingGaps: number;
    /** Lapsing when > lapsingGaps · g or > lapsingDays (and > cadence). */
    lapsingGaps: number;
    lapsingDays: number;
  };
  /** Stay-in-touch cadence (days) for believers whose cadence is not set. */
  defaultCadenceDays: number;
  today: {
    /** Lines on the daily list. */
    maxLines: number;
    readyToAskPerDay: number;
    /** Skip people we reached out to within this many days. */
    contactedRecentlyDays: number;
    /** Thank them: inbound this recent … */
    thankWindowDays: number;
    /** … weighing at least this much. */
    thankMinWeight: number;
    /** Reply owed: inbound of these kinds unanswered for this many hours … */
    replyOwedKinds: string[];
    replyOwedAfterHours: number;
    /** … and not older than this many days (older ones are stale). */
    replyOwedMaxDays: number;
    birthdayHeadsUpDays: number;
  };
  /** Events kept per person and score for "why this number?". */
  explainTop: number;
}

export const DEFAULT_SETTINGS: Settings = {
  responsiveness: {
    inboundWeights: {
      like: 1,
      follow: 2,
      reply: 3,
      mention: 3,
      question: 3,
      // Not in SCORING's table: a direct message, email or call from them is
      // a reply on another channel.
      message: 3,
      retweet: 4,
      quote: 5,
      volunteered: 8,
      signed: 8,
      attended: 8,
      'defended us': 8,
      donation: 10,
      membership: 10,
    },
    dailyCap: 10,
    halfLifeDays: 30,
    scale: 10,
    recencyHalfLifeDays: 30,
    blend: {engagement: 0.5, replyRate: 0.3, recency: 0.2},
    priorAnswered: 1,
    priorOutreach: 3,
    answerWindowDays: 7,
    silentKinds: ['like', 'follow'],
    bands: {hot: 70, warm: 45, cool: 20},
  },
  whuffie: {
    points: {
      thanks: 3,
      mention: 3,
      retweet: 3,
      quote: 3,
      answer: 4,
      reply: 4,
      'birthday wish': 2,
      'feedback request': 2,
      introduction: 5,
      'check-in': 1,
      'ask: share': -3,
      'ask: act': -4,
      'ask: volunteer': -6,
      'ask: give': -8,
      like: 0,
      follow: 0,
      message: 0,
    },
    halfLifeDays: 90,
  },
  readyToAsk: {
    windowDays: 180,
    depositsPerAsk: 3,
    daysBetweenAsks: 30,
    minBand: 'Warm',
  },
  levels: {
    engagerDays: 90,
    promoterDays: 180,
    promoterMin: 2,
    activistDays: 365,
    donorDays: 365,
  },
  lapsing: {minInbound: 3, coolingGaps: 3, lapsingGaps: 8, lapsingDays: 180},
  defaultCadenceDays: 30,
  today: {
    maxLines: 12,
    readyToAskPerDay: 2,
    contactedRecentlyDays: 2,
    thankWindowDays: 7,
    thankMinWeight: 3,
    replyOwedKinds: ['question', 'mention', 'reply'],
    replyOwedAfterHours: 24,
    replyOwedMaxDays: 30,
    birthdayHeadsUpDays: 7,
  },
  explainTop: 5,
};

// ---------------------------------------------------------------------------
// Validation. The schema mirrors Settings; each leaf says what it accepts.

type Rule =
  | {rule: 'number'; min: number; max: number; integer?: boolean}
  | {rule: 'band'}
  | {rule: 'kindNumbers'; direction: Direction; min: number; max: number}
  | {rule: 'kindList'; direction: Direction};
interface SchemaNode {
  [key: string]: Rule | SchemaNode;
}

const num = (min: number, max: number, integer = false): Rule => ({
  rule: 'number',
  min,
  max,
  integer,
});
const DAYS = num(1, 3650, true);
const COUNT = num(0, 1000, true);

const SCHEMA: SchemaNode = {
  responsiveness: {
    inboundWeights: {
      rule: 'kindNumbers',
      direction: 'inbound',
      min: 0,
      max: 100,
    },
    dailyCap: num(1, 1000),
    halfLifeDays: num(1, 3650),
    scale: num(0.1, 1000),
    recencyHalfLifeDays: num(1, 3650),
    blend: {engagement: num(0, 1), replyRate: num(0, 1), recency: num(0, 1)},
    priorAnswered: num(0, 100),
    priorOutreach: num(0.1, 100),
    answerWindowDays: num(0.1, 365),
    silentKinds: {rule: 'kindList', direction: 'outbound'},
    bands: {hot: num(1, 100), warm: num(1, 100), cool: num(1, 100)},
  },
  whuffie: {
    points: {rule: 'kindNumbers', direction: 'outbound', min: -100, max: 100},
    halfLifeDays: num(1, 3650),
  },
  readyToAsk: {
    windowDays: DAYS,
    depositsPerAsk: num(0, 100),
    daysBetweenAsks: num(0, 3650, true),
    minBand: {rule: 'band'},
  },
  levels: {
    engagerDays: DAYS,
    promoterDays: DAYS,
    promoterMin: num(1, 1000, true),
    activistDays: DAYS,
    donorDays: DAYS,
  },
  lapsing: {
    minInbound: num(2, 1000, true),
    coolingGaps: num(1, 100),
    lapsingGaps: num(1, 100),
    lapsingDays: DAYS,
  },
  defaultCadenceDays: num(0, 3650, true),
  today: {
    maxLines: num(1, 500, true),
    readyToAskPerDay: COUNT,
    contactedRecentlyDays: num(0, 365, true),
    thankWindowDays: num(0, 365, true),
    thankMinWeight: num(0, 100),
    replyOwedKinds: {rule: 'kindList', direction: 'inbound'},
    replyOwedAfterHours: num(0, 24 * 365),
    replyOwedMaxDays: DAYS,
    birthdayHeadsUpDays: num(0, 60, true),
  },
  explainTop: num(0, 50, true),
};

const isRule = (node: Rule | SchemaNode): node is Rule =>
  typeof node.rule === 'string';

type Plain = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Plain =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Date);

function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isPlainObject(value)) {
    const out: Plain = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
}

/** The canonical id of a kind that makes sense in `direction`, or null. */
function kindIn(text: string, direction: Direction): string | null {
  const kind = parseKind(text);
  return kind && kind.directions.includes(direction) ? kind.id : null;
}

function checkNumber(
  rule: Rule & {rule: 'number'},
  value: unknown,
): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return 'is not a number';
  if (rule.integer && !Number.isInteger(value)) return 'is not a whole number';
  if (value < rule.min || value > rule.max) {
    return `is outside ${rule.min}\u2013${rule.max}`;
  }
  return null;
}

/** Applies `value` to `target[key]` per `rule`, collecting warnings. */
function applyRule(
  target: Plain,
  key: string,
  rule: Rule,
  value: unknown,
  path: string,
  warnings: string[],
): void {
  const ignore = (why: string) =>
    warnings.push(`${path} ${why}; kept ${describe(target[key])}.`);
  switch (rule.rule) {
    case 'number': {
      const problem = checkNumber(rule, value);
      if (problem) ignore(`= ${describe(value)} ${problem}`);
      else target[key] = value;
      return;
    }
    case 'band':
      if (
        typeof value === 'string' &&
        (BANDS as readonly string[]).includes(value)
      ) {
        target[key] = value;
      } else {
        ignore(`= ${describe(value)} is not one of ${BANDS.join(', ')}`);
      }
      return;
    case 'kindList': {
      if (!Array.isArray(value)) {
        ignore(`= ${describe(value)} is not a list of kinds`);
        return;
      }
      const ids: string[] = [];
      for (const item of value) {
        const id =
          typeof item === 'string' ? kindIn(item, rule.direction) : null;
        if (id === null)
          warnings.push(
            `${path}: ${describe(item)} is not an ${rule.direction} kind; left out.`,
          );
        else if (!ids.includes(id)) ids.push(id);
      }
      target[key] = ids;
      return;
    }
    case 'kindNumbers': {
      if (!isPlainObject(value)) {
        ignore(`= ${describe(value)} is not a table of kinds`);
        return;
      }
      const table = target[key] as KindNumbers;
      for (const [name, n] of Object.entries(value)) {
        const id = kindIn(name, rule.direction);
        const problem =
          id === null
            ? `is not an ${rule.direction} kind`
            : checkNumber({rule: 'number', min: rule.min, max: rule.max}, n);
        if (problem || id === null) {
          warnings.push(
            `${path}.${name} = ${describe(n)} ${problem}; ignored.`,
          );
        } else {
          table[id] = n as number;
        }
      }
      return;
    }
  }
}

function mergeNode(
  target: Plain,
  schema: SchemaNode,
  overrides: Plain,
  path: string,
  warnings: string[],
): void {
  for (const [key, value] of Object.entries(overrides)) {
    const here = path ? `${path}.${key}` : key;
    const node = Object.prototype.hasOwnProperty.call(schema, key)
      ? schema[key]
      : undefined;
    if (node === undefined) {
      warnings.push(`${here} is not a setting; ignored.`);
    } else if (isRule(node)) {
      applyRule(target, key, node, value, here, warnings);
    } else if (isPlainObject(value)) {
      mergeNode(target[key] as Plain, node, value, here, warnings);
    } else {
      warnings.push(
        `${here} = ${describe(value)} should be a group of settings; ignored.`,
      );
    }
  }
}

/** Settings that only make sense together; on a clash the base values stay. */
function checkGroups(
  merged: Settings,
  base: Settings,
  warnings: string[],
): void {
  const {bands, blend} = merged.responsiveness;
  if (!(bands.hot > bands.warm && bands.warm > bands.cool)) {
    warnings.push(
      'responsiveness.bands must have hot > warm > cool; kept ' +
        describe(base.responsiveness.bands) +
        '.',
    );
    merged.responsiveness.bands = clone(base.responsiveness.bands);
  }
  const sum = blend.engagement + blend.replyRate + blend.recency;
  if (sum <= 0 || sum > 1 + 1e-9) {
    warnings.push(
      'responsiveness.blend must add up to more than 0 and at most 1; kept ' +
        describe(base.responsiveness.blend) +
        '.',
    );
    merged.responsiveness.blend = clone(base.responsiveness.blend);
  }
}

export interface MergedSettings {
  settings: Settings;
  /** One sentence per ignored override, written for the user. */
  warnings: string[];
}

/**
 * `base` with the user's `overrides` applied. `overrides` may be the parsed
 * JSON or the JSON text itself; anything unusable is reported, not thrown.
 * Kind names accept every spelling kinds.ts knows ("RT" → retweet).
 */
export function mergeSettings(
  base: Settings,
  overrides: unknown,
): MergedSettings {
  const warnings: string[] = [];
  const settings = clone(base);
  let value = overrides;
  if (typeof value === 'string') {
    if (!value.trim()) return {settings, warnings};
    try {
      value = JSON.parse(value);
    } catch {
      return {
        settings,
        warnings: [
          'The saved settings are not valid JSON; using the defaults.',
        ],
      };
    }
  }
  if (value === null || value === undefined) return {settings, warnings};
  if (!isPlainObject(value)) {
    return {
      settings,
      warnings: [
        `The saved settings (${describe(value)}) are not a group of settings; ignored.`,
      ],
    };
  }
  mergeNode(settings as unknown as Plain, SCHEMA, value, '', warnings);
  checkGroups(settings, base, warnings);
  return {settings, warnings};
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diffNode(base: Plain, current: Plain, schema: SchemaNode): Plain {
  const out: Plain = {};
  for (const [key, node] of Object.entries(schema)) {
    const [b, c] = [base[key], current[key]];
    if (!isRule(node)) {
      const sub = diffNode(b as Plain, c as Plain, node);
      if (Object.keys(sub).length) out[key] = sub;
    } else if (node.rule === 'kindNumbers') {
      const table: KindNumbers = {};
      const [bt, ct] = [b as KindNumbers, c as KindNumbers];
      for (const id of new Set([...Object.keys(bt), ...Object.keys(ct)])) {
        if ((bt[id] ?? 0) !== (ct[id] ?? 0)) table[id] = ct[id] ?? 0;
      }
      if (Object.keys(table).length) out[key] = table;
    } else if (!sameValue(b, c)) {
      out[key] = clone(c);
    }
  }
  return out;
}

/**
 * Only what differs from `base`: what to store, so that a later change of a
 * default reaches every user who did not change that value.
 * `mergeSettings(base, diffFromDefaults(base, s)).settings` equals `s`.
 */
export function diffFromDefaults(
  base: Settings,
  settings: Settings,
): Partial<Record<keyof Settings, unknown>> {
  return diffNode(
    base as unknown as Plain,
    settings as unknown as Plain,
    SCHEMA,
  );
}
