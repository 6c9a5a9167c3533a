import { everyoneOnTheCase, mayRead, partiesConcerned, staffOnly } from './timeline-audience';

describe('timeline audience', () => {
  const staff = { staff: true } as const;
  const claimantSide = { staff: false, partyIds: ['claimant'] } as const;
  const defendantSide = { staff: false, partyIds: ['defendant'] } as const;

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
    expect(mayRead({ staff: false, partyIds: [] }, partiesConcerned('claimant'))).toBe(false);
  });

  it('keeps staff-only entries from every party', () => {
    expect(mayRead(claimantSide, staffOnly)).toBe(false);
    expect(mayRead(defendantSide, staffOnly)).toBe(false);
  });
});
