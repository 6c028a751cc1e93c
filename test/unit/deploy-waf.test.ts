import { describe, expect, it } from 'vitest';
import { wafResources } from '../../src/deploy/resources.js';
import {
  domainWrite,
  readDomainDetail,
  readDomainServing,
  readPortDetails,
  readPortServing,
  wafAddress,
} from '../../src/deploy/waf.js';

describe('waf: lines', () => {
  it('takes a CNAME-access domain or a cloud resource port, each with an optional WAF region', () => {
    const read = wafResources(
      'www.example.com\n*.example.com@ap-southeast-1\nlb-abc:443\nnlb-x1:8443@cn-hangzhou sni\ni-bp1:443',
    );
    expect(read.problems).toEqual([]);
    expect(read.resources).toHaveLength(5);
  });

  it('names each bad line: the shape, a region WAF 3.0 has no instance in, sni on a domain', () => {
    expect(
      wafResources('lb-abc:99999\nwww.example.com@cn-shanghai\nwww.example.com sni\nexa mple.com\nalb-1:443')
        .problems,
    ).toEqual([
      expect.stringMatching(/^'lb-abc:99999' is not a WAF CNAME-access domain or a cloud resource's port/),
      "'www.example.com@cn-shanghai' names region 'cn-shanghai', where WAF 3.0 has no instance (cn-hangzhou or ap-southeast-1: the Chinese mainland, or outside it)",
      "'www.example.com sni': a CNAME-access domain serves one certificate; remove ' sni' (extension certificates are a cloud resource's port's)",
      expect.stringMatching(/^'exa mple\.com' is not a WAF CNAME-access domain/),
      expect.stringMatching(/^'alb-1:443' is not a WAF CNAME-access domain/),
    ]);
  });

  it('reads the address: the WAF region defaults to the certificate site', () => {
    expect(wafAddress('WWW.example.com', 'cn-hangzhou')).toEqual({
      kind: 'domain',
      domain: 'www.example.com',
      region: 'cn-hangzhou',
      sni: false,
    });
    expect(wafAddress('lb-1:443@ap-southeast-1 sni', 'cn-hangzhou')).toEqual({
      kind: 'port',
      resourceInstanceId: 'lb-1',
      port: 443,
      region: 'ap-southeast-1',
      sni: true,
    });
  });
});

describe('WAF answers', () => {
  const detail = readDomainDetail({
    Domain: 'www.example.com',
    Status: 1,
    Listen: { CertId: '5-cn-hangzhou', HttpsPorts: [443, 8443], Http2Enabled: true, TLSVersion: 'tlsv1.2' },
    Redirect: {
      Backends: [{ Backend: '10.0.0.1' }, { Backend: 'origin.example.com' }],
      BackupBackends: [{ Backend: '10.0.0.9' }],
      BackendList: ['10.0.0.1', 'origin.example.com'],
      Loadbalance: 'roundRobin',
      ReadTimeout: 30,
      RequestHeaders: [{ Key: 'x-a', Value: 'b' }],
    },
  });

  it('ModifyDomain gets every field as read, the new CertId, and the backends as strings', () => {
    if (!detail) throw new Error('no detail');
    const sent = domainWrite(detail, '9-cn-hangzhou');
    expect(JSON.parse(sent.Listen)).toEqual({
      CertId: '9-cn-hangzhou',
      HttpsPorts: [443, 8443],
      Http2Enabled: true,
      TLSVersion: 'tlsv1.2',
    });
    expect(JSON.parse(sent.Redirect)).toEqual({
      Backends: ['10.0.0.1', 'origin.example.com'],
      BackupBackends: ['10.0.0.9'],
      Loadbalance: 'roundRobin',
      ReadTimeout: 30,
      RequestHeaders: [{ Key: 'x-a', Value: 'b' }],
    });
  });

  it('a domain: its CertId as a CAS id, in effect at Status 1, settling at 3, failing at 5 or without HTTPS', () => {
    if (!detail) throw new Error('no detail');
    expect(readDomainServing(detail, 'cn-hangzhou')).toMatchObject({ certId: '5', inEffect: true });
    expect(readDomainServing({ ...detail, status: 3 }, 'cn-hangzhou')).toMatchObject({
      inEffect: false,
      settling: true,
    });
    expect(readDomainServing({ ...detail, status: 5 }, 'cn-hangzhou').failure).toBe(
      'Status 5 (forwarding disabled)',
    );
    expect(
      readDomainServing({ ...detail, listen: { CertId: '5-cn-hangzhou', HttpsPorts: [] } }, 'cn-hangzhou')
        .failure,
    ).toMatch(/no HTTPS port/);
    expect(readDomainDetail({ RequestId: 'x' })).toBeUndefined();
  });

  it('a port: the default certificate, and on an sni line the extensions', () => {
    const [port] = readPortDetails({
      AccessPortDetails: [
        {
          CloudResourceId: 'lb-1-443-clb7',
          Port: 443,
          Protocol: 'https',
          Status: 1,
          Certificates: [
            { AppliedType: 'default', CertificateId: '1-cn-hangzhou' },
            { AppliedType: 'extension', CertificateId: '2-cn-hangzhou' },
          ],
        },
      ],
    });
    if (!port) throw new Error('no port');
    expect(readPortServing(port, 'cn-hangzhou', true)).toMatchObject({
      certId: '1',
      extensions: ['2'],
      inEffect: true,
      summary: 'certificate 1, normal, extensions 2',
    });
    expect(readPortServing({ ...port, protocol: 'http' }, 'cn-hangzhou', false).failure).toBe(
      'an HTTP port, not HTTPS',
    );
  });
});
