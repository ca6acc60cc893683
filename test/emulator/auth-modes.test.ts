import {emulatorFor} from '../fixtures/runtime/harness';

const AUTHORIZATION_REQUIRED =
  'Authorization is required to perform that action.';
const permission = (method: string, scope: string) =>
  `You do not have permission to call ${method}. Required permissions: https://www.googleapis.com/auth/${scope}`;

describe('what each auth mode allows (PLATFORM.md)', () => {
  const emu = emulatorFor('services', {
    workbook: {sheets: [{name: 'Sheet1', values: [['a1']]}]},
  });
  const addon = emulatorFor('addon');

  test('NONE builds menus and nothing else: Properties and the document need authorization', () => {
    addon.open('NONE');
    expect(addon.menu().length).toBeGreaterThan(0);
    expect(addon.executions[addon.executions.length - 1]).toMatchObject({
      fn: 'onOpen',
      mode: 'NONE',
      ok: true,
    });
    expect(() =>
      emu.call('setProperty', ['script', 'k', 'v'], {mode: 'NONE'}),
    ).toThrow(AUTHORIZATION_REQUIRED);
    expect(() => emu.call('readFirstCell', [], {mode: 'NONE'})).toThrow(
      AUTHORIZATION_REQUIRED,
    );
    expect(() => emu.call('whoAmI', [], {mode: 'NONE'})).toThrow(
      AUTHORIZATION_REQUIRED,
    );
    expect(emu.call('utilities', [], {mode: 'NONE'})).toMatchObject({
      uuid: true,
    });
  });

  test('LIMITED (simple triggers) reads and writes the bound document and Properties', () => {
    expect(
      emu.call('setProperty', ['document', 'k', 'v'], {mode: 'LIMITED'}),
    ).toBe('v');
    emu.call('writeFirstCell', ['from a simple trigger'], {mode: 'LIMITED'});
    expect(emu.call('readFirstCell', [], {mode: 'LIMITED'})).toBe(
      'from a simple trigger',
    );
    emu.call('toast', ['saved'], {mode: 'LIMITED'});
    expect(emu.ui.toasts[emu.ui.toasts.length - 1]).toMatchObject({
      message: 'saved',
      title: 'Whuffie',
    });
  });

  test('LIMITED refuses UrlFetch, MailApp, ScriptApp, other files and sidebars with the real messages', () => {
    expect(() =>
      emu.call('fetch', ['http://127.0.0.1:9/'], {mode: 'LIMITED'}),
    ).toThrow(permission('UrlFetchApp.fetch', 'script.external_request'));
    expect(() => emu.call('mailQuota', [], {mode: 'LIMITED'})).toThrow(
      permission('MailApp.getRemainingDailyQuota', 'script.send_mail'),
    );
    expect(() => emu.call('listTriggers', [], {mode: 'LIMITED'})).toThrow(
      permission('ScriptApp.getProjectTriggers', 'script.scriptapp'),
    );
    expect(() => emu.call('openOther', ['someId'], {mode: 'LIMITED'})).toThrow(
      permission('SpreadsheetApp.openById', 'spreadsheets'),
    );
    expect(() => addon.call('showSidebar', [], {mode: 'LIMITED'})).toThrow(
      permission('Ui.showSidebar', 'script.container.ui'),
    );
    expect(() => addon.call('resetSettings', [], {mode: 'LIMITED'})).toThrow(
      permission('Ui.alert', 'script.container.ui'),
    );
  });

  test('CUSTOM_FUNCTION reads the sheet, uses Cache, Properties and UrlFetch, and writes nothing', () => {
    expect(
      emu.call('readFirstCell', [], {mode: 'CUSTOM_FUNCTION'}),
    ).toBeDefined();
    expect(
      emu.call('setProperty', ['script', 'k', 'v'], {mode: 'CUSTOM_FUNCTION'}),
    ).toBe('v');
    emu.call('cachePut', ['k', 'v'], {mode: 'CUSTOM_FUNCTION'});
    expect(() =>
      emu.call('writeFirstCell', ['x'], {mode: 'CUSTOM_FUNCTION'}),
    ).toThrow('You do not have permission to call Range.setValue');
    expect(() => emu.call('toast', ['x'], {mode: 'CUSTOM_FUNCTION'})).toThrow(
      'You do not have permission to call Spreadsheet.toast',
    );
    expect(() => emu.call('mailQuota', [], {mode: 'CUSTOM_FUNCTION'})).toThrow(
      permission('MailApp.getRemainingDailyQuota', 'script.send_mail'),
    );
    expect(() =>
      emu.call('listTriggers', [], {mode: 'CUSTOM_FUNCTION'}),
    ).toThrow(permission('ScriptApp.getProjectTriggers', 'script.scriptapp'));
    expect(() =>
      emu.call('openOther', [emu.document.id], {mode: 'CUSTOM_FUNCTION'}),
    ).toThrow(permission('SpreadsheetApp.openById', 'spreadsheets'));
    expect(() => emu.call('dialogs', [], {mode: 'CUSTOM_FUNCTION'})).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });

  test('FULL can do everything the scopes allow', () => {
    expect(emu.call('openOther', [emu.document.id])).toBe(emu.spreadsheet.name);
    expect(emu.call('mailQuota')).toBe(100);
    expect(emu.call('listTriggers')).toEqual([]);
    expect(emu.call('dialogs')).toBe('OK');
  });

  test('the Host applies the same rules to SpreadsheetApp, and lets the emulator itself through', () => {
    const host = emu.runtime.host;
    expect(() => host.checkAccess('Range.setValues', 'write')).not.toThrow(); // no execution running
    expect(host.mode()).toBe('FULL');
    expect(host.inTimeTrigger()).toBe(false);
  });
});
