/**
 * Seeded demo data for "Riverside Tiger Sanctuary", a fictional nonprofit: a
 * supporter sheet shaped like a Mailchimp audience export, and a year of
 * Interactions log rows. Pure and deterministic for a seed, so the tests,
 * the playground and the benchmark all see the same people.
 *
 * Everything is invented and unreachable: e-mail domains are reserved
 * example domains, phone numbers sit in ranges set aside for fiction
 * (Ofcom's 020 7946 0xxx, the US 555-01xx).
 *
 * The data is deliberately untidy, as real exports are: handles in every
 * spelling people type, a few invalid ones, duplicates that differ by an
 * e-mail's case or a typo, rows with only an e-mail, notes with commas,
 * quotes, line breaks and a leading '='.
 */
import type {CellValue} from '../emulator/workbook';
import {valueClassOf, type Direction} from '../src/core/kinds';

// ---------------------------------------------------------------------------
// Randomness

/** mulberry32: a 32-bit PRNG in a few lines, fast and well mixed enough for fake data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weighted choices; totals are summed once, since a million rows draw from them. */
interface Table<T> {
  items: T[];
  cumulative: number[];
}

function table<T>(pairs: readonly (readonly [T, number])[]): Table<T> {
  let total = 0;
  return {
    items: pairs.map(([item]) => item),
    cumulative: pairs.map(([, weight]) => (total += weight)),
  };
}

class Random {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  draw<T>({items, cumulative}: Table<T>): T {
    const r = this.next() * cumulative[cumulative.length - 1];
    let i = 0;
    while (cumulative[i] <= r) i++;
    return items[i];
  }
}

// ---------------------------------------------------------------------------
// Supporters

/** Mailchimp's audience export columns, plus the handles and notes people add. */
export const SUPPORTER_HEADERS = [
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
  'Twitter',
  'Bluesky',
  'Mastodon',
  'Notes',
];

