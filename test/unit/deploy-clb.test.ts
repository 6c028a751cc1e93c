import { describe, expect, it } from 'vitest';
import {
  clbEndpoint,
  clbListener,
  readDomainExtensions,
  readListener,
  readServerCertificates,
} from '../../src/deploy/clb.js';
import { deployTargetEntry } from '../../src/deploy/registry.js';

describe('CLB target: pure parts', () => {
  const rule = deployTargetEntry('clb')?.resources;

  it('takes lb-…:port[@region][ sni] lines and names every bad one', () => {
    expect(rule?.('lb-abc1:443@cn-hangzhou\nlb-abc1:8443 sni')).toEqual({
      resources: ['lb-abc1:443@cn-hangzhou', 'lb-abc1:8443 sni'],
      problems: [],
    });
    expect(rule?.('lb-abc1\nlb-abc1:70000\nlsn-1:443\nlb-abc1:443@hangzhou').problems).toEqual([
      "'lb-abc1' is not a CLB listener, its load balancer id and port (lb-…:443) (as in clb: lb-xxxx:443@cn-hangzhou)",
      "'lb-abc1:70000' is not a CLB listener, its load balancer id and port (lb-…:443) (as in clb: lb-xxxx:443@cn-hangzhou)",
      "'lsn-1:443' is not a CLB listener, its load balancer id and port (lb-…:443) (as in clb: lb-xxxx:443@cn-hangzhou)",
      "'lb-abc1:443@hangzhou' names region 'hangzhou', which is not a region id (as in clb: lb-xxxx:443@cn-hangzhou)",
    ]);
  });

  it('reads a line into load balancer, port, region (the region input when none) and sni', () => {
    expect(clbListener('lb-1:443@cn-shanghai sni', 'cn-hangzhou')).toEqual({
      loadBalancerId: 'lb-1',
      port: 443,
      region: 'cn-shanghai',
      sni: true,
    });
    expect(clbListener('lb-1:80', 'cn-beijing')).toMatchObject({ region: 'cn-beijing', sni: false });
  });

  it('sends a region to the shared endpoint where the SDK does, else to its own', () => {
    expect(clbEndpoint('cn-hangzhou')).toBe('https://slb.aliyuncs.com');
    expect(clbEndpoint('ap-southeast-1')).toBe('https://slb.aliyuncs.com');
    expect(clbEndpoint('cn-chengdu')).toBe('https://slb.cn-chengdu.aliyuncs.com');
  });

  it("reads SLB's server certificates: the CAS id only of one made from CAS, names from SANs and CN", () => {
    expect(
      readServerCertificates({
        ServerCertificates: {
          ServerCertificate: [
            {
              ServerCertificateId: '123_ab_1_2',
              IsAliCloudCertificate: 1,
              AliCloudCertificateId: '775',
              CommonName: 'Shop.example.com',
              SubjectAlternativeNames: { SubjectAlternativeName: ['shop.example.com', '*.shop.example.com'] },
            },
            { ServerCertificateId: '123_ab_1_3', IsAliCloudCertificate: 0, AliCloudCertificateId: '' },
            { IsAliCloudCertificate: 1 },
          ],
        },
      }),
    ).toEqual([
      { serverCertificateId: '123_ab_1_2', casId: '775', names: ['shop.example.com', '*.shop.example.com'] },
      { serverCertificateId: '123_ab_1_3', names: [] },
    ]);
    expect(readServerCertificates({})).toEqual([]);
  });

  it('reads domain extensions, and what a listener status means', () => {
    expect(
      readDomainExtensions({
        DomainExtensions: {
          DomainExtension: [{ DomainExtensionId: 'de-1', Domain: 'a.example.com', ServerCertificateId: 's' }],
        },
      }),
    ).toEqual([{ domainExtensionId: 'de-1', domain: 'a.example.com', serverCertificateId: 's' }]);
    expect(readListener('running')).toEqual({ inEffect: true, settling: false });
    expect(readListener('configuring')).toEqual({ inEffect: false, settling: true });
    expect(readListener('stopped')).toMatchObject({
      inEffect: false,
      settling: false,
      failure: /listener stopped/,
    });
  });
});
