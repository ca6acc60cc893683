/**
 * The vocabulary of the Interactions log: directions, kinds, channels and
 * value classes, with the spellings people and exports actually use.
 *
 * A kind's meaning depends on its direction: an inbound "retweet" is them
 * promoting us, an outbound one is us depositing whuffie by sharing theirs.
 */

export type Direction = 'inbound' | 'outbound';

export const DIRECTIONS: readonly Direction[] = ['inbound', 'outbound'];

/** What an event is worth to the organisation (SCORING.md, "Value"). */
export type ValueClass =
  'promotion' | 'action' | 'membership' | 'deposit' | 'withdrawal' | '';

export interface KindInfo {
  /** The canonical spelling written in the log's Kind column. */
  readonly id: string;
  /** Which directions the kind makes sense in. */
  readonly directions: readonly Direction[];
  /** Other spellings accepted on import and typed by hand. */
  readonly synonyms: readonly string[];
}

/**
 * Canonical kinds. Order is the order of the Kind dropdown in the sheet.
 * Scoring weights live in settings (they are user-tunable), not here.
 */
export const KINDS: readonly KindInfo[] = [
  {
    id: 'like',
    directions: ['inbound', 'outbound'],
    synonyms: ['favourite', 'favorite', 'fav', 'liked'],
  },
  {
    id: 'follow',
    directions: ['inbound', 'outbound'],
    synonyms: ['followed', 'new follower'],
  },
  {
    id: 'reply',
    directions: ['inbound', 'outbound'],
    synonyms: ['replied', 'comment', 'response'],
  },
  {
    id: 'mention',
    directions: ['inbound', 'outbound'],
    synonyms: ['mentioned', 'tag', 'tagged', 'shout-out', 'shoutout'],
  },
  {
    id: 'question',
    directions: ['inbound'],
    synonyms: ['asked a question', 'asked us', 'query'],
  },
  {
    id: 'retweet',
    directions: ['inbound', 'outbound'],
    synonyms: [
      'repost',
      'reposted',
      'rt',
      'boost',
      'boosted',
      'reblog',
      'share',
      'shared',
      'retweeted',
    ],
  },
  {
    id: 'quote',
    directions: ['inbound', 'outbound'],
    synonyms: ['quote tweet', 'quote post', 'quoted'],
  },
  {
    id: 'message',
    directions: ['inbound', 'outbound'],
    synonyms: [
      'dm',
      'direct message',
      'email',
      'e-mail',
      'call',
      'phone call',
      'letter',
    ],
  },
  {
    id: 'volunteered',
    directions: ['inbound'],
    synonyms: ['volunteer', 'volunteering'],
  },
  {
    id: 'signed',
    directions: ['inbound'],
    synonyms: ['signed petition', 'petition', 'signature'],
  },
  {
    id: 'attended',
    directions: ['inbound'],
    synonyms: ['attendance', 'came to event', 'event'],
  },
  {
    id: 'defended us',
    directions: ['inbound'],
    synonyms: ['defended', 'defense', 'defence', 'stood up for us'],
  },
  {
    id: 'donation',
    directions: ['inbound'],
    synonyms: ['donated', 'gift', 'gave', 'contribution'],
  },
  {
    id: 'membership',
    directions: ['inbound'],
    synonyms: ['joined', 'member', 'became a member', 'renewed'],
  },
  {
    id: 'thanks',
    directions: ['outbound'],
    synonyms: ['thank you', 'thank-you', 'thanked', 'thank'],
  },
  {
    id: 'answer',
    directions: ['outbound'],
    synonyms: ['answered', 'helped', 'help'],
  },
  {
    id: 'birthday wish',
    directions: ['outbound'],
    synonyms: ['birthday', 'milestone wish', 'milestone', 'anniversary'],
  },
  {
    id: 'feedback request',
    directions: ['outbound'],
    synonyms: ['asked for feedback', 'feedback', 'asked their view', 'opinion'],
  },
  {
    id: 'introduction',
    directions: ['outbound'],
    synonyms: ['introduced', 'intro', 'amplified', 'amplified their cause'],
  },
  {
    id: 'check-in',
    directions: ['outbound'],
    synonyms: ['check in', 'checked in', 'catch-up', 'catch up'],
  },
  {
    id: 'ask: share',
    directions: ['outbound'],
    synonyms: ['ask to share', 'asked to share', 'ask share'],
  },
  {
    id: 'ask: act',
    directions: ['outbound'],
    synonyms: [
      'ask to act',
      'asked to act',
      'ask to sign',
      'ask to attend',
      'ask to call',
      'ask act',
    ],
  },
  {
    id: 'ask: volunteer',
    directions: ['outbound'],
    synonyms: ['ask to volunteer', 'asked to volunteer', 'ask volunteer'],
  },
  {
    id: 'ask: give',
    directions: ['outbound'],
    synonyms: [
      'ask to give',
      'ask to donate',
      'ask to join',
      'asked to give',
      'ask give',
      'appeal',
    ],
  },
];

