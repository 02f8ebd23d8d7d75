import type { StackLayer } from '../../shared/report';
import { useApp } from '../app-context';
import { safeText } from '../display/safe-text';

/** The position's stack as nested chips, outermost layer outside: the matryoshka. */
export function StackChips({ stack }: { readonly stack: readonly StackLayer[] }) {
  const { t } = useApp();
  const render = (index: number): React.ReactNode => {
    const layer = stack[index];
    if (layer === undefined) return null;
    return (
      <span className={`chip chip-${layer.layer}`} title={`${t(`layer_${layer.layer}`)}: ${safeText(layer.label, 80)}`}>
        <span className="chip-label">
          <span className="chip-kind">{t(`layer_${layer.layer}`)}</span> {safeText(layer.label, 24)}
        </span>
        {render(index + 1)}
      </span>
    );
  };
  return <span className="stack" aria-label={stack.map((l) => safeText(l.label, 40)).join(' → ')}>{render(0)}</span>;
}
