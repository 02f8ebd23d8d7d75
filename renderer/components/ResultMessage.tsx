/** The outcome of a save: ✓ and a status line, or ✕ and an alert (read out by screen readers). */
export function ResultMessage({ result, inline = false }: { readonly result: { readonly ok: boolean; readonly text: string }; readonly inline?: boolean }) {
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className={result.ok ? 'field-ok' : 'field-error'} role={result.ok ? 'status' : 'alert'}>
      {result.ok ? '✓ ' : '✕ '}
      {result.text}
    </Tag>
  );
}