export const KIND_IDS: readonly string[] = KINDS.map(k => k.id);

/** Every accepted spelling → its kind, built on first use (see columns.ts). */
let kindBySpelling: Map<string, KindInfo> | undefined;
function kindSpellings(): Map<string, KindInfo> {
  if (kindBySpelling) return kindBySpelling;
  kindBySpelling = new Map();
  for (const kind of KINDS) {
    for (const spelling of [kind.id, ...kind.synonyms]) {
      kindBySpelling.set(foldSpelling(spelling), kind);
    }
  }
  return kindBySpelling;
}

function foldSpelling(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/\s*:\s*/g, ': ')
    .trim();
}

/** The canonical kind for any accepted spelling, or null when unknown. */
export function parseKind(text: unknown): KindInfo | null {
  if (typeof text !== 'string') return null;
  return kindSpellings().get(foldSpelling(text)) ?? null;
}

export function parseDirection(text: unknown): Direction | null {
  if (typeof text !== 'string') return null;
  const t = text.trim().toLowerCase();
  if (['inbound', 'in', 'they', 'them', 'incoming', 'received'].includes(t)) {
    return 'inbound';
  }
  if (['outbound', 'out', 'we', 'us', 'outgoing', 'sent'].includes(t)) {
    return 'outbound';
  }
  return null;
}

/** Outbound kinds that spend whuffie. */
export function isAsk(kindId: string): boolean {
  return kindId.startsWith('ask: ');
}

/** The value class a (direction, kind) pair falls in; '' for plain engagement. */
export function valueClassOf(direction: Direction, kindId: string): ValueClass {
  if (direction === 'outbound') {
    if (isAsk(kindId)) return 'withdrawal';
    return ['like', 'follow', 'message'].includes(kindId) ? '' : 'deposit';
  }
  switch (kindId) {
    case 'retweet':
    case 'quote':
      return 'promotion';
    case 'volunteered':
    case 'signed':
    case 'attended':
    case 'defended us':
      return 'action';
    case 'donation':
    case 'membership':
      return 'membership';
    default:
      return '';
  }
}

export const CHANNELS: readonly string[] = [
  'x',
  'bluesky',
  'mastodon',
  'email',
  'in person',
  'phone',
  'other',
];

/** A channel as people read it (the sheet keeps the lower-case id). */
export const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  email: 'Email',
  'in person': 'In person',
  phone: 'Phone',
  other: 'Other',
};

const channelSynonyms: Record<string, string> = {
  twitter: 'x',
  'x (twitter)': 'x',
  tweet: 'x',
  bsky: 'bluesky',
  fediverse: 'mastodon',
  'e-mail': 'email',
  mail: 'email',
  'in-person': 'in person',
  event: 'in person',
  meeting: 'in person',
  call: 'phone',
  telephone: 'phone',
};

/** The canonical channel for a spelling; unknown non-empty text is "other". */
export function parseChannel(text: unknown): string {
  if (typeof text !== 'string' || !text.trim()) return '';
  const t = text.trim().toLowerCase();
  if (CHANNELS.includes(t)) return t;
  return channelSynonyms[t] ?? 'other';
}
