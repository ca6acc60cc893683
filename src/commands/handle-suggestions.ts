/**
 * Social CRM › Suggest handles, and the Action column of the Handle
 * suggestions sheet it builds. The followers of our Bluesky and Mastodon
 * accounts are read outside the document lock (it can take minutes); the
 * sheet is then rebuilt under the lock from them, the New people sheet and
 * the tracker (the rules are in core/sync/handle-finding.ts). Choosing "Use
 * this handle" or "Not them" acts at once through the simple onEdit trigger.
 * X followers are never read: each one is a paid read.
 */
import {
  BlueskyConnection,
  MastodonConnection,
  readConnections,
  writeConnections,
} from '../adapters/connections';
import {readRejectedHandles, writeRejectedHandles} from '../adapters/document';
import {
  HttpError,
  isHttpError,
  JsonResponse,
  queryString,
  requestJson,
} from '../adapters/http';
import {withDocumentLock} from '../adapters/lock';
import {
  actOnEditedRows,
  offerActions,
  rebuildReportSheet,
  RowOutcome,
} from '../adapters/report-sheet';
import {readTracker, requireTrackerSheet} from '../adapters/tracker-sheet';
import {alert} from '../adapters/ui';
import {isUserError, UserError} from '../core/errors';
import {NETWORK_LABELS} from '../core/handles';
import {plural} from '../core/plural';
import type {PersonSeen} from '../core/sync/events';
import {
  accountIdOf,
  FollowerPage,
  parseBlueskyFollowers,
  parseMastodonFollowers,
} from '../core/sync/followers';
import {
  findHandles,
  gatherCandidates,
  HANDLE_SUGGESTIONS_HEADERS,
  HANDLE_SUGGESTIONS_NOTES,
  HANDLE_SUGGESTIONS_SHEET,
  parseSuggestionAction,
  parseSuggestionRow,
  REJECTED_STATUS,
  rejectionKey,
  rememberRejection,
  SUGGESTION_ACTIONS,
  SuggestionRow,
  suggestionRows,
} from '../core/sync/handle-finding';
import {
  isHandledStatus,
  NEW_PEOPLE_SHEET,
  parseNewPeople,
} from '../core/sync/matching';
import {planNewPeopleAction} from '../core/sync/new-people-actions';
import {
  blueskyCaller,
  describeBluesky,
  describeMastodon,
  isRateLimit,
  problemOf,
} from './network-clients';
import {writeToTracker} from './new-people';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Followers read per network at most (100 pages of Bluesky, 125 of Mastodon). */
const MAX_FOLLOWERS = 10_000;
/** Stop reading well before Apps Script's 6 minutes: the sheet comes after. */
const FETCH_DEADLINE_MS = 4 * 60_000;

interface FollowerRead {
  label: string;
  people: PersonSeen[];
  /** Why reading ended early or found nothing; '' when all went well. */
  note: string;
}

/** What a failed request means here (the networks' own rate-limit message speaks of the next sync). */
function failure(
  label: string,
  e: unknown,
  describe: (e: HttpError) => string,
): string {
  return isRateLimit(e)
    ? `${label} asked Whuffie to slow down (rate limit), so only the followers read before were used. Try again in a few minutes.`
    : problemOf(e, describe);
}

/**
 * Pages of followers until the last one, the cap or the deadline. A failure
 * keeps what was read before it and says what went wrong.
 */
function readPages(
  label: string,
  fetchPage: (next: string) => FollowerPage,
  describe: (e: HttpError) => string,
  outOfTime: () => boolean,
): FollowerRead {
  const people: PersonSeen[] = [];
  let next = '';
  do {
    if (people.length >= MAX_FOLLOWERS) {
      return {
        label,
        people,
        note: `only the newest ${MAX_FOLLOWERS.toLocaleString('en-US')} were read; the others were not looked at.`,
      };
    }
    if (outOfTime()) {
      return {
        label,
        people,
        note: 'stopped early to finish within the 6 minutes Apps Script allows; the newest were read.',
      };
    }
    let page: FollowerPage;
    try {
      page = fetchPage(next);
    } catch (e) {
      return {label, people, note: failure(label, e, describe)};
    }
    people.push(...page.people);
    // An empty page ends the list, whatever cursor came with it.
    next = page.people.length ? page.next : '';
  } while (next);
  return {label, people, note: ''};
}

