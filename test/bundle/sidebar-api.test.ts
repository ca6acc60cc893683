/**
 * The sidebar's server API (src/api.ts), run by the built bundle in the
 * emulator exactly as google.script.run calls it: FULL mode, plain data in
 * and out (a Date would arrive as null), server errors as messages.
 */
import {Emulator} from '../../emulator';
import {buildDemo} from '../../scripts/demo';
import {ASKS, DONATION, QuickLog, THEY, WE} from '../../sidebar/quick-log';
import type {
  LogRequest,
  LogResult,
  NotesResult,
  SelectionState,
  SettingsView,
  SupporterView,
  TagRequest,
  TagResult,
} from '../../src/api';
import {columnLetter} from '../../src/core/columns';
import {addOn, records, sheetOf, totalCalls} from './harness';
import {idOf, NOW, sidebarPeople, sidebarTracker} from './sidebar-fixture';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.parse(NOW) - days * DAY);
const tracker = () => sidebarTracker();

const cell = (emu: Emulator, name: string, header: string) =>
  records(emu, 'Supporters').find(r => r.Name === name)![header];

const select = (emu: Emulator, a1: string, lastKey: string | null = null) => {
  emu.userSelect(a1);
  return emu.callFromSidebar('getSelectionState', [lastKey]) as SelectionState;
};

const one = (state: SelectionState): SupporterView => {
  if (state.unchanged || state.kind !== 'one') {
    throw new Error(`expected one supporter, got ${JSON.stringify(state)}`);
  }
  return state.supporter;
};

const setTag = (emu: Emulator, request: TagRequest) =>
  emu.callFromSidebar('setTag', [request]) as TagResult;

const logIt = (emu: Emulator, request: LogRequest) =>
  emu.callFromSidebar('logInteraction', [request]) as LogResult;

/** Every cell of every sheet, as [sheet, row, column, value] for a diff. */
function cells(emu: Emulator): Map<string, unknown> {
  const all = new Map<string, unknown>();
  for (const sheet of emu.toWorkbook().sheets) {
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== '' && value !== null) {
          all.set(`${sheet.name}!R${r + 1}C${c + 1}`, value);
        }
      }),
    );
  }
  return all;
}

function changedCells(
  before: Map<string, unknown>,
  after: Map<string, unknown>,
) {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter(
    k => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)),
  );
}

const header = (emu: Emulator, name: string) =>
  sheetOf(emu, 'Supporters').values[0].indexOf(name) + 1;

/** What google.script.run delivered is what JSON would: no Date became null. */
function expectPlainData(value: unknown): void {
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  const isoFields = new Set(['when', 'lastContact']);
  const walk = (v: unknown, key: string) => {
    if (isoFields.has(key) && v !== null) {
      expect(v).toEqual(
        expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/),
      );
    }
    if (key === 'date') expect(v).toMatch(/^\d{4}-\d\d-\d\d$/);
    if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(item, k);
    }
  };
  walk(value, '');
}

describe('Open sidebar', () => {
  test('is the first item of the menu and opens the Social CRM sidebar', () => {
    const emu = tracker();
    expect(emu.menu()[0]).toMatchObject({
      caption: 'Open sidebar',
      functionName: 'openSidebar',
    });
    emu.clickMenu('Open sidebar');
    expect(emu.ui.sidebars).toHaveLength(1);
    expect(emu.ui.sidebars[0].title).toBe('Social CRM');
    expect(emu.ui.sidebars[0].html).toContain('role="tablist"');
  });
});

