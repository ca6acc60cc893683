/**
 * What a person types in Social CRM › Daily digest…: an hour to turn the
 * digest on ("7", "7 ana@example.org, sam@example.org"), "off", or "test".
 */
import {UserError} from './errors';

export type DigestAnswer =
  | {action: 'off'}
  | {action: 'test'}
  | {action: 'on'; hour: number; recipients: string[]};

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
/** MailApp refuses more than 50 recipients in one message. */
export const MAX_RECIPIENTS = 50;

/** Checks a recipient list; returns it trimmed and de-duplicated. */
export function checkRecipients(list: readonly string[]): string[] {
  const recipients = [...new Set(list.map(r => r.trim()).filter(Boolean))];
  const bad = recipients.filter(r => !EMAIL.test(r));
  if (bad.length) {
    throw new UserError(
      `"${bad[0]}" is not an email address. Separate addresses with commas.`,
    );
  }
  if (recipients.length > MAX_RECIPIENTS) {
    throw new UserError(
      `A digest can go to at most ${MAX_RECIPIENTS} people; you listed ${recipients.length}.`,
    );
  }
  return recipients;
}

export function checkHour(hour: number): number {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new UserError(
      `${hour} is not an hour of the day. Use a whole number from 0 (midnight) to 23.`,
    );
  }
  return hour;
}

export function parseDigestAnswer(text: string): DigestAnswer {
  const t = text.trim();
  if (/^off$/i.test(t)) return {action: 'off'};
  if (/^test$/i.test(t)) return {action: 'test'};
  const match = /^(\d{1,2})(?::00)?(?:\s*(h|am|pm)\b)?\s*(.*)$/i.exec(t);
  if (!match) {
    throw new UserError(
      `I could not read "${t}". Type an hour from 0 to 23 (like 7), "off" or "test".`,
    );
  }
  let hour = Number(match[1]);
  // Only the hour's own suffix: "12 sam@rpm.org" is noon, not midnight or 0 pm.
  const meridiem = match[2]?.toLowerCase();
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  return {
    action: 'on',
    hour: checkHour(hour),
    recipients: checkRecipients(match[3].split(/[,;\s]+/)),
  };
}
