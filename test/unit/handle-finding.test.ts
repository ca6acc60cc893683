import fc from 'fast-check';
import {
  IdentityIndex,
  Network,
  normaliseHandle,
  SupporterIdentity,
} from '../../src/core/handles';
import type {PersonSeen} from '../../src/core/sync/events';
import {
  nextMaxId,
  parseBlueskyFollowers,
  parseMastodonFollowers,
} from '../../src/core/sync/followers';
import {
  Candidate,
  displayNameKey,
  findHandles,
  gatherCandidates,
  HANDLE_SUGGESTIONS_HEADERS,
  parseSuggestionAction,
  parseSuggestionRow,
  rejectionKey,
  rememberRejection,
  Suggestion,
  suggestionRows,
} from '../../src/core/sync/handle-finding';
import {NewPerson, personKeys} from '../../src/core/sync/matching';

let serial = 0;
function person(
  network: Network,
  handle: string,
  name = '',
  id = network === 'x' ? String(++serial) : handle,
): PersonSeen {
  return {network, id, handle, name, profileUrl: `https://example/${id}`};
}
const follower = (p: PersonSeen): Candidate => ({
  person: p,
  followsUs: true,
  engaged: 0,
});
const quiet = (p: PersonSeen): Candidate => ({
  person: p,
  followsUs: false,
  engaged: 0,
});

function find(
  supporters: SupporterIdentity[],
  candidates: Candidate[],
  rejected: string[] = [],
): Suggestion[] {
  return findHandles({supporters, candidates, rejected: new Set(rejected)});
}
const pairs = (list: Suggestion[]) => list.map(s => [s.supporterId, s.handle]);

const MAYA: SupporterIdentity = {
  row: 2,
  id: 'S-AAAAAA',
  name: 'Maya Ode',
  email: 'maya.ode@gmail.com',
};

describe('handle suggestions: an email that doubles as a handle', () => {
  /** Her name no longer spells her email: the email alone decides. */
  const WED = {...MAYA, name: 'Maya Smith'};

  test("the email's local part finds the handle on every network, dots, underscores and hyphens folded", () => {
    for (const [network, handle, display] of [
      ['x', 'MayaOde', '@MayaOde'],
      ['x', 'maya_ode', '@maya_ode'],
      ['bluesky', 'mayaode.bsky.social', '@mayaode.bsky.social'],
      ['bluesky', 'maya-ode.com', '@maya-ode.com'],
      ['mastodon', 'maya_ode@mastodon.social', '@maya_ode@mastodon.social'],
    ] as const) {
      const [s] = find([WED], [quiet(person(network, handle, 'Tiger Lover'))]);
      expect(s).toMatchObject({supporterId: 'S-AAAAAA', handle: display});
      expect(s.why).toMatch(
        /handle matches their email address, maya\.ode@gmail\.com\./,
      );
      expect(s.confidence).toBe(80);
    }
  });

  test('a number on one side only is allowed, two different numbers are two people', () => {
    const numbered = {...WED, email: 'Maya.Ode87@gmail.com'};
    expect(find([numbered], [quiet(person('x', 'mayaode'))])[0]).toMatchObject({
      confidence: 65,
    });
    expect(find([numbered], [quiet(person('x', 'mayaode'))])[0].why).toMatch(
      /but for the number/,
    );
    expect(
      find([numbered], [quiet(person('x', 'maya_ode87'))])[0],
    ).toMatchObject({confidence: 80});
    expect(find([numbered], [quiet(person('x', 'mayaode12'))])).toEqual([]);
    expect(find([WED], [quiet(person('x', 'mayaode_1'))])[0]).toMatchObject({
      confidence: 65,
    });
  });

  test('short, role and first-name-only local parts say nothing', () => {
    const cases: [string, string][] = [
      ['jo@gmail.com', 'jo'],
      ['info@tigers.org', 'info'],
      ['hello@mayaode.org', 'hello_'],
      ['maya@gmail.com', 'maya'],
      ['m.ode@gmail.com', 'mode'],
      ['maya+tigers@gmail.com', 'maya'],
    ];
    for (const [email, handle] of cases) {
      expect(find([{...WED, email}], [quiet(person('x', handle))])).toEqual([]);
    }
    // A +tag is not part of the name.
    expect(
      find(
        [{...WED, email: 'maya.ode+news@gmail.com'}],
        [quiet(person('x', 'mayaode'))],
      ),
    ).toHaveLength(1);
  });

  test('a Mastodon account identical to the email is the strongest signal', () => {
    const maya = {...WED, email: 'Maya@MayaOde.org'};
    const [s] = find(
      [maya],
      [follower(person('mastodon', 'maya@mayaode.org', 'M.'))],
    );
    expect(s).toMatchObject({handle: '@maya@mayaode.org', confidence: 98});
    expect(s.why).toBe(
      'Their Mastodon address is their email address, maya@mayaode.org. Follows you.',
    );
  });

  test("a Bluesky handle on the email's own domain, unless it is webmail or shared", () => {
    const maya = {...WED, email: 'maya@mayaode.org'};
    const [domain] = find([maya], [quiet(person('bluesky', 'mayaode.org'))]);
    expect(domain.why).toBe(
      'Their Bluesky handle is the domain of their email address, maya@mayaode.org.',
    );
    expect(domain.confidence).toBe(70);
    const [made] = find([maya], [quiet(person('bluesky', 'maya.mayaode.org'))]);
    expect(made.confidence).toBe(90);
    expect(
      find(
        [{...WED, email: 'maya@gmail.com'}],
        [quiet(person('bluesky', 'gmail.com'))],
      ),
    ).toEqual([]);
    const colleague = {
      row: 3,
      id: 'S-BBBBBB',
      name: 'Tom Reed',
      email: 'tom@mayaode.org',
    };
    expect(
      find([maya, colleague], [quiet(person('bluesky', 'mayaode.org'))]),
    ).toEqual([]);
  });
});

