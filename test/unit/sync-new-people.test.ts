import fc from 'fast-check';
import {IdentityIndex, SupporterIdentity} from '../../src/core/handles';
import type {PersonSeen, SyncedEvent} from '../../src/core/sync/events';
import {
  NEW_PEOPLE_HEADERS,
  NewPerson,
  newPeopleRows,
  parseNewPeople,
  rankNewPeople,
} from '../../src/core/sync/matching';
import {
  parseAction,
  planNewPeopleAction,
  suggestedId,
  TrackerView,
} from '../../src/core/sync/new-people-actions';

const FAN: PersonSeen = {
  network: 'bluesky',
  id: 'did:plc:fan111',
  handle: 'tigerfan.bsky.social',
  name: 'Tiger Fan',
  profileUrl: 'https://bsky.app/profile/tigerfan.bsky.social',
};

/** Name, Supporter ID, X handle, Bluesky handle: columns 1, 2, 3, 4. */
function tracker(rows: string[][], fields = {}): TrackerView {
  const values = [
    ['Name', 'Supporter ID', 'X handle', 'Bluesky handle'],
    ...rows,
  ];
  const supporters: SupporterIdentity[] = rows.map((r, i) => ({
    row: i + 2,
    name: r[0],
    id: r[1],
    x: r[2],
    bluesky: r[3],
  }));
  return {
    values,
    fields: {name: 1, supporterId: 2, xHandle: 3, blueskyHandle: 4, ...fields},
    supporters,
    idSeed: 'seed',
  };
}

const PEOPLE = tracker([
  ['Maya Ode', 'S-AAAAAA', '@maya_ode', 'mayaode.bsky.social'],
  ['Raj Patel', 'S-CCCCCC', '', ''],
]);

