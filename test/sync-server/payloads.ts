/** Payloads the tests and the screenshots add to the fake networks. */

/** A Bluesky repost notification of our post, shaped as listNotifications sends it. */
export function blueskyRepost(
  id: string,
  author: {did: string; handle: string; displayName?: string} = {
    did: 'did:plc:fan111',
    handle: 'tigerfan.bsky.social',
    displayName: 'Tiger Fan',
  },
) {
  return {
    uri: `at://${author.did}/app.bsky.feed.repost/${id}`,
    cid: `bafyrei${id}`,
    author,
    reason: 'repost',
    reasonSubject: 'at://did:plc:org222/app.bsky.feed.post/3kpost3',
    record: {
      $type: 'app.bsky.feed.repost',
      subject: {
        uri: 'at://did:plc:org222/app.bsky.feed.post/3kpost3',
        cid: 'bafyreipost3',
      },
      createdAt: '2026-03-01T07:00:00.000Z',
    },
    isRead: false,
    indexedAt: '2026-03-01T07:00:00.100Z',
  };
}