describe('following the selection', () => {
  test('one selected row gives the supporter, with ISO dates and scores explained', () => {
    const emu = tracker();
    const maya = one(select(emu, 'Supporters!B2'));
    expectPlainData(maya);
    expect(maya).toMatchObject({
      name: 'Maya Ode',
      row: 2,
      handles: [
        {network: 'x', handle: '@maya_ode', url: 'https://x.com/maya_ode'},
      ],
      relationshipTags: {on: ['donor']},
      birthday: {text: '12 March 1990', daysUntil: 11},
      totalInteractions: 2,
    });
    expect(maya.recent.map(i => i.label)).toEqual([
      'They retweeted us',
      'We thanked them',
    ]);
    expect(maya.recent[0].when).toBe(ago(2).toISOString());
    const {why, responsiveness, whuffie} = maya.scores;
    const sum = (lines: {points: number; detail: boolean}[]) =>
      lines.filter(l => !l.detail).reduce((a, l) => a + l.points, 0);
    expect(Math.abs(sum(why.responsiveness) - responsiveness)).toBeLessThan(1);
    expect(Math.abs(sum(why.whuffie) - whuffie)).toBeLessThan(0.2);
  });

  test('an unchanged selection costs one tiny answer; moving or editing the row reloads', () => {
    const emu = tracker();
    const first = select(emu, 'Supporters!A2');
    emu.resetCounts();
    const again = emu.callFromSidebar('getSelectionState', [first.key]);
    expect(again).toEqual({key: first.key, unchanged: true});
    expect(JSON.stringify(again).length).toBeLessThan(60);
    expect(totalCalls(emu.counts)).toBeLessThanOrEqual(10);
    expect(emu.counts['Sheet.getDataRange'] ?? 0).toBe(0);

    // An edit in the grid changes the row's digest: the sidebar reloads.
    const notesColumn = columnLetter(header(emu, 'Interest notes'));
    emu.userEdit(`Supporters!${notesColumn}2`, 'Loves tigers');
    const edited = emu.callFromSidebar('getSelectionState', [
      first.key,
    ]) as SelectionState;
    expect(one(edited).interestNotes).toBe('Loves tigers');
    expect(select(emu, 'Supporters!A3', edited.key)).toMatchObject({
      unchanged: false,
      kind: 'one',
      supporter: {name: 'Tom Reed'},
    });
  });

  test('several rows give a count and how many have each tag; header and blank rows are not people', () => {
    const emu = tracker();
    const state = select(emu, 'Supporters!A1:C4');
    expect(state).toMatchObject({
      kind: 'many',
      bulk: {
        count: 3,
        rows: [{first: 1, last: 4}],
        names: ['Maya Ode', 'Tom Reed', 'Ana Lima'],
      },
    });
    const bulk = (state as Extract<SelectionState, {kind: 'many'}>).bulk;
    expect(bulk.relationshipTags).toEqual(
      expect.arrayContaining([
        {tag: 'donor', count: 1},
        {tag: 'volunteer', count: 1},
        {tag: 'press', count: 0},
      ]),
    );
    expect(select(emu, 'Supporters!A1')).toMatchObject({kind: 'none'});
    expect(select(emu, 'Supporters!A40')).toMatchObject({kind: 'none'});
  });

  test('a selection on another sheet says where the supporters are', () => {
    const emu = tracker();
    expect(select(emu, 'Interactions!A2')).toMatchObject({
      kind: 'outside',
      message: expect.stringContaining('"Supporters" sheet'),
    });
  });

  test('before setup the sidebar says what to do instead of failing', () => {
    const emu = addOn({
      now: NOW,
      workbook: {
        sheets: [{name: 'Supporters', values: sidebarPeople() as never}],
      },
    });
    expect(select(emu, 'Supporters!A2')).toMatchObject({
      kind: 'none',
      message: expect.stringContaining('Set up tracker'),
    });
  });

  test('a name made of markup arrives as the same text', () => {
    const emu = tracker();
    expect(one(select(emu, 'Supporters!A6')).name).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });
});

