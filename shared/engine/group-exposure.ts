import type { Attribution, ExposureProfile } from './attribute-exposure';
import { attributeExposure } from './attribute-exposure';

/** All positions that share one exposure profile, with the profile applied to their summed value. */
export interface GroupExposure {
  readonly profile: ExposureProfile;
  readonly valueEth: bigint;
  readonly attribution: Attribution;
}

/**
 * Groups positions by exposure profile (an LRT's look-through, or one operator and strategy of
 * an own delegation) and applies each profile once to the group's total value. Portfolio-level
 * operator and operator-set figures come from these groups: this keeps the engine linear in the
 * number of positions, and the figures differ from the sum of per-position figures only by
 * rounding (under one wei per position). Groups come in the order of the positions
 * (`byProfile`: see sumPositions).
 */
export function groupExposure(byProfile: ReadonlyMap<ExposureProfile, bigint>): GroupExposure[] {
  return [...byProfile.entries()].map(([profile, valueEth]) => ({ profile, valueEth, attribution: attributeExposure(valueEth, profile) }));
}
