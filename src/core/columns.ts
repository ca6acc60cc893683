/**
 * The supporter sheet's columns: which of the user's columns hold what (found
 * by header, with the spellings real exports use, or by content), and the
 * schema of the columns the tracker adds.
 *
 * Cells are what `getValues()` returns: string, number, boolean or Date, and
 * '' for an empty cell. Rows and columns are 1-based in everything exported
 * here (the grids themselves are 0-based arrays starting at A1).
 */
import {
  emailsIn,
  extractHandles,
  Handle,
  Network,
  NETWORKS,
  normaliseHandle,
  SupporterIdentity,
} from './handles';
import {textOf} from './cells';
import {UserError} from './errors';
import {foldText, fullNameOf} from './names';

/** Fields read from the user's own columns. The tracker never writes to them. */
export type SourceField =
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'tags'
  | 'notes'
  | 'website'
  | 'x'
  | 'bluesky'
  | 'mastodon'
  | 'externalId';

/**
 * The tracker's own fields. Setup adds a column for each one the sheet lacks;
 * an existing column can serve instead when its header says so (a
 * "Birthday" or "Do Not Contact" column from an export, or a column the
 * tracker added earlier).
 */
export type TrackerField =
  | 'supporterId'
  | 'xHandle'
  | 'blueskyHandle'
  | 'mastodonHandle'
  | 'relationshipTags'
  | 'topics'
  | 'interestNotes'
  | 'birthday'
  | 'cadenceDays'
  | 'doNotContact'
  | 'lastContact'
  | 'responsiveness'
  | 'whuffie'
  | 'level'
  | 'band';

export type Field = SourceField | TrackerField;

export const SOURCE_FIELDS: readonly SourceField[] = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'tags',
  'notes',
  'website',
  'x',
  'bluesky',
  'mastodon',
  'externalId',
];

/** What each field is called in the confirm dialog. */
export const FIELD_LABELS: Record<Field, string> = {
  name: 'Name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  tags: 'Your tags',
  notes: 'Your notes',
  website: 'Website',
  x: 'X/Twitter (your column)',
  bluesky: 'Bluesky (your column)',
  mastodon: 'Mastodon (your column)',
  externalId: 'Your record ID',
  supporterId: 'Supporter ID',
  xHandle: 'X handle',
  blueskyHandle: 'Bluesky handle',
  mastodonHandle: 'Mastodon handle',
  relationshipTags: 'Relationship tags',
  topics: 'Topics',
  interestNotes: 'Interest notes',
  birthday: 'Birthday',
  cadenceDays: 'Stay in touch (days)',
  doNotContact: 'Do not contact',
  lastContact: 'Last contact',
  responsiveness: 'Responsiveness',
  whuffie: 'Whuffie',
  level: 'Level',
  band: 'Band',
};

/** A data-validation rule for a tracker column (applied below the header). */
export type ColumnValidation =
  {type: 'checkbox'} | {type: 'numberAtLeast'; min: number; helpText: string};

/** How the tracker lays out one of its own columns. */
export interface TrackerColumnSpec {
  field: TrackerField;
  header: string;
  /** Shown as the header cell's note. */
  note: string;
  /**
   * Sheets number format for the cells below the header. '@' (plain text) on
   * every typed-in column, so nothing typed or pasted turns into a formula,
   * a number or a date. Apply it before writing values.
   */
  numberFormat: string | null;
  validation: ColumnValidation | null;
  /** Written by the add-on on every run; people should not edit it. */
  computed: boolean;
  hidden: boolean;
}

/**
 * The tracker's columns, in the order setup adds them.
 *
 * Tags and topics are plain comma-separated text ("donor, volunteer"), not
 * dropdown chips: Sheets' own filter ("Text contains volunteer") and
 * `=COUNTIF(range, "*volunteer*")` work on them, the vocabulary can grow
 * without editing a validation rule, and they survive CSV/xlsx round trips.
 * (A tag that contains another, like "donor" and "major donor", is counted
 * by both patterns — keep tag names distinct.)
 */
