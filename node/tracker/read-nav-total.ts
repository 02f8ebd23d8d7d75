/**
 * A total-over-supply NAV (registry nav.totalOverSupply, e.g. Renzo): reads the protocol's total
 * (one return value of a view returning several) in the token's first batch, and derives the
 * per-token rate floor(total × 1e18 / supply) that the protocol's rate view would return (Renzo's
 * BalancerRateProvider.getRate(), which reverts on a zero total or supply), so that view and the
 * heavy total behind it are not evaluated twice per refresh.
 */
import type { TokenInfo, TotalOverSupply } from '../../shared/registry/types';
import type { Read } from '../../shared/snapshot';
import type { ContractReader } from './contract-reader';
import { isBigint, narrowRead } from './narrow-read';
import { readViewCall, viewCallName } from './read-view-call';

const ONE = 10n ** 18n;

/** Reads the total: the `output`-th return value of its view, which must be a uint256. */
export async function readNavTotal(reader: ContractReader, token: TokenInfo, form: TotalOverSupply): Promise<Read<bigint>> {
  const { call, output } = form.total;
  const key = `token.navTotal:${token.id}`;
  const raw = await readViewCall(reader, key, call);
  const picked: Read<unknown> = !raw.ok ? raw : Array.isArray(raw.value) ? { ok: true, value: raw.value[output] } : { ok: true, value: output === 0 ? raw.value : undefined };
  return narrowRead(reader, picked, isBigint, { key, target: call.address, call: viewCallName(call), expected: `uint256 at return index ${output}` });
}

/** The per-token rate floor(total × 1e18 / supply); a failed read, or a zero total or supply, is a failed rate (recorded). */
export function navRateFromTotal(reader: ContractReader, token: TokenInfo, total: Read<bigint>, supply: Read<bigint>): Read<bigint> {
  if (!total.ok) return total;
  if (!supply.ok) return supply;
  if (total.value === 0n || supply.value === 0n) {
    const error = `zero ${total.value === 0n ? 'total' : 'supply'}: no per-token rate`;
    reader.fail({ key: `token.nav:${token.id}`, target: token.nav.rate?.address ?? null, call: token.nav.rate ? viewCallName(token.nav.rate) : 'totalOverSupply', error });
    return { ok: false, error };
  }
  return { ok: true, value: (total.value * ONE) / supply.value };
}
