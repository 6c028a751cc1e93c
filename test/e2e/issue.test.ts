// mode: issue, end to end: `node dist/index.js` as GitHub runs it, against the emulator over loopback.
import { createPublicKey, X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCsr } from '../../emulator/ca.js';
import {
  createEmulator,
  createValidationRecordsByHand,
  type Emulator,
  emulatorInputs,
  expectDeliveredCertificate,
  expectNoSecretsLeaked,
  expectPrivateKeyMasked,
} from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

let emulator: Emulator;
const manual = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'dns-provider': 'manual', ...extra });
const creates = () => emulator.calls.filter((c) => c.action?.startsWith('Create') && c.status === 200);

beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com', 'example.org'] });
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.calls.length = 0;
});
afterAll(async () => {
  await emulator.close();
});

describe('issue', () => {
  it('issues one domain, delivers outputs, files and a summary, and leaks no secret', async () => {
    const domains = ['one.example.com'];
    const run = await runAction(manual({ domains: domains.join(), 'output-dir': 'certs' }), {
      whileRunning: () => createValidationRecordsByHand(emulator, domains),
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('issued');
    expectDeliveredCertificate(run, emulator, domains);
    const key = run.outputs['private-key'] ?? '';
    expect(
      new X509Certificate(run.outputs.certificate ?? '').checkPrivateKey(
        createPublicKey(key) && (await import('node:crypto')).createPrivateKey(key),
      ),
    ).toBe(true);
    expectPrivateKeyMasked(run, key);
    expectNoSecretsLeaked(run, key);
    expect(creates()).toHaveLength(1);
    expect(Number(run.outputs['quota-total'])).toBeGreaterThan(0);

    const dir = join(run.workDir, 'certs');
    expect(run.outputs['private-key-file']).toBe(join(dir, 'privkey.pem'));
    expect(await readFile(join(dir, 'privkey.pem'), 'utf8')).toBe(key);
    expect((await stat(join(dir, 'privkey.pem'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, 'fullchain.pem'), 'utf8')).toBe(run.outputs.fullchain);
    expect(await readFile(join(dir, 'cert.pem'), 'utf8')).toBe(run.outputs.certificate);

    expect(run.summary).toContain(run.outputs['order-id']);
    expect(run.summary).toContain(run.outputs['fingerprint-sha256']);
    expect(run.summary).toMatch(/Timeline \| .*certificate/);
    // output-dir is under RUNNER_TEMP here: the post step is told to remove the key file (keep-files: false).
    expect(run.state).toEqual({
      isPost: 'true',
      'key-files': JSON.stringify([join(run.workDir, 'certs', 'privkey.pem')]),
    });
    // Run from a shell there is no cache service: the action says so and carries on.
    expect(run.stdout).toContain('No Actions cache service in this run');
  });

  it('issues several domains on one order', async () => {
    const domains = ['a.example.com', 'b.example.com', 'c.example.org'];
    const run = await runAction(manual({ domains: domains.join('\n') }), {
      whileRunning: () => createValidationRecordsByHand(emulator, domains),
    });
    expect(run.exitCode).toBe(0);
    expectDeliveredCertificate(run, emulator, domains);
    expect(creates()).toHaveLength(1);
  });

  it('issues for a CSR and never asks for or outputs a private key', async () => {
    const domains = ['csr.example.com', 'www.csr.example.com'];
    const { csrPem, privateKeyPem } = await createCsr({ names: domains });
    const run = await runAction(
      manual({
        csr: csrPem,
        'create-operation': 'CreateCertificateWithCsrRequest',
        'contact-name': 'Tom',
        'contact-phone': '13900000000',
        'contact-email': 'tom@example.com',
      }),
      { whileRunning: () => createValidationRecordsByHand(emulator, domains) },
    );
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs['private-key']).toBeUndefined();
    const leaf = new X509Certificate(run.outputs.certificate ?? '');
    expect(leaf.checkPrivateKey((await import('node:crypto')).createPrivateKey(privateKeyPem))).toBe(true);
    expectDeliveredCertificate(run, emulator, domains);
  });

  it('refuses a CSR whose names differ from domains before any call', async () => {
    const { csrPem } = await createCsr({ names: ['other.example.com'] });
    const run = await runAction(manual({ csr: csrPem, domains: 'mine.example.com' }));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::.*input 'csr' names other\.example\.com, which differ from domains mine\.example\.com/,
    );
    expect(emulator.calls).toHaveLength(0);
  });

  it('leaves a pending order for a later run, which resumes it without ordering again', async () => {
    const domains = ['pending.example.com'];
    const first = await runAction(
      manual({ domains: domains.join(), 'wait-timeout': '0.3', 'fail-on-pending': 'false' }),
    );
    expect(first.exitCode).toBe(0);
    expect(first.outputs.status).toBe('pending');
    const orderId = first.outputs['order-id'] ?? '';
    const order = emulator.cas.order(orderId);
    expect(first.outputs).toMatchObject({
      // As the service gives it (relative to the zone), and in full.
      'validation-record-domain': '_dnsauth.pending',
      'validation-record-name': '_dnsauth.pending.example.com',
      'validation-record-type': 'TXT',
      'validation-record-value': order?.validationToken,
    });
    expect(first.stdout).toContain(`::notice::Order ${orderId} waits for domain validation`);
    expect(first.summary).toContain(order?.validationToken);

    const second = await runAction(manual({ domains: domains.join() }), {
      whileRunning: () => createValidationRecordsByHand(emulator, domains),
    });
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({ status: 'issued', 'order-id': orderId });
    expect(creates()).toHaveLength(1);
  });

  it('resumes the order named by order-id', async () => {
    const domains = ['byid.example.com'];
    const first = await runAction(
      manual({ domains: domains.join(), 'wait-timeout': '0.1', 'fail-on-pending': 'false' }),
    );
    const orderId = first.outputs['order-id'] ?? '';
    const second = await runAction(manual({ 'order-id': orderId }), {
      whileRunning: () => createValidationRecordsByHand(emulator, domains),
    });
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({ status: 'issued', 'order-id': orderId });
    expect(creates()).toHaveLength(1);
  });

  it('fails on a timeout with fail-on-pending, naming the order and how to resume', async () => {
    const run = await runAction(manual({ domains: 'timeout.example.com', 'wait-timeout': '0.3' }));
    expect(run.exitCode).toBe(1);
    const orderId = emulator.cas
      .orders()
      .find((o) => o.domains[0] === 'timeout.example.com')
      ?.orderId.toString();
    expect(run.stdout).toContain(
      `::error::Alibaba Cloud SSL certificate: Order ${orderId} is still 'domain_verify'`,
    );
    expect(run.stdout).toContain(`order-id ${orderId}`);
  });

  it('reuses a certificate with more than renew-before-days left, and orders when it is due', async () => {
    const domains = ['reuse.example.com'];
    const first = await runAction(manual({ domains: domains.join() }), {
      whileRunning: () => createValidationRecordsByHand(emulator, domains),
    });
    const createsBefore = creates().length;
    emulator.calls.length = 0;
    const again = await runAction(manual({ domains: domains.join() }));
    expect(again.exitCode).toBe(0);
    // Not due: a scheduled run costs two reads (the order list, then the order) and no order.
    expect(emulator.calls.map((c) => c.action)).toEqual([
      'ListUserCertificateOrder',
      'DescribeCertificateState',
    ]);
    expect(again.outputs).toMatchObject({ status: 'unchanged', 'order-id': first.outputs['order-id'] });
    expect(again.outputs.certificate).toBe(first.outputs.certificate);
    expectPrivateKeyMasked(again, again.outputs['private-key'] ?? '');
    expect(createsBefore).toBe(1);

    const due = await runAction(manual({ domains: domains.join(), 'renew-before-days': '89' }), {
      whileRunning: () => createValidationRecordsByHand(emulator, domains),
    });
    expect(due.exitCode).toBe(0);
    expect(due.outputs.status).toBe('issued');
    expect(due.outputs['order-id']).not.toBe(first.outputs['order-id']);
    expect(creates()).toHaveLength(1);
  });

  it('fails a verify_fail order with the remedy, and deletes it so the quota comes back', async () => {
    emulator.cas.knobs.verifyFailDomains = ['fail.example.com'];
    try {
      const used = emulator.cas.package('digicert-free-1-free')?.used ?? 0;
      const run = await runAction(
        manual({ domains: 'fail.example.com', 'product-code': 'digicert-free-1-free' }),
        {
          whileRunning: () => createValidationRecordsByHand(emulator, ['fail.example.com']),
        },
      );
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/::error::.*Order \d+ failed review \(verify_fail\) and was deleted/);
      expect(emulator.callsTo('DeleteCertificateRequest')).toHaveLength(1);
      expect(emulator.cas.package('digicert-free-1-free')?.used).toBe(used);
    } finally {
      emulator.cas.knobs.verifyFailDomains = [];
    }
  });

  it('fails clearly when no quota is left, before ordering', async () => {
    emulator.cas.setPackage('geotrust-dv-1-starter', 2, 2);
    const run = await runAction(
      manual({ domains: 'noquota.example.com', 'product-code': 'geotrust-dv-1-starter' }),
    );
    expect(run.exitCode).toBe(1);
    // certificate-api auto looked for a V2.0 instance too (docs/certificate-apis.md), and names both APIs.
    expect(run.stdout).toContain('no V1.0 quota left for geotrust-dv-1-starter (2 of 2 used)');
    expect(run.stdout).toContain('the V2.0 instance API has no inactive DV instance');
    const orderOnly = await runAction(
      manual({
        domains: 'noquota.example.com',
        'product-code': 'geotrust-dv-1-starter',
        'certificate-api': 'order',
      }),
    );
    expect(orderOnly.exitCode).toBe(1);
    expect(orderOnly.stdout).toContain(
      'No certificate quota left for product geotrust-dv-1-starter (2 of 2 used)',
    );
    expect(creates()).toHaveLength(0);
  });

  it.each(['drop-after', 'truncated'] as const)(
    'ends with one order when the create is %s (took effect, no clear answer)',
    async (kind) => {
      const domains = [`${kind}.example.com`];
      emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind });
      const run = await runAction(manual({ domains: domains.join() }), {
        whileRunning: () => createValidationRecordsByHand(emulator, domains),
      });
      expect(run.exitCode).toBe(0);
      expect(run.outputs.status).toBe('issued');
      expect(emulator.cas.orders().filter((o) => o.domains[0] === domains[0])).toHaveLength(1);
      expect(emulator.callsTo('CreateCertificateForPackageRequest')).toHaveLength(1);
      expect(run.stdout).toContain('adopting order');
    },
  );

  it('orders again only after proving that an uncertain create did not take effect', async () => {
    const domains = ['internal.example.com'];
    emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind: 'internal' });
    const run = await runAction(manual({ domains: domains.join() }), {
      whileRunning: () => createValidationRecordsByHand(emulator, domains),
    });
    expect(run.exitCode).toBe(0);
    expect(emulator.callsTo('CreateCertificateForPackageRequest')).toHaveLength(2);
    expect(emulator.cas.orders().filter((o) => o.domains[0] === domains[0])).toHaveLength(1);
  });

  it('retries reads through throttling and server errors', async () => {
    const domains = ['flaky.example.com'];
    emulator.faults.add({ action: 'DescribeCertificateState', kind: 'throttle', times: 2 });
    emulator.faults.add({ action: 'ListUserCertificateOrder', kind: 'unavailable' });
    emulator.faults.add({ action: 'DescribePackageState', kind: 'drop-before' });
    const run = await runAction(manual({ domains: domains.join() }), {
      whileRunning: () => createValidationRecordsByHand(emulator, domains),
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('issued');
  });
});

