import { DataSource } from 'typeorm';
import { bearer, eventually } from '@ccsc/testing';
import { graphql, graphqlData, sendGraphQL } from './graphql-client';
import { RunningPlatform, startTestPlatform } from './platform';
import { as, partnerApi, type PartnerApi } from './rest-client';

const OPEN = graphql(`
  mutation AuditedOpen($i: CreateCaseInput!) {
    createCase(input: $i) {
      id
      parties {
        id
        role
      }
    }
  }
`);
const SUBMIT = graphql(`
  mutation AuditedSubmit($i: TriggerCaseEventInput!) {
    triggerCaseEvent(input: $i) {
      state
    }
  }
`);
const PARTY_DETAILS = graphql(`
  query AuditedPartyDetails($id: ID!) {
    case(id: $id) {
      parties {
        id
        name
        email
        phone
      }
    }
  }
`);
const SERVICE_REQUEST = graphql(`
  query AuditedServiceRequest($id: ID!) {
    case(id: $id) {
      serviceRequest {
        status
      }
    }
  }
`);
const TRAIL = graphql(`
  query AuditTrailOf($filter: AuditFilterInput, $after: String) {
    auditTrail(filter: $filter) {
      cases(first: 20, after: $after) {
        nodes {
          kind
          actor
          roles
          organisationId
          actingFor
          operation
          recordType
          recordIds
          partyIds
          events
          correlationId
        }
      }
      payments(first: 20) {
        nodes {
          kind
          actor
          roles
          operation
          recordType
          recordIds
          events
        }
      }
      complaints(first: 1) {
        nodes {
          id
        }
      }
    }
  }
`);

