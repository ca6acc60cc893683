/**
 * The Supporter panel for one selected person: who they are, their scores
 * and why, their tags as toggle buttons, interest notes saved on blur, the
 * facts that shape outreach, and their last interactions.
 */
import type {
  ExplainLine,
  InteractionView,
  SupporterView,
  TagField,
} from '../src/api';
import {whileBusy} from './busy';
import {el, externalLink, fill, inlineAddForm, newId, term} from './dom';
import {
  capitalise,
  dayText,
  instantText,
  oneDecimal,
  plural,
  signed,
} from './format';
import {callServer} from './server';
import {change, currentSelection, selectionKey, targetOf} from './selection';
import {announce} from './status';

const FIELD_NAMES: Record<TagField, string> = {
  relationshipTags: 'Relationship tags',
  topics: 'Topics',
};

/** Draws `view` into `root`, keeping focus and an unsaved note across redraws. */
export function renderSupporter(root: HTMLElement, view: SupporterView): void {
  const active = document.activeElement;
  const focusKey =
    active instanceof HTMLElement && root.contains(active)
      ? active.dataset.focus
      : undefined;
  const notes = root.querySelector<HTMLTextAreaElement>(
    'textarea[data-focus="notes"]',
  );
  const draft =
    notes && notes === active && root.dataset.supporter === view.id
      ? notes.value
      : undefined;
  root.dataset.supporter = view.id;
  fill(
    root,
    identity(view),
    scores(view),
    tagGroup(view, 'relationshipTags'),
    tagGroup(view, 'topics'),
    notesField(view, draft),
    facts(view),
    recent(view),
  );
  if (focusKey) {
    root
      .querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`)
      ?.focus();
  }
}

function identity(view: SupporterView): HTMLElement {
  return el(
    'section',
    {className: 'identity', attrs: {'aria-label': 'Supporter'}},
    el('h2', {className: 'name'}, view.name),
    view.email && el('div', {className: 'muted'}, view.email),
    view.handles.length > 0 &&
      el(
        'ul',
        {className: 'handles', attrs: {'aria-label': 'Social handles'}},
        view.handles.map(h =>
          el(
            'li',
            null,
            externalLink(
              h.url,
              h.handle,
              `${h.handle} on ${h.networkLabel} (opens a new tab)`,
            ),
            el('span', {className: 'network'}, h.networkLabel),
          ),
        ),
      ),
    view.doNotContact &&
      el(
        'p',
        {className: 'banner warning'},
        'Do not contact: they are left out of every suggestion.',
      ),
    !view.id &&
      el(
        'p',
        {className: 'banner'},
        'This row has no Supporter ID yet, so nothing can be logged for it. Run Social CRM › Set up tracker to give it one.',
      ),
  );
}

// ---- Scores ----------------------------------------------------------------------

function tile(
  label: string,
  value: string,
  extra = '',
  className = '',
): HTMLElement {
  return el(
    'div',
    {className: `tile ${className}`},
    el(
      'div',
      {className: 'tile-value'},
      value,
      extra && el('span', {className: 'tile-extra'}, ` ${extra}`),
    ),
    el('div', {className: 'tile-label'}, label),
  );
}

function explanation(
  summary: string,
  lines: ExplainLine[],
  notes: string[] = [],
  empty = '',
) {
  return el(
    'details',
    {className: 'why'},
    el('summary', null, summary),
    !lines.length && empty && el('p', {className: 'muted'}, empty),
    el(
      'ul',
      {className: 'why-lines'},
      lines.map(line =>
        el(
          'li',
          {className: line.detail ? 'detail' : ''},
          el('span', null, line.text),
          el('span', {className: 'points'}, signed(line.points)),
        ),
      ),
    ),
    notes.length > 0 &&
      el(
        'ul',
        {className: 'why-notes'},
        notes.map(n => el('li', null, n)),
      ),
  );
}

function scores(view: SupporterView): HTMLElement {
  const s = view.scores;
  const badges = [
    s.readyToAsk && el('span', {className: 'badge good'}, 'Ready to ask'),
    s.owedThanks > 0 &&
      el('span', {className: 'badge'}, `Owed a thank-you (${s.owedThanks})`),
    s.replyOwed > 0 &&
      el('span', {className: 'badge alert'}, `Reply owed (${s.replyOwed})`),
  ].filter(Boolean);
  return el(
    'section',
    {className: 'scores', attrs: {'aria-label': 'Scores'}},
    el(
      'div',
      {className: 'tiles'},
      tile('Whuffie', oneDecimal(s.whuffie)),
      tile('Responsiveness', String(s.responsiveness), s.band),
      // 'Member/Donor' may wrap after the slash, not inside a word.
      tile('Level', s.level.replace('/', '/\u200b'), '', 'text'),
    ),
    badges.length > 0 && el('div', {className: 'badges'}, badges),
    explanation(`Why ${s.responsiveness}?`, s.why.responsiveness),
    explanation(
      `Why whuffie ${oneDecimal(s.whuffie)}?`,
      s.why.whuffie,
      s.readyToAsk ? [] : s.why.readyToAsk.map(r => `Not ready to ask: ${r}`),
      'Nothing we have done for them counts yet: thank them, share their posts, answer their questions.',
    ),
  );
}

// ---- Tags --------------------------------------------------------------------------

function tagGroup(view: SupporterView, field: TagField): HTMLElement {
  const tags = view[field];
  const legendId = newId('tags');
  const group: HTMLElement = el(
    'fieldset',
    {className: 'tags', attrs: {'aria-labelledby': legendId}},
    el('legend', {attrs: {id: legendId}}, FIELD_NAMES[field]),
    el(
      'div',
      {className: 'chips'},
      tags.options.length
        ? tags.options.map(tag => {
            const on = tags.on.includes(tag);
            return el(
              'button',
              {
                className: 'chip',
                attrs: {
                  type: 'button',
                  'aria-pressed': String(on),
                  'data-focus': `tag:${field}:${tag}`,
                },
                on: {click: () => void toggle(view, field, tag, !on, group)},
              },
              el(
                'span',
                {className: 'check', attrs: {'aria-hidden': 'true'}},
                '✓',
              ),
              capitalise(tag),
            );
          })
        : el('span', {className: 'muted'}, 'None yet: add one below.'),
    ),
    field === 'topics' && addTopic(view, () => group),
  );
  return group;
}

function addTopic(view: SupporterView, group: () => HTMLElement): HTMLElement {
  return inlineAddForm({
    label: 'New topic',
    button: 'Add topic',
    placeholder: 'e.g. tigers',
    focus: 'new-topic',
    add: tag => void toggle(view, 'topics', tag, true, group()),
  });
}

async function toggle(
  view: SupporterView,
  field: TagField,
  tag: string,
  on: boolean,
  group: HTMLElement,
): Promise<void> {
  const target = targetOf(currentSelection());
  if (!target) return;
  await whileBusy(group, async () => {
    const result = await change(() =>
      callServer('setTag', {
        target,
        field,
        tag,
        on,
        selectionKey: selectionKey(),
      }),
    );
    const tags = view[field];
    tags.on = result.counts.filter(c => c.count > 0).map(c => c.tag);
    tags.options = [
      ...tags.options,
      ...result.counts.map(c => c.tag).filter(t => !tags.options.includes(t)),
    ];
    group.replaceWith(tagGroup(view, field));
    const name = capitalise(result.tag);
    announce(
      on
        ? `${view.name} is tagged ${name}.`
        : `${name} removed from ${view.name}.`,
    );
  });
}

// ---- Interest notes -------------------------------------------------------------

function notesField(view: SupporterView, draft?: string): HTMLElement {
  const id = newId('notes');
  const stateId = newId('notes-state');
  let saved = view.interestNotes;
  const state = el('span', {className: 'save-state', attrs: {id: stateId}});
  const area = el('textarea', {
    attrs: {
      id,
      rows: 3,
      maxlength: 5000,
      'data-focus': 'notes',
      'aria-describedby': stateId,
      placeholder: 'What they care about: "loves tigers", "runs marathons"…',
    },
  });
  area.value = draft ?? saved;
  const setState = (text: string, kind = '') => {
    fill(state, text);
    state.className = `save-state ${kind}`;
  };
  area.addEventListener('input', () =>
    setState(area.value.trim() === saved ? '' : 'Saves when you leave the box'),
  );
  const section = el(
    'section',
    {className: 'notes'},
    el(
      'div',
      {className: 'label-row'},
      el('label', {attrs: {for: id}}, 'Interest notes'),
      state,
    ),
    area,
  );
  area.addEventListener('blur', async () => {
    const text = area.value.trim();
    if (text === saved) return;
    setState('Saving…');
    const target = targetOf(currentSelection());
    if (!target) return;
    const result = await whileBusy(section, () =>
      change(() =>
        callServer('saveInterestNotes', {
          target,
          text,
          selectionKey: selectionKey(),
        }),
      ),
    );
    if (!result) {
      setState('Not saved', 'failed');
      return;
    }
    saved = view.interestNotes = result.interestNotes;
    setState('Saved', 'saved');
    announce(`Interest notes saved for ${view.name}.`);
  });
  return section;
}

// ---- Facts and history ----------------------------------------------------------

function facts(view: SupporterView): HTMLElement {
  const birthday = view.birthday
    ? view.birthday.text +
      (view.birthday.daysUntil === 0
        ? ' — today!'
        : view.birthday.daysUntil <= 31
          ? ` (in ${plural(view.birthday.daysUntil, 'day')})`
          : '')
    : 'Not known';
  const cadence = view.cadenceDays
    ? `Every ${plural(view.cadenceDays, 'day')}`
    : view.cadenceInEffect
      ? `Every ${plural(view.cadenceInEffect, 'day')} (default for believers)`
      : 'No reminder';
  return el(
    'dl',
    {className: 'facts'},
    term('Birthday', birthday),
    term('Stay in touch', cadence),
    term('Do not contact', view.doNotContact ? 'Yes' : 'No'),
    term(
      'Last contact',
      view.lastContact ? instantText(view.lastContact) : 'Never',
    ),
  );
}

function interaction(i: InteractionView): HTMLElement {
  return el(
    'li',
    {className: `event ${i.direction}`},
    el(
      'span',
      {className: 'arrow', attrs: {'aria-hidden': 'true'}},
      i.direction === 'inbound' ? '←' : '→',
    ),
    el(
      'div',
      null,
      el('span', {className: 'event-label'}, i.label),
      i.amount !== null && ` (${i.amount})`,
      el(
        'span',
        {className: 'muted'},
        ` · ${dayText(i.date)}${i.channel ? ` · ${i.channel}` : ''}`,
      ),
      i.note && el('div', {className: 'event-note'}, i.note),
      i.link &&
        el(
          'div',
          null,
          externalLink(
            i.link,
            'Open the post',
            `Open the post (${i.label}, opens a new tab)`,
          ),
        ),
    ),
  );
}

function recent(view: SupporterView): HTMLElement {
  const heading = newId('recent');
  return el(
    'section',
    {className: 'recent', attrs: {'aria-labelledby': heading}},
    el(
      'h3',
      {attrs: {id: heading}},
      'Recent interactions',
      view.totalInteractions > view.recent.length &&
        el(
          'span',
          {className: 'muted'},
          ` (last ${view.recent.length} of ${view.totalInteractions})`,
        ),
    ),
    view.recent.length
      ? el('ol', {className: 'events'}, view.recent.map(interaction))
      : el(
          'p',
          {className: 'muted'},
          'Nothing logged yet. Use the Log tab when you interact.',
        ),
  );
}
