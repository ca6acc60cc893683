/**
 * The panel for several selected rows: tag or untag them all in one go,
 * with the count on the button ("Tag 23 supporters as Volunteer").
 */
import type {BulkView, TagCount, TagField} from '../src/api';
import {whileBusy} from './busy';
import {el, fill, newId} from './dom';
import {capitalise, plural} from './format';
import {callServer} from './server';
import {change, currentSelection, selectionKey, targetOf} from './selection';
import {announce} from './status';

const GROUPS: {field: TagField; label: string}[] = [
  {field: 'relationshipTags', label: 'Relationship tags'},
  {field: 'topics', label: 'Topics'},
];

/** The tag the user picked survives redraws (a poll, another bulk action). */
let picked = 'relationshipTags|volunteer';

export function renderBulk(root: HTMLElement, bulk: BulkView): void {
  const more = bulk.count - bulk.names.length;
  const selectId = newId('bulk-tag');
  const countOf = (value: string): TagCount | undefined => {
    const [field, tag] = value.split('|') as [TagField, string];
    return bulk[field].find(c => c.tag === tag);
  };
  const options = GROUPS.filter(g => bulk[g.field].length).map(g =>
    el(
      'optgroup',
      {attrs: {label: g.label}},
      bulk[g.field].map(c =>
        el(
          'option',
          {attrs: {value: `${g.field}|${c.tag}`}},
          capitalise(c.tag),
        ),
      ),
    ),
  );
  const select = el(
    'select',
    {attrs: {id: selectId, 'data-focus': 'bulk-tag'}},
    options,
  );
  if (countOf(picked)) select.value = picked;
  picked = select.value;
  const have = el('p', {className: 'muted', attrs: {'aria-live': 'polite'}});
  const tagButton = el('button', {
    className: 'button primary block',
    attrs: {type: 'button', 'data-focus': 'bulk-on'},
  });
  const untagButton = el('button', {
    className: 'button secondary block',
    attrs: {type: 'button', 'data-focus': 'bulk-off'},
  });
  const form = el(
    'div',
    {className: 'bulk-form'},
    el('label', {attrs: {for: selectId}}, 'Tag'),
    select,
    have,
    tagButton,
    untagButton,
  );
  const describe = () => {
    picked = select.value;
    const count = countOf(picked)?.count ?? 0;
    const name = capitalise(picked.split('|')[1] ?? '');
    fill(
      have,
      `${count} of ${bulk.count} already ${count === 1 ? 'has' : 'have'} it.`,
    );
    fill(tagButton, `Tag ${plural(bulk.count, 'supporter')} as ${name}`);
    fill(untagButton, `Remove ${name} from ${plural(count, 'supporter')}`);
    tagButton.disabled = count === bulk.count;
    untagButton.disabled = count === 0;
  };
  select.addEventListener('change', describe);
  const apply = (on: boolean) => {
    const [field, tag] = picked.split('|') as [TagField, string];
    const target = targetOf(currentSelection());
    if (!target) return;
    void whileBusy(form, async () => {
      const result = await change(() =>
        callServer('setTag', {
          target,
          field,
          tag,
          on,
          selectionKey: selectionKey(),
        }),
      );
      bulk[field] = result.counts;
      renderBulk(root, bulk);
      const name = capitalise(tag);
      announce(
        on
          ? `Tagged ${plural(result.supporters, 'supporter')} as ${name} (${result.changed} changed).`
          : `Removed ${name} from ${plural(result.changed, 'supporter')}.`,
      );
    });
  };
  tagButton.addEventListener('click', () => apply(true));
  untagButton.addEventListener('click', () => apply(false));
  fill(
    root,
    el(
      'section',
      {className: 'identity'},
      el(
        'h2',
        {className: 'name'},
        `${plural(bulk.count, 'supporter')} selected`,
      ),
      el(
        'p',
        {className: 'muted'},
        bulk.names.join(', ') + (more > 0 ? ` and ${more} more` : ''),
      ),
    ),
    options.length
      ? form
      : el('p', null, 'There are no tags to offer yet: add some in Settings.'),
    el(
      'p',
      {className: 'muted small'},
      'The Log tab logs an interaction for all of them at once.',
    ),
  );
  describe();
}
