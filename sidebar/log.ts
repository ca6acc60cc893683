/**
 * The Log panel: one click logs the common events, both ways, for the
 * selected supporter (or every selected row), with an optional note, link
 * and channel; asks and donations take one more choice. The answer rescored
 * the person, so the whuffie shown changes at once.
 */
import type {LogRequest, LogResult} from '../src/api';
import {CHANNELS} from '../src/core/kinds';
import {whileBusy} from './busy';
import {byId, disclosure, el, fill, newId} from './dom';
import {oneDecimal, plural} from './format';
import {callServer} from './server';
import {
  change,
  Current,
  currentSelection,
  selectionKey,
  show,
  targetOf,
} from './selection';
import {ASKS, DONATION, QuickLog, THEY, WE} from './quick-log';
import {announce} from './status';

const CHANNEL_NAMES: Record<string, string> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  email: 'Email',
  'in person': 'In person',
  phone: 'Phone',
  other: 'Other',
};

interface Fields {
  note: HTMLTextAreaElement;
  link: HTMLInputElement;
  channel: HTMLSelectElement;
  amount: HTMLInputElement;
}

function field(
  label: string,
  control: HTMLElement,
  hint?: string,
): HTMLElement {
  const id = newId('log');
  control.id = id;
  return el(
    'div',
    {className: 'field'},
    el(
      'label',
      {attrs: {for: id}},
      label,
      hint && el('span', {className: 'muted'}, ` ${hint}`),
    ),
    control,
  );
}

/** Builds the panel once; `updateLogTarget` keeps it in step with the selection. */
export function buildLog(root: HTMLElement): void {
  const fields: Fields = {
    note: el('textarea', {attrs: {rows: 2, maxlength: 1000}}),
    link: el('input', {
      attrs: {type: 'url', placeholder: 'https://…', maxlength: 2000},
    }),
    channel: el(
      'select',
      {attrs: {'data-channel': ''}},
      el('option', {attrs: {value: ''}}, 'Not said'),
      CHANNELS.map(c => el('option', {attrs: {value: c}}, CHANNEL_NAMES[c])),
    ),
    amount: el('input', {
      attrs: {type: 'number', min: 0, step: 'any', inputmode: 'decimal'},
    }),
  };
  // Once the user picks a channel, selecting someone else keeps it.
  fields.channel.addEventListener('change', () => {
    fields.channel.dataset.chosen = 'yes';
  });
  const form = el('div', {className: 'log-form', attrs: {id: 'log-form'}});
  const log = (quick: QuickLog, amount?: boolean) => () =>
    void logEvent(form, fields, quick, amount === true);
  const button = (quick: QuickLog) =>
    el(
      'button',
      {
        className: 'button secondary log-button',
        attrs: {
          type: 'button',
          'data-focus': `log:${quick.direction}:${quick.kind}`,
        },
        on: {click: log(quick)},
      },
      quick.label,
    );
  const reveal = (label: string, panel: HTMLElement) =>
    disclosure(panel, 'button secondary log-button', label);
  const askPanel = el(
    'div',
    {
      className: 'more',
      attrs: {id: newId('asks'), role: 'group', 'aria-label': 'Asked them to'},
    },
    ASKS.map(ask =>
      el(
        'button',
        {
          className: 'button secondary small',
          attrs: {type: 'button', 'aria-label': `Asked them ${ask.label}`},
          on: {click: log(ask)},
        },
        ask.label,
      ),
    ),
  );
  const donationPanel = el(
    'div',
    {className: 'more', attrs: {id: newId('donation')}},
    field('Amount', fields.amount, '(optional)'),
    el(
      'button',
      {
        className: 'button primary small',
        attrs: {type: 'button'},
        on: {click: log(DONATION, true)},
      },
      'Log donation',
    ),
  );
  const theyHeading = newId('they');
  const weHeading = newId('we');
  fill(
    form,
    el('h3', {attrs: {id: theyHeading}}, 'They…'),
    el(
      'div',
      {
        className: 'log-grid',
        attrs: {role: 'group', 'aria-labelledby': theyHeading},
      },
      THEY.map(button),
      reveal('Donation…', donationPanel),
    ),
    donationPanel,
    el('h3', {attrs: {id: weHeading}}, 'We…'),
    el(
      'div',
      {
        className: 'log-grid',
        attrs: {role: 'group', 'aria-labelledby': weHeading},
      },
      WE.map(button),
      reveal('Asked them to…', askPanel),
    ),
    askPanel,
    el(
      'details',
      {className: 'extras'},
      el('summary', null, 'Add a note, link or channel'),
      field('Note', fields.note, '(optional)'),
      field('Link to the post', fields.link, '(optional)'),
      field('Channel', fields.channel),
    ),
  );
  fill(root, el('div', {className: 'log-who', attrs: {id: 'log-who'}}), form);
}

/** Shows whom the buttons log for; no one selected disables them. */
export function updateLogTarget(selection: Current): void {
  const who = byId('log-who');
  const form = byId('log-form');
  const canLog =
    (selection.kind === 'one' && selection.supporter.id !== '') ||
    selection.kind === 'many';
  form.querySelectorAll<HTMLButtonElement>('button').forEach(b => {
    if (!form.hasAttribute('aria-busy')) b.disabled = !canLog;
  });
  if (selection.kind === 'one') {
    const {name, scores} = selection.supporter;
    fill(
      who,
      'Logging for ',
      el('strong', null, name),
      el(
        'span',
        {className: 'muted'},
        ` · Whuffie ${oneDecimal(scores.whuffie)}`,
      ),
    );
    const channel = form.querySelector<HTMLSelectElement>(
      'select[data-channel]',
    );
    // Default the channel to their first network, unless the user chose one.
    if (channel && !channel.dataset.chosen) {
      channel.value = selection.supporter.handles[0]?.network ?? '';
    }
  } else if (selection.kind === 'many') {
    fill(
      who,
      'Logging for ',
      el('strong', null, plural(selection.bulk.count, 'supporter')),
    );
  } else {
    fill(
      who,
      el(
        'span',
        {className: 'muted'},
        "Select a supporter's row to log what happened.",
      ),
    );
  }
}

async function logEvent(
  form: HTMLElement,
  fields: Fields,
  quick: QuickLog,
  withAmount: boolean,
): Promise<void> {
  const selection = currentSelection();
  const target = targetOf(selection);
  if (!target) return;
  const before =
    selection.kind === 'one' ? selection.supporter.scores.whuffie : null;
  const amountText = fields.amount.value.trim();
  const request: LogRequest = {
    target,
    direction: quick.direction,
    kind: quick.kind,
    note: fields.note.value,
    link: fields.link.value,
    channel: fields.channel.value,
    amount: withAmount && amountText ? Number(amountText) : null,
  };
  const result = await whileBusy(form, () =>
    change(() =>
      callServer('logInteraction', {...request, selectionKey: selectionKey()}),
    ),
  );
  if (!result) return;
  // Logged: clear what was typed, so the next click does not repeat it.
  fields.note.value = '';
  fields.link.value = '';
  fields.amount.value = '';
  announce(resultMessage(result, before));
  if (result.supporter) show({kind: 'one', supporter: result.supporter});
}

function resultMessage(result: LogResult, before: number | null): string {
  const after = result.supporter?.scores.whuffie;
  if (before === null || after === undefined || after === before)
    return result.message;
  return `${result.message} Whuffie ${oneDecimal(before)} → ${oneDecimal(after)}.`;
}
