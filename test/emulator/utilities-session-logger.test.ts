import {createHash, createHmac} from 'node:crypto';
import {emulatorFor} from '../fixtures/runtime/harness';

const signed = (buffer: Buffer) =>
  Array.from(buffer, b => (b > 127 ? b - 256 : b));

describe('Utilities', () => {
  const result = emulatorFor('services').call('utilities') as Record<
    string,
    unknown
  >;

  test('digests and HMACs are signed byte arrays (−128…127)', () => {
    expect(result.md5).toEqual(
      signed(createHash('md5').update('abc').digest()),
    );
    expect(result.sha1Length).toBe(20);
    expect(result.sha256).toEqual(
      signed(createHash('sha256').update('whuffie').digest()),
    );
    expect(result.signed).toBe(true);
    expect(result.hmac).toEqual(
      signed(createHmac('sha256', 'key').update('message').digest()),
    );
  });

  test('base64 of strings (UTF-8) and byte arrays, plain and web-safe', () => {
    expect(result.b64).toBe(Buffer.from('Whuffie ✓').toString('base64'));
    expect(result.b64Bytes).toBe('/wAB');
    expect(result.webSafe).toBe('--__');
    expect(result.decoded).toBe('Whuffie ✓');
    expect(result.decodedWebSafe).toEqual([-5, -17, -1]);
  });

  test('formatString, formatDate, parseCsv, getUuid, newBlob', () => {
    expect(result.formatted).toBe('Ada has 42 points (12.3%) 00042');
    expect(result.date).toBe('Mon 2 Mar 2026 at 08:05 CET');
    expect(result.csv).toEqual([
      ['name', 'note'],
      ['Ada', 'says "hi"'],
      ['Bob', ''],
    ]);
    expect(result.uuid).toBe(true);
    expect(result.blob).toEqual([104, -61, -87]);
  });
});

describe('Utilities.getUuid with a seed (demos and screenshots)', () => {
  const run = (seed?: string) => {
    const emu = emulatorFor('services', {uuidSeed: seed});
    // Two executions: the sequence goes on from one to the next.
    return [
      ...(emu.call('uuids', [2]) as string[]),
      ...(emu.call('uuids', [1]) as string[]),
    ];
  };

  test('the same seed gives the same version 4 UUIDs in the same order; none repeats', () => {
    const ids = run('demo');
    expect(run('demo')).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) {
      expect(id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
    expect(run('other')).not.toEqual(ids);
  });

  test('without a seed they are random, as on the platform', () => {
    expect(run()).not.toEqual(run());
  });
});

describe('Session and logging', () => {
  test('who the code runs as, the script time zone, a temporary user key; Logger and console are captured', () => {
    const emu = emulatorFor('services', {user: 'ada@example.org'});
    expect(emu.call('whoAmI')).toEqual({
      active: 'ada@example.org',
      effective: 'ada@example.org',
      tz: 'Etc/UTC',
      key: true,
      log: 'user ada@example.org\n',
    });
    expect(emu.logs).toEqual([
      'user ada@example.org',
      'console { n: 1 }',
      'careful',
    ]);
    expect(emu.logEntries.map(e => e.level)).toEqual(['log', 'log', 'warn']);
  });

  test('custom functions run anonymously', () => {
    const emu = emulatorFor('services');
    expect(emu.call('whoAmI', [], {mode: 'CUSTOM_FUNCTION'})).toMatchObject({
      active: '',
      effective: '',
    });
  });

  test('the script time zone comes from the manifest unless given', () => {
    expect(
      emulatorFor('services', {scriptTimeZone: 'Europe/Paris'}).call('whoAmI'),
    ).toMatchObject({tz: 'Europe/Paris'});
  });
});
