import type { StackLayer } from '../../shared/report';
import { useApp } from '../app-context';
import { safeText } from '../display/safe-text';

interface LayerGroup {
  readonly layer: StackLayer['layer'];
  readonly members: readonly StackLayer[];
}

/** Consecutive entries of one layer (several operators, several AVSs) form one doll. */
export function groupStack(stack: readonly StackLayer[]): LayerGroup[] {
  const groups: { layer: StackLayer['layer']; members: StackLayer[] }[] = [];
  for (const entry of stack) {
    const last = groups.at(-1);
    if (last && last.layer === entry.layer) last.members.push(entry);
    else groups.push({ layer: entry.layer, members: [entry] });
  }
  return groups;
}

/**
 * The position's stack as nested chips, outermost layer outside: the matryoshka. A layer with
 * more than two members (seven AVSs) is one chip with a count; its title lists them.
 */
export function StackChips({ stack }: { readonly stack: readonly StackLayer[] }) {
  const { t } = useApp();
  const groups = groupStack(stack);
  const render = (index: number): React.ReactNode => {
    const group = groups[index];
    if (group === undefined) return null;
    const kind = t(`layer_${group.layer}`);
    const names = group.members.map((m) => safeText(m.label, 60));
    const label = group.members.length <= 2 ? group.members.map((m) => safeText(m.label, 24)).join(' + ') : `×${group.members.length}`;
    return (
      <span className={`chip chip-${group.layer}`} title={`${kind}: ${names.join(', ')}`}>
        <span className="chip-label">
          <span className="chip-kind">{kind}</span> {label}
        </span>
        {render(index + 1)}
      </span>
    );
  };
  return <span className="stack" aria-label={stack.map((l) => safeText(l.label, 40)).join(' → ')}>{render(0)}</span>;
}
