/**
 * The sidebar (Social CRM › Open sidebar): follows the selected row of the
 * tracker and draws the panels. Built by scripts/build.js into
 * dist/sidebar.html with index.html and sidebar.css.
 */
import {renderBulk} from './bulk';
import {byId, el, fill} from './dom';
import {oneDecimal} from './format';
import {buildLog, updateLogTarget} from './log';
import {Current, onSelectionChange, startFollowingSelection} from './selection';
import {openSettings} from './settings';
import {renderSupporter} from './supporter';
import {setUpTabs} from './tabs';
import {openToday} from './today';

/** The line above the tabs: who is selected, and their two scores. */
function renderWho(current: Current): void {
  const who = byId('who');
  if (current.kind === 'one') {
    const {name, scores} = current.supporter;
    fill(
      who,
      el('span', {className: 'who-name'}, name),
      el(
        'span',
        {className: 'who-scores'},
        `Whuffie ${oneDecimal(scores.whuffie)} · ${scores.responsiveness} ${scores.band}`,
      ),
    );
  } else if (current.kind === 'many') {
    fill(who, el('span', {className: 'who-name'}, `${current.bulk.count} supporters selected`));
  } else {
    fill(who, el('span', {className: 'who-name muted'}, 'No supporter selected'));
  }
}

function renderSelection(current: Current): void {
  const root = byId('supporter-view');
  if (current.kind === 'one') renderSupporter(root, current.supporter);
  else if (current.kind === 'many') renderBulk(root, current.bulk);
  else {
    delete root.dataset.supporter;
    fill(root, el('p', {className: 'empty'}, current.message));
  }
  renderWho(current);
  updateLogTarget(current);
}

function start(): void {
  buildLog(byId('log-view'));
  setUpTabs(name => {
    if (name === 'today') openToday(byId('today-view'));
    if (name === 'settings') openSettings(byId('settings-view'));
  });
  onSelectionChange(renderSelection);
  startFollowingSelection();
}

start();
