import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './server.js';

describe('the DNS server: the emulated Alidns zones as a resolver sees them', () => {
  let emulator: Emulator;
  let resolver: Resolver;
  beforeAll(async () => {
    emulator = await createEmulator({ zones: ['example.com'], dnsServer: true });
    resolver = new Resolver({ timeout: 2_000, tries: 1 });
    resolver.setServers([emulator.dnsServer?.address ?? '']);
  });
  afterAll(() => emulator.close());

  it('is off unless asked for', async () => {
    const plain = await createEmulator();
    expect(plain.dnsServer).toBeUndefined();
    await plain.close();
  });

  it('answers TXT with the records written through the Alidns API, and nothing once they are deleted', async () => {
    const name = '_acme-challenge.www.example.com';
    await expect(resolver.resolveTxt(name)).rejects.toMatchObject({ code: 'ENODATA' });
    const one = emulator.dns.addRecord({ fqdn: name, type: 'TXT', value: 'token-one' });
    emulator.dns.addRecord({ fqdn: name, type: 'TXT', value: 'token-two' });
    expect((await resolver.resolveTxt(name)).map((chunks) => chunks.join('')).sort()).toEqual([
      'token-one',
      'token-two',
    ]);
    emulator.dns.deleteRecord(one.recordId);
    expect(await resolver.resolveTxt(name)).toEqual([['token-two']]);
    expect(emulator.dnsServer?.questions).toContain(`TXT ${name}`);
  });

  it('answers A and AAAA with loopback for names in a zone (an HTTP-01 check reaches this machine), records first', async () => {
    expect(await resolver.resolve4('shop.example.com')).toEqual(['127.0.0.1']);
    expect(await resolver.resolve6('shop.example.com')).toEqual(['::1']);
    emulator.dns.addRecord({ fqdn: 'api.example.com', type: 'A', value: '127.0.0.2' });
    expect(await resolver.resolve4('api.example.com')).toEqual(['127.0.0.2']);
  });

  it('has no CAA record, and refuses names outside its zones', async () => {
    await expect(resolver.resolveCaa('example.com')).rejects.toMatchObject({ code: 'ENODATA' });
    await expect(resolver.resolveTxt('_acme-challenge.example.org')).rejects.toMatchObject({
      code: 'EREFUSED',
    });
  });
});
