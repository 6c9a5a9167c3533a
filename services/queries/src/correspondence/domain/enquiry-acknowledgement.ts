import { londonLocalDate } from '@ccsc/calendar';
import type { SlaClockKind } from '../../sla/domain/sla-clock';

/** The template every enquiry is acknowledged with. */
export const ENQUIRY_ACKNOWLEDGED = 'queries.enquiry-acknowledged';

/** The placeholder the contact's name goes in; the recorder fills it from the contact. */
export const ACKNOWLEDGEMENT_RECIPIENT_PLACEHOLDER = 'name';

/** An enquiry's clock as the acknowledgement reads it. */
export interface DueClock {
  clock: SlaClockKind;
  dueAt: Date | null;
}

/**
 * The day we aim to answer by: the resolution clock's due day, in London. Without one (no resolution
 * target for its channel and category) the first response's, which is then the only promise made;
 * undefined when no clock runs, and then there is no date to promise.
 */
export function targetDay(clocks: readonly DueClock[]): string | undefined {
  const due =
    clocks.find((c) => c.clock === 'resolution' && c.dueAt)?.dueAt ??
    clocks.find((c) => c.clock === 'first-response' && c.dueAt)?.dueAt;
  return due ? londonLocalDate(new Date(due)) : undefined;
}

/** The acknowledgement's values, besides the contact's name. */
export function acknowledgementValues(enquiry: { reference: string; receivedAt: Date }, target: string) {
  return {
    enquiryReference: enquiry.reference,
    receivedDate: londonLocalDate(new Date(enquiry.receivedAt)),
    targetDate: target,
  };
}
