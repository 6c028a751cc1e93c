// A certificate with its chain and private key, for a product that takes PEM (src/deploy/held-certificate.ts
// `heldCertificateWithKey`): read with CertFilter=false, the key masked before the caller gets it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { heldCertificateWithKey } from '../../src/deploy/held-certificate.js';

let emulator: Emulator;
let client: RpcClient;

beforeAll(async () => {
  emulator = await createEmulator();
  client = new RpcClient({
    credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
  });
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

describe('heldCertificateWithKey', () => {
  it('gives the chain and the key, the key masked before it is returned', async () => {
    const leaf = await emulator.ca.issueLeaf({ names: ['fc.example.com'], recycleKey: true });
    const held = emulator.cas.certificates.add({
      name: 'with-key',
      pem: `${leaf.certificatePem}${leaf.chainPem}`,
      privateKeyPem: leaf.privateKeyPem ?? '',
      source: 'upload',
    });
    const masked: string[] = [];
    const got = await heldCertificateWithKey(client, emulator.url, String(held.certId), (s) =>
      masked.push(s),
    );
    expect(masked).toEqual([leaf.privateKeyPem]);
    expect(got.privateKeyPem).toBe(leaf.privateKeyPem);
    expect(got.certificatePem).toContain(leaf.certificatePem.trim());
    expect(got.certificatePem).toContain(leaf.chainPem.trim());
    expect(got.names).toContain('fc.example.com');
    expect(got.notAfter).toBeInstanceOf(Date);
    expect(emulator.callsTo('GetUserCertificateDetail').at(-1)?.params.CertFilter).toBe('false');
  });

  it('says so when the service holds no key for the certificate', async () => {
    const leaf = await emulator.ca.issueLeaf({ names: ['nokey.example.com'], recycleKey: true });
    const held = emulator.cas.certificates.add({
      name: 'without-key',
      pem: `${leaf.certificatePem}${leaf.chainPem}`,
      source: 'upload',
    });
    await expect(heldCertificateWithKey(client, emulator.url, String(held.certId), () => {})).rejects.toThrow(
      `Certificate ${held.certId} has no private key at the service`,
    );
  });
});
