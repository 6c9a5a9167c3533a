import { assertNoViolations, checkRestContract } from '../tools/contract/check-contract';
import { fetchOpenApi } from '../tools/contract/current-openapi';
import { RunningPlatform, startTestPlatform } from './platform';

// The REST half of the contract check: /api/docs as the gateway merges it, against the released document.
describe('the REST contract', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.stop());

  it('breaks nothing released, except what contracts/breaking-changes.json lists after its deprecation', async () => {
    assertNoViolations(checkRestContract(await fetchOpenApi(platform.gatewayUrl)));
  });
});