describe('New people actions', () => {
  test('the Action cell reads the dropdown choices and a typed supporter id', () => {
    expect(parseAction('Add as supporter')).toEqual({kind: 'add'});
    expect(parseAction(' match  to suggested ')).toEqual({
      kind: 'match',
      supporterId: null,
    });
    expect(parseAction('Match to s-7k3q2x')).toEqual({
      kind: 'match',
      supporterId: 'S-7K3Q2X',
    });
    expect(parseAction('S-7K3Q2X')).toEqual({
      kind: 'match',
      supporterId: 'S-7K3Q2X',
    });
    expect(parseAction('maybe later')).toBeNull();
    expect(suggestedId('Raj Patel (S-CCCCCC)')).toBe('S-CCCCCC');
    expect(suggestedId('')).toBe('');
  });

  test('Add as supporter plans one row below the tracker with a new id', () => {
    const plan = planNewPeopleAction(FAN, '', {kind: 'add'}, PEOPLE);
    if (!plan.ok) throw new Error(plan.problem);
    const id = plan.write!.values[1];
    expect(id).toMatch(/^S-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(plan.write).toEqual({
      row: 4,
      column: 1,
      values: ['Tiger Fan', id, '', '@tigerfan.bsky.social'],
      textColumns: [4, 1],
    });
    expect(plan.status).toBe(`Added as ${id}`);
    // The same person gets the same id: a retried edit cannot fork them.
    const again = planNewPeopleAction(FAN, '', {kind: 'add'}, PEOPLE);
    expect(again.ok && again.write!.values[1]).toBe(id);
  });

  test('a tracker with first and last name columns gets the name split', () => {
    const split = {
      ...PEOPLE,
      fields: {...PEOPLE.fields, name: undefined, firstName: 6, lastName: 7},
    };
    const plan = planNewPeopleAction(
      {...FAN, name: 'Ana Maria Lima'},
      '',
      {kind: 'add'},
      split,
    );
    if (!plan.ok) throw new Error(plan.problem);
    expect(plan.write!.column).toBe(2);
    expect(plan.write!.values.slice(-2)).toEqual(['Ana', 'Maria Lima']);
  });

  test('Match to suggested writes only the handle cell of that supporter', () => {
    const plan = planNewPeopleAction(
      {...FAN, handle: 'rajp.bsky.social', id: 'did:plc:raj444'},
      'Raj Patel (S-CCCCCC)',
      {kind: 'match', supporterId: null},
      PEOPLE,
    );
    expect(plan).toMatchObject({
      ok: true,
      status: 'Matched to Raj Patel',
      write: {
        row: 3,
        column: 4,
        values: ['@rajp.bsky.social'],
        textColumns: [4],
      },
    });
  });

  test('what cannot be done is said, and nothing is overwritten', () => {
    const problem = (
      person: PersonSeen,
      suggestion: string,
      action: string,
      t = PEOPLE,
    ) => {
      const plan = planNewPeopleAction(
        person,
        suggestion,
        parseAction(action)!,
        t,
      );
      return plan.ok ? '' : plan.problem;
    };
    expect(problem(FAN, '', 'Match to suggested')).toMatch(
      /no suggested supporter/,
    );
    expect(problem(FAN, '', 'Match to S-AAAAAA')).toMatch(
      /^Maya Ode already has the Bluesky handle mayaode\.bsky\.social/,
    );
    expect(problem(FAN, '', 'Match to S-ZZZZZZ')).toBe(
      'No supporter in your tracker has the id S-ZZZZZZ.',
    );
    const maya = {...FAN, id: 'did:plc:maya', handle: 'mayaode.bsky.social'};
    expect(problem(maya, '', 'Add as supporter')).toBe(
      '@mayaode.bsky.social is already in your tracker: Maya Ode (S-AAAAAA).',
    );
    expect(
      problem(
        {...FAN, network: 'x', id: '12345', handle: ''},
        '',
        'Add as supporter',
      ),
    ).toMatch(/does not know this person's X handle/);
    const noColumn = {
      ...PEOPLE,
      fields: {...PEOPLE.fields, blueskyHandle: undefined},
    };
    expect(problem(FAN, '', 'Add as supporter', noColumn)).toMatch(
      /no Bluesky handle column/,
    );
  });

  test('handled people leave the sheet at the next sync, whatever else they did', () => {
    const fan: NewPerson = {
      person: FAN,
      reposts: 1,
      conversations: 0,
      likes: 0,
      follows: 0,
      lastSeen: new Date('2026-03-01T07:00:00Z'),
      suggestion: '',
      handled: false,
      eventIds: [],
    };
    const raj: NewPerson = {
      ...fan,
      person: {...FAN, id: 'did:plc:raj444', handle: 'rajp.bsky.social'},
    };
    const header = [...NEW_PEOPLE_HEADERS];
    const status = header.indexOf('Status');
    const rows = newPeopleRows([fan, raj]);
    rows[0][status] = 'Added as S-FAN111';
    rows[1][status] = 'Not done: no suggested supporter';
    const parsed = parseNewPeople([header, ...rows]);
    expect(parsed.map(p => p.handled)).toEqual([true, false]);
    const index = new IdentityIndex(PEOPLE.supporters);
    const ranked = rankNewPeople(parsed, [], PEOPLE.supporters, index);
    expect(ranked.map(p => p.person.handle)).toEqual(['rajp.bsky.social']);
  });

  test('an event seen again (a re-read page, an archive imported twice) is counted once', () => {
    const repost = (eventId: string): SyncedEvent => ({
      person: FAN,
      direction: 'inbound',
      kind: 'retweet',
      when: new Date('2026-03-01T07:00:00Z'),
      eventId,
      link: '',
      text: '',
      source: 'bluesky',
    });
    const index = new IdentityIndex(PEOPLE.supporters);
    const first = rankNewPeople(
      [],
      [repost('a'), repost('a'), repost('b')],
      PEOPLE.supporters,
      index,
    );
    expect(first[0].reposts).toBe(2);
    const header = [...NEW_PEOPLE_HEADERS];
    const again = rankNewPeople(
      parseNewPeople([header, ...newPeopleRows(first)]),
      [repost('b'), repost('c')],
      PEOPLE.supporters,
      index,
    );
    expect(again[0].reposts).toBe(3);
    expect(again[0].eventIds).toEqual(['a', 'b', 'c']);
  });

  test('an Action cell never plans a write for text that is not an action', () => {
    fc.assert(
      fc.property(fc.string(), text => {
        const action = parseAction(text);
        return (
          action === null ||
          action.kind === 'add' ||
          action.supporterId === null ||
          /^S-[0-9A-Z]{6}$/.test(action.supporterId)
        );
      }),
    );
  });
});
