/** A log event for core tests: the fields a test names, plain defaults for the rest. */
import {valueClassOf, type Direction} from '../../src/core/kinds';
import type {Interaction} from '../../src/core/model';

export function interaction(
  when: Date,
  supporterId: string,
  direction: Direction,
  kind: string,
  more: Partial<Interaction> = {},
): Interaction {
  return {
    when,
    supporterId,
    direction,
    kind,
    channel: 'x',
    valueClass: valueClassOf(direction, kind),
    amount: null,
    note: '',
    link: '',
    source: 'manual',
    eventId: '',
    ...more,
  };
}
