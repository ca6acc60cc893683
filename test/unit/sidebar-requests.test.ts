/**
 * What the sidebar sends, checked: a malformed request is a bug (Error),
 * what a person typed that cannot be used is a UserError for them.
 */
import {isUserError} from '../../src/core/errors';
import {
  cleanTag,
  parseLogRequest,
  parseNotesRequest,
  parseTagRequest,
} from '../../src/core/sidebar-requests';

const ONE = {ids: ['S-A']};

/** The error `work` throws, and whether it is meant for the user. */
function failure(work: () => unknown): {message: string; forUser: boolean} {
  try {
    work();
  } catch (e) {
    return {message: (e as Error).message, forUser: isUserError(e)};
  }
  throw new Error('expected a failure');
}

test('a tag is stored lower case; one with separators, empty or too long is refused', () => {
  expect(cleanTag('  Volunteer ')).toBe('volunteer');
  expect(failure(() => cleanTag('a, b'))).toEqual({
    message: expect.stringMatching(/^"a, b" can't be a tag: .*without commas/),
    forUser: true,
  });
  expect(failure(() => cleanTag(' '))).toEqual({
    message: 'Type a tag first.',
    forUser: true,
  });
  expect(failure(() => cleanTag('x'.repeat(41))).forUser).toBe(true);
});

test('a tag request names a field, a tag and whom it is for', () => {
  expect(
    parseTagRequest({
      field: 'topics',
      tag: 'Cats',
      on: true,
      target: {rows: [{first: 2, last: 4}]},
      selectionKey: 'k',
    }),
  ).toEqual({
    field: 'topics',
    tag: 'cats',
    on: true,
    target: {rows: [{first: 2, last: 4}]},
    selectionKey: 'k',
  });
  expect(
    failure(() => parseTagRequest({field: 'name', tag: 'x', target: ONE})),
  ).toEqual({message: 'unknown tag field name', forUser: false});
  expect(
    failure(() =>
      parseTagRequest({
        field: 'topics',
        tag: 'x',
        target: {rows: [{first: 3, last: 2}]},
      }),
    ).forUser,
  ).toBe(false);
});

test('notes keep their line breaks as \\n and have a length limit', () => {
  expect(parseNotesRequest({text: ' cats\r\ndogs\r', target: ONE}).notes).toBe(
    'cats\ndogs',
  );
  expect(
    failure(() => parseNotesRequest({text: 'x'.repeat(5001), target: ONE})),
  ).toEqual({
    message:
      'Interest notes can be at most 5000 characters long (these are 5001).',
    forUser: true,
  });
});

test('a log request is checked: kind for its direction, web links, amounts', () => {
  expect(
    parseLogRequest({
      target: ONE,
      direction: 'outbound',
      kind: 'thanks',
      note: ' for the share ',
      link: 'https://bsky.app/profile/a/post/1',
      channel: 'bluesky',
    }),
  ).toMatchObject({
    direction: 'outbound',
    kind: 'thanks',
    note: 'for the share',
    amount: null,
    channel: 'bluesky',
  });
  const log = (fields: object) => () =>
    parseLogRequest({
      target: ONE,
      direction: 'inbound',
      kind: 'donation',
      ...fields,
    });
  expect(failure(log({kind: 'thanks'}))).toEqual({
    message: '"thanks" is not an inbound kind',
    forUser: false,
  });
  expect(failure(log({link: 'javascript:alert(1)'}))).toEqual({
    message:
      'The link should be a web address starting with https:// (copy it from the post).',
    forUser: true,
  });
  expect(failure(log({amount: -5}))).toEqual({
    message: 'The amount should be a number, 0 or more.',
    forUser: true,
  });
});
