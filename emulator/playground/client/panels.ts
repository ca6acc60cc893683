/// <reference lib="dom" />
/**
 * The playground's own side panel: the emails the add-on sent (open one to
 * read it as the recipient would) and the executions log.
 */
import type {ExecutionView, MailSummary, MailView} from '../protocol';
import {byId, closeButton, el} from './dom';

const time = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }) + ' UTC';

export class SidePanel {
  private readonly panel = byId('side-panel');
  private tab: 'mail' | 'executions' = 'mail';
  private mail: MailSummary[] = [];
  private executions: ExecutionView[] = [];

  constructor(private readonly openMail: (seq: number) => Promise<MailView>) {
    byId('mail-button').addEventListener('click', () => this.toggle('mail'));
    byId('side-close').addEventListener('click', () => this.hide());
    for (const tab of ['mail', 'executions'] as const) {
      byId(`tab-${tab}`).addEventListener('click', () => this.show(tab));
    }
  }

  toggle(tab: 'mail' | 'executions'): void {
    if (!this.panel.hidden && this.tab === tab) this.hide();
    else this.show(tab);
  }

  show(tab: 'mail' | 'executions'): void {
    this.tab = tab;
    this.panel.hidden = false;
    byId('mail-button').setAttribute('aria-expanded', 'true');
    this.draw();
  }

  hide(): void {
    this.panel.hidden = true;
    byId('mail-button').setAttribute('aria-expanded', 'false');
  }

  update(mail: MailSummary[], executions: ExecutionView[]): void {
    const changed =
      mail.length !== this.mail.length ||
      executions[executions.length - 1]?.seq !==
        this.executions[this.executions.length - 1]?.seq;
    this.mail = mail;
    this.executions = executions;
    byId('mail-count').textContent = String(mail.length);
    if (changed && !this.panel.hidden) this.draw();
  }

  private draw(): void {
    for (const tab of ['mail', 'executions'] as const) {
      byId(`tab-${tab}`).setAttribute(
        'aria-selected',
        String(tab === this.tab),
      );
    }
    const list = byId('side-list');
    if (this.tab === 'mail') {
      list.replaceChildren(
        ...(this.mail.length
          ? [...this.mail].reverse().map(m =>
              el(
                'button',
                {
                  className: 'mail-item',
                  attrs: {type: 'button'},
                  dataset: {seq: String(m.seq)},
                  on: {click: () => void this.read(m.seq)},
                },
                el('span', {
                  className: 'mail-subject',
                  text: m.subject || '(no subject)',
                }),
                el('span', {className: 'mail-to', text: `To: ${m.to}`}),
                el('span', {className: 'mail-at', text: time(m.at)}),
              ),
            )
          : [
              el('p', {
                className: 'empty',
                text: 'No email sent yet. MailApp messages the add-on sends land here instead of anyone’s inbox.',
              }),
            ]),
      );
      return;
    }
    list.replaceChildren(
      ...[...this.executions].reverse().map(e =>
        el(
          'div',
          {className: e.ok ? 'execution' : 'execution failed'},
          el('span', {className: 'execution-fn', text: e.fn}),
          el('span', {
            className: 'execution-kind',
            text: `${e.kind} · ${e.ok ? 'completed' : 'failed'} · ${e.ms} ms`,
          }),
          e.error
            ? el('span', {className: 'execution-error', text: e.error})
            : '',
        ),
      ),
    );
  }

  /** Opens one email in a dialog: headers as text, the HTML body in a frame that runs no script. */
  private async read(seq: number): Promise<void> {
    const mail = await this.openMail(seq);
    const dialog = byId<HTMLDialogElement>('mail-dialog');
    const header = (label: string, value?: string) =>
      value
        ? el(
            'div',
            {className: 'mail-header'},
            el('span', {text: label}),
            el('span', {text: value}),
          )
        : '';
    const body = mail.htmlBody
      ? el('iframe', {
          className: 'mail-body',
          attrs: {sandbox: '', title: `Email: ${mail.subject}`},
        })
      : el('pre', {className: 'mail-body text', text: mail.body});
    if (body instanceof HTMLIFrameElement) body.srcdoc = mail.htmlBody ?? '';
    dialog.replaceChildren(
      closeButton('dialog-close', 'Close', () => dialog.close()),
      el('h2', {text: mail.subject || '(no subject)'}),
      header('From', mail.name ? `${mail.name} <${mail.from}>` : mail.from),
      header('To', mail.to),
      header('Cc', mail.cc),
      header('Bcc', mail.bcc),
      header('Reply-To', mail.replyTo),
      header('Sent', time(mail.at)),
      body,
    );
    dialog.showModal();
  }
}
