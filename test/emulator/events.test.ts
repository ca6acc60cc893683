import {emulatorFor} from '../fixtures/runtime/harness';

const edits = (emu: ReturnType<typeof emulatorFor>) =>
  JSON.parse(emu.properties('document').edits ?? '[]') as Record<
    string,
    unknown
  >[];

describe('opening the file and the add-on menu', () => {
  test('open() fires onOpen(e) as a simple trigger in LIMITED mode with e.source and e.user', () => {
    const emu = emulatorFor('addon');
    emu.open();
    expect(emu.properties('document')).toEqual({openedAs: 'LIMITED'});
    expect(emu.executions[emu.executions.length - 1]).toMatchObject({
      fn: 'onOpen',
      kind: 'simple-trigger',
      mode: 'LIMITED',
    });
  });

  test('menu() is what the last onOpen built, with the add-on menu caption in menus()', () => {
    const emu = emulatorFor('addon', {addOnName: 'Social CRM'});
    emu.open('NONE');
    expect(emu.menus()).toEqual([
      expect.objectContaining({caption: 'Social CRM', addOn: true}),
    ]);
    expect(emu.menu()).toEqual([
      {caption: 'Set up tracker', functionName: 'setUpTracker'},
      {caption: 'Open sidebar', functionName: 'showSidebar'},
      {separator: true},
      {
        caption: 'Daily digest',
        submenu: [
          {caption: 'Turn on daily digest', functionName: 'turnOnDigest'},
          {caption: 'Send digest now', functionName: 'sendDigest'},
        ],
      },
      {caption: 'Reset settings', functionName: 'resetSettings'},
      {caption: 'Rename tracker', functionName: 'renameTracker'},
    ]);
    expect(emu.properties('document')).toEqual({}); // under NONE the add-on touched nothing
  });

  test('install() runs onInstall(e) with FULL', () => {
    const emu = emulatorFor('addon');
    emu.install();
    expect(emu.properties('document')).toEqual({openedAs: 'FULL'});
    expect(emu.menu()).toHaveLength(6);
  });

  test('a service call at top level breaks onOpen under NONE: logged, not thrown, no menu', () => {
    const emu = emulatorFor('top-level-service');
    emu.open('NONE');
    expect(emu.menu()).toEqual([]);
    expect(emu.executions).toEqual([
      expect.objectContaining({
        fn: 'onOpen',
        ok: false,
        error: 'Exception: Authorization is required to perform that action.',
      }),
    ]);
    emu.open('LIMITED');
    expect(emu.menu()).toEqual([
      {caption: 'Set up tracker', functionName: 'setUp'},
    ]);
  });

  test('clickMenu runs the item in FULL mode, by caption or unique prefix, in submenus too', () => {
    const emu = emulatorFor('addon');
    emu.open();
    expect(emu.clickMenu('set up')).toBe('Supporters');
    expect(emu.ui.toasts).toEqual([
      {message: 'Tracker ready', title: 'Whuffie', timeoutSeconds: 5},
    ]);
    expect(emu.clickMenu('Send digest now')).toMatchObject({
      activeWasNull: false,
      authMode: null,
    });
    expect(() => emu.clickMenu('Re')).toThrow('is ambiguous');
    expect(() => emu.clickMenu('Delete everything')).toThrow(
      'No menu item "Delete everything"',
    );
  });

  test('answers answer alerts in order; unanswered ones take the affirmative default', () => {
    const emu = emulatorFor('addon');
    emu.open();
    expect(emu.clickMenu('Reset settings', ['no'])).toBe('kept');
    expect(emu.clickMenu('Reset settings')).toBe('reset');
    expect(emu.ui.alerts).toEqual([
      {
        title: 'Reset settings',
        prompt: 'Forget every setting?',
        buttons: 'YES_NO',
        answer: 'NO',
      },
      {
        title: 'Reset settings',
        prompt: 'Forget every setting?',
        buttons: 'YES_NO',
        answer: 'YES',
      },
    ]);
    expect(() => emu.clickMenu('Reset settings', ['OK'])).toThrow(
      'is not a button of the alert',
    );
  });

  test('prompts take typed text; "[CANCEL]" presses Cancel', () => {
    const emu = emulatorFor('addon');
    emu.open();
    expect(emu.clickMenu('Rename tracker', ['Donors 2026'])).toBe(
      'Donors 2026',
    );
    expect(emu.clickMenu('Rename tracker', ['[CANCEL]'])).toBeNull();
    expect(emu.clickMenu('Rename tracker')).toBe('');
    expect(emu.ui.prompts.map(p => [p.button, p.text])).toEqual([
      ['OK', 'Donors 2026'],
      ['CANCEL', ''],
      ['OK', ''],
    ]);
  });

  test('the sidebar is rendered from the bundle HTML with template escaping', () => {
    const emu = emulatorFor('addon');
    emu.open();
    emu.clickMenu('Open sidebar');
    const [sidebar] = emu.ui.sidebars;
    expect(sidebar.title).toBe('Whuffie');
    expect(sidebar.html).toContain(
      '<p class="escaped">&lt;b&gt;Ada&lt;/b&gt;</p>',
    );
    expect(sidebar.html).toContain('<p class="raw"><b>Ada</b></p>');
    expect(sidebar.html).toContain('<i>0</i><i>1</i>');
    expect(sidebar.html).toContain('<footer>Made with whuffie</footer>');
  });
});

