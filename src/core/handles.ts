/**
 * Social handles in every spelling people and exports use, reduced to one
 * canonical form per network, and the identity keys that tie a row of the
 * tracker to an email, a handle or an id everywhere in the add-on (import
 * matching, duplicates, sync, `=WHUFFIE("@Tiger_Fan")` lookups).
 *
 * Rules (from each network's own documentation):
 * - X: usernames are 1–15 letters, digits or `_`, case-insensitive.
 * - Bluesky: a handle is a domain name (`name.bsky.social`, `jane.example.org`):
 *   ASCII labels of letters, digits and hyphens, at least two labels, at most
 *   253 characters, case-insensitive; a DID (`did:plc:…`, `did:web:…`) is the
 *   account's stable id.
 * - Mastodon: an account is `user@instance` (username letters, digits, `_`,
 *   with `.`/`-` only between them); a bare `@user` names no server and is
 *   ambiguous.
 */
import {nameKey} from './names';

export type Network = 'x' | 'bluesky' | 'mastodon';

export const NETWORKS: readonly Network[] = ['x', 'bluesky', 'mastodon'];

export const NETWORK_LABELS: Record<Network, string> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
};

/** A recognised handle. */
export interface Handle {
  network: Network;
  /** Canonical, lower-case: `tiger_fan`, `jane.bsky.social`, `did:plc:…`, `user@instance`. */
  value: string;
  /** For people and cells: `@Tiger_Fan`, `@jane.bsky.social`, `did:plc:…`, `@user@instance`. */
  display: string;
  profileUrl: string;
}

export type HandleResult =
  | ({ok: true} & Handle)
  | {ok: false; network: Network; raw: string; reason: string};

/** A URL taken apart without the `URL` global (Apps Script has none). */
interface UrlParts {
  host: string;
  segments: string[];
  query: Record<string, string>;
  fragment: string;
}

