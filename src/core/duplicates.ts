/**
 * Supporters who look like the same person: the same email, handle or id
 * (found by hashing, in one pass), or near-identical names (compared only
 * within blocks of people sharing a surname, or a first name and surname
 * initial, so 50,000 rows stay fast). This only reports; nothing is merged
 * unless the user does it.
 */
import {identityKeys, SupporterIdentity} from './handles';
import {nameKey, nameSimilarity, sortedNameKey} from './names';

export const DUPLICATES_SHEET_NAME = 'Possible duplicates';

export type DuplicateReason =
  | 'same supporter id'
  | 'same record id'
  | 'same email'
  | 'same X handle'
  | 'same Bluesky handle'
  | 'same Mastodon handle'
  | 'same name'
  | 'similar name';

export interface DuplicateGroup {
  reason: DuplicateReason;
  /** What they share: the email, handle or id, or the names compared. */
  match: string;
  /** 0..1, how likely the members are one person. */
  score: number;
  /** Two or more supporters, in input order. */
  members: SupporterIdentity[];
}

const KEY_REASONS: Record<string, [DuplicateReason, number]> = {
  id: ['same supporter id', 1],
  ext: ['same record id', 1],
  email: ['same email', 0.98],
  x: ['same X handle', 0.95],
  bluesky: ['same Bluesky handle', 0.95],
  mastodon: ['same Mastodon handle', 0.95],
};

export interface DuplicateOptions {
  /** Name similarity (0..1) from which two names are reported; default 0.85. */
  threshold?: number;
  /** How many neighbours (sorted by name) each name is compared with; default 30. */
  window?: number;
}

/**
 * Groups of supporters that may be one person, surest first. A pair already
 * reported for a shared email/handle/id is not reported again for its name.
 */
export function findDuplicates(
  supporters: readonly SupporterIdentity[],
  options: DuplicateOptions = {},
): DuplicateGroup[] {
  const threshold = options.threshold ?? 0.85;
  const window = options.window ?? 30;
  const n = supporters.length;
  const groups: DuplicateGroup[] = [];
  const covered = new Set<number>();
  const pairKey = (a: number, b: number) => (a < b ? a * n + b : b * n + a);
  const cover = (members: readonly number[]) => {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        covered.add(pairKey(members[i], members[j]));
      }
    }
  };
  const allCovered = (members: readonly number[]) => {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (!covered.has(pairKey(members[i], members[j]))) return false;
      }
    }
    return true;
  };
  const report = (
    reason: DuplicateReason,
    match: string,
    score: number,
    members: number[],
  ) => {
    if (allCovered(members)) return;
    cover(members);
    groups.push({
      reason,
      match,
      score,
      members: members.map(i => supporters[i]),
    });
  };

  // Shared emails, handles and ids: one pass, hashing every key.
  const byKey = new Map<string, number[]>();
  supporters.forEach((s, i) => {
    for (const key of identityKeys(s)) {
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    }
  });
  const shared = [...byKey.entries()]
    .filter(([, members]) => members.length > 1)
    .map(([key, members]) => {
      const colon = key.indexOf(':');
      const [reason, score] = KEY_REASONS[key.slice(0, colon)];
      return {match: key.slice(colon + 1), members, reason, score};
    })
    .sort((a, b) => b.score - a.score || a.members[0] - b.members[0]);
  for (const {reason, match, score, members} of shared) {
    report(reason, match, score, members);
  }

  // Names: people sharing a name (in any word order) form one entry, and
  // distinct names are compared only within a block (same surname, or same
  // first name and surname initial), each with its nearest neighbours. A
  // pair in both blocks is compared twice but reported once.
  interface NameEntry {
    key: string;
    sorted: string;
    members: number[];
  }
  const entries = new Map<string, NameEntry>();
  supporters.forEach((s, i) => {
    const key = nameKey(s.name ?? '');
    if (!key.includes(' ')) return;
    const sorted = sortedNameKey(key);
    const entry = entries.get(sorted);
    if (entry) entry.members.push(i);
    else entries.set(sorted, {key, sorted, members: [i]});
  });
  const blocks = new Map<string, NameEntry[]>();
  for (const entry of entries.values()) {
    const {key, members} = entry;
    if (members.length > 1) {
      report('same name', supporters[members[0]].name ?? key, 0.85, members);
    }
    const words = key.split(' ');
    const last = words[words.length - 1];
    for (const block of [`s:${last}`, `f:${words[0]}|${last[0]}`]) {
      const list = blocks.get(block);
      if (list) list.push(entry);
      else blocks.set(block, [entry]);
    }
  }
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    block.sort((x, y) =>
      x.sorted < y.sorted ? -1 : x.sorted > y.sorted ? 1 : 0,
    );
    for (let i = 0; i < block.length; i++) {
      const a = block[i];
      for (let j = i + 1; j < block.length && j <= i + window; j++) {
        const b = block[j];
        const similarity = nameSimilarity(
          a.key,
          b.key,
          threshold,
          a.sorted,
          b.sorted,
        );
        if (similarity < threshold) continue;
        const [first, second] = a.members[0] < b.members[0] ? [a, b] : [b, a];
        report(
          'similar name',
          `${supporters[first.members[0]].name} / ${supporters[second.members[0]].name}`,
          Math.round(similarity * 0.9 * 100) / 100,
          [...a.members, ...b.members].sort((x, y) => x - y),
        );
      }
    }
  }
  const position = new Map(supporters.map((s, i) => [s, i]));
  return groups.sort(
    (a, b) =>
      b.score - a.score ||
      position.get(a.members[0])! - position.get(b.members[0])!,
  );
}

export const DUPLICATES_HEADERS = [
  'Group',
  'Why',
  'Score',
  'Row',
  'Supporter ID',
  'Name',
  'Email',
  'X',
  'Bluesky',
  'Mastodon',
] as const;

/**
 * The "Possible duplicates" view as rows (headers first), one line per
 * member, groups numbered. Cells are text or numbers; the adapter writes
 * them under a plain-text format.
 */
export function duplicatesToRows(
  groups: readonly DuplicateGroup[],
): (string | number)[][] {
  const rows: (string | number)[][] = [[...DUPLICATES_HEADERS]];
  groups.forEach((group, g) => {
    for (const m of group.members) {
      rows.push([
        g + 1,
        `${group.reason}: ${group.match}`,
        group.score,
        m.row ?? '',
        m.id ?? '',
        m.name ?? '',
        m.email ?? '',
        m.x ?? '',
        m.bluesky ?? '',
        m.mastodon ?? '',
      ]);
    }
  });
  return rows;
}
