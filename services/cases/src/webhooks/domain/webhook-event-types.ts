import type {
  CaseStateChangedV1,
  DecisionRecordedV1,
  EventEnvelope,
  HearingListedV1,
  HearingStatusChangedV1,
} from '@ccsc/contracts';
import { formatCaseReference } from '../../case/domain/case-reference';

/**
 * The event types partners may subscribe to: a stable vocabulary of our own rather than the internal
 * contract names, so a new version of a contract does not break a partner's receiver.
 */
export const WEBHOOK_EVENT_TYPES = [
  'case.issued',
  'case.state-changed',
  'hearing.listed',
  'hearing.status-changed',
  'decision.recorded',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_DESCRIPTIONS: Readonly<Record<WebhookEventType, string>> = {
  'case.issued': 'The court issued the case (its `issue` event).',
  'case.state-changed': 'The case moved from one state to another (every event, issue included).',
  'hearing.listed': 'A hearing was listed: where and when.',
  'hearing.status-changed': 'A hearing is running late, in progress, adjourned, vacated, completed or relisted.',
  'decision.recorded': 'A decision was recorded on the case (fetch it from the decisions API).',
};

export const isWebhookEventType = (value: string): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

/** What a firm's receiver gets: the Standard Webhooks JSON shape. */
export interface WebhookPayload {
  type: WebhookEventType;
  /** When it happened (the domain event's time), ISO 8601 in UTC. */
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * Only what every firm on the case may see: ids, the case reference, states, and the hearing's when
 * and where. Never a party's name, contact details or needs, and no free text an officer typed (a
 * decision's outcome or an adjournment's reason): the firm reads those through the API, under its
 * own access rule.
 */
export function webhookPayloadsOf(event: EventEnvelope, caseReference: string): WebhookPayload[] {
  const timestamp = new Date(event.time).toISOString();
  const payload = (type: WebhookEventType, data: Record<string, unknown>): WebhookPayload => ({
    type,
    timestamp,
    // As the REST API shows it (1234-5678-9012-3456), so a partner matches it with what it already holds.
    data: { caseReference: formatCaseReference(caseReference), ...data },
  });
  switch (event.type) {
    case 'cases.case-state-changed.v1': {
      const d = event.data as CaseStateChangedV1;
      const changed = payload('case.state-changed', { caseId: d.caseId, event: d.event, from: d.from, to: d.to });
      return d.event === 'issue' ? [payload('case.issued', { caseId: d.caseId, state: d.to }), changed] : [changed];
    }
    case 'cases.hearing-listed.v1': {
      const d = event.data as HearingListedV1;
      return [
        payload('hearing.listed', {
          caseId: d.caseId,
          hearingId: d.hearingId,
          hearingType: d.hearingType,
          venueId: d.venueId,
          venueName: d.venueName,
          startsAt: new Date(d.startsAt).toISOString(),
          durationMinutes: d.durationMinutes,
        }),
      ];
    }
    case 'cases.hearing-status-changed.v1': {
      const d = event.data as HearingStatusChangedV1;
      return [
        payload('hearing.status-changed', {
          caseId: d.caseId,
          hearingId: d.hearingId,
          from: d.from,
          to: d.to,
          startsAt: new Date(d.startsAt).toISOString(),
          ...(d.delayMinutes ? { delayMinutes: d.delayMinutes } : {}),
        }),
      ];
    }
    case 'cases.decision-recorded.v1': {
      const d = event.data as DecisionRecordedV1;
      return [
        payload('decision.recorded', {
          caseId: d.caseId,
          decisionId: d.decisionId,
          ...(d.supersedes ? { supersedes: d.supersedes } : {}),
        }),
      ];
    }
    default:
      return [];
  }
}