describe('handle suggestions: names', () => {
  test('the same display name, a swapped one and a look-alike, less sure in that order', () => {
    const raj = {row: 3, id: 'S-CCCCCC', name: 'Raj Patel'};
    const same = find(
      [raj],
      [quiet(person('bluesky', 'r1.bsky.social', 'Raj Patel'))],
    );
    const swapped = find(
      [raj],
      [quiet(person('bluesky', 'r2.bsky.social', 'Patel, Raj'))],
    );
    const alike = find(
      [raj],
      [quiet(person('bluesky', 'r3.bsky.social', 'Raj Patell'))],
    );
    expect(same[0].why).toBe('Their name on Bluesky is the same: "Raj Patel".');
    expect(alike[0].why).toBe(
      'Their name on Bluesky, "Raj Patell", is like Raj Patel.',
    );
    expect(same[0].confidence).toBeGreaterThan(alike[0].confidence);
    expect(swapped[0].confidence).toBe(70);
    expect(
      find([raj], [quiet(person('bluesky', 'r4.bsky.social', 'Raja Pate'))]),
    ).toEqual([]);
  });

  test('what people add to display names is ignored; one word is not enough', () => {
    expect(displayNameKey('Maya Ode (she/her) 🐯')).toBe('maya ode');
    expect(displayNameKey('Dr. Maya Ode | tigers & tea')).toBe('maya ode');
    expect(displayNameKey('Maya Ode - they/them')).toBe('maya ode');
    expect(find([MAYA], [quiet(person('x', 'tiger', 'Maya'))])).toEqual([]);
    expect(
      find([{...MAYA, name: 'Maya'}], [quiet(person('x', 'tiger', 'Maya'))]),
    ).toEqual([]);
  });

  test('a handle that spells the name counts, and agreeing signals add up', () => {
    const tom = {row: 3, id: 'S-BBBBBB', name: 'Tom Reed', email: 't@r.org'};
    const [spelled] = find([tom], [quiet(person('x', 'TomReed'))]);
    expect(spelled.why).toBe('The X handle spells their name.');
    expect(spelled.confidence).toBe(60);
    expect(find([tom], [quiet(person('x', 'reedtom'))])).toHaveLength(1);
    const [both] = find(
      [MAYA],
      [
        {
          person: person('x', 'maya_ode', 'Maya Ode'),
          followsUs: true,
          engaged: 3,
        },
      ],
    );
    // Email 80, two more signals (+20), follows (+3), engaged (+5), at most 99.
    expect(both.confidence).toBe(99);
    expect(both.why).toBe(
      'The X handle matches their email address, maya.ode@gmail.com. Their name on X is the same: "Maya Ode". The X handle spells their name. Follows you. Engaged with you 3 times.',
    );
  });
});

