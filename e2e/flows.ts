import type { ImpositionInput } from './generated/graphql/graphql';
import { graphql, graphqlData } from './graphql-client';

export type Imposition = ImpositionInput;

const OPEN_PROSECUTION = graphql(`
  mutation FlowOpenProsecution($i: CreateCaseInput!) {
    createCase(input: $i) {
      id
      parties {
        id
        role
      }
    }
  }
`);
const LIST = graphql(`
  mutation FlowList($i: TriggerCaseEventInput!) {
    triggerCaseEvent(input: $i) {
      state
    }
  }
`);
const RESULT = graphql(`
  mutation FlowResult($i: RecordResultInput!) {
    recordCaseResult(input: $i) {
      id
    }
  }
`);

/**
 * A criminal prosecution listed and resulted with impositions, through the cases API of the gateway at
 * `gatewayUrl`: what opens a fine account in enforcement.
 */
export async function resultedCriminalCase(
  gatewayUrl: string,
  who: { caseworker: string; judge: string },
  impositions: Imposition[],
): Promise<{ caseId: string; defendant: string }> {
  const created = await graphqlData(
    gatewayUrl,
    OPEN_PROSECUTION,
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
  const caseId = created.createCase.id;
  const defendant = created.createCase.parties.find((p) => p.role === 'defendant')?.id;
  if (!defendant) throw new Error(`The prosecution ${caseId} was opened without its defendant`);
  await graphqlData(gatewayUrl, LIST, { i: { caseId, event: 'list' } }, who.caseworker);
  await graphqlData(
    gatewayUrl,
    RESULT,
    { i: { caseId, defendantPartyId: defendant, outcome: 'Guilty plea: fined', impositions } },
    who.judge,
  );
  return { caseId, defendant };
}
