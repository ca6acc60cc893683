/// <reference lib="dom" />
/**
 * Sheets' own dialogs: Ui.alert and Ui.prompt as modal boxes the person
 * answers (or, for what was already answered, simply reads), and toasts in
 * the bottom-right corner.
 */
import type {Answer, Question, ShownDialog, ToastView} from '../protocol';
import {byId, closeButton, el} from './dom';

const BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

const LABELS: Record<string, string> = {
  OK: 'OK',
  CANCEL: 'Cancel',
  YES: 'Yes',
  NO: 'No',
};

/** Shows an alert or prompt and resolves with what the person picked. */
export function ask(question: Question): Promise<Answer> {
  const dialog = byId<HTMLDialogElement>('ask');
  const buttons = BUTTONS[question.buttons] ?? ['OK'];
  const input =
    question.kind === 'prompt'
      ? el('input', {
          className: 'prompt-input',
          attrs: {
            type: 'text',
            'aria-label': 'Your answer',
            autocomplete: 'off',
          },
        })
      : null;
  return new Promise(resolve => {
    const finish = (button: string) => {
      dialog.close();
      const answer: Answer = {kind: question.kind, button};
      if (input) answer.text = button === 'CLOSE' ? '' : input.value;
      resolve(answer);
    };
    const close = closeButton('dialog-close', 'Close', () => finish('CLOSE'));
    const actions = el(
      'div',
      {className: 'dialog-actions'},
      // Sheets puts the affirmative button last, on the right.
      ...[...buttons].reverse().map((button, i, all) =>
        el('button', {
          className: i === all.length - 1 ? 'primary' : '',
          text: LABELS[button] ?? button,
          attrs: {type: 'button', 'data-button': button},
          on: {click: () => finish(button)},
        }),
      ),
    );
    dialog.replaceChildren(
      close,
      question.title
        ? el('h2', {text: question.title, attrs: {id: 'ask-title'}})
        : '',
      el('p', {
        className: 'dialog-message',
        text: question.prompt,
        attrs: {id: 'ask-message'},
      }),
      input ?? '',
      actions,
    );
    dialog.setAttribute(
      'aria-labelledby',
      question.title ? 'ask-title' : 'ask-message',
    );
    dialog.oncancel = e => {
      e.preventDefault();
      finish('CLOSE');
    };
    input?.addEventListener('keydown', e => {
      if (e.key === 'Enter') {
        e.preventDefault();
        finish(buttons[0]);
      }
    });
    dialog.showModal();
    (input ?? (actions.lastElementChild as HTMLElement)).focus();
  });
}

/** Shows, one after the other, dialogs that were already answered. */
export async function showNotices(notices: ShownDialog[]): Promise<void> {
  for (const notice of notices) {
    const prompt =
      notice.kind === 'alert' && notice.buttons === 'OK'
        ? notice.prompt
        : `${notice.prompt}\n\n(The playground answered ${
            notice.kind === 'alert'
              ? notice.answer
              : `${notice.button} "${notice.text}"`
          } for you: the add-on showed this from the sidebar, which waits for its answer.)`;
    await ask({kind: 'alert', title: notice.title, prompt, buttons: 'OK'});
  }
}

let toastsSeen = -1;

/** Shows the toasts (since the page opened the file) it has not shown yet. */
export function showToasts(toasts: ToastView[]): void {
  for (const toast of toasts) {
    if (toast.seq <= toastsSeen) continue;
    notify(toast.message, toast.title, toast.timeoutSeconds);
    toastsSeen = toast.seq;
  }
}

/** A toast: seconds < 0 stays until closed, like Spreadsheet.toast. */
export function notify(
  message: string,
  title = '',
  seconds = 5,
  error = false,
): void {
  const box = byId('toasts');
  const toast = el(
    'div',
    {
      className: error ? 'toast error' : 'toast',
      attrs: {role: error ? 'alert' : 'status'},
    },
    title ? el('div', {className: 'toast-title', text: title}) : '',
    el('div', {className: 'toast-message', text: message}),
  );
  toast.append(closeButton('toast-close', 'Dismiss', () => toast.remove()));
  box.append(toast);
  if (seconds >= 0)
    setTimeout(() => toast.remove(), Math.max(seconds, 2) * 1000);
}
