import { assertChannelFor, type CaseDocument, filedFor, initialStatus, mayReadDocument } from './case-document';

describe('documents received', () => {
  it('are accepted as they come online, and wait for review from any other channel', () => {
    expect(initialStatus('online')).toBe('accepted');
    for (const channel of ['post', 'email', 'bulk-scan'] as const)
      expect(initialStatus(channel)).toBe('pending-review');
  });

  it('come from a party online only: post, email and bulk scanning are recorded by the court', () => {
    expect(() => assertChannelFor('online', false)).not.toThrow();
    for (const channel of ['post', 'email', 'bulk-scan'] as const) {
      expect(() => assertChannelFor(channel, false)).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          fieldErrors: [expect.objectContaining({ field: 'channel' })],
        }),
      );
      expect(() => assertChannelFor(channel, true)).not.toThrow();
    }
  });
});

describe('who reads a document', () => {
  const claimant = 'a1a1a1a1-0000-4000-8000-000000000001';
  const defendant = 'b2b2b2b2-0000-4000-8000-000000000002';
  const document = (change: Partial<CaseDocument>): CaseDocument => ({
    id: 'd',
    caseId: 'c',
    title: 'Witness statement',
    documentType: 'witness-statement',
    channel: 'online',
    language: 'en',
    storeReference: 'dm-store://x',
    status: 'accepted',
    filedByStaff: false,
    sharedWith: 'parties',
    filedFor: [claimant],
    receivedAt: new Date(),
    ...change,
  });
  const staff = { staff: true } as const;
  const claimantSide = { staff: false, partyIds: [claimant] } as const;
  const defendantSide = { staff: false, partyIds: [defendant] } as const;

  it('staff read every one; the side it is filed for reads its own whatever its state', () => {
    for (const change of [
      { sharedWith: 'court' as const },
      { status: 'pending-review' as const },
      { status: 'rejected' as const },
    ]) {
      expect(mayReadDocument(staff, document(change))).toBe(true);
      expect(mayReadDocument(claimantSide, document(change))).toBe(true);
    }
  });

  it('the other side reads it once accepted, never one filed for the court only', () => {
    expect(mayReadDocument(defendantSide, document({}))).toBe(true);
    expect(mayReadDocument(defendantSide, document({ sharedWith: 'court' }))).toBe(false);
    expect(mayReadDocument(defendantSide, document({ status: 'pending-review' }))).toBe(false);
    expect(mayReadDocument(defendantSide, document({ status: 'rejected' }))).toBe(false);
    // The court's own papers, filed for nobody: every party once accepted, if shared with them.
    expect(mayReadDocument(claimantSide, document({ filedFor: [], sharedWith: 'court' }))).toBe(false);
    expect(mayReadDocument(claimantSide, document({ filedFor: [] }))).toBe(true);
  });

  it("is filed for the filer's own parties, or the one staff name among the case's", () => {
    const parties = [claimant, defendant];
    expect(filedFor(claimantSide, undefined, parties)).toEqual([claimant]);
    expect(filedFor(claimantSide, claimant, parties)).toEqual([claimant]);
    expect(filedFor(staff, undefined, parties)).toEqual([]);
    expect(filedFor(staff, defendant, parties)).toEqual([defendant]);
    const refused = expect.objectContaining({
      code: 'BAD_USER_INPUT',
      fieldErrors: [expect.objectContaining({ field: 'forPartyId' })],
    });
    expect(() => filedFor(claimantSide, defendant, parties)).toThrow(refused);
    expect(() => filedFor(staff, 'c3c3c3c3-0000-4000-8000-000000000003', parties)).toThrow(refused);
  });
});
