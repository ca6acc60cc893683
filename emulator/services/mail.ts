import {exception} from '../exception';
import {SERVICE_NAME} from '../realm';
import type {ServiceContext} from './context';

export interface SentMail {
  from: string;
  to: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  at: Date;
}

interface MailOptions {
  to?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  noReply?: boolean;
}

const MAX_RECIPIENTS_PER_MESSAGE = 50;
const EMAIL_QUOTA_EXCEEDED =
  'Service invoked too many times for one day: email.';

const ADDRESS = /^[^@\s<>",;]+@[^@\s<>",;]+\.[^@\s<>",;]+$/;

/** The addresses in a comma-separated list; "Name <a@b.org>" counts as a@b.org. */
function addresses(list: string | undefined): string[] {
  if (!list) return [];
  return String(list)
    .split(',')
    .map(part => part.trim())
    .filter(part => part !== '')
    .map(part => /<([^>]+)>/.exec(part)?.[1]?.trim() ?? part);
}

/**
 * `MailApp`: messages are captured (Emulator.mail), not sent. The daily
 * quota counts recipients, not messages (100 a day for consumer accounts),
 * and resets 24 h after first use; one message takes at most 50 recipients.
 */
export class MailApp {
  readonly [SERVICE_NAME] = 'MailApp';

  constructor(private readonly ctx: ServiceContext) {}

  /** sendEmail(message) · sendEmail(to, subject, body) · sendEmail(to, subject, body, options) */
  sendEmail(...args: unknown[]): void {
    this.ctx.require('mail', 'MailApp.sendEmail');
    const message: MailOptions =
      args.length === 1 && typeof args[0] === 'object' && args[0] !== null
        ? (args[0] as MailOptions)
        : {
            ...((args[3] as MailOptions | undefined) ?? {}),
            to: args[0] as string,
            subject: args[1] as string,
            body: args[2] as string,
          };
    const recipients = [
      ...addresses(message.to),
      ...addresses(message.cc),
      ...addresses(message.bcc),
    ];
    if (recipients.length === 0)
      throw exception('Failed to send email: no recipient');
    for (const address of recipients) {
      if (!ADDRESS.test(address)) throw exception(`Invalid email: ${address}`);
    }
    if (recipients.length > MAX_RECIPIENTS_PER_MESSAGE) {
      throw exception('Limit Exceeded: Email Recipients Per Message.');
    }
    const user = this.ctx.execution().spec.user;
    const now = this.ctx.clock.nowMs();
    if (recipients.length > this.remaining(user, now))
      throw exception(EMAIL_QUOTA_EXCEEDED);
    this.ctx.quotas.take(quotaKey(user), recipients.length, now);
    const sent: SentMail = {
      from: user,
      to: message.to === undefined ? '' : String(message.to),
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      at: this.ctx.clock.now(),
    };
    for (const key of ['cc', 'bcc', 'replyTo', 'name', 'htmlBody'] as const) {
      if (message[key] !== undefined) sent[key] = String(message[key]);
    }
    this.ctx.mail.push(sent);
  }

  getRemainingDailyQuota(): number {
    this.ctx.require('mail', 'MailApp.getRemainingDailyQuota');
    return this.remaining(
      this.ctx.execution().spec.user,
      this.ctx.clock.nowMs(),
    );
  }

  private remaining(user: string, now: number): number {
    return this.ctx.quotas.remaining(
      quotaKey(user),
      this.ctx.limits.mailRecipientsPerDay,
      now,
    );
  }
}

const quotaKey = (user: string) => `email:${user}`;
