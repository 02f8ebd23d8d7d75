/**
 * Vitest global setup: compiles the world's Solidity fixtures once, before the workers start, so
 * parallel test files never compile the same sources at the same time (a cold compile takes minutes
 * on two cores; the committed artifacts make it instant when the sources did not change).
 */
import { compileWorld } from '../../world/compile';

export default function setup(): void {
  compileWorld();
}