export const TRACKER_COLUMNS: readonly TrackerColumnSpec[] = [
  {
    field: 'supporterId',
    header: 'Supporter ID',
    note:
      "The add-on's stable id for this person; it links the row to the " +
      "Interactions log. Don't edit or reuse it. Rows added later get one " +
      'when you run Set up tracker again.',
    numberFormat: '@',
    validation: null,
    computed: false,
    hidden: false,
  },
  {
    field: 'xHandle',
    header: 'X handle',
    note:
      'X (Twitter) username, as @name. Any spelling works: @Tiger_Fan, ' +
      'tiger_fan, or a twitter.com / x.com link. A cell whose note starts ' +
      "with ⚠ doesn't look like a valid username.",
    numberFormat: '@',
    validation: null,
    computed: false,
    hidden: false,
  },
  {
    field: 'blueskyHandle',
    header: 'Bluesky handle',
    note:
      'Bluesky handle: name.bsky.social or their own domain ' +
      '(jane.example.org), or their DID (did:plc:…). A bsky.app/profile ' +
      'link works too.',
    numberFormat: '@',
    validation: null,
    computed: false,
    hidden: false,
  },
  {
    field: 'mastodonHandle',
    header: 'Mastodon handle',
    note:
      'Mastodon address with its server: @user@mastodon.social. A profile ' +
      'link like https://mastodon.social/@user works too.',
    numberFormat: '@',
    validation: null,
    computed: false,
    hidden: false,
  },
  {
    field: 'relationshipTags',
    header: 'Relationship tags',
    note:
      'How they relate to you, comma-separated: donor, volunteer, advocate, ' +
      'member, board, press, partner (the list is editable in Settings). ' +
      'Filter with Data › Create a filter › Text contains; count with ' +
      '=COUNTIF(range, "*volunteer*").',
    numberFormat: '@',
    validation: null,
    computed: false,
    hidden: false,
  },
  {
    field: 'topics',
    header: 'Topics',
    note:
      'What they care about, comma-separated (tigers, habitat, …). New ' +
      'topics join the list as you tag people. Filter and count like ' +
      'Relationship tags.',
    numberFormat: '@',
    validation: null,
    computed: false,
    hidden: false,
  },
  {
    field: 'interestNotes',
    header: 'Interest notes',
    note:
      'What you have learned about them ("loves tigers", "runs ' +
      'marathons"). Suggestions use it to make outreach personal.',
    numberFormat: '@',
    validation: null,
    computed: false,
    hidden: false,
  },
  {
    field: 'birthday',
    header: 'Birthday',
    note: "Birthday: 1985-06-12, or 06-12 (month-day) when you don't know the year.",
    numberFormat: '@',
    validation: null,
    computed: false,
    hidden: false,
  },
  {
    field: 'cadenceDays',
    header: 'Stay in touch (days)',
    note:
      'Remind me to reach out every this many days (e.g. 30). Blank = no ' +
      'reminder. Any logged interaction, either way, restarts the clock.',
    numberFormat: '0',
    validation: {
      type: 'numberAtLeast',
      min: 0,
      helpText: 'A number of days (0 or more), or leave it blank.',
    },
    computed: false,
    hidden: false,
  },
  {
    field: 'doNotContact',
    header: 'Do not contact',
    note: 'Tick to leave them out of every suggestion and the daily list.',
    numberFormat: null,
    validation: {type: 'checkbox'},
    computed: false,
    hidden: false,
  },
  {
    field: 'lastContact',
    header: 'Last contact',
    note:
      'Computed: the date of the last logged interaction, either way. The ' +
      'add-on rewrites it; edits are lost.',
    numberFormat: 'yyyy-mm-dd',
    validation: null,
    computed: true,
    hidden: false,
  },
  {
    field: 'responsiveness',
    header: 'Responsiveness',
    note:
      'Computed, 0–100: how much they engage with you (recent likes, ' +
      'reposts, replies and actions, and answers to your outreach). The ' +
      'add-on rewrites it.',
    numberFormat: '0',
    validation: null,
    computed: true,
    hidden: false,
  },
  {
    field: 'whuffie',
    header: 'Whuffie',
    note:
      "Computed: the social capital you've built with them (thank-yous, " +
      'shares and help, minus asks), fading over months. The add-on ' +
      'rewrites it.',
    numberFormat: '0.0',
    validation: null,
    computed: true,
    hidden: false,
  },
  {
    field: 'level',
    header: 'Level',
    note:
      'Computed value ladder: Follower → Engager → Promoter → Activist → ' +
      'Member/Donor → Champion. The add-on rewrites it.',
    numberFormat: '@',
    validation: null,
    computed: true,
    hidden: false,
  },
  {
    field: 'band',
    header: 'Band',
    note:
      'Computed responsiveness band at the last daily run (Hot, Warm, Cool, ' +
      'Cold), kept so a move between bands can be reported. Hidden; the ' +
      'add-on rewrites it.',
    numberFormat: '@',
    validation: null,
    computed: true,
    hidden: true,
  },
];

/** FIELD_LABELS names every field, so it is the set of fields too. */
export function isField(text: unknown): text is Field {
  return (
    typeof text === 'string' &&
    Object.prototype.hasOwnProperty.call(FIELD_LABELS, text)
  );
}

export function isTrackerField(field: Field): field is TrackerField {
  return TRACKER_COLUMNS.some(c => c.field === field);
}

function trackerSpec(field: TrackerField): TrackerColumnSpec {
  return TRACKER_COLUMNS.find(c => c.field === field)!;
}

/**
 * Developer-metadata key on a whole column; its value is the Field the
 * column holds. Metadata moves with the column, so a moved, renamed or
 * shifted column is still found.
 */
export const FIELD_METADATA_KEY = 'whuffie.field';

/** Relationship tags a new tracker starts with (editable in settings). */
export const DEFAULT_RELATIONSHIP_TAGS: readonly string[] = [
  'donor',
  'volunteer',
  'advocate',
  'member',
  'board',
  'press',
  'partner',
];

// ---------------------------------------------------------------- cells

/** True for a cell that holds nothing at all (strict: a space is content). */
export function isEmptyCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** True for an empty cell or one holding only whitespace. */
export function isBlank(value: unknown): boolean {
  return isEmptyCell(value) || (typeof value === 'string' && !value.trim());
}

/**
 * A cell as trimmed text: textOf (cells.ts), with the common case, a
 * string, first. The loops that read every cell of 50,000 rows use it.
 */
export function cellString(value: unknown): string {
  return typeof value === 'string' ? value.trim() : textOf(value);
}

