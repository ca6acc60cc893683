/**
 * The sidebar's two live regions: a polite status line ("Saved", "Logged …")
 * and an alert for failures. Screen readers announce both; the alert stays
 * until the next action succeeds or the user dismisses it.
 */
import {byId, el, fill} from './dom';

let statusTimer: number | undefined;

export function announce(message: string): void {
  clearError();
  const status = byId('status');
  window.clearTimeout(statusTimer);
  fill(status, message);
  statusTimer = window.setTimeout(() => fill(status), 6000);
}

export function showError(message: string): void {
  window.clearTimeout(statusTimer);
  fill(byId('status'));
  const box = byId('error');
  fill(
    box,
    el('span', {className: 'error-text'}, message),
    el(
      'button',
      {
        className: 'icon-button',
        attrs: {type: 'button', 'aria-label': 'Dismiss message'},
        on: {click: clearError},
      },
      '×',
    ),
  );
  box.hidden = false;
}

function clearError(): void {
  const box = byId('error');
  fill(box);
  box.hidden = true;
}
