// The instance APIs in process: the V2.0 instance API and the 2018 DV API through FlowContext, against the
// emulator over loopback (signed calls, real DNS records, real certificates), and certificate-api: auto.
import { createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCsr } from '../../emulator/ca.js';
import {
  cancelOrder,
  closeAll,
  type Emulator,
  FREE,
  flowContext,
  issueCertificate,
  refusal,
  renewCertificate,
  reportOf,
  reportStatus,
  revokeCertificate,
  startEmulator,
} from '../support/flow-context.js';

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(() => closeAll(emulator));

const calls = (action: string) => emulator.callsTo(action).length;
const answered = (action: string) => emulator.callsTo(action).filter((c) => c.status === 200).length;
const useUpQuota = (productCode = FREE) => emulator.cas.setPackage(productCode, 0);

describe('certificate-api: instance', () => {
  it('issues on the first inactive instance: two domains in two zones, every validation entry, records removed', async () => {
    Object.assign(emulator.instances.knobs, { applyTaskMs: 150, validationListDelayMs: 200 });
    emulator.instances.addInstance({ certificateType: 'OV' });
    const dv = emulator.instances.addInstance({ certificateType: 'DV' });
    const h = flowContext(emulator, {
      'certificate-api': 'instance',
      domains: 'www.example.com, shop.example.net',
    });
    const result = await issueCertificate(h.ctx, h.domains);
    expect(result.status).toBe('issued');
    expect(result.instanceId).toBe(dv.instanceId);
    const held = emulator.instances.instance(dv.instanceId);
    expect(held?.status).toBe('normal');
    expect(result.certId).toBe(held?.certificate?.certId.toString());
    const leaf = new X509Certificate(result.certificate?.leafPem ?? '');
    expect(leaf.subjectAltName).toContain('DNS:www.example.com');
    expect(leaf.subjectAltName).toContain('DNS:shop.example.net');
    expect(result.certificate?.privateKeyPem).toContain('PRIVATE KEY');
    // One record per zone was written, then removed.
    const created = h.logged('info').filter((l) => /^Created the TXT record/.test(l));
    expect(created.join('\n')).toMatch(/_dnsauth\.www\.example\.com in zone example\.com/);
    expect(created.join('\n')).toMatch(/_dnsauth\.shop\.example\.net in zone example\.net/);
    expect(emulator.dns.records().filter((r) => r.rr.startsWith('_dnsauth'))).toEqual([]);
    // One application, configured as SPEC says.
    expect(answered('ApplyCertificate')).toBe(1);
    const update = emulator.callsTo('UpdateInstance')[0]?.params ?? {};
    expect(update).toMatchObject({
      InstanceId: dv.instanceId,
      Domain: 'www.example.com,shop.example.net',
      'ContactIdList.1': '1000001',
      KeyAlgorithm: 'RSA_2048',
      ValidationMethod: 'DNS',
      GenerateCsrMethod: 'online',
    });
    // The empty validation list right after applying was polled through.
    expect(calls('GetInstanceDetail')).toBeGreaterThan(3);
  });

  it('resumes an instance already pending instead of applying twice', async () => {
    const instance = emulator.instances.addInstance();
    const first = flowContext(emulator, {
      'certificate-api': 'instance',
      domains: 'example.com',
      'dns-provider': 'manual',
      'wait-timeout': '0.1',
      'fail-on-pending': 'false',
    });
    expect((await issueCertificate(first.ctx, first.domains)).status).toBe('pending');
    expect(emulator.instances.instance(instance.instanceId)?.status).toBe('pending');
    const again = flowContext(emulator, { 'certificate-api': 'instance', domains: 'example.com' });
    const result = await issueCertificate(again.ctx, again.domains);
    expect(result.status).toBe('issued');
    expect(again.logged('info').join('\n')).toMatch(
      /already serves example\.com \(pending\)|already pending/,
    );
    expect(answered('ApplyCertificate')).toBe(1);
    // A third run reuses the certificate.
    const third = flowContext(emulator, { 'certificate-api': 'instance', domains: 'example.com' });
    expect((await issueCertificate(third.ctx, third.domains)).status).toBe('unchanged');
    expect(answered('ApplyCertificate')).toBe(1);
  });

  it('an instance whose certificate is due makes way for an inactive one (an issued instance cannot apply again)', async () => {
    const first = emulator.instances.addInstance();
    const h = flowContext(emulator, { 'certificate-api': 'instance', domains: 'example.com' });
    expect((await issueCertificate(h.ctx, h.domains)).instanceId).toBe(first.instanceId);
    const second = emulator.instances.addInstance();
    const later = () => new Date(Date.now() + 85 * 86_400_000);
    const due = flowContext(
      emulator,
      { 'certificate-api': 'instance', domains: 'example.com' },
      { now: later },
    );
    const result = await issueCertificate(due.ctx, due.domains);
    expect(result).toMatchObject({ status: 'issued', instanceId: second.instanceId });
    expect(answered('ApplyCertificate')).toBe(2);
  });

  it('an application still under way (GetTaskAttribute processing) is not sent again', async () => {
    emulator.instances.knobs.applyTaskMs = 60_000;
    const instance = emulator.instances.addInstance();
    const first = flowContext(emulator, {
      'certificate-api': 'instance',
      'instance-id': instance.instanceId,
      domains: 'example.com',
      'wait-timeout': '0.1',
      'fail-on-pending': 'false',
    });
    expect((await issueCertificate(first.ctx, first.domains)).status).toBe('pending');
    const again = flowContext(emulator, {
      'instance-id': instance.instanceId,
      domains: 'example.com',
      'wait-timeout': '0.1',
      'fail-on-pending': 'false',
    });
    await issueCertificate(again.ctx, again.domains);
    expect(again.logged('info').join('\n')).toMatch(/application is already under way \(task processing\)/);
    expect(answered('ApplyCertificate')).toBe(1);
  });

  it('UpdateInstance that submits by itself: no ApplyCertificate after it', async () => {
    emulator.instances.knobs.autoSubmitOnUpdate = true;
    emulator.instances.addInstance();
    const h = flowContext(emulator, { 'certificate-api': 'instance', domains: 'example.com' });
    expect((await issueCertificate(h.ctx, h.domains)).status).toBe('issued');
    expect(calls('ApplyCertificate')).toBe(0);
  });

  it.each(['relative', 'full'] as const)(
    'ValidationKey read as the host record under RootDomain or as the full name (%s)',
    async (style) => {
      emulator.instances.knobs.dnsKeyStyle = style;
      emulator.instances.addInstance();
      const h = flowContext(emulator, { 'certificate-api': 'instance', domains: 'a.b.example.com' });
      expect((await issueCertificate(h.ctx, h.domains)).status).toBe('issued');
      // Never appended twice: one record at the full name, whichever form the service gave.
      expect(h.logged('info').join('\n')).toMatch(/Created the TXT record _dnsauth\.a\.b\.example\.com\b/);
      const added = emulator.callsTo('AddDomainRecord').at(-1)?.params;
      expect(added).toMatchObject({ DomainName: 'example.com', RR: '_dnsauth.a.b' });
      emulator.instances.knobs.dnsKeyStyle = 'relative';
    },
  );

  it('CNAME entries and HTTP (FILE) validation', async () => {
    emulator.instances.knobs.dnsValidationType = 'CNAME';
    emulator.instances.addInstance();
    const h = flowContext(emulator, { 'certificate-api': 'instance', domains: 'example.com' });
    expect((await issueCertificate(h.ctx, h.domains)).status).toBe('issued');
    expect(h.logged('info').join('\n')).toMatch(/Created the CNAME record _dnsauth\.example\.com/);

    const root = await mkdtemp(join(tmpdir(), 'webroot-'));
    Object.assign(emulator.instances.knobs, { webRoot: root, httpKeyStyle: 'url' });
    emulator.instances.addInstance();
    const file = flowContext(emulator, {
      'certificate-api': 'instance',
      domains: 'www.example.net',
      'validation-method': 'FILE',
      'file-validation-root': root,
    });
    expect((await issueCertificate(file.ctx, file.domains)).status).toBe('issued');
    expect(emulator.callsTo('UpdateInstance').at(-1)?.params.ValidationMethod).toBe('HTTP');
  });

  it('a CSR is uploaded (GenerateCsrMethod upload): the certificate is for its key, and no key is expected', async () => {
    const csr = await createCsr({ names: ['csr.example.com', 'www.csr.example.com'] });
    emulator.instances.addInstance();
    const h = flowContext(emulator, {
      'certificate-api': 'instance',
      csr: csr.csrPem,
      'key-algorithm': 'RSA_3072',
    });
    const result = await issueCertificate(h.ctx, ['csr.example.com', 'www.csr.example.com']);
    expect(result.status).toBe('issued');
    expect(result.certificate?.privateKeyPem).toBeUndefined();
    const leaf = new X509Certificate(result.certificate?.leafPem ?? '');
    expect(leaf.publicKey.export({ format: 'pem', type: 'spki' })).toBe(
      createPublicKey(csr.privateKeyPem).export({ format: 'pem', type: 'spki' }),
    );
    const update = emulator.callsTo('UpdateInstance')[0]?.params ?? {};
    expect(update).toMatchObject({
      GenerateCsrMethod: 'upload',
      Csr: csr.csrPem.trim(),
      KeyAlgorithm: 'RSA_3072',
    });
    expect(update.Domain).toBeUndefined();
  });

  it('a wildcard is validated at its base name', async () => {
    emulator.instances.addInstance();
    const h = flowContext(emulator, { 'certificate-api': 'instance', domains: '*.example.net' });
    expect((await issueCertificate(h.ctx, h.domains)).status).toBe('issued');
    expect(h.logged('info').join('\n')).toMatch(
      /Created the TXT record _dnsauth\.example\.net in zone example\.net/,
    );
  });

  it('no contact: a clear error before applying; an explicit contact-id is sent as ContactIdList.1', async () => {
    const [contact] = emulator.instances.contacts.splice(0);
    emulator.instances.addInstance();
    const h = flowContext(emulator, { 'certificate-api': 'instance', domains: 'example.com' });
    expect((await refusal(issueCertificate(h.ctx, h.domains))).message).toMatch(
      /ListContact found none.*contact-id/,
    );
    expect(calls('ApplyCertificate')).toBe(0);
    if (contact) emulator.instances.contacts.push({ ...contact, contactId: '1000777' });
    const given = flowContext(emulator, {
      'certificate-api': 'instance',
      domains: 'example.com',
      'contact-id': '1000777',
    });
    expect((await issueCertificate(given.ctx, given.domains)).status).toBe('issued');
    expect(emulator.callsTo('UpdateInstance').at(-1)?.params['ContactIdList.1']).toBe('1000777');
  });

  it('OV needs a company: refused before any call without company-id; the service refuses an unknown one', async () => {
    emulator.instances.addInstance({ certificateType: 'OV' });
    const inputs = { 'certificate-api': 'instance', 'certificate-type': 'OV', domains: 'example.com' };
    expect(() => flowContext(emulator, inputs)).toThrow(
      /input 'company-id' is required with certificate-type OV/,
    );
    const h = flowContext(emulator, { ...inputs, 'company-id': '999' });
    const error = await issueCertificate(h.ctx, h.domains).catch((e: Error) => e);
    expect(String(error)).toMatch(/CompanyId/);
  });
});

