import { X509Certificate } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './server.js';
import { servedFingerprint } from './test-helpers.js';

const require = createRequire(import.meta.url);
type Model = new (fields: object) => object;
const fcSdk = require('@alicloud/fc20230330') as Record<string, Model> & {
  default: new (config: object) => Record<string, (...args: unknown[]) => Promise<{ body: unknown }>>;
};
const openapiCore = require('@alicloud/openapi-core') as { $OpenApiUtil: { Config: Model } };
const model = (name: string, fields: object) => new (fcSdk[name] as Model)(fields);

describe('Function Compute 3.0 custom domains', () => {
  let emulator: Emulator;
  let sdk: InstanceType<typeof fcSdk.default>;
  beforeAll(async () => {
    emulator = await createEmulator({
      recycleLeafKeys: true,
      fcDomains: [
        {
          domainName: 'fc.example.com',
          tlsConfig: { minVersion: 'TLSv1.2', cipherSuites: ['TLS_AES_128_GCM_SHA256'] },
        },
        { domainName: 'other.example.com', protocol: 'HTTP' },
      ],
    });
    sdk = new fcSdk.default(
      new openapiCore.$OpenApiUtil.Config({
        accessKeyId: emulator.accessKeyId,
        accessKeySecret: emulator.accessKeySecret,
        endpoint: `127.0.0.1:${emulator.port}`,
        protocol: 'http',
      }),
    );
  });
  afterAll(() => emulator.close());

  const leaf = async (names: string[]) => {
    const issued = await emulator.ca.issueLeaf({ names, recycleKey: true });
    return {
      chain: `${issued.certificatePem}${issued.chainPem}`,
      key: issued.privateKeyPem ?? '',
      fingerprint: new X509Certificate(issued.certificatePem).fingerprint256,
    };
  };
  const update = (domain: string, body: object) =>
    sdk.updateCustomDomain?.(
      domain,
      model('UpdateCustomDomainRequest', { body: model('UpdateCustomDomainInput', body) }),
    );
  const refusal = (promise: Promise<unknown> | undefined) =>
    (promise ?? Promise.resolve()).then(
      () => ({ code: 'none' }),
      (error: { code?: string; statusCode?: number }) => error,
    );

  it('sets a certificate with HTTPS, keeps tlsConfig and routes, never gives the key back, serves it', async () => {
    const cert = await leaf(['fc.example.com']);
    const front = await emulator.served.listen('fc:fc.example.com');
    const before = await servedFingerprint(front.port, 'fc.example.com');
    expect(before).not.toBe(cert.fingerprint);
    await update('fc.example.com', {
      protocol: 'HTTP,HTTPS',
      certConfig: model('CertConfig', { certName: 'cas-1', certificate: cert.chain, privateKey: cert.key }),
    });
    const got = (await sdk.getCustomDomain?.('fc.example.com'))?.body as Record<string, unknown>;
    expect(got).toMatchObject({
      domainName: 'fc.example.com',
      protocol: 'HTTP,HTTPS',
      certConfig: { certName: 'cas-1', certificate: cert.chain },
      tlsConfig: { minVersion: 'TLSv1.2', cipherSuites: ['TLS_AES_128_GCM_SHA256'] },
      routeConfig: { routes: [{ functionName: 'web' }] },
    });
    expect(JSON.stringify(got)).not.toContain('PRIVATE KEY');
    expect(await servedFingerprint(front.port, 'fc.example.com')).toBe(cert.fingerprint);
    // The call records keep the key only as its length and hash.
    const recorded = JSON.stringify(emulator.callsTo('UpdateCustomDomain'));
    expect(recorded).not.toContain(cert.key.split('\n')[1]);
    expect(emulator.callsTo('UpdateCustomDomain').at(-1)?.params['certConfig.certName']).toBe('cas-1');
  });

  it('refuses a key that is not the certificate, HTTPS without a certificate, an unknown domain', async () => {
    const a = await leaf(['fc.example.com']);
    const issued = await emulator.ca.issueLeaf({ names: ['c.example.com'] });
    await expect(
      refusal(
        update('fc.example.com', {
          certConfig: model('CertConfig', {
            certName: 'x',
            certificate: a.chain,
            privateKey: issued.privateKeyPem,
          }),
        }),
      ),
    ).resolves.toMatchObject({ code: 'InvalidArgument', statusCode: 400 });
    await expect(refusal(update('other.example.com', { protocol: 'HTTPS' }))).resolves.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(refusal(sdk.getCustomDomain?.('missing.example.com'))).resolves.toMatchObject({
      code: 'DomainNameNotFound',
      statusCode: 404,
    });
  });

  it('lists the custom domains, page by page', async () => {
    const first = (await sdk.listCustomDomains?.(model('ListCustomDomainsRequest', { limit: 1 })))?.body as {
      customDomains: Array<{ domainName: string }>;
      nextToken?: string;
    };
    expect(first.customDomains.map((d) => d.domainName)).toEqual(['fc.example.com']);
    const second = (
      await sdk.listCustomDomains?.(
        model('ListCustomDomainsRequest', { limit: 1, nextToken: first.nextToken }),
      )
    )?.body as { customDomains: Array<{ domainName: string }>; nextToken?: string };
    expect(second.customDomains.map((d) => d.domainName)).toEqual(['other.example.com']);
    expect(second.nextToken).toBeUndefined();
  });

  it('answers a fault on the operation by its name', async () => {
    emulator.faults.add({ action: 'GetCustomDomain', kind: 'unavailable' });
    const plain = await fetch(`${emulator.url}/2023-03-30/custom-domains/fc.example.com`);
    // Faults act before the signature is checked, as for every product.
    expect(plain.status).toBe(503);
    expect(emulator.callsTo('GetCustomDomain').at(-1)).toMatchObject({ fault: 'unavailable', product: 'fc' });
  });
});
