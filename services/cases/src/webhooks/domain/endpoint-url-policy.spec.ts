import { endpointUrlProblem, isAllowedAddress } from './endpoint-url-policy';

const production = { allowLoopback: false };
const tests = { allowLoopback: true };

describe('webhook endpoint URL policy', () => {
  it('accepts public https URLs', () => {
    expect(endpointUrlProblem('https://hooks.example-solicitors.co.uk/ccsc?firm=1', production)).toBeUndefined();
    expect(endpointUrlProblem('https://93.184.216.34:8443/hook', production)).toBeUndefined();
  });

  it.each([
    ['not a url', 'must be an absolute URL'],
    ['http://hooks.example.com/', 'must use https'],
    ['ftp://hooks.example.com/', 'must use https'],
    ['https://user:pass@hooks.example.com/', 'must not carry a user name or password'],
    ['https://hooks.example.com/#x', 'must not have a fragment'],
    ['https://10.1.2.3/', 'must not be a private or reserved address'],
    ['https://192.168.0.1/', 'must not be a private or reserved address'],
    ['https://172.20.0.1/', 'must not be a private or reserved address'],
    ['https://169.254.169.254/latest/meta-data', 'must not be a private or reserved address'],
    ['https://100.64.0.1/', 'must not be a private or reserved address'],
    ['https://0.0.0.0/', 'must not be a private or reserved address'],
    ['https://2130706433/', 'must not be a private or reserved address'],
    ['https://0x7f.1/', 'must not be a private or reserved address'],
    ['https://[::1]/', 'must not be a private or reserved address'],
    ['https://[fe80::1]/', 'must not be a private or reserved address'],
    ['https://[fd00::1]/', 'must not be a private or reserved address'],
    ['https://[::ffff:127.0.0.1]/', 'must not be a private or reserved address'],
    ['https://[::ffff:a9fe:a9fe]/', 'must not be a private or reserved address'],
    ['https://localhost/', 'must be a public host name'],
    ['https://api.localhost/', 'must be a public host name'],
    ['https://intranet/', 'must be a public host name'],
    ['https://printer.local/', 'must be a public host name'],
    ['https://metadata.google.internal/', 'must be a public host name'],
    [`https://hooks.example.com/${'a'.repeat(2000)}`, 'must be at most 2000 characters'],
  ])('refuses %s', (url, problem) => {
    expect(endpointUrlProblem(url, production)).toBe(problem);
  });

  it('lets tests and development use this machine over http only when the setting says so', () => {
    for (const url of ['http://127.0.0.1:4010/hook', 'http://localhost:4010/hook', 'http://[::1]:4010/hook']) {
      expect(endpointUrlProblem(url, tests)).toBeUndefined();
      expect(endpointUrlProblem(url, production)).toBeDefined();
    }
    // The setting opens this machine only, never the rest of the private network.
    expect(endpointUrlProblem('http://10.0.0.1/hook', tests)).toBe('must use https');
    expect(endpointUrlProblem('https://10.0.0.1/hook', tests)).toBe('must not be a private or reserved address');
  });

  it('checks resolved addresses the same way', () => {
    expect(isAllowedAddress('93.184.216.34', production)).toBe(true);
    expect(isAllowedAddress('2606:2800:220:1:248:1893:25c8:1946', production)).toBe(true);
    expect(isAllowedAddress('127.0.0.1', production)).toBe(false);
    expect(isAllowedAddress('127.0.0.1', tests)).toBe(true);
    expect(isAllowedAddress('::ffff:7f00:1', tests)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', tests)).toBe(false);
    expect(isAllowedAddress('not-an-address', production)).toBe(false);
  });
});
