import type {TriggerRecord} from '../../emulator';
import {emulatorFor} from '../fixtures/runtime/harness';

describe('ScriptApp triggers', () => {
  test('a daily trigger is recorded with its hour, cadence, time zone and owner', () => {
    const emu = emulatorFor('addon', {timeZone: 'Europe/Paris'});
    emu.open();
    const uid = emu.clickMenu('Turn on daily digest') as string;
    expect(emu.triggers).toEqual([
      expect.objectContaining({
        uid,
        handler: 'sendDigest',
        type: 'CLOCK',
        source: 'CLOCK',
        sourceId: null,
        atHour: 7,
        everyDays: 1,
        timezone: 'Europe/Paris',
        owner: 'me@example.org',
        documentId: emu.document.id,
      }),
    ]);
    expect(emu.properties('user')).toEqual({
      [`digest:${uid}`]: emu.document.id,
    });
  });

  test('Trigger objects answer their id, handler, type and source', () => {
    const emu = emulatorFor('services');
    const uid = emu.call('makeTrigger', ['hourly', 2]);
    expect(emu.call('listTriggers')).toEqual([
      {uid, fn: 'tick', type: 'CLOCK', source: 'CLOCK', sourceId: null},
    ]);
    expect(emu.call('userTriggers')).toBe(1);
    expect(emu.call('deleteAllTriggers')).toBe(0);
    expect(emu.triggers).toEqual([]);
  });

  test('add-ons may not run time-driven triggers more often than hourly', () => {
    const emu = emulatorFor('services');
    expect(() => emu.call('makeTrigger', ['minutes', 5])).toThrow(
      'The recurrence interval for an Add-on trigger must be at least one hour.',
    );
  });

  test('one trigger of each type per user per document', () => {
    const emu = emulatorFor('services');
    emu.call('makeTrigger', ['daily', 7]);
    expect(() => emu.call('makeTrigger', ['daily', 9])).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
  });

  test('at most 20 triggers per user per script', () => {
    const elsewhere = (i: number): TriggerRecord => ({
      uid: String(7_000_000_000 + i),
      handler: 'tick',
      type: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      owner: 'me@example.org',
      documentId: `other-document-${i}`,
      timezone: 'Etc/UTC',
      everyDays: 1,
      atHour: 6,
      minute: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const seed = emulatorFor('services').exportState();
    seed.triggers = Array.from({length: 19}, (_, i) => elsewhere(i));
    const emu = emulatorFor('services', {state: seed});
    expect(emu.call('makeTriggers', [3])).toEqual({
      created: 1,
      message:
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    });
  });
});

describe('time-driven triggers fire as the clock would', () => {
  function withDigest() {
    const emu = emulatorFor('addon');
    emu.open();
    const uid = emu.clickMenu('Turn on daily digest') as string;
    emu.resetCounts();
    return {emu, uid};
  }

  test('FULL mode, as the owner, no active spreadsheet, no document properties, triggerUid in the event', () => {
    const {emu, uid} = withDigest();
    expect(emu.fireTimeTriggers('daily')).toEqual([
      {uid, fn: 'sendDigest', at: expect.any(Date), ok: true},
    ]);
    expect(JSON.parse(emu.properties('user').digestSeen)).toMatchObject({
      activeWasNull: true,
      activeUser: '',
      effectiveUser: 'me@example.org',
      documentProperties: 'none',
      authMode: 'FULL',
      triggerUid: uid,
    });
    expect(emu.mail).toEqual([
      expect.objectContaining({
        to: 'me@example.org',
        subject: 'Reach out today',
        body: `Digest for ${emu.spreadsheet.name}`,
      }),
    ]);
    expect(emu.counts['SpreadsheetApp.openById']).toBe(1);
  });

  test('advanceClock runs each trigger at its scheduled time, oldest first', () => {
    const {emu, uid} = withDigest();
    const results = emu.advanceClock('2026-03-05T00:00:00Z');
    expect(
      results.map(r => [r.uid, r.ok, r.at.toISOString().slice(0, 13)]),
    ).toEqual([
      [uid, true, '2026-03-03T07'],
      [uid, true, '2026-03-04T07'],
    ]);
    expect(JSON.parse(emu.properties('user').digestSeen).at.slice(0, 13)).toBe(
      '2026-03-04T07',
    );
    expect(emu.now().toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(() => emu.advanceClock('2026-03-01T00:00:00Z')).toThrow(
      'The clock only moves forward.',
    );
  });

  test('a trigger whose handler is gone fails without stopping the others', () => {
    const emu = emulatorFor('services');
    emu.call('makeTrigger', ['hourly', 1]);
    emu.triggers[0].handler = 'removedInThisVersion';
    expect(emu.fireTimeTriggers()).toEqual([
      expect.objectContaining({
        ok: false,
        error: 'Exception: Script function not found: removedInThisVersion',
      }),
    ]);
  });

  test('time-driven triggers share a daily runtime quota', () => {
    const emu = emulatorFor('services', {triggerRuntimeQuotaMs: 0});
    emu.call('makeTrigger', ['hourly', 1]);
    expect(emu.fireTimeTriggers()).toEqual([
      expect.objectContaining({
        ok: false,
        error: 'Service using too much computer time for one day',
      }),
    ]);
    expect(emu.properties('user').ticks).toBeUndefined();
  });
});
