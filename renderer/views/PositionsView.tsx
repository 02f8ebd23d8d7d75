import { Fragment, useState } from 'react';
import { formatDuration, formatEth, formatUnitsFixed, shortAddress } from '../../shared/format';
import { warningTextFor } from '../../shared/i18n/warning-text-for';
import type { Position, RiskReport, Warning } from '../../shared/report';
import { useApp } from '../app-context';
import { chainName } from '../chain-name';
import { SeverityBadge } from '../components/SeverityBadge';
import { StackChips } from '../components/StackChips';
import { safeText } from '../display/safe-text';

/**
 * Warnings that concern this position: their subject is the position, its token (`ezETH@1`, the
 * token address or symbol), or an operator it is exposed to (`0xOperator` or `0xOperator:detail`).
 */
export function warningsOf(position: Position, warnings: readonly Warning[]): Warning[] {
  const keys = new Set(
    [position.id, position.asset.address, position.asset.symbol, `${position.asset.symbol}@${position.chainId}`, ...position.exposure.operators.map((o) => o.operator)]
      .filter((k): k is string => k !== null)
      .map((k) => k.toLowerCase()),
  );
  return warnings.filter((w) => {
    const subject = w.subject.toLowerCase();
    return keys.has(subject) || keys.has(subject.split(':')[0] ?? '');
  });
}

function groupKey(p: Position): string {
  return `${p.wallet}|${p.chainId}`;
}

/** ether.fi's instant redemption (after the fee), under the market value; nothing for other positions. */
function InstantRedeem({ position }: { readonly position: Position }) {
  const { t } = useApp();
  const eth = position.exit.instantRedeemEth;
  if (eth === undefined) return null;
  if (eth === null) {
    return <div className="muted small">{position.chainId === 1 ? t('instantRedeemUnavailable') : t('instantRedeemMainnetOnly')}</div>;
  }
  return (
    <div className="muted small">
      {t('instantRedeem', { value: formatEth(eth) })}
      {position.exit.instantRedeemCapped === true && <> ({t('instantRedeemCapped')})</>}
    </div>
  );
}

export function PositionsView({ report, walletName }: { readonly report: RiskReport; readonly walletName: (address: string) => string }) {
  const { t, language } = useApp();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const groups = new Map<string, Position[]>();
  for (const p of report.positions) groups.set(groupKey(p), [...(groups.get(groupKey(p)) ?? []), p]);
  if (report.positions.length === 0) return <p className="card">{t('positionsNone')}</p>;
  const toggle = (id: string): void =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div className="positions">
      {[...groups.entries()].map(([key, positions]) => {
        const first = positions[0];
        if (first === undefined) return null;
        const caption = t('walletOnChain', { wallet: walletName(first.wallet), chain: chainName(first.chainId) });
        return (
          <section key={key} className="card">
            <table className="positions-table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colToken')}</th>
                  <th scope="col">{t('colAmount')}</th>
                  <th scope="col">{t('colNav')}</th>
                  <th scope="col">{t('colMarket')}</th>
                  <th scope="col">{t('colStack')}</th>
                  <th scope="col">{t('colExit')}</th>
                  <th scope="col">{t('colWarnings')}</th>
                </tr>
              </thead>
              <tbody>
                {positions.map((p) => {
                  const isOpen = open.has(p.id);
                  const symbol = safeText(p.asset.symbol, 16);
                  const warnings = warningsOf(p, report.warnings);
                  return (
                    <Fragment key={p.id}>
                      <tr>
                        <th scope="row">
                          <button type="button" className="expander" aria-expanded={isOpen} aria-controls={`lt-${p.id}`} onClick={() => toggle(p.id)} title={isOpen ? t('collapse') : t('expand')}>
                            <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span> {symbol}
                          </button>
                          {p.degraded && (
                            <span className="degraded" title={t('degraded')}>
                              {' '}
                              <span aria-hidden="true">⚠</span> <span className="sr-only">{t('degraded')}</span>
                            </span>
                          )}
                        </th>
                        <td className="num">
                          {formatUnitsFixed(p.amount, p.asset.decimals)} {symbol}
                        </td>
                        <td className="num">{formatEth(p.valueEth)}</td>
                        <td className="num">
                          {formatEth(p.marketValueEth)}
                          <InstantRedeem position={p} />
                        </td>
                        <td className="stack-cell">
                          <StackChips stack={p.stack} />
                        </td>
                        <td>
                          {p.exit.atNavSeconds === null ? t('exitUnknown') : formatDuration(p.exit.atNavSeconds)}
                          {p.exit.atNavSeconds !== null && !p.exit.atNavDelayOnChain && <span className="muted small"> {t('exitDelayDefault')}</span>}
                        </td>
                        <td className="warnings-cell">
                          {warnings.map((w) => (
                            <div key={w.id}>
                              <SeverityBadge severity={w.severity} /> {safeText(warningTextFor(w, language).title, 60)}
                            </div>
                          ))}
                        </td>
                      </tr>
                      {isOpen && (
                        <tr id={`lt-${p.id}`} className="look-through">
                          <td colSpan={7}>
                            <LookThrough position={p} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}

function LookThrough({ position }: { readonly position: Position }) {
  const { t } = useApp();
  const { operators, operatorSets } = position.exposure;
  // The stack names the AVSs it knows (the registry's); an unknown one shows its address.
  const avsName = (avs: string): string | null => {
    const layer = position.stack.find((l) => l.layer === 'avs' && l.address?.toLowerCase() === avs.toLowerCase());
    return layer && !layer.label.startsWith('0x') ? safeText(layer.label, 40) : null;
  };
  return (
    <div className="look-through-body">
      <h3>{t('operators')}</h3>
      {operators.length === 0 ? (
        <p>{t('noOperators')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('colOperator')}</th>
              <th scope="col">{t('colNav')}</th>
            </tr>
          </thead>
          <tbody>
            {operators.map((o) => (
              <tr key={o.operator}>
                <td>
                  <code title={o.operator}>{shortAddress(o.operator)}</code>
                </td>
                <td className="num">{formatEth(o.valueEth)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('operatorSets')}</h3>
      {operatorSets.length === 0 ? (
        <p>{t('noOperatorSets')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('colAvs')}</th>
              <th scope="col">{t('colSetId')}</th>
              <th scope="col">{t('colOperator')}</th>
              <th scope="col">{t('colSlashable')}</th>
            </tr>
          </thead>
          <tbody>
            {operatorSets.map((s) => (
              <tr key={`${s.avs}-${s.id}-${s.operator}`}>
                <td>
                  {avsName(s.avs) ?? <code title={s.avs}>{shortAddress(s.avs)}</code>}
                </td>
                <td>#{s.id}</td>
                <td>
                  <code title={s.operator}>{shortAddress(s.operator)}</code>
                </td>
                <td className="num">{formatEth(s.slashableEth)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        {t('nominal', { value: formatEth(position.nominalEth) })} · {t('unrestaked', { value: formatEth(position.unrestakedEth) })}
      </p>
    </div>
  );
}
