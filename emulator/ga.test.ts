import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GA_VERSION } from './ga.js';
import { createEmulator, type Emulator } from './server.js';
import { callRpc, servedFingerprint } from './test-helpers.js';

describe('Global Accelerator listeners', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({
      recycleLeafKeys: true,
      gaListeners: [
        { listenerId: 'lsr-https', acceleratorId: 'ga-one', settleDelayMs: 60_000 },
        { listenerId: 'lsr-sibling', acceleratorId: 'ga-one' },
        { listenerId: 'lsr-tcp', protocol: 'TCP' },
        { listenerId: 'lsr-plain', acceleratorId: 'ga-two' },
      ],
    });
  });
  afterAll(() => emulator.close());
  const ga = (action: string, params: Record<string, string | number>) =>
    callRpc(emulator, GA_VERSION, action, { RegionId: 'cn-hangzhou', ...params });
  const certOf = async (domains: string[]) => {
    const order = await emulator.cas.seedOrder({ domains });
    return {
      id: order.certificate?.certId ?? '',
      fingerprint: new X509Certificate(order.certificate?.certificatePem ?? '').fingerprint256,
    };
  };

  it('sets the default certificate, keeping every setting the call leaves out: updating, then active and served', async () => {
    const first = await certOf(['ga.example.com']);
    const front = await emulator.served.listen('ga:lsr-https');
    const placeholder = await servedFingerprint(front.port, 'ga.example.com');
    const before = (await ga('DescribeListener', { ListenerId: 'lsr-https' })).json;
    const set = await ga('UpdateListener', {
      ListenerId: 'lsr-https',
      'Certificates.1.Id': `${first.id}-cn-hangzhou`,
    });
    expect(set.status, set.text).toBe(200);
    const read = (await ga('DescribeListener', { ListenerId: 'lsr-https' })).json;
    expect(read).toMatchObject({
      AcceleratorId: 'ga-one',
      ListenerId: 'lsr-https',
      Protocol: 'HTTPS',
      State: 'updating',
      Certificates: [{ Id: `${first.id}-cn-hangzhou`, Type: 'Server' }],
    });
    for (const kept of [
      'Name',
      'Description',
      'PortRanges',
      'ClientAffinity',
      'IdleTimeout',
      'RequestTimeout',
      'HttpVersion',
      'SecurityPolicyId',
    ])
      expect(read[kept], kept).toEqual(before[kept]);
    expect(await servedFingerprint(front.port, 'ga.example.com')).toBe(placeholder);
    // Another listener of the same accelerator is refused while this one updates; another accelerator's is not.
    const busy = await ga('UpdateListener', {
      ListenerId: 'lsr-sibling',
      'Certificates.1.Id': `${first.id}-cn-hangzhou`,
    });
    expect(busy.json.Code).toBe('StateError.Accelerator');
    const other = await ga('UpdateListener', {
      ListenerId: 'lsr-plain',
      'Certificates.1.Id': `${first.id}-cn-hangzhou`,
    });
    expect(other.status, other.text).toBe(200);
    emulator.setClockOffset(61_000);
    expect((await ga('DescribeListener', { ListenerId: 'lsr-https' })).json.State).toBe('active');
    expect(await servedFingerprint(front.port, 'ga.example.com')).toBe(first.fingerprint);
    emulator.setClockOffset(0);
    await front.close();
  });

  it('honours ClientToken: the same token and parameters answer again and change nothing; other parameters are refused', async () => {
    const a = await certOf(['token-a.example.com']);
    const b = await certOf(['token-b.example.com']);
    const send = (certId: string, token: string) =>
      ga('UpdateListener', {
        ListenerId: 'lsr-plain',
        'Certificates.1.Id': `${certId}-cn-hangzhou`,
        ClientToken: token,
      });
    expect((await send(a.id, 'token-1')).status).toBe(200);
    expect((await send(b.id, 'token-2')).status).toBe(200);
    // The first write again, with its token: answered, and the listener keeps b.
    const changes = emulator.ga.changes;
    const again = await send(a.id, 'token-1');
    expect(emulator.ga.changes).toBe(changes);
    expect(again.status, again.text).toBe(200);
    const read = await ga('DescribeListener', { ListenerId: 'lsr-plain' });
    expect(read.json.Certificates).toEqual([{ Id: `${b.id}-cn-hangzhou`, Type: 'Server' }]);
    expect((await send(b.id, 'token-1')).json.Code).toBe('IdempotentParameterMismatch');
    // A refused write leaves no token: the same one works once the cause is gone.
    const refused = await ga('UpdateListener', {
      ListenerId: 'lsr-plain',
      'Certificates.1.Id': '999999-cn-hangzhou',
      ClientToken: 'token-3',
    });
    expect(refused.json.Code).toBe('NotExist.Certificate');
    expect((await send(a.id, 'token-3')).status).toBe(200);
    expect((await ga('DescribeListener', { ListenerId: 'lsr-plain' })).json.Certificates).toEqual([
      { Id: `${a.id}-cn-hangzhou`, Type: 'Server' },
    ]);
  });

  it('binds an additional certificate per domain, replaces it, dissociates it, and serves them by SNI', async () => {
    const wide = await certOf(['default.example.com']);
    const shop = await certOf(['shop.example.com']);
    const shop2 = await certOf(['shop.example.com']);
    emulator.ga.addListener({
      listenerId: 'lsr-sni',
      acceleratorId: 'ga-sni',
      defaultCertificate: wide.id,
      settleDelayMs: 30_000,
    });
    const front = await emulator.served.listen('ga:lsr-sni');
    const list = async (role?: string) =>
      (
        await ga('ListListenerCertificates', {
          AcceleratorId: 'ga-sni',
          ListenerId: 'lsr-sni',
          ...(role ? { Role: role } : {}),
        })
      ).json.Certificates;
    const associated = await ga('AssociateAdditionalCertificatesWithListener', {
      AcceleratorId: 'ga-sni',
      ListenerId: 'lsr-sni',
      'Certificates.1.Id': `${shop.id}-cn-hangzhou`,
      'Certificates.1.Domain': 'shop.example.com',
    });
    expect(associated.status, associated.text).toBe(200);
    expect(associated.json.ListenerId).toBe('lsr-sni');
    expect(await list('additional')).toEqual([
      {
        CertificateId: `${shop.id}-cn-hangzhou`,
        Domain: 'shop.example.com',
        IsDefault: false,
        State: 'updating',
      },
    ]);
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(wide.fingerprint);
    emulator.setClockOffset(31_000);
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(shop.fingerprint);
    expect(await list()).toEqual([
      { CertificateId: `${wide.id}-cn-hangzhou`, IsDefault: true, State: 'active' },
      {
        CertificateId: `${shop.id}-cn-hangzhou`,
        Domain: 'shop.example.com',
        IsDefault: false,
        State: 'active',
      },
    ]);
    // The domain holds one additional certificate: associating another is refused, replacing it is how.
    const twice = await ga('AssociateAdditionalCertificatesWithListener', {
      AcceleratorId: 'ga-sni',
      ListenerId: 'lsr-sni',
      'Certificates.1.Id': `${shop2.id}-cn-hangzhou`,
      'Certificates.1.Domain': 'shop.example.com',
    });
    expect(twice.json.Code).toBe('Exist.Domain');
    const replaced = await ga('UpdateAdditionalCertificateWithListener', {
      AcceleratorId: 'ga-sni',
      ListenerId: 'lsr-sni',
      CertificateId: `${shop2.id}-cn-hangzhou`,
      Domain: 'shop.example.com',
    });
    expect(replaced.status, replaced.text).toBe(200);
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(shop.fingerprint);
    emulator.setClockOffset(62_000);
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(shop2.fingerprint);
    const dissociated = await ga('DissociateAdditionalCertificatesFromListener', {
      AcceleratorId: 'ga-sni',
      ListenerId: 'lsr-sni',
      'Domains.1': 'shop.example.com',
    });
    expect(dissociated.status, dissociated.text).toBe(200);
    expect(await list('additional')).toHaveLength(1);
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(shop2.fingerprint);
    emulator.setClockOffset(93_000);
    expect(await list('additional')).toEqual([]);
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(wide.fingerprint);
    emulator.setClockOffset(0);
    await front.close();
  });

  // NotExist.Listener is the product's documented code; the other codes are the emulator's choice.
  it('refuses a missing listener, a TCP listener, a foreign or unheld certificate, and an unbound domain', async () => {
    const cert = await certOf(['refuse.example.com']);
    const missing = await ga('DescribeListener', { ListenerId: 'lsr-none' });
    expect([missing.status, missing.json.Code]).toEqual([400, 'NotExist.Listener']);
    const wrongAccelerator = await ga('ListListenerCertificates', {
      AcceleratorId: 'ga-two',
      ListenerId: 'lsr-sibling',
    });
    expect(wrongAccelerator.json.Code).toBe('NotExist.Listener');
    const tcp = await ga('UpdateListener', {
      ListenerId: 'lsr-tcp',
      'Certificates.1.Id': `${cert.id}-cn-hangzhou`,
    });
    expect(tcp.json.Code).toBe('NotSupport.ListenerProtocol');
    for (const id of [`${cert.id}-ap-southeast-1`, '424242-cn-hangzhou', String(cert.id)]) {
      const refused = await ga('UpdateListener', { ListenerId: 'lsr-plain', 'Certificates.1.Id': id });
      expect(refused.json.Code, id).toBe('NotExist.Certificate');
    }
    const unbound = await ga('UpdateAdditionalCertificateWithListener', {
      AcceleratorId: 'ga-two',
      ListenerId: 'lsr-plain',
      CertificateId: `${cert.id}-cn-hangzhou`,
      Domain: 'refuse.example.com',
    });
    expect(unbound.json.Code).toBe('NotExist.AdditionalCertificate');
    const listed = await ga('ListListeners', { AcceleratorId: 'ga-one', PageSize: 50 });
    expect((listed.json.Listeners as Array<{ ListenerId: string }>).map((l) => l.ListenerId).sort()).toEqual([
      'lsr-https',
      'lsr-sibling',
    ]);
  });
});
