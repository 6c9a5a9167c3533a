import { defendantsResult, everyoneOnTheCase, mayRead, partiesConcerned, staffOnly } from './timeline-audience';

describe('timeline audience', () => {
  const staff = { staff: true } as const;
  const claimantSide = { staff: false, partyIds: ['claimant'], roles: ['claimant'] } as const;
  const defendantSide = { staff: false, partyIds: ['defendant'], roles: ['defendant'] } as const;
  const coDefendant = { staff: false, partyIds: ['co-defendant'], roles: ['defendant'] } as const;
  const stranger = { staff: false, partyIds: [], roles: [] } as const;

  it('lets staff read everything', () => {
    expect([everyoneOnTheCase, staffOnly, partiesConcerned('claimant')].every((a) => mayRead(staff, a))).toBe(true);
  });

  it("shows the case's history to both sides", () => {
    expect(mayRead(claimantSide, everyoneOnTheCase)).toBe(true);
    expect(mayRead(defendantSide, everyoneOnTheCase)).toBe(true);
  });

  it('shows an entry about one party only to whoever acts for that party', () => {
    expect(mayRead(claimantSide, partiesConcerned('claimant'))).toBe(true);
    expect(mayRead(defendantSide, partiesConcerned('claimant'))).toBe(false);
    expect(mayRead(stranger, partiesConcerned('claimant'))).toBe(false);
  });

  it("shows a defendant's result to that defendant's side and the prosecution, not to a co-defendant", () => {
    expect(mayRead(staff, defendantsResult('defendant'))).toBe(true);
    expect(mayRead(defendantSide, defendantsResult('defendant'))).toBe(true);
    expect(mayRead(claimantSide, defendantsResult('defendant'))).toBe(true);
    expect(mayRead(coDefendant, defendantsResult('defendant'))).toBe(false);
    expect(mayRead(stranger, defendantsResult('defendant'))).toBe(false);
    // A firm acting for both a co-defendant and the resulted defendant reads it for the latter.
    expect(
      mayRead(
        { staff: false, partyIds: ['co-defendant', 'defendant'], roles: ['defendant', 'defendant'] },
        defendantsResult('defendant'),
      ),
    ).toBe(true);
  });

  it('keeps staff-only entries from every party', () => {
    expect(mayRead(claimantSide, staffOnly)).toBe(false);
    expect(mayRead(defendantSide, staffOnly)).toBe(false);
  });
});
