import { isGraphQLPath, isOperationsPath, isThirdPartyCallback, normalisedPath } from './request-path';

describe('request paths', () => {
  it('spells a path the one way routing does not distinguish', () => {
    expect(normalisedPath('/GraphQL/?x=1')).toBe('/graphql');
    expect(normalisedPath('//graphql//')).toBe('/graphql');
    expect(normalisedPath('/%67raphql#top')).toBe('/graphql');
    expect(normalisedPath('http://subgraph:4101/graphql?query={__typename}')).toBe('/graphql');
    expect(normalisedPath('/bad%zzpath')).toBe('/bad%zzpath');
    expect(normalisedPath('')).toBe('/');
  });

  it('takes every spelling of GraphQL and what is mounted beneath it for GraphQL, and nothing else', () => {
    for (const url of [
      '/graphql',
      '/graphql/',
      '/GRAPHQL',
      '/graphql?x',
      '/Graphql/?x=1',
      '//graphql',
      '/graphql/anything',
      'http://host/graphql',
    ]) {
      expect({ url, graphql: isGraphQLPath(url) }).toEqual({ url, graphql: true });
    }
    for (const url of ['/graphqlx', '/api/v1/cases/graphql', '/health/live', '/']) {
      expect({ url, graphql: isGraphQLPath(url) }).toEqual({ url, graphql: false });
    }
  });

  it('knows the health and metrics paths', () => {
    expect(['/health/live', '/health/ready/', '/HEALTH/READY', '/metrics', '/metrics?x'].every(isOperationsPath)).toBe(
      true,
    );
    expect(['/healthy', '/metricsx', '/graphql', '/api/v1/metrics'].some(isOperationsPath)).toBe(false);
  });

  it("knows the third parties' callbacks, as POSTs only, however the path is spelt", () => {
    for (const url of [
      '/api/v1/payments/card-callbacks',
      '/API/v1/payments/card-callbacks/',
      '/api/v1/cases/correspondence/delivery-receipts?x=1',
      '/api/v1/queries/correspondence/delivery-receipts',
      '/api/v1/complaints/correspondence/delivery-receipts',
    ]) {
      expect({ url, callback: isThirdPartyCallback('POST', url) }).toEqual({ url, callback: true });
    }
    expect(isThirdPartyCallback('GET', '/api/v1/payments/card-callbacks')).toBe(false);
    for (const url of [
      '/api/v1/cases/correspondence/delivery-receipts/x',
      '/api/v1/cases/correspondence',
      '/api/v1/queries/correspondence',
      '/api/v1/complaints/correspondence',
      '/graphql',
    ]) {
      expect({ url, callback: isThirdPartyCallback('POST', url) }).toEqual({ url, callback: false });
    }
  });

  it('matches the callbacks as Express routes them: an encoded slash or letter is not the callback', () => {
    for (const url of [
      '/api/v1/cases/correspondence%2Fdelivery-receipts',
      '/api/v1/cases/correspondence%2fdelivery-receipts',
      '/api/v1/cases/correspondence%5Cdelivery-receipts',
      '/api/v1/payments%2Fcard-callbacks',
      '/api/v1/cases/correspondence/%64elivery-receipts',
      '/api/v1/payments/card-callbacks//',
      'http://gateway/api/v1/cases%2Fcorrespondence/delivery-receipts',
    ]) {
      expect({ url, callback: isThirdPartyCallback('POST', url) }).toEqual({ url, callback: false });
    }
    expect(isThirdPartyCallback('POST', 'http://gateway/api/v1/payments/card-callbacks')).toBe(true);
    // Other checks still judge the decoded path: /graphql spelt with an escape is still /graphql.
    expect(isGraphQLPath('/%67raphql')).toBe(true);
  });
});
