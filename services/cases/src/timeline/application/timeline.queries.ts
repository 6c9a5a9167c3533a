import { Injectable } from '@nestjs/common';
import { isStaff, Principal } from '@ccsc/auth';
import { partiesActedFor } from '@ccsc/case-access/rule';
import type { Case } from '../../case/domain/case';
import { caseAccessOf, relationOf } from '../../case/domain/case-access';
import { userIdSeenBy } from '../../case/domain/user-ids';
import { TimelineRepository, type TimelineRow } from '../infrastructure/timeline.repository';
import { timelineKind, TimelineKind } from '../domain/timeline-kind';
import { mayRead, type TimelineAudience, TimelineReader } from '../domain/timeline-audience';

export interface TimelineEntry {
  eventId: string;
  type: string;
  kind: TimelineKind;
  source: string;
  summary: string;
  actor?: string;
  occurredAt: Date;
}

@Injectable()
export class TimelineQueries {
  constructor(private readonly timeline: TimelineRepository) {}

  /**
   * Oldest first, optionally only some kinds, and only the entries this caller may read (staff all;
   * a party's side the case's history and entries about itself). The caller has already checked
   * that the case is visible. Who did what is shown to staff only (userIdSeenBy): a subject id is
   * no one else's business.
   */
  async forCase(aggregate: Case, principal: Principal, kinds?: readonly TimelineKind[]): Promise<TimelineEntry[]> {
    const reader = readerOf(principal, aggregate);
    const rows = await this.timeline.forCase(aggregate.snapshot.id);
    return rows
      .filter((r) => mayRead(reader, audienceOf(r)))
      .map((r) => {
        const actor = userIdSeenBy(principal, r.actor ?? undefined);
        return {
          eventId: r.eventId,
          type: r.type,
          kind: timelineKind(r.type),
          source: r.source,
          summary: r.summary,
          occurredAt: r.occurredAt,
          ...(actor ? { actor } : {}),
        };
      })
      .filter((entry) => !kinds?.length || kinds.includes(entry.kind));
  }
}

function readerOf(principal: Principal, aggregate: Case): TimelineReader {
  if (isStaff(principal)) return { staff: true };
  const actedFor = partiesActedFor(caseAccessOf(principal), aggregate.parties.map(relationOf));
  return { staff: false, partyIds: actedFor.map((p) => p.partyId), roles: actedFor.map((p) => p.role) };
}

function audienceOf(row: TimelineRow): TimelineAudience {
  switch (row.audience) {
    case 'parties':
    case 'result':
      return { kind: row.audience, partyIds: row.partyIds };
    default:
      return { kind: row.audience };
  }
}
