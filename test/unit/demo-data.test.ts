import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readWorkbookFile, writeWorkbookFile} from '../../emulator/io';
import {
  generateInteractions,
  generateSupporters,
  SUPPORTER_HEADERS,
  type DemoPerson,
} from '../../scripts/demo-data';
import {KINDS, valueClassOf, type Direction} from '../../src/core/kinds';
import {LOG_HEADERS} from '../../src/core/model';

const END = new Date('2026-09-01T06:00:00Z');
const column = (name: string) => SUPPORTER_HEADERS.indexOf(name);

describe('generateSupporters', () => {
  const {headers, rows} = generateSupporters(2000, 42);

  it('is the same for the same seed, and different for another', () => {
    expect(generateSupporters(2000, 42)).toEqual({headers, rows});
    expect(generateSupporters(2000, 43).rows).not.toEqual(rows);
  });

  it('has a Mailchimp export’s columns and exactly the rows asked for', () => {
    expect(headers.slice(0, 10)).toEqual([
      'Email Address',
      'First Name',
      'Last Name',
      'Address',
      'Phone Number',
      'Birthday',
      'TAGS',
      'MEMBER_RATING',
      'OPTIN_TIME',
      'CONFIRM_TIME',
    ]);
    expect(rows).toHaveLength(2000);
    for (const row of rows) {
      expect(row).toHaveLength(headers.length);
      expect(String(row[0])).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/i);
    }
  });

  it('writes birthdays, tags and ratings the way Mailchimp exports them', () => {
    for (const row of rows) {
      expect(row[column('Birthday')]).toMatch(
        /^$|^(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])$/,
      );
      expect(row[column('TAGS')]).toMatch(/^$|^"[a-z ]+"(,"[a-z ]+")*$/);
    }
    const people = rows.filter(row => row[column('OPTIN_TIME')] !== '');
    for (const row of people) {
      expect([1, 2, 3, 4, 5]).toContain(row[column('MEMBER_RATING')]);
      expect(row[column('OPTIN_TIME')]).toBeInstanceOf(Date);
    }
  });

  it('gives about 60 % of people a handle, in mixed spellings, some invalid', () => {
    const handles = rows.map(row =>
      ['Twitter', 'Bluesky', 'Mastodon'].map(name => String(row[column(name)])),
    );
    const withAny = handles.filter(h => h.some(Boolean)).length / rows.length;
    expect(withAny).toBeGreaterThan(0.5);
    expect(withAny).toBeLessThan(0.7);
    const spellings = handles.flat().filter(Boolean);
    for (const shape of [
      /^@\w+$/,
      /^https:\/\/twitter\.com\//,
      /\?s=20$/,
      /\.bsky\.social$/,
      /^@\w+@[\w.]+$/,
    ]) {
      expect(spellings.some(text => shape.test(text))).toBe(true);
    }
    expect(spellings).toContain('n/a');
  });

  it('holds the untidiness of real lists: duplicates, e-mail-only rows, blank names', () => {
    const emails = rows.map(row => String(row[0]).toLowerCase());
    const sameIgnoringCase = emails.length - new Set(emails).size;
    expect(sameIgnoringCase).toBeGreaterThan(0);
    expect(rows.some(row => row.slice(1).every(cell => cell === ''))).toBe(
      true,
    );
    expect(
      rows.some(row => row[1] === '' && row[column('OPTIN_TIME')] !== ''),
    ).toBe(true);
  });

  it('reads back unchanged through the CSV importer: phones, zips, birthdays, "=" notes stay text', async () => {
    const path = join(
      mkdtempSync(join(tmpdir(), 'whuffie-demo-')),
      'audience.csv',
    );
    const sample = generateSupporters(300, 7);
    await writeWorkbookFile(path, {
      sheets: [{name: 'audience', values: [sample.headers, ...sample.rows]}],
    });
    const {workbook} = await readWorkbookFile(path);
    expect(workbook.sheets[0].values).toEqual([sample.headers, ...sample.rows]);
  });
});

