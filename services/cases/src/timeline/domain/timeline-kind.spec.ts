import { timelineKind } from './timeline-kind';

describe('timelineKind', () => {
  it("sorts cases' own events by what they are about and other services' events by service", () => {
    expect(timelineKind('cases.case-state-changed.v1')).toBe('progress');
    expect(timelineKind('cases.representation-changed.v1')).toBe('parties');
    expect(timelineKind('cases.document-reviewed.v1')).toBe('documents');
    expect(timelineKind('cases.decision-recorded.v1')).toBe('outcomes');
    expect(timelineKind('cases.hearing-listed.v1')).toBe('hearings');
    expect(timelineKind('cases.hearing-status-changed.v1')).toBe('hearings');
    expect(timelineKind('cases.correspondence-recorded.v1')).toBe('correspondence');
    expect(timelineKind('payments.fees-settled.v1')).toBe('payments');
    expect(timelineKind('complaints.complaint-opened.v1')).toBe('complaints');
  });

  it('puts letters together, whichever service wrote them', () => {
    expect(timelineKind('queries.correspondence-recorded.v1')).toBe('correspondence');
    expect(timelineKind('complaints.correspondence-recorded.v1')).toBe('correspondence');
  });
});
