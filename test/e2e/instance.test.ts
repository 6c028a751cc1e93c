// The instance APIs end to end: `node dist/index.js` as GitHub runs it, against the emulator over loopback —
// V2.0 instance issuance, certificate-api: auto, cancel and revoke of an instance, the 2018 DV API, and an
// application whose answer was lost.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, emulatorInputs, expectNoSecretsLeaked } from '../support/fixtures.js';
import { eventually, privateKeyLines, runAction } from '../support/run-action.js';

const FREE = 'digicert-free-1-free';
let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({
    zones: ['example.com', 'example.net'],
    packages: { [FREE]: 1 },
    recycleLeafKeys: true,
    instanceKnobs: { applyTaskMs: 200, validationListDelayMs: 300 },
  });
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.calls.length = 0;
});
afterAll(() => emulator.close());

const answered = (action: string) => emulator.callsTo(action).filter((c) => c.status === 200);
const validationRecords = () => emulator.dns.records().filter((r) => r.rr.startsWith('_dnsauth'));

describe('certificate-api: instance', () => {
  it('issues two domains in two zones: every record created, seen by the service, removed', async () => {
    const instance = emulator.instances.addInstance();
    const run = await runAction(
      emulatorInputs(emulator, { 'certificate-api': 'instance', domains: 'www.example.com,api.example.net' }),
    );
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('issued');
    expect(run.outputs['instance-id']).toBe(instance.instanceId);
    const held = emulator.instances.instance(instance.instanceId);
    expect(run.outputs['cert-id']).toBe(held?.certificate?.certId.toString());
    expect(run.outputs['order-id']).toBeUndefined();
    const leaf = new X509Certificate(run.outputs.certificate ?? '');
    expect(leaf.subjectAltName).toBe('DNS:www.example.com, DNS:api.example.net');
    expect(leaf.checkPrivateKey(createPrivateKey(run.outputs['private-key'] ?? ''))).toBe(true);
    // Created: one TXT record in each zone, under its RootDomain; seen: the service validated them; removed after.
    const added = answered('AddDomainRecord').map(
      (c) => `${c.params.RR}.${c.params.DomainName} ${c.params.Type}`,
    );
    expect(added.sort()).toEqual(['_dnsauth.api.example.net TXT', '_dnsauth.www.example.com TXT']);
    expect(held?.validatedAt).toBeDefined();
    expect(answered('DeleteDomainRecord')).toHaveLength(2);
    expect(validationRecords()).toEqual([]);
    expect(answered('ApplyCertificate')).toHaveLength(1);
    expect(run.summary).toContain(instance.instanceId);
    // Every line of the key was registered as a secret before the step reported the issued certificate.
    const lines = run.stdout.split('\n');
    const keyLines = privateKeyLines(run.outputs['private-key'] ?? '');
    const lastMask = Math.max(...keyLines.map((l) => lines.indexOf(`::add-mask::${l}`)));
    expect(Math.min(...keyLines.map((l) => lines.indexOf(`::add-mask::${l}`)))).toBeGreaterThan(-1);
    expect(lastMask).toBeLessThan(
      lines.findIndex((l) => l.startsWith(`issued: instance ${instance.instanceId}`)),
    );
    expectNoSecretsLeaked(run, run.outputs['private-key']);
  });

  it('after a crash mid-wait, the post step removes the records of every validation entry', async () => {
    const instance = emulator.instances.addInstance();
    emulator.instances.knobs.issuanceDelayMs = 120_000;
    const inputs = emulatorInputs(emulator, {
      'instance-id': instance.instanceId,
      domains: 'crash.example.com,crash.example.net',
      'wait-timeout': '60',
    });
    try {
      const crashed = await runAction(inputs, {
        killAfterMs: 5_000,
        whileRunning: () => eventually(() => validationRecords().length === 2),
      });
      expect(crashed.exitCode).toBeNull();
      // Both entries' strategies are in the saved ledger, not only the last one's.
      const saved = crashed.state['validation-cleanup'] ?? '';
      expect((JSON.parse(saved) as Array<{ zone: string }>).map((i) => i.zone).sort()).toEqual([
        'example.com',
        'example.net',
      ]);
      const post = await runAction(inputs, {
        env: { STATE_isPost: 'true', 'STATE_validation-cleanup': saved },
      });
      expect(post.exitCode).toBe(0);
      expect(post.stdout).toContain('Removing 2 validation leftover(s) of the main step.');
      expect(validationRecords()).toEqual([]);
    } finally {
      emulator.instances.knobs.issuanceDelayMs = 0;
    }
  });

  it('cancels a pending application (CancelPendingCertificate) and revokes an issued one (RevokeCertificate)', async () => {
    const pending = emulator.instances.addInstance();
    // The validation list at once, so the 1 s wait ends with the record to show however slow the machine is.
    emulator.instances.knobs.validationListDelayMs = 0;
    const waiting = await runAction(
      emulatorInputs(emulator, {
        'certificate-api': 'instance',
        'instance-id': pending.instanceId,
        domains: 'pending.example.com',
        'dns-provider': 'manual',
        'wait-timeout': '1',
        'fail-on-pending': 'false',
      }),
    );
    expect(waiting.exitCode).toBe(0);
    expect(waiting.outputs.status).toBe('pending');
    emulator.instances.knobs.validationListDelayMs = 300;
    expect(waiting.outputs['validation-record-domain']).toBe('_dnsauth.pending.example.com');
    const cancel = await runAction(
      emulatorInputs(emulator, { mode: 'cancel', 'instance-id': pending.instanceId }),
    );
    expect(cancel.exitCode).toBe(0);
    expect(cancel.outputs.status).toBe('cancelled');
    expect(answered('CancelPendingCertificate')).toHaveLength(1);
    expect(emulator.instances.instance(pending.instanceId)?.status).toBe('inactive');

    const issued = emulator.instances.addInstance();
    const issue = await runAction(
      emulatorInputs(emulator, { 'instance-id': issued.instanceId, domains: 'revoke.example.com' }),
    );
    expect(issue.outputs.status).toBe('issued');
    const revoke = await runAction(
      emulatorInputs(emulator, { mode: 'revoke', 'instance-id': issued.instanceId }),
    );
    expect(revoke.exitCode).toBe(0);
    expect(revoke.outputs.status).toBe('revoked');
    expect(revoke.outputs['cert-id']).toBe(issue.outputs['cert-id']);
    expect(emulator.instances.instance(issued.instanceId)?.certificate?.status).toBe('revoked');
    // Never the order operations for an instance.
    const orderOps = ['CancelOrderRequest', 'DeleteCertificateRequest', 'CancelCertificateForPackageRequest'];
    expect(emulator.calls.filter((c) => orderOps.includes(c.action ?? ''))).toEqual([]);
  });

  it('an ApplyCertificate whose answer was lost is reconciled by reading the instance, not sent again', async () => {
    emulator.instances.addInstance();
    emulator.faults.add({ action: 'ApplyCertificate', kind: 'drop-after' });
    const run = await runAction(
      emulatorInputs(emulator, { 'certificate-api': 'instance', domains: 'lost.example.com' }),
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('issued');
    expect(emulator.callsTo('ApplyCertificate')).toHaveLength(1);
    expect(run.stdout).toMatch(/ApplyCertificate failed: NetworkError.*reading instance/);
    expect(run.stdout).toContain('The uncertain ApplyCertificate did take effect');
  });
});

describe('mode: status', () => {
  it('of the account lists the instances; of an instance reports its state and certificate', async () => {
    const run = await runAction(emulatorInputs(emulator, { mode: 'status' }));
    expect(run.exitCode).toBe(0);
    const count = emulator.instances.instances().length;
    expect(run.stdout).toMatch(new RegExp(`V2\\.0 instances: ${count} \\(`));
    expect(run.summary).toContain(`#### V2.0 instances (${count})`);
    const issued = emulator.instances.instances().find((i) => i.status === 'normal');
    expect(run.summary).toContain(`| ${issued?.instanceId} |`);
    const one = await runAction(
      emulatorInputs(emulator, { mode: 'status', 'instance-id': issued?.instanceId ?? '' }),
    );
    expect(one.exitCode).toBe(0);
    expect(one.outputs).toMatchObject({ status: 'active', 'instance-id': issued?.instanceId });
    expect(one.outputs['not-after']).toMatch(/^\d{4}-/);
    expect(one.outputs['private-key']).toBeUndefined();
  });
});

describe('certificate-api: auto', () => {
  it('falls back to an instance when the V1.0 quota is used up, and fails naming both APIs when neither has room', async () => {
    emulator.cas.setPackage(FREE, 0);
    const instance = emulator.instances.addInstance();
    for (const other of emulator.instances.instances())
      if (other.status === 'inactive' && other !== instance) other.status = 'closed';
    const run = await runAction(
      emulatorInputs(emulator, { domains: 'auto.example.com', 'product-code': FREE }),
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('issued');
    expect(run.outputs['instance-id']).toBe(instance.instanceId);
    expect(run.stdout).toContain(
      `Certificate API: instance (auto: no V1.0 quota left for ${FREE} (0 of 0 used); ` +
        `${instance.instanceId} is an inactive DV instance).`,
    );

    emulator.calls.length = 0;
    const none = await runAction(
      emulatorInputs(emulator, { domains: 'none.example.com', 'product-code': FREE }),
    );
    expect(none.exitCode).toBe(1);
    expect(none.stdout).toMatch(
      /::error::.*certificate-api auto found no room in either certificate API: the 2020 order API has no V1\.0 quota left for digicert-free-1-free \(0 of 0 used\), and the V2\.0 instance API has no inactive DV instance/,
    );
    // Nothing was created: reads only.
    expect(emulator.calls.map((c) => c.action)).toEqual([
      'ListUserCertificateOrder',
      'DescribePackageState',
      'ListInstances',
    ]);
  });
});

describe('certificate-api: legacy-dv', () => {
  it('issues on a 2018 DV instance with DNS validation', async () => {
    const dv = emulator.legacyDv.addInstance();
    const run = await runAction(
      emulatorInputs(emulator, {
        'certificate-api': 'legacy-dv',
        domains: 'legacy.example.com',
        'contact-name': 'Ops',
        'contact-phone': '13800000000',
        'contact-email': 'ops@example.com',
      }),
    );
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('issued');
    expect(run.outputs['instance-id']).toBe(dv.instanceId);
    expect(new X509Certificate(run.outputs.certificate ?? '').subjectAltName).toBe('DNS:legacy.example.com');
    expect(emulator.legacyDv.instance(dv.instanceId)?.status).toBe('Issued');
    expect(answered('CreateDVOrderAudit')).toHaveLength(1);
    expect(answered('CreateDVOrderAudit')[0]?.params).toMatchObject({
      Province: 'Zhejiang',
      City: 'Hangzhou',
    });
    expect(answered('AddDomainRecord').map((c) => c.params.RR)).toEqual(['_dnsauth.legacy']);
    expect(validationRecords()).toEqual([]);
    expectNoSecretsLeaked(run, run.outputs['private-key']);
  });

  it('refuses before any call what CreateDVOrderAudit would refuse', async () => {
    const run = await runAction(
      emulatorInputs(emulator, { 'certificate-api': 'legacy-dv', domains: 'a.example.com,b.example.com' }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/input 'contact-name' is required with certificate-api legacy-dv/);
    expect(run.stdout).toMatch(/input 'domains' must hold exactly one name with certificate-api legacy-dv/);
    expect(emulator.calls).toEqual([]);
  });
});
