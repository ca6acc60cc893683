/**
 * The Today panel: the "Reach out today" list in compact form, with Done
 * (which logs the suggested interaction) and snooze, one call each.
 */
import type {SnoozePeriod, TodayLineView, TodayView} from '../src/api';
import {whileBusy} from './busy';
import {disclosure, el, externalLink, fill, newId} from './dom';
import {dayText} from './format';
import {callServer} from './server';
import {announce} from './status';

const SNOOZES: SnoozePeriod[] = ['1 day', '1 week', '1 month'];

let loaded = false;

/** Loads the list the first time the tab opens; "Refresh" reloads it. */
export function openToday(root: HTMLElement): void {
  if (loaded) return;
  loaded = true;
  void load(root);
}

async function load(root: HTMLElement): Promise<void> {
  fill(root, el('p', {className: 'muted'}, 'Loading today’s list…'));
  const view = await whileBusy(root, () => callServer('getTodayList'));
  if (view) renderToday(root, view);
  else {
    loaded = false;
    fill(root, retry(root));
  }
}

function retry(root: HTMLElement): HTMLElement {
  return el(
    'button',
    {
      className: 'button secondary',
      attrs: {type: 'button'},
      on: {click: () => void load(root)},
    },
    'Try again',
  );
}

function renderToday(root: HTMLElement, view: TodayView): void {
  const open = view.lines.filter(l => !l.done).length;
  fill(
    root,
    el(
      'div',
      {className: 'panel-head'},
      el('h2', null, 'Reach out today'),
      el(
        'button',
        {
          className: 'button secondary small',
          attrs: {type: 'button', 'data-focus': 'today-refresh'},
          on: {click: () => void load(root)},
        },
        'Refresh',
      ),
    ),
    view.message && el('p', {className: 'muted'}, view.message),
    el(
      'p',
      {className: 'muted small'},
      dayText(view.date),
      view.lines.length > 0 && ` · ${open} of ${view.lines.length} still to do`,
    ),
    el(
      'ol',
      {className: 'today'},
      view.lines.map(line => todayLine(root, line)),
    ),
  );
}

function todayLine(root: HTMLElement, line: TodayLineView): HTMLElement {
  const snoozeId = newId('snooze');
  const item = el(
    'li',
    {className: `today-line${line.done ? ' done' : ''}`},
    el(
      'div',
      {className: 'line-head'},
      el(
        'span',
        {
          className: 'priority',
          attrs: {'aria-label': `Priority ${line.priority}`},
        },
        String(line.priority),
      ),
      el('strong', {className: 'line-name'}, line.name),
      el('span', {className: 'badge'}, line.bucketLabel),
    ),
    el('p', {className: 'line-why'}, line.why),
    el('p', {className: 'line-action'}, line.action),
    line.links.length > 0 &&
      el(
        'div',
        {className: 'line-links'},
        line.links.map(link =>
          externalLink(
            link.url,
            link.label,
            `${link.label} for ${line.name} (opens a new tab)`,
          ),
        ),
      ),
  );
  if (line.done) {
    item.append(el('p', {className: 'line-state'}, '✓ Done'));
    return item;
  }
  if (line.snoozedUntil) {
    item.append(
      el(
        'p',
        {className: 'line-state'},
        `Snoozed until ${dayText(line.snoozedUntil)}`,
      ),
    );
  }
  const act = (work: () => Promise<TodayView>, message: string) =>
    void whileBusy(item, async () => {
      renderToday(root, await work());
      announce(message);
    });
  const snoozeMenu = el(
    'div',
    {
      className: 'more',
      attrs: {
        id: snoozeId,
        role: 'group',
        'aria-label': `Snooze ${line.name} for`,
      },
    },
    SNOOZES.map(period =>
      el(
        'button',
        {
          className: 'button secondary small',
          attrs: {type: 'button'},
          on: {
            click: () =>
              act(
                () => callServer('snoozeTodayLine', line.key, period),
                `${line.name} snoozed for ${period}.`,
              ),
          },
        },
        period,
      ),
    ),
  );
  const snooze = disclosure(
    snoozeMenu,
    'button secondary small',
    'Snooze…',
    `Snooze ${line.name}`,
  );
  item.append(
    el(
      'div',
      {className: 'line-buttons'},
      el(
        'button',
        {
          className: 'button primary small',
          attrs: {
            type: 'button',
            'aria-label': `Done: ${line.name}`,
            'data-focus': `done:${line.key}`,
          },
          on: {
            click: () =>
              act(
                () => callServer('completeTodayLine', line.key),
                `${line.name}: done, and logged.`,
              ),
          },
        },
        'Done',
      ),
      snooze,
    ),
    snoozeMenu,
  );
  return item;
}
