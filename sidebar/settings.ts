/**
 * The Settings panel: the connected accounts, the tag vocabularies, the
 * scoring weights and half-lives (with a reset to the defaults), the daily
 * list's length, the daily digest, the health of the daily run, and the
 * imports of interactions from a CSV file and of an X archive. Each section
 * loads with one call when it is first opened, and each change is one call.
 */
import type {
  DigestSettingsView,
  HealthView,
  KindSetting,
  NumberSetting,
  SettingsPatch,
  SettingsView,
  TagField,
} from '../src/api';
import {loader, whileBusy} from './busy';
import {loadConnections} from './connections';
import {el, fill, inlineAddForm, newId, term} from './dom';
import {capitalise, instantText} from './format';
import {interactionsImport} from './import-interactions';
import {callServer} from './server';
import {announce} from './status';
import {X_ARCHIVE_SECTION, xArchiveImport} from './x-archive';

let built = false;

export function openSettings(root: HTMLElement): void {
  if (built) return;
  built = true;
  const vocabulary = el('div', {attrs: {id: 'settings-vocabulary'}});
  const scoring = el('div', {attrs: {id: 'settings-scoring'}});
  fill(
    root,
    lazySection('Connected accounts', loadConnections),
    section('Tags and topics', vocabulary, true),
    section('Scores and the daily list', scoring),
    lazySection('Daily digest', loadDigest),
    lazySection('Health', loadHealth),
    section('Import interactions', interactionsImport()),
    section('Import X archive', xArchiveImport(), false, X_ARCHIVE_SECTION),
  );
  void loadSettings(vocabulary, scoring);
}

function section(
  title: string,
  body: HTMLElement,
  open = false,
  id?: string,
): HTMLElement {
  return el(
    'details',
    {className: 'settings-section', attrs: {open, id}},
    el('summary', null, title),
    body,
  );
}

/** A section whose content is fetched the first time it is opened. */
function lazySection(
  title: string,
  load: (body: HTMLElement) => Promise<void>,
): HTMLElement {
  const body = el('div');
  const details = section(title, body);
  let loaded = false;
  details.addEventListener('toggle', () => {
    if (!details.hasAttribute('open') || loaded) return;
    loaded = true;
    void load(body).catch(() => (loaded = false));
  });
  return details;
}

// ---- Vocabularies and scoring --------------------------------------------------

async function loadSettings(
  vocabulary: HTMLElement,
  scoring: HTMLElement,
): Promise<void> {
  fill(vocabulary, el('p', {className: 'muted'}, 'Loading…'));
  const view = await whileBusy(vocabulary, () => callServer('getSettingsView'));
  if (!view) {
    fill(
      vocabulary,
      el('p', {className: 'muted'}, 'The settings could not be loaded.'),
    );
    built = false;
    return;
  }
  renderSettings(vocabulary, scoring, view);
}

function renderSettings(
  vocabulary: HTMLElement,
  scoring: HTMLElement,
  view: SettingsView,
): void {
  const save = async (
    scope: HTMLElement,
    patch: SettingsPatch,
    message: string,
  ) => {
    await whileBusy(scope, async () => {
      renderSettings(
        vocabulary,
        scoring,
        await callServer('saveSettings', patch),
      );
      announce(message);
    });
  };
  fill(
    vocabulary,
    view.warnings.length > 0 &&
      el(
        'div',
        {className: 'banner warning'},
        el('p', null, 'Some saved settings could not be used:'),
        el(
          'ul',
          null,
          view.warnings.map(w => el('li', null, w)),
        ),
      ),
    vocabularyEditor(
      'relationshipTags',
      'Relationship tags',
      'relationship tag',
      view,
      save,
    ),
    vocabularyEditor('topics', 'Topics', 'topic', view, save),
  );
  fill(
    scoring,
    scoringForm(view, save, () => void reset(vocabulary, scoring)),
  );
}

type Save = (
  scope: HTMLElement,
  patch: SettingsPatch,
  message: string,
) => Promise<void>;

