/**
 * Which supporters a sidebar action is for: the tracker rows the user has
 * selected (spans of sheet rows), or the Supporter IDs the sidebar shows.
 */
import type {RowSpan, SupporterTarget} from '../api';
import {UserError} from './errors';
import type {SupporterIdentity} from './handles';

/** Sorted, overlapping and touching spans merged. */
export function mergeSpans(spans: readonly RowSpan[]): RowSpan[] {
  const sorted = [...spans].sort((a, b) => a.first - b.first);
  const merged: RowSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.first <= last.last + 1) {
      last.last = Math.max(last.last, span.last);
    } else {
      merged.push({...span});
    }
  }
  return merged;
}

/** "3,5-7": the rows, as the selection's key names them. */
export const spansText = (spans: readonly RowSpan[]) =>
  spans
    .map(s => (s.first === s.last ? String(s.first) : `${s.first}-${s.last}`))
    .join(',');

const inSpans = (row: number, spans: readonly RowSpan[]) =>
  spans.some(s => row >= s.first && row <= s.last);

/** The supporters on the rows of `spans`, in sheet order. */
export function supportersIn(
  supporters: readonly SupporterIdentity[],
  spans: readonly RowSpan[],
): SupporterIdentity[] {
  return supporters.filter(s => inSpans(s.row!, spans));
}

/** The supporters a target names, each once, in sheet order. */
export function resolveTarget(
  supporters: readonly SupporterIdentity[],
  wanted: SupporterTarget,
): SupporterIdentity[] {
  let people: SupporterIdentity[];
  if ('ids' in wanted) {
    const byId = new Map(supporters.filter(s => s.id).map(s => [s.id!, s]));
    people = wanted.ids.map(id => {
      const who = byId.get(id);
      if (!who) {
        throw new UserError(
          `I can't find the supporter ${id} in the tracker any more (was the row deleted, or the Supporter ID edited?). Select their row again.`,
        );
      }
      return who;
    });
  } else {
    people = supportersIn(supporters, mergeSpans(wanted.rows));
  }
  people = [...new Set(people)].sort((a, b) => a.row! - b.row!);
  if (!people.length) {
    throw new UserError('Select at least one supporter row first.');
  }
  return people;
}