describe('bad input', () => {
  it.each([
    [{ domains: 'a.example.com,*.example.com' }, 'domains'],
    [
      { domains: 'a.example.com,b.example.com,c.example.com,d.example.com,e.example.com,f.example.com' },
      'domains',
    ],
    [{ domains: 'bad_label.example.com' }, 'domains'],
    [{ domains: '*.*.example.com' }, 'domains'],
    [{ domains: '' }, 'domains'],
    [{ mode: 'explode' }, 'mode'],
    [{ 'validation-method': 'EMAIL' }, 'validation-method'],
    [{ 'dns-provider': 'route53' }, 'dns-provider'],
    [{ 'poll-interval': '0' }, 'poll-interval'],
    [{ 'wait-timeout': '-5' }, 'wait-timeout'],
    [{ 'renew-before-days': 'soon' }, 'renew-before-days'],
    [{ 'fail-on-pending': 'perhaps' }, 'fail-on-pending'],
    [{ csr: 'not a csr' }, 'csr'],
    [{ csr: '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----' }, 'csr'],
    [{ 'create-operation': 'CreateCertificateRequest' }, 'contact-name'],
    [{ 'access-key-id': '' }, 'access-key-id'],
    [{ endpoint: 'ftp://example.com' }, 'endpoint'],
    [{ 'order-id': 'abc' }, 'order-id'],
  ])('%j fails naming %s, before any call', async (inputs, input) => {
    const run = await runAction(manual({ domains: 'ok.example.com', ...inputs }));
    expect(run.exitCode).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`input '${input}'`);
    expect(emulator.calls).toHaveLength(0);
  });
});
