import type { RiskReport } from '../report';
import { decodeBigints } from './codec';
import type { EncodedReport } from './contract';

/**
 * Turns the report a view received (from `getState` or `onReport`) back into the engine's
 * `RiskReport`, bigints restored. The one place views decode it.
 */
export function decodeReport(encoded: EncodedReport): RiskReport {
  // The core encoded a RiskReport with encodeBigints and the contract checked it is JSON; the
  // codec restores exactly what was encoded.
  return decodeBigints<RiskReport>(encoded as never);
}
