/// <reference lib="dom" />
/**
 * The playground page: a Sheets-like window on the emulator. Opening the
 * page opens the file (onOpen builds the menu); every click and keystroke
 * becomes one user action on the server, after which the page redraws from
 * the server's state.
 */
import {cellA1, parseA1} from '../../sheets/a1';
import type {Answer, PlaygroundState} from '../protocol';
import {type TriggerRun, api, queued, tracked} from './api';
import {ask, notify, showNotices, showToasts} from './dialogs';
import {byId, el} from './dom';
import {Grid} from './grid';
import {type Entry, MenuBar, type TopMenu, addonMenus} from './menus';
import {SidePanel} from './panels';
import {Surfaces} from './surfaces';

let state: PlaygroundState | null = null;
/** Responses to older state requests are dropped: the newest wins. */
let requested = 0;
let drawn = 0;
let executionsSeen = -1;
let revealCursor = false;
/** What the grid last drew: a sidebar's poll that changed nothing redraws nothing. */
let drawnGrid = '';
const lastSelection = new Map<string, string>();
/** Executions whose failure the page reports (see render). */
const REPORTED = new Set([
  'menu',
  'editor',
  'simple-trigger',
  'installable-trigger',
  'time-trigger',
]);

const nameBox = byId<HTMLInputElement>('name-box');
const formulaInput = byId<HTMLInputElement>('formula-input');

function reportError(error: unknown): void {
  notify(
    error instanceof Error ? error.message : String(error),
    'Something went wrong',
    8,
    true,
  );
}

/** Fetches the state for what is on screen and draws it. */
async function refresh(): Promise<void> {
  const ticket = ++requested;
  const next = await api.state(grid.wanted());
  if (ticket < drawn) return;
  drawn = ticket;
  state = next;
  render(next);
}

/** One user action, then a redraw; its failure is shown, never thrown. */
function act(work: () => Promise<unknown>): Promise<void> {
  return queued(async () => {
    try {
      await work();
    } catch (error) {
      reportError(error);
    }
    await refresh();
  }).catch(reportError);
}

const grid = new Grid(
  byId('grid-scroll'),
  byId<HTMLTableElement>('grid'),
  byId('charts'),
  {
    select: a1 => void act(() => api.select(grid.sheet, a1)),
    edit: (a1, text, next) =>
      void act(async () => {
        await api.edit(grid.sheet, a1, text);
        if (next) await api.select(grid.sheet, cellA1(next.row, next.col));
      }),
    scrolled: () => void tracked(refresh()).catch(reportError),
    cursor: (a1, input) => {
      nameBox.value = a1;
      if (document.activeElement !== formulaInput) formulaInput.value = input;
    },
  },
);

const menuBar = new MenuBar(
  byId('menubar'),
  caption => void clickMenu(caption),
);

const surfaces = new Surfaces({
  fetch: (kind, id) => api.surface(kind, id),
  run: async (fn, args) => {
    const outcome = await queued(() => api.run(fn, args));
    void tracked(refresh()).catch(reportError);
    void showNotices(outcome.notices);
    return outcome;
  },
  close: kind => void act(() => api.close(kind)),
  focusEditor: () => grid.focus(),
});

const sidePanel = new SidePanel(seq => api.mail(seq));

/**
 * A menu click, one question at a time: the server rehearses the item until
 * it has every answer, then runs it once (see rehearsal.ts).
 */
async function clickMenu(caption: string): Promise<void> {
  let answers: Answer[] = [];
  for (;;) {
    let outcome;
    try {
      outcome = await queued(() => api.menu(caption, answers));
    } catch (error) {
      reportError(error);
      return;
    }
    if (outcome.status === 'question') {
      await showNotices(outcome.notices);
      answers = [...outcome.answers, await ask(outcome.question)];
      continue;
    }
    await tracked(refresh()).catch(reportError);
    await showNotices(outcome.notices);
    return;
  }
}

function pageMenus(s: PlaygroundState): TopMenu[] {
  const {extensions, topLevel} = addonMenus(s.menus);
  const page = (caption: string, run: () => void, disabled = false): Entry => ({
    kind: 'page',
    item: {caption, run, disabled},
  });
  return [
    {
      caption: 'File',
      entries: [
        page(
          s.saveTo ? `Save to ${s.saveTo}` : 'Save (start with --out FILE)',
          save,
          !s.saveTo,
        ),
        page('Download as .xlsx', download),
      ],
    },
    {
      caption: 'Extensions',
      entries: extensions.length
        ? extensions
        : [page('(onOpen added no add-on menu)', () => {}, true)],
    },
    ...topLevel,
    {
      caption: 'Playground',
      entries: [
        page('Run daily triggers now', () => void runTriggers('daily')),
        page('Run all time-driven triggers', () => void runTriggers('all')),
        page('Move the clock on an hour', () => void advanceClock(1)),
        page('Move the clock on a day', () => void advanceClock(24)),
        {kind: 'separator'},
        page('Reopen the file (onOpen)', () => void act(() => api.open())),
        page('Sent mail', () => sidePanel.show('mail')),
        page('Executions', () => sidePanel.show('executions')),
      ],
    },
  ];
}

