/**
 * "Reach out today", the Done tick, the daily digest and its trigger — the
 * built bundle in the emulator, with a fixed clock.
 */
import {Emulator} from '../../emulator';
import {
  NOW,
  addOn,
  logRow as row,
  records,
  seedLog,
  sheetOf,
  supporterIds as ids,
  trackerWith,
} from './harness';

const DAY = 86_400_000;
const ago = (days: number, hour = 12) =>
  new Date(Date.parse(NOW) - days * DAY + (hour - 8.5) * 3600_000);

const PEOPLE = [
  ['Name', 'Email', 'Twitter', 'Birthday', 'Notes', 'Do Not Contact'],
  ['Maya Ode', 'maya@example.org', '@maya_ode', '03/01', 'Loves tigers', false],
  ['Tom Reed', 'tom@example.org', '@tomreed', '', '', false],
  ['Ana Lima', 'ana@example.org', '@analima', '', '', false],
  ['Raj Patel', 'raj@example.org', '@rajp', '', '', false],
  ['Dee Nott', 'dee@example.org', '@deenott', '', '', true],
  [
    '<img src=x onerror=alert(1)>',
    'evil@example.org',
    '@evil_img',
    '',
    '',
    false,
  ],
];

/** The scenario of issue 5, set up through the real menu. */
function scenario(): Emulator {
  const emu = trackerWith(PEOPLE);
  const id = ids(emu);
  const raj = Array.from({length: 21}, (_, i) =>
    row(ago(300 - i * 10), id['Raj Patel'], 'inbound', 'retweet', 'Cub cam'),
  );
  seedLog(emu, [
    ...raj,
    row(
      ago(1),
      id['Tom Reed'],
      'inbound',
      'retweet',
      'Tiger census',
      'https://x.com/org/status/1',
    ),
    row(ago(2), id['Ana Lima'], 'inbound', 'question', 'How can I volunteer?'),
    row(ago(1), id['Dee Nott'], 'inbound', 'retweet', 'Tiger census'),
    row(
      ago(1, 10),
      id['<img src=x onerror=alert(1)>'],
      'inbound',
      'retweet',
      '=IMPORTXML("http://evil","//a")',
    ),
  ]);
  return emu;
}

describe('Reach out today', () => {
  test('lists the right people in the right order with the right actions', () => {
    const emu = scenario();
    emu.clickMenu("Refresh today's list");
    const lines = records(emu, 'Reach out today');
    const who = lines.map(l => l.Who);
    expect(who.slice(0, 2)).toEqual(['Maya Ode', 'Ana Lima']);
    expect(who).toContain('Tom Reed');
    expect(who).toContain('Raj Patel');
    expect(who).not.toContain('Dee Nott');
    expect(who.indexOf('Tom Reed')).toBeLessThan(who.indexOf('Raj Patel'));
    const line = (name: string) => lines.find(l => l.Who === name)!;
    expect(line('Maya Ode').Why).toMatch(/^Birthday/);
    expect(line('Maya Ode')['Suggested action']).toMatch(/tigers/i);
    expect(line('Ana Lima')['Suggested action']).toMatch(
      /How can I volunteer\?/,
    );
    expect(line('Tom Reed').Why).toMatch(/Tiger census/);
    expect(line('Raj Patel').Why).toMatch(/^Lapsing/);
    expect(String(line('Tom Reed').Compose)).toMatch(
      /^https:\/\/twitter\.com\/intent\/tweet\?text=/,
    );
  });

  test('regenerating the same day keeps the same list and never duplicates a line', () => {
    const emu = scenario();
    emu.clickMenu("Refresh today's list");
    const first = sheetOf(emu, 'Reach out today').values;
    emu.clickMenu("Refresh today's list");
    expect(sheetOf(emu, 'Reach out today').values).toEqual(first);
  });

  test('ticking Done logs the matching interaction once and updates the scores', () => {
    const emu = scenario();
    emu.clickMenu("Refresh today's list");
    const lines = records(emu, 'Reach out today');
    const tom = lines.findIndex(l => l.Who === 'Tom Reed') + 2;
    const whuffieBefore = records(emu, 'Supporters').find(
      r => r.Name === 'Tom Reed',
    )!.Whuffie;
    const logBefore = records(emu, 'Interactions').length;

    emu.userEdit(`'Reach out today'!G${tom}`, 'TRUE');
    const log = records(emu, 'Interactions');
    expect(log).toHaveLength(logBefore + 1);
    expect(log.at(-1)).toMatchObject({
      'Supporter ID': ids(emu)['Tom Reed'],
      Direction: 'outbound',
      Kind: 'thanks',
      Source: 'today',
    });
    const whuffieAfter = records(emu, 'Supporters').find(
      r => r.Name === 'Tom Reed',
    )!.Whuffie;
    expect(Number(whuffieAfter)).toBeGreaterThan(Number(whuffieBefore));

    // Unticking and ticking again logs nothing more.
    emu.userEdit(`'Reach out today'!G${tom}`, 'FALSE');
    emu.userEdit(`'Reach out today'!G${tom}`, 'TRUE');
    expect(records(emu, 'Interactions')).toHaveLength(logBefore + 1);
    // And the line stays on today's list, marked done.
    emu.clickMenu("Refresh today's list");
    const again = records(emu, 'Reach out today').find(
      l => l.Who === 'Tom Reed',
    )!;
    expect(again.Done).toBe(true);
  });

  test("a snoozed person leaves tomorrow's list", () => {
    const emu = scenario();
    emu.clickMenu("Refresh today's list");
    const tom =
      records(emu, 'Reach out today').findIndex(l => l.Who === 'Tom Reed') + 2;
    emu.userEdit(`'Reach out today'!H${tom}`, '1 week');
    emu.setNow('2026-03-02T08:30:00Z');
    emu.clickMenu("Refresh today's list");
    expect(records(emu, 'Reach out today').map(l => l.Who)).not.toContain(
      'Tom Reed',
    );
  });

  test('names and post text stay plain text in the tab', () => {
    const emu = scenario();
    emu.clickMenu("Refresh today's list");
    const tab = sheetOf(emu, 'Reach out today');
    expect(tab.formulas ?? {}).toEqual({});
    const evil = records(emu, 'Reach out today').find(
      l => l.Who === '<img src=x onerror=alert(1)>',
    )!;
    expect(String(evil.Why)).toContain('=IMPORTXML("http://evil","//a")');
  });
});

