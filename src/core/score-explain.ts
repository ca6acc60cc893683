/** "Why 56?": the parts of a supporter's scores and the events behind them. */
import type {ExplainLine, ScoresView} from '../api';
import {dayNumber, daysAgo} from './dates';
import {interactionLabel} from './interaction-labels';
import {plural} from './plural';
import type {Contribution, SupporterScore} from './scoring';

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

function contributionLine(
  c: Contribution,
  today: number,
  timeZone: string,
): ExplainLine {
  const age = today - dayNumber(c.event.when, timeZone);
  return {
    text: `${interactionLabel(c.event.direction, c.event.kind)}, ${daysAgo(age)}`,
    points: oneDecimal(c.points),
    detail: true,
  };
}

/** The scores with their explanation; `today` is a day number in `timeZone`. */
export function scoresView(
  score: SupporterScore,
  today: number,
  timeZone: string,
): ScoresView {
  const {engagement, replyRate, recency} = score.explain.responsiveness;
  const line = (text: string, points: number): ExplainLine => ({
    text,
    points: oneDecimal(points),
    detail: false,
  });
  const pending = replyRate.pending ? ` (${replyRate.pending} still open)` : '';
  const responsiveness: ExplainLine[] = [
    line(
      engagement.events
        ? `Their engagement: ${plural(engagement.events, 'action')}, recent ones count most`
        : 'Their engagement: none yet',
      engagement.points,
    ),
    ...engagement.top.map(c => contributionLine(c, today, timeZone)),
    line(
      `Answers to our outreach: ${replyRate.answered} of ${replyRate.outreach}${pending}`,
      replyRate.points,
    ),
    line(
      recency.daysSinceLastInbound === null
        ? 'Recency: they have not engaged yet'
        : `Recency: last engaged ${daysAgo(recency.daysSinceLastInbound)}`,
      recency.points,
    ),
  ];
  const {top, events} = score.explain.whuffie;
  const shown = top.reduce((sum, c) => sum + c.points, 0);
  const whuffie: ExplainLine[] = top.map(c => ({
    ...contributionLine(c, today, timeZone),
    detail: false,
  }));
  if (events > top.length) {
    whuffie.push(
      line(plural(events - top.length, 'other event'), score.whuffie - shown),
    );
  }
  return {
    responsiveness: score.responsiveness,
    band: score.band,
    whuffie: score.whuffie,
    level: score.level,
    readyToAsk: score.readyToAsk,
    owedThanks: score.owedThanks.count,
    replyOwed: score.replyOwed.count,
    why: {responsiveness, whuffie, readyToAsk: score.whyNotReady},
  };
}
