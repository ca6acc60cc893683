/**
 * =WHUFFIE() and friends in cells of the built bundle: the range form with
 * the log follows the log; unknown supporters get a clear message; the
 * per-cell form is served from the cache in two service calls.
 */
import {records, sheetOf, trackerWith} from './harness';

function tracker() {
  const emu = trackerWith([
    ['Name', 'Email', 'Twitter'],
    ['Maya Ode', 'maya@example.org', '@maya_ode'],
    ['Tom Reed', 'tom@example.org', '@TomReed'],
  ]);
  const ids = records(emu, 'Supporters').map(r => String(r['Supporter ID']));
  return {emu, ids};
}

/** Column Z of the supporters sheet, rows 1–2 (where the formulas spill). */
const columnZ = (emu: ReturnType<typeof tracker>['emu']) =>
  sheetOf(emu, 'Supporters')
    .values.slice(0, 2)
    .map(r => r[25]);

/** A user typing a thank-you into the log, cell by cell. */
function typeThanks(emu: ReturnType<typeof tracker>['emu'], id: string) {
  emu.userEdit('Interactions!A2', '2026-02-28 10:00');
  emu.userEdit('Interactions!B2', id);
  emu.userEdit('Interactions!C2', 'outbound');
  emu.userEdit('Interactions!D2', 'thanks');
}

describe('sheet functions', () => {
  test('the range form with the log spills a column and follows the log without recalculation', () => {
    const {emu, ids} = tracker();
    emu.userEdit('Supporters!Z1', '=WHUFFIE(D2:D3, Interactions!A2:K)');
    expect(columnZ(emu)).toEqual([0, 0]);
    typeThanks(emu, ids[1]);
    expect(columnZ(emu)).toEqual([0, 3]);
  });

  test('a handle in any spelling finds the supporter; SUPPORTER_VALUE reads a measure', () => {
    const {emu, ids} = tracker();
    typeThanks(emu, ids[1]);
    emu.userEdit(
      'Supporters!Z1',
      '=WHUFFIE("https://x.com/tomreed", Interactions!A2:K)',
    );
    emu.userEdit(
      'Supporters!Z2',
      '=SUPPORTER_VALUE("tom@example.org", "promotion")',
    );
    expect(columnZ(emu)).toEqual([3, 0]);
  });

  test('an unknown supporter is a clear #N/A message, not a crash', () => {
    const {emu} = tracker();
    expect(() =>
      emu.call('WHUFFIE', ['@nobody_here'], {mode: 'CUSTOM_FUNCTION'}),
    ).toThrow(/#N\/A: no supporter matches "@nobody_here"/);
    const column = emu.call(
      'RESPONSIVENESS',
      [[['@maya_ode'], ['@nobody_here'], ['']]],
      {
        mode: 'CUSTOM_FUNCTION',
      },
    ) as unknown[][];
    // No interactions yet: only the smoothed reply rate, 100 · 0.3 · 1/3.
    expect(column[0][0]).toBe(10);
    expect(String(column[1][0])).toMatch(/^#N\/A/);
    expect(column[2][0]).toBe('');
  });

  test('a per-cell call in steady state costs two service calls (served from the cache)', () => {
    const {emu} = tracker();
    emu.call('WHUFFIE', ['@maya_ode'], {mode: 'CUSTOM_FUNCTION'});
    emu.resetCounts();
    emu.call('WHUFFIE', ['@TomReed'], {mode: 'CUSTOM_FUNCTION'});
    const calls = Object.values(emu.customFunctionCounts).reduce(
      (a, b) => a + b,
      0,
    );
    expect(calls).toBeLessThanOrEqual(2);
  });

  test('the single-cell form without the log keeps its value when the log grows (Sheets only recomputes on argument changes)', () => {
    const {emu, ids} = tracker();
    emu.userEdit('Supporters!Z1', '=WHUFFIE("@TomReed")');
    emu.userEdit('Supporters!Z2', '=WHUFFIE("@TomReed", Interactions!A2:K)');
    typeThanks(emu, ids[1]);
    expect(columnZ(emu)).toEqual([0, 3]);
  });
});
