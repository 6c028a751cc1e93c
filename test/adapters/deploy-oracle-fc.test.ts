// The official Function Compute 3.0 SDK (@alicloud/fc20230330) is the oracle: the emulator accepts its requests
// (ROA, ACS3-HMAC-SHA256 checked by the emulator's own code) and answers in its models' field names, and our target
// (src/deploy/fc.ts) sends each operation it calls with the same method, path and body fields.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { createFcTarget } from '../../src/deploy/fc.js';
import { heldCertificateFacts, heldCertificateWithKey } from '../../src/deploy/held-certificate.js';
import type { DeployTarget, HeldCertificateWithKey, TargetServices } from '../../src/deploy/target.js';

const require = createRequire(import.meta.url);
type Model = new (fields: object) => object;
const fcSdk = require('@alicloud/fc20230330') as Record<string, Model> & {
  default: new (config: object) => Record<string, (...args: unknown[]) => Promise<{ body: unknown }>>;
};
const openapiCore = require('@alicloud/openapi-core') as { $OpenApiUtil: { Config: Model } };
const model = (name: string, fields: object) => new (fcSdk[name] as Model)(fields);

const TLS = { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3', cipherSuites: ['TLS_AES_128_GCM_SHA256'] };

let emulator: Emulator;
let client: RpcClient;
let ours: DeployTarget;
let sdk: InstanceType<typeof fcSdk.default>;
let certId: string;
let held: HeldCertificateWithKey;

beforeAll(async () => {
  emulator = await createEmulator({
    recycleLeafKeys: true,
    fcDomains: [
      { domainName: 'sdk.example.com', tlsConfig: TLS },
      { domainName: 'ours.example.com', tlsConfig: TLS },
    ],
  });
  client = new RpcClient({
    credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
  });
  const leaf = await emulator.ca.issueLeaf({ names: ['*.example.com'], recycleKey: true });
  certId = String(
    emulator.cas.certificates.add({
      name: 'fc-oracle',
      pem: `${leaf.certificatePem}${leaf.chainPem}`,
      privateKeyPem: leaf.privateKeyPem ?? '',
      source: 'upload',
    }).certId,
  );
  held = await heldCertificateWithKey(client, emulator.url, certId, () => {});
  const services = {
    client,
    roa: { call: (req: Parameters<RpcClient['roa']>[0]) => client.roa(req) },
    certificateWithKey: (id: string) => heldCertificateWithKey(client, emulator.url, id, () => {}),
    certificateFacts: (id: string) => heldCertificateFacts(client, emulator.url, id),
    endpointOverride: (target: string) => (target === 'fc' ? emulator.url : undefined),
  } as unknown as TargetServices;
  ours = createFcTarget(services, { certRegion: 'cn-hangzhou', region: 'cn-hangzhou' });
  // The SDK's one signature, ACS3-HMAC-SHA256; its endpoint is set, as FC 3.0 asks of every caller.
  sdk = new fcSdk.default(
    new openapiCore.$OpenApiUtil.Config({
      accessKeyId: emulator.accessKeyId,
      accessKeySecret: emulator.accessKeySecret,
      endpoint: `127.0.0.1:${emulator.port}`,
      protocol: 'http',
    }),
  );
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

/** What a call sent, its own domain's name left out: method, path with `{domain}`, query and body fields. */
const sent = (action: string, domain?: string) => {
  const call = emulator.callsTo(action).at(-1);
  expect(call?.status, action).toBe(200);
  expect(call?.signatureStyle).toBe('acs3');
  const params = { ...call?.params };
  delete params.domainName;
  return {
    method: call?.method,
    path: domain ? call?.path?.replace(domain, '{domain}') : call?.path,
    params,
  };
};

describe('FC 3.0 operations: the SDK and our target send the same', () => {
  it('GetCustomDomain', async () => {
    const answer = (await sdk.getCustomDomain?.('sdk.example.com'))?.body as Record<string, unknown>;
    expect(answer).toMatchObject({ domainName: 'sdk.example.com', protocol: 'HTTP', tlsConfig: TLS });
    const theirs = sent('GetCustomDomain', 'sdk.example.com');
    await ours.serving('ours.example.com');
    expect(sent('GetCustomDomain', 'ours.example.com')).toEqual(theirs);
    expect(theirs).toMatchObject({ method: 'GET', path: '/2023-03-30/custom-domains/{domain}' });
  });

  it('UpdateCustomDomain: certConfig named cas-<certId>, protocol turned on, tlsConfig kept', async () => {
    await sdk.updateCustomDomain?.(
      'sdk.example.com',
      model('UpdateCustomDomainRequest', {
        body: model('UpdateCustomDomainInput', {
          certConfig: model('CertConfig', {
            certName: `cas-${certId}`,
            certificate: held.certificatePem,
            privateKey: held.privateKeyPem,
          }),
          protocol: 'HTTP,HTTPS',
          tlsConfig: model('TLSConfig', TLS),
        }),
      }),
    );
    const theirs = sent('UpdateCustomDomain', 'sdk.example.com');
    await ours.set('ours.example.com https', certId);
    const mine = sent('UpdateCustomDomain', 'ours.example.com');
    expect(mine).toEqual(theirs);
    expect(mine.params).toMatchObject({
      'certConfig.certName': `cas-${certId}`,
      protocol: 'HTTP,HTTPS',
      'tlsConfig.minVersion': 'TLSv1.2',
    });
    // The records hold the key as its hash: the same key on both sides, never the key itself.
    expect(mine.params['certConfig.privateKey']).toMatch(
      /^\[private key, \d+ characters, sha256 [0-9a-f]+…\]$/,
    );
    // Read back: ours sees the CAS certificate it set (its leaf matches certificate cas-<certId>).
    await expect(ours.serving('ours.example.com https')).resolves.toMatchObject({
      certId,
      inEffect: true,
      held: true,
    });
  });

  it('ListCustomDomains', async () => {
    await sdk.listCustomDomains?.(model('ListCustomDomainsRequest', { limit: 100 }));
    const theirs = sent('ListCustomDomains');
    await expect(ours.alsoInUse?.([certId, '999'])).resolves.toEqual([certId]);
    expect(sent('ListCustomDomains')).toEqual(theirs);
    expect(theirs).toMatchObject({ method: 'GET', path: '/2023-03-30/custom-domains' });
  });
});
