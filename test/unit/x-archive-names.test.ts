/**
 * Which files of an X archive Whuffie reads, by name: the rule the sidebar
 * uses to pick data files out of the archive's zip, and the server's
 * fallback when a file does not say what it holds.
 */
import {
  archiveKindOfName,
  isArchiveDataFile,
} from '../../src/core/sync/x-archive';

test('tweets, likes and followers are read, with their -part files', () => {
  expect(archiveKindOfName('tweets.js')).toBe('tweets');
  expect(archiveKindOfName('tweet.js')).toBe('tweets');
  expect(archiveKindOfName('tweets-part2.js')).toBe('tweets');
  expect(archiveKindOfName('data/Like.js')).toBe('like');
  expect(archiveKindOfName('follower-part1.js')).toBe('follower');
});

test("the archive's other data files name no kind, however they end", () => {
  for (const name of [
    'deleted-tweets.js',
    'community-tweet.js',
    'note-tweet.js',
    'tweet-headers.js',
    'following.js',
    'account.js',
    'constructor.js',
    'tweets.json',
    'tweets (1).js',
  ]) {
    expect(archiveKindOfName(name)).toBeNull();
  }
});

test('in a zip, only those files in a data folder are read, never media', () => {
  expect(isArchiveDataFile('data/tweets.js')).toBe(true);
  expect(isArchiveDataFile('twitter-2026-03-01-0a1b/data/like-part1.js')).toBe(
    true,
  );
  expect(isArchiveDataFile('tweets.js')).toBe(false);
  expect(isArchiveDataFile('data/tweets_media/1630-tweets.js')).toBe(false);
  expect(isArchiveDataFile('assets/js/tweets.js')).toBe(false);
  expect(isArchiveDataFile('__MACOSX/data/._tweets.js')).toBe(false);
  expect(isArchiveDataFile('data/deleted-tweets.js')).toBe(false);
});
