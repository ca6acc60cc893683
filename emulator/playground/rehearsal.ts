/**
 * Alerts and prompts the person in the browser answers.
 *
 * In Sheets, `ui.prompt()` blocks the script until the user answers. The
 * emulator runs a script synchronously and takes answers from a queue given
 * up front, and an execution cannot be paused or undone halfway (it may have
 * written cells or sent mail before it asks). So a menu click is first
 * REHEARSED on a throwaway copy of the emulator — built from the same
 * snapshot the CLI chains runs with (toWorkbook + exportState) — to learn
 * which question the item asks next. The page shows that question, and the
 * click is rehearsed again with the answers so far, until nothing is left to
 * ask. Then the item runs ONCE, for real, with every answer: the playground's
 * emulator sees one execution, as Sheets would. Alerts with only an OK
 * button ask nothing; they are answered OK and shown to the person in order.
 *
 * This relies on an execution asking the same questions when it starts from
 * the same state with the same answers, which holds for anything that does
 * not ask differently by chance or by wall-clock time. A rehearsal also
 * performs the item's UrlFetch calls (the copy's mail and writes are
 * discarded).
 */
import {Emulator} from '../index';
import type {UiLog} from '../services/ui';
import type {Answer, Question, ShownDialog} from './protocol';

/** Observes the alerts and prompts `body` shows, in the order it shows them. */
export function observeDialogs(
  emu: Emulator,
  body: () => unknown,
): {shown: ShownDialog[]; value?: unknown; error?: unknown} {
  const ui: UiLog = emu.ui;
  const order: ShownDialog['kind'][] = [];
  // The UI log keeps alerts and prompts apart; which came first is only
  // visible while they are pushed.
  const watch = (list: unknown[], kind: ShownDialog['kind']) =>
    Object.defineProperty(list, 'push', {
      configurable: true,
      value: (...items: never[]) => {
        order.push(...items.map(() => kind));
        return Array.prototype.push.apply(list, items);
      },
    });
  const from = {alerts: ui.alerts.length, prompts: ui.prompts.length};
  watch(ui.alerts, 'alert');
  watch(ui.prompts, 'prompt');
  let value: unknown;
  let error: unknown;
  let failed = false;
  try {
    value = body();
  } catch (thrown) {
    failed = true;
    error = thrown;
  } finally {
    delete (ui.alerts as {push?: unknown}).push;
    delete (ui.prompts as {push?: unknown}).push;
  }
  const alerts = ui.alerts.slice(from.alerts);
  const prompts = ui.prompts.slice(from.prompts);
  const shown = order.map((kind): ShownDialog => {
    if (kind === 'alert') return {kind, ...alerts.shift()!};
    return {kind, ...prompts.shift()!};
  });
  return failed ? {shown, error} : {shown, value};
}

/** The user the emulator runs as (who owns user properties and triggers). */
function userOf(emu: Emulator): string {
  // Emulator keeps its user private, and a rehearsal as anyone else could
  // ask other questions (user properties differ), so it is read here.
  const user: unknown = (emu as unknown as {user?: unknown}).user;
  if (typeof user !== 'string') {
    throw new Error('The emulator no longer keeps its user in `user`.');
  }
  return user;
}

/** A throwaway copy of the emulator in its current state, with the same project and menus. */
function rehearsalCopy(emu: Emulator): Emulator {
  const model = emu.spreadsheet;
  const runtime = emu.runtime;
  const copy = new Emulator({
    now: emu.now(),
    timeZone: model.timeZone,
    user: userOf(emu),
    workbook: emu.toWorkbook(),
    state: emu.exportState(),
    spreadsheetName: model.name,
    cellLimit: model.cellLimit,
    mailQuota: runtime.limits.mailRecipientsPerDay,
    urlFetchQuota: runtime.limits.urlFetchCallsPerDay,
    triggerRuntimeQuotaMs: runtime.limits.triggerRuntimePerDayMs,
    addOnName: runtime.addOnName,
    scriptTimeZone: runtime.scriptTimeZone(),
  });
  copy.useBundle(runtime.bundle());
  copy.runtime.menus.push(...structuredClone(emu.menus()));
  for (const [key, until] of runtime.foreignLocks) {
    copy.runtime.foreignLocks.set(key, until);
  }
  Object.assign(
    copy.document.registry.selection(copy.spreadsheet),
    structuredClone(emu.document.registry.selection(model)),
  );
  return copy;
}

export type MenuStep =
  | {
      status: 'question';
      answers: Answer[];
      notices: ShownDialog[];
      question: Question;
    }
  | {
      status: 'done';
      notices: ShownDialog[];
      /** What the real execution threw, if it failed. */
      error?: unknown;
    };

/**
 * One step of clicking a menu item: `answers` are what the person answered
 * so far (one per dialog already shown to them, in order).
 */
export function clickMenuStep(
  emu: Emulator,
  caption: string,
  answers: readonly Answer[],
): MenuStep {
  const copy = rehearsalCopy(emu);
  const rehearsal = observeDialogs(copy, () =>
    copy.clickMenu(caption, answers.map(queued)),
  );
  const next = [...answers];
  const notices: ShownDialog[] = [];
  for (const dialog of rehearsal.shown.slice(answers.length)) {
    if (dialog.kind === 'alert' && dialog.buttons === 'OK') {
      notices.push(dialog);
      next.push({kind: 'alert', button: 'OK'});
      continue;
    }
    const {kind, title, prompt, buttons} = dialog;
    return {
      status: 'question',
      answers: next,
      notices,
      question: {kind, title, prompt, buttons},
    };
  }
  const real = observeDialogs(emu, () =>
    emu.clickMenu(caption, next.map(queued)),
  );
  const shown = real.shown.slice(answers.length);
  return 'error' in real
    ? {status: 'done', notices: shown, error: real.error}
    : {status: 'done', notices: shown};
}

/** An answer as the emulator's Ui reads it from its queue. */
function queued(answer: Answer): string {
  const button = answer.button.toUpperCase();
  // A prompt answer always names its button, so typed text such as
  // "[NO] thanks" is never read as a button choice.
  return answer.kind === 'prompt' ? `[${button}] ${answer.text ?? ''}` : button;
}
