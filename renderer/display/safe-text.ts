// Text from chain (token symbols, ENS names, labels) is shown as text only; bidi controls and every
// other invisible format character are stripped so a name cannot reorder or hide what surrounds it,
// and long strings are cut.
// \p{Cf}: bidi overrides and isolates, zero-width marks, soft hyphen, tag characters, interlinear
// annotations, word joiners. The others are invisible fillers that are not Cf; the combining ones
// (U+034F, U+1160, U+17B4, U+17B5) stand outside the class, where a combining mark misleads readers.
const INVISIBLE = /[\p{Cf}\u115F\u3164\uFFA0]|\u034F|\u1160|\u17B4|\u17B5/gu;
// Control characters and line/paragraph separators (newlines included) would break one-line labels.
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;

/** `text` without bidi/invisible/control characters, cut to `max` characters with an ellipsis. */
export function safeText(text: string | null | undefined, max = 40): string {
  if (text === null || text === undefined) return '';
  const clean = text.replace(INVISIBLE, '').replace(CONTROL, ' ');
  const chars = Array.from(clean);
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join('')}…` : clean;
}