const URL_SHAPE =
  /^(?:(?:https?:)?\/\/)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)(?::\d+)?(\/[^?#\s]*)?(\?[^#\s]*)?(#\S*)?$/i;

function splitUrl(text: string): UrlParts | null {
  const m = URL_SHAPE.exec(text);
  if (!m) return null;
  const query: Record<string, string> = {};
  for (const pair of (m[3] ?? '').slice(1).split('&')) {
    const [k, v = ''] = pair.split('=');
    if (k) query[k.toLowerCase()] = safeDecode(v);
  }
  return {
    host: m[1].toLowerCase(),
    segments: (m[2] ?? '').split('/').filter(Boolean).map(safeDecode),
    query,
    fragment: (m[4] ?? '').slice(1),
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** True when the text is meant as a link rather than a bare handle. */
function looksLikeUrl(text: string): boolean {
  return /^(?:https?:)?\/\//i.test(text) || /^[^\s/@]+\.[^\s/@]+\//.test(text);
}

/** Trims quotes, brackets and trailing punctuation people paste around handles. */
function clean(raw: unknown): string {
  // Cells are strings, numbers or booleans; anything else (an object with
  // no string form, say) names nobody.
  const text =
    typeof raw === 'string' ||
    typeof raw === 'number' ||
    typeof raw === 'boolean'
      ? String(raw)
      : '';
  return text
    .trim()
    .replace(/^[<("'“‘\s]+/, '')
    .replace(/[>)"'”’.,;:!\s]+$/, '');
}

const X_HOST = /^(?:www\.|mobile\.|m\.)?(?:twitter|x)\.com$/;
const X_NAME = /^[A-Za-z0-9_]+$/;
/** First path segments of x.com that are pages, not people. */
const X_RESERVED = new Set([
  'home',
  'search',
  'hashtag',
  'i',
  'intent',
  'share',
  'settings',
  'explore',
  'notifications',
  'messages',
  'login',
  'logout',
  'signup',
  'tos',
  'privacy',
  'compose',
  'account',
]);

function fail(network: Network, raw: string, reason: string): HandleResult {
  return {ok: false, network, raw, reason};
}

const PLAIN_X = /^@?([A-Za-z0-9_]{1,15})$/;

function normaliseX(raw: string): HandleResult {
  const plain = PLAIN_X.exec(raw);
  if (plain) return xHandle(plain[1]);
  let name = raw;
  if (looksLikeUrl(raw) || X_HOST.test(raw.split('/')[0].toLowerCase())) {
    const url = splitUrl(raw);
    if (!url || !X_HOST.test(url.host)) {
      return fail('x', raw, 'is a link, but not to X/Twitter');
    }
    // Old links: twitter.com/#!/name; intents: …/intent/user?screen_name=name.
    const fromFragment = url.fragment.startsWith('!/')
      ? url.fragment.slice(2).split('/')[0]
      : '';
    const first = url.segments[0] ?? '';
    name = url.query['screen_name'] || fromFragment || first;
    if (!name) return fail('x', raw, 'is a link to X with no username in it');
    if (!url.query['screen_name'] && !fromFragment) {
      if (X_RESERVED.has(first.toLowerCase())) {
        return fail('x', raw, `links to X's "${first}" page, not a profile`);
      }
    }
  }
  name = name.replace(/^@/, '');
  if (name.includes('@')) {
    return fail('x', raw, 'has a second @ (an email or Mastodon address?)');
  }
  if (!X_NAME.test(name)) {
    return fail('x', raw, 'X usernames use only letters, digits and _');
  }
  if (name.length > 15) {
    return fail('x', raw, 'X usernames have at most 15 characters');
  }
  return xHandle(name);
}

function xHandle(name: string): HandleResult {
  const value = name.toLowerCase();
  return {
    ok: true,
    network: 'x',
    value,
    display: `@${name}`,
    profileUrl: `https://x.com/${value}`,
  };
}

const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Top-level domains the Bluesky reference implementation refuses. */
const BLUESKY_BAD_TLDS = new Set([
  'local',
  'arpa',
  'invalid',
  'localhost',
  'internal',
  'example',
  'alt',
  'onion',
]);
const DID = /^did:(?:plc|web):[a-z0-9._:%-]+$/;
const BLUESKY_HOST = /^(?:www\.|staging\.)?bsky\.app$/;

/** Why a (lower-case) host name is not a valid handle/server, or '' if it is. */
function domainProblem(host: string): string {
  if (host.length > 253) return 'is longer than 253 characters';
  const labels = host.split('.');
  if (labels.length < 2) return 'is not a domain name';
  if (!labels.every(l => DOMAIN_LABEL.test(l))) {
    return 'may use only letters, digits, hyphens and dots';
  }
  const tld = labels[labels.length - 1];
  if (/^\d/.test(tld)) return 'ends in a number';
  return '';
}

function normaliseBluesky(raw: string): HandleResult {
  let id = raw.replace(/^@/, '');
  if (/^at:\/\//i.test(id)) {
    id = id.slice(5).split('/')[0];
  } else if (looksLikeUrl(id)) {
    const url = splitUrl(id);
    if (!url || !BLUESKY_HOST.test(url.host)) {
      return fail('bluesky', raw, 'is a link, but not to a Bluesky profile');
    }
    if (url.segments[0] !== 'profile' || !url.segments[1]) {
      return fail('bluesky', raw, 'is a Bluesky link, but not to a profile');
    }
    id = url.segments[1];
  }
  id = id.toLowerCase();
  if (id.startsWith('did:')) {
    if (!DID.test(id))
      return fail('bluesky', raw, 'is not a valid Bluesky DID');
    return {
      ok: true,
      network: 'bluesky',
      value: id,
      display: id,
      profileUrl: `https://bsky.app/profile/${id}`,
    };
  }
  if (!id.includes('.')) {
    return fail(
      'bluesky',
      raw,
      'Bluesky handles are domain names like name.bsky.social',
    );
  }
  const problem = domainProblem(id);
  if (problem) return fail('bluesky', raw, `a Bluesky handle ${problem}`);
  const tld = id.slice(id.lastIndexOf('.') + 1);
  if (BLUESKY_BAD_TLDS.has(tld)) {
    return fail(
      'bluesky',
      raw,
      `Bluesky does not allow handles ending in .${tld}`,
    );
  }
  return {
    ok: true,
    network: 'bluesky',
    value: id,
    display: `@${id}`,
    profileUrl: `https://bsky.app/profile/${id}`,
  };
}

const MASTODON_USER = /^[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*$/;

function normaliseMastodon(raw: string): HandleResult {
  let user: string;
  let instance: string;
  if (looksLikeUrl(raw)) {
    const url = splitUrl(raw);
    const [first = '', second = ''] = url?.segments ?? [];
    if (url && first.startsWith('@') && first.length > 1) {
      [user, instance = url.host] = first.slice(1).split('@');
    } else if (url && first === 'users' && second) {
      [user, instance] = [second, url.host];
    } else {
      return fail('mastodon', raw, 'is a link, but not to a Mastodon profile');
    }
  } else {
    const parts = raw
      .replace(/^acct:/i, '')
      .replace(/^@/, '')
      .split('@');
    if (parts.length === 1) {
      return fail(
        'mastodon',
        raw,
        'needs the server too, like @user@mastodon.social',
      );
    }
    if (parts.length > 2) return fail('mastodon', raw, 'has too many @ signs');
    [user, instance] = parts;
  }
  instance = instance.toLowerCase();
  if (!MASTODON_USER.test(user)) {
    return fail(
      'mastodon',
      raw,
      'Mastodon usernames use only letters, digits, _ (and . or - inside)',
    );
  }
  const problem = domainProblem(instance);
  if (problem) return fail('mastodon', raw, `the server name ${problem}`);
  return {
    ok: true,
    network: 'mastodon',
    value: `${user.toLowerCase()}@${instance}`,
    display: `@${user}@${instance}`,
    profileUrl: `https://${instance}/@${user}`,
  };
}

/**
 * One handle, in any spelling, for a known network. Blank input gives
 * `{ok: false, reason: 'empty'}`; anything else unusable says why, so the
 * caller can flag it instead of dropping it.
 */
export function normaliseHandle(network: Network, raw: unknown): HandleResult {
  const text = clean(raw);
  if (!text) return fail(network, '', 'empty');
  if (/\s/.test(text)) {
    return fail(network, text, 'has spaces in it');
  }
  switch (network) {
    case 'x':
      return normaliseX(text);
    case 'bluesky':
      return normaliseBluesky(text);
    case 'mastodon':
      return normaliseMastodon(text);
  }
}

/** Hosts whose `/@name` pages are not Mastodon-style profiles. */
const NOT_MASTODON = new Set([
  'medium.com',
  'youtube.com',
  'tiktok.com',
  'threads.net',
  'threads.com',
  'substack.com',
  'linktr.ee',
]);

const URL_IN_TEXT =
  /(?:https?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\/[^\s,;)"'<>]*)?/gi;
const MASTODON_IN_TEXT =
  /(?:^|[^\w@/.])(@[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*@(?:[a-z0-9-]+\.)+[a-z]{2,})/gi;
const LABELLED_IN_TEXT =
  /\b(twitter|x|tw|bluesky|bsky|mastodon|fediverse)\s*[:=]\s*(\S+)/gi;
const LABEL_NETWORK: Record<string, Network> = {
  twitter: 'x',
  x: 'x',
  tw: 'x',
  bluesky: 'bluesky',
  bsky: 'bluesky',
  mastodon: 'mastodon',
  fediverse: 'mastodon',
};

/** Which network a link in free text points to, judged by its host and path. */
function networkOfLink(link: string): Network | null {
  const url = splitUrl(link);
  if (!url) return null;
  const host = url.host.replace(/^www\./, '');
  if (X_HOST.test(url.host)) return 'x';
  if (BLUESKY_HOST.test(url.host)) return 'bluesky';
  if (host.endsWith('.bsky.social') && url.segments.length === 0) {
    return 'bluesky';
  }
  if (url.segments[0]?.startsWith('@') && !NOT_MASTODON.has(host)) {
    return 'mastodon';
  }
  return null;
}

/**
 * Every handle that free text (a website or notes cell) spells out clearly:
 * X/Twitter, bsky.app and Mastodon-style (`https://server/@user`) links,
 * `name.bsky.social`, `@user@server`, and labelled forms ("Twitter: @jane",
 * "Bluesky: jane.example.org"). A bare "@jane" in prose names no network and
 * is left alone. Each handle appears once, in the order found.
 */
export function extractHandles(text: unknown): Handle[] {
  const source = String(text ?? '');
  // Every form below has a dot (links, servers) or a label with a colon.
  if (!/[.:=]/.test(source)) return [];
  const found: Handle[] = [];
  const seen = new Set<string>();
  const add = (result: HandleResult) => {
    if (!result.ok) return;
    const {network, value, display, profileUrl} = result;
    const key = `${network}:${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({network, value, display, profileUrl});
  };
  for (const m of source.matchAll(LABELLED_IN_TEXT)) {
    const network = LABEL_NETWORK[m[1].toLowerCase()];
    // "x: 3" in prose is not a handle; "X: @jane" or "X: x.com/jane" is.
    const short = m[1].length <= 2;
    if (short && !m[2].startsWith('@') && !looksLikeUrl(m[2])) continue;
    add(normaliseHandle(network, m[2]));
  }
  for (const m of source.matchAll(URL_IN_TEXT)) {
    const network = networkOfLink(m[0]);
    if (network) add(normaliseHandle(network, m[0]));
  }
  for (const m of source.matchAll(MASTODON_IN_TEXT)) {
    add(normaliseHandle('mastodon', m[1]));
  }
  return found;
}

/** What the add-on knows about one supporter that can identify them. */
export interface SupporterIdentity {
  /** 1-based sheet row, when read from a sheet. */
  row?: number;
  /** The tracker's supporter id (`S-7K3Q2X`). */
  id?: string;
  /** An id from the export the sheet came from ("Contact ID"). */
  externalId?: string;
  name?: string;
  email?: string;
  x?: string;
  bluesky?: string;
  mastodon?: string;
}

/** Supporter ids the tracker assigns: `S-` and six Crockford base-32 characters. */
export const SUPPORTER_ID_PATTERN = /^S-[0-9A-HJKMNP-TV-Z]{6}$/;

function idText(id: unknown): string {
  const text = String(id ?? '').trim();
  return /^s-[0-9a-z]{6}$/i.test(text) ? text.toUpperCase() : text;
}

/** Keys for a value from an id column: the tracker's id, or an export's. */
export function idKeys(id: unknown): string[] {
  const text = idText(id);
  return text ? [`id:${text}`, `ext:${text}`] : [];
}

const EMAIL = /^[^\s@:;,<>()]+@[^\s@:;,<>()]+\.[^\s@:;,<>()]+$/;

/** Every email address in a cell (exports put several in one: "a@x.org ::: b@y.org"). */
export function emailsIn(text: unknown): string[] {
  return String(text ?? '')
    .split(/[\s,;]+|:::/)
    .map(part =>
      part
        .replace(/^mailto:/i, '')
        .trim()
        .toLowerCase(),
    )
    .filter(part => EMAIL.test(part));
}

/**
 * The match keys of a supporter: `id:S-…`, `ext:…`, `email:…`, `x:…`,
 * `bluesky:…`, `mastodon:…`. Two records sharing a key are the same person.
 * Unusable handles contribute nothing.
 */
export function identityKeys(supporter: SupporterIdentity): string[] {
  const keys: string[] = [];
  const id = idText(supporter.id);
  if (id) keys.push(`id:${id}`);
  const ext = idText(supporter.externalId);
  if (ext) keys.push(`ext:${ext}`);
  for (const email of emailsIn(supporter.email)) keys.push(`email:${email}`);
  for (const network of NETWORKS) {
    const result = normaliseHandle(network, supporter[network]);
    if (result.ok) keys.push(`${network}:${result.value}`);
  }
  return [...new Set(keys)];
}

export type IdentityKind = 'id' | 'email' | Network | 'name';

export interface ParsedIdentity {
  /** The best guess at what the text is. */
  kind: IdentityKind;
  /** Keys to look up, most likely first (`name:` keys match names). */
  keys: string[];
}

/**
 * What a free-form lookup string is: a supporter or record id, an email, an
 * X/Bluesky/Mastodon handle in any spelling, or a name. `@user@server` is
 * Mastodon and `user@server` an email; `@name.with.dots` is Bluesky and
 * `@name` X. Null for blank input.
 */
export function parseIdentity(text: unknown): ParsedIdentity | null {
  if (typeof text === 'number' && Number.isFinite(text)) {
    const id = String(text);
    return {kind: 'id', keys: [`ext:${id}`, `id:${id}`]};
  }
  const raw = clean(text);
  if (!raw) return null;
  const id = idText(raw);
  if (SUPPORTER_ID_PATTERN.test(id)) return {kind: 'id', keys: [`id:${id}`]};
  const as = (network: Network): ParsedIdentity | null => {
    const result = normaliseHandle(network, raw);
    return result.ok
      ? {kind: network, keys: [`${network}:${result.value}`]}
      : null;
  };
  if (/^did:/i.test(raw)) return as('bluesky');
  if (looksLikeUrl(raw)) {
    return as(networkOfLink(raw) ?? 'x');
  }
  if (/^@[^@]+@[^@]+$/.test(raw)) return as('mastodon');
  if (!raw.startsWith('@') && EMAIL.test(raw)) {
    return {kind: 'email', keys: [`email:${raw.toLowerCase()}`]};
  }
  if (raw.startsWith('@')) return as(raw.includes('.') ? 'bluesky' : 'x');
  if (/^\d+$/.test(raw)) return {kind: 'id', keys: [`ext:${raw}`, `id:${raw}`]};
  if (!/\s/.test(raw) && raw.includes('.')) {
    const bluesky = as('bluesky');
    if (bluesky) return bluesky;
  }
  if (/^[A-Za-z0-9_]{1,15}$/.test(raw)) {
    return {
      kind: 'x',
      keys: [`x:${raw.toLowerCase()}`, `ext:${raw}`, `id:${raw}`],
    };
  }
  if (!/\s/.test(raw)) return {kind: 'id', keys: [`ext:${raw}`, `id:${raw}`]};
  const key = nameKey(raw);
  return key ? {kind: 'name', keys: [`name:${key}`]} : null;
}

export type Lookup<T> =
  {found: T} | {found: null; reason: 'unknown' | 'ambiguous'; candidates: T[]};

/** Every key a supporter can be found by: identity keys plus their name. */
function indexKeys(supporter: SupporterIdentity): string[] {
  const keys = identityKeys(supporter);
  const name = nameKey(supporter.name ?? '');
  if (name) keys.push(`name:${name}`);
  return keys;
}

/**
 * An index of supporters by every identity key and by name, for matching
 * lookups and imported rows. Names only match when exactly one supporter
 * has that name.
 */
export class IdentityIndex<T extends SupporterIdentity> {
  private readonly byKey = new Map<string, T[]>();

  constructor(supporters: readonly T[]) {
    for (const supporter of supporters) {
      for (const key of indexKeys(supporter)) {
        const list = this.byKey.get(key);
        if (list) list.push(supporter);
        else this.byKey.set(key, [supporter]);
      }
    }
  }

  /** The supporters holding one key (`email:…`, `x:…`, `name:…`). */
  get(key: string): readonly T[] {
    return this.byKey.get(key) ?? [];
  }

  /** Every key with its supporters, in the order the keys were first seen. */
  entries(): IterableIterator<[string, readonly T[]]> {
    return this.byKey.entries();
  }

  /** Tries keys in order; the first key that names exactly one supporter wins. */
  lookup(keys: readonly string[]): Lookup<T> {
    for (const key of keys) {
      const hits = this.get(key);
      if (hits.length === 1) return {found: hits[0]};
      if (hits.length > 1) {
        return {found: null, reason: 'ambiguous', candidates: [...hits]};
      }
    }
    return {found: null, reason: 'unknown', candidates: []};
  }

  /** Finds the supporter a free-form lookup string names (see parseIdentity). */
  find(text: unknown): Lookup<T> {
    const parsed = parseIdentity(text);
    if (!parsed) return {found: null, reason: 'unknown', candidates: []};
    return this.lookup(parsed.keys);
  }
}
