// The readings of the vendor documents that differ from the first one a client might pick (docs/validation-records.md):
// RecordDomain relative to the zone or in full, DigiCert validating www. at the base, the service writing the record
// itself, and the two spellings of "about to expire". Each runs `node dist/index.js` against the emulator.
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions } from '../../emulator/server.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type ActionRun, runAction } from '../support/run-action.js';

const DAY = 86_400_000;
const PAID = 'symantec-dv-1-starter';
const emulators: Emulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function start(options: EmulatorOptions): Promise<Emulator> {
  const emulator = await createEmulator({ recycleLeafKeys: true, ...options });
  emulators.push(emulator);
  return emulator;
}

/** Full names of the records AddDomainRecord was asked for. */
const addedNames = (emulator: Emulator) =>
  emulator
    .callsTo('AddDomainRecord')
    .map((c) => (c.params.RR === '@' ? c.params.DomainName : `${c.params.RR}.${c.params.DomainName}`));

function expectSuccess(run: ActionRun): void {
  expect(run.stdout).not.toContain('::error::');
  expect(run.exitCode).toBe(0);
}

const failure = (run: ActionRun) => run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';

describe.each(['zone-relative', 'full'] as const)('RecordDomain %s', (recordDomainStyle) => {
  const cases = [
    { domain: 'example.com', record: '_dnsauth.example.com', rr: '_dnsauth' },
    { domain: 'www.example.com', record: '_dnsauth.www.example.com', rr: '_dnsauth.www' },
    { domain: 'a.b.example.com', record: '_dnsauth.a.b.example.com', rr: '_dnsauth.a.b' },
    { domain: '*.example.com', record: '_dnsauth.example.com', rr: '_dnsauth' },
    { domain: 'api.dev.example.com', record: '_dnsauth.api.dev.example.com', rr: '_dnsauth.api' },
  ];
  it.each(cases)('validates $domain at $record and removes it', async ({ domain, record, rr }) => {
    const emulator = await start({ zones: ['example.com', 'dev.example.com'], recordDomainStyle });
    const run = await runAction(emulatorInputs(emulator, { domains: domain }));
    expectSuccess(run);
    expect(run.outputs.status).toBe('issued');
    // The quota as it stands after this run: its order used and issued.
    const pack = emulator.cas.package('symantec-free-1-free');
    expect([run.outputs['quota-used'], run.outputs['quota-issued']]).toEqual([
      String(pack?.used),
      String(pack?.issued),
    ]);
    expect(addedNames(emulator)).toEqual([record]);
    const zone = record.endsWith('dev.example.com') ? 'dev.example.com' : 'example.com';
    expect(emulator.callsTo('AddDomainRecord')[0]?.params).toMatchObject({ DomainName: zone, RR: rr });
    expect(run.stdout).toContain(`Created the TXT record ${record} in zone ${zone}`);
    expect(emulator.dns.records()).toEqual([]);
  });

  it('names the full record to create by hand (manual) in the notice, outputs and summary', async () => {
    const emulator = await start({ zones: ['example.com'], recordDomainStyle });
    const run = await runAction(
      emulatorInputs(emulator, {
        domains: 'a.b.example.co.uk',
        'dns-provider': 'manual',
        'wait-timeout': '0.2',
        'fail-on-pending': 'false',
      }),
    );
    expectSuccess(run);
    const token = emulator.cas.orders()[0]?.validationToken;
    expect(run.outputs['validation-record-name']).toBe('_dnsauth.a.b.example.co.uk');
    expect(run.outputs['validation-record-domain']).toBe(
      recordDomainStyle === 'full' ? '_dnsauth.a.b.example.co.uk' : '_dnsauth.a.b',
    );
    expect(run.stdout).toContain(`create a TXT record _dnsauth.a.b.example.co.uk with the value '${token}'`);
    expect(run.summary).toContain(`TXT _dnsauth.a.b.example.co.uk = ${token}`);
  });
});

