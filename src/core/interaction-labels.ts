/** What an event is called in the sidebar: the words of the Log buttons. */
import type {Direction} from '../api';

const INTERACTION_LABELS: Record<string, string> = {
  'inbound like': 'They liked our post',
  'inbound follow': 'They followed us',
  'inbound reply': 'They replied',
  'inbound mention': 'They mentioned us',
  'inbound question': 'They asked a question',
  'inbound retweet': 'They retweeted us',
  'inbound quote': 'They quoted us',
  'inbound message': 'They messaged us',
  'inbound volunteered': 'They volunteered',
  'inbound signed': 'They signed',
  'inbound attended': 'They attended',
  'inbound defended us': 'They defended us',
  'inbound donation': 'They donated',
  'inbound membership': 'They joined',
  'outbound like': 'We liked their post',
  'outbound follow': 'We followed them',
  'outbound reply': 'We replied',
  'outbound mention': 'We mentioned them',
  'outbound retweet': 'We retweeted them',
  'outbound quote': 'We quoted them',
  'outbound message': 'We messaged them',
  'outbound thanks': 'We thanked them',
  'outbound answer': 'We answered them',
  'outbound birthday wish': 'Birthday wish',
  'outbound feedback request': 'Asked for feedback',
  'outbound introduction': 'We introduced them',
  'outbound check-in': 'We checked in',
  'outbound ask: share': 'Asked them to share',
  'outbound ask: act': 'Asked them to act',
  'outbound ask: volunteer': 'Asked them to volunteer',
  'outbound ask: give': 'Asked them to give',
};

export function interactionLabel(direction: Direction, kind: string): string {
  return (
    INTERACTION_LABELS[`${direction} ${kind}`] ??
    `${direction === 'inbound' ? 'They' : 'We'}: ${kind}`
  );
}