function vocabularyEditor(
  field: TagField,
  title: string,
  noun: string,
  view: SettingsView,
  save: Save,
): HTMLElement {
  const list = view.vocabulary[field];
  const legendId = newId('legend');
  const group: HTMLElement = el(
    'fieldset',
    {className: 'vocabulary', attrs: {'aria-labelledby': legendId}},
    el('legend', {attrs: {id: legendId}}, title),
    list.length
      ? el(
          'ul',
          {className: 'chips'},
          list.map(tag =>
            el(
              'li',
              {className: 'chip static'},
              capitalise(tag),
              el(
                'button',
                {
                  className: 'icon-button',
                  attrs: {
                    type: 'button',
                    'aria-label': `Remove ${capitalise(tag)}`,
                    'data-focus': `vocab:${field}`,
                  },
                  on: {
                    click: () =>
                      void save(
                        group,
                        {vocabulary: {[field]: list.filter(t => t !== tag)}},
                        `${capitalise(tag)} is no longer offered. Supporters keep it until you untag them.`,
                      ),
                  },
                },
                '×',
              ),
            ),
          ),
        )
      : el('p', {className: 'muted'}, 'None yet.'),
    inlineAddForm({
      label: `New ${noun}`,
      button: 'Add',
      placeholder: `New ${noun}`,
      add: tag =>
        void save(
          group,
          {vocabulary: {[field]: [...list, tag]}},
          `${capitalise(tag)} added.`,
        ),
    }),
  );
  return group;
}

function numberField(
  label: string,
  setting: NumberSetting,
  unit = '',
): {row: HTMLElement; input: HTMLInputElement} {
  const id = newId('setting');
  const input = el('input', {
    attrs: {
      id,
      type: 'number',
      step: 'any',
      value: setting.value,
      'aria-describedby': `${id}-hint`,
    },
  });
  const row = el(
    'div',
    {className: 'number-row'},
    el('label', {attrs: {for: id}}, label),
    input,
    el(
      'span',
      {className: 'muted small', attrs: {id: `${id}-hint`}},
      `${unit}default ${setting.default}`,
    ),
  );
  return {row, input};
}

function scoringForm(
  view: SettingsView,
  save: Save,
  onReset: () => void,
): HTMLElement {
  const changed: {read: () => SettingsPatch | null}[] = [];
  const single = (
    label: string,
    setting: NumberSetting,
    unit: string,
    patch: (n: number) => SettingsPatch,
  ) => {
    const {row, input} = numberField(label, setting, unit);
    changed.push({
      read: () =>
        input.valueAsNumber !== setting.value
          ? patch(input.valueAsNumber)
          : null,
    });
    return row;
  };
  const table = (
    title: string,
    settings: KindSetting[],
    key: 'inboundWeights' | 'whuffiePoints',
  ) => {
    const inputs = settings.map(s => ({
      s,
      ...numberField(capitalise(s.kind), s),
    }));
    changed.push({
      read: () => {
        const edits = inputs.filter(i => i.input.valueAsNumber !== i.s.value);
        return edits.length
          ? {
              [key]: Object.fromEntries(
                edits.map(i => [i.s.kind, i.input.valueAsNumber]),
              ),
            }
          : null;
      },
    });
    return el(
      'details',
      {className: 'weights'},
      el('summary', null, title),
      inputs.map(i => i.row),
    );
  };
  const form: HTMLElement = el(
    'form',
    {className: 'scoring'},
    el('h3', null, 'Half-lives'),
    el(
      'p',
      {className: 'muted small'},
      'How fast things fade: after one half-life an event counts half.',
    ),
    single('Engagement', view.halfLives.engagement, 'days, ', n => ({
      halfLives: {engagement: n},
    })),
    single('Recency', view.halfLives.recency, 'days, ', n => ({
      halfLives: {recency: n},
    })),
    single('Whuffie', view.halfLives.whuffie, 'days, ', n => ({
      halfLives: {whuffie: n},
    })),
    el('h3', null, 'Reach out today'),
    single('List length', view.listLength, 'lines, ', n => ({listLength: n})),
    el('h3', null, 'Weights'),
    table(
      'What their actions are worth',
      view.inboundWeights,
      'inboundWeights',
    ),
    table('Whuffie points for ours', view.whuffiePoints, 'whuffiePoints'),
    el(
      'div',
      {className: 'button-row'},
      el(
        'button',
        {className: 'button primary', attrs: {type: 'submit'}},
        'Save',
      ),
      resetButton(view.customised, onReset),
    ),
  );
  form.addEventListener('submit', e => {
    e.preventDefault();
    const patch: SettingsPatch = {};
    for (const part of changed) {
      const p = part.read();
      if (!p) continue;
      Object.assign(
        patch,
        p,
        p.halfLives ? {halfLives: {...patch.halfLives, ...p.halfLives}} : {},
      );
    }
    if (!Object.keys(patch).length) {
      announce('Nothing changed.');
      return;
    }
    void save(form, patch, 'Settings saved; every score was recomputed.');
  });
  return form;
}