function blueskyFollowers(
  conn: BlueskyConnection,
  save: () => void,
  outOfTime: () => boolean,
): FollowerRead {
  const call = blueskyCaller(conn, save);
  return readPages(
    'Bluesky',
    cursor =>
      parseBlueskyFollowers(
        call(
          'app.bsky.graph.getFollowers',
          queryString({actor: conn.did, limit: 100, cursor}),
        ),
      ),
    describeBluesky(conn),
    outOfTime,
  );
}

/**
 * Mastodon's account endpoints want the read:accounts scope from a token,
 * and Connect accounts asks only for read:notifications. A token refused
 * for its scope (403) is left out and the public lists are read instead:
 * they show every follower unless the account hides them. A revoked token
 * (401) is reported.
 */
function mastodonFollowers(
  conn: MastodonConnection,
  outOfTime: () => boolean,
): FollowerRead {
  let asPublic = false;
  const get = (path: string, query: Record<string, string | number>) => {
    const request = (token: boolean): JsonResponse =>
      requestJson({
        url: `${conn.base}${path}${queryString(query)}`,
        headers: token ? {Authorization: `Bearer ${conn.token}`} : {},
      });
    if (!asPublic) {
      try {
        return request(true);
      } catch (e) {
        if (!isHttpError(e) || e.status !== 403) throw e;
        asPublic = true;
      }
    }
    return request(false);
  };
  const describe = describeMastodon(conn);
  let id: string;
  try {
    id = accountIdOf(get('/api/v1/accounts/lookup', {acct: conn.acct}).body);
  } catch (e) {
    const note =
      isHttpError(e) && e.status === 404
        ? `${conn.host} does not know the account @${conn.acct}. Check it in Social CRM › Connect accounts….`
        : failure('Mastodon', e, describe);
    return {label: 'Mastodon', people: [], note};
  }
  if (!id) {
    return {
      label: 'Mastodon',
      people: [],
      note: `${conn.host} did not answer like a Mastodon server.`,
    };
  }
  const read = readPages(
    'Mastodon',
    maxId => {
      const response = get(
        `/api/v1/accounts/${encodeURIComponent(id)}/followers`,
        {limit: 80, max_id: maxId},
      );
      return parseMastodonFollowers(
        response.body,
        response.headers.link ?? '',
        conn.host,
      );
    },
    describe,
    outOfTime,
  );
  if (asPublic && !read.people.length && !read.note) {
    read.note =
      'none are visible. If your account hides its followers, connect again with a token that also has the read:accounts scope.';
  }
  return read;
}

/**
 * Reads the followers, then rebuilds the Handle suggestions sheet under the
 * lock; what to tell the user. The same state gives the same sheet.
 */
