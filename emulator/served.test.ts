import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './server.js';
import { servedFingerprint } from './test-helpers.js';

describe('served fronts: what clients get from a resource', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ cdnDomains: ['static.example.com'], recycleLeafKeys: true });
  });
  afterAll(() => emulator.close());

  const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;

  it('serves by SNI the certificate the product says the resource serves, delayMs after it says so', async () => {
    const front = await emulator.served.listen('cdn:static.example.com');
    const placeholder = await servedFingerprint(front.port, 'static.example.com');
    emulator.served.delayMs = 60_000;
    const first = await emulator.cas.seedOrder({ domains: ['static.example.com'] });
    const second = await emulator.cas.seedOrder({ domains: ['static.example.com'] });
    const [one, two] = [first, second].map((o) => fingerprintOf(o.certificate?.certificatePem ?? ''));
    await emulator.cdn.setDomainCertificate('static.example.com', { orderId: first.orderId });
    expect(await servedFingerprint(front.port, 'static.example.com')).toBe(placeholder);
    emulator.setClockOffset(61_000);
    expect(await servedFingerprint(front.port, 'static.example.com')).toBe(one);
    await emulator.cdn.setDomainCertificate('static.example.com', { orderId: second.orderId });
    // The product already says the second; the edge still shows the first.
    expect(await servedFingerprint(front.port, 'static.example.com')).toBe(one);
    emulator.setClockOffset(122_000);
    expect(await servedFingerprint(front.port, 'static.example.com')).toBe(two);
    expect(new Set([placeholder, one, two]).size).toBe(3);
    emulator.setClockOffset(0);
    emulator.served.delayMs = 0;
    await front.close();
  });

  it('serves the extension certificate that covers the SNI name, else the default one', async () => {
    const wide = await emulator.cas.seedOrder({ domains: ['default.example.com'] });
    const extension = await emulator.cas.seedOrder({ domains: ['*.shop.example.com'] });
    const ids = {
      default: wide.certificate?.certId ?? '',
      extensions: [extension.certificate?.certId ?? ''],
    };
    emulator.served.register('test', () => ids);
    const front = await emulator.served.listen('test:listener');
    expect(await servedFingerprint(front.port, 'a.shop.example.com')).toBe(
      fingerprintOf(extension.certificate?.certificatePem ?? ''),
    );
    expect(await servedFingerprint(front.port, 'b.a.shop.example.com')).toBe(
      fingerprintOf(wide.certificate?.certificatePem ?? ''),
    );
    await front.close();
  });
});
