// The FC 3.0 target's pure parts (src/deploy/fc.ts, src/deploy/resources.ts fcCustomDomains): how a line is read,
// the endpoint of a region, what GetCustomDomain's answer means.
import { describe, expect, it } from 'vitest';
import { fcEndpoint, nextProtocol, readDomain, readServing } from '../../src/deploy/fc.js';
import { fcCustomDomains, parseFcDomain } from '../../src/deploy/resources.js';

describe('fc: lines', () => {
  it('reads a domain, its region and the https ask', () => {
    expect(parseFcDomain('API.example.com@cn-shanghai https')).toEqual({
      domain: 'api.example.com',
      region: 'cn-shanghai',
      https: true,
    });
    expect(parseFcDomain('*.example.com')).toEqual({ domain: '*.example.com', https: false });
    expect(fcCustomDomains('api.example.com\n*.example.com@cn-hangzhou HTTPS').problems).toEqual([]);
  });

  it('names each line that is not a custom domain, in one sentence', () => {
    expect(fcCustomDomains('api.example.com sni').problems).toEqual([
      "'api.example.com sni': a Function Compute custom domain holds one certificate; remove ' sni'",
    ]);
    expect(fcCustomDomains('api.example.com https now').problems[0]).toBe(
      "'api.example.com https now' is not a custom domain followed at most by https (as in fc: api.example.com@cn-hangzhou https)",
    );
    expect(fcCustomDomains('https://api.example.com').problems[0]).toContain('is a URL, not a domain name');
    expect(fcCustomDomains('api.example.com@Hangzhou').problems).toEqual([
      "'api.example.com@Hangzhou' names region 'Hangzhou', which is not a region id (as in fc: api.example.com@cn-hangzhou https)",
    ]);
  });
});

describe('the FC endpoint of a region', () => {
  it('is fcv3.<region>, but <region>.fc for the regions the endpoint list says so', () => {
    expect(fcEndpoint('cn-hangzhou')).toBe('https://fcv3.cn-hangzhou.aliyuncs.com');
    expect(fcEndpoint('ap-southeast-1')).toBe('https://fcv3.ap-southeast-1.aliyuncs.com');
    expect(fcEndpoint('me-central-1')).toBe('https://me-central-1.fc.aliyuncs.com');
  });
});

describe('what a custom domain serves', () => {
  const pem = '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n';

  it('reads the SDK fields, the key never among them', () => {
    expect(
      readDomain({
        protocol: 'HTTP,HTTPS',
        certConfig: { certName: 'cas-12', certificate: pem },
        tlsConfig: { minVersion: 'TLSv1.2' },
        routeConfig: {},
      }),
    ).toEqual({
      protocol: 'HTTP,HTTPS',
      certName: 'cas-12',
      certificatePem: pem,
      tlsConfig: { minVersion: 'TLSv1.2' },
    });
    expect(readDomain({})).toEqual({ protocol: 'HTTP' });
  });

  it('is the CAS certificate only when its fingerprint matched, served with HTTPS on', () => {
    const domain = { protocol: 'HTTP,HTTPS', certName: 'cas-12', certificatePem: pem };
    expect(readServing(domain, '12', false)).toEqual({
      certId: '12',
      inEffect: true,
      settling: false,
      held: true,
      summary: 'certificate 12, protocol HTTP,HTTPS',
    });
    expect(readServing(domain, undefined, false)).toMatchObject({
      inEffect: true,
      held: false,
      summary: 'a certificate that is no CAS certificate (cas-12), protocol HTTP,HTTPS',
    });
    expect(readServing(domain, undefined, false).certId).toBeUndefined();
  });

  it('fails an HTTP-only domain whose line does not ask for HTTPS, and waits for one that does', () => {
    const http = { protocol: 'HTTP' };
    expect(readServing(http, undefined, false)).toMatchObject({
      inEffect: false,
      failure: "protocol HTTP only: add ' https' to its deploy line to turn HTTPS on",
    });
    expect(readServing(http, undefined, true).failure).toBeUndefined();
  });

  it('turns HTTPS on only where asked and off nowhere', () => {
    expect(nextProtocol('HTTP', true)).toBe('HTTP,HTTPS');
    expect(nextProtocol('HTTP', false)).toBe('HTTP');
    expect(nextProtocol('HTTPS', true)).toBe('HTTPS');
    expect(nextProtocol('HTTP,HTTPS', false)).toBe('HTTP,HTTPS');
  });
});
