/**
 * The sidebar (Social CRM › Open sidebar): follows the selected row of the
 * tracker and draws the panels. Built by scripts/build.js into
 * dist/sidebar.html with index.html and sidebar.css.
 */
import {renderBulk} from './bulk';
import {byId, el, fill} from './dom';
import {buildLog, updateLogTarget} from './log';
import {Current, onSelectionChange, startFollowingSelection} from './selection';
import {openSettings} from './settings';
import {renderSupporter} from './supporter';
import {openTab, setUpTabs} from './tabs';
import {openToday} from './today';
import {revealXArchiveImport} from './x-archive';

function renderSelection(current: Current): void {
  const root = byId('supporter-view');
  if (current.kind === 'one') renderSupporter(root, current.supporter);
  else if (current.kind === 'many') renderBulk(root, current.bulk);
  else {
    delete root.dataset.supporter;
    fill(root, el('p', {className: 'empty'}, current.message));
  }
  updateLogTarget(current);
}

function start(): void {
  setUpTabs((name, view) => {
    if (name === 'today') openToday(view);
    if (name === 'settings') openSettings(view);
  });
  buildLog(byId('log-view'));
  onSelectionChange(renderSelection);
  startFollowingSelection();
  // Set by the server when a menu item opens the sidebar on a section.
  if (document.body.dataset.open === 'import') {
    openTab('settings');
    revealXArchiveImport();
  }
}

start();
