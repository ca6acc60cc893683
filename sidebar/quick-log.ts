/**
 * The Log panel's one-click events. Plain data (no DOM), so the bundle test
 * can check that the server accepts every one and words it the same way in
 * the supporter's history.
 */
import type {Direction} from '../src/api';

export interface QuickLog {
  label: string;
  direction: Direction;
  kind: string;
}

export const THEY: readonly QuickLog[] = [
  {label: 'They retweeted us', direction: 'inbound', kind: 'retweet'},
  {label: 'They replied', direction: 'inbound', kind: 'reply'},
  {label: 'They mentioned us', direction: 'inbound', kind: 'mention'},
  {label: 'They asked a question', direction: 'inbound', kind: 'question'},
  {label: 'They liked our post', direction: 'inbound', kind: 'like'},
  {label: 'They volunteered', direction: 'inbound', kind: 'volunteered'},
];

export const WE: readonly QuickLog[] = [
  {label: 'We thanked them', direction: 'outbound', kind: 'thanks'},
  {label: 'We retweeted them', direction: 'outbound', kind: 'retweet'},
  {label: 'Birthday wish', direction: 'outbound', kind: 'birthday wish'},
  {
    label: 'Asked for feedback',
    direction: 'outbound',
    kind: 'feedback request',
  },
  {label: 'We answered them', direction: 'outbound', kind: 'answer'},
  {label: 'We checked in', direction: 'outbound', kind: 'check-in'},
];

export const ASKS: readonly QuickLog[] = [
  {label: 'to share', direction: 'outbound', kind: 'ask: share'},
  {label: 'to act', direction: 'outbound', kind: 'ask: act'},
  {label: 'to volunteer', direction: 'outbound', kind: 'ask: volunteer'},
  {label: 'to give', direction: 'outbound', kind: 'ask: give'},
];

/** "Donation…": logged with the amount typed beside it. */
export const DONATION: QuickLog = {
  label: 'They donated',
  direction: 'inbound',
  kind: 'donation',
};