describe('generateInteractions', () => {
  const people: DemoPerson[] = Array.from({length: 500}, (_, i) => ({
    id: `S${String(i + 1).padStart(5, '0')}`,
    handles:
      i % 3 === 0
        ? {}
        : {
            x: `fan${i}`,
            bluesky: `fan${i}.bsky.social`,
            mastodon: i % 5 ? undefined : `fan${i}@mastodon.social`,
          },
  }));
  const log = generateInteractions(people, 5000, 9, END);
  const at = (i: number) => (log[i][0] as Date).getTime();

  it('is the same for the same seed, and different for another', () => {
    expect(generateInteractions(people, 5000, 9, END)).toEqual(log);
    expect(generateInteractions(people, 5000, 10, END)).not.toEqual(log);
  });

  it('has exactly the rows asked for, in the log’s columns, in time order over the year before the end', () => {
    expect(log).toHaveLength(5000);
    const yearAgo = END.getTime() - 365 * 86_400_000;
    for (let i = 0; i < log.length; i++) {
      expect(log[i]).toHaveLength(LOG_HEADERS.length);
      expect(at(i)).toBeGreaterThanOrEqual(yearAgo);
      expect(at(i)).toBeLessThanOrEqual(END.getTime());
      if (i) expect(at(i)).toBeGreaterThanOrEqual(at(i - 1));
    }
  });

  it('speaks the log’s vocabulary: kinds for their direction, the value class that goes with them', () => {
    const ids = new Set(people.map(p => p.id));
    for (const [, who, direction, kind, channel, valueClass, amount] of log) {
      expect(ids.has(who as string)).toBe(true);
      const info = KINDS.find(k => k.id === kind);
      expect(info?.directions).toContain(direction);
      expect(valueClass).toBe(
        valueClassOf(direction as Direction, kind as string),
      );
      expect([
        'x',
        'bluesky',
        'mastodon',
        'email',
        'in person',
        'phone',
      ]).toContain(channel);
      if (kind === 'donation' || kind === 'membership')
        expect(amount).toBeGreaterThan(0);
      else expect(amount).toBe('');
    }
  });

  it('marks synced rows with unique network:kind:id event ids and hand-logged rows with none', () => {
    const eventIds = log.map(row => row[10] as string).filter(Boolean);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    for (const [, , direction, kind, channel, , , , , source, eventId] of log) {
      if (eventId) {
        expect(eventId).toBe(
          `${channel}:${kind}:${(eventId as string).split(':').slice(2).join(':')}`,
        );
        expect(source).toBe(direction === 'outbound' ? 'x-archive' : channel);
      } else {
        expect(['manual', 'sidebar', 'today', 'import']).toContain(source);
      }
    }
    expect(eventIds.length).toBeGreaterThan(log.length / 5);
  });

  it('concentrates activity on a few believers, on weekdays, and leaves no one off-line on a network', () => {
    const perPerson = new Map<string, number>();
    for (const row of log)
      perPerson.set(
        row[1] as string,
        (perPerson.get(row[1] as string) ?? 0) + 1,
      );
    const counts = [...perPerson.values()].sort((a, b) => b - a);
    const topTenth = counts
      .slice(0, people.length / 10)
      .reduce((a, b) => a + b, 0);
    expect(topTenth / log.length).toBeGreaterThan(0.3);

    const weekday = log.filter(
      row => ![0, 6].includes((row[0] as Date).getUTCDay()),
    ).length;
    expect(weekday / 5 / ((log.length - weekday) / 2)).toBeGreaterThan(1.3);

    const withHandles = new Set(
      people.filter(p => p.handles?.x).map(p => p.id),
    );
    for (const row of log) {
      if (['x', 'bluesky'].includes(row[4] as string))
        expect(withHandles.has(row[1] as string)).toBe(true);
    }
  });

  it('links social events to posts and mixes inbound with outbound', () => {
    const inbound = log.filter(row => row[2] === 'inbound').length / log.length;
    expect(inbound).toBeGreaterThan(0.55);
    expect(inbound).toBeLessThan(0.8);
    const retweets = log.filter(
      row => row[2] === 'inbound' && row[3] === 'retweet',
    );
    expect(
      retweets.every(
        row => /^https:\/\//.test(row[8] as string) && row[7] !== '',
      ),
    ).toBe(true);
    expect(log.some(row => /^Tiger census 2026$/.test(row[7] as string))).toBe(
      true,
    );
  });

  it('returns nothing for no people or no rows', () => {
    expect(generateInteractions([], 10, 1, END)).toEqual([]);
    expect(generateInteractions(people, 0, 1, END)).toEqual([]);
  });
});
