/**
 * The daily digest email (DESIGN §2): today's "Reach out today" list with
 * links, birthdays in the next 7 days, new engagement since yesterday, the
 * believers not in the tracker yet who engaged since yesterday, people who
 * moved band, and a link back to the tracker, as a subject, an HTML body and
 * a plain-text body. Pure: the caller gathers the data (already in the
 * sheet's zone) and sends the mail.
 *
 * Decisions:
 * - Both bodies are rendered from one model (sections of items), so the
 *   text-only mail never says less than the HTML one.
 * - HTML is the mail-client dialect: nested tables, inline styles only
 *   (many clients drop or rewrite <style>), 600 px wide, system fonts, no images,
 *   no scripts. Every piece of data goes through `escapeHtml`, every URL
 *   through `safeHref` (only http(s) and mailto become links; the text body
 *   drops the same URLs).
 * - Links are the Reach out today tab's (links.ts): a compose window per
 *   network the person has a handle on (the text then starts with their
 *   handle), and their profiles. The suggested post is also shown as text,
 *   to copy anywhere else.
 * - Long sections stop at DIGEST_LIMITS with "…and N more"; the subject and
 *   the counts always tell the whole number.
 * - Nothing to report and `allQuiet` off → no mail (null).
 */
import {weekdayOf, WEEKDAY_NAMES, parseCivilDate} from './dates';
import {NETWORK_LABELS, NETWORKS, type Network} from './handles';
import {escapeHtml, safeHref} from './html';
import {composeUrl, profileUrl} from './links';
import type {Bucket, OutreachLine} from './outreach';
import {bandRank, type Band} from './settings';
import {plural} from './plural';
import {NEW_PEOPLE_SHEET} from './sync/matching';
import {ACTION_ADD, ACTION_MATCH_SUGGESTED} from './sync/new-people-actions';

/** A line of today's list, with the person's handles (OutreachPerson's). */
export type DigestLine = OutreachLine & {
  handles?: Partial<Record<Network, string>>;
};

export interface DigestBirthday {
  name: string;
  /** 'YYYY-MM-DD', the day it is celebrated this year. */
  date: string;
  /** 0 = today. */
  inDays: number;
  /** "loves tigers". */
  interest?: string;
}

export interface DigestEngagement {
  name: string;
  /** A canonical kind (kinds.ts): 'retweet', 'reply', … */
  kind: string;
  /** ISO 8601. */
  when: string;
  note: string;
  link: string;
  channel: string;
}

/**
 * Someone on the New people sheet (engaged, not in the tracker) who engaged
 * since yesterday's digest, with what the sheet counted of them so far.
 */
export interface DigestNewBeliever {
  name: string;
  /** As the sheet shows it, with or without the @. */
  handle: string;
  network: Network;
  profileUrl: string;
  /** Reposts and quotes. */
  reposts: number;
  /** Replies and mentions. */
  conversations: number;
  likes: number;
  follows: number;
}

export interface DigestBandMove {
  name: string;
  from: Band;
  to: Band;
  responsiveness: number;
}

/** Everything the digest shows; plain JSON, so a trigger can log or replay it. */
export interface DigestInput {
  spreadsheetName: string;
  sheetUrl: string;
  /** The Reach out today tab's sheet id: the button opens that tab. */
  todayTabGid?: number | null;
  /** "Sunday 1 March 2026", formatted by the caller in the sheet's zone. */
  todayLabel: string;
  /** Today's list, in order. */
  lines: readonly DigestLine[];
  /** Birthdays in the next 7 days. */
  birthdays: readonly DigestBirthday[];
  /** Inbound engagement since yesterday's digest. */
  engagement: readonly DigestEngagement[];
  /**
   * People not in the tracker who engaged since yesterday's digest, most
   * engaged first. Absent in digests replayed from before the section.
   */
  newBelievers?: readonly DigestNewBeliever[];
  bandMoves: readonly DigestBandMove[];
  /** Send "All quiet today" instead of nothing. */
  allQuiet: boolean;
}

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

