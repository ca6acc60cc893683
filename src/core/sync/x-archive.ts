/**
 * The X data archive: `data/*.js` files that each assign one array,
 * `window.YTD.<name>.part0 = [ … ]`. Read as data, never run: strip up to
 * the first `=`, drop a trailing `;`, JSON.parse.
 *
 * The archive holds our side only: our posts (replies, mentions, retweets of
 * other people: outbound deposits), the posts we liked (without their
 * author), and who follows us (by numeric id only).
 */
import {UserError} from '../errors';
import {arrayOf, excerpt, objectOf, stringOf, SyncedEvent} from './events';
import {xPerson} from './x-api';

export type ArchiveFileKind = 'tweets' | 'like' | 'follower';

// A Map, not an object: a file called constructor.js names no kind.
const KIND_OF_NAME = new Map<string, ArchiveFileKind>([
  ['tweets', 'tweets'],
  ['tweet', 'tweets'], // older archives
  ['like', 'like'],
  ['follower', 'follower'],
]);

/**
 * The kind a file's name says: its last path segment, `tweets.js` or a part
 * of a large file, `tweets-part2.js`. The whole segment must match, so
 * deleted-tweets.js or community-tweet.js name no kind.
 */
export function archiveKindOfName(path: string): ArchiveFileKind | null {
  const m = /(?:^|\/)([a-z_]+)(?:-part\d+)?\.js$/i.exec(path.trim());
  return KIND_OF_NAME.get((m?.[1] ?? '').toLowerCase()) ?? null;
}

/**
 * Whether a path inside the archive's zip is a data file Whuffie reads
 * (`data/tweets.js`, `twitter-2026-…/data/like-part2.js`), not media or
 * any of the archive's other data.
 */
export function isArchiveDataFile(path: string): boolean {
  return /(?:^|\/)data\/[^/]+$/.test(path) && archiveKindOfName(path) !== null;
}

/** The file's data name: from `window.YTD.<name>.` inside, else the file name. */
function fileKind(fileName: string, text: string): ArchiveFileKind | null {
  const inside = /^\s*window\.YTD\.([a-z_]+)\.part\d+\s*=/i.exec(text);
  if (!inside) return archiveKindOfName(fileName);
  return KIND_OF_NAME.get(inside[1].toLowerCase()) ?? null;
}

/** The array a `window.YTD…= [ … ];` file assigns. */
export function parseArchiveText(fileName: string, text: string): unknown[] {
  const equals = text.indexOf('=');
  const json = (equals >= 0 ? text.slice(equals + 1) : text)
    .trim()
    .replace(/;\s*$/, '');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new UserError(
      `${fileName} is not a file of an X archive as X writes it (window.YTD.… = [ … ]). Choose the file from the archive's data folder without editing it.`,
    );
  }
  if (!Array.isArray(data)) {
    throw new UserError(`${fileName} does not hold a list of entries.`);
  }
  return data;
}

const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/** "Sat Feb 18 12:33:11 +0000 2023" (the archive's created_at) → Date. */
export function parseArchiveDate(text: string): Date | null {
  const m =
    /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]) / 3;
  if (month < 0 || month % 1) return null;
  const offset = (m[6] === '-' ? -1 : 1) * (+m[7] * 60 + +m[8]) * 60_000;
  return new Date(Date.UTC(+m[9], month, +m[2], +m[3], +m[4], +m[5]) - offset);
}

/** When a post was made, from its id (X ids start with a millisecond clock). */
export function snowflakeTime(id: string): Date | null {
  if (!/^\d{15,20}$/.test(id)) return null;
  return new Date(Math.floor(Number(id) / 4194304) + 1288834974657);
}

export interface ArchiveImport {
  kind: ArchiveFileKind;
  /** Outbound events about people (replies, mentions, retweets) and followers. */
  events: SyncedEvent[];
  /** Liked posts: matched later through the log's links to those posts. */
  likes: {tweetId: string; text: string; when: Date | null}[];
  /** X ids and usernames the file revealed (replies and mentions name both). */
  usernames: Map<string, string>;
  entries: number;
}

