/**
 * C0/C1 controls, and every format character: the Unicode marks that reorder or hide text (bidi
 * overrides and isolates, zero-width marks, soft hyphen, tag characters, interlinear annotations).
 */
const UNSAFE = /[\p{Cc}\p{Cf}]/gu;

/**
 * Makes engine text safe to show in a native notification: removes control characters, bidi
 * overrides and zero-width marks (a token symbol from chain data can hold any of them), collapses
 * whitespace, and cuts to `max` characters (code points, so no surrogate pair is split) with `…`.
 *
 * @param text - Any string, possibly hostile.
 * @param max - The longest result, in code points (at least 1).
 */
export function toPlainText(text: string, max: number): string {
  const clean = text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  const points = Array.from(clean);
  if (points.length <= max) return clean;
  return `${points.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/**
 * `&`, `<` and `>` as entities: what a receiver that reads markup (a D-Bus notification server
 * with body-markup, Slack) shows as the text itself.
 *
 * @param text - Plain text (see toPlainText).
 */
export function escapeAngleMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