function suggestHandlesIn(ss: Spreadsheet, started = Date.now()): string {
  // Fail early (before any network call) when there is no tracker.
  requireTrackerSheet(ss);
  const id = ss.getId();
  const connections = readConnections(id);
  const outOfTime = () => Date.now() - started > FETCH_DEADLINE_MS;
  const reads: FollowerRead[] = [];
  if (connections.bluesky) {
    const save = () => writeConnections(id, connections);
    reads.push(blueskyFollowers(connections.bluesky, save, outOfTime));
  }
  if (connections.mastodon) {
    reads.push(mastodonFollowers(connections.mastodon, outOfTime));
  }
  const newPeopleSheet = ss.getSheetByName(NEW_PEOPLE_SHEET);
  if (!reads.length && !newPeopleSheet) {
    throw new UserError(
      'Whuffie looks for handles among the people who follow or engage with you, and knows none yet. Connect Bluesky or Mastodon (Social CRM › Connect accounts…), or sync engagement first.',
    );
  }
  const {suggestions, newPeople} = withDocumentLock(() => {
    const tracker = readTracker(ss);
    const people = newPeopleSheet
      ? parseNewPeople(newPeopleSheet.getDataRange().getValues())
      : [];
    const found = findHandles({
      supporters: tracker.supporters,
      candidates: gatherCandidates(
        reads.flatMap(r => r.people),
        people,
      ),
      rejected: new Set(readRejectedHandles()),
    });
    if (found.length || ss.getSheetByName(HANDLE_SUGGESTIONS_SHEET)) {
      const sheet = rebuildReportSheet(
        ss,
        HANDLE_SUGGESTIONS_SHEET,
        HANDLE_SUGGESTIONS_HEADERS,
        suggestionRows(found),
        HANDLE_SUGGESTIONS_NOTES,
      );
      offerActions(
        sheet,
        HANDLE_SUGGESTIONS_HEADERS.indexOf('Action') + 1,
        found.length,
        {
          actions: SUGGESTION_ACTIONS,
          help: 'Use this handle, or Not them.',
          allowTyped: false,
        },
      );
    }
    return {suggestions: found, newPeople: people.length};
  });
  const supporters = new Set(suggestions.map(s => s.supporterId)).size;
  const lines = [
    suggestions.length
      ? `${plural(suggestions.length, 'suggestion')} for ${plural(supporters, 'supporter')}: see the "${HANDLE_SUGGESTIONS_SHEET}" sheet and choose Use this handle or Not them on each row.`
      : 'No handle suggestions this time.',
    ...reads.map(r => {
      const count = `${r.label}: ${plural(r.people.length, 'follower')} read`;
      return r.note ? `${count}; ${r.note}` : `${count}.`;
    }),
  ];
  if (newPeopleSheet) {
    lines.push(
      `New people: ${plural(newPeople, 'person', 'people')} looked at.`,
    );
  }
  return lines.join('\n');
}

/** Social CRM › Suggest handles */
export function suggestHandles(): void {
  alert(suggestHandlesIn(SpreadsheetApp.getActiveSpreadsheet()));
}

// ---- The Action column ----------------------------------------------------------

/** "Use this handle": the New people match, which writes only into an empty cell. */
function useHandle(ss: Spreadsheet, row: SuggestionRow): RowOutcome {
  try {
    const tracker = readTracker(ss);
    const plan = planNewPeopleAction(
      row.person,
      '',
      {kind: 'match', supporterId: row.supporterId},
      {
        values: tracker.values,
        fields: tracker.mapping.fields,
        supporters: tracker.supporters,
        // Only adding a supporter needs the id seed.
        idSeed: '',
      },
    );
    if (!plan.ok) {
      return {status: `Not done: ${plan.problem}`, message: plan.problem};
    }
    if (!plan.write) return {status: plan.status, message: plan.message};
    writeToTracker(tracker.sheet, plan.write);
    const label = NETWORK_LABELS[row.person.network];
    return {
      status: plan.status,
      message: `${plan.write.values[0]} is now the ${label} handle of ${row.supporterName}: from the next sync on, their engagement is logged to them.`,
    };
  } catch (e) {
    if (isUserError(e))
      return {status: `Not done: ${e.message}`, message: e.message};
    throw e;
  }
}

/**
 * A user edit (simple onEdit, LIMITED mode): each edited Action cell is
 * carried out, one row after another; rows whose handle is already in the
 * tracker are left alone.
 */
export function onHandleSuggestionsEdit(
  e: GoogleAppsScript.Events.SheetsOnEdit,
): void {
  const ss = e.range.getSheet().getParent();
  let rejected: string[] | null = null;
  actOnEditedRows(
    e,
    HANDLE_SUGGESTIONS_SHEET,
    isHandledStatus,
    (header, values, action): RowOutcome => {
      const row = parseSuggestionRow(header, values);
      if (!row) {
        const problem = 'This row does not name a supporter and an account.';
        return {status: `Not done: ${problem}`, message: problem};
      }
      const choice = parseSuggestionAction(action);
      if (choice === 'use') return useHandle(ss, row);
      if (choice === 'reject') {
        rejected = rememberRejection(
          rejected ?? readRejectedHandles(),
          rejectionKey(row.supporterId, row.person.network, row.person.id),
        );
        return {
          status: REJECTED_STATUS,
          message: `${row.handle || row.person.id} will not be suggested for ${row.supporterName} again.`,
        };
      }
      const problem = `"${action}" is not an action. Choose Use this handle or Not them.`;
      return {status: `Not done: ${problem}`, message: problem};
    },
    () => {
      if (rejected) writeRejectedHandles(rejected);
    },
  );
}
