import {receiveResult, sendArguments} from '../../emulator/bridge';

describe('google.script.run values', () => {
  test('arguments are copied as JSON-ish data; undefined in arrays becomes null', () => {
    expect(
      sendArguments([
        {a: [1, undefined, 'x'], b: undefined, c: {d: true}},
        null,
      ]),
    ).toEqual([{a: [1, null, 'x'], c: {d: true}}, null]);
  });

  test('a Date argument fails in the page, naming the innermost property', () => {
    expect(() => sendArguments([new Date()])).toThrow(
      'Failed due to illegal value in property: 0',
    );
    expect(() => sendArguments(['ok', {when: new Date()}])).toThrow(
      'Failed due to illegal value in property: when',
    );
    expect(() => sendArguments([{f: () => 1}])).toThrow(
      'Failed due to illegal value in property: f',
    );
  });

  test('circular arguments fail', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => sendArguments([loop])).toThrow(
      'Failed due to circular reference.',
    );
  });

  test('a Date in a result arrives as null, functions disappear', () => {
    expect(
      receiveResult({
        when: new Date(),
        list: [new Date(), 1, undefined],
        fn: () => 1,
      }),
    ).toEqual({
      when: null,
      list: [null, 1, null],
    });
    expect(receiveResult(new Date())).toBeNull();
    expect(receiveResult(undefined)).toBeUndefined();
  });
});
