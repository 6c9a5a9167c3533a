import type { EntityManager } from 'typeorm';
import type { CorrespondenceRecordedV1, EventEnvelope, EventType } from '@ccsc/contracts';
import { withinTransaction } from '@ccsc/messaging';
import type { RecordedCorrespondence } from './correspondence-recorder';

/** Who an item went to and what about, for the cases whose timelines hear of it. */
export interface RecordedAbout {
  /** The service's record the event is keyed by (the enquiry, the complaint). */
  subject: string;
  caseIds: readonly string[];
  /** The recipient by role: `enquirer`, `complainant`. */
  recipient: CorrespondenceRecordedV1['recipient'];
}

/**
 * Tells cases, in the recording transaction, that an item about its cases was recorded (the service's
 * `correspondence-recorded` event): which template, how and in which language, never to whom or what it
 * said. Nothing when the item concerns no case.
 */
export async function announceRecorded(
  manager: EntityManager,
  cause: EventEnvelope,
  type: EventType<CorrespondenceRecordedV1>,
  recorded: RecordedCorrespondence,
  about: RecordedAbout,
): Promise<void> {
  if (about.caseIds.length === 0) return;
  await withinTransaction(manager, { causationId: cause.id, correlationId: cause.correlationid }, async (tx) =>
    tx.publish({
      type,
      subject: about.subject,
      data: {
        itemId: recorded.id,
        caseIds: [...about.caseIds],
        template: recorded.template.id,
        recipient: about.recipient,
        ...(recorded.channel ? { channel: recorded.channel } : {}),
        language: recorded.language,
      },
    }),
  );
}
