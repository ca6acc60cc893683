/**
 * Mastodon: GET /api/v1/notifications pages turned into events. Accounts are
 * keyed by `acct`, which is `user` for the server's own accounts and
 * `user@domain` for remote ones: always normalised to `user@domain`.
 */
import {
  arrayOf,
  excerpt,
  objectOf,
  parseTimestamp,
  PersonSeen,
  stringOf,
  SyncedEvent,
} from './events';

export const NOTIFICATION_TYPES = [
  'mention',
  'reblog',
  'favourite',
  'follow',
  'quote',
];

const KIND_OF_TYPE: Record<string, string> = {
  mention: 'mention',
  reblog: 'retweet',
  favourite: 'like',
  follow: 'follow',
  quote: 'quote',
};

/** `mastodon.social`, `https://mastodon.social/`, `@me@mastodon.social` → host. */
export function instanceHost(text: string): string {
  return text
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^@?[^@/]+@/, '')
    .replace(/\/.*$/, '')
    .toLowerCase();
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** A status's HTML content as the plain text a reader sees. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>\s*<p[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] !== '#') return ENTITIES[code.toLowerCase()] ?? whole;
      const n =
        code[1] === 'x' || code[1] === 'X'
          ? parseInt(code.slice(2), 16)
          : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    });
}

function hostOfUrl(url: string): string {
  const m = /^https?:\/\/([^/:?#]+)/i.exec(url);
  return m ? m[1].toLowerCase() : '';
}

/** An Account → the person, `acct` completed with the server's domain. */
export function personOf(account: unknown, ourHost: string): PersonSeen | null {
  const a = objectOf(account);
  const acct = stringOf(a.acct).replace(/^@/, '').toLowerCase();
  if (!acct) return null;
  const url = stringOf(a.url);
  // A local account's domain is its server's: the one in its profile URL
  // (the API may be reached at another address than the public one).
  const full = acct.includes('@')
    ? acct
    : `${acct}@${hostOfUrl(url) || ourHost}`;
  return {
    network: 'mastodon',
    id: full,
    handle: full,
    name: stringOf(a.display_name),
    profileUrl: url,
  };
}

export interface MastodonPage {
  /** null for types we do not log: they still move the position on. */
  items: {stamp: string; value: SyncedEvent | null}[];
}

/** One notifications response (an array). */
export function parseNotifications(
  body: unknown,
  ourHost: string,
): MastodonPage {
  const page: MastodonPage = {items: []};
  for (const item of arrayOf(body)) {
    const n = objectOf(item);
    const id = stringOf(n.id);
    const type = stringOf(n.type);
    const status = objectOf(n.status);
    let kind = KIND_OF_TYPE[type];
    if (kind === 'mention' && stringOf(status.in_reply_to_id)) kind = 'reply';
    const person = personOf(n.account, ourHost);
    const when = parseTimestamp(n.created_at);
    if (!id) continue;
    if (!kind || !person || !when) {
      page.items.push({stamp: id, value: null});
      continue;
    }
    const ownPost = kind === 'like' || kind === 'retweet';
    page.items.push({
      stamp: id,
      value: {
        person,
        direction: 'inbound',
        kind,
        when,
        eventId: `mastodon:${kind}:${ourHost}/${id}`,
        link: stringOf(status.url) || person.profileUrl,
        text:
          ownPost || kind === 'follow'
            ? ''
            : excerpt(plainText(stringOf(status.content))),
        source: 'mastodon',
      },
    });
  }
  return page;
}

/** What an instance's error means for the person who connected it. */
export function mastodonProblem(
  status: number,
  body: unknown,
  host: string,
): string {
  const error = stringOf(objectOf(body).error);
  if (status === 401) {
    return `${host} no longer accepts the Mastodon access token${error ? ` ("${error}")` : ''}: it was revoked or is wrong. Create a new one (Preferences › Development, scope read:notifications) and connect again (Social CRM › Connect accounts…).`;
  }
  if (status === 403) {
    return `The Mastodon access token for ${host} may not read notifications. Give it the read:notifications scope and connect again.`;
  }
  if (status === 404 || status === 410) {
    return `${host} does not look like a Mastodon server (it has no notifications API). Check the server name in Social CRM › Connect accounts….`;
  }
  if (status >= 500) {
    return `${host} is not answering right now (the server had a problem). The next sync continues where this one stopped.`;
  }
  return `${host} answered with an error (${status}${error ? `, ${error}` : ''}). The next sync tries again.`;
}
