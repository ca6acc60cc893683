/**
 * High-water marks: how a source's sync knows where the last one stopped.
 *
 * Bluesky notifications and X mentions are paged newest first. A sweep reads
 * from the newest down to the mark of the last finished sweep; if it is cut
 * short (a 429, the 6-minute limit, the read budget) the page cursor and the
 * newest stamp it saw are kept, the next run continues the same sweep, and
 * only a finished sweep moves the mark. New events that arrive meanwhile are
 * above the kept newest stamp, so the sweep after that picks them up.
 *
 * Mastodon pages forwards with `min_id`, so its mark simply moves page by page.
 */

export interface SweepState {
  /** The newest stamp of the last finished sweep ('' = never synced). */
  mark: string;
  /** A sweep that was cut short: where to continue, and its newest stamp. */
  sweep?: {cursor: string; top: string};
}

export interface SweepPage<T> {
  /** Newest first, each with its stamp (a time or an id). */
  items: {stamp: string; value: T}[];
  /** '' when this is the last page. */
  next: string;
}

export type StopReason = 'rate-limited' | 'time' | 'budget' | 'error';

export interface SweepResult<T> {
  items: T[];
  state: SweepState;
  pages: number;
  /** Why the sweep ended early; null when it reached the end or the mark. */
  stopped: {reason: StopReason; error?: unknown} | null;
}

/** Compares two stamps: > 0 when `a` is newer. */
export type StampOrder = (a: string, b: string) => number;

/** Numeric ids of any length (X and Mastodon ids exceed 2^53). */
export const byNumericId: StampOrder = (a, b) =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;

export const byTime: StampOrder = (a, b) => Date.parse(a) - Date.parse(b);

/**
 * Reads pages newest first from where the state says, until the mark, the
 * end, or a stop. `fetchPage('')` is the newest page. A throwing fetch stops
 * the sweep (its error is returned with reason 'error', or 'rate-limited'
 * when `isRateLimit` says so) and keeps what was read before it.
 */
export function sweepNewestFirst<T>(
  state: SweepState,
  fetchPage: (cursor: string) => SweepPage<T>,
  opts: {
    order: StampOrder;
    shouldStop: () => StopReason | null;
    isRateLimit: (e: unknown) => boolean;
  },
): SweepResult<T> {
  const items: T[] = [];
  let cursor = state.sweep?.cursor ?? '';
  let top = state.sweep?.top ?? '';
  let pages = 0;
  const newer = (stamp: string) =>
    !state.mark || opts.order(stamp, state.mark) > 0;
  const cut = (reason: StopReason, error?: unknown): SweepResult<T> => ({
    items,
    pages,
    stopped: {reason, error},
    // Nothing read yet in a fresh sweep: nothing to continue.
    state:
      top === ''
        ? {mark: state.mark}
        : {mark: state.mark, sweep: {cursor, top}},
  });
  for (;;) {
    const stop = opts.shouldStop();
    if (stop) return cut(stop);
    let page: SweepPage<T>;
    try {
      page = fetchPage(cursor);
    } catch (e) {
      return cut(opts.isRateLimit(e) ? 'rate-limited' : 'error', e);
    }
    pages++;
    let reachedMark = false;
    for (const item of page.items) {
      if (!top || opts.order(item.stamp, top) > 0) top = item.stamp;
      if (newer(item.stamp)) items.push(item.value);
      else reachedMark = true;
    }
    if (reachedMark || !page.next || !page.items.length) {
      return {
        items,
        pages,
        stopped: null,
        state: {mark: top || state.mark},
      };
    }
    cursor = page.next;
  }
}

export interface ForwardPage<T> {
  /** In any order; each with its (numeric id) stamp. */
  items: {stamp: string; value: T}[];
}

/**
 * Reads pages oldest first: each page starts after the newest stamp seen, so
 * the mark moves with every page and a stop loses nothing.
 */
export function sweepForward<T>(
  mark: string,
  fetchPage: (after: string) => ForwardPage<T>,
  opts: {
    shouldStop: () => StopReason | null;
    isRateLimit: (e: unknown) => boolean;
  },
): {
  items: T[];
  mark: string;
  pages: number;
  stopped: SweepResult<T>['stopped'];
} {
  const items: T[] = [];
  let pages = 0;
  for (;;) {
    const stop = opts.shouldStop();
    if (stop) return {items, mark, pages, stopped: {reason: stop}};
    let page: ForwardPage<T>;
    try {
      page = fetchPage(mark);
    } catch (e) {
      const reason = opts.isRateLimit(e) ? 'rate-limited' : 'error';
      return {items, mark, pages, stopped: {reason, error: e}};
    }
    pages++;
    const fresh = page.items.filter(i => byNumericId(i.stamp, mark) > 0);
    if (!fresh.length) return {items, mark, pages, stopped: null};
    for (const item of fresh) {
      items.push(item.value);
      if (byNumericId(item.stamp, mark) > 0) mark = item.stamp;
    }
  }
}

/** The X read budget: what this sync may still read this month. */
export interface ReadBudget {
  /** 'YYYY-MM' the monthly count belongs to. */
  month: string;
  usedThisMonth: number;
}

export function postsAllowed(
  budget: ReadBudget,
  month: string,
  perSync: number,
  perMonth: number,
  usedThisSync: number,
): number {
  const used = budget.month === month ? budget.usedThisMonth : 0;
  return Math.max(0, Math.min(perSync - usedThisSync, perMonth - used));
}