/** First and last names that belong together, so each invented person is plausible. */
// prettier-ignore
const NAME_POOLS: readonly (readonly [string[], string[]])[] = [
  [['Olivia', 'James', 'Amelia', 'Harry', 'Sophie', 'Oliver', 'Grace', 'George', 'Emily', 'Margaret'],
   ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Davies', 'Wright', 'Hughes', 'Walker']],
  [['Siobhán', 'Ciarán', 'Aoife', 'Niamh', 'Seán', 'Eoin', 'Róisín'],
   ["O'Brien", "O'Connor", 'Murphy', 'Kelly', 'Byrne', 'McCarthy', 'Ní Bhriain']],
  [['María José', 'José', 'Lucía', 'Alejandro', 'Valentina', 'Mateo', 'Camila', 'Sofía'],
   ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'Pérez', 'Torres de la Cruz']],
  [['João', 'Ana Clara', 'Gabriel', 'Beatriz', 'Thiago', 'Larissa'],
   ['Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Pereira']],
  [['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Kavya', 'Arjun', 'Lakshmi'],
   ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Menon', 'Chatterjee']],
  [['Wei', 'Mei', 'Jun', 'Xiu Ying', 'Hao', 'Li Na'],
   ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Huang']],
  [['Linh', 'Minh', 'Thảo', 'Huy', 'Ngọc', 'Quang'],
   ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ']],
  [['Yuki', 'Haruto', 'Sakura', 'Ren', 'Aiko', 'Sota'],
   ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito']],
  [['Ji-woo', 'Min-jun', 'Seo-yeon', 'Do-yun', 'Ha-eun'],
   ['Kim', 'Lee', 'Park', 'Choi', 'Jung']],
  [['Chiamaka', 'Oluwaseun', 'Ngozi', 'Emeka', 'Folake', 'Tunde', 'Adaeze'],
   ['Okafor', 'Adeyemi', 'Eze', 'Balogun', 'Nwosu', 'Okonkwo']],
  [['Kwame', 'Ama', 'Kofi', 'Abena', 'Yaw', 'Akosua'],
   ['Mensah', 'Owusu', 'Boateng', 'Asante', 'Osei']],
  [['Wanjiru', 'Kamau', 'Achieng', 'Otieno', 'Amani', 'Zawadi'],
   ['Mwangi', 'Odhiambo', 'Kariuki', 'Wambui', 'Njoroge']],
  [['Fatima', 'Omar', 'Layla', 'Yusuf', 'Amira', 'Khalid', 'Noor'],
   ['Al-Sayed', 'Haddad', 'Khoury', 'Mansour', 'Nasser', 'El-Amin']],
  [['Elif', 'Emre', 'Zeynep', 'Mehmet', 'Ayşe', 'Can'],
   ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk']],
  [['Łukasz', 'Agnieszka', 'Katarzyna', 'Piotr', 'Małgorzata'],
   ['Kowalski', 'Nowak', 'Wiśniewska', 'Wójcik', 'Lewandowska']],
  [['Lena', 'Jonas', 'Anna-Lena', 'Lukas', 'Jürgen'],
   ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber']],
  [['Chloé', 'Léa', 'Hugo', 'Théo', 'Éloïse'],
   ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau']],
  [['Olena', 'Dmytro', 'Natalia', 'Oksana', 'Mykola'],
   ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Melnyk']],
  [['Angelica', 'Mark Anthony', 'Kristine', 'Jericho'],
   ['Santos', 'Reyes', 'Bautista', 'Dela Cruz', 'Villanueva']],
  [['Aroha', 'Tane', 'Mere', 'Wiremu', 'Losa', 'Sione'],
   ['Ngata', 'Parata', 'Fonoti', 'Taufa']],
  [['Miriam', 'David', 'Rachel', 'Noam', 'Talia'],
   ['Cohen', 'Levi', 'Friedman', 'Goldberg', 'Katz']],
];

// prettier-ignore
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example', 'post.example', 'riverside-college.example'];

// prettier-ignore
const MASTODON_INSTANCES = ['mastodon.social', 'mas.to', 'fosstodon.org', 'mstdn.social', 'hachyderm.io'];

// prettier-ignore
const STREETS = ['Tiger Lane', 'Riverbank Road', 'Mill Street', 'Station Road', 'Willow Close', 'Jasmine Court', 'Harbour View', 'Oak Avenue'];

/** City, state, postal code, country: the parts of a Mailchimp address after the street. */
// prettier-ignore
const PLACES = [
  ['Riverside', 'CA', '92501', 'US'], ['Boston', 'MA', '02134', 'US'], ['Portland', 'ME', '04101', 'US'],
  ['Austin', 'TX', '78701', 'US'], ['London', '', 'E1 6AN', 'GB'], ['Cardiff', '', 'CF10 1AA', 'GB'],
  ['Toronto', 'ON', 'M5V 2T6', 'CA'], ['Berlin', '', '10115', 'DE'], ['Bengaluru', 'KA', '560001', 'IN'],
];

// prettier-ignore
const TAGS = table([
  ['donor', 30], ['monthly donor', 8], ['volunteer', 20], ['member', 18], ['advocate', 10],
  ['event attendee', 15], ['newsletter', 25], ['press', 2], ['board', 1],
]);

// prettier-ignore
const TAG_COUNT = table([[0, 30], [1, 40], [2, 20], [3, 10]]);

// prettier-ignore
const MEMBER_RATING = table([[1, 5], [2, 45], [3, 25], [4, 15], [5, 10]]);

const NOTES = [
  'Loves tigers',
  'Asked how to volunteer at the spring open day',
  "Board member's sister",
  'Monthly donor since 2021',
  'Met at the gala; wants updates on the cubs',
  'Teacher, brings her class every May',
  'Prefers email, not phone',
  'Photographer: offered photos for the calendar',
  'Adopted Raja the tiger for her kids',
  'Wildlife vet, happy to answer questions',
  'Runs a tiger fan account',
  'Ran the Tiger Run 2025',
  'Local journalist',
  'Interested in legacy giving',
  'Signed the Sundarbans petition',
  'Knits tiger hats for the gift shop',
  'Retired zookeeper',
  'Watches the cub cam every morning',
  'Asked "when do the cubs go outside?"',
  'Likes: tigers, rivers, photography',
  'Met at the open day,\nwants to help with the website',
  '=== VIP ===',
];

/** Handles in the spellings people type into a sheet, and some they get wrong. */
// prettier-ignore
const X_SPELLINGS = table<(h: string) => string>([
  [h => `@${h}`, 40], [h => h, 15], [h => `https://twitter.com/${h}`, 15], [h => `https://x.com/${h}`, 10],
  [h => `x.com/${h}?s=20`, 8], [h => `twitter.com/${h}/`, 5], [h => ` @${h} `, 4],
  [() => 'n/a', 1], [h => `https://facebook.com/${h}`, 1], [h => `${h} (twitter)!!`, 1],
]);

// prettier-ignore
const BLUESKY_SPELLINGS = table<(h: string) => string>([
  [h => `${h}.bsky.social`, 45], [h => `@${h}.bsky.social`, 25], [h => `https://bsky.app/profile/${h}.bsky.social`, 20],
  [h => `${h}.example.org`, 5], [h => `${h} on bluesky`, 3], [() => 'bsky', 2],
]);

// prettier-ignore
const MASTODON_SPELLINGS = table<(h: string, instance: string) => string>([
  [(h, i) => `@${h}@${i}`, 50], [(h, i) => `${h}@${i}`, 20], [(h, i) => `https://${i}/@${h}`, 20],
  [h => `@${h}`, 10],
]);

interface Person {
  first: string;
  last: string;
  email: string;
}

/**
 * A supporter sheet shaped like a Mailchimp audience export: its header
 * names and `count` rows, about 1 % of them duplicates of earlier people.
 */
export function generateSupporters(
  count: number,
  seed: number,
): {headers: string[]; rows: CellValue[][]} {
  const random = new Random(seed);
  const usedEmails = new Set<string>();
  const rows: CellValue[][] = [];
  while (rows.length < count) {
    if (rows.length > 10 && random.chance(0.01)) {
      rows.push(duplicateOf(random.pick(rows), random));
      continue;
    }
    const person = invent(random, usedEmails);
    rows.push(
      random.chance(0.003) ? onlyAnEmail(person) : supporterRow(person, random),
    );
  }
  return {headers: [...SUPPORTER_HEADERS], rows};
}

function invent(random: Random, usedEmails: Set<string>): Person {
  const [firstNames, lastNames] = random.pick(NAME_POOLS);
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const local = emailLocalPart(first, last, random);
  const domain = random.pick(EMAIL_DOMAINS);
  let email = `${local}@${domain}`;
  for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
  usedEmails.add(email);
  return {first, last, email};
}

/** Letters and digits only, accents dropped: "Łukasz" → "Lukasz". */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ı/g, 'i')
    .replace(/[^A-Za-z0-9]/g, '');
}

function emailLocalPart(first: string, last: string, random: Random): string {
  const f = ascii(first).toLowerCase();
  const l = ascii(last).toLowerCase();
  const forms = [
    `${f}.${l}`,
    `${f}.${l}`,
    `${f}${l}`,
    `${f[0]}${l}`,
    `${f}_${l}${10 + random.int(90)}`,
    `${f}${1950 + random.int(55)}`,
    `${l}.${f}`,
  ];
  return random.pick(forms);
}

function supporterRow(person: Person, random: Random): CellValue[] {
  const {first, last} = oddName(person, random);
  const optInMs = Date.UTC(2019, 0, 1) + random.int(7 * 365 * 86_400) * 1000;
  const confirmed = random.chance(0.9)
    ? new Date(optInMs + (30 + random.int(3600)) * 1000)
    : '';
  const handles = socialHandles(person, random);
  return [
    random.chance(0.05) ? mixedCase(person.email) : person.email,
    first,
    last,
    random.chance(0.55) ? address(random) : '',
    random.chance(0.45) ? phoneNumber(random) : '',
    random.chance(0.35) ? birthday(random) : '',
    tags(random),
    random.draw(MEMBER_RATING),
    new Date(optInMs),
    confirmed,
    handles.x,
    handles.bluesky,
    handles.mastodon,
    random.chance(0.45) ? random.pick(NOTES) : '',
  ];
}

/** Mostly the name as given; sometimes blank, shouting or padded, as in real lists. */
function oddName(person: Person, random: Random): Person {
  const r = random.next();
  if (r < 0.005) return {...person, first: '', last: ''};
  if (r < 0.01) {
    const [first, last] = [person.first, person.last].map(s => s.toUpperCase());
    return {...person, first, last};
  }
  if (r < 0.015) return {...person, first: ` ${person.first} `};
  return person;
}

function onlyAnEmail(person: Person): CellValue[] {
  return SUPPORTER_HEADERS.map((_, i) => (i === 0 ? person.email : ''));
}

/** The same person again, e-mail in another case or mistyped, tags and notes missing. */
function duplicateOf(row: CellValue[], random: Random): CellValue[] {
  const copy = [...row];
  const email = String(row[0]);
  copy[0] = random.chance(0.5) ? mixedCase(email) : withTypo(email, random);
  copy[SUPPORTER_HEADERS.indexOf('TAGS')] = '';
  copy[SUPPORTER_HEADERS.indexOf('Notes')] = '';
  return copy;
}

/** `jane.doe@example.com` → `Jane.Doe@Example.com`. */
function mixedCase(email: string): string {
  return email.replace(
    /(^|[.@])([a-z])/g,
    (_, before: string, letter: string) => before + letter.toUpperCase(),
  );
}

function withTypo(email: string, random: Random): string {
  if (random.chance(0.3)) return email.replace(/\.\w+$/, '.con');
  // Two neighbouring letters swapped: the commonest typing slip.
  const i = 1 + random.int(Math.max(1, email.indexOf('@') - 1));
  return email.slice(0, i - 1) + email[i] + email[i - 1] + email.slice(i + 1);
}

/** Mailchimp joins address parts with two spaces. */
function address(random: Random): string {
  const street = `${1 + random.int(240)} ${random.pick(STREETS)}`;
  return [street, ...random.pick(PLACES)].join('  ');
}

function phoneNumber(random: Random): string {
  const n = String(random.int(100)).padStart(2, '0');
  const forms = [
    `+44 20 7946 0${random.int(10)}${n}`,
    `+44 20 7946 0${random.int(10)}${n}`,
    `020 7946 0${random.int(10)}${n}`,
    `(312) 555-01${n}`,
    `+1 202-555-01${n}`,
  ];
  return random.pick(forms);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Mailchimp keeps birthdays as MM/DD, without a year. */
function birthday(random: Random): string {
  const month = 1 + random.int(12);
  const day = 1 + random.int(DAYS_IN_MONTH[month - 1]);
  return `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
}

/** Mailchimp's TAGS cell: `"donor","volunteer"`. */
function tags(random: Random): string {
  const chosen = new Set<string>();
  const n = random.draw(TAG_COUNT);
  while (chosen.size < n) chosen.add(random.draw(TAGS));
  return [...chosen].map(tag => `"${tag}"`).join(',');
}

function socialHandles(
  person: Person,
  random: Random,
): {x: string; bluesky: string; mastodon: string} {
  if (!random.chance(0.6)) return {x: '', bluesky: '', mastodon: ''};
  const base = handleBase(person, random);
  const lower = base.toLowerCase();
  const handles = {
    x: random.chance(0.7) ? random.draw(X_SPELLINGS)(base) : '',
    // Bluesky handles are host names: no underscores.
    bluesky: random.chance(0.5)
      ? random.draw(BLUESKY_SPELLINGS)(lower.replace(/_/g, '-'))
      : '',
    mastodon: random.chance(0.25)
      ? random.draw(MASTODON_SPELLINGS)(lower, random.pick(MASTODON_INSTANCES))
      : '',
  };
  if (!handles.x && !handles.bluesky && !handles.mastodon) {
    handles.x = `@${base}`;
  }
  return handles;
}

/** At most 15 letters, digits and underscores: X's rule, the strictest. */
function handleBase(person: Person, random: Random): string {
  const f = ascii(person.first);
  const l = ascii(person.last);
  const forms = [
    `${f}_${l}`,
    `${f}_${l}`,
    `${f}${l.charAt(0)}`,
    `${f}Tigers`,
    `Tiger_Fan_${f}`,
    `${l}${f.charAt(0)}${random.int(100)}`,
    `${f.toLowerCase()}writes`,
  ];
  return random.pick(forms).slice(0, 15);
}

// ---------------------------------------------------------------------------
// Interactions

export interface DemoPerson {
  id: string;
  /** Handles as the tracker stores them: `tiger_fan`, `name.bsky.social`, `user@mastodon.social`. */
  handles?: {x?: string; bluesky?: string; mastodon?: string};
}

type Network = 'x' | 'bluesky' | 'mastodon';
const NETWORKS: readonly Network[] = ['x', 'bluesky', 'mastodon'];

/** One of our posts that people engage with. */
interface Post {
  title: string;
  links: Record<Network, string>;
}

interface Campaign {
  title: string;
  /** Days before the end of the year of data that it starts. */
  startsDaysBeforeEnd: number;
  /** Extra activity on its first day, in multiples of a usual weekday. */
  peak: number;
  /** Days for the extra activity to halve. */
  halfLifeDays: number;
  /** What it moves people to do off-line (sign, give, attend…). */
  offlineKinds: Table<string>;
}

const DAY_MS = 86_400_000;
const DAYS = 365;

// prettier-ignore
const CAMPAIGNS: readonly Campaign[] = [
  {title: 'Cub cam is live', startsDaysBeforeEnd: 330, peak: 2, halfLifeDays: 4, offlineKinds: table([['donation', 2], ['message', 1]])},
  {title: 'Save the Sundarbans petition', startsDaysBeforeEnd: 260, peak: 3, halfLifeDays: 6, offlineKinds: table([['signed', 6], ['message', 1]])},
  {title: 'Spring open day', startsDaysBeforeEnd: 200, peak: 2.5, halfLifeDays: 3, offlineKinds: table([['attended', 5], ['volunteered', 3]])},
  {title: 'International Tiger Day', startsDaysBeforeEnd: 150, peak: 3, halfLifeDays: 2, offlineKinds: table([['donation', 2], ['membership', 1]])},
  {title: 'Giving Tuesday appeal', startsDaysBeforeEnd: 95, peak: 2.5, halfLifeDays: 3, offlineKinds: table([['donation', 6], ['membership', 1]])},
  {title: 'Adopt a tiger for the holidays', startsDaysBeforeEnd: 70, peak: 2, halfLifeDays: 8, offlineKinds: table([['donation', 5]])},
  {title: 'Tiger census {year}', startsDaysBeforeEnd: 40, peak: 4, halfLifeDays: 4, offlineKinds: table([['message', 2], ['donation', 1]])},
  {title: 'Volunteer gardening weekend', startsDaysBeforeEnd: 20, peak: 1.5, halfLifeDays: 3, offlineKinds: table([['volunteered', 5], ['attended', 2]])},
];

/** Our everyday posts, between campaigns. */
// prettier-ignore
const EVERYDAY_TITLES = [
  "Raja's morning swim", 'Meet our new keeper, Asha', 'Enrichment day: pumpkins!', 'Cub cam highlights',
  'Why tigers love water', 'Thank you, volunteers!', 'Behind the scenes at feeding time', 'A year since the rescue of Mira',
];

// prettier-ignore
const INBOUND_SOCIAL = table([
  ['like', 38], ['retweet', 18], ['reply', 12], ['mention', 9], ['quote', 5], ['question', 4], ['follow', 3], ['defended us', 1],
]);

// prettier-ignore
const INBOUND_OFFLINE = table([
  ['message', 25], ['donation', 25], ['signed', 12], ['attended', 14], ['volunteered', 12], ['membership', 8], ['question', 4],
]);

// prettier-ignore
const OUTBOUND_SOCIAL = table([
  ['thanks', 20], ['like', 15], ['retweet', 14], ['reply', 14], ['answer', 8], ['mention', 5], ['feedback request', 5],
  ['check-in', 4], ['introduction', 3], ['birthday wish', 3], ['ask: share', 6], ['ask: act', 3],
]);

// prettier-ignore
const OUTBOUND_OFFLINE = table([
  ['message', 25], ['thanks', 20], ['check-in', 10], ['birthday wish', 5], ['feedback request', 5], ['answer', 4],
  ['introduction', 3], ['ask: give', 12], ['ask: volunteer', 8], ['ask: act', 8],
]);

// prettier-ignore
const OFFLINE_CHANNELS = table([['email', 60], ['in person', 28], ['phone', 12]]);

// prettier-ignore
const DONATIONS = table([
  [5, 8], [10, 15], [20, 15], [25, 18], [50, 18], [100, 12], [250, 6], [500, 3], [1000, 1.5], [2500, 0.5],
]);

// prettier-ignore
const MEMBERSHIP_FEES = table([[36, 60], [60, 30], [120, 10]]);

// prettier-ignore
const HAND_SOURCES = table([['sidebar', 45], ['manual', 35], ['today', 20]]);

/** Activity by hour of the day, 00 to 23: quiet nights, busy late mornings and evenings. */
// prettier-ignore
const HOURS = table([1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 4, 6, 7, 7, 8, 7, 6, 6, 5, 5, 6, 7, 7, 6, 4, 2]
  .map((weight, hour) => [hour, weight] as const));

/** The kinds a network sync or the X archive can see; the rest are logged by hand. */
const SYNCED_KINDS = new Set([
  'like',
  'retweet',
  'reply',
  'mention',
  'quote',
  'follow',
]);

// prettier-ignore
const QUESTIONS = [
  'How can I volunteer at the spring open day?', 'When do the cubs go outside?', 'Can I adopt a tiger as a gift?',
  'Is the sanctuary open on Sundays?', 'Do you take school groups?',
];

// prettier-ignore
const REPLIES = ['Beautiful photo!', 'Go Raja!', 'Shared with my class', 'This made my day', 'So proud to support you'];

// prettier-ignore
const NOTES_BY_KIND: Record<string, readonly string[]> = {
  donation: ['Online gift', 'Adopt-a-tiger', 'In memory of Grandpa Joe', 'Cheque at the gate'],
  membership: ['Annual membership', 'Renewed membership', 'Family membership'],
  volunteered: ['Gardening weekend', 'Gift shop shift', 'Cub cam moderation'],
  attended: ['Spring open day', 'Keeper talk', 'Supporters evening'],
  message: ['Newsletter reply', 'Called about a visit', 'Note after the open day'],
  'check-in': ['How are you doing?', 'Checked in after a quiet spell'],
  'feedback request': ['Asked what they think of the new enclosure plans'],
  introduction: ['Introduced to our education officer', 'Shared their fundraiser'],
  'birthday wish': ['Sent a tiger picture for their birthday'],
  'ask: give': ['Giving Tuesday appeal', 'Winter feed appeal'],
  'ask: volunteer': ['Asked to help at the open day'],
  'ask: act': ['Asked to sign the Sundarbans petition'],
  'ask: share': ['Asked to share the census post'],
};

/**
 * A year of Interactions log rows ending at `end`, in LOG_HEADERS' column
 * order and in time order. A few believers account for much of the activity
 * (a power law), weekdays are busier than weekends, campaigns make bursts.
 * Rows a sync brought in carry `network:kind:id` event ids; hand-logged rows
 * have none.
 */
export function generateInteractions(
  people: readonly DemoPerson[],
  count: number,
  seed: number,
  end: Date,
): CellValue[][] {
  if (!people.length || count <= 0) return [];
  const generator = new InteractionGenerator(people, new Random(seed), end);
  const start = end.getTime() - DAYS * DAY_MS;
  const weights = generator.dayWeights;
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const rows: CellValue[][] = new Array(count);
  let written = 0;
  let cumulative = 0;
  for (let day = 0; day < DAYS; day++) {
    cumulative += weights[day];
    // Rounding the running total (not each day's share) keeps the exact count.
    const upTo = Math.round((count * cumulative) / totalWeight);
    const times = new Float64Array(upTo - written);
    for (let i = 0; i < times.length; i++) {
      times[i] = start + day * DAY_MS + generator.timeOfDayMs();
    }
    times.sort();
    for (const time of times) rows[written++] = generator.row(time, day);
  }
  return rows;
}

/**
 * Who an event is about: a Pareto draw over a shuffled order of people, so
 * the first few hundred (the believers) are very active and most people
 * appear a couple of times a year. SCALE sets where the curve bends; SHAPE
 * below 1 gives the long tail.
 */
const PARETO_SCALE = 1 / 50;
const PARETO_SHAPE = 0.8;

class InteractionGenerator {
  /** Relative activity per day: weekdays, a growing audience, campaign bursts. */
  readonly dayWeights: number[] = [];
  /** Per campaign, the activity it adds on each day. */
  private readonly boosts: Float64Array[];
  private readonly campaignPosts: Post[];
  private readonly everydayPosts: Post[];
  private readonly order: Uint32Array;
  private readonly networksOf: Network[][];
  private readonly ids = {x: 0, mastodon: 0, blueskyMicros: 0};
  /** The time of the row being written; Bluesky ids are made from it. */
  private timeMs = 0;

  constructor(
    private readonly people: readonly DemoPerson[],
    private readonly random: Random,
    end: Date,
  ) {
    this.order = new Uint32Array(people.length);
    for (let i = 0; i < people.length; i++) this.order[i] = i;
    for (let i = people.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [this.order[i], this.order[j]] = [this.order[j], this.order[i]];
    }
    this.networksOf = people.map(p => NETWORKS.filter(n => p.handles?.[n]));
    const start = end.getTime() - DAYS * DAY_MS;
    this.ids.x = 1e15 + random.int(1e12);
    this.ids.mastodon = 1e14 + random.int(1e12);
    this.timeMs = start;
    this.everydayPosts = EVERYDAY_TITLES.map(title => this.ourPost(title));
    this.campaignPosts = CAMPAIGNS.map(campaign => {
      this.timeMs = end.getTime() - campaign.startsDaysBeforeEnd * DAY_MS;
      const year = String(new Date(this.timeMs).getUTCFullYear());
      return this.ourPost(campaign.title.replace('{year}', year));
    });
    this.boosts = CAMPAIGNS.map(campaign => {
      const boost = new Float64Array(DAYS);
      const first = DAYS - campaign.startsDaysBeforeEnd;
      for (let day = Math.max(0, first); day < DAYS; day++) {
        boost[day] =
          campaign.peak * 2 ** (-(day - first) / campaign.halfLifeDays);
      }
      return boost;
    });
    for (let day = 0; day < DAYS; day++) {
      const weekday = new Date(start + day * DAY_MS).getUTCDay();
      const usual = weekday === 0 || weekday === 6 ? 0.45 : 1;
      const growth = 0.7 + (0.6 * day) / DAYS;
      let weight = usual * growth;
      for (const boost of this.boosts) weight += boost[day];
      this.dayWeights.push(weight);
    }
  }

  private ourPost(title: string): Post {
    return {
      title,
      links: {
        x: `https://x.com/RiversideTigers/status/${this.xId()}`,
        bluesky: `https://bsky.app/profile/riversidetigers.org/post/${this.blueskyTid()}`,
        mastodon: `https://mastodon.social/@RiversideTigers/${this.mastodonId()}`,
      },
    };
  }

  /** Milliseconds into the day. */
  timeOfDayMs(): number {
    return (this.random.draw(HOURS) + this.random.next()) * 3_600_000;
  }

  row(time: number, day: number): CellValue[] {
    const random = this.random;
    this.timeMs = time;
    const who = this.order[this.personIndex()];
    const person = this.people[who];
    const networks = this.networksOf[who];
    const direction: Direction = random.chance(0.68) ? 'inbound' : 'outbound';
    const social = networks.length > 0 && random.chance(0.85);
    const channel = social
      ? random.pick(networks)
      : random.draw(OFFLINE_CHANNELS);
    const campaign = this.campaignOf(day);
    const kind = this.kindFor(direction, social, campaign);
    const post =
      campaign === undefined
        ? random.pick(this.everydayPosts)
        : this.campaignPosts[campaign];
    const [note, link] = social
      ? this.socialNote(person, channel as Network, direction, kind, post)
      : [this.offlineNote(kind, campaign), ''];
    const [source, eventId] = this.provenance(channel, direction, social, kind);
    return [
      new Date(time),
      person.id,
      direction,
      kind,
      channel,
      valueClassOf(direction, kind),
      amountFor(kind, random),
      note,
      link,
      source,
      eventId,
    ];
  }

  private personIndex(): number {
    const n = this.people.length;
    const scale = Math.max(1, n * PARETO_SCALE);
    for (;;) {
      const u = this.random.next();
      const index = Math.floor(scale * (u ** (-1 / PARETO_SHAPE) - 1));
      if (index < n) return index;
    }
  }

  /** Which campaign (index) an event belongs to, by its share of that day. */
  private campaignOf(day: number): number | undefined {
    let r = this.random.next() * this.dayWeights[day];
    for (let i = 0; i < CAMPAIGNS.length; i++) {
      r -= this.boosts[i][day];
      if (r < 0) return i;
    }
    return undefined;
  }

  private kindFor(
    direction: Direction,
    social: boolean,
    campaign?: number,
  ): string {
    const random = this.random;
    if (direction === 'outbound') {
      return random.draw(social ? OUTBOUND_SOCIAL : OUTBOUND_OFFLINE);
    }
    if (social) return random.draw(INBOUND_SOCIAL);
    return campaign !== undefined && random.chance(0.6)
      ? random.draw(CAMPAIGNS[campaign].offlineKinds)
      : random.draw(INBOUND_OFFLINE);
  }

  /** What the note and link say for an event on a social network. */
  private socialNote(
    person: DemoPerson,
    network: Network,
    direction: Direction,
    kind: string,
    post: Post,
  ): [string, string] {
    const random = this.random;
    if (direction === 'inbound') {
      switch (kind) {
        case 'question':
          return [random.pick(QUESTIONS), this.theirPost(person, network)];
        case 'reply':
        case 'mention':
          return [random.pick(REPLIES), this.theirPost(person, network)];
        case 'follow':
          return ['', ''];
        default:
          return [post.title, post.links[network]];
      }
    }
    switch (kind) {
      case 'thanks':
        return [
          `Thanked for sharing '${post.title}'`,
          this.theirPost(person, network),
        ];
      case 'retweet':
      case 'like':
      case 'reply':
        return ['', this.theirPost(person, network)];
      default:
        return [random.pick(NOTES_BY_KIND[kind] ?? ['']), ''];
    }
  }

  private offlineNote(kind: string, campaign?: number): string {
    if (campaign !== undefined && this.random.chance(0.5)) {
      return this.campaignPosts[campaign].title;
    }
    const notes = NOTES_BY_KIND[kind];
    return notes ? this.random.pick(notes) : '';
  }

  /** Source and event id: a sync or the X archive (with an id) or a person (without). */
  private provenance(
    channel: string,
    direction: Direction,
    social: boolean,
    kind: string,
  ): [string, string] {
    const random = this.random;
    const syncable = social && SYNCED_KINDS.has(kind);
    if (syncable && direction === 'inbound' && random.chance(0.85)) {
      const network = channel as Network;
      return [network, `${network}:${kind}:${this.nativeId(network)}`];
    }
    if (
      syncable &&
      channel === 'x' &&
      direction === 'outbound' &&
      random.chance(0.4)
    ) {
      return ['x-archive', `x:${kind}:${this.xId()}`];
    }
    if (kind === 'donation' || kind === 'membership') {
      return [random.chance(0.7) ? 'import' : 'manual', ''];
    }
    return [random.draw(HAND_SOURCES), ''];
  }

  private theirPost(person: DemoPerson, network: Network): string {
    const handle = (person.handles?.[network] ?? '').replace(/^@/, '');
    switch (network) {
      case 'x':
        return `https://x.com/${handle}/status/${this.xId()}`;
      case 'bluesky':
        return `https://bsky.app/profile/${handle}/post/${this.blueskyTid()}`;
      case 'mastodon': {
        const [user, instance] = handle.split('@');
        return `https://${instance}/@${user}/${this.mastodonId()}`;
      }
    }
  }

  private nativeId(network: Network): string {
    switch (network) {
      case 'x':
        return this.xId();
      case 'bluesky':
        return this.blueskyTid();
      case 'mastodon':
        return this.mastodonId();
    }
  }

  // Ids only grow, as snowflake ids and Bluesky TIDs do, so none repeats.
  private xId(): string {
    this.ids.x += 1 + this.random.int(1e6);
    return `18${String(this.ids.x).padStart(17, '0')}`;
  }

  private mastodonId(): string {
    this.ids.mastodon += 1 + this.random.int(1e6);
    return `11${String(this.ids.mastodon).padStart(16, '0')}`;
  }

  private blueskyTid(): string {
    const micros = Math.max(
      this.ids.blueskyMicros + 1,
      this.timeMs * 1000 + this.random.int(1000),
    );
    this.ids.blueskyMicros = micros;
    return tid(micros, this.random.int(1024));
  }
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A Bluesky record key (TID): a 64-bit number, microseconds since 1970 above
 * a 10-bit clock id, as 13 sortable base-32 characters. The microseconds
 * fill the first 11 characters and the clock id the last 2, so the halves
 * are encoded apart and no arithmetic goes past 2^53.
 */
function tid(micros: number, clockId: number): string {
  return base32(micros, 11) + base32(clockId, 2);
}

function base32(value: number, width: number): string {
  let text = '';
  let rest = Math.floor(value);
  for (let i = 0; i < width; i++) {
    text = TID_ALPHABET[rest % 32] + text;
    rest = Math.floor(rest / 32);
  }
  return text;
}

function amountFor(kind: string, random: Random): number | '' {
  if (kind === 'donation') return random.draw(DONATIONS);
  if (kind === 'membership') return random.draw(MEMBERSHIP_FEES);
  return '';
}