describe('handle suggestions: choosing', () => {
  const raj = {row: 3, id: 'S-CCCCCC', name: 'Raj Patel'};

  test('one person per supporter and network, best first; the others wait behind Not them', () => {
    const a = person('bluesky', 'raj1.bsky.social', 'Raj Patel', 'did:plc:a');
    const b = person('bluesky', 'raj2.bsky.social', 'Raj Patel', 'did:plc:b');
    const c = person('x', 'rajp', 'Raj Patel');
    const list = find([raj], [quiet(b), quiet(a), follower(c)]);
    expect(pairs(list)).toEqual([
      ['S-CCCCCC', '@rajp'],
      ['S-CCCCCC', '@raj1.bsky.social'],
    ]);
    expect(list[1].why).toMatch(
      /1 other account looks just as likely: choose Not them to see the next\.$/,
    );
    const next = find(
      [raj],
      [quiet(a), quiet(b)],
      [rejectionKey('S-CCCCCC', 'bluesky', 'did:plc:a')],
    );
    expect(pairs(next)).toEqual([['S-CCCCCC', '@raj2.bsky.social']]);
  });

  test('a person goes to the likelier supporter; two equally likely ones are both told', () => {
    const maya2 = {row: 4, id: 'S-DDDDDD', name: 'Maya Odell'};
    const p = quiet(
      person('bluesky', 'mo.bsky.social', 'Maya Ode', 'did:plc:m'),
    );
    expect(pairs(find([maya2, MAYA], [p]))).toEqual([
      ['S-AAAAAA', '@mo.bsky.social'],
    ]);
    const twin = {row: 5, id: 'S-EEEEEE', name: 'Maya Ode'};
    const shared = find([twin, MAYA], [p]);
    expect(pairs(shared)).toEqual([
      ['S-AAAAAA', '@mo.bsky.social'],
      ['S-EEEEEE', '@mo.bsky.social'],
    ]);
    expect(shared[0].why).toMatch(
      /Also suggested for Maya Ode \(S-EEEEEE\): check which of them this is\.$/,
    );
    expect(shared[0].confidence).toBe(55);
  });

  test('nobody already in the tracker, and no supporter who has a handle there', () => {
    const tom = {
      row: 3,
      id: 'S-BBBBBB',
      name: 'Tom Reed',
      bluesky: '@tomreed.bsky.social',
    };
    const known = person(
      'bluesky',
      'tomreed.bsky.social',
      'Raj Patel',
      'did:plc:t',
    );
    expect(find([tom, raj], [quiet(known)])).toEqual([]);
    const other = person('bluesky', 'tr.bsky.social', 'Tom Reed', 'did:plc:u');
    expect(find([tom], [quiet(other)])).toEqual([]);
    // Tom has no X handle: an X account still may be his.
    expect(pairs(find([tom], [quiet(person('x', 'tr', 'Tom Reed'))]))).toEqual([
      ['S-BBBBBB', '@tr'],
    ]);
    // Nor anyone whose handle cannot be written (X without a username).
    expect(find([raj], [quiet(person('x', '', 'Raj Patel'))])).toEqual([]);
  });

  test('"Not them" answers are kept compactly, the oldest dropped past the limit', () => {
    const key = rejectionKey('s-cccccc', 'bluesky', 'DID:PLC:A');
    expect(key).toBe(rejectionKey('S-CCCCCC', 'bluesky', 'did:plc:a'));
    expect(key).toMatch(/^[0-9a-z]{11}$/);
    let kept: string[] = [];
    for (let i = 0; i < 5; i++) kept = rememberRejection(kept, `k${i}`, 3);
    expect(rememberRejection(kept, 'k3', 3)).toEqual(['k2', 'k4', 'k3']);
    expect(kept).toEqual(['k2', 'k3', 'k4']);
    expect(JSON.stringify(Array(500).fill(key)).length).toBeLessThan(9 * 1024);
  });
});

