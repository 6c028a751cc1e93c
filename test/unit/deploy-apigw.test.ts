import { describe, expect, it } from 'vitest';
import { sharedTestCa } from '../../emulator/server.js';
import {
  apigwAddress,
  classicCertificateName,
  KEPT_DOMAIN_FIELDS,
  readClassicServing,
  readNativeServing,
  updateDomainBody,
} from '../../src/deploy/apigw.js';
import { deployTargetEntry } from '../../src/deploy/registry.js';

const GROUP = '927d50c0f2e54b359919923d908bb015';

describe('API Gateway deploy lines', () => {
  const rule = deployTargetEntry('apigw')?.resources ?? (() => ({ resources: [], problems: ['no rule'] }));

  it('takes a cloud-native domain id or a classic group and domain, each with an optional region', () => {
    expect(
      rule(
        `d-cq7l5s5lhtgi6qasrdc0@cn-shanghai\n${GROUP}/api.example.com\n${GROUP}/api.example.com@cn-beijing`,
      ),
    ).toEqual({
      resources: [
        'd-cq7l5s5lhtgi6qasrdc0@cn-shanghai',
        `${GROUP}/api.example.com`,
        `${GROUP}/api.example.com@cn-beijing`,
      ],
      problems: [],
    });
    expect(apigwAddress(`${GROUP}/API.example.com@cn-beijing`, 'cn-hangzhou')).toEqual({
      kind: 'classic',
      groupId: GROUP,
      domain: 'api.example.com',
      region: 'cn-beijing',
    });
    expect(apigwAddress('d-abc', 'cn-hangzhou')).toEqual({
      kind: 'native',
      domainId: 'd-abc',
      region: 'cn-hangzhou',
    });
  });

  it('names the line and both shapes; takes no sni and no wildcard domain', () => {
    const shapes =
      'a cloud-native API Gateway domain id (d-…) or a classic API group and its custom domain (<groupId>/<domain>)';
    expect(rule('api.example.com').problems).toEqual([
      `'api.example.com' is not ${shapes} (as in apigw: d-xxxx@cn-hangzhou, or apigw: <32-hex group id>/api.example.com@cn-hangzhou)`,
    ]);
    expect(rule(`${GROUP}/*.example.com`).problems[0]).toContain('is not a cloud-native');
    expect(rule('d-abc sni').problems).toEqual([
      "'d-abc sni': this product takes no extension (SNI) certificates; remove ' sni'",
    ]);
  });
});

describe('API Gateway answers', () => {
  it('a classic domain serves the CAS certificate its copy is named for only when the body is that copy', async () => {
    const ca = await sharedTestCa();
    const leaf = await ca.issueLeaf({ names: ['api.example.com'], recycleKey: true });
    const other = await ca.issueLeaf({ names: ['api.example.com'], recycleKey: true });
    const name = classicCertificateName('77', leaf.certificatePem);
    expect(name).toMatch(/^cas-77-[0-9a-f]{12}$/);
    expect(readClassicServing({ CertificateName: name, CertificateBody: leaf.certificatePem })).toMatchObject(
      {
        certId: '77',
        inEffect: true,
        held: true,
        summary: 'certificate 77',
      },
    );
    // The same name over another body (uploaded by hand): not ours.
    const foreign = readClassicServing({ CertificateName: name, CertificateBody: other.certificatePem });
    expect(foreign.certId).toBeUndefined();
    expect(foreign).toMatchObject({ inEffect: false, held: false });
    expect(readClassicServing({ DomainCNAMEStatus: 'UNRESOLVED' }).summary).toBe(
      'no certificate, CNAME UNRESOLVED',
    );
  });

  it('a cloud-native domain: its CAS identifier as the CAS id; an HTTP domain serves none', () => {
    expect(
      readNativeServing({ certIdentifier: '88-cn-hangzhou', protocol: 'HTTPS' }, 'cn-hangzhou'),
    ).toMatchObject({
      certId: '88',
      inEffect: true,
    });
    const http = readNativeServing({ protocol: 'HTTP' }, 'cn-hangzhou');
    expect(http.failure).toBe('its protocol is HTTP, not HTTPS: it serves no certificate');
    expect(http.inEffect).toBe(false);
  });

  it('UpdateDomain sends back every TLS field GetDomain read, and nothing it did not', () => {
    const read = {
      domainId: 'd-1',
      name: 'gw.example.com',
      protocol: 'HTTPS',
      forceHttps: true,
      mTLSEnabled: false,
      http2Option: 'Open',
      tlsMin: 'TLS 1.2',
      tlsMax: 'TLS 1.3',
      tlsCipherSuitesConfig: {
        configType: 'Custom',
        tlsCipherSuite: [{ name: 'ECDHE-RSA-AES128-GCM-SHA256' }],
      },
      certIdentifier: '1-cn-hangzhou',
      sans: 'gw.example.com',
    };
    expect(updateDomainBody(read, '2-cn-hangzhou')).toEqual({
      protocol: 'HTTPS',
      forceHttps: true,
      mTLSEnabled: false,
      http2Option: 'Open',
      tlsMin: 'TLS 1.2',
      tlsMax: 'TLS 1.3',
      tlsCipherSuitesConfig: read.tlsCipherSuitesConfig,
      certIdentifier: '2-cn-hangzhou',
    });
    expect(KEPT_DOMAIN_FIELDS).toContain('clientCACert');
  });
});