describe('edits', () => {
  const workbook = {
    sheets: [
      {
        name: 'Supporters',
        values: [
          ['Name', 'Done'],
          ['Ada', false],
        ],
      },
    ],
  };

  test('userEdit fires simple onEdit(e) in LIMITED with string values; oldValue is absent for an empty cell', () => {
    const emu = emulatorFor('addon', {workbook});
    emu.userEdit('Supporters!C2', '1,000');
    emu.userEdit('Supporters!A2', 'Ada Lovelace');
    emu.userEdit("'Supporters'!B2", 'TRUE');
    expect(edits(emu)).toEqual([
      expect.objectContaining({
        a1: 'C2',
        value: '1000',
        hasOldValue: false,
        authMode: 'LIMITED',
        user: 'me@example.org',
      }),
      expect.objectContaining({
        a1: 'A2',
        value: 'Ada Lovelace',
        oldValue: 'Ada',
        hasOldValue: true,
      }),
      expect.objectContaining({a1: 'B2', value: 'TRUE', oldValue: 'FALSE'}),
    ]);
    expect(edits(emu)[0].source).toBe(emu.document.id);
    expect(emu.toWorkbook().sheets[0].values[1]).toEqual([
      'Ada Lovelace',
      true,
      1000,
    ]);
  });

  test('writes made by a script never fire onEdit', () => {
    const emu = emulatorFor('addon', {workbook});
    emu.call('writeCells');
    expect(edits(emu)).toEqual([]);
    expect(emu.executions.map(e => e.fn)).toEqual(['writeCells']);
  });

  test('installable edit triggers fire in FULL with triggerUid, after the simple one', () => {
    const emu = emulatorFor('addon', {workbook});
    const uid = emu.call('installEditTrigger') as string;
    expect(emu.triggers).toEqual([
      expect.objectContaining({
        uid,
        handler: 'onEditInstalled',
        type: 'ON_EDIT',
        source: 'SPREADSHEETS',
        sourceId: emu.document.id,
      }),
    ]);
    emu.userEdit('Supporters!A3', 'Grace');
    expect(JSON.parse(emu.properties('document').installedEdit)).toEqual({
      value: 'Grace',
      uid,
      authMode: 'FULL',
    });
    expect(emu.executions.slice(-2).map(e => [e.fn, e.mode])).toEqual([
      ['onEdit', 'LIMITED'],
      ['onEditInstalled', 'FULL'],
    ]);
  });

  test('userSelect moves the active sheet and range the sidebar follows', () => {
    const emu = emulatorFor('addon', {
      workbook: {
        sheets: [
          {name: 'One', values: [['x']]},
          {name: 'Two', values: [['y']]},
        ],
      },
    });
    emu.userSelect('Two!B2:C3');
    expect(emu.call('activeSelection')).toEqual({sheet: 'Two', range: 'B2:C3'});
  });
});