function reportTriggers(runs: TriggerRun[], none: string): void {
  if (!runs.length) notify(none, 'Triggers');
  for (const run of runs) {
    const when = run.at.slice(0, 16).replace('T', ' ');
    notify(
      run.ok
        ? `${run.fn} ran at ${when} UTC.`
        : `${run.fn} failed: ${run.error}`,
      'Triggers',
      5,
      !run.ok,
    );
  }
}

function runTriggers(which: 'daily' | 'all'): Promise<void> {
  return act(async () =>
    reportTriggers(
      await api.trigger(which),
      `No ${which === 'daily' ? 'daily ' : ''}time-driven trigger is installed.`,
    ),
  );
}

function advanceClock(hours: number): Promise<void> {
  return act(async () =>
    reportTriggers(
      await api.clock(hours),
      `The clock moved ${hours === 24 ? 'a day' : `${hours} hours`}; no trigger was due.`,
    ),
  );
}

function save(): void {
  void act(async () => {
    const {paths} = await api.save();
    notify(`Saved ${paths.join(' and ')}`, 'Saved');
  });
}

function download(): void {
  const link = el('a', {attrs: {href: '/api/workbook.xlsx', download: ''}});
  document.body.append(link);
  link.click();
  link.remove();
}

function renderTabs(s: PlaygroundState): void {
  const tabs = byId('sheet-tabs');
  tabs.replaceChildren(
    ...s.sheets
      .filter(sheet => !sheet.hidden)
      .map(sheet => {
        const active = sheet.name === s.activeSheet;
        const tab = el('button', {
          className: active ? 'sheet-tab active' : 'sheet-tab',
          text: sheet.name,
          attrs: {role: 'tab', type: 'button', 'aria-selected': String(active)},
          on: {
            click: () => {
              if (!active)
                void act(() =>
                  api.select(sheet.name, lastSelection.get(sheet.name) ?? 'A1'),
                );
            },
          },
        });
        if (sheet.tabColor) tab.style.borderBottomColor = sheet.tabColor;
        return tab;
      }),
  );
}

function render(s: PlaygroundState): void {
  document.title = `${s.spreadsheet.name} – Whuffie playground`;
  byId('doc-name').textContent = s.spreadsheet.name;
  lastSelection.set(s.activeSheet, s.selection.a1);
  menuBar.render(pageMenus(s));
  const gridKey = JSON.stringify([s.grid, s.selection, s.charts]);
  if (gridKey !== drawnGrid || grid.isEditing) {
    drawnGrid = grid.isEditing ? '' : gridKey;
    grid.render(s.grid, s.selection);
    grid.renderCharts(s.charts);
  }
  if (revealCursor) {
    revealCursor = false;
    grid.reveal(s.selection.row, s.selection.col);
    if (grid.needsWindow()) void tracked(refresh()).catch(reportError);
  }
  renderTabs(s);
  showToasts(s.toasts);
  if (executionsSeen < s.executionsFrom - 1)
    executionsSeen = s.executionsFrom - 1;
  for (const e of s.executions) {
    if (e.seq <= executionsSeen) continue;
    executionsSeen = e.seq;
    // A sidebar handles its calls' failures itself, and a custom function's
    // shows as #ERROR! in its cell; anything else failing is worth a look
    // (Sheets would show a menu's error; a trigger's it keeps to its log).
    if (!e.ok && REPORTED.has(e.kind)) {
      notify(e.error ?? 'failed', `${e.fn} failed`, 10, true);
    }
  }
  sidePanel.update(s.mail, s.executions);
  const saveButton = byId<HTMLButtonElement>('save-button');
  saveButton.textContent = s.saveTo ? 'Save' : 'Download .xlsx';
  saveButton.title = s.saveTo
    ? `Save to ${s.saveTo}`
    : 'Download the workbook as .xlsx';
  byId('clock').textContent =
    `${new Date(s.now).toISOString().slice(0, 16).replace('T', ' ')} UTC · ${s.spreadsheet.timeZone}`;
  void surfaces.update(s).catch(reportError);
}

byId('save-button').addEventListener('click', () =>
  state?.saveTo ? save() : download(),
);

nameBox.addEventListener('keydown', e => {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  const ref = parseA1(nameBox.value);
  if (!ref) {
    notify(`${nameBox.value} is not a cell or range`, 'Name box', 4, true);
    return;
  }
  const sheet = ref.sheetName ?? grid.sheet;
  const local = nameBox.value.slice(nameBox.value.lastIndexOf('!') + 1).trim();
  revealCursor = true;
  grid.focus();
  void act(() => api.select(sheet, local));
});

formulaInput.addEventListener('keydown', e => {
  if (e.key === 'Enter') {
    e.preventDefault();
    grid.editFromBar(formulaInput.value);
    grid.focus();
  } else if (e.key === 'Escape') {
    e.preventDefault();
    grid.focus();
    grid.showCursor();
  }
});

async function start(): Promise<void> {
  await act(() => api.open());
  document.body.dataset.ready = 'true';
  grid.focus();
}

void start();
