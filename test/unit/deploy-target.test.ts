// The CDN target's rules, apart from the engine: the wildcard domain's name, coverage, and what each answer of
// DescribeDomainCertificateInfo means (docs/deploy.md, "Statuses"); the resource rule config reads.

import { describe, expect, it } from 'vitest';
import type { RpcClient } from '../../src/aliyun/rpc.js';
import { createCdnTarget } from '../../src/deploy/cdn.js';
import { createDcdnTarget } from '../../src/deploy/dcdn.js';
import { acceleratedDomains } from '../../src/deploy/resources.js';
import type { CasCertificateSetting, CdnCertificateInfo, CdnService } from '../../src/services/cdn.js';

function fakeService(answer: Partial<CdnCertificateInfo> | undefined) {
  const asked: string[] = [];
  const set: CasCertificateSetting[] = [];
  const service: CdnService = {
    describeDomainCertificate: async (domainName) => {
      asked.push(domainName);
      return answer && { domainName, ...answer };
    },
    setDomainCertificate: async (setting) => void set.push(setting),
  };
  return { service, asked, set };
}

const options = { certRegion: 'ap-southeast-1', region: 'ap-southeast-1' };
// The CDN and DCDN targets call through their services only: the RPC client is for the other products' targets.
const rpcUnused = { client: {} as RpcClient, endpointOverride: () => undefined };
const cdnWith = (answer: Partial<CdnCertificateInfo> | undefined) => {
  const fake = fakeService(answer);
  return {
    ...fake,
    target: createCdnTarget(
      { cdn: fake.service, dcdn: fakeService(undefined).service, ...rpcUnused },
      options,
    ),
  };
};

describe('the CDN target', () => {
  it('names a wildcard domain .example.com at the service, and sets with CertRegion', async () => {
    const { target, asked, set } = cdnWith({ certId: '1', status: 'success' });
    await target.serving('*.example.com');
    await target.set('*.example.com', '42');
    await target.serving('static.example.com');
    expect(asked).toEqual(['.example.com', 'static.example.com']);
    expect(set).toEqual([{ domainName: '.example.com', certId: '42', certRegion: 'ap-southeast-1' }]);
    expect(target.describe('static.example.com')).toBe('CDN domain static.example.com');
    expect(target.input).toBe('cdn-domains');
  });

  it('covers a wildcard domain, either spelling, only with the wildcard name', () => {
    const { target } = cdnWith(undefined);
    expect(target.covers(['*.example.com'], '.example.com')).toBe(true);
    expect(target.covers(['*.example.com'], '*.example.com')).toBe(true);
    expect(target.covers(['*.example.com'], 'a.example.com')).toBe(true);
    expect(target.covers(['example.com'], '.example.com')).toBe(false);
    expect(target.covers(['a.example.com'], 'b.example.com')).toBe(false);
  });

  it('reads success with HTTPS on as in effect; HTTPS off is neither in effect nor settling', async () => {
    expect(
      await cdnWith({ certId: '7', status: 'success', httpsStatus: 'on', certType: 'cas' }).target.serving(
        'a.example.com',
      ),
    ).toEqual({
      certId: '7',
      inEffect: true,
      settling: false,
      held: true,
      summary: 'certificate 7, success',
    });
    expect(
      await cdnWith({ certId: '7', status: 'success', httpsStatus: 'off' }).target.serving('a.example.com'),
    ).toMatchObject({
      inEffect: false,
      settling: false,
      summary: 'certificate 7, success, HTTPS off',
    });
  });

  it('waits out checking, applying, no status and an unknown status; fails at once on a failure status', async () => {
    for (const status of ['checking', 'applying', undefined, 'something_new']) {
      const serving = await cdnWith({ certId: '7', status }).target.serving('a.example.com');
      expect(serving).toMatchObject({ inEffect: false, settling: true });
      expect(serving.failure).toBeUndefined();
    }
    expect(await cdnWith({ status: 'cname_error' }).target.serving('a.example.com')).toMatchObject({
      settling: false,
      failure: 'cname_error: no valid CNAME record points the domain at the CDN',
      summary: 'no certificate, cname_error',
    });
  });

  it("the product's own free certificate is not held at the service; an unknown domain is the product's code", async () => {
    expect((await cdnWith({ certId: '9', certType: 'free' }).target.serving('a.example.com')).held).toBe(
      false,
    );
    expect((await cdnWith(undefined).target.serving('a.example.com')).summary).toBe('no certificate');
    const { target } = cdnWith(undefined);
    expect(target.isMissing('InvalidDomain.NotFound')).toBe(true);
    expect(target.isMissing('DomainNotFound')).toBe(true);
    expect(target.isMissing('Throttling')).toBe(false);
  });
});

describe('the DCDN target', () => {
  it('has CDN’s rules under its own name and input, on its own service', async () => {
    const dcdn = fakeService({ certId: '3', status: 'success' });
    const target = createDcdnTarget(
      { cdn: fakeService(undefined).service, dcdn: dcdn.service, ...rpcUnused },
      options,
    );
    expect((await target.serving('*.example.net')).inEffect).toBe(true);
    expect(dcdn.asked).toEqual(['.example.net']);
    expect([target.label, target.input, target.endpointInput]).toEqual([
      'DCDN',
      'dcdn-domains',
      'dcdn-endpoint',
    ]);
  });
});

describe('accelerated domains as written', () => {
  it('keeps *.example.com and .example.com as given, and names each bad one', () => {
    expect(acceleratedDomains('*.Example.com, .example.org\nstatic.example.com')).toEqual({
      resources: ['*.example.com', '.example.org', 'static.example.com'],
      problems: [],
    });
    expect(acceleratedDomains('bad..example.com').problems).toHaveLength(1);
  });
});
