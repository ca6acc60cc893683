/** Which supporters a sidebar action is for: selected rows or Supporter IDs. */
import fc from 'fast-check';
import type {RowSpan} from '../../src/api';
import {UserError} from '../../src/core/errors';
import type {SupporterIdentity} from '../../src/core/handles';
import {
  mergeSpans,
  resolveTarget,
  spansText,
  supportersIn,
} from '../../src/core/targets';

const rowsOf = (spans: readonly RowSpan[]) => {
  const rows = new Set<number>();
  for (const s of spans) for (let r = s.first; r <= s.last; r++) rows.add(r);
  return [...rows].sort((a, b) => a - b);
};

const span = fc
  .tuple(fc.integer({min: 1, max: 60}), fc.integer({min: 0, max: 8}))
  .map(([first, more]) => ({first, last: first + more}));

test('merged spans cover the same rows, in order, with a gap between each two', () => {
  fc.assert(
    fc.property(fc.array(span, {maxLength: 12}), spans => {
      const merged = mergeSpans(spans);
      expect(rowsOf(merged)).toEqual(rowsOf(spans));
      for (let i = 1; i < merged.length; i++) {
        expect(merged[i].first).toBeGreaterThan(merged[i - 1].last + 1);
      }
    }),
  );
});

test('the spans of a selection read as rows and ranges', () => {
  expect(
    spansText(
      mergeSpans([
        {first: 7, last: 9},
        {first: 3, last: 3},
        {first: 10, last: 12},
      ]),
    ),
  ).toBe('3,7-12');
});

const people: SupporterIdentity[] = [
  {row: 2, id: 'S-A', name: 'Ada'},
  {row: 3, id: 'S-B', name: 'Bo'},
  {row: 5, name: 'Cy (no id yet)'},
];

test('selected rows name the supporters on them, each once, in sheet order', () => {
  const rows = {
    rows: [
      {first: 5, last: 6},
      {first: 1, last: 2},
      {first: 2, last: 2},
    ],
  };
  expect(resolveTarget(people, rows).map(p => p.name)).toEqual([
    'Ada',
    'Cy (no id yet)',
  ]);
  expect(supportersIn(people, [{first: 3, last: 4}])).toEqual([people[1]]);
});

test('Supporter IDs name supporters even after a sort, each once', () => {
  expect(
    resolveTarget(people, {ids: ['S-B', 'S-A', 'S-B']}).map(p => p.id),
  ).toEqual(['S-A', 'S-B']);
});

test('an id no longer in the tracker, or rows without supporters, say what to do', () => {
  expect(() => resolveTarget(people, {ids: ['S-GONE']})).toThrow(
    /can't find the supporter S-GONE.*Select their row again/,
  );
  expect(() => resolveTarget(people, {rows: [{first: 9, last: 9}]})).toThrow(
    new UserError('Select at least one supporter row first.'),
  );
});
