/**
 * What goes into the daily digest besides today's list, gathered from the
 * scores, the log and the New people sheet: birthdays in the next 7 days, new
 * engagement since yesterday, the people not in the tracker who engaged since
 * yesterday, and people who moved band since the last daily run.
 */
import {dayNumber, daysUntilBirthday, formatDay, parseBirthday} from './dates';
import {
  DigestBandMove,
  DigestBirthday,
  DigestEngagement,
  DigestNewBeliever,
} from './digest';
import {Interaction} from './model';
import {extractInterest, OutreachPerson} from './outreach';
import {SupporterScore} from './scoring';
import {mostEngagedFirst, NewPerson} from './sync/matching';

export interface DigestExtras {
  birthdays: DigestBirthday[];
  engagement: DigestEngagement[];
  newBelievers: DigestNewBeliever[];
  bandMoves: DigestBandMove[];
}

/** "Birthdays this week": today and the 7 days after. */
const BIRTHDAY_DAYS = 7;

export function digestExtras(input: {
  people: ReadonlyMap<string, OutreachPerson>;
  scores: Iterable<SupporterScore>;
  events: readonly Interaction[];
  /** The New people sheet's rows, as parseNewPeople reads them. */
  newPeople: readonly NewPerson[];
  now: Date;
  timeZone: string;
}): DigestExtras {
  const {people, now, timeZone} = input;
  const today = dayNumber(now, timeZone);
  const birthdays: DigestBirthday[] = [];
  for (const person of people.values()) {
    if (person.doNotContact) continue;
    const birthday = parseBirthday(person.birthday, timeZone);
    if (!birthday) continue;
    const inDays = daysUntilBirthday(birthday, today);
    if (inDays > BIRTHDAY_DAYS) continue;
    const found = extractInterest(person.interestNotes);
    const interest = found ? `${found.verb} ${found.what}` : '';
    birthdays.push({
      name: person.name,
      date: formatDay(today + inDays),
      inDays,
      ...(interest ? {interest} : {}),
    });
  }
  birthdays.sort((a, b) => a.inDays - b.inDays || a.name.localeCompare(b.name));

  // "Since yesterday": the daily run comes once a day, so the last 24 hours
  // are what the previous digest could not show yet.
  const since = now.getTime() - 24 * 3600 * 1000;
  // Do-not-contact people are left out of the digest entirely.
  const contactable = (id: string) => !people.get(id)?.doNotContact;
  const engagement = input.events
    .filter(
      e =>
        e.direction === 'inbound' &&
        e.when.getTime() > since &&
        contactable(e.supporterId),
    )
    .sort((a, b) => b.when.getTime() - a.when.getTime())
    .map(e => ({
      name: people.get(e.supporterId)?.name ?? e.supporterId,
      kind: e.kind,
      when: e.when.toISOString(),
      note: e.note,
      link: e.link,
      channel: e.channel,
    }));

  // Engaged in the same window, most engaged first; the ones added or matched
  // from the sheet are in the tracker already.
  const newBelievers = input.newPeople
    .filter(p => !p.handled && p.lastSeen.getTime() > since)
    .sort(mostEngagedFirst)
    .map(({person, reposts, conversations, likes, follows}) => ({
      name: person.name,
      handle: person.handle,
      network: person.network,
      profileUrl: person.profileUrl,
      reposts,
      conversations,
      likes,
      follows,
    }));

  const bandMoves: DigestBandMove[] = [];
  for (const score of input.scores) {
    if (!score.bandMoved || !score.previousBand || !contactable(score.id)) {
      continue;
    }
    bandMoves.push({
      name: people.get(score.id)?.name ?? score.id,
      from: score.previousBand,
      to: score.band,
      responsiveness: score.responsiveness,
    });
  }
  return {birthdays, engagement, newBelievers, bandMoves};
}
