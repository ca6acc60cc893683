import {emulatorFor} from '../fixtures/runtime/harness';

describe('exportState and toWorkbook let a run continue where the last one stopped', () => {
  test('properties, cache, triggers, quotas, the clock and the custom-function memo survive a JSON round trip', () => {
    const first = emulatorFor('addon', {
      workbook: {
        sheets: [
          {
            name: 'Supporters',
            values: [['s1']],
            formulas: {B1: '=WHUFFIE(A1)'},
          },
          {name: 'Interactions', values: [['s1']]},
        ],
      },
      mailQuota: 5,
    });
    first.open();
    first.clickMenu('Turn on daily digest');
    first.fireTimeTriggers();
    first.call('setUpTracker');
    const state = JSON.parse(JSON.stringify(first.exportState()));
    const workbook = first.toWorkbook();

    const second = emulatorFor('addon', {state, workbook, mailQuota: 5});
    expect(second.now().getTime()).toBeGreaterThanOrEqual(
      first.now().getTime(),
    );
    expect(second.properties('user')).toEqual(first.properties('user'));
    expect(second.properties('document')).toEqual(first.properties('document'));
    expect(second.triggers).toEqual(first.triggers);
    expect(second.spreadsheet.id).toBe(first.spreadsheet.id);
    expect(second.call('sendDigest', [])).toBeDefined();
    expect(
      second.runtime.quotas.used(
        'email:me@example.org',
        second.now().getTime(),
      ),
    ).toBe(2);
    expect(second.executions.filter(e => e.kind === 'custom-function')).toEqual(
      [],
    ); // memo kept: nothing stale
    expect(second.toWorkbook()).toEqual(workbook);
  });

  test('counts can be reset between measurements', () => {
    const emu = emulatorFor('services');
    emu.call('setProperty', ['script', 'a', 'b']);
    expect(emu.counts['Properties.setProperty']).toBe(1);
    emu.resetCounts();
    expect(emu.counts).toEqual({});
  });
});
