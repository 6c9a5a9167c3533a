// Jest setup of the integration and e2e projects: every answer a server under test gives is checked against
// its OpenAPI document (libs/testing/src/contract), and a test fails naming each answer that does not match.
// A service app of an integration test is held to its part of /api/docs, merged as the gateway merges it;
// the e2e platform's gateway to the whole of /api/docs (e2e/platform.ts).
import { checkResponseContractAfterEachTest, checkServiceResponsesWith } from '@ccsc/testing';
import { MergedOpenApi } from '../../gateway/src/openapi';

checkServiceResponsesWith(async (serviceUrl) => {
  const document = await new MergedOpenApi({ service: serviceUrl }).document();
  if ((document.info as unknown as Record<string, unknown>)['x-unavailable-services'])
    throw new Error(`The service under test did not serve its OpenAPI document at ${serviceUrl}`);
  return document as unknown as Record<string, unknown>;
});
checkResponseContractAfterEachTest();
