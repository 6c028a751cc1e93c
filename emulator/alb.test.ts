import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALB_VERSION } from './alb.js';
import { ADMIN_TOKEN_HEADER, createEmulator, type Emulator } from './server.js';
import { callRpc, servedFingerprint } from './test-helpers.js';

describe('ALB listeners', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({
      recycleLeafKeys: true,
      albListeners: [
        { listenerId: 'lsn-https', settleDelayMs: 60_000 },
        { listenerId: 'lsn-http', protocol: 'HTTP' },
        { listenerId: 'lsn-sg', regionId: 'ap-southeast-1' },
        { listenerId: 'lsn-plain' },
      ],
    });
  });
  afterAll(() => emulator.close());
  const alb = (action: string, params: Record<string, string | number>) =>
    callRpc(emulator, ALB_VERSION, action, params);
  const certOf = async (domains: string[]) => {
    const order = await emulator.cas.seedOrder({ domains });
    return {
      id: order.certificate?.certId ?? '',
      fingerprint: new X509Certificate(order.certificate?.certificatePem ?? '').fingerprint256,
    };
  };

  it('sets the default certificate: Configuring (already listing it) until it settles, then Running and served', async () => {
    const first = await certOf(['alb.example.com']);
    const front = await emulator.served.listen('alb:lsn-https');
    const placeholder = await servedFingerprint(front.port, 'alb.example.com');
    const set = await alb('UpdateListenerAttribute', {
      ListenerId: 'lsn-https',
      'Certificates.1.CertificateId': `${first.id}-cn-hangzhou`,
    });
    expect(set.status, set.text).toBe(200);
    expect(set.json.JobId).toBeTruthy();
    const read = await alb('GetListenerAttribute', { ListenerId: 'lsn-https' });
    expect(read.json).toMatchObject({
      ListenerId: 'lsn-https',
      ListenerProtocol: 'HTTPS',
      ListenerStatus: 'Configuring',
      Certificates: [{ CertificateId: `${first.id}-cn-hangzhou` }],
    });
    expect(await servedFingerprint(front.port, 'alb.example.com')).toBe(placeholder);
    // A second write while it is configuring is refused.
    const busy = await alb('UpdateListenerAttribute', {
      ListenerId: 'lsn-https',
      'Certificates.1.CertificateId': `${first.id}-cn-hangzhou`,
    });
    expect(busy.json.Code).toBe('IncorrectStatus.Listener');
    emulator.setClockOffset(61_000);
    expect((await alb('GetListenerAttribute', { ListenerId: 'lsn-https' })).json.ListenerStatus).toBe(
      'Running',
    );
    expect(await servedFingerprint(front.port, 'alb.example.com')).toBe(first.fingerprint);
    emulator.setClockOffset(0);
    await front.close();
  });

  it('associates extension certificates (Associating, then Associated) and serves them by SNI', async () => {
    const wide = await certOf(['default.example.com']);
    const shop = await certOf(['*.shop.example.com']);
    emulator.alb.addListener({ listenerId: 'lsn-sni', defaultCertificate: wide.id, settleDelayMs: 30_000 });
    const front = await emulator.served.listen('alb:lsn-sni');
    const associated = await alb('AssociateAdditionalCertificatesWithListener', {
      ListenerId: 'lsn-sni',
      'Certificates.1.CertificateId': `${shop.id}-cn-hangzhou`,
    });
    expect(associated.status, associated.text).toBe(200);
    const list = () =>
      alb('ListListenerCertificates', { ListenerId: 'lsn-sni', CertificateType: 'Server' }).then(
        (r) => r.json.Certificates,
      );
    expect(await list()).toEqual([
      {
        CertificateId: `${wide.id}-cn-hangzhou`,
        CertificateType: 'Server',
        IsDefault: true,
        Status: 'Associated',
      },
      {
        CertificateId: `${shop.id}-cn-hangzhou`,
        CertificateType: 'Server',
        IsDefault: false,
        Status: 'Associating',
      },
    ]);
    expect(await servedFingerprint(front.port, 'a.shop.example.com')).toBe(wide.fingerprint);
    emulator.setClockOffset(31_000);
    expect(await servedFingerprint(front.port, 'a.shop.example.com')).toBe(shop.fingerprint);
    expect(await servedFingerprint(front.port, 'default.example.com')).toBe(wide.fingerprint);
    expect((await list()) as unknown[]).toHaveLength(2);
    const again = await alb('AssociateAdditionalCertificatesWithListener', {
      ListenerId: 'lsn-sni',
      'Certificates.1.CertificateId': `${shop.id}-cn-hangzhou`,
    });
    expect(again.json.Code).toBe('ResourceAlreadyAssociated.Certificate');
    // Dissociating is still served; then it is gone.
    const dissociated = await alb('DissociateAdditionalCertificatesFromListener', {
      ListenerId: 'lsn-sni',
      'Certificates.1.CertificateId': `${shop.id}-cn-hangzhou`,
    });
    expect(dissociated.status, dissociated.text).toBe(200);
    expect(await servedFingerprint(front.port, 'a.shop.example.com')).toBe(shop.fingerprint);
    emulator.setClockOffset(62_000);
    expect(await servedFingerprint(front.port, 'a.shop.example.com')).toBe(wide.fingerprint);
    expect((await list()) as unknown[]).toHaveLength(1);
    emulator.setClockOffset(0);
    await front.close();
  });

  it("refuses a missing listener, an HTTP listener's certificate, and a certificate of another site or not held", async () => {
    const cert = await certOf(['refuse.example.com']);
    const set = (listenerId: string, certificateId: string) =>
      alb('UpdateListenerAttribute', {
        ListenerId: listenerId,
        'Certificates.1.CertificateId': certificateId,
      });
    expect((await alb('GetListenerAttribute', { ListenerId: 'lsn-gone' })).json.Code).toBe(
      'ResourceNotFound.Listener',
    );
    // RegionId scopes the call: the listener is in cn-hangzhou.
    expect(
      (await alb('GetListenerAttribute', { ListenerId: 'lsn-http', RegionId: 'cn-shanghai' })).json.Code,
    ).toBe('ResourceNotFound.Listener');
    expect((await set('lsn-http', `${cert.id}-cn-hangzhou`)).json.Code).toBe(
      'OperationDenied.ListenerProtocolNotSupport',
    );
    for (const [listener, id] of [
      ['lsn-plain', `${cert.id}-ap-southeast-1`],
      ['lsn-sg', `${cert.id}-cn-hangzhou`],
      ['lsn-plain', '999999-cn-hangzhou'],
      ['lsn-plain', cert.id],
    ] as const) {
      const refused = await set(listener, id);
      expect(refused.status, `${listener} ${id}`).toBe(404);
      expect(refused.json.Code).toBe('ResourceNotFound.Certificate');
    }
  });

  it('lists the listeners of a region, page by page', async () => {
    for (let n = 0; n < 3; n++)
      emulator.alb.addListener({ listenerId: `lsn-page${n}`, regionId: 'cn-beijing' });
    const first = await alb('ListListeners', { RegionId: 'cn-beijing', MaxResults: 2 });
    expect(first.json).toMatchObject({ TotalCount: 3, MaxResults: 2, NextToken: '2' });
    const second = await alb('ListListeners', { RegionId: 'cn-beijing', MaxResults: 2, NextToken: '2' });
    expect(second.json.NextToken).toBeUndefined();
    const ids = [...(first.json.Listeners as unknown[]), ...(second.json.Listeners as unknown[])].map(
      (l) => (l as { ListenerId: string }).ListenerId,
    );
    expect(ids).toEqual(['lsn-page0', 'lsn-page1', 'lsn-page2']);
    expect((second.json.Listeners as Array<Record<string, unknown>>)[0]).toMatchObject({
      ListenerProtocol: 'HTTPS',
      ListenerPort: 443,
      ListenerStatus: 'Running',
      LoadBalancerId: 'alb-page2',
    });
  });

  it('the admin API adds a listener', async () => {
    const response = await fetch(`${emulator.url}/__emulator/alb/listeners`, {
      method: 'POST',
      headers: { [ADMIN_TOKEN_HEADER]: emulator.adminToken, 'content-type': 'application/json' },
      body: JSON.stringify({ listenerId: 'lsn-admin', regionId: 'cn-shanghai', protocol: 'quic' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      listenerId: 'lsn-admin',
      regionId: 'cn-shanghai',
      protocol: 'QUIC',
    });
    expect(
      (await alb('GetListenerAttribute', { ListenerId: 'lsn-admin', RegionId: 'cn-shanghai' })).json,
    ).toMatchObject({ ListenerProtocol: 'QUIC', ListenerStatus: 'Running' });
  });
});
