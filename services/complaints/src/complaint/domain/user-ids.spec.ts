import { londonInstant, WorkingDayCalendar } from '@ccsc/calendar';
import type { Principal } from '@ccsc/auth/principal';
import { Complaint, type TimelineEntry } from './complaint';
import { timelineEntrySeenBy, userIdSeenBy } from './user-ids';

const officer: Principal = { sub: 'officer-olu', roles: ['complaints-officer'] };
const citizen: Principal = { sub: 'citizen-carys', roles: ['citizen'] };
const firm: Principal = { sub: 'solicitor-sol', roles: ['professional'], organisationId: 'org-a' };

function investigation(named: string | undefined): TimelineEntry {
  const now = new Date('2026-02-02T10:00:00Z');
  const complaint = Complaint.open(
    {
      reference: 'CMP-000001',
      complainantType: 'public',
      origin: 'online-form',
      caseIds: [],
      category: 'delay',
      severity: 'minor',
      receivedAt: londonInstant('2025-12-19', '10:30'),
      createdBy: 'citizen-carys',
      now,
    },
    WorkingDayCalendar.englandAndWales(),
  );
  complaint.acknowledge(now);
  return { id: 'entry-1', actor: 'officer-olu', at: now, ...complaint.startInvestigation(named, now) };
}

describe('who did or holds something on a complaint, as each reader sees it', () => {
  it('names an officer to staff only', () => {
    expect(userIdSeenBy(officer, 'officer-olu')).toBe('officer-olu');
    for (const reader of [citizen, firm]) {
      expect(userIdSeenBy(reader, 'officer-olu')).toBeNull();
      // Their own id too: the rule is staff's, whoever the id names.
      expect(userIdSeenBy(reader, reader.sub)).toBeNull();
    }
  });

  it('keeps the officer a stage is under investigation by out of the timeline words for anyone but staff', () => {
    const named = investigation('officer-olu');
    expect(timelineEntrySeenBy(officer, named)).toEqual(named);
    expect(named.summary).toBe('Stage 1 under investigation by officer-olu');
    for (const reader of [citizen, firm]) {
      expect(timelineEntrySeenBy(reader, named)).toEqual({
        ...named,
        summary: 'Stage 1 under investigation',
        actor: null,
      });
    }
    expect(timelineEntrySeenBy(citizen, investigation(undefined)).summary).toBe('Stage 1 under investigation');
  });
});