describe('the audit trail, through the gateway', () => {
  let platform: RunningPlatform;
  let api: PartnerApi;
  let tokens: Record<'solicitor' | 'caseworker' | 'finance' | 'approver' | 'auditor', string>;

  beforeAll(async () => {
    platform = await startTestPlatform({ services: ['cases', 'payments', 'complaints'] });
    api = partnerApi(platform.gatewayUrl);
    const [solicitor, caseworker, finance, approver, auditor] = await Promise.all([
      bearer('professional', { org: 'org-audited', sub: 'solicitor-audrey' }),
      bearer('caseworker', { sub: 'caseworker-carl' }),
      bearer('finance-officer', { sub: 'finance-fiona' }),
      bearer('team-leader', { sub: 'team-leader-tara' }),
      bearer('auditor', { sub: 'auditor-ann' }),
    ]);
    tokens = { solicitor, caseworker, finance, approver, auditor };
  });
  afterAll(() => platform?.stop());

  const trail = async (filter: Record<string, string>) =>
    (await graphqlData(platform.gatewayUrl, TRAIL, { filter }, tokens.auditor)).auditTrail;

  it('records who saw a party, a firm reading its own case and an approved refund once each, and shows them only to an auditor', async () => {
    await api.POST('/api/v1/payments/accounts', {
      ...as(tokens.finance),
      body: {
        accountNumber: 'PBA0077777',
        organisationId: 'org-audited',
        name: 'Audited LLP',
        creditLimitPence: 500_000,
      },
    });
    // Its credit granted by a second finance officer (not one whose reading this test counts).
    await api.POST('/api/v1/payments/accounts/{accountNumber}/credit-limit/decision', {
      ...as(await bearer('finance-officer', { sub: 'finance-frank' })),
      params: { path: { accountNumber: 'PBA0077777' } },
      body: { approve: true, creditLimitPence: 500_000 },
    });
    const { createCase } = await graphqlData(
      platform.gatewayUrl,
      OPEN,
      {
        i: {
          caseType: 'civil-money-claim',
          parties: [
            { role: 'claimant', kind: 'person', name: 'Alex Audit', representedBy: 'org-audited' },
            { role: 'defendant', kind: 'organisation', name: 'Other Side Ltd' },
          ],
        },
      },
      tokens.solicitor,
    );
    const caseId = createCase.id;
    const claimant = createCase.parties.find((p) => p.role === 'claimant')!.id;
    const defendant = createCase.parties.find((p) => p.role === 'defendant')!.id;
    await graphqlData(platform.gatewayUrl, SUBMIT, { i: { caseId, event: 'submit' } }, tokens.solicitor);
    await eventually(async () => {
      const { case: found } = await graphqlData(platform.gatewayUrl, SERVICE_REQUEST, { id: caseId }, tokens.solicitor);
      expect(found.serviceRequest).not.toBeNull();
    });
    const paid = await api.POST('/api/v1/payments/cases/{caseId}/payments-by-account', {
      ...as(tokens.solicitor),
      params: { path: { caseId } },
      // More than the fee: the difference is what can be refunded.
      body: { accountNumber: 'PBA0077777', amountPence: 5_000 },
    });
    expect(paid.response.status).toBe(201);

    // A caseworker reads the parties' details; the firm reads its own case over REST (its polls above were reads too).
    const since = new Date().toISOString();
    await graphqlData(platform.gatewayUrl, PARTY_DETAILS, { id: caseId }, tokens.caseworker);
    const own = await api.GET('/api/v1/cases/{idOrReference}', {
      ...as(tokens.solicitor),
      params: { path: { idOrReference: caseId } },
    });
    expect(own.response.status).toBe(200);

    // Finance asks for a refund; a team leader approves it.
    const refund = await api.POST('/api/v1/payments/refunds', {
      ...as(tokens.finance),
      body: { caseId, amountPence: 1_000, reason: 'overpayment' },
    });
    expect([refund.response.status, refund.error]).toEqual([201, undefined]);
    const refundId = refund.data!.id;
    const approved = await api.POST('/api/v1/payments/refunds/{id}/decision', {
      ...as(tokens.approver),
      params: { path: { id: refundId } },
      body: { decision: 'approve' },
    });
    expect(approved.response.status).toBe(200);

    // Everyone who saw the claimant's details: exactly the caseworker's look and the firm's.
    const sawClaimant = (await trail({ partyId: claimant, kind: 'read', from: since })).cases.nodes;
    const byCaseworker = sawClaimant.filter((r) => r.actor === 'caseworker-carl');
    expect(byCaseworker).toEqual([
      expect.objectContaining({
        kind: 'read',
        roles: ['caseworker'],
        organisationId: null,
        actingFor: [],
        operation: 'query case',
        recordType: 'case',
        recordIds: [caseId],
        partyIds: expect.arrayContaining([claimant, defendant]),
      }),
    ]);
    const byFirm = sawClaimant.filter((r) => r.actor === 'solicitor-audrey');
    expect(byFirm).toEqual([
      expect.objectContaining({
        kind: 'read',
        roles: ['professional'],
        organisationId: 'org-audited',
        // The firm acts for the claimant it represents, not for the other side it can also see.
        actingFor: [claimant],
        operation: 'GET /api/v1/cases/:idOrReference',
        recordIds: [caseId],
      }),
    ]);
    expect(byFirm[0].correlationId).toEqual(expect.any(String));

    // Everything the approver did: the one approval, with its refund and its event.
    const approvals = (await trail({ actor: 'team-leader-tara' })).payments.nodes;
    expect(approvals).toEqual([
      {
        kind: 'change',
        actor: 'team-leader-tara',
        roles: ['team-leader'],
        operation: 'POST /api/v1/payments/refunds/:id/decision',
        recordType: 'change',
        recordIds: expect.arrayContaining([refundId]),
        events: expect.arrayContaining(['payments.refund-status-changed.v2']),
      },
    ]);

    // The database refuses to edit or remove the trail, whatever the application does.
    const payments = platform.services.payments!.app.get(DataSource);
    await expect(payments.query(`UPDATE audit_trail SET actor = 'nobody'`)).rejects.toThrow(/append-only/);
    await expect(payments.query(`DELETE FROM audit_trail`)).rejects.toThrow(/append-only/);

    // The same question as CSV, for the auditor alone.
    const csv = await fetch(`${platform.gatewayUrl}/api/v1/payments/audit-trail?actor=team-leader-tara`, {
      headers: { authorization: tokens.auditor },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(refundId);
    for (const who of [tokens.caseworker, tokens.approver, tokens.solicitor]) {
      const refused = await fetch(`${platform.gatewayUrl}/api/v1/payments/audit-trail`, {
        headers: { authorization: who },
      });
      expect(refused.status).toBe(403);
      const { body } = await sendGraphQL(platform.gatewayUrl, TRAIL, { filter: {} }, who);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a question it cannot answer with a clear error, not a failure', async () => {
    const { body } = await sendGraphQL(
      platform.gatewayUrl,
      TRAIL,
      { filter: { from: '2026-12-04T00:00:00Z', to: '2026-12-03T00:00:00Z' } },
      tokens.auditor,
    );
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    // A cursor this API never issued (its id no uuid) is bad input too, not a database error.
    const forged = Buffer.from(JSON.stringify(['2026-12-03T00:00:00.000Z', 'not-a-uuid'])).toString('base64url');
    const paged = await sendGraphQL(platform.gatewayUrl, TRAIL, { filter: {}, after: forged }, tokens.auditor);
    expect(paged.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    const csv = await fetch(`${platform.gatewayUrl}/api/v1/cases/audit-trail?from=yesterday`, {
      headers: { authorization: tokens.auditor },
    });
    expect(csv.status).toBe(400);
    expect(csv.headers.get('content-type')).toMatch(/problem\+json/);
  });
});