describe('handle suggestions: candidates and the sheet', () => {
  test('followers and New people become one list, one entry per account', () => {
    const seen = (p: PersonSeen, extra: Partial<NewPerson>): NewPerson => ({
      person: p,
      reposts: 0,
      conversations: 0,
      likes: 0,
      follows: 0,
      lastSeen: new Date(0),
      suggestion: '',
      handled: false,
      eventIds: [],
      ...extra,
    });
    const a = person('bluesky', 'a.bsky.social', 'Ann', 'did:plc:a');
    const list = gatherCandidates(
      [a],
      [
        seen({...a, name: 'Old name'}, {likes: 2, reposts: 1, follows: 1}),
        seen(person('x', 'xfan', 'X Fan', '99'), {follows: 1}),
        seen(person('x', 'done', 'Done', '98'), {likes: 4, handled: true}),
      ],
    );
    expect(list).toEqual([
      {person: a, followsUs: true, engaged: 3},
      {
        person: expect.objectContaining({id: '99'}),
        followsUs: true,
        engaged: 0,
      },
    ]);
  });

  test('rows read back as they were written; the Action reads both choices', () => {
    const [s] = find(
      [MAYA],
      [
        follower(
          person(
            'bluesky',
            'mayaode.bsky.social',
            '=IMPORTXML("x")',
            'did:plc:m',
          ),
        ),
      ],
    );
    const [row] = suggestionRows([s]);
    expect(row).toHaveLength(HANDLE_SUGGESTIONS_HEADERS.length);
    expect(parseSuggestionRow(HANDLE_SUGGESTIONS_HEADERS, row)).toEqual({
      supporterId: 'S-AAAAAA',
      supporterName: 'Maya Ode',
      handle: '@mayaode.bsky.social',
      person: s.person,
      status: '',
    });
    expect(
      parseSuggestionRow(HANDLE_SUGGESTIONS_HEADERS, ['', 'x']),
    ).toBeNull();
    expect(parseSuggestionAction(' use  this handle')).toBe('use');
    expect(parseSuggestionAction('NOT THEM')).toBe('reject');
    expect(parseSuggestionAction('maybe')).toBeNull();
  });

  test('follower pages as the networks send them', () => {
    const bsky = parseBlueskyFollowers({
      subject: {did: 'did:plc:org222', handle: 'tigers.bsky.social'},
      cursor: 'c2',
      followers: [
        {did: 'did:plc:A', handle: 'Ann.bsky.social', displayName: 'Ann Lee'},
        {did: 'did:plc:b', handle: 'handle.invalid'},
        {handle: 'no-did.bsky.social'},
      ],
    });
    expect(bsky.next).toBe('c2');
    expect(bsky.people.map(p => [p.id, p.handle, p.name])).toEqual([
      ['did:plc:a', 'ann.bsky.social', 'Ann Lee'],
      ['did:plc:b', '', ''],
    ]);
    expect(parseBlueskyFollowers({followers: []}).next).toBe('');
    const link =
      '<https://m.example/api/v1/accounts/1/followers?limit=80&max_id=7003>; rel="next", <https://m.example/api/v1/accounts/1/followers?limit=80&since_id=7090>; rel="prev"';
    expect(nextMaxId(link)).toBe('7003');
    expect(nextMaxId('<https://m.example/x?since_id=1>; rel="prev"')).toBe('');
    const masto = parseMastodonFollowers(
      [
        {
          id: '1',
          acct: 'Ana',
          display_name: 'Ana Lima',
          url: 'https://m.example/@Ana',
        },
        {id: '2', acct: 'sam@social.example', display_name: 'Sam'},
      ],
      link,
      'mastodon.example',
    );
    expect(masto.people.map(p => p.id)).toEqual([
      'ana@m.example',
      'sam@social.example',
    ]);
    expect(masto.next).toBe('7003');
    expect(parseMastodonFollowers([], link, 'm.example').next).toBe('');
  });
});

// ---- Properties ----------------------------------------------------------------

const FIRST = ['maya', 'raj', 'tom', 'ana', 'jane'];
const LAST = ['ode', 'patel', 'reed', 'lima', 'smith'];
const DOMAINS = ['gmail.com', 'mayaode.org', 'tigers.org'];

const supporterArb = fc.record({
  first: fc.constantFrom(...FIRST),
  last: fc.constantFrom(...LAST),
  local: fc.constantFrom('', 'first.last', 'firstlast', 'first', 'info'),
  domain: fc.constantFrom(...DOMAINS),
  x: fc.constantFrom('', '', '', 'someone'),
  bluesky: fc.constantFrom('', '', '', 'someone.bsky.social'),
  mastodon: fc.constantFrom('', '', '', 'someone@mastodon.social'),
});

const candidateArb = fc.record({
  network: fc.constantFrom<Network>('x', 'bluesky', 'mastodon'),
  first: fc.constantFrom(...FIRST),
  last: fc.constantFrom(...LAST),
  shape: fc.constantFrom('firstlast', 'first_last', 'first', 'someone'),
  digits: fc.constantFrom('', '', '7'),
  domain: fc.constantFrom(...DOMAINS),
  named: fc.constantFrom(true, true, false),
  followsUs: fc.boolean(),
  engaged: fc.nat(3),
});

type SupporterSpec =
  typeof supporterArb extends fc.Arbitrary<infer T> ? T : never;