/** Reset asks once more, inline, before forgetting the user's values. */
function resetButton(customised: boolean, onReset: () => void): HTMLElement {
  const wrap = el('span', {className: 'reset'});
  const ask = el(
    'button',
    {
      className: 'button secondary',
      attrs: {type: 'button', disabled: !customised},
    },
    'Reset to defaults',
  );
  ask.addEventListener('click', () =>
    fill(
      wrap,
      el(
        'span',
        {className: 'small'},
        'Reset weights, half-lives and list length? ',
      ),
      el(
        'button',
        {
          className: 'button primary small',
          attrs: {type: 'button'},
          on: {click: onReset},
        },
        'Reset',
      ),
      el(
        'button',
        {
          className: 'button secondary small',
          attrs: {type: 'button'},
          on: {click: () => fill(wrap, ask)},
        },
        'Cancel',
      ),
    ),
  );
  fill(wrap, ask);
  return wrap;
}

async function reset(
  vocabulary: HTMLElement,
  scoring: HTMLElement,
): Promise<void> {
  await whileBusy(scoring, async () => {
    renderSettings(vocabulary, scoring, await callServer('resetSettings'));
    announce('Weights, half-lives and list length are back to the defaults.');
  });
}

// ---- Digest and health ---------------------------------------------------------

const hourText = (h: number) => `${String(h).padStart(2, '0')}:00`;

const loadDigest = loader(() => callServer('getDigestSettings'), renderDigest);

function renderDigest(body: HTMLElement, view: DigestSettingsView): void {
  const ids = {enabled: newId('digest'), hour: newId('hour'), to: newId('to')};
  const enabled = el('input', {
    attrs: {id: ids.enabled, type: 'checkbox', checked: view.enabled},
  });
  const hour = el(
    'select',
    {attrs: {id: ids.hour}},
    Array.from({length: 24}, (_, h) =>
      el('option', {attrs: {value: h, selected: h === view.hour}}, hourText(h)),
    ),
  );
  const to = el('input', {
    attrs: {
      id: ids.to,
      type: 'text',
      value: view.recipients.join(', '),
      autocomplete: 'email',
      'aria-describedby': `${ids.to}-hint`,
    },
  });
  const form: HTMLElement = el(
    'form',
    {className: 'digest'},
    el(
      'div',
      {className: 'check-row'},
      enabled,
      el(
        'label',
        {attrs: {for: ids.enabled}},
        'Email the daily list every morning',
      ),
    ),
    el(
      'div',
      {className: 'field'},
      el('label', {attrs: {for: ids.hour}}, `Send at (${view.timeZone})`),
      hour,
    ),
    el(
      'div',
      {className: 'field'},
      el('label', {attrs: {for: ids.to}}, 'Send to'),
      to,
      el(
        'span',
        {className: 'muted small', attrs: {id: `${ids.to}-hint`}},
        'Email addresses, separated by commas.',
      ),
    ),
    el(
      'div',
      {className: 'button-row'},
      el(
        'button',
        {className: 'button primary', attrs: {type: 'submit'}},
        'Save',
      ),
      el(
        'button',
        {
          className: 'button secondary',
          attrs: {type: 'button'},
          on: {
            click: () =>
              void whileBusy(form, async () =>
                announce((await callServer('sendTestDigest')).message),
              ),
          },
        },
        'Send a test now',
      ),
    ),
  );
  form.addEventListener('submit', e => {
    e.preventDefault();
    void whileBusy(form, async () => {
      const saved = await callServer('saveDigestSettings', {
        enabled: enabled.checked,
        hour: Number(hour.value),
        recipients: to.value.split(/[,;\s]+/).filter(Boolean),
      });
      renderDigest(body, saved);
      announce(
        saved.enabled
          ? `Daily digest on, at ${hourText(saved.hour)}.`
          : 'Daily digest off.',
      );
    });
  });
  fill(body, form);
}

const loadHealth = loader(() => callServer('getHealth'), renderHealth);

function renderHealth(body: HTMLElement, view: HealthView): void {
  const outcome = {ok: 'Worked', failed: 'Failed', never: 'Not run yet'}[
    view.outcome
  ];
  fill(
    body,
    el(
      'dl',
      {className: `facts health ${view.outcome}`},
      term(
        'Last daily run',
        view.lastRun ? instantText(view.lastRun) : 'Never',
      ),
      term('Outcome', outcome),
      view.lastError !== null &&
        term(
          'Last error',
          `${view.lastError}${view.lastErrorAt ? ` (${instantText(view.lastErrorAt)})` : ''}`,
        ),
    ),
    view.summary && el('p', null, view.summary),
    el(
      'button',
      {
        className: 'button secondary small',
        attrs: {type: 'button'},
        on: {click: () => void loadHealth(body).catch(() => undefined)},
      },
      'Refresh',
    ),
  );
}
