/**
 * The sidebar's Settings panel: the scoring overrides (settings.ts) and,
 * beside them in the same JSON document property, the tag vocabularies under
 * `vocabulary`. Only what differs from the defaults is stored.
 */
import type {
  Direction,
  KindSetting,
  SettingsView,
  TagField,
  Vocabulary,
} from '../api';
import {DEFAULT_RELATIONSHIP_TAGS, FIELD_LABELS, parseTags} from './columns';
import {UserError} from './errors';
import {KINDS} from './kinds';
import {DEFAULT_SETTINGS, diffFromDefaults, Settings} from './settings';
import {cleanTag, isPlain, Plain, plainObject} from './sidebar-requests';

/** Vocabularies live in one document property (at most 9 KB). */
const MAX_VOCABULARY = 100;
const PROPERTY_LIMIT = 9000;

export interface StoredSettings {
  /** The scoring overrides as stored (an object, or unreadable text). */
  overrides: unknown;
  vocabulary: Vocabulary;
}

/** A stored tag list, cleaned; null when there is none. */
function storedTags(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  return parseTags(value.filter(v => typeof v === 'string').join(','));
}

/** The settings document property's text, read. */
export function parseStoredSettings(raw: string): StoredSettings {
  let parsed: unknown = raw;
  try {
    parsed = raw.trim() ? JSON.parse(raw) : {};
  } catch {
    // mergeSettings reports unreadable text to the user.
  }
  if (!isPlain(parsed)) {
    return {overrides: parsed, vocabulary: storedVocabulary(undefined)};
  }
  const {vocabulary, ...overrides} = parsed;
  return {overrides, vocabulary: storedVocabulary(vocabulary)};
}

/** The stored vocabularies, cleaned; the defaults where none is stored. */
function storedVocabulary(value: unknown): Vocabulary {
  const v = isPlain(value) ? value : {};
  return {
    relationshipTags: storedTags(v.relationshipTags) ?? [
      ...DEFAULT_RELATIONSHIP_TAGS,
    ],
    topics: storedTags(v.topics) ?? [],
  };
}

/** The settings document property's text, to write. */
export function storedSettingsText(stored: StoredSettings): string {
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
  return json;
}

export function checkVocabulary(vocabulary: Vocabulary): void {
  for (const field of ['relationshipTags', 'topics'] as const) {
    if (vocabulary[field].length > MAX_VOCABULARY) {
      throw new UserError(
        `${FIELD_LABELS[field]} can offer at most ${MAX_VOCABULARY} tags. Remove some you no longer use in Settings first.`,
      );
    }
  }
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

export function settingsView(
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

/** The panel's half-lives: where settings.ts keeps each, and its name. */
const HALF_LIVES = [
  ['engagement', 'responsiveness', 'halfLifeDays', 'Engagement half-life'],
  ['recency', 'responsiveness', 'recencyHalfLifeDays', 'Recency half-life'],
  ['whuffie', 'whuffie', 'halfLifeDays', 'Whuffie half-life'],
] as const;
/** The panel's list length, likewise. */
const LIST_LENGTH = ['listLength', 'today', 'maxLines', 'List length'] as const;

/** The per-kind tables of settings.ts, in the words of the Settings panel. */
const KIND_TABLE_NAMES: [RegExp, (kind: string) => string][] = [
  [/^responsiveness\.inboundWeights\.(.+?)(?= =)/, k => `Weight of "${k}"`],
  [/^whuffie\.points\.(.+?)(?= =)/, k => `Whuffie points for "${k}"`],
];

/** A warning of mergeSettings, said in the words of the Settings panel. */
export function settingProblem(warning: string): string {
  const sentence = warning.replace(/; (kept .*|ignored)\.$/, '.');
  for (const [, group, key, label] of [...HALF_LIVES, LIST_LENGTH]) {
    const path = `${group}.${key}`;
    if (sentence.startsWith(path)) return label + sentence.slice(path.length);
  }
  for (const [pattern, name] of KIND_TABLE_NAMES) {
    const m = pattern.exec(sentence);
    if (m) return name(m[1]) + sentence.slice(m[0].length);
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

/** The panel's patch in settings.ts's shape, for mergeSettings to validate. */
export function overridesOf(patch: Plain): Plain {
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
    for (const [name, group, key, label] of HALF_LIVES) {
      if (h[name] !== undefined) put(group, key, settingNumber(h[name], label));
    }
  }
  if (patch.listLength !== undefined) {
    const [, group, key, label] = LIST_LENGTH;
    put(group, key, settingNumber(patch.listLength, label));
  }
  return out;
}

/** The vocabularies after the panel's patch (`current` where it says nothing). */
export function vocabularyPatch(
  value: unknown,
  current: Vocabulary,
): Vocabulary {
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
