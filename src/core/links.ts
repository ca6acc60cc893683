/**
 * Links the add-on prepares for a person to click (it never posts itself):
 * profile pages and prefilled compose windows. Built with encodeURIComponent
 * only: Apps Script has no URL or URLSearchParams.
 */
import {Network, normaliseHandle} from './handles';

/** encodeURIComponent throws on a lone surrogate (a name cut mid-emoji). */
const wellFormed = (text: string) =>
  text.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\uFFFD',
  );

/** A compose window with the text filled in, for the networks that have one. */
export function composeUrl(
  network: Network,
  text: string,
  handle = '',
): string {
  const q = encodeURIComponent(wellFormed(text));
  switch (network) {
    case 'x':
      return `https://twitter.com/intent/tweet?text=${q}`;
    case 'bluesky':
      return `https://bsky.app/intent/compose?text=${q}`;
    case 'mastodon': {
      // Mastodon's share page lives on the poster's own server; we only know
      // the recipient's, which works for anyone with an account there.
      const account = normaliseHandle('mastodon', handle);
      return account.ok
        ? `https://${account.value.split('@')[1]}/share?text=${q}`
        : '';
    }
  }
}

/** The profile page for a handle in any spelling; '' if it cannot be read. */
export function profileUrl(network: Network, handle: string): string {
  const result = normaliseHandle(network, handle);
  return result.ok ? result.profileUrl : '';
}
