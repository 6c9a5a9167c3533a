import type { Loose } from './graphql-client';

type Gql = (query: string, variables: Record<string, unknown>, who: string) => Promise<Loose>;

export interface Imposition {
  kind: string;
  amountPence: number;
  creditor: string;
}

/**
 * A criminal prosecution listed and resulted with impositions, through the cases API: what opens a
 * fine account in enforcement.
 */
export async function resultedCriminalCase(
  gql: Gql,
  who: { caseworker: string; judge: string },
  impositions: Imposition[],
): Promise<{ caseId: string; defendant: string }> {
  const created = await gql(
    'mutation($i: CreateCaseInput!) { createCase(input: $i) { id parties { id role } } }',
    {
      i: {
        caseType: 'criminal-prosecution',
        parties: [
          { role: 'applicant', kind: 'organisation', name: 'Crown Prosecution Service' },
          { role: 'defendant', kind: 'person', name: 'Jo Bloggs' },
        ],
      },
    },
    who.caseworker,
  );
  const caseId: string = created.createCase.id;
  const defendant = created.createCase.parties.find((p: { role: string }) => p.role === 'defendant').id as string;
  await gql(
    'mutation($i: TriggerCaseEventInput!) { triggerCaseEvent(input: $i) { state } }',
    { i: { caseId, event: 'list' } },
    who.caseworker,
  );
  await gql(
    'mutation($i: RecordResultInput!) { recordCaseResult(input: $i) { id } }',
    { i: { caseId, defendantPartyId: defendant, outcome: 'Guilty plea: fined', impositions } },
    who.judge,
  );
  return { caseId, defendant };
}