describe('the daily digest', () => {
  function withDigest(): Emulator {
    const emu = scenario();
    emu.setNow('2026-03-01T06:00:00Z');
    emu.clickMenu('Daily digest…', ['7']);
    return emu;
  }

  test("turning it on installs exactly one trigger, at the chosen hour in the sheet's zone", () => {
    const emu = withDigest();
    emu.clickMenu('Daily digest…', ['8 boss@example.org']);
    const triggers = emu.triggers.filter(t => t.handler === 'dailyDigestRun');
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({atHour: 8, timezone: 'Europe/London'});
    emu.clickMenu('Daily digest…', ['off']);
    expect(
      emu.triggers.filter(t => t.handler === 'dailyDigestRun'),
    ).toHaveLength(0);
  });

  test('the trigger sends one email with the list, and a second run the same day sends nothing', () => {
    const emu = withDigest();
    emu.setNow('2026-03-01T08:30:00Z');
    const results = emu.fireTimeTriggers('daily');
    expect(results.every(r => r.ok)).toBe(true);
    expect(emu.mail).toHaveLength(1);
    const mail = emu.mail[0];
    expect(mail.to).toBe('me@example.org');
    const html = mail.htmlBody ?? '';
    const order = ['Maya Ode', 'Ana Lima', 'Tom Reed', 'Raj Patel'].map(n =>
      html.indexOf(n),
    );
    expect(order.every(i => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).not.toContain('Dee Nott');
    expect(mail.body).toContain('Maya Ode');

    emu.fireTimeTriggers('daily');
    expect(emu.mail).toHaveLength(1);
  });

  test('names and notes are escaped in the email', () => {
    const emu = withDigest();
    emu.setNow('2026-03-01T08:30:00Z');
    emu.fireTimeTriggers('daily');
    const html = emu.mail[0].htmlBody ?? '';
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(emu.mail[0].body).toContain('<img src=x onerror=alert(1)>');
  });

  test('a spreadsheet that cannot be opened stops the trigger and is reported on next open', () => {
    const state = withDigest().exportState();
    const user = state.properties.user['me@example.org'];
    const uid = state.triggers[0].uid;
    const spreadsheetId = user[`whuffie.trigger.${uid}`];
    // The trigger now points at a spreadsheet this user can no longer open.
    user[`whuffie.trigger.${uid}`] = 'a-deleted-spreadsheet';
    const emu = addOn({now: '2026-03-01T08:30:00Z', state});
    emu.fireTimeTriggers('daily');
    expect(
      emu.triggers.filter(t => t.handler === 'dailyDigestRun'),
    ).toHaveLength(0);
    expect(emu.mail).toHaveLength(0);
    const health = JSON.parse(
      emu.properties('user')['whuffie.health.a-deleted-spreadsheet'],
    );
    expect(health).toMatchObject({outcome: 'stopped'});
    expect(spreadsheetId).toBeTruthy();
    // Back in a spreadsheet it served, the user is told once on open.
    const state2 = emu.exportState();
    const props = state2.properties.user['me@example.org'];
    props[`whuffie.health.${spreadsheetId}`] =
      props['whuffie.health.a-deleted-spreadsheet'];
    const back = addOn({now: '2026-03-02T09:00:00Z', state: state2});
    expect(back.ui.toasts.map(t => t.message).join('\n')).toMatch(
      /daily digest stopped/i,
    );
    back.open('LIMITED');
    expect(back.ui.toasts).toHaveLength(1);
  });
});