/** Items shown per section before "…and N more". */
export const DIGEST_LIMITS = {
  lines: 25,
  birthdays: 10,
  engagement: 10,
  newBelievers: 5,
  bandMoves: 8,
} as const;

const MAX_SUBJECT = 100;
const TEXT_WIDTH = 78;
const MAX_QUOTE = 200;

// ---------------------------------------------------------------------------
// Links.

/** The URL when it may become a link (safeHref's rule), else ''. */
const linkable = (url: unknown): string =>
  typeof url === 'string' && safeHref(url) ? url.trim() : '';

function trackerUrl(input: DigestInput): string {
  const url = linkable(input.sheetUrl);
  const gid = input.todayTabGid;
  if (!url || typeof gid !== 'number' || !Number.isInteger(gid) || gid < 0)
    return url;
  return `${url.replace(/#.*$/, '')}#gid=${gid}`;
}

// ---------------------------------------------------------------------------
// The model both bodies are rendered from.

type Tone = Bucket | 'neutral';

interface Link {
  label: string;
  /** Already checked by `linkable`. */
  url: string;
  /** The thing to do (a compose window), shown as the strongest link. */
  primary?: boolean;
}

interface Item {
  /** The line's priority, shown as a badge. */
  number?: number;
  title: string;
  /** Follows the title on the same line: "reposted us on X". */
  summary?: string;
  tag?: {label: string; tone: Tone};
  /** Shown in this order; the first is the emphasised one. */
  details: string[];
  /** A post: theirs, or the one we suggest. */
  quote?: {label: string; text: string};
  links: Link[];
  /** Their profiles, shown quieter than the links. */
  profiles?: Link[];
}

interface Section {
  heading: string;
  /** Cards (today's list) or compact rows (everything else). */
  style: 'cards' | 'rows';
  items: Item[];
  /** "…and 3 more in the Interactions log", or ''. */
  more: string;
  /** What to do about the whole section, or ''. */
  hint: string;
}

