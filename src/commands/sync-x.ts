/**
 * The X API part of a sync: mentions first (the cheapest and most personal
 * signal), then who retweeted or quoted our posts of the last week. X bills
 * every post and user it returns, so everything here spends one read budget
 * the user set: a post counts as one read, a user as two (X charges a user
 * read twice a post read). A sync that reaches the budget, a 429 or the time
 * limit stops cleanly and the next one continues.
 */
import type {SyncCursors, XConnection} from '../adapters/connections';
import {queryString, requestJson} from '../adapters/http';
import {
  byNumericId,
  postsAllowed,
  StopReason,
  sweepNewestFirst,
} from '../core/sync/cursors';
import type {SyncedEvent} from '../core/sync/events';
import {
  lookupsDue,
  OwnPost,
  parseOwnPosts,
  parsePosts,
  parseRetweeters,
  SeenCounts,
} from '../core/sync/x-api';
import {describeX, isRateLimit, X_MIN_PAGE} from './network-clients';
import {SourceRun, sourceProblem, Stopped} from './source-run';

/** Posts older than this rarely gain retweets: not worth paying to look. */
const LOOKBACK_DAYS = 7;
/** What X serves at least: users per retweeters page, posts per quotes page. */
const MIN_RETWEETERS_PAGE = 1;
const MIN_QUOTES_PAGE = 10;
const USER_READ_COST = 2;
const MAX_PAGE = 100;

/** Thrown inside the lookups to stop them where they are. */
class Stop {
  constructor(readonly reason: StopReason) {}
}

export function syncX(
  conn: XConnection,
  cursors: SyncCursors,
  shouldStop: () => StopReason | null,
  now: Date,
): SourceRun {
  const month = now.toISOString().slice(0, 7);
  const budget = cursors.xBudget ?? {month, usedThisMonth: 0};
  let read = 0;
  const allowed = () =>
    postsAllowed(budget, month, conn.perSync, conn.perMonth, read);
  const get = (path: string, query: Record<string, string | number>) =>
    requestJson({
      url: `${conn.base}/2/${path}${queryString(query)}`,
      headers: {Authorization: `Bearer ${conn.token}`},
    }).body;
  /** Before each call: the time limit, then whether a smallest page still fits the budget. */
  const mayRead = (smallestPage: number) =>
    shouldStop() ?? (allowed() < smallestPage ? 'budget' : null);
  const pageFor = (min: number, cost = 1) =>
    Math.max(min, Math.min(MAX_PAGE, Math.floor(allowed() / cost)));

  const user = encodeURIComponent(conn.userId);
  const mentions = sweepNewestFirst(
    cursors.x ?? {mark: ''},
    cursor => {
      const page = parsePosts(
        get(`users/${user}/mentions`, {
          since_id: cursors.x?.mark ?? '',
          max_results: pageFor(X_MIN_PAGE),
          pagination_token: cursor,
          'tweet.fields':
            'created_at,author_id,in_reply_to_user_id,referenced_tweets',
          expansions: 'author_id',
          'user.fields': 'username,name',
        }),
      );
      read += page.read;
      return page;
    },
    {
      order: byNumericId,
      shouldStop: () => mayRead(X_MIN_PAGE),
      isRateLimit,
    },
  );
  const events = [...mentions.items];
  let stopped: Stopped = mentions.stopped;
  let seen = cursors.xPosts ?? {};
  if (!stopped) {
    const found = lookUpOwnPosts();
    events.push(...found.events);
    stopped = found.stopped;
    seen = found.seen;
  }
  return {
    label: 'X',
    events,
    problem: sourceProblem(stopped, describeX),
    commit: c => {
      c.x = mentions.state;
      c.xPosts = seen;
      const used = budget.month === month ? budget.usedThisMonth : 0;
      c.xBudget = {month, usedThisMonth: used + read};
    },
  };

  /**
   * Our posts of the last week, then the retweeters and quotes of those
   * whose counts grew. A post's counts are remembered only once its lookups
   * finished, so a stopped run looks again next time (the event ids keep
   * the log free of repeats).
   */
  function lookUpOwnPosts(): {
    events: SyncedEvent[];
    seen: SeenCounts;
    stopped: Stopped;
  } {
    const found: SyncedEvent[] = [];
    const previous = cursors.xPosts ?? {};
    const next: SeenCounts = {...previous};
    /** Reads every page; `fetch` returns the next page's token ('' at the end). */
    const pages = (smallestPage: number, fetch: (token: string) => string) => {
      let token = '';
      do {
        const stop = mayRead(smallestPage);
        if (stop) throw new Stop(stop);
        token = fetch(token);
      } while (token);
    };
    try {
      const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
      const posts: OwnPost[] = [];
      pages(X_MIN_PAGE, token => {
        const page = parseOwnPosts(
          get(`users/${user}/tweets`, {
            max_results: pageFor(X_MIN_PAGE),
            exclude: 'retweets,replies',
            // X documents YYYY-MM-DDTHH:mm:ssZ: no milliseconds.
            start_time: since.toISOString().replace(/\.\d{3}Z$/, 'Z'),
            'tweet.fields': 'created_at,public_metrics',
            pagination_token: token,
          }),
        );
        read += page.read;
        posts.push(...page.posts);
        return page.next;
      });
      // Posts that left the window are forgotten: the property stays small.
      for (const id of Object.keys(next)) {
        if (!posts.some(p => p.id === id)) delete next[id];
      }
      for (const due of lookupsDue(posts, previous)) {
        const post = posts.find(p => p.id === due.id)!;
        const link = `https://x.com/${conn.username}/status/${post.id}`;
        const counted = (at: 0 | 1, count: number) => {
          const counts: [number, number] = [...(next[post.id] ?? [0, 0])];
          counts[at] = count;
          next[post.id] = counts;
        };
        if (due.retweeters) {
          pages(MIN_RETWEETERS_PAGE * USER_READ_COST, token => {
            const page = parseRetweeters(
              get(`tweets/${post.id}/retweeted_by`, {
                max_results: pageFor(MIN_RETWEETERS_PAGE, USER_READ_COST),
                'user.fields': 'username,name',
                pagination_token: token,
              }),
              {id: post.id, link},
              now,
            );
            read += page.users * USER_READ_COST;
            found.push(...page.events);
            return page.next;
          });
          counted(0, post.retweets);
        }
        if (due.quotes) {
          pages(MIN_QUOTES_PAGE, token => {
            const page = parsePosts(
              get(`tweets/${post.id}/quote_tweets`, {
                max_results: pageFor(MIN_QUOTES_PAGE),
                'tweet.fields': 'created_at,author_id',
                expansions: 'author_id',
                'user.fields': 'username,name',
                pagination_token: token,
              }),
              'quote',
            );
            read += page.read;
            found.push(...page.items.map(i => i.value));
            return page.next;
          });
          counted(1, post.quotes);
        }
      }
      return {events: found, seen: next, stopped: null};
    } catch (e) {
      const stopped: Stopped =
        e instanceof Stop
          ? {reason: e.reason}
          : {reason: isRateLimit(e) ? 'rate-limited' : 'error', error: e};
      return {events: found, seen: next, stopped};
    }
  }
}