/** A checkbox-ish cell: TRUE, 1, "yes", "y", "x", "✓" are ticked. */
export function parseFlag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return /^(true|yes|y|x|1|✓|✔|checked)$/i.test(textOf(value));
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

// ----------------------------------------------------------------- tags

/** Google Contacts' system labels, not tags anyone chose. */
const SYSTEM_LABELS = new Set(['mycontacts', 'starred', 'other contacts']);

/**
 * The tags in a cell: split on commas, semicolons, pipes, new lines and
 * Google's " ::: ", quotes and Google's "* " marks removed, lower-cased,
 * each once.
 */
export function parseTags(value: unknown): string[] {
  const text = cellString(value);
  if (!text) return [];
  const tags = text
    .split(/:::|[,;|\n]/)
    .map(t =>
      t
        .replace(/^[\s"'*]+|[\s"']+$/g, '')
        .replace(/\s+/g, ' ')
        .toLowerCase(),
    )
    .filter(t => t && !SYSTEM_LABELS.has(t));
  return [...new Set(tags)];
}

/** Tags as the tracker writes them: "donor, volunteer". */
export function formatTags(tags: Iterable<string>): string {
  return parseTags([...tags].join(',')).join(', ');
}

/**
 * Finds the vocabulary terms a row's tags name, so an export's "Donors" or
 * "Volunteer" tags can seed Relationship tags. Only whole tags match (plural
 * "s" ignored): "Board" gives board, "Former volunteer" gives nothing. The
 * vocabulary is folded once, for many rows.
 */
export function vocabularyMatcher(
  vocabulary: readonly string[],
): (tags: readonly string[]) => string[] {
  const byFold = new Map(vocabulary.map(v => [foldText(v), v.toLowerCase()]));
  return tags => {
    const found: string[] = [];
    for (const tag of tags) {
      const folded = foldText(tag);
      const term = byFold.get(folded) ?? byFold.get(folded.replace(/s$/, ''));
      if (term && !found.includes(term)) found.push(term);
    }
    return found;
  };
}

// ------------------------------------------------------ ids and hashing

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The low 32 bits of a × b, exactly as Math.imul. Written out because
 * Math.imul runs tens of times slower inside a vm context (Jest's sandbox),
 * which made hashing 50,000 rows take seconds in tests.
 */
function imul(a: number, b: number): number {
  const low = a & 0xffff;
  const high = (a >>> 16) & 0xffff;
  return (low * b + (((high * b) & 0xffff) << 16)) | 0;
}

/** A 53-bit string hash (cyrb53-style): fast, well mixed, not cryptographic. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = imul(h1 ^ ch, 2654435761);
    h2 = imul(h2 ^ ch, 1597334677);
  }
  h1 = imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The low `length` × 5 bits of n (at most 11 characters) in base 32. */
function base32(n: number, length: number): string {
  const chars: string[] = [];
  // Two 30-bit halves, so bit operations stay exact on a 53-bit number.
  const halves = [n % 0x40000000, Math.floor(n / 0x40000000)];
  for (let i = 0; i < length; i++) {
    const half = i < 6 ? 0 : 1;
    chars.push(CROCKFORD.charAt((halves[half] >>> (5 * (i % 6))) & 31));
  }
  return chars.reverse().join('');
}

/** A stable 11-character digest of a text (used for import event ids). */
export function stableHash(text: string): string {
  return base32(hash53(text), 11).toLowerCase();
}

/**
 * A new supporter id, `S-` and six Crockford base-32 characters (no I, L, O,
 * U), derived from the seed and the row's content and unique among `taken`
 * (which it joins). Existing ids are never recomputed, so they never change.
 */
export function newSupporterId(
  seed: string,
  content: string,
  taken: Set<string>,
): string {
  for (let attempt = 0; ; attempt++) {
    const id = `S-${base32(hash53(`${seed}|${content}|${attempt}`), 6)}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

// ------------------------------------------------------ header spellings

/** Header text folded for matching: "E-mail 1 - Value" → "email 1 value". */
export function normaliseHeader(text: string): string {
  return foldText(text).replace(/\be mail\b/g, 'email');
}

type Synonym = string | [string, number];

/**
 * Header spellings per field, as real exports write them (Mailchimp,
 * Google Contacts, Outlook, CiviCRM, Salesforce NPSP, Google Forms) and as
 * people type them. A number is how sure the spelling is (default 1): when two
 * columns claim a field, the surer one wins ("Display Name" over "Sort Name").
 */
const SYNONYMS: Record<Field, readonly Synonym[]> = {
  name: [
    'Name',
    'Full Name',
    'Display Name',
    'Contact Name',
    'Supporter Name',
    'Donor Name',
    'Member Name',
    'Volunteer Name',
    'Your Name',
    'Your Full Name',
    'Full Name (first and last)',
    ['Person', 0.9],
    ['Sort Name', 0.8],
    ['File As', 0.5],
  ],
  firstName: [
    'First Name',
    'Firstname',
    'First',
    'Given Name',
    'Forename',
    'FName',
  ],
  lastName: [
    'Last Name',
    'Lastname',
    'Last',
    'Surname',
    'Family Name',
    'LName',
  ],
  email: [
    'Email',
    'Email Address',
    'E-mail Address',
    'Email Addresses',
    'Mail',
    'Primary Email',
    'Your Email',
    'Your Email Address',
    ['Personal Email', 0.8],
    ['Home Email', 0.8],
    ['Work Email', 0.7],
    ['Business Email', 0.7],
    ['Alternate Email', 0.5],
  ],
  phone: [
    'Phone',
    'Phone Number',
    'Telephone',
    'Tel',
    'Mobile',
    'Mobile Phone',
    'Mobile Number',
    'Cell',
    'Cell Phone',
    'Primary Phone',
    ['Home Phone', 0.8],
    ['Business Phone', 0.7],
    ['Work Phone', 0.7],
    ['Other Phone', 0.5],
  ],
  tags: [
    'Tags',
    'Tag',
    'Tag(s)',
    'Labels',
    'Label',
    'Categories',
    'Category',
    ['Group Membership', 0.9],
    ['Groups', 0.8],
    ['Group', 0.8],
    ['Group(s)', 0.8],
    ['Segments', 0.7],
    ['Keywords', 0.6],
    ['Lists', 0.6],
  ],
  notes: [
    'Notes',
    'Note',
    'Note(s)',
    'Comments',
    'Comment',
    'Remarks',
    'Description',
    ['About', 0.7],
    ['Bio', 0.7],
    ['Anything else', 0.6],
  ],
  website: [
    ['Website', 0.7],
    ['Web Site', 0.7],
    ['Web Page', 0.7],
    ['Webpage', 0.7],
    ['Personal Web Page', 0.7],
    ['Business Web Page', 0.6],
    ['Homepage', 0.7],
    ['Home Page', 0.7],
    ['Personal Website', 0.7],
    ['URL', 0.6],
    ['Blog', 0.6],
    ['Links', 0.5],
  ],
  x: [
    'Twitter',
    'Twitter Handle',
    'Twitter Username',
    'Twitter Name',
    'Twitter Account',
    'Twitter URL',
    'Twitter Profile',
    'X',
    'X (Twitter)',
    'X/Twitter',
    'Twitter/X',
    'X (Twitter) Handle',
    'Twitter/X Handle',
    'X/Twitter Handle',
    'X Username',
    'X Account',
    'X Profile',
  ],
  bluesky: [
    'Bluesky',
    'Bsky',
    'Bluesky Username',
    'Bluesky Account',
    'Bluesky Profile',
  ],
  mastodon: [
    'Mastodon',
    'Mastodon Account',
    'Mastodon Username',
    'Mastodon Profile',
    'Fediverse',
    'Fediverse Handle',
    'Fediverse Account',
  ],
  externalId: [
    'Contact ID',
    'ID',
    'Record ID',
    'Constituent ID',
    'Member ID',
    'Donor ID',
    'Member Number',
    'Supporter Number',
    'External Identifier',
    'External ID',
    'Salesforce ID',
    'CiviCRM ID',
    ['Unique ID', 0.7],
  ],
  supporterId: ['Supporter ID', 'Whuffie ID'],
  xHandle: ['X handle'],
  blueskyHandle: ['Bluesky handle'],
  mastodonHandle: ['Mastodon handle'],
  relationshipTags: ['Relationship tags', 'Relationship tag'],
  topics: ['Topics', 'Topic', 'Interests', 'Causes'],
  interestNotes: ['Interest notes'],
  birthday: [
    'Birthday',
    'Birth Date',
    'Birthdate',
    'Date of Birth',
    'DOB',
    'Bday',
    'Birth Day',
  ],
  cadenceDays: [
    'Stay in touch (days)',
    'Stay in touch',
    'Keep in touch (days)',
    'Contact every (days)',
    ['Cadence', 0.8],
  ],
  doNotContact: ['Do not contact', 'DNC', 'No contact'],
  lastContact: ['Last contact'],
  responsiveness: ['Responsiveness'],
  whuffie: ['Whuffie'],
  level: ['Level'],
  band: ['Band'],
};

/**
 * Header spellings → field, built on first use: top-level code runs on every
 * execution (each custom-function call loads the whole bundle), so no table
 * is built until something needs it.
 */
let spellings: Map<string, {field: Field; weight: number}> | undefined;
function headerSpellings(): Map<string, {field: Field; weight: number}> {
  if (spellings) return spellings;
  spellings = new Map();
  for (const [field, list] of Object.entries(SYNONYMS) as [
    Field,
    Synonym[],
  ][]) {
    for (const synonym of list) {
      const [text, weight] =
        typeof synonym === 'string' ? [synonym, 1] : synonym;
      spellings.set(normaliseHeader(text), {field, weight});
    }
  }
  return spellings;
}

/** Form-question words that carry no meaning ("What's your email?"). */
const FILLERS = new Set(
  (
    'what s is are your the a an please enter optional if any do you have ' +
    'us our to of on e g eg ie we can should know there here this that ' +
    'would like be will'
  ).split(' '),
);

const NAME_WORDS = new Set(
  'name names full first last and surname your contact person supporter donor member volunteer participant attendee'.split(
    ' ',
  ),
);

/** How a field was matched to a column. */
export type FoundBy = 'your choice' | 'saved mapping' | 'header' | 'contents';

export interface HeaderGuess {
  field: Field;
  /** 0..1: an exact export spelling is 1; a keyword in a question less. */
  confidence: number;
}

function keywordGuess(words: string[]): HeaderGuess | null {
  const has = (...w: string[]) => w.some(x => words.includes(x));
  if (has('twitter')) return {field: 'x', confidence: 0.7};
  if (has('bluesky', 'bsky')) return {field: 'bluesky', confidence: 0.7};
  if (has('mastodon', 'fediverse')) return {field: 'mastodon', confidence: 0.7};
  if (has('birthday', 'dob') || (has('birth') && has('date'))) {
    return {field: 'birthday', confidence: 0.7};
  }
  const qualifier = has(
    'type',
    'label',
    'display',
    'opt',
    'status',
    'format',
    'greeting',
    'hold',
    'bulk',
    'extension',
    'fax',
    'not',
    'no',
  );
  if (has('email') && !qualifier) return {field: 'email', confidence: 0.6};
  if (has('phone', 'mobile', 'telephone') && !qualifier) {
    return {field: 'phone', confidence: 0.6};
  }
  if (has('causes', 'topics', 'interests') || (has('care') && has('about'))) {
    return {field: 'topics', confidence: 0.6};
  }
  if (words.length && words.every(w => NAME_WORDS.has(w))) {
    if (has('first') && (has('last') || has('surname'))) {
      return {field: 'name', confidence: 0.6};
    }
    if (has('first')) return {field: 'firstName', confidence: 0.6};
    if (has('last', 'surname')) return {field: 'lastName', confidence: 0.6};
    if (has('name', 'names')) return {field: 'name', confidence: 0.6};
  }
  if (has('notes', 'comments')) return {field: 'notes', confidence: 0.5};
  return null;
}

/**
 * The field a header names, if any: an exact spelling from an export first
 * (Google's "E-mail 1 - Value" counts as "Email"; its "… 2 - Value" and
 * "- Type"/"- Label" columns are not the primary one and are ignored), then
 * the same without parentheses or question words, then keywords.
 */
export function recogniseHeader(text: unknown): HeaderGuess | null {
  const header = cellString(text);
  let folded = normaliseHeader(header);
  if (!folded) return null;
  const exact = headerSpellings().get(folded);
  if (exact) return {field: exact.field, confidence: exact.weight};
  // Google Contacts / Outlook numbered groups: "email 1 value", "email 2 address".
  const numbered = /^(.+?) (\d+)(?: (\w+))?$/.exec(folded);
  if (numbered) {
    const [, base, index, part = 'value'] = numbered;
    if (index !== '1' || !['value', 'address'].includes(part)) return null;
    folded = base;
    const hit = headerSpellings().get(folded);
    if (hit) return {field: hit.field, confidence: hit.weight};
  }
  const plain = normaliseHeader(header.replace(/\([^)]*\)/g, ' '));
  const hit = headerSpellings().get(plain);
  if (hit) return {field: hit.field, confidence: hit.weight * 0.9};
  const words = plain.split(' ').filter(w => w && !FILLERS.has(w));
  const stripped = headerSpellings().get(words.join(' '));
  if (stripped)
    return {field: stripped.field, confidence: stripped.weight * 0.85};
  return keywordGuess(words);
}

// ------------------------------------------------------- grid scanning

function rowLength(
  values: readonly unknown[][],
  formulas: readonly string[][],
  r: number,
) {
  return Math.max(values[r]?.length ?? 0, formulas[r]?.length ?? 0);
}

/** A cell holds something: a value or a formula (even one showing ''). */
function cellUsed(
  values: readonly unknown[][],
  formulas: readonly string[][],
  r: number,
  c: number,
): boolean {
  return !isEmptyCell(values[r]?.[c]) || !isEmptyCell(formulas[r]?.[c]);
}

/** The last row (1-based) holding anything; 0 for an empty sheet. */
export function lastUsedRow(
  values: readonly unknown[][],
  formulas: readonly string[][] = [],
): number {
  for (let r = Math.max(values.length, formulas.length) - 1; r >= 0; r--) {
    for (let c = 0; c < rowLength(values, formulas, r); c++) {
      if (cellUsed(values, formulas, r, c)) return r + 1;
    }
  }
  return 0;
}

/** The last column (1-based) holding anything in any row; 0 when empty. */
export function lastUsedColumn(
  values: readonly unknown[][],
  formulas: readonly string[][] = [],
): number {
  let last = 0;
  const rows = Math.max(values.length, formulas.length);
  for (let r = 0; r < rows; r++) {
    for (let c = rowLength(values, formulas, r) - 1; c >= last; c--) {
      if (cellUsed(values, formulas, r, c)) {
        last = c + 1;
        break;
      }
    }
  }
  return last;
}

const DATA_LIKE =
  /^(?:[^\s@]+@[^\s@]+\.[^\s@]+|@\S+|(?:https?:\/\/|www\.)\S+|[-+]?[\d.,\s$€£%]+|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}.*)$/i;

/** A value that reads like data, not like a column name. */
function isDataLike(value: unknown): boolean {
  if (typeof value !== 'string') return true;
  const text = value.trim();
  return text.length > 80 || DATA_LIKE.test(text);
}

/**
 * The header row (1-based) among the first `maxScan` rows: the row that
 * names the most recognisable columns while looking least like data. Title
 * rows and blank rows above it are skipped. Null when no row names any
 * column we know.
 */
export function findHeaderRow(
  values: readonly unknown[][],
  maxScan = 10,
  recognise: (header: unknown) => {field: string} | null = recogniseHeader,
): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  for (let r = 0; r < Math.min(maxScan, values.length); r++) {
    const cells = (values[r] ?? []).filter(v => !isBlank(v));
    if (!cells.length) continue;
    const fields = new Set<string>();
    let dataLike = 0;
    for (const cell of cells) {
      if (isDataLike(cell)) {
        dataLike++;
        continue;
      }
      const guess = recognise(cell);
      if (guess) fields.add(guess.field);
    }
    if (!fields.size || dataLike > cells.length * 0.25) continue;
    const score = fields.size * 10 + (cells.length - dataLike) - dataLike * 5;
    if (score > bestScore) {
      bestScore = score;
      best = r + 1;
    }
  }
  return best;
}

// -------------------------------------------------------- content checks

/** How many data rows are sampled per column when judging its contents. */
const CONTENT_SAMPLE = 100;
const CONTENT_SCAN_ROWS = 2000;

const CONTENT_LABELS: Partial<Record<Field, string>> = {
  x: 'X/Twitter links',
  bluesky: 'Bluesky handles',
  mastodon: 'Mastodon addresses',
  email: 'email addresses',
};

/** A field guessed from what a column holds rather than what it is called. */
function guessFromContent(samples: readonly string[]): HeaderGuess | null {
  if (!samples.length) return null;
  const counts: Record<Network | 'email', number> = {
    x: 0,
    bluesky: 0,
    mastodon: 0,
    email: 0,
  };
  for (const text of samples) {
    if (emailsIn(text).length && !text.startsWith('@')) {
      counts.email++;
      continue;
    }
    const [first] = extractHandles(text);
    if (first) counts[first.network]++;
  }
  const [best, count] = (
    Object.entries(counts) as [Network | 'email', number][]
  ).sort((a, b) => b[1] - a[1])[0];
  const ratio = count / samples.length;
  if (ratio < 0.5) return null;
  return {field: best, confidence: best === 'email' ? 0.7 : 0.6 + 0.3 * ratio};
}

// ------------------------------------------------------------- mapping

export interface FieldMatch {
  column: number;
  /** The header as the user sees it ('' when the column has none). */
  header: string;
  confidence: number;
  foundBy: FoundBy;
}

/** Which column holds what, for one sheet. */
export interface ColumnMapping {
  /** 1-based row of the header; data starts on the next row. */
  headerRow: number;
  /** Header text per column; index 0 is column A. */
  headers: string[];
  /** The last column holding anything (new columns go to its right). */
  lastColumn: number;
  /** Field → 1-based column. */
  fields: Partial<Record<Field, number>>;
  /** How sure each match is and how it was found. */
  matches: Partial<Record<Field, FieldMatch>>;
  /** Headed columns that hold nothing we use (left exactly as they are). */
  unrecognised: {column: number; header: string}[];
  warnings: string[];
}

/** A column claimed for a field before header guessing (a choice or metadata). */
export interface FixedColumn {
  field: Field;
  column: number;
  foundBy: 'your choice' | 'saved mapping';
}

interface Candidate extends HeaderGuess {
  column: number;
  foundBy: FoundBy;
}

/**
 * Header texts per column. An empty header cell over a column with data
 * borrows the text of a group-header row just above it, or is named after the
 * merged header to its left ("Name (2)"); such derived names are not guessed
 * from.
 */
function effectiveHeaders(
  values: readonly unknown[][],
  headerIdx: number,
  lastColumn: number,
  columnHasData: (c: number) => boolean,
): {headers: string[]; derived: Set<number>; warnings: string[]} {
  const headers: string[] = [];
  const derived = new Set<number>();
  const warnings: string[] = [];
  const groupRows = [headerIdx - 1, headerIdx - 2].filter(
    r => r >= 0 && (values[r] ?? []).filter(v => !isBlank(v)).length >= 2,
  );
  for (let c = 0; c < lastColumn; c++) {
    let text = textOf(values[headerIdx]?.[c]);
    if (!text && columnHasData(c)) {
      const above = groupRows.map(r => textOf(values[r]?.[c])).find(Boolean);
      if (above) {
        text = above;
      } else {
        let left = c - 1;
        while (left >= 0 && !textOf(values[headerIdx]?.[left])) left--;
        if (left >= 0) {
          const base = textOf(values[headerIdx]?.[left]);
          text = `${base} (${c - left + 1})`;
          derived.add(c);
          warnings.push(
            `Column ${columnLetter(c + 1)} has no header of its own; it sits ` +
              `under the merged header "${base}".`,
          );
        }
      }
    }
    headers.push(text);
  }
  return {headers, derived, warnings};
}

function duplicateHeaderWarnings(headers: readonly string[]): string[] {
  const seen = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (!key) return;
    seen.set(key, [...(seen.get(key) ?? []), i + 1]);
  });
  const warnings: string[] = [];
  for (const columns of seen.values()) {
    if (columns.length < 2) continue;
    warnings.push(
      `${columns.length} columns are named "${headers[columns[0] - 1]}" ` +
        `(${columns.map(columnLetter).join(', ')}); the first one that fits ` +
        'is used. Rename the others if that is wrong.',
    );
  }
  return warnings;
}

/** Computed columns are only adopted by header when they are empty below it. */
function columnIsEmpty(
  values: readonly unknown[][],
  headerIdx: number,
  c: number,
): boolean {
  for (let r = headerIdx + 1; r < values.length; r++) {
    if (!isBlank(values[r]?.[c])) return false;
  }
  return true;
}

/**
 * Maps columns to fields below a known header row: fixed columns first, then
 * every other column by header and by content, the surest claim winning;
 * one field per column and one column per field.
 */
export function mapColumns(
  values: readonly unknown[][],
  headerRow: number,
  options: {
    formulas?: readonly string[][];
    fixed?: readonly FixedColumn[];
    /** Fields the user said the sheet does not have. */
    exclude?: ReadonlySet<Field>;
    lastColumn?: number;
  } = {},
): ColumnMapping {
  const formulas = options.formulas ?? [];
  const lastColumn = options.lastColumn ?? lastUsedColumn(values, formulas);
  const headerIdx = headerRow - 1;
  const samples: string[][] = Array.from({length: lastColumn}, () => []);
  const scanEnd = Math.min(values.length, headerIdx + 1 + CONTENT_SCAN_ROWS);
  for (let r = headerIdx + 1; r < scanEnd; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < lastColumn; c++) {
      if (samples[c].length < CONTENT_SAMPLE && !isBlank(row[c])) {
        samples[c].push(cellString(row[c]));
      }
    }
  }
  const {headers, derived, warnings} = effectiveHeaders(
    values,
    headerIdx,
    lastColumn,
    c => samples[c].length > 0,
  );
  warnings.push(...duplicateHeaderWarnings(headers));
  for (let c = 0; c < lastColumn; c++) {
    const formula = formulas[headerIdx]?.[c];
    if (formula) {
      warnings.push(
        `The header in column ${columnLetter(c + 1)} is a formula; setup ` +
          `goes by what it shows ("${headers[c]}").`,
      );
    }
  }

  const candidates: Candidate[] = (options.fixed ?? []).map(f => ({
    field: f.field,
    column: f.column,
    confidence: f.foundBy === 'your choice' ? 3 : 2,
    foundBy: f.foundBy,
  }));
  for (let c = 0; c < lastColumn; c++) {
    const byHeader = derived.has(c) ? null : recogniseHeader(headers[c]);
    const computed =
      byHeader &&
      isTrackerField(byHeader.field) &&
      trackerSpec(byHeader.field).computed;
    // An empty column only claims a field by a sure name ("File As" is
    // Google's usually empty sort field, not the name), except the
    // tracker's columns, which are empty until used.
    const weakAndEmpty =
      byHeader &&
      !isTrackerField(byHeader.field) &&
      byHeader.confidence < 1 &&
      !samples[c].length &&
      scanEnd > headerIdx + 1;
    if (
      byHeader &&
      !weakAndEmpty &&
      !(computed && !columnIsEmpty(values, headerIdx, c))
    ) {
      candidates.push({...byHeader, column: c + 1, foundBy: 'header'});
    }
    const unclaimed = !byHeader || byHeader.field === 'website';
    const byContent = unclaimed ? guessFromContent(samples[c]) : null;
    if (byContent) {
      candidates.push({...byContent, column: c + 1, foundBy: 'contents'});
      if (byHeader?.field === 'website') {
        warnings.push(
          `Column ${columnLetter(c + 1)} ("${headers[c]}") mostly holds ` +
            `${CONTENT_LABELS[byContent.field]}, so handles are taken from it.`,
        );
      }
    }
  }

  const fields: Partial<Record<Field, number>> = {};
  const matches: Partial<Record<Field, FieldMatch>> = {};
  const taken = new Set<number>();
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  for (const cand of candidates) {
    if (fields[cand.field] !== undefined || taken.has(cand.column)) continue;
    if (cand.foundBy !== 'your choice' && options.exclude?.has(cand.field)) {
      continue;
    }
    fields[cand.field] = cand.column;
    taken.add(cand.column);
    matches[cand.field] = {
      column: cand.column,
      header: headers[cand.column - 1] ?? '',
      confidence: Math.min(1, cand.confidence),
      foundBy: cand.foundBy,
    };
  }
  const unrecognised = headers
    .map((header, i) => ({column: i + 1, header}))
    .filter(h => h.header && !taken.has(h.column));
  return {
    headerRow,
    headers,
    lastColumn,
    fields,
    matches,
    unrecognised,
    warnings,
  };
}

const EMPTY_SHEET_MESSAGE =
  'This sheet is empty. Open the sheet that lists your supporters (one ' +
  'person per row, with a header row) and run Set up tracker again.';

/**
 * The header row (1-based), or a UserError saying what to do: for an empty
 * sheet, or when none of the first `maxScan` rows names a column we know.
 */
export function requireHeaderRow(
  values: readonly unknown[][],
  formulas: readonly string[][] = [],
  maxScan = 10,
): number {
  if (lastUsedRow(values, formulas) === 0) {
    throw new UserError(EMPTY_SHEET_MESSAGE);
  }
  const headerRow = findHeaderRow(values, maxScan);
  if (headerRow === null) {
    throw new UserError(
      `I couldn't find a header row in the first ${maxScan} rows. Put a ` +
        'row of column names (like Name, Email, Twitter) above your list, ' +
        'one person per row, and run Set up tracker again.',
    );
  }
  return headerRow;
}

/**
 * Finds the header row and maps every column it can, by header and by
 * content. Throws a UserError for an empty sheet or one without a header.
 */
export function detectColumns(
  values: readonly unknown[][],
  options: {formulas?: readonly string[][]; maxScan?: number} = {},
): ColumnMapping {
  const headerRow = requireHeaderRow(values, options.formulas, options.maxScan);
  return mapColumns(values, headerRow, {formulas: options.formulas});
}

// ------------------------------------------------------ reading people

/** Cells that mean "no handle" rather than a broken one. */
const PLACEHOLDER =
  /^(?:n\/?a|none|no|nope|nil|null|tbd|unknown|-+|—|–|\?+|not on \w+|don'?t have(?: one)?|no (?:twitter|x|bluesky|mastodon|account))$/i;

/** A handle cell that could not be read, kept so it can be flagged. */
export interface UnreadableHandle {
  network: Network;
  raw: string;
  reason: string;
}

export interface RowHandles {
  found: Partial<Record<Network, Handle>>;
  unreadable: UnreadableHandle[];
}

/** A row's cell for a field, as trimmed text ('' when the field is unmapped). */
function fieldText(
  row: readonly unknown[],
  fields: Partial<Record<Field, number>>,
  field: Field,
): string {
  const column = fields[field];
  return column === undefined ? '' : cellString(row[column - 1]);
}

const LOOSE_X = /(?:^|[^\w@])@([A-Za-z0-9_]{1,15})(?![\w@.])/;

/**
 * The handles a row spells out, from the user's own columns: the X, Bluesky
 * and Mastodon columns first (a cell in the wrong network's column still
 * counts for its own network), then links and labelled handles in the
 * website and notes columns. A cell in a handle column that yields nothing is
 * reported as unreadable, unless that network's handle was found elsewhere
 * or the column is one of `linkColumns` (a website column picked for its X
 * links, where other links are just websites).
 */
export function handlesInRow(
  row: readonly unknown[],
  fields: Partial<Record<Field, number>>,
  linkColumns: ReadonlySet<Field> = new Set(),
): RowHandles {
  const found: Partial<Record<Network, Handle>> = {};
  const unreadable: UnreadableHandle[] = [];
  const take = (handle: Handle) => {
    if (!found[handle.network]) found[handle.network] = handle;
  };
  const cell = (field: Field) => fieldText(row, fields, field);
  for (const network of NETWORKS) {
    const text = cell(network);
    if (!text || PLACEHOLDER.test(text)) continue;
    const result = normaliseHandle(network, text);
    if (result.ok) {
      take(result);
      continue;
    }
    let others = extractHandles(text);
    const loose = network === 'x' && !others.length ? LOOSE_X.exec(text) : null;
    if (loose) {
      const x = normaliseHandle('x', loose[1]);
      if (x.ok) others = [x];
    }
    others.forEach(take);
    if (!others.length && !linkColumns.has(network)) {
      unreadable.push({network, raw: text, reason: result.reason});
    }
  }
  for (const field of ['website', 'notes'] as const) {
    extractHandles(cell(field)).forEach(take);
  }
  return {
    found,
    unreadable: unreadable.filter(u => !found[u.network]),
  };
}

/** Handle columns that were recognised by their links, not their header. */
export function linkColumnsOf(
  mapping: Pick<ColumnMapping, 'matches'>,
): Set<Field> {
  return new Set(
    NETWORKS.filter(n => mapping.matches[n]?.foundBy === 'contents'),
  );
}

const TRACKER_HANDLE_FIELD: Record<Network, TrackerField> = {
  x: 'xHandle',
  bluesky: 'blueskyHandle',
  mastodon: 'mastodonHandle',
};

export function handleFieldOf(network: Network): TrackerField {
  return TRACKER_HANDLE_FIELD[network];
}

/**
 * One identity per person row below the header (rows with nothing in them
 * are skipped). Handles come from the tracker's handle columns when filled,
 * else from the user's own columns (so this works before setup too).
 */
export function readSupporters(
  values: readonly unknown[][],
  mapping: Pick<ColumnMapping, 'headerRow' | 'fields' | 'matches'>,
  lastRow = values.length,
): SupporterIdentity[] {
  const {fields} = mapping;
  const linkColumns = linkColumnsOf(mapping);
  const people: SupporterIdentity[] = [];
  for (let r = mapping.headerRow; r < Math.min(lastRow, values.length); r++) {
    const row = values[r] ?? [];
    if (!row.some(v => !isBlank(v))) continue;
    const cell = (field: Field) => fieldText(row, fields, field);
    const person: SupporterIdentity = {row: r + 1};
    const id = cell('supporterId');
    if (id) person.id = id;
    const ext = cell('externalId');
    if (ext) person.externalId = ext;
    const name = fullNameOf({
      name: cell('name'),
      firstName: cell('firstName'),
      lastName: cell('lastName'),
    });
    if (name) person.name = name;
    const email = cell('email');
    if (email) person.email = email;
    let fromSources: RowHandles | null = null;
    for (const network of NETWORKS) {
      const own = cell(TRACKER_HANDLE_FIELD[network]);
      if (own) {
        person[network] = own;
        continue;
      }
      fromSources ??= handlesInRow(row, fields, linkColumns);
      const handle = fromSources.found[network];
      if (handle) person[network] = handle.display;
    }
    people.push(person);
  }
  return people;
}