describe('ambiguous applications are reconciled, never blindly retried', () => {
  it('ApplyCertificate that took effect but lost its answer is adopted', async () => {
    const instance = emulator.instances.addInstance();
    emulator.faults.add({ action: 'ApplyCertificate', kind: 'drop-after' });
    const h = flowContext(emulator, { 'certificate-api': 'instance', domains: 'example.com' });
    const result = await issueCertificate(h.ctx, h.domains);
    expect(result.status).toBe('issued');
    expect(calls('ApplyCertificate')).toBe(1);
    expect(h.logged('info').join('\n')).toMatch(/The uncertain ApplyCertificate did take effect/);
    expect(result.instanceId).toBe(instance.instanceId);
  });

  it('ApplyCertificate lost before it ran is sent once more, after the state shows it did not happen', async () => {
    emulator.faults.add({ action: 'ApplyCertificate', kind: 'drop-before' });
    emulator.instances.addInstance();
    const h = flowContext(emulator, { 'certificate-api': 'instance', domains: 'example.com' });
    expect((await issueCertificate(h.ctx, h.domains)).status).toBe('issued');
    expect(calls('ApplyCertificate')).toBe(2);
    expect(answered('ApplyCertificate')).toBe(1);
    expect(h.logged('info').join('\n')).toMatch(/did not take effect/);
  });

  it('CreateDVOrderAudit that took effect but lost its answer is adopted', async () => {
    emulator.legacyDv.addInstance();
    emulator.faults.add({ action: 'CreateDVOrderAudit', kind: 'drop-after' });
    const h = flowContext(emulator, legacyInputs());
    expect((await issueCertificate(h.ctx, h.domains)).status).toBe('issued');
    expect(calls('CreateDVOrderAudit')).toBe(1);
  });
});

function legacyInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'certificate-api': 'legacy-dv',
    domains: 'www.example.com',
    'contact-name': 'Ops',
    'contact-phone': '13800000000',
    'contact-email': 'ops@example.com',
    ...extra,
  };
}

describe('certificate-api: legacy-dv', () => {
  it('issues on the first Paid DV instance (every page), with DNS; a second run reuses it', async () => {
    emulator.legacyDv.knobs.pageSize = 2;
    for (let i = 0; i < 3; i++) emulator.legacyDv.addInstance({ status: 'Issued' });
    const paid = emulator.legacyDv.addInstance();
    const h = flowContext(emulator, legacyInputs({ province: 'Guangdong', city: 'Shenzhen' }));
    const result = await issueCertificate(h.ctx, h.domains);
    expect(result.status).toBe('issued');
    expect(result.instanceId).toBe(paid.instanceId);
    expect(emulator.callsTo('DescribeOrderInstanceList').map((c) => c.params.StartIndex)).toEqual(
      expect.arrayContaining(['0', '2']),
    );
    expect(emulator.callsTo('CreateDVOrderAudit')[0]?.params).toMatchObject({
      InstanceId: paid.instanceId,
      Domain: 'www.example.com',
      DomainVerifyType: 'DNS',
      Username: 'Ops',
      Mobile: '13800000000',
      Email: 'ops@example.com',
      Province: 'Guangdong',
      City: 'Shenzhen',
    });
    expect(emulator.callsTo('CreateDVOrderAudit')[0]?.version).toBe('2018-07-13');
    expect(emulator.dns.records().filter((r) => r.rr.startsWith('_dnsauth'))).toEqual([]);
    const again = flowContext(emulator, legacyInputs());
    expect((await issueCertificate(again.ctx, again.domains)).status).toBe('unchanged');
    expect(calls('CreateDVOrderAudit')).toBe(1);
  });
});

