import fc from 'fast-check';
import {
  byNumericId,
  postsAllowed,
  SweepState,
  StopReason,
  sweepForward,
  sweepNewestFirst,
} from '../../src/core/sync/cursors';

const never = () => null;
const rateLimit = new Error('429');
const opts = {
  order: byNumericId,
  shouldStop: never as () => StopReason | null,
  isRateLimit: (e: unknown) => e === rateLimit,
};

/**
 * A feed served newest first, `size` a page. Like Bluesky's and X's, the
 * cursor names the last item read (not an offset), so new arrivals at the
 * top do not shift the pages a sweep continues with.
 */
function feed(ids: number[], size: number, failAt = new Set<number>()) {
  let call = 0;
  return (cursor: string) => {
    if (failAt.has(call++)) throw rateLimit;
    const older = [...ids]
      .sort((a, b) => b - a)
      .filter(id => !cursor || id < Number(cursor));
    const page = older.slice(0, size);
    return {
      items: page.map(id => ({stamp: String(id), value: id})),
      next: older.length > size ? String(page[page.length - 1]) : '',
    };
  };
}

describe('newest-first sweeps', () => {
  test('a first sweep reads to the end and sets the mark to the newest', () => {
    const result = sweepNewestFirst({mark: ''}, feed([1, 2, 3, 4, 5], 2), opts);
    expect(result.items).toEqual([5, 4, 3, 2, 1]);
    expect(result.state).toEqual({mark: '5'});
    expect(result.pages).toBe(3);
  });

  test('a later sweep stops at the mark', () => {
    const result = sweepNewestFirst(
      {mark: '3'},
      feed([1, 2, 3, 4, 5, 6], 2),
      opts,
    );
    expect(result.items).toEqual([6, 5, 4]);
    expect(result.pages).toBe(2);
    expect(result.state).toEqual({mark: '6'});
  });

  test('a 429 keeps the cursor and the newest stamp; the mark stays', () => {
    const first = sweepNewestFirst(
      {mark: ''},
      feed([1, 2, 3, 4, 5], 2, new Set([1])),
      opts,
    );
    expect(first.items).toEqual([5, 4]);
    expect(first.stopped?.reason).toBe('rate-limited');
    expect(first.state).toEqual({mark: '', sweep: {cursor: '4', top: '5'}});
    const second = sweepNewestFirst(
      first.state,
      feed([1, 2, 3, 4, 5], 2),
      opts,
    );
    expect(second.items).toEqual([3, 2, 1]);
    expect(second.state).toEqual({mark: '5'});
  });

  test('the time limit stops before the next page', () => {
    let pages = 0;
    const result = sweepNewestFirst({mark: ''}, feed([1, 2, 3, 4], 1), {
      ...opts,
      shouldStop: () => (pages++ >= 2 ? 'time' : null),
    });
    expect(result.items).toEqual([4, 3]);
    expect(result.stopped).toEqual({reason: 'time', error: undefined});
  });

  test('however runs are cut and events arrive, every event is read exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({min: 1, max: 6}), {minLength: 1, maxLength: 6}),
        fc.integer({min: 1, max: 4}),
        fc.array(fc.boolean(), {minLength: 30, maxLength: 30}),
        (arrivals, size, failures) => {
          let next = 1;
          const ids: number[] = [];
          const read: number[] = [];
          let state: SweepState = {mark: ''};
          let f = 0;
          const run = () => {
            const failAt = new Set(
              [0, 1, 2, 3].filter(() => failures[f++ % failures.length]),
            );
            const result = sweepNewestFirst(
              state,
              feed(ids, size, failAt),
              opts,
            );
            read.push(...result.items);
            state = result.state;
          };
          for (const count of arrivals) {
            for (let i = 0; i < count; i++) ids.push(next++);
            run();
          }
          // Enough clean runs afterwards always catch up.
          for (let i = 0; i < 20; i++) {
            const result = sweepNewestFirst(state, feed(ids, size), opts);
            read.push(...result.items);
            state = result.state;
          }
          expect([...read].sort((a, b) => a - b)).toEqual(ids);
        },
      ),
    );
  });
});

describe('forward sweeps (Mastodon min_id)', () => {
  const pages = (ids: number[], size: number) => (after: string) => ({
    items: ids
      .filter(id => id > Number(after || 0))
      .slice(0, size)
      .map(id => ({stamp: String(id), value: id})),
  });

  test('the mark moves page by page and a stop loses nothing', () => {
    let calls = 0;
    const cut = sweepForward('', pages([1, 2, 3, 4, 5], 2), {
      shouldStop: () => (calls++ >= 2 ? 'time' : null),
      isRateLimit: () => false,
    });
    expect(cut).toMatchObject({items: [1, 2, 3, 4], mark: '4'});
    const rest = sweepForward(cut.mark, pages([1, 2, 3, 4, 5], 2), {
      shouldStop: never,
      isRateLimit: () => false,
    });
    expect(rest).toMatchObject({items: [5], mark: '5', stopped: null});
  });
});

describe('ids and budgets', () => {
  test('ids longer than 2^53 compare exactly', () => {
    expect(byNumericId('1895000000000000007', '1895000000000000006')).toBe(1);
    expect(byNumericId('999', '1000')).toBeLessThan(0);
  });

  test('the X budget is the smaller of what is left this sync and this month', () => {
    const budget = {month: '2026-03', usedThisMonth: 990};
    expect(postsAllowed(budget, '2026-03', 100, 1000, 0)).toBe(10);
    expect(postsAllowed(budget, '2026-04', 100, 1000, 30)).toBe(70);
    expect(postsAllowed(budget, '2026-03', 100, 900, 0)).toBe(0);
  });
});