type CandidateSpec =
  typeof candidateArb extends fc.Arbitrary<infer T> ? T : never;

function supportersOf(specs: SupporterSpec[]): SupporterIdentity[] {
  return specs.map((s, i) => ({
    row: i + 2,
    id: `S-${String(i).padStart(6, '0')}`,
    name: `${s.first} ${s.last}`,
    email: s.local
      ? `${s.local.replace('first', s.first).replace('last', s.last)}@${s.domain}`
      : '',
    x: s.x,
    bluesky: s.bluesky,
    mastodon: s.mastodon,
  }));
}

function candidatesOf(specs: CandidateSpec[]): Candidate[] {
  return specs.map((c, i) => {
    const word =
      c.shape.replace('first', c.first).replace('last', c.last) + c.digits;
    const handle =
      c.network === 'x'
        ? word
        : c.network === 'bluesky'
          ? word.replace(/_/g, '-') + '.bsky.social'
          : `${word}@${c.domain}`;
    const id =
      c.network === 'x'
        ? String(1000 + i)
        : c.network === 'bluesky'
          ? `did:plc:p${i}`
          : handle;
    return {
      person: person(
        c.network,
        handle,
        c.named ? `${c.first} ${c.last}` : '',
        id,
      ),
      followsUs: c.followsUs,
      engaged: c.engaged,
    };
  });
}

const world = fc
  .tuple(
    fc.array(supporterArb, {minLength: 1, maxLength: 12}),
    fc.array(candidateArb, {minLength: 1, maxLength: 20}),
  )
  .map(([s, c]) => ({
    supporters: supportersOf(s),
    candidates: candidatesOf(c),
  }));

describe('handle suggestions: properties', () => {
  test('never a handle already in the tracker, never for a supporter who has one there', () => {
    fc.assert(
      fc.property(world, ({supporters, candidates}) => {
        const index = new IdentityIndex(supporters);
        const byId = new Map(supporters.map(s => [s.id, s]));
        for (const s of find(supporters, candidates)) {
          expect(personKeys(s.person).some(k => index.get(k).length)).toBe(
            false,
          );
          const handle = normaliseHandle(s.person.network, s.handle);
          expect(
            handle.ok && index.get(`${s.person.network}:${handle.value}`),
          ).toEqual([]);
          expect(byId.get(s.supporterId)![s.person.network]).toBe('');
        }
      }),
    );
  });

  test('one person per supporter and network; a shared person always says so', () => {
    fc.assert(
      fc.property(world, ({supporters, candidates}) => {
        const list = find(supporters, candidates);
        const slots = list.map(s => `${s.supporterId} ${s.person.network}`);
        expect(new Set(slots).size).toBe(slots.length);
        const byPerson = new Map<string, Suggestion[]>();
        for (const s of list) {
          const key = `${s.person.network} ${s.person.id}`;
          byPerson.set(key, [...(byPerson.get(key) ?? []), s]);
        }
        for (const group of byPerson.values()) {
          if (group.length < 2) continue;
          for (const s of group) expect(s.why).toMatch(/Also suggested for/);
        }
      }),
    );
  });

  test('best first, confidence 1–99, the same whatever the input order', () => {
    fc.assert(
      fc.property(world, fc.integer(), ({supporters, candidates}, seed) => {
        const list = find(supporters, candidates);
        for (let i = 1; i < list.length; i++) {
          expect(list[i - 1].confidence).toBeGreaterThanOrEqual(
            list[i].confidence,
          );
        }
        for (const s of list) {
          expect(s.confidence).toBeGreaterThanOrEqual(1);
          expect(s.confidence).toBeLessThanOrEqual(99);
        }
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({x, k: Math.sin(seed + i)}))
            .sort((a, b) => a.k - b.k)
            .map(e => e.x);
        expect(find(shuffle(supporters), shuffle(candidates))).toEqual(list);
      }),
    );
  });

  test('a pair answered "Not them" never comes back', () => {
    fc.assert(
      fc.property(world, fc.nat(), ({supporters, candidates}, pick) => {
        const first = find(supporters, candidates);
        fc.pre(first.length > 0);
        const no = first[pick % first.length];
        const key = rejectionKey(
          no.supporterId,
          no.person.network,
          no.person.id,
        );
        const again = find(supporters, candidates, [key]);
        expect(
          again.some(
            s =>
              s.supporterId === no.supporterId &&
              s.person.network === no.person.network &&
              s.person.id === no.person.id,
          ),
        ).toBe(false);
      }),
    );
  });
});