function tweetEvents(
  entry: Record<string, unknown>,
  ours: {id: string; username: string},
  usernames: Map<string, string>,
): SyncedEvent[] {
  const id = stringOf(entry.id_str) || stringOf(entry.id);
  const when = parseArchiveDate(stringOf(entry.created_at));
  if (!id || !when) return [];
  const text = stringOf(entry.full_text) || stringOf(entry.text);
  const mentions = arrayOf(objectOf(entry.entities).user_mentions).map(m => {
    const o = objectOf(m);
    return {
      id: stringOf(o.id_str) || stringOf(o.id),
      username: stringOf(o.screen_name),
      name: stringOf(o.name),
    };
  });
  for (const m of mentions) {
    if (m.id && m.username) usernames.set(m.id, m.username);
  }
  const replyId = stringOf(entry.in_reply_to_user_id_str);
  const replyName = stringOf(entry.in_reply_to_screen_name);
  if (replyId && replyName) usernames.set(replyId, replyName);
  const isOurs = (p: {id: string; username: string}) =>
    (ours.id !== '' && p.id === ours.id) ||
    (ours.username !== '' &&
      p.username.toLowerCase() === ours.username.toLowerCase());
  const link = `https://x.com/${ours.username || 'i/web'}/status/${id}`;
  const events: SyncedEvent[] = [];
  const add = (
    kind: string,
    person: {id: string; username: string; name: string},
  ) => {
    if (!person.id || isOurs(person)) return;
    if (events.some(e => e.person.id === person.id)) return;
    events.push({
      person: xPerson(person.id, person.username, person.name),
      direction: 'outbound',
      kind,
      when,
      eventId: `x:${kind}:${id}`,
      link,
      text: excerpt(text),
      source: 'x-archive',
    });
  };
  const retweeted = /^RT @([A-Za-z0-9_]{1,15}):/.exec(text);
  if (retweeted) {
    const whom = mentions.find(
      m => m.username.toLowerCase() === retweeted[1].toLowerCase(),
    );
    if (whom) add('retweet', whom);
    // A retweet's other mentions are the original author's, not ours.
    return events;
  }
  if (replyId) {
    const name = mentions.find(m => m.id === replyId)?.name ?? '';
    add('reply', {id: replyId, username: replyName, name});
  }
  for (const m of mentions) add('mention', m);
  return events;
}

/**
 * Reads one archive file. `ours` is our own account (when known), so our
 * threads (replies to ourselves) are not logged as deposits.
 */
export function readArchiveFile(
  fileName: string,
  text: string,
  ours: {id: string; username: string},
  now: Date,
): ArchiveImport {
  const kind = fileKind(fileName, text);
  if (!kind) {
    throw new UserError(
      `Whuffie reads tweets.js, like.js and follower.js from an X archive (in its data folder), not ${fileName || 'this file'}.`,
    );
  }
  const entries = parseArchiveText(fileName, text);
  const result: ArchiveImport = {
    kind,
    events: [],
    likes: [],
    usernames: new Map(),
    entries: entries.length,
  };
  for (const raw of entries) {
    const wrapper = objectOf(raw);
    if (kind === 'tweets') {
      const tweet = objectOf(wrapper.tweet ?? wrapper);
      result.events.push(...tweetEvents(tweet, ours, result.usernames));
    } else if (kind === 'like') {
      const like = objectOf(wrapper.like);
      const tweetId = stringOf(like.tweetId);
      if (tweetId) {
        result.likes.push({
          tweetId,
          text: excerpt(like.fullText),
          when: snowflakeTime(tweetId),
        });
      }
    } else {
      const follower = objectOf(wrapper.follower);
      const accountId = stringOf(follower.accountId);
      if (!accountId) continue;
      // The archive says who follows us, not since when: the import date
      // stands in (it is when we learned it).
      result.events.push({
        person: xPerson(accountId, '', ''),
        direction: 'inbound',
        kind: 'follow',
        when: now,
        eventId: `x:follow:${accountId}`,
        link:
          stringOf(follower.userLink) || `https://x.com/i/user/${accountId}`,
        text: '',
        source: 'x-archive',
      });
    }
  }
  return result;
}

/** Statuses linked from log rows (`…/status/123`) → whose post it was. */
export function postOwners(
  rows: readonly {link: string; supporterId: string; inbound: boolean}[],
): Map<string, string> {
  const owners = new Map<string, string>();
  for (const row of rows) {
    const m = /(?:twitter|x)\.com\/[^/]+(?:\/web)?\/status\/(\d+)/.exec(
      row.link,
    );
    if (m && row.inbound && row.supporterId) owners.set(m[1], row.supporterId);
  }
  return owners;
}

/**
 * Likes carry no author in the archive; a like of a post the log already
 * links (their mention or reply) is ours to them.
 */
export function attributeLikes(
  likes: ArchiveImport['likes'],
  owners: ReadonlyMap<string, string>,
): SyncedEvent[] {
  const events: SyncedEvent[] = [];
  for (const like of likes) {
    const supporterId = owners.get(like.tweetId);
    if (!supporterId || !like.when) continue;
    events.push({
      person: xPerson('', '', ''),
      supporterId,
      direction: 'outbound',
      kind: 'like',
      when: like.when,
      eventId: `x:like:${like.tweetId}`,
      link: `https://x.com/i/web/status/${like.tweetId}`,
      text: like.text,
      source: 'x-archive',
    });
  }
  return events;
}