describe('the service validating www. at the base domain (DigiCert)', () => {
  it.each(['zone-relative', 'full'] as const)(
    'writes only the base record (%s)',
    async (recordDomainStyle) => {
      const emulator = await start({ zones: ['example.com'], recordDomainStyle, validateWwwAtBase: true });
      const run = await runAction(emulatorInputs(emulator, { domains: 'www.example.com' }));
      expectSuccess(run);
      expect(addedNames(emulator)).toEqual(['_dnsauth.example.com']);
      expect(emulator.dns.records()).toEqual([]);
    },
  );
});

describe('the service writing the validation record itself', () => {
  it.each(['zone-relative', 'full'] as const)(
    'uses it, adds none and leaves it in place (%s)',
    async (style) => {
      // The CA checks a while after the order is made, so the action sees domain_verify with the record there.
      const emulator = await start({
        zones: ['example.com'],
        recordDomainStyle: style,
        autoDnsRecord: true,
        validationDelayMs: 3000,
        // A reading of the documents, not a fault: under chaos a lost create answer can delay the first read past
        // the CA's check, and the action then rightly never sees domain_verify (faults are tested in faults.test.ts).
        chaosMode: false,
      });
      const run = await runAction(emulatorInputs(emulator, { domains: 'www.example.com' }));
      expectSuccess(run);
      expect(emulator.callsTo('AddDomainRecord')).toEqual([]);
      expect(emulator.callsTo('DeleteDomainRecord')).toEqual([]);
      const left = emulator.dns.records();
      expect(left.map((r) => `${r.rr}.${r.domainName}`)).toEqual(['_dnsauth.www.example.com']);
      expect(run.stdout).toContain('already in zone example.com: using it, leaving it in place');
    },
  );
});

describe.each(['WILLEXPRIED', 'WILLEXPIRED'] as const)('about to expire spelled %s', (willExpireSpelling) => {
  async function seedIssued(emulator: Emulator, domains: string[], daysLeft: number, productCode = PAID) {
    const now = Date.now();
    return emulator.cas.seedOrder({
      domains,
      state: 'certificate',
      productCode,
      notBefore: now - (365 - daysLeft) * DAY,
      notAfter: now + daysLeft * DAY,
    });
  }

  it('renews by domains the order that is about to expire', async () => {
    const emulator = await start({ zones: ['example.com'], willExpireSpelling });
    const order = await seedIssued(emulator, ['due.example.com'], 20);
    const run = await runAction(emulatorInputs(emulator, { mode: 'renew', domains: 'due.example.com' }));
    expectSuccess(run);
    expect(run.outputs.status).toBe('renewed');
    expect(emulator.callsTo('RenewCertificateOrderForPackageRequest')[0]?.params.OrderId).toBe(
      order.orderId.toString(),
    );
  });

  it('reuses an about-to-expire certificate that is not yet due instead of ordering again', async () => {
    const emulator = await start({ zones: ['example.com'], willExpireSpelling });
    const order = await seedIssued(emulator, ['soon.example.com'], 20);
    const run = await runAction(
      emulatorInputs(emulator, { domains: 'soon.example.com', 'renew-before-days': '7' }),
    );
    expectSuccess(run);
    expect(run.outputs).toMatchObject({ status: 'unchanged', 'order-id': order.orderId.toString() });
    expect(emulator.callsTo('CreateCertificateForPackageRequest')).toEqual([]);
  });
});

describe('renew-before-days at or above the lifetime', () => {
  it('is capped at a third of the lifetime with a warning, so a daily run does not order every day', async () => {
    const emulator = await start({ zones: ['example.com'] });
    const now = Date.now();
    const order = await emulator.cas.seedOrder({
      domains: ['cap.example.com'],
      state: 'certificate',
      notBefore: now - 10 * DAY,
      notAfter: now + 80 * DAY,
    });
    const run = await runAction(
      emulatorInputs(emulator, { domains: 'cap.example.com', 'renew-before-days': '100' }),
    );
    expectSuccess(run);
    expect(run.outputs).toMatchObject({ status: 'unchanged', 'order-id': order.orderId.toString() });
    expect(run.stdout).toMatch(
      /::warning::renew-before-days 100 is not below the certificate's lifetime.*using 30 days/,
    );
    expect(emulator.callsTo('CreateCertificateForPackageRequest')).toEqual([]);
  });
});

