import type { EnquiryChannel } from '@ccsc/contracts';
import { SLA_CLOCKS, type SlaClockKind, type SlaTarget, type SlaUnit } from './sla-clock';

/** One row of the SLA table: a target for a clock, for a channel and/or category, or for everything (both null). */
export interface SlaPolicy {
  channel: EnquiryChannel | null;
  category: string | null;
  clock: SlaClockKind;
  unit: SlaUnit;
  amount: number;
}

/**
 * The targets for an enquiry, one per clock: the most specific policy wins (channel and category,
 * then category, then channel, then the default), so a team can tighten one category without
 * restating every channel.
 */
export function targetsFor(
  policies: readonly SlaPolicy[],
  channel: EnquiryChannel,
  category: string | null,
): SlaTarget[] {
  return SLA_CLOCKS.flatMap((clock) => {
    const candidates = policies
      .filter(
        (p) =>
          p.clock === clock &&
          (p.channel === null || p.channel === channel) &&
          (p.category === null || p.category === category),
      )
      .sort((a, b) => specificity(b) - specificity(a));
    const best = candidates[0];
    return best ? [{ clock, unit: best.unit, amount: best.amount }] : [];
  });
}

function specificity(policy: SlaPolicy): number {
  return (policy.category !== null ? 2 : 0) + (policy.channel !== null ? 1 : 0);
}
