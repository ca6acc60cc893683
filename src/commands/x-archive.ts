/** Social CRM › Import X archive…: one archive file at a time, from the sidebar. */
import {
  readConnections,
  readCursors,
  writeCursors,
} from '../adapters/connections';
import {withDocumentLock} from '../adapters/lock';
import type {Notice} from '../api';
import {textOf} from '../core/cells';
import {UserError} from '../core/errors';
import {logColumn} from '../core/model';
import {
  attributeLikes,
  postOwners,
  readArchiveFile,
} from '../core/sync/x-archive';
import {writeEvents} from './sync';

// ---- The X archive ------------------------------------------------------------

/**
 * Sidebar / dialog: one file of an X archive (tweets.js, like.js,
 * follower.js), as text. Our replies, mentions and retweets of supporters
 * become outbound deposits; followers are matched through the X ids learned
 * from posts and mentions; likes are matched through posts the log links.
 */
export function importXArchiveFile(name: unknown, text: unknown): Notice {
  if (typeof name !== 'string' || typeof text !== 'string' || !text.trim()) {
    throw new UserError('Choose a file from your X archive first.');
  }
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const id = ss.getId();
  const x = readConnections(id).x;
  const file = readArchiveFile(
    name,
    text,
    {id: x?.userId ?? '', username: x?.username ?? ''},
    new Date(),
  );
  const outcome = withDocumentLock(() => {
    const cursors = readCursors(id);
    return writeEvents(
      ss,
      file.events,
      cursors,
      () => writeCursors(id, cursors),
      {
        usernames: file.usernames,
        extraEvents: rows => {
          const link = logColumn('Link');
          const who = logColumn('Supporter ID');
          const direction = logColumn('Direction');
          return attributeLikes(
            file.likes,
            postOwners(
              rows.map(row => ({
                link: textOf(row[link]),
                supporterId: textOf(row[who]),
                inbound: textOf(row[direction]) === 'inbound',
              })),
            ),
          );
        },
      },
    );
  });
  const what = {
    tweets: 'replies, mentions and retweets of supporters',
    like: "likes of supporters' posts",
    follower: 'followers',
  }[file.kind];
  const lines = [
    `Read ${file.entries} entries from ${name}: ${outcome.added} ${what} added to the log.`,
  ];
  if (file.kind === 'like') {
    lines.push(
      'The archive does not say whose posts you liked; Whuffie matches a like when the log already links that post.',
    );
  }
  if (file.kind === 'follower' && outcome.unmatched) {
    lines.push(
      `${outcome.unmatched} followers are not matched yet: the archive gives only their X number. Import tweets.js too (or sync the X API) so Whuffie learns whose number is whose, then import follower.js again.`,
    );
  }
  return {message: lines.join(' ')};
}
