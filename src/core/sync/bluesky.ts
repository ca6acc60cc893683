/**
 * Bluesky (AT Protocol): app.bsky.notification.listNotifications pages
 * turned into events, and what the PDS's errors mean for the user.
 * Lexicon: notifications have uri, cid, author {did, handle, displayName?},
 * reason, reasonSubject?, record {createdAt, text?}, isRead, indexedAt.
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

export const DEFAULT_PDS = 'https://bsky.social';

/** Notification reasons we log; newer reasons are skipped, not errors. */
const KIND_OF_REASON: Record<string, string> = {
  like: 'like',
  repost: 'retweet',
  follow: 'follow',
  mention: 'mention',
  reply: 'reply',
  quote: 'quote',
};

export interface BlueskySession {
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
}

/** createSession / refreshSession output, or null when it lacks the tokens. */
export function parseSession(body: unknown): BlueskySession | null {
  const o = objectOf(body);
  const session = {
    did: stringOf(o.did),
    handle: stringOf(o.handle),
    accessJwt: stringOf(o.accessJwt),
    refreshJwt: stringOf(o.refreshJwt),
  };
  return session.accessJwt && session.refreshJwt && session.did
    ? session
    : null;
}

export interface NotificationPage {
  /**
   * Every notification with its indexedAt (the sync's high-water stamp);
   * null for reasons we do not log (newer ones), which still mark progress.
   */
  items: {stamp: string; value: SyncedEvent | null}[];
  cursor: string;
}

/** `at://did/collection/rkey` → the bsky.app page of that post. */
export function postUrl(atUri: string): string {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(atUri);
  return m ? `https://bsky.app/profile/${m[1]}/post/${m[2]}` : '';
}

export function profileUrl(didOrHandle: string): string {
  return `https://bsky.app/profile/${didOrHandle}`;
}

export function personOf(author: unknown): PersonSeen | null {
  const a = objectOf(author);
  const did = stringOf(a.did).toLowerCase();
  if (!did.startsWith('did:')) return null;
  const handle = stringOf(a.handle).toLowerCase();
  return {
    network: 'bluesky',
    id: did,
    // An account whose handle no longer resolves shows as handle.invalid.
    handle: handle === 'handle.invalid' ? '' : handle,
    name: stringOf(a.displayName),
    profileUrl: profileUrl(
      handle && handle !== 'handle.invalid' ? handle : did,
    ),
  };
}

/** One listNotifications response. */
export function parseNotifications(body: unknown): NotificationPage {
  const o = objectOf(body);
  const page: NotificationPage = {items: [], cursor: stringOf(o.cursor)};
  for (const item of arrayOf(o.notifications)) {
    const n = objectOf(item);
    const indexedAt = stringOf(n.indexedAt);
    const kind = KIND_OF_REASON[stringOf(n.reason)];
    const person = personOf(n.author);
    const record = objectOf(n.record);
    const when = parseTimestamp(record.createdAt) ?? parseTimestamp(indexedAt);
    const uri = stringOf(n.uri);
    if (!kind || !person || !when || !uri) {
      page.items.push({stamp: indexedAt, value: null});
      continue;
    }
    const ownPost = ['like', 'retweet'].includes(kind);
    page.items.push({
      stamp: indexedAt,
      value: {
        person,
        direction: 'inbound',
        kind,
        when,
        eventId: `bluesky:${kind}:${uri}`,
        link:
          kind === 'follow'
            ? person.profileUrl
            : postUrl(ownPost ? stringOf(n.reasonSubject) : uri),
        text: ownPost || kind === 'follow' ? '' : excerpt(record.text),
        source: 'bluesky',
      },
    });
  }
  return page;
}

/** What a PDS error means, for the person who connected the account. */
export function blueskyProblem(
  status: number,
  body: unknown,
  handle: string,
): string {
  const error = stringOf(objectOf(body).error);
  if (status === 401 && error === 'AuthenticationRequired') {
    return `Bluesky refused the app password for @${handle}: it is wrong, or it was revoked. Create a new app password in Bluesky (Settings › Privacy and security › App passwords) and connect again (Social CRM › Connect accounts…).`;
  }
  if (status === 401 || error === 'InvalidToken' || error === 'ExpiredToken') {
    return `Bluesky ended the session of @${handle} and did not accept the app password any more. Connect again (Social CRM › Connect accounts…).`;
  }
  if (error === 'AccountTakedown' || error === 'AccountDeactivated') {
    return `Bluesky says the account @${handle} is suspended or deactivated.`;
  }
  if (status >= 500 || status === 0) {
    return 'Bluesky is not answering right now (the server had a problem). The next sync continues where this one stopped.';
  }
  return `Bluesky answered with an error (${status}${error ? `, ${error}` : ''}). The next sync tries again.`;
}
