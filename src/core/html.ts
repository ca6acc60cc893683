/**
 * The one HTML escaper: every name, note and post text that reaches an email,
 * a dialog or a template goes through it. (The sidebar never builds HTML from
 * data: it sets textContent.)
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, c => ENTITIES[c]);
}

/** Only http(s) and mailto links may become an href; anything else is dropped. */
export function safeHref(url: string): string {
  return /^(https?:|mailto:)/i.test(url.trim()) ? escapeHtml(url.trim()) : '';
}
