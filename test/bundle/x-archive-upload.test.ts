/**
 * Social CRM › Import X archive…: the menu item opens the sidebar on its
 * import section, and the sidebar's call reads one archive file per call.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Notice} from '../../src/api';
import {records, supporterIds, trackerWith} from './harness';
import {ROOT} from './dist';

const TWEETS = readFileSync(
  join(ROOT, 'test/fixtures/sync/x-archive/data/tweets.js'),
  'utf8',
);

const PEOPLE = [
  ['Name', 'Email', 'Twitter'],
  ['Maya Ode', 'maya@example.org', '@maya_ode'],
  ['Tom Reed', 'tom@example.org', '@tomreed'],
];

const tracker = () => trackerWith(PEOPLE);

describe('Import X archive…', () => {
  test('comes right after Sync engagement and opens the sidebar on the import section', () => {
    const emu = tracker();
    const captions = emu
      .menu()
      .map(item => ('caption' in item ? item.caption : ''));
    expect(captions.indexOf('Import X archive…')).toBe(
      captions.indexOf('Sync engagement') + 1,
    );
    emu.clickMenu('Import X archive…');
    expect(emu.ui.alerts).toEqual([]);
    expect(emu.ui.sidebars).toHaveLength(1);
    const {title, html} = emu.ui.sidebars[0];
    expect(title).toBe('Social CRM');
    expect(html).toContain('<body data-open="import">');
    expect(html).toContain('role="tablist"');
  });

  test("the sidebar's call logs our replies and mentions from tweets.js", () => {
    const emu = tracker();
    const ids = supporterIds(emu);
    const notice = emu.callFromSidebar('importXArchiveFile', [
      'tweets.js',
      TWEETS,
    ]) as Notice;
    expect(notice.message).toMatch(/^Read 4 entries from tweets\.js: /);
    const added = records(emu, 'Interactions').filter(
      r => r.Source === 'x-archive',
    );
    expect(added.length).toBeGreaterThan(0);
    expect(added.map(r => r['Supporter ID'])).toEqual(
      expect.arrayContaining([ids['Maya Ode'], ids['Tom Reed']]),
    );
    expect(added.every(r => r.Direction === 'outbound')).toBe(true);
  });
});
