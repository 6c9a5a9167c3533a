import { embeddedIpv4, endpointUrlProblem, isAllowedAddress, sameEndpointUrl } from './endpoint-url-policy';

const production = { allowLoopback: false };
const tests = { allowLoopback: true };

describe('webhook endpoint URL policy', () => {
  it('accepts public https URLs', () => {
    expect(endpointUrlProblem('https://hooks.example-solicitors.co.uk/ccsc?firm=1', production)).toBeUndefined();
    expect(endpointUrlProblem('https://93.184.216.34:8443/hook', production)).toBeUndefined();
    // 443 written out, an unprivileged port, a public name with the root's dot, public IPv4 inside IPv6.
    expect(endpointUrlProblem('https://hooks.example.com:443/hook', production)).toBeUndefined();
    expect(endpointUrlProblem('https://hooks.example.com:1024/hook', production)).toBeUndefined();
    expect(endpointUrlProblem('https://hooks.example.com./hook', production)).toBeUndefined();
    expect(endpointUrlProblem('https://[64:ff9b::808:808]/hook', production)).toBeUndefined();
    expect(endpointUrlProblem('https://[2002:808:808::1]/hook', production)).toBeUndefined();
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
    ['https://[::7f00:1]/', 'must not be a private or reserved address'],
    ['https://[::127.0.0.1]/', 'must not be a private or reserved address'],
    ['https://[::ffff:0:7f00:1]/', 'must not be a private or reserved address'],
    ['https://[64:ff9b:1::808:808]/', 'must not be a private or reserved address'],
    ['https://[64:ff9b::a00:1]/', 'must not be a private or reserved address'],
    ['https://[64:ff9b::169.254.169.254]/', 'must not be a private or reserved address'],
    ['https://[2002:a00:1::1]/', 'must not be a private or reserved address'],
    ['https://[2002:7f00:1::]/', 'must not be a private or reserved address'],
    ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'must not be a private or reserved address'],
    ['https://[fec0::1]/', 'must not be a private or reserved address'],
    ['https://[3fff::1]/', 'must not be a private or reserved address'],
    ['https://[4000::1]/', 'must not be a private or reserved address'],
    ['https://localhost./', 'must be a public host name'],
    ['https://localhost../', 'must be a public host name'],
    ['https://foo.internal./', 'must be a public host name'],
    ['https://intranet./', 'must be a public host name'],
    ['https://hooks.example.com:22/', 'must use port 443 or a port from 1024 up'],
    ['https://hooks.example.com:25/', 'must use port 443 or a port from 1024 up'],
    ['https://hooks.example.com:80/', 'must use port 443 or a port from 1024 up'],
    ['https://93.184.216.34:389/', 'must use port 443 or a port from 1024 up'],
    ['https://localhost/', 'must be a public host name'],
    ['https://api.localhost/', 'must be a public host name'],
    ['https://intranet/', 'must be a public host name'],
    ['https://printer.local/', 'must be a public host name'],
    ['https://kubernetes.default.svc/', 'must be a public host name'],
    ['https://api.ccsc.svc.cluster.local/', 'must be a public host name'],
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
    expect(isAllowedAddress('::1', tests)).toBe(true);
    expect(isAllowedAddress('::1', production)).toBe(false);
    expect(isAllowedAddress('fe80::1%eth0', production)).toBe(false);
    expect(isAllowedAddress('::ffff:8.8.8.8', production)).toBe(true);
  });

  it('finds the IPv4 address inside every IPv6 form that carries one', () => {
    expect(embeddedIpv4('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIpv4('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(embeddedIpv4('::7f00:1')).toBe('127.0.0.1');
    expect(embeddedIpv4('::ffff:0:a9fe:a9fe')).toBe('169.254.169.254');
    expect(embeddedIpv4('64:ff9b::c0a8:101')).toBe('192.168.1.1');
    expect(embeddedIpv4('2002:a00:1:1234::5')).toBe('10.0.0.1');
    expect(embeddedIpv4('2606:2800:220:1:248:1893:25c8:1946')).toBeUndefined();
    expect(embeddedIpv4('64:ff9b:1::a00:1')).toBeUndefined();
  });

  it('knows two spellings of one URL for the one-endpoint-per-URL rule', () => {
    expect(sameEndpointUrl('https://Hooks.Example.com:443/a', 'https://hooks.example.com/a')).toBe(true);
    expect(sameEndpointUrl('https://hooks.example.com./a', 'https://hooks.example.com/a')).toBe(true);
    expect(sameEndpointUrl('https://hooks.example.com/a', 'https://hooks.example.com/b')).toBe(false);
    expect(sameEndpointUrl('https://hooks.example.com:8443/a', 'https://hooks.example.com/a')).toBe(false);
  });
});
