import {emulatorFor} from '../fixtures/runtime/harness';

describe('PropertiesService', () => {
  test('script, user and document stores are separate; values are strings', () => {
    const emu = emulatorFor('services');
    expect(emu.call('setProperty', ['script', 'shared', 42])).toBe('42');
    emu.call('setProperty', ['user', 'token', 'secret']);
    emu.call('setProperty', ['document', 'sheet', 'Supporters']);
    expect(emu.properties('script')).toEqual({shared: '42'});
    expect(emu.properties('user')).toEqual({token: 'secret'});
    expect(emu.properties('user', 'someone@else.org')).toEqual({});
    expect(emu.properties('document')).toEqual({sheet: 'Supporters'});
  });

  test('user properties belong to the user running the code', () => {
    const emu = emulatorFor('services', {user: 'ada@example.org'});
    emu.call('setProperty', ['user', 'k', 'v']);
    expect(emu.properties('user', 'ada@example.org')).toEqual({k: 'v'});
  });

  test('get/set/delete, bulk setProperties (deleteAllOthers) and getKeys', () => {
    const emu = emulatorFor('services');
    expect(emu.call('propertyRoundTrip')).toEqual({
      afterDelete: {b: '2', c: 'true'},
      keys: ['b', 'c'],
      missing: null,
      replaced: {z: 'only'},
      empty: [],
    });
  });

  test('9 KB per value and 500 KB per store, with the real messages; a failed write changes nothing', () => {
    const emu = emulatorFor('services');
    expect(emu.call('bigProperty', [9 * 1024])).toBe('stored');
    expect(emu.call('bigProperty', [9 * 1024 + 1])).toBe(
      'Argument too large: value',
    );
    const filled = emu.call('fillPropertyStore') as {
      stored: number;
      message: string;
      survivor: boolean;
    };
    expect(filled.message).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(filled.stored).toBe(56); // 56 × ~9 KB fit in 500 KB
    expect(filled.survivor).toBe(true);
    expect(Object.keys(emu.properties('user'))).toHaveLength(56);
  });
});

describe('CacheService', () => {
  test('entries expire by the emulated clock; the default TTL is 10 minutes', () => {
    const emu = emulatorFor('services');
    emu.call('cachePut', ['short', 'v', 60]);
    emu.call('cachePut', ['default', 'v']);
    emu.call('cachePut', ['capped', 'v', 99_999]);
    emu.setNow(new Date(emu.now().getTime() + 61_000));
    expect([
      emu.call('cacheGet', ['short']),
      emu.call('cacheGet', ['default']),
    ]).toEqual([null, 'v']);
    emu.setNow(new Date(emu.now().getTime() + 600_000));
    expect(emu.call('cacheGet', ['default'])).toBeNull();
    emu.setNow(new Date(emu.now().getTime() + 6 * 3600_000 - 700_000));
    expect(emu.call('cacheGet', ['capped'])).toBe('v');
    emu.setNow(new Date(emu.now().getTime() + 100_000));
    expect(emu.call('cacheGet', ['capped'])).toBeNull(); // 21,600 s at most
  });

  test('getAll/putAll/remove/removeAll; missing keys are left out', () => {
    const emu = emulatorFor('services');
    expect(emu.call('cacheBatch')).toEqual({some: {a: '1', c: '3'}, after: {}});
  });

  test('keys up to 250 characters, values up to 100 KB', () => {
    const emu = emulatorFor('services');
    expect(emu.call('cacheLimits')).toEqual([
      'Argument too large: key',
      'Argument too large: value',
      'ok',
    ]);
  });

  test('a time-driven trigger has no document: document cache, lock and properties are null', () => {
    const emu = emulatorFor('services');
    expect(emu.call('documentCacheAndLock')).toEqual({
      cache: false,
      lock: false,
      properties: false,
    });
    emu.call('makeTrigger', ['hourly', 1]);
    emu.triggers[0].handler = 'documentCacheAndLock';
    expect(emu.fireTimeTriggers()).toEqual([
      expect.objectContaining({ok: true}),
    ]);
    expect(JSON.parse(emu.properties('user').noDocument)).toEqual({
      cache: true,
      lock: true,
      properties: true,
    });
  });
});

describe('LockService', () => {
  test('a free lock is taken at once and released', () => {
    const emu = emulatorFor('services');
    expect(emu.call('lockTry', [1000])).toMatchObject({got: true, has: true});
    expect(emu.call('lockWait', [1000])).toEqual({
      held: true,
      afterRelease: false,
    });
  });

  test('a lock held by another execution: tryLock waits its timeout and returns false, waitLock throws', () => {
    const emu = emulatorFor('services');
    emu.holdLock('document');
    const tried = emu.call('lockTry', [5000]) as {
      got: boolean;
      has: boolean;
      waited: number;
    };
    expect(tried).toMatchObject({got: false, has: false});
    expect(tried.waited).toBeGreaterThanOrEqual(5000);
    emu.holdLock('script');
    expect(emu.call('lockWait', [30_000])).toEqual({
      error: 'Lock timeout: another process was holding the lock for too long.',
      name: 'Exception',
    });
  });

  test('a lock released before the timeout is acquired after waiting for it', () => {
    const emu = emulatorFor('services');
    emu.holdLock('document', new Date(emu.now().getTime() + 2000));
    const tried = emu.call('lockTry', [10_000]) as {
      got: boolean;
      waited: number;
    };
    expect(tried.got).toBe(true);
    expect(tried.waited).toBeGreaterThan(1500); // until the holder lets go, minus the time already spent
    expect(tried.waited).toBeLessThan(10_000);
    emu.holdLock('script');
    emu.releaseLock('script');
    expect(emu.call('lockWait', [10])).toEqual({
      held: true,
      afterRelease: false,
    });
  });
});
