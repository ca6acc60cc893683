/**
 * The "Reach out today" tab as rows: what the list shows, the hidden columns
 * a ticked Done needs (so onEdit can log it from the row alone), and how a
 * rebuild keeps the state of a list already made today: the same lines, in
 * the same order, with their Done and Snooze cells, plus anyone new.
 */
import {NETWORKS, Network} from './handles';
import {composeUrl, profileUrl} from './links';
import {lineKey, OutreachLine, OutreachPerson} from './outreach';
import {formatDay, parseCivilDate} from './dates';

export const TODAY_HEADERS = [
  '#',
  'Who',
  'Why',
  'Suggested action',
  'Profile',
  'Compose',
  'Done',
  'Snooze',
  'Key',
  'Log as',
  'Channel',
  'About',
  'Logged',
] as const;
export type TodayHeader = (typeof TODAY_HEADERS)[number];

/** 0-based column of a header. */
export const todayColumn = (header: TodayHeader) =>
  TODAY_HEADERS.indexOf(header);

/** Columns the person sees; the rest are hidden bookkeeping. */
export const VISIBLE_TODAY_COLUMNS = todayColumn('Snooze') + 1;

export const SNOOZE_CHOICES = ['1 day', '1 week', '1 month'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];
const SNOOZE_DAYS: Record<SnoozeChoice, number> = {
  '1 day': 1,
  '1 week': 7,
  '1 month': 30,
};

export type TodayCell = string | number | boolean;
export type TodayRow = TodayCell[];

/** The date ('YYYY-MM-DD') a snooze chosen today lasts until. */
export function snoozeUntil(today: string, choice: string): string | null {
  const days = SNOOZE_DAYS[choice as SnoozeChoice];
  const start = parseCivilDate(today);
  return days && start !== null ? formatDay(start + days) : null;
}

/** One link per network that gives one, a line each (a cell holds them all). */
function perNetwork(link: (network: Network) => string): string {
  return NETWORKS.map(link).filter(Boolean).join('\n');
}

function lineToRow(
  line: OutreachLine,
  person: OutreachPerson | undefined,
): TodayRow {
  const handle = (n: Network) => person?.handles[n];
  const profiles = perNetwork(n =>
    handle(n) ? profileUrl(n, handle(n)!) : '',
  );
  const compose = perNetwork(n =>
    line.compose[n] ? composeUrl(n, line.compose[n]!, handle(n)) : '',
  );
  return [
    line.priority,
    line.name,
    `${line.bucketLabel}: ${line.why}`,
    line.action,
    profiles,
    compose,
    false,
    '',
    lineKey(line),
    line.logKind,
    line.channel,
    line.event?.link ?? '',
    '',
  ];
}

/** The date of a row, from its key ('YYYY-MM-DD|id|bucket'). */
export function rowDate(row: readonly unknown[]): string {
  return String(row[todayColumn('Key')] ?? '').split('|')[0];
}

export function rowSupporter(row: readonly unknown[]): string {
  return String(row[todayColumn('Key')] ?? '').split('|')[1] ?? '';
}

/**
 * Today's rows: a list already made today keeps its rows (and their Done and
 * Snooze state) in order; people the fresh build adds come after them.
 * A list from another day is replaced.
 */
export function mergeToday(
  fresh: readonly OutreachLine[],
  people: ReadonlyMap<string, OutreachPerson>,
  previous: readonly TodayRow[],
  today: string,
): TodayRow[] {
  const kept = previous.filter(row => rowDate(row) === today);
  const present = new Set(kept.map(rowSupporter));
  const added = fresh
    .filter(line => !present.has(line.supporterId))
    .map(line => lineToRow(line, people.get(line.supporterId)));
  return [...kept, ...added].map((row, i) => {
    const copy = [...row];
    copy[todayColumn('#')] = i + 1;
    return copy;
  });
}
