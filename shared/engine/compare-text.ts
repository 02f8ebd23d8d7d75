/** Code-point comparison of two strings, independent of locale (for stable sorting). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
