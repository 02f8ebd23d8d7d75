// Text from chain (token symbols, ENS names, labels) is shown as text only; bidi controls are
// stripped so a name cannot reorder what surrounds it, and long strings are cut.
const BIDI_AND_INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Other control characters (newlines included) would break one-line labels.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/** `text` without bidi/invisible/control characters, cut to `max` characters with an ellipsis. */
export function safeText(text: string | null | undefined, max = 40): string {
  if (text === null || text === undefined) return '';
  const clean = text.replace(BIDI_AND_INVISIBLE, '').replace(CONTROL, ' ');
  const chars = Array.from(clean);
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : clean;
}
