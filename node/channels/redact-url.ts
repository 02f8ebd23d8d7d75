/**
 * `scheme://host/…` of a URL, for logs and errors: never its user info, path, query or fragment,
 * where webhook tokens live (Discord, Slack and ntfy URLs are secrets in themselves).
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(an invalid URL)';
  }
}