describe('what a failed run leaves behind', () => {
  it('a timed-out wait: order-id and the full record in the outputs, the summary and the error', async () => {
    const emulator = await start({ zones: ['example.com'] });
    const run = await runAction(
      emulatorInputs(emulator, { domains: 'www.example.com', 'dns-provider': 'manual', 'wait-timeout': '1' }),
    );
    expect(run.exitCode).toBe(1);
    const order = emulator.cas.orders()[0];
    const orderId = order?.orderId.toString() ?? '';
    const token = order?.validationToken ?? '';
    expect(run.outputs).toMatchObject({
      'order-id': orderId,
      'validation-record-name': '_dnsauth.www.example.com',
      'validation-record-type': 'TXT',
      'validation-record-value': token,
    });
    expect(run.outputs.status).toBeUndefined();
    expect(failure(run)).toContain(
      `Order ${orderId} is still 'domain_verify' after wait-timeout 1s; still to do: create a TXT record ` +
        `_dnsauth.www.example.com with the value '${token}'`,
    );
    expect(run.summary).toContain('| Status | failed |');
    expect(run.summary).toContain(`| Order id | ${orderId} |`);
    expect(run.summary).toContain('| Order state | domain_verify |');
    expect(run.summary).toContain(
      `| Still to do | create a TXT record _dnsauth.www.example.com with the value '${token}' |`,
    );
    // The quota as it stands after this run's order.
    expect(run.outputs['quota-used']).toBe(String(emulator.cas.package('symantec-free-1-free')?.used));
    expect(run.outputs['quota-used']).toBe('1');
  });

  it('verify_fail: the order id, its state and what to do in the summary', async () => {
    const emulator = await start({ zones: ['example.com'], verifyFailDomains: ['bad.example.com'] });
    const run = await runAction(emulatorInputs(emulator, { domains: 'bad.example.com' }));
    expect(run.exitCode).toBe(1);
    const deleted = emulator.callsTo('DeleteCertificateRequest')[0]?.params.OrderId;
    expect(run.outputs['order-id']).toMatch(/^\d+$/);
    expect(run.outputs['order-id']).toBe(deleted);
    expect(run.summary).toContain('| Order state | verify_fail |');
    expect(run.summary).toContain('failed review (verify_fail) and was deleted');
  });

  it('bad input: one error naming the input, and a summary, before any call', async () => {
    const emulator = await start({ zones: ['example.com'] });
    const run = await runAction(
      emulatorInputs(emulator, { domains: 'https://example.com/', 'fail-on-pending': 'yes' }),
    );
    expect(run.exitCode).toBe(1);
    expect(failure(run)).toContain(`input 'domains' "https://example.com/" is a URL, not a domain name`);
    expect(failure(run)).toContain(`input 'fail-on-pending' must be true or false (got 'yes')`);
    expect(emulator.calls).toEqual([]);
    expect(run.summary).toContain('| Status | failed |');
  });

  it('example.com with *.example.com: refused before any call, saying to order them as two certificates', async () => {
    const emulator = await start({ zones: ['example.com'] });
    const run = await runAction(emulatorInputs(emulator, { domains: 'example.com, *.example.com' }));
    expect(run.exitCode).toBe(1);
    expect(failure(run)).toContain(
      "input 'domains' plain and wildcard domain names cannot be mixed in one certificate order: order them as " +
        'two certificates',
    );
    expect(emulator.calls).toEqual([]);
  });

  it('space-separated domains: refused before any call, saying to separate them with commas', async () => {
    const emulator = await start({ zones: ['example.com'] });
    const run = await runAction(emulatorInputs(emulator, { domains: 'example.com www.example.com' }));
    expect(run.exitCode).toBe(1);
    expect(failure(run)).toContain(
      `input 'domains' "example.com www.example.com" holds a space: separate names with commas or new lines`,
    );
    expect(emulator.calls).toEqual([]);
  });
});
