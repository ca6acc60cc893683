import {Emulator} from '../../emulator';
import {emulatorFor, MONDAY_8AM} from '../fixtures/runtime/harness';

describe('the Apps Script runtime', () => {
  const emu = emulatorFor('basics');

  test('the bundle sees ECMAScript globals, Intl and the services, and none of Node or the browser', () => {
    const absent = [
      'require',
      'process',
      'Buffer',
      'setTimeout',
      'setInterval',
      'URL',
      'URLSearchParams',
      'fetch',
      'TextEncoder',
      'TextDecoder',
      'atob',
      'btoa',
      'crypto',
      'Blob',
      'FormData',
      'window',
      'navigator',
      'performance',
      'module',
      'exports',
      'global',
      'queueMicrotask',
      'structuredClone',
    ];
    const seen = emu.call('globalsSeen', [absent]) as Record<string, string>;
    for (const name of absent)
      expect([name, seen[name]]).toEqual([name, 'undefined']);
    expect(seen).toMatchObject({
      Intl: 'object',
      JSON: 'object',
      SpreadsheetApp: 'object',
    });
  });

  test('every *.js file loads into one global scope', () => {
    expect(emu.call('helperFromSecondFile')).toBe('helper');
  });

  test('top-level code runs again on every execution, in a fresh context', () => {
    expect(emu.call('loadsAndMode')).toEqual({
      loads: 1,
      modeAtLoad: 'properties ok',
      helperLoaded: 'function',
    });
    expect(emu.call('loadsAndMode')).toMatchObject({loads: 1});
    expect(emu.call('leakState')).toBe(1);
    expect(emu.call('leakState')).toBe(1); // globals never survive an execution
  });

  test("top-level code runs in the caller's auth mode (a service call there breaks onOpen under NONE)", () => {
    expect(emu.call('loadsAndMode', [], {mode: 'NONE'})).toMatchObject({
      modeAtLoad: 'Authorization is required to perform that action.',
    });
  });

  test('only top-level function declarations can be called; names ending in _ are private', () => {
    for (const name of [
      'arrowFunction',
      'functionExpression',
      'noSuchFunction',
      'privateHelper_',
    ]) {
      expect(() => emu.call(name)).toThrow(
        `Script function not found: ${name}`,
      );
      expect(() => emu.callFromSidebar(name)).toThrow(
        `Script function not found: ${name}`,
      );
    }
  });

  test("the context's Date follows the emulated clock; new Date(x) is untouched", () => {
    const reading = emu.call('clockReadings') as Record<string, unknown>;
    expect(
      Date.parse(reading.now as string) - Date.parse(MONDAY_8AM),
    ).toBeGreaterThanOrEqual(0);
    expect(
      Date.parse(reading.now as string) - Date.parse(MONDAY_8AM),
    ).toBeLessThan(60_000);
    expect(reading.nowMs as number).toBeLessThanOrEqual(
      Date.parse(reading.now as string),
    );
    expect(reading).toMatchObject({
      parsed: '2020-01-02T03:04:05.000Z',
      fromParts: '2021-01-01T00:00:00.000Z',
      isDate: true,
      constructorIsDate: true,
      asFunction: 'string',
    });
  });

  test('Utilities.sleep advances the clock instead of blocking', () => {
    const emulator = emulatorFor('basics');
    const started = Date.now();
    const slept = emulator.call('sleepy', [120_000]) as number;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(slept).toBeGreaterThanOrEqual(120_000);
    expect(
      emulator.now().getTime() - Date.parse(MONDAY_8AM),
    ).toBeGreaterThanOrEqual(120_000);
  });

  test('an execution past 6 minutes of emulated time is stopped', () => {
    const emulator = emulatorFor('basics');
    expect(() => emulator.call('sleepPastLimit')).toThrow(
      'Exceeded maximum execution time',
    );
    const last = emulator.executions[emulator.executions.length - 1];
    expect(last).toMatchObject({
      fn: 'sleepPastLimit',
      ok: false,
      error: 'Exception: Exceeded maximum execution time',
    });
  });

  test('custom functions get 30 seconds', () => {
    const emulator = emulatorFor('basics');
    expect(
      emulator.call('sleepy', [20_000], {mode: 'CUSTOM_FUNCTION'}),
    ).toBeGreaterThanOrEqual(20_000);
    expect(() =>
      emulator.call('sleepy', [31_000], {mode: 'CUSTOM_FUNCTION'}),
    ).toThrow('Exceeded maximum execution time');
  });

  test('simple triggers get 30 seconds', () => {
    const emulator = emulatorFor('basics');
    emulator.open();
    expect(emulator.menu()).toEqual([]);
    expect(emulator.executions[emulator.executions.length - 1]).toMatchObject({
      fn: 'onOpen',
      kind: 'simple-trigger',
      ok: false,
      error: 'Exception: Exceeded maximum execution time',
    });
    emulator.call('onOpen'); // the same code run from the editor has 6 minutes
    expect(emulator.menu()).toEqual([{caption: 'Echo', functionName: 'echo'}]);
  });

  test('a script that never returns is stopped by the real-time limit', () => {
    const emulator = emulatorFor('basics', {timeLimits: {executionMs: 200}});
    expect(() => emulator.call('spin')).toThrow(
      'Exceeded maximum execution time',
    );
  });

  test("service errors are the script realm's Errors named Exception", () => {
    expect(emu.call('errorsAreErrors')).toEqual({
      isError: true,
      name: 'Exception',
      message: 'Argument too large: key',
      text: 'Exception: Argument too large: key',
    });
  });

  test('a script error reaches the caller with its message', () => {
    expect(() => emu.call('throwsPlainError')).toThrow(
      'Nothing to do: select a supporter row first.',
    );
  });

  test('arguments and results cross like google.script.run', () => {
    expect(emu.call('echo', [{a: [1, undefined], b: 'x'}])).toEqual({
      a: [1, null],
      b: 'x',
    });
    expect(() => emu.call('echo', [new Date()])).toThrow(
      'Failed due to illegal value in property: 0',
    );
    expect(emu.call('returnsDates')).toEqual({
      when: null,
      list: [null, 1, null],
      text: 'kept',
    });
    expect(emu.callFromSidebar('returnsDates')).toEqual({
      when: null,
      list: [null, 1, null],
      text: 'kept',
    });
    expect(emu.call('echo', ['via the sidebar'], {via: 'sidebar'})).toBe(
      'via the sidebar',
    );
  });

  test('every execution is logged like the Executions page', () => {
    const emulator = emulatorFor('basics');
    emulator.call('echo', [1]);
    expect(emulator.executions).toEqual([
      expect.objectContaining({
        fn: 'echo',
        kind: 'editor',
        mode: 'FULL',
        ok: true,
        user: 'me@example.org',
      }),
    ]);
  });

  test('without a bundle nothing can run', () => {
    expect(() => new Emulator().call('x')).toThrow('No bundle loaded');
    expect(() => new Emulator().loadBundle('/nonexistent/dist')).toThrow(
      'No bundle folder',
    );
  });
});

describe('values handed to the bundle', () => {
  test("a Date read from a cell is the context's Date (instanceof Date holds inside)", () => {
    const when = new Date('2026-02-14T10:00:00Z');
    const emu = emulatorFor('addon', {
      workbook: {sheets: [{name: 'Supporters', values: [[when]]}]},
    });
    expect(emu.call('firstCellIsDate')).toEqual({
      isDate: true,
      iso: when.toISOString(),
    });
  });
});
