import { correspondenceRequestId, uuidV5 } from './request-id';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('gives the published test vectors', () => {
    // Python's documentation: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org').
    expect(uuidV5('python.org', DNS)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('is stable for one name and namespace, and differs for another of either', () => {
    const ns = '3f1f0a52-5a4b-4c1e-9a59-0c3f1bd2b0a1';
    expect(uuidV5('enforcement.further-steps-notice', ns)).toBe(uuidV5('enforcement.further-steps-notice', ns));
    expect(uuidV5('enforcement.default-notice', ns)).not.toBe(uuidV5('enforcement.further-steps-notice', ns));
    expect(uuidV5('enforcement.default-notice', DNS)).not.toBe(uuidV5('enforcement.default-notice', ns));
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow('namespace');
  });

  it('gives one request per event, template and party, and another for any other', () => {
    const event = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const party = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    const listed = correspondenceRequestId(event, 'cases.hearing-listed', party);
    expect(correspondenceRequestId(event, 'cases.hearing-listed', party)).toBe(listed);
    expect(correspondenceRequestId(event, 'cases.hearing-vacated', party)).not.toBe(listed);
    expect(correspondenceRequestId(event, 'cases.hearing-listed')).not.toBe(listed);
    expect(correspondenceRequestId(event, 'enforcement.default-notice')).toBe(
      uuidV5('enforcement.default-notice', event),
    );
    expect(listed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
  });
});