describe('tags', () => {
  test('toggling Volunteer on writes exactly that cell, and a second time writes nothing', () => {
    const emu = tracker();
    const state = select(emu, 'Supporters!A2');
    const id = idOf(emu, 'Maya Ode');
    const before = cells(emu);
    emu.resetCounts();
    const result = setTag(emu, {
      target: {ids: [id]},
      field: 'relationshipTags',
      tag: 'Volunteer',
      on: true,
      selectionKey: state.key,
    });
    expectPlainData(result);
    expect(result).toMatchObject({changed: 1, supporters: 1, tag: 'volunteer'});
    expect(result.counts).toContainEqual({tag: 'volunteer', count: 1});
    expect(emu.counts['Range.setValues']).toBe(1);
    const column = header(emu, 'Relationship tags');
    expect(changedCells(before, cells(emu))).toEqual([
      `Supporters!R2C${column}`,
    ]);
    expect(cell(emu, 'Maya Ode', 'Relationship tags')).toBe('donor, volunteer');
    // The answer carries the key after the write: the next poll is unchanged.
    expect(result.selectionKey).not.toBe(state.key);
    expect(
      emu.callFromSidebar('getSelectionState', [result.selectionKey]),
    ).toEqual({
      key: result.selectionKey,
      unchanged: true,
    });

    emu.resetCounts();
    const twice = setTag(emu, {
      target: {ids: [id]},
      field: 'relationshipTags',
      tag: 'volunteer',
      on: true,
    });
    expect(twice.changed).toBe(0);
    expect(emu.counts['Range.setValues'] ?? 0).toBe(0);
    expect(cell(emu, 'Maya Ode', 'Relationship tags')).toBe('donor, volunteer');
  });

  test('toggling off removes only that tag', () => {
    const emu = tracker();
    const id = idOf(emu, 'Maya Ode');
    setTag(emu, {
      target: {ids: [id]},
      field: 'relationshipTags',
      tag: 'press',
      on: true,
    });
    setTag(emu, {
      target: {ids: [id]},
      field: 'relationshipTags',
      tag: 'donor',
      on: false,
    });
    expect(cell(emu, 'Maya Ode', 'Relationship tags')).toBe('press');
  });

  test('bulk-tagging 3 selected rows is one write of that column, whatever they had', () => {
    const emu = tracker();
    const state = select(emu, 'Supporters!B2:B4');
    const before = cells(emu);
    emu.resetCounts();
    const result = setTag(emu, {
      target: {rows: [{first: 2, last: 4}]},
      field: 'relationshipTags',
      tag: 'volunteer',
      on: true,
      selectionKey: state.key,
    });
    expect(result).toMatchObject({changed: 2, supporters: 3});
    expect(result.counts).toContainEqual({tag: 'volunteer', count: 3});
    expect(emu.counts['Range.setValues']).toBe(1);
    const column = header(emu, 'Relationship tags');
    expect(changedCells(before, cells(emu))).toEqual([
      `Supporters!R2C${column}`,
      `Supporters!R3C${column}`,
    ]);
    expect(
      ['Maya Ode', 'Tom Reed', 'Ana Lima'].map(n =>
        cell(emu, n, 'Relationship tags'),
      ),
    ).toEqual(['donor, volunteer', 'volunteer', 'volunteer']);
    expect(result.selectionKey).toBe(state.key);
  });

  test('a new topic joins the vocabulary and is offered for everyone', () => {
    const emu = tracker();
    setTag(emu, {
      target: {ids: [idOf(emu, 'Maya Ode')]},
      field: 'topics',
      tag: 'Big cats',
      on: true,
    });
    expect(cell(emu, 'Maya Ode', 'Topics')).toBe('big cats');
    const settings = emu.callFromSidebar('getSettingsView', []) as SettingsView;
    expect(settings.vocabulary.topics).toEqual(['big cats']);
    expect(settings.warnings).toEqual([]);
    expect(one(select(emu, 'Supporters!A3')).topics).toEqual({
      field: 'topics',
      options: ['big cats'],
      on: [],
    });
  });

  test('text that looks like a formula is written as text', () => {
    const emu = tracker();
    const id = idOf(emu, 'Tom Reed');
    setTag(emu, {target: {ids: [id]}, field: 'topics', tag: '=1+1', on: true});
    const notes = '=IMPORTXML("https://example.org", "//a")';
    const saved = emu.callFromSidebar('saveInterestNotes', [
      {target: {ids: [id]}, text: notes},
    ]) as NotesResult;
    expect(saved.interestNotes).toBe(notes);
    expect(cell(emu, 'Tom Reed', 'Topics')).toBe('=1+1');
    expect(cell(emu, 'Tom Reed', 'Interest notes')).toBe(notes);
    const sheet = emu.toWorkbook().sheets.find(s => s.name === 'Supporters')!;
    expect(JSON.stringify(sheet.formulas ?? {})).not.toContain('IMPORTXML');
  });

  test('a tag with a comma is refused with a message saying why', () => {
    const emu = tracker();
    expect(() =>
      setTag(emu, {
        target: {ids: [idOf(emu, 'Maya Ode')]},
        field: 'topics',
        tag: 'tigers, lions',
        on: true,
      }),
    ).toThrow(/can't be a tag: use a word or two without commas/);
  });
});

describe('logging', () => {
  test('"We thanked them" appends one log row, rescores, and returns the whuffie change', () => {
    const emu = tracker();
    const state = select(emu, 'Supporters!A2');
    const before = one(state);
    const logRows = records(emu, 'Interactions').length;
    emu.resetCounts();
    const result = logIt(emu, {
      target: {ids: [before.id]},
      direction: 'outbound',
      kind: 'thanks',
      note: 'Thanks for sharing the cub cam!',
      link: 'https://x.com/maya_ode/status/1',
      channel: 'x',
      selectionKey: state.key,
    });
    expectPlainData(result);
    expect(result.message).toBe('Logged "We thanked them" for Maya Ode.');
    expect(result.supporter!.scores.whuffie).toBeCloseTo(
      before.scores.whuffie + 3,
      1,
    );
    expect(result.supporter!.recent[0]).toMatchObject({
      label: 'We thanked them',
      note: 'Thanks for sharing the cub cam!',
      when: expect.stringMatching(/^2026-03-01T08:3/),
    });
    const log = records(emu, 'Interactions');
    expect(log).toHaveLength(logRows + 1);
    expect(log.at(-1)).toMatchObject({
      'Supporter ID': before.id,
      Direction: 'outbound',
      Kind: 'thanks',
      Channel: 'x',
      'Value class': 'deposit',
      Note: 'Thanks for sharing the cub cam!',
      Source: 'sidebar',
    });
    expect(cell(emu, 'Maya Ode', 'Whuffie')).toBe(
      result.supporter!.scores.whuffie,
    );
    // One block appended; the score columns written once, not per row.
    expect(emu.counts['Range.setValues']).toBe(2);
    expect(result.selectionKey).toEqual(expect.any(String));
    expect(
      emu.callFromSidebar('getSelectionState', [result.selectionKey]),
    ).toMatchObject({
      unchanged: true,
    });
  });

  test('logging for 3 selected rows appends one block of 3 rows', () => {
    const emu = tracker();
    const before = records(emu, 'Interactions').length;
    emu.resetCounts();
    const result = logIt(emu, {
      target: {rows: [{first: 2, last: 4}]},
      direction: 'outbound',
      kind: 'feedback request',
    });
    expect(result).toMatchObject({
      logged: 3,
      supporter: null,
      message: 'Logged "Asked for feedback" for 3 supporters.',
    });
    expect(records(emu, 'Interactions')).toHaveLength(before + 3);
    expect(emu.counts['Range.setValues']).toBe(2);
  });

  test.each(
    [...THEY, ...WE, ...ASKS, DONATION].map(
      q => [q.label, q] as [string, QuickLog],
    ),
  )(
    'the sidebar button "%s" is accepted and shows in the history in its words',
    (_, quick) => {
      const emu = tracker();
      const result = logIt(emu, {
        target: {ids: [idOf(emu, 'Raj Patel')]},
        direction: quick.direction,
        kind: quick.kind,
        amount: quick === DONATION ? 25 : null,
      });
      const words = ASKS.includes(quick)
        ? `Asked them ${quick.label}`
        : quick.label;
      expect(result.supporter!.recent[0].label).toBe(words);
    },
  );
});

describe('logging rescores only the people logged for', () => {
  const SCORES = ['Last contact', 'Responsiveness', 'Whuffie', 'Level'];
  // A week after the last Refresh scores, decay has moved everyone's numbers:
  // a rescore of everyone would rewrite every row.
  const weekLater = (supporters: number, interactions = supporters * 20) => {
    const emu = buildDemo({supporters, interactions});
    emu.setNow('2026-03-08T08:30:00Z');
    return emu;
  };
  /** The same file after Refresh scores (a copy: `emu` is left as it is). */
  const refreshedCopy = (emu: Emulator) => {
    const copy = addOn({
      now: emu.now().toISOString(),
      state: emu.exportState(),
      workbook: emu.toWorkbook(),
    });
    copy.clickMenu('Refresh scores');
    return copy;
  };
  /** The sheet rows (1-based) whose cells differ, and in which columns. */
  const changedRows = (before: Map<string, unknown>, emu: Emulator) => {
    const rows = new Map<number, Set<string>>();
    for (const key of changedCells(before, cells(emu))) {
      const [, sheet, row, column] = /^(.*)!R(\d+)C(\d+)$/.exec(key)!;
      if (sheet !== 'Supporters') continue;
      const names = rows.get(Number(row)) ?? new Set<string>();
      names.add(String(sheetOf(emu, sheet).values[0][Number(column) - 1]));
      rows.set(Number(row), names);
    }
    return rows;
  };
  const scoresOf = (emu: Emulator, row: number) => {
    const record = records(emu, 'Supporters')[row - 2];
    return SCORES.map(h => record[h]);
  };

  /** Logs a thank-you for these sheet rows: the rows that changed, and the writes. */
  const thank = (emu: Emulator, rows: number[]) => {
    const before = cells(emu);
    emu.resetCounts();
    logIt(emu, {
      target: {rows: rows.map(row => ({first: row, last: row}))},
      direction: 'outbound',
      kind: 'thanks',
    });
    const changed = changedRows(before, emu);
    return {
      changed,
      rows: [...changed.keys()].sort((a, b) => a - b),
      writes: emu.counts['Range.setValues'],
    };
  };

  test.each([
    ['one supporter', [22]],
    ['two rows far apart (one write over the rows between)', [3, 38]],
  ])(
    'for %s: their score cells become what Refresh scores gives, no other cell changes',
    (_, targets) => {
      const emu = weekLater(40);
      const {changed, rows, writes} = thank(emu, targets);
      const refreshed = refreshedCopy(emu);
      expect(rows).toEqual(targets);
      for (const row of targets) {
        expect([...changed.get(row)!].every(h => SCORES.includes(h))).toBe(
          true,
        );
        expect(scoresOf(emu, row)).toEqual(scoresOf(refreshed, row));
      }
      // Refresh scores would have changed other rows: leaving them is a choice.
      const others = changedRows(cells(emu), refreshed);
      expect([...others.keys()].some(r => !targets.includes(r))).toBe(true);
      // The log append, then one write of the score columns.
      expect(writes).toBe(2);
    },
  );

  describe('on 5,000 rows', () => {
    let emu: Emulator;
    beforeAll(() => {
      emu = weekLater(5000, 5000);
    });

    test('two people more than 1,000 rows apart: two writes, none over the rows between', () => {
      expect(thank(emu, [2, 4000])).toMatchObject({rows: [2, 4000], writes: 3});
    });

    test('many far-apart groups: one write over the whole span', () => {
      const targets = [2, 1100, 2200, 3300, 4400, 5001];
      expect(thank(emu, targets)).toMatchObject({rows: targets, writes: 2});
    });
  });
});

describe('errors are messages written for people', () => {
  test('a supporter who is gone, a bad link, a busy document, a malformed request', () => {
    const emu = tracker();
    const maya = idOf(emu, 'Maya Ode');
    expect(() =>
      setTag(emu, {
        target: {ids: ['S-000000']},
        field: 'topics',
        tag: 'x',
        on: true,
      }),
    ).toThrow(/can't find the supporter S-000000/);
    expect(() =>
      logIt(emu, {
        target: {ids: [maya]},
        direction: 'outbound',
        kind: 'thanks',
        link: 'javascript:alert(1)',
      }),
    ).toThrow(/should be a web address starting with https/);
    const before = records(emu, 'Interactions').length;
    emu.holdLock('document');
    expect(() =>
      logIt(emu, {
        target: {ids: [maya]},
        direction: 'outbound',
        kind: 'thanks',
      }),
    ).toThrow(/Whuffie is busy/);
    emu.releaseLock('document');
    expect(records(emu, 'Interactions')).toHaveLength(before);
    expect(() => emu.callFromSidebar('setTag', [{target: 7}])).toThrow(
      /problem in Whuffie itself\. Nothing was changed/,
    );
  });
});

describe('settings', () => {
  test('a new half-life is saved, rescores the grid, and resets to the default', () => {
    const emu = tracker();
    const before = cell(emu, 'Maya Ode', 'Whuffie') as number;
    const saved = emu.callFromSidebar('saveSettings', [
      {halfLives: {whuffie: 2}, listLength: 5},
    ]) as SettingsView;
    expect(saved).toMatchObject({
      halfLives: {whuffie: {value: 2, default: 90}},
      listLength: {value: 5, default: 12},
      customised: true,
    });
    expect(cell(emu, 'Maya Ode', 'Whuffie')).toBeLessThan(before);
    const reset = emu.callFromSidebar('resetSettings', []) as SettingsView;
    expect(reset).toMatchObject({
      halfLives: {whuffie: {value: 90}},
      customised: false,
    });
    expect(cell(emu, 'Maya Ode', 'Whuffie')).toBe(before);
  });

  test('an unusable value saves nothing and says which', () => {
    const emu = tracker();
    const props = emu.properties('document');
    expect(() =>
      emu.callFromSidebar('saveSettings', [{halfLives: {engagement: 0}}]),
    ).toThrow('Nothing was saved. Engagement half-life = 0 is outside 1–3650.');
    expect(emu.properties('document')).toEqual(props);
  });

  test('vocabularies are edited without losing the scoring values', () => {
    const emu = tracker();
    emu.callFromSidebar('saveSettings', [{whuffiePoints: {thanks: 5}}]);
    const view = emu.callFromSidebar('saveSettings', [
      {vocabulary: {relationshipTags: ['Donor', 'Volunteer', 'Ambassador']}},
    ]) as SettingsView;
    expect(view.vocabulary.relationshipTags).toEqual([
      'donor',
      'volunteer',
      'ambassador',
    ]);
    expect(view.whuffiePoints).toContainEqual({
      kind: 'thanks',
      value: 5,
      default: 3,
    });
    expect(one(select(emu, 'Supporters!A3')).relationshipTags.options).toEqual([
      'donor',
      'volunteer',
      'ambassador',
    ]);
  });
});

describe('cost per action on the demo workbook (300 supporters, 6,000 interactions)', () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = buildDemo();
  });

  test('selection change, tick, tag and log: one call each, a few KB', () => {
    const sizes: Record<string, number> = {};
    const calls: Record<string, number> = {};
    const measure = <T>(name: string, work: () => T): T => {
      emu.resetCounts();
      const result = work();
      sizes[name] = JSON.stringify(result).length;
      calls[name] = totalCalls(emu.counts);
      return result;
    };
    // The busiest supporter: the largest view.
    let busiest = {row: 2, events: -1};
    for (let row = 2; row <= 60; row++) {
      const state = select(emu, `Supporters!A${row}`);
      if (
        !state.unchanged &&
        state.kind === 'one' &&
        state.supporter.totalInteractions > busiest.events
      ) {
        busiest = {row, events: state.supporter.totalInteractions};
      }
    }
    emu.userSelect(`Supporters!A${busiest.row}`);
    const view = measure('selection change', () =>
      emu.callFromSidebar('getSelectionState', [null]),
    ) as SelectionState;
    measure('tick', () => emu.callFromSidebar('getSelectionState', [view.key]));
    const id = one(view).id;
    measure('tag', () =>
      setTag(emu, {
        target: {ids: [id]},
        field: 'relationshipTags',
        tag: 'board',
        on: true,
      }),
    );
    measure('log', () =>
      logIt(emu, {target: {ids: [id]}, direction: 'outbound', kind: 'thanks'}),
    );
    emu.userSelect('Supporters!A2:A24');
    measure('bulk selection', () =>
      emu.callFromSidebar('getSelectionState', [view.key]),
    );
    measure('bulk tag', () =>
      setTag(emu, {
        target: {rows: [{first: 2, last: 24}]},
        field: 'relationshipTags',
        tag: 'volunteer',
        on: true,
      }),
    );
    console.log(
      `sidebar cost (service calls / answer bytes), busiest supporter with ${busiest.events} interactions:\n` +
        Object.keys(sizes)
          .map(k => `  ${k}: ${calls[k]} calls, ${sizes[k]} bytes`)
          .join('\n'),
    );
    expect(sizes['selection change']).toBeLessThan(8000);
    expect(sizes.tick).toBeLessThan(60);
    expect(calls.tick).toBeLessThanOrEqual(10);
    expect(sizes['bulk selection']).toBeLessThan(2000);
  });
});
