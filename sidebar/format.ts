/** How the sidebar words and formats values. */

/** 'volunteer' → 'Volunteer', 'ask: give' → 'Ask: give'. */
export const capitalise = (text: string) =>
  text ? text.charAt(0).toUpperCase() + text.slice(1) : text;

// Worded as the server words its messages.
export {plural} from '../src/core/plural';

const SHORT_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 'YYYY-MM-DD' (a day in the spreadsheet's zone) → '27 Feb 2026'. */
export function dayText(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : SHORT_DATE.format(ms);
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO instant in the reader's own clock: '27 Feb, 08:30'. */
export function instantText(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : DATE_TIME.format(ms);
}

/** Score points with their sign: '+2.9', '−3', '0'. */
export function signed(points: number): string {
  const text = String(Math.abs(Math.round(points * 10) / 10));
  if (points > 0.04) return `+${text}`;
  if (points < -0.04) return `\u2212${text}`;
  return '0';
}

/** A number the way the sheet shows it: whuffie with one decimal. */
export const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