describe('certificate-api: legacy-dv with FILE', () => {
  it('writes the file CheckName names (URL without the protocol) under file-validation-root', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dv-webroot-'));
    emulator.legacyDv.knobs.webRoot = root;
    emulator.legacyDv.addInstance();
    const h = flowContext(
      emulator,
      legacyInputs({ 'validation-method': 'FILE', 'file-validation-root': root }),
    );
    expect((await issueCertificate(h.ctx, h.domains)).status).toBe('issued');
    expect(emulator.callsTo('CreateDVOrderAudit')[0]?.params.DomainVerifyType).toBe('FILE');
    // Removed afterwards.
    await expect(readFile(join(root, '.well-known/pki-validation/fileauth.txt'), 'utf8')).rejects.toThrow();
  });
});

describe('certificate-api: auto', () => {
  it('order while the V1.0 quota has room', async () => {
    emulator.instances.addInstance();
    const h = flowContext(emulator, { domains: 'example.com', 'product-code': FREE });
    const result = await issueCertificate(h.ctx, h.domains);
    expect(result.status).toBe('issued');
    expect(result.orderId).toBeDefined();
    expect(h.logged('info')).toContain(
      `Certificate API: order (auto: 100 of 100 left in the V1.0 quota of ${FREE}).`,
    );
    expect(calls('ApplyCertificate')).toBe(0);
  });

  it('falls back to an inactive instance when the quota is used up, then reuses it', async () => {
    useUpQuota();
    const instance = emulator.instances.addInstance();
    const h = flowContext(emulator, { domains: 'example.com', 'product-code': FREE });
    const result = await issueCertificate(h.ctx, h.domains);
    expect(result.status).toBe('issued');
    expect(result.instanceId).toBe(instance.instanceId);
    const line = h.logged('info').filter((l) => l.startsWith('Certificate API:'));
    expect(line).toEqual([
      `Certificate API: instance (auto: no V1.0 quota left for ${FREE} (0 of 0 used); ${instance.instanceId} is an inactive DV instance).`,
    ]);
    expect(calls('CreateCertificateForPackageRequest')).toBe(0);
    const again = flowContext(emulator, { domains: 'example.com', 'product-code': FREE });
    expect((await issueCertificate(again.ctx, again.domains)).status).toBe('unchanged');
    expect(answered('ApplyCertificate')).toBe(1);
  });

  it('neither API has room: one error naming both, before anything is created', async () => {
    useUpQuota();
    emulator.instances.addInstance({ status: 'normal' });
    const h = flowContext(emulator, { domains: 'example.com', 'product-code': FREE });
    const error = await refusal(issueCertificate(h.ctx, h.domains));
    expect(error.message).toMatch(
      /order API has no V1\.0 quota left for digicert-free-1-free \(0 of 0 used\)/,
    );
    expect(error.message).toMatch(/V2\.0 instance API has no inactive DV instance/);
    const writes = emulator.calls.filter((c) => !/^(Describe|List|Get)/.test(c.action ?? ''));
    expect(writes).toEqual([]);
  });

  it('an order already serving the domains keeps the order API with the quota used up', async () => {
    const h0 = flowContext(emulator, { domains: 'example.com', 'product-code': FREE });
    await issueCertificate(h0.ctx, h0.domains);
    useUpQuota();
    emulator.instances.addInstance();
    const h = flowContext(emulator, { domains: 'example.com', 'product-code': FREE });
    expect((await issueCertificate(h.ctx, h.domains)).status).toBe('unchanged');
    expect(calls('ApplyCertificate')).toBe(0);
  });
});