/** One line of text: no line breaks or control characters from the data. */
function oneLine(value: unknown): string {
  return String(value ?? '')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

function clipped(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : chars
        .slice(0, max - 1)
        .join('')
        .trimEnd() + '\u2026';
}

const nameOf = (name: unknown) => oneLine(name) || '(no name)';

function capped<T>(
  all: readonly T[],
  limit: number,
  where: string,
): {shown: readonly T[]; more: string} {
  const rest = all.length - limit;
  return rest > 0
    ? {shown: all.slice(0, limit), more: `\u2026and ${rest} more${where}`}
    : {shown: all, more: ''};
}

function lineItem(line: DigestLine): Item {
  const handles = line.handles ?? {};
  const links: Link[] = [];
  for (const network of NETWORKS) {
    const text = line.compose?.[network];
    const url = text ? composeUrl(network, text, handles[network]) : '';
    if (url)
      links.push({
        label: `Post on ${NETWORK_LABELS[network]}`,
        url,
        primary: true,
      });
  }
  const eventUrl = linkable(line.event?.link);
  if (eventUrl) links.push({label: 'View their post', url: eventUrl});
  const profiles: Link[] = [];
  for (const network of NETWORKS) {
    const handle = oneLine(handles[network]);
    const url = handle ? linkable(profileUrl(network, handle)) : '';
    if (url)
      profiles.push({label: `${handle} on ${NETWORK_LABELS[network]}`, url});
  }
  const post = oneLine(line.compose?.text);
  return {
    number: line.priority,
    title: nameOf(line.name),
    tag: {label: oneLine(line.bucketLabel), tone: line.bucket},
    details: [oneLine(line.action), oneLine(line.why)].filter(Boolean),
    quote: post ? {label: 'Suggested post', text: post} : undefined,
    links,
    profiles,
  };
}

/** "today", "tomorrow (Monday)", "Wednesday, in 3 days"; `brief`: "on Wednesday". */
function birthdayWhen(b: DigestBirthday, brief = false): string {
  const day = parseCivilDate(b.date);
  const weekday = day === null ? '' : WEEKDAY_NAMES[weekdayOf(day)];
  if (b.inDays === 0) return 'today';
  if (b.inDays === 1)
    return weekday && !brief ? `tomorrow (${weekday})` : 'tomorrow';
  const inDays = `in ${plural(b.inDays, 'day')}`;
  if (!weekday) return inDays;
  return brief ? `on ${weekday}` : `${weekday}, ${inDays}`;
}

function birthdayItem(b: DigestBirthday): Item {
  const interest = oneLine(b.interest);
  return {
    title: nameOf(b.name),
    summary: birthdayWhen(b),
    details: interest ? [interest] : [],
    links: [],
  };
}

/** What they did, as a phrase after their name. */
const DEEDS: Record<string, string> = {
  like: 'liked our post',
  follow: 'followed us',
  reply: 'replied to us',
  mention: 'mentioned us',
  question: 'asked us a question',
  retweet: 'reposted us',
  quote: 'quoted us',
  message: 'messaged us',
  volunteered: 'volunteered',
  signed: 'signed the petition',
  attended: 'came to our event',
  'defended us': 'defended us',
  donation: 'donated',
  membership: 'joined as a member',
};

const CHANNEL_PHRASES: Record<string, string> = {
  x: 'on X',
  bluesky: 'on Bluesky',
  mastodon: 'on Mastodon',
  email: 'by email',
  phone: 'by phone',
  'in person': 'in person',
};

function engagementItem(e: DigestEngagement): Item {
  const deed = DEEDS[e.kind] ?? (oneLine(e.kind) || 'engaged');
  const channel = CHANNEL_PHRASES[e.channel] ?? '';
  const note = oneLine(e.note);
  const url = linkable(e.link);
  return {
    title: nameOf(e.name),
    summary: channel ? `${deed} ${channel}` : deed,
    details: [],
    quote: note ? {label: '', text: clipped(note, MAX_QUOTE)} : undefined,
    links: url ? [{label: 'View', url}] : [],
  };
}

/** "once", "twice", "3 times". */
const times = (n: number) =>
  n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;

/** A count from the sheet (or a replayed JSON): a whole number, 0 if it is not one. */
const countOf = (n: unknown) =>
  typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;

/** "a", "a and b", "a, b and c". */
const listed = (parts: readonly string[]) =>
  parts.length > 1
    ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
    : (parts[0] ?? '');

/** "reposted us 3 times and replied to or mentioned us once". */
function believerDeeds(b: DigestNewBeliever): string {
  const reposts = countOf(b.reposts);
  const conversations = countOf(b.conversations);
  const likes = countOf(b.likes);
  return (
    listed(
      [
        reposts ? `reposted us ${times(reposts)}` : '',
        conversations
          ? `replied to or mentioned us ${times(conversations)}`
          : '',
        likes === 1
          ? 'liked one of our posts'
          : likes
            ? `liked ${likes} of our posts`
            : '',
        countOf(b.follows) ? 'followed us' : '',
      ].filter(Boolean),
    ) || 'engaged with us'
  );
}

function believerItem(b: DigestNewBeliever): Item {
  const name = oneLine(b.name);
  const handle = oneLine(b.handle).replace(/^@/, '');
  const at = handle ? `@${handle}` : '';
  const channel = CHANNEL_PHRASES[b.network] ?? '';
  const deeds = believerDeeds(b);
  const url = linkable(b.profileUrl);
  return {
    title: nameOf(name || at),
    summary: channel ? `${deeds} ${channel}` : deeds,
    details: name && at ? [at] : [],
    links: url ? [{label: 'Profile', url}] : [],
  };
}

const believersPhrase = (n: number) =>
  `${plural(n, 'believer')} you don\u2019t know yet`;

function bandItem(m: DigestBandMove): Item {
  const score = Number.isFinite(m.responsiveness)
    ? ` (responsiveness ${Math.round(m.responsiveness)})`
    : '';
  return {
    title: nameOf(m.name),
    summary: `${m.from} \u2192 ${m.to}${score}`,
    details: [],
    links: [],
  };
}

const whenMs = (e: DigestEngagement) => {
  const ms = Date.parse(e.when);
  return Number.isNaN(ms) ? -Infinity : ms;
};

function sectionsOf(input: DigestInput): Section[] {
  const sections: Section[] = [];
  const add = <T>(
    heading: string,
    style: Section['style'],
    all: readonly T[],
    limit: number,
    where: string,
    item: (x: T) => Item,
    hint = '',
  ) => {
    if (!all.length) return;
    const {shown, more} = capped(all, limit, where);
    sections.push({heading, style, items: shown.map(item), more, hint});
  };
  add(
    'Reach out today',
    'cards',
    input.lines,
    DIGEST_LIMITS.lines,
    ' on the Reach out today tab',
    lineItem,
  );
  add(
    'Birthdays this week',
    'rows',
    input.birthdays,
    DIGEST_LIMITS.birthdays,
    '',
    birthdayItem,
  );
  // Newest first; a stable sort keeps the caller's order for equal times.
  const engagement = [...input.engagement].sort(
    (a, b) => whenMs(b) - whenMs(a),
  );
  add(
    'New since yesterday',
    'rows',
    engagement,
    DIGEST_LIMITS.engagement,
    ' in the Interactions log',
    engagementItem,
  );
  add(
    'Believers you don\u2019t know yet',
    'rows',
    input.newBelievers ?? [],
    DIGEST_LIMITS.newBelievers,
    ` on the ${NEW_PEOPLE_SHEET} sheet`,
    believerItem,
    `Add them from the ${NEW_PEOPLE_SHEET} sheet (Action: ${ACTION_ADD} or ${ACTION_MATCH_SUGGESTED}).`,
  );
  const moves = (up: boolean) =>
    input.bandMoves.filter(m =>
      up
        ? bandRank(m.to) > bandRank(m.from)
        : bandRank(m.to) < bandRank(m.from),
    );
  add('Warming up', 'rows', moves(true), DIGEST_LIMITS.bandMoves, '', bandItem);
  add(
    'Cooling down',
    'rows',
    moves(false),
    DIGEST_LIMITS.bandMoves,
    '',
    bandItem,
  );
  return sections;
}

const bandMoved = (m: DigestBandMove) => m.from !== m.to;

function isEmpty(input: DigestInput): boolean {
  return (
    !input.lines.length &&
    !input.birthdays.length &&
    !input.engagement.length &&
    !input.newBelievers?.length &&
    !input.bandMoves.some(bandMoved)
  );
}

/** "5 people to reach out to · 2 birthdays this week · …" */
function summaryOf(input: DigestInput): string[] {
  const moved = input.bandMoves.filter(bandMoved).length;
  return [
    input.lines.length
      ? `${plural(input.lines.length, 'person', 'people')} to reach out to`
      : '',
    input.birthdays.length
      ? `${plural(input.birthdays.length, 'birthday')} this week`
      : '',
    input.engagement.length
      ? plural(input.engagement.length, 'new engagement')
      : '',
    input.newBelievers?.length
      ? believersPhrase(input.newBelievers.length)
      : '',
    moved ? `${moved} moved band` : '',
  ].filter(Boolean);
}

// ---------------------------------------------------------------------------
// Subject.

const possessive = (name: string) => `${clipped(name, 40)}\u2019s`;

function listHighlights(lines: readonly DigestLine[]): string[] {
  const count = (bucket: Bucket) =>
    lines.filter(l => l.bucket === bucket).length;
  // A heads-up (logs nothing) only plans ahead; today's birthdays make news.
  const birthdays = lines.filter(l => l.bucket === 'birthday' && l.logKind);
  const replies = count('reply-owed');
  return [
    birthdays.length === 1
      ? `${possessive(nameOf(birthdays[0].name))} birthday`
      : birthdays.length > 1
        ? `${birthdays.length} birthdays`
        : '',
    replies ? `${plural(replies, 'reply', 'replies')} owed` : '',
    count('thank') ? `${count('thank')} to thank` : '',
    count('neglected') ? `${count('neglected')} to catch up with` : '',
    count('lapsing') ? `${count('lapsing')} to win back` : '',
    count('ready-to-ask') ? `${count('ready-to-ask')} ready to ask` : '',
  ].filter(Boolean);
}

function otherHighlights(input: DigestInput): string[] {
  const [first] = input.birthdays;
  const moved = input.bandMoves.filter(bandMoved).length;
  return [
    input.birthdays.length === 1
      ? `${possessive(nameOf(first.name))} birthday ${birthdayWhen(first, true)}`
      : input.birthdays.length
        ? `${input.birthdays.length} birthdays this week`
        : '',
    input.engagement.length
      ? `${plural(input.engagement.length, 'new engagement')} since yesterday`
      : '',
    input.newBelievers?.length
      ? believersPhrase(input.newBelievers.length)
      : '',
    moved ? `${plural(moved, 'supporter')} moved band` : '',
  ].filter(Boolean);
}

/** As many highlights as fit in MAX_SUBJECT characters after the head. */
function fitted(head: string, highlights: string[], separator: string) {
  let subject = head;
  for (const h of highlights) {
    const next = subject ? `${subject}${separator}${h}` : h;
    if (next.length > MAX_SUBJECT) break;
    subject = next;
    separator = ', ';
  }
  return subject;
}

function subjectOf(input: DigestInput): string {
  if (isEmpty(input)) return 'All quiet today';
  const n = input.lines.length;
  const subject = n
    ? fitted(
        `Reach out today: ${plural(n, 'person', 'people')}`,
        listHighlights(input.lines),
        ' \u2014 ',
      )
    : fitted('', otherHighlights(input), '');
  return clipped(
    subject.charAt(0).toUpperCase() + subject.slice(1),
    MAX_SUBJECT,
  );
}

// ---------------------------------------------------------------------------
// Plain text.

/** Word-wrapped; a word longer than the width (a URL) keeps a line to itself. */
function wrap(text: string, first: string, rest: string): string[] {
  const out: string[] = [];
  let current = '';
  let prefix = first;
  for (const word of text.split(' ').filter(Boolean)) {
    if (
      current &&
      prefix.length + current.length + 1 + word.length > TEXT_WIDTH
    ) {
      out.push(prefix + current);
      prefix = rest;
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) out.push(prefix + current);
  return out;
}

function textItem(
  item: Item,
  index: number,
  style: Section['style'],
): string[] {
  const head =
    item.title +
    (item.summary ? ` \u2014 ${item.summary}` : '') +
    (item.tag?.label ? ` [${item.tag.label}]` : '');
  const marker = style === 'cards' ? `${item.number ?? index + 1}. ` : '- ';
  const indent = ' '.repeat(marker.length);
  if (style === 'rows') {
    const out = wrap([head, ...item.details].join(' \u00b7 '), marker, indent);
    if (item.quote)
      out.push(...wrap(`\u201c${item.quote.text}\u201d`, indent, indent));
    for (const link of item.links) out.push(`${indent}${link.url}`);
    return out;
  }
  const out = wrap(head, marker, indent);
  for (const detail of item.details) out.push(...wrap(detail, indent, indent));
  if (item.quote) {
    const label = item.quote.label ? `${item.quote.label}: ` : '';
    out.push(...wrap(`${label}\u201c${item.quote.text}\u201d`, indent, indent));
  }
  for (const link of [...item.links, ...(item.profiles ?? [])])
    out.push(`${indent}${link.label}:`, `${indent}${link.url}`);
  return out;
}

function renderText(
  input: DigestInput,
  sections: Section[],
  button: string,
): string {
  const out: string[] = [];
  const title = sections.length ? 'Whuffie daily digest' : 'All quiet today';
  out.push(...wrap(`${title} \u2014 ${oneLine(input.todayLabel)}`, '', ''));
  out.push(...wrap(oneLine(input.spreadsheetName), '', ''));
  out.push('');
  if (!sections.length) {
    out.push(...wrap(QUIET_TEXT, '', ''));
  } else {
    out.push(...wrap(summaryOf(input).join(' \u00b7 '), '', ''));
  }
  for (const section of sections) {
    const heading = section.heading.toUpperCase();
    out.push('', '', heading, '='.repeat(heading.length), '');
    section.items.forEach((item, i) => {
      out.push(...textItem(item, i, section.style));
      if (section.style === 'cards') out.push('');
    });
    if (section.more) out.push(section.more);
    if (section.hint) out.push(...wrap(section.hint, '', ''));
  }
  if (button) out.push('', '', 'Open the tracker:', button);
  out.push('', '-- ', ...wrap(footerText(input), '', ''));
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

const QUIET_TEXT =
  'Nobody to reach out to, no birthdays this week, no new engagement ' +
  'since yesterday. A good day to post something worth sharing.';

function footerText(input: DigestInput): string {
  const name = oneLine(input.spreadsheetName);
  return (
    `Sent by Whuffie${name ? ` for \u201c${name}\u201d` : ''}. ` +
    'To change or stop this email, open the sheet and use Social CRM \u203a Daily digest.'
  );
}

// ---------------------------------------------------------------------------
// HTML.

const FONT =
  "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const ACCENT = '#0f766e';
const INK = '#111827';
const MUTED = '#6b7280';
const LINE = '#e5e7eb';

const TONES: Record<Tone, [string, string]> = {
  birthday: ['#fce7f3', '#9d174d'],
  'reply-owed': ['#ffedd5', '#9a3412'],
  thank: ['#dcfce7', '#166534'],
  neglected: ['#dbeafe', '#1e40af'],
  lapsing: ['#fef3c7', '#92400e'],
  'ready-to-ask': ['#ede9fe', '#5b21b6'],
  neutral: ['#f3f4f6', '#374151'],
};

const h = escapeHtml;

const TABLE =
  'role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"';

function htmlLinks(links: Link[]): string {
  if (!links.length) return '';
  const chips = links
    .map(
      l =>
        `<a href="${safeHref(l.url)}" style="display:inline-block;margin:10px 6px 0 0;padding:6px 12px;` +
        `border:1px solid ${l.primary ? ACCENT : '#cbd5e1'};border-radius:6px;` +
        `background:${l.primary ? '#f0fdfa' : '#ffffff'};color:${ACCENT};font-size:13px;` +
        `font-weight:600;line-height:18px;text-decoration:none;">${h(l.label)}</a>`,
    )
    .join('');
  return `<div style="margin:0;">${chips}</div>`;
}

function htmlProfiles(profiles: Link[] | undefined): string {
  if (!profiles?.length) return '';
  const links = profiles
    .map(
      l =>
        `<a href="${safeHref(l.url)}" style="color:${MUTED};text-decoration:underline;">${h(l.label)}</a>`,
    )
    .join(' \u00b7 ');
  return `<p style="margin:10px 0 0;color:${MUTED};font-size:12px;line-height:18px;">Profiles: ${links}</p>`;
}

function htmlTag(tag: Item['tag']): string {
  if (!tag?.label) return '';
  const [bg, fg] = TONES[tag.tone] ?? TONES.neutral;
  return (
    '<span style="display:inline-block;margin-left:6px;padding:2px 8px;border-radius:999px;' +
    `background:${bg};color:${fg};font-size:11px;font-weight:700;line-height:16px;` +
    `letter-spacing:0.04em;text-transform:uppercase;vertical-align:2px;">${h(tag.label)}</span>`
  );
}

function htmlQuote(quote: Item['quote'], compact: boolean): string {
  if (!quote) return '';
  const label = quote.label
    ? `<span style="display:block;color:${MUTED};font-size:11px;font-weight:700;` +
      `letter-spacing:0.04em;text-transform:uppercase;">${h(quote.label)}</span>`
    : '';
  return (
    `<div style="margin:${compact ? 4 : 10}px 0 0;padding:8px 12px;background:#f9fafb;` +
    'border-left:3px solid #5eead4;color:#374151;font-size:14px;line-height:20px;">' +
    `${label}\u201c${h(quote.text)}\u201d</div>`
  );
}

function htmlCard(item: Item, last: boolean): string {
  const [action, ...rest] = item.details;
  const badge =
    `<div style="width:26px;height:26px;border-radius:13px;background:${ACCENT};color:#ffffff;` +
    `font-size:13px;font-weight:700;line-height:26px;text-align:center;">${h(item.number ?? '')}</div>`;
  const details =
    (action
      ? `<p style="margin:6px 0 0;color:${INK};font-size:15px;line-height:22px;">${h(action)}</p>`
      : '') +
    rest
      .map(
        d =>
          `<p style="margin:4px 0 0;color:${MUTED};font-size:13px;line-height:19px;">${h(d)}</p>`,
      )
      .join('');
  return (
    `<tr><td style="padding:16px 0;${last ? '' : `border-bottom:1px solid ${LINE};`}">` +
    `<table ${TABLE}><tr>` +
    `<td width="38" valign="top" style="width:38px;padding-top:1px;">${badge}</td>` +
    '<td valign="top">' +
    `<strong style="color:${INK};font-size:16px;line-height:24px;">${h(item.title)}</strong>` +
    htmlTag(item.tag) +
    details +
    htmlQuote(item.quote, false) +
    htmlLinks(item.links) +
    htmlProfiles(item.profiles) +
    '</td></tr></table></td></tr>'
  );
}

function htmlRow(item: Item, last: boolean): string {
  const links = item.links
    .map(
      l =>
        ` \u00b7 <a href="${safeHref(l.url)}" style="color:${ACCENT};font-weight:600;` +
        `text-decoration:none;">${h(l.label)}</a>`,
    )
    .join('');
  const details = item.details
    .map(d => ` \u00b7 <span style="color:${MUTED};">${h(d)}</span>`)
    .join('');
  return (
    `<tr><td style="padding:9px 0;${last ? '' : `border-bottom:1px solid ${LINE};`}` +
    `color:${INK};font-size:14px;line-height:20px;">` +
    `<strong>${h(item.title)}</strong>` +
    (item.summary ? ` ${h(item.summary)}` : '') +
    details +
    links +
    htmlQuote(item.quote, true) +
    '</td></tr>'
  );
}

function htmlSection(section: Section): string {
  const rows = section.items
    .map((item, i) => {
      const last =
        i === section.items.length - 1 && !section.more && !section.hint;
      return section.style === 'cards'
        ? htmlCard(item, last)
        : htmlRow(item, last);
    })
    .join('');
  const note = (text: string) =>
    text
      ? `<tr><td style="padding:10px 0 0;color:${MUTED};font-size:13px;line-height:19px;">${h(text)}</td></tr>`
      : '';
  const notes = note(section.more) + note(section.hint);
  return (
    '<tr><td style="padding:8px 32px 16px;">' +
    `<h2 style="margin:16px 0 4px;padding-bottom:8px;border-bottom:2px solid ${INK};color:${INK};` +
    `font-size:13px;font-weight:700;letter-spacing:0.06em;text-transform:uppercase;">${h(section.heading)}</h2>` +
    `<table ${TABLE}>${rows}${notes}</table>` +
    '</td></tr>'
  );
}

function renderHtml(
  input: DigestInput,
  subject: string,
  sections: Section[],
  button: string,
): string {
  const quiet = !sections.length;
  const summary = summaryOf(input);
  const preheader = quiet ? QUIET_TEXT : summary.join(' \u00b7 ');
  // Each part stays whole on a narrow screen; lines break at the dots.
  const lead = quiet
    ? h(QUIET_TEXT)
    : summary
        .map(part => `<span style="white-space:nowrap;">${h(part)}</span>`)
        .join(' \u00b7 ');
  const name = oneLine(input.spreadsheetName);
  const header =
    '<tr><td style="padding:28px 32px 12px;">' +
    `<p style="margin:0;color:${ACCENT};font-size:12px;font-weight:700;letter-spacing:0.08em;` +
    `text-transform:uppercase;">Whuffie daily digest${name ? ` \u00b7 ${h(name)}` : ''}</p>` +
    `<h1 style="margin:6px 0 0;color:${INK};font-size:26px;line-height:32px;font-weight:700;">` +
    `${quiet ? 'All quiet today' : h(oneLine(input.todayLabel))}</h1>` +
    (quiet
      ? `<p style="margin:4px 0 0;color:${MUTED};font-size:14px;line-height:20px;">${h(oneLine(input.todayLabel))}</p>`
      : '') +
    `<p style="margin:14px 0 0;color:#374151;font-size:15px;line-height:22px;">${lead}</p>` +
    '</td></tr>';
  const cta = button
    ? '<tr><td align="center" style="padding:20px 32px 32px;">' +
      `<a href="${safeHref(button)}" style="display:inline-block;padding:13px 28px;border-radius:8px;` +
      `background:${ACCENT};color:#ffffff;font-size:16px;font-weight:700;line-height:20px;` +
      'text-decoration:none;">Open the tracker</a></td></tr>'
    : '';
  return (
    '<!DOCTYPE html>' +
    '<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    '<meta name="color-scheme" content="light">' +
    `<title>${h(subject)}</title></head>` +
    '<body style="margin:0;padding:0;background:#f3f4f6;">' +
    // The preheader: the line inbox lists show after the subject.
    `<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${h(preheader)}</div>` +
    `<table ${TABLE} style="background:#f3f4f6;"><tr><td align="center" style="padding:24px 12px;">` +
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" ' +
    `style="width:100%;max-width:600px;background:#ffffff;border:1px solid ${LINE};border-top:4px solid ${ACCENT};border-radius:12px;` +
    `font-family:${FONT};">` +
    header +
    sections.map(htmlSection).join('') +
    cta +
    '</table>' +
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" ' +
    `style="width:100%;max-width:600px;font-family:${FONT};"><tr>` +
    '<td style="padding:16px 32px;color:#9ca3af;font-size:12px;line-height:18px;text-align:center;">' +
    `${h(footerText(input))}</td></tr></table>` +
    '</td></tr></table></body></html>'
  );
}

// ---------------------------------------------------------------------------

/**
 * The day's digest email, or null when there is nothing to report and the
 * "all quiet" setting is off.
 */
export function renderDigest(input: DigestInput): DigestEmail | null {
  if (isEmpty(input) && !input.allQuiet) return null;
  // Empty input gives no sections: the quiet mail.
  const sections = sectionsOf(input);
  const subject = subjectOf(input);
  const button = trackerUrl(input);
  return {
    subject,
    text: renderText(input, sections, button),
    html: renderHtml(input, subject, sections, button),
  };
}
