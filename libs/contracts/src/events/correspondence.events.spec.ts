import { randomUUID } from 'node:crypto';
import { enforcementCorrespondenceRequestedV1, paymentsCorrespondenceRequestedV1 } from './correspondence.events';

const request = (recipient: Record<string, unknown>) => ({
  requestId: randomUUID(),
  caseId: randomUUID(),
  template: 'payments.payment-receipt',
  values: { amount: 2_500 },
  recipientNameAs: 'payerName',
  ...recipient,
});
const fields = (data: unknown) => paymentsCorrespondenceRequestedV1.check(data).map((e) => e.field);

describe('a correspondence request names its recipient exactly one way', () => {
  it('takes a party, a citizen account or a firm', () => {
    expect(paymentsCorrespondenceRequestedV1.check(request({ partyId: randomUUID() }))).toEqual([]);
    expect(paymentsCorrespondenceRequestedV1.check(request({ userId: 'citizen-cat' }))).toEqual([]);
    expect(paymentsCorrespondenceRequestedV1.check(request({ organisationId: 'org-a' }))).toEqual([]);
    // Enforcement's requests, which name the party, are as valid as before.
    expect(enforcementCorrespondenceRequestedV1.check(request({ partyId: randomUUID() }))).toEqual([]);
  });

  it('refuses none, two or all three, naming the recipient field', () => {
    expect(fields(request({}))).toEqual(['partyId']);
    expect(fields(request({ partyId: null, userId: null }))).toContain('partyId');
    expect(fields(request({ partyId: randomUUID(), userId: 'citizen-cat' }))).toEqual(['partyId']);
    expect(fields(request({ userId: 'citizen-cat', organisationId: 'org-a' }))).toEqual(['partyId']);
    expect(fields(request({ partyId: randomUUID(), userId: 'citizen-cat', organisationId: 'org-a' }))).toEqual([
      'partyId',
    ]);
    const [problem] = paymentsCorrespondenceRequestedV1.check(request({}));
    expect(problem?.message).toMatch(/exactly one of partyId, userId, organisationId/);
  });

  it('refuses a malformed party id, an empty account or firm, and an unknown field', () => {
    expect(fields(request({ partyId: 'party-1' }))).toEqual(['partyId']);
    expect(fields(request({ userId: '' }))).toContain('userId');
    expect(fields(request({ organisationId: 'x'.repeat(65) }))).toEqual(['organisationId']);
    expect(fields(request({ userId: 'citizen-cat', email: 'cat@example.com' }))).toEqual(['email']);
  });

  it("travels on the requesting service's own topic", () => {
    expect(paymentsCorrespondenceRequestedV1).toMatchObject({
      type: 'payments.correspondence-requested.v1',
      source: 'payments',
    });
    expect(paymentsCorrespondenceRequestedV1.topic).not.toEqual(enforcementCorrespondenceRequestedV1.topic);
  });
});
