import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NLB_VERSION } from './nlb.js';
import { createEmulator, type Emulator } from './server.js';
import { callRpc, servedFingerprint } from './test-helpers.js';

describe('NLB: the certificates of a TCPSSL listener', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({
      recycleLeafKeys: true,
      nlbListeners: [
        { listenerId: 'lsn-ssl@443', region: 'cn-hangzhou', settleMs: 300 },
        { listenerId: 'lsn-tcp@80', region: 'cn-hangzhou', protocol: 'TCP' },
        { listenerId: 'lsn-sh@443', region: 'cn-shanghai' },
      ],
    });
  });
  afterAll(() => emulator.close());

  const nlb = (action: string, params: Record<string, string | number>) =>
    callRpc(emulator, NLB_VERSION, action, params, { method: 'POST', formBody: true });
  const held = async (domains: string[]) => {
    const order = await emulator.cas.seedOrder({ domains });
    const certificate = order.certificate;
    return {
      certId: certificate?.certId ?? '',
      fingerprint: new X509Certificate(certificate?.certificatePem ?? '').fingerprint256,
    };
  };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('sets the default certificate by CAS identifier: Configuring, then Running with it, served by SNI', async () => {
    const front = await emulator.served.listen('nlb:lsn-ssl@443');
    const cert = await held(['tcp.example.com']);
    const set = await nlb('UpdateListenerAttribute', {
      ListenerId: 'lsn-ssl@443',
      RegionId: 'cn-hangzhou',
      'CertificateIds.1': `${cert.certId}-cn-hangzhou`,
    });
    expect(set.status).toBe(200);
    expect(set.json.JobId).toEqual(expect.any(String));
    const during = await nlb('GetListenerAttribute', { ListenerId: 'lsn-ssl@443' });
    expect(during.json).toMatchObject({ ListenerStatus: 'Configuring', CertificateIds: [] });
    expect(await servedFingerprint(front.port, 'tcp.example.com')).not.toBe(cert.fingerprint);
    const again = await nlb('UpdateListenerAttribute', {
      ListenerId: 'lsn-ssl@443',
      'CertificateIds.1': `${cert.certId}-cn-hangzhou`,
    });
    expect(again.json.Code).toBe('IncorrectStatus.listener');
    await wait(350);
    const after = await nlb('GetListenerAttribute', { ListenerId: 'lsn-ssl@443' });
    expect(after.json).toMatchObject({
      ListenerProtocol: 'TCPSSL',
      ListenerStatus: 'Running',
      ListenerPort: 443,
      CertificateIds: [`${cert.certId}-cn-hangzhou`],
    });
    expect(await servedFingerprint(front.port, 'tcp.example.com')).toBe(cert.fingerprint);
    await front.close();
  });

  it('associates and disassociates additional certificates, served by SNI once Associated', async () => {
    const front = await emulator.served.listen('nlb:lsn-ssl@443');
    const extra = await held(['*.shop.example.com']);
    const identifier = `${extra.certId}-cn-hangzhou`;
    const associated = await nlb('AssociateAdditionalCertificatesWithListener', {
      ListenerId: 'lsn-ssl@443',
      'AdditionalCertificateIds.1': identifier,
    });
    expect(associated.status).toBe(200);
    const listed = await nlb('ListListenerCertificates', { ListenerId: 'lsn-ssl@443', CertType: 'Server' });
    expect(listed.json.Certificates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ CertificateId: identifier, IsDefault: false, Status: 'Associating' }),
        expect.objectContaining({ IsDefault: true, Status: 'Associated' }),
      ]),
    );
    expect(await servedFingerprint(front.port, 'a.shop.example.com')).not.toBe(extra.fingerprint);
    await wait(350);
    expect(await servedFingerprint(front.port, 'a.shop.example.com')).toBe(extra.fingerprint);
    const twice = await nlb('AssociateAdditionalCertificatesWithListener', {
      ListenerId: 'lsn-ssl@443',
      'AdditionalCertificateIds.1': identifier,
    });
    expect(twice.json.Code).toBe('ResourceAlreadyAssociated.Certificate');
    const gone = await nlb('DisassociateAdditionalCertificatesWithListener', {
      ListenerId: 'lsn-ssl@443',
      'AdditionalCertificateIds.1': identifier,
    });
    expect(gone.status).toBe(200);
    const leaving = await nlb('ListListenerCertificates', { ListenerId: 'lsn-ssl@443' });
    expect(leaving.json.Certificates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ CertificateId: identifier, Status: 'Diassociating' }),
      ]),
    );
    await wait(350);
    const left = await nlb('ListListenerCertificates', { ListenerId: 'lsn-ssl@443' });
    expect((left.json.Certificates as Array<{ IsDefault: boolean }>).every((c) => c.IsDefault)).toBe(true);
    expect(await servedFingerprint(front.port, 'a.shop.example.com')).not.toBe(extra.fingerprint);
    await front.close();
  });

  it("refuses the product's way: unknown listener, other region, foreign certificate, non-TCPSSL listener", async () => {
    const cert = await held(['refuse.example.com']);
    const missing = await nlb('GetListenerAttribute', { ListenerId: 'lsn-nope@443' });
    expect([missing.status, missing.json.Code]).toEqual([404, 'ResourceNotFound.listener']);
    const elsewhere = await nlb('GetListenerAttribute', {
      ListenerId: 'lsn-sh@443',
      RegionId: 'cn-hangzhou',
    });
    expect(elsewhere.json.Code).toBe('ResourceNotFound.listener');
    for (const identifier of [`${cert.certId}-ap-southeast-1`, '999999-cn-hangzhou', cert.certId]) {
      const foreign = await nlb('UpdateListenerAttribute', {
        ListenerId: 'lsn-sh@443',
        'CertificateIds.1': identifier,
      });
      expect(foreign.json.Code).toBe('ResourceNotFound.Certificate');
    }
    const tcp = await nlb('UpdateListenerAttribute', {
      ListenerId: 'lsn-tcp@80',
      'CertificateIds.1': `${cert.certId}-cn-hangzhou`,
    });
    expect(tcp.json.Code).toBe('IllegalParam');
  });

  it('lists listeners of a region, by protocol, a page at a time', async () => {
    const first = await nlb('ListListeners', { RegionId: 'cn-hangzhou', MaxResults: 1 });
    expect(first.json).toMatchObject({ TotalCount: 2, MaxResults: 1 });
    const second = await nlb('ListListeners', {
      RegionId: 'cn-hangzhou',
      MaxResults: 1,
      NextToken: String(first.json.NextToken),
    });
    expect(second.json.NextToken).toBeUndefined();
    const ids = [first, second].flatMap((page) =>
      (page.json.Listeners as Array<{ ListenerId: string }>).map((l) => l.ListenerId),
    );
    expect(ids.sort()).toEqual(['lsn-ssl@443', 'lsn-tcp@80']);
    const ssl = await nlb('ListListeners', { RegionId: 'cn-hangzhou', ListenerProtocol: 'TCPSSL' });
    expect((ssl.json.Listeners as Array<{ ListenerId: string }>).map((l) => l.ListenerId)).toEqual([
      'lsn-ssl@443',
    ]);
  });
});
