import { readListedChanges } from './contract/breaking-changes';
import { assertNoViolations, checkGraphQLContract } from './contract/check-contract';

// The GraphQL half of the contract check (the REST half needs the gateway: e2e/api-contract.e2e-spec.ts).
// gateway/supergraph.graphql is what `npm run compose` wrote (compose:check runs before jest in npm test).
describe('the GraphQL contract', () => {
  it('lists its breaking changes well-formed, each with its reason and deprecation', () => {
    expect(() => readListedChanges()).not.toThrow();
  });

  it('breaks nothing released, except what contracts/breaking-changes.json lists after its deprecation', async () => {
    const { violations, dangerous } = await checkGraphQLContract();
    if (dangerous.length)
      console.warn(`Dangerous (not breaking) changes:\n${dangerous.map((d) => `  - ${d}`).join('\n')}`);
    assertNoViolations(violations);
  });
});