describe('cancel, revoke and status of an instance', () => {
  it('cancels a pending application with CancelPendingCertificate and removes its records', async () => {
    const instance = emulator.instances.addInstance();
    emulator.instances.knobs.validationListDelayMs = 0;
    const issue = flowContext(emulator, {
      'certificate-api': 'instance',
      domains: 'example.com',
      'wait-timeout': '0.3',
      'fail-on-pending': 'false',
    });
    // The record is written and seen, but the CA takes longer than this run waits: the run ends pending.
    emulator.instances.knobs.issuanceDelayMs = 60_000;
    expect((await issueCertificate(issue.ctx, issue.domains)).status).toBe('pending');
    const h = flowContext(emulator, { mode: 'cancel', 'instance-id': instance.instanceId });
    const result = await cancelOrder(h.ctx, []);
    expect(result.status).toBe('cancelled');
    expect(calls('CancelPendingCertificate')).toBe(1);
    expect(emulator.instances.instance(instance.instanceId)?.status).toBe('inactive');
    expect(calls('CancelOrderRequest') + calls('DeleteCertificateRequest')).toBe(0);
  });

  it('revokes an issued instance with RevokeCertificate; revoking twice is not an error', async () => {
    const instance = emulator.instances.addInstance();
    const issue = flowContext(emulator, { 'certificate-api': 'instance', domains: 'example.com' });
    await issueCertificate(issue.ctx, issue.domains);
    const h = flowContext(emulator, { mode: 'revoke', 'instance-id': instance.instanceId });
    const result = await revokeCertificate(h.ctx, []);
    expect(result.status).toBe('revoked');
    expect(emulator.instances.instance(instance.instanceId)?.certificate?.status).toBe('revoked');
    expect(emulator.callsTo('RevokeCertificate')[0]?.params.CertificateId).toBe(result.certId);
    expect(calls('CancelCertificateForPackageRequest')).toBe(0);
    const twice = flowContext(emulator, { mode: 'revoke', 'instance-id': instance.instanceId });
    expect((await revokeCertificate(twice.ctx, [])).status).toBe('revoked');
    expect(calls('RevokeCertificate')).toBe(1);
  });

  it('status of an instance, and of the account with its instances', async () => {
    const instance = emulator.instances.addInstance();
    emulator.instances.addInstance({ certificateType: 'OV' });
    const issue = flowContext(emulator, { 'certificate-api': 'instance', domains: 'example.com' });
    await issueCertificate(issue.ctx, issue.domains);
    const one = flowContext(emulator, { mode: 'status', 'instance-id': instance.instanceId });
    const status = await reportStatus(one.ctx, []);
    expect(status).toMatchObject({ status: 'active', instanceId: instance.instanceId, state: 'normal' });
    expect(status.certificate?.info.names).toEqual(['example.com']);
    const account = flowContext(emulator, { mode: 'status' });
    const report = await reportStatus(account.ctx, []);
    expect(
      reportOf(report, 'status')
        ?.instances?.map((i) => i.status)
        .sort(),
    ).toEqual(['inactive', 'normal']);
    expect(account.logged('info')).toContain('V2.0 instances: 2 (1 normal, 1 inactive).');
  });

  it('renew of an instance says the source cannot renew in place, and calls nothing that changes state', async () => {
    const instance = emulator.instances.addInstance();
    const h = flowContext(emulator, {
      mode: 'renew',
      'instance-id': instance.instanceId,
      domains: 'example.com',
    });
    const error = await refusal(renewCertificate(h.ctx, h.domains));
    expect(error.message).toContain(
      'the V2.0 instance API cannot renew a certificate; order a new certificate',
    );
    expect(emulator.calls.filter((c) => c.action !== undefined)).toEqual([]);
  });
});
