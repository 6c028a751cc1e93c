// Lifecycle modes end to end — renew, cancel, revoke, status — from every state reference 003 names, refusals
// included: `node dist/index.js` as GitHub runs it, against the emulator over loopback. Orders are seeded straight
// into the emulator in the state and with the dates a case needs; quotas are read from the emulator itself.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCsr } from '../../emulator/ca.js';
import type { OrderState } from '../../emulator/cas-model.js';
import {
  createEmulator,
  type Emulator,
  emulatorInputs,
  expectDeliveredCertificate,
  expectNoSecretsLeaked,
  expectPrivateKeyMasked,
} from '../support/fixtures.js';
import { type ActionRun, eventually, runAction } from '../support/run-action.js';

const DAY = 86_400_000;
const PAID = 'symantec-dv-1-starter';
const FREE = 'digicert-free-1-free';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await createEmulator({
    zones: ['example.com', 'example.net'],
    packages: { [PAID]: 50, [FREE]: 50, 'symantec-free-1-free': 50 },
  });
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.calls.length = 0;
  delete emulator.cas.knobs.maxPageSize;
  emulator.cas.knobs.issuanceDelayMs = 0;
});
afterAll(async () => {
  await emulator.close();
});

const run = (inputs: Record<string, string>, options?: Parameters<typeof runAction>[1]) =>
  runAction(emulatorInputs(emulator, inputs), options);

async function seed(
  domains: string[],
  state: OrderState,
  opts: { productCode?: string; issuedDaysAgo?: number; daysLeft?: number } = {},
): Promise<string> {
  const now = Date.now();
  const order = await emulator.cas.seedOrder({
    domains,
    state,
    productCode: opts.productCode ?? PAID,
    ...(state === 'certificate' || state === 'revoked'
      ? {
          notBefore: now - (opts.issuedDaysAgo ?? 10) * DAY,
          notAfter: now + (opts.daysLeft ?? 300) * DAY,
        }
      : {}),
  });
  return order.orderId.toString();
}

const quota = (productCode: string) => ({ ...emulator.cas.package(productCode) });
/** Successful calls to the service, by action, in the order they were made. */
const actions = () => emulator.calls.filter((c) => c.status === 200).map((c) => c.action);

/** Exit 0, nothing on stderr, and every call the run made logged at debug level with its RequestId. */
function expectSuccess(result: ActionRun): void {
  expect(result.stderr).toBe('');
  expect(result.stdout).not.toContain('::error::');
  expect(result.exitCode).toBe(0);
  expectCallsLogged(result);
  expectNoSecretsLeaked(result, undefined);
}

function expectCallsLogged(result: ActionRun): void {
  const debug = result.stdout.split('\n').filter((line) => line.startsWith('::debug::'));
  expect(emulator.calls.length).toBeGreaterThan(0);
  // A call whose answer chaos mode dropped after processing never gave the client its RequestId.
  for (const call of emulator.calls.filter((c) => !(c.chaos && c.fault === 'drop-after'))) {
    expect(
      debug.some((l) => l.includes(`${call.action} (`) && l.includes(`RequestId ${call.requestId}`)),
    ).toBe(true);
  }
}

/** Exit 1 with one `::error::` line that names the order and contains every fragment. */
function expectRefusal(result: ActionRun | undefined, ...fragments: string[]): string {
  if (!result) throw new Error('no run');
  expect(result.exitCode).toBe(1);
  const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  const message = errors[0] ?? '';
  for (const fragment of fragments) expect(message).toContain(fragment);
  expectNoSecretsLeaked(result, undefined);
  return message;
}

describe('renew', () => {
  it('renews an issued paid order by order-id: a new order, validated in Alibaba Cloud DNS, fetched', async () => {
    const domains = ['renew.example.com', 'www.renew.example.com'];
    const oldId = await seed(domains, 'certificate', { issuedDaysAgo: 340, daysLeft: 25 });
    const before = quota(PAID);

    const result = await run({ mode: 'renew', 'order-id': oldId });
    expectSuccess(result);
    expect(result.outputs.status).toBe('renewed');
    const newId = result.outputs['order-id'] ?? '';
    expect(newId).not.toBe(oldId);
    expect(emulator.cas.order(newId)?.renewedFrom?.toString()).toBe(oldId);
    expectDeliveredCertificate(result, emulator, domains);
    expectPrivateKeyMasked(result, result.outputs['private-key'] ?? '');
    expectNoSecretsLeaked(result, result.outputs['private-key']);
    // The renewal is an order of its own: it takes one from the package.
    expect(quota(PAID)).toMatchObject({ used: (before.used ?? 0) + 1, issued: (before.issued ?? 0) + 1 });
    expect(result.outputs['quota-total']).toBe(String(before.total));
    expect(actions().filter((a) => a === 'RenewCertificateOrderForPackageRequest')).toHaveLength(1);
    expect(emulator.callsTo('RenewCertificateOrderForPackageRequest')[0]?.params.OrderId).toBe(oldId);
    expect(actions()).not.toContain('CreateCertificateForPackageRequest');
    // The validation records the action made are gone again.
    expect(
      emulator.dns
        .records()
        .filter((r) => r.rr.startsWith('_dnsauth') && r.value === emulator.cas.order(newId)?.validationToken),
    ).toEqual([]);
    expect(result.summary).toContain(`| Renewal of order | ${oldId} |`);
  });

  it('renews by domains through the order list (every page), with a CSR: the key stays with the user', async () => {
    emulator.cas.knobs.maxPageSize = 1;
    const domains = ['csr-renew.example.net'];
    const oldId = await seed(domains, 'certificate', { issuedDaysAgo: 350, daysLeft: 15 });
    await seed(domains, 'verify_fail');
    await seed(domains, 'certificate', { productCode: FREE, issuedDaysAgo: 100, daysLeft: -10 });
    const { csrPem } = await createCsr({ names: domains });

    const result = await run(
      { mode: 'renew', domains: domains.join(), csr: csrPem, 'dns-provider': 'manual' },
      {
        whileRunning: async (stdout) => {
          // Plays the user of dns-provider manual: reads the notice, creates the record the renewal order asks for.
          await eventually(() => stdout().includes('waits for domain validation'));
          const renewal = emulator.cas.orders().find((o) => o.renewedFrom?.toString() === oldId);
          emulator.dns.addRecord({
            fqdn: `_dnsauth.${domains[0]}`,
            type: 'TXT',
            value: renewal?.validationToken ?? '',
          });
        },
      },
    );
    expectSuccess(result);
    expect(result.outputs.status).toBe('renewed');
    expect(result.outputs['private-key']).toBeUndefined();
    expect(emulator.callsTo('RenewCertificateOrderForPackageRequest')[0]?.params).toMatchObject({
      OrderId: oldId,
      Csr: csrPem.trim(),
    });
    // Every page, in order (a lost renew answer under chaos mode reads the list again after these).
    expect(
      emulator
        .callsTo('ListUserCertificateOrder')
        .map((c) => c.params.CurrentPage)
        .slice(0, 3),
    ).toEqual(['1', '2', '3']);
    expect(result.stdout).toContain(
      `::notice::Order ${result.outputs['order-id']} waits for domain validation`,
    );
  });

  it('resumes a renewal in flight, then hands the renewal out: never pays twice', async () => {
    const domains = ['again.example.com'];
    // Due: 20 of 90 days left, within renew-before-days (30).
    const oldId = await seed(domains, 'certificate', { issuedDaysAgo: 70, daysLeft: 20 });
    const first = await run({
      mode: 'renew',
      'order-id': oldId,
      'dns-provider': 'manual',
      'wait-timeout': '0.3',
      'fail-on-pending': 'false',
    });
    expectSuccess(first);
    expect(first.outputs.status).toBe('pending');
    expect(first.outputs['validation-record-value']).toBe(
      emulator.cas.order(first.outputs['order-id'] ?? '')?.validationToken,
    );

    emulator.calls.length = 0;
    const second = await run({ mode: 'renew', 'order-id': oldId });
    expectSuccess(second);
    expect(second.outputs.status).toBe('renewed');
    expect(second.outputs['order-id']).toBe(first.outputs['order-id']);
    expect(actions()).not.toContain('RenewCertificateOrderForPackageRequest');
    expect(second.stdout).toContain('already in flight: resuming it');

    // The scheduled run comes again: the renewal is handed out, nothing is paid twice.
    emulator.calls.length = 0;
    const third = await run({ mode: 'renew', 'order-id': oldId });
    expectSuccess(third);
    expect(third.outputs).toMatchObject({ status: 'unchanged', 'order-id': second.outputs['order-id'] });
    expect(third.outputs.certificate).toBe(second.outputs.certificate);
    expect(third.stdout).toContain(`::notice::Order ${oldId} is renewed already`);
    expect(actions()).not.toContain('RenewCertificateOrderForPackageRequest');
  });

  it('refuses what cannot be renewed, naming the mode that fits, without a call that changes anything', async () => {
    const free = await seed(['free-renew.example.com'], 'certificate', { productCode: FREE, daysLeft: 40 });
    const expired = await seed(['expired-renew.example.com'], 'certificate', {
      issuedDaysAgo: 400,
      daysLeft: -5,
    });
    const pending = await seed(['pending-renew.example.com'], 'domain_verify');
    const failed = await seed(['failed-renew.example.com'], 'verify_fail');
    const revoked = await seed(['revoked-renew.example.com'], 'revoked');
    const cases: Array<[Record<string, string>, string[]]> = [
      [{ 'order-id': free }, [`Order ${free} is a free certificate (${FREE})`, 'mode: issue']],
      [{ 'order-id': expired }, [`The certificate of order ${expired} expired on`, 'mode: issue']],
      [
        { 'order-id': pending },
        [`Order ${pending} is not issued yet ('domain_verify')`, `mode: issue and order-id ${pending}`],
      ],
      [{ 'order-id': failed }, [`Order ${failed} is 'verify_fail'`, 'mode: issue']],
      [{ 'order-id': revoked }, [`Order ${revoked} is 'unknow'`, 'mode: issue']],
      [{ 'order-id': '777' }, ['Order 777 does not exist', 'order-id']],
      [
        { domains: 'none-renew.example.com' },
        ['No issued, still valid order for none-renew.example.com', 'mode: issue'],
      ],
      [{ domains: 'expired-renew.example.com' }, ['No issued, still valid order', 'EXPIRED', 'mode: issue']],
      [
        { 'order-id': free, domains: 'other.example.com' },
        [`Order ${free} is for free-renew.example.com`, 'domains'],
      ],
    ];
    const before = emulator.cas.packages().map((p) => ({ ...p }));
    const results = await Promise.all(cases.map(([inputs]) => run({ mode: 'renew', ...inputs })));
    results.forEach((result, i) => {
      expectRefusal(result, ...(cases[i]?.[1] ?? []));
    });
    expect(emulator.calls.map((c) => c.action)).not.toContain('RenewCertificateOrderForPackageRequest');
    expect(emulator.cas.packages()).toEqual(before);
  });
});

describe('cancel', () => {
  it('withdraws and deletes an order waiting for validation, returns its quota and removes its record; twice is fine', async () => {
    // Two names, and a record for one of them only (as a run that died half-way would leave it): still waiting.
    const domains = ['cancel.example.com', 'cancel.example.net'];
    const orderId = await seed(domains, 'domain_verify');
    const token = emulator.cas.order(orderId)?.validationToken ?? '';
    const ours = emulator.dns.addRecord({ fqdn: '_dnsauth.cancel.example.com', type: 'TXT', value: token });
    const theirs = emulator.dns.addRecord({
      fqdn: '_dnsauth.cancel.example.com',
      type: 'TXT',
      value: 'someone-else',
    });
    const before = quota(PAID);

    const first = await run({ mode: 'cancel', 'order-id': orderId });
    expectSuccess(first);
    expect(first.outputs).toMatchObject({ status: 'cancelled', 'order-id': orderId });
    expect(actions().filter((a) => a === 'CancelOrderRequest' || a === 'DeleteCertificateRequest')).toEqual([
      'CancelOrderRequest',
      'DeleteCertificateRequest',
    ]);
    expect(emulator.cas.order(orderId)).toBeUndefined();
    expect(quota(PAID).used).toBe((before.used ?? 0) - 1);
    expect(first.outputs['quota-used']).toBe(String((before.used ?? 0) - 1));
    const left = emulator.dns.records('example.com').map((r) => r.recordId);
    expect(left).not.toContain(ours.recordId);
    expect(left).toContain(theirs.recordId);
    expect(first.summary).toContain('| Previous state | domain_verify |');
    expect(first.summary).toContain('1 removed from Alibaba Cloud DNS');

    emulator.calls.length = 0;
    const second = await run({ mode: 'cancel', 'order-id': orderId });
    expectSuccess(second);
    expect(second.outputs.status).toBe('cancelled');
    expect(second.stdout).toContain(
      `::notice::Order ${orderId} does not exist: it was already cancelled and deleted`,
    );
    expect(emulator.calls.map((c) => [c.action, c.code])).toEqual([
      ['DescribeCertificateState', 'NotFoundOrder'],
    ]);
    expect(quota(PAID).used).toBe((before.used ?? 0) - 1);
  });

  it.each([
    ['process', ['CancelOrderRequest', 'DeleteCertificateRequest']],
    ['verify_fail', ['DeleteCertificateRequest']],
    ['payed', ['DeleteCertificateRequest']],
  ] as const)('from %s: %j, and the quota comes back', async (state, calls) => {
    emulator.cas.knobs.issuanceDelayMs = 3_600_000; // a `process` order stays in review
    const orderId = await seed([`cancel-${state.replace('_', '-')}.example.com`], state);
    const before = quota(PAID);
    const result = await run({ mode: 'cancel', 'order-id': orderId });
    expectSuccess(result);
    expect(result.outputs.status).toBe('cancelled');
    // Reads aside (the order, the list, the quota, and the DNS look-up for a record left behind past validation).
    expect(actions().filter((a) => !/^(Describe|List)/.test(a ?? ''))).toEqual(calls);
    expect(emulator.cas.order(orderId)).toBeUndefined();
    expect(quota(PAID).used).toBe((before.used ?? 0) - 1);
  });

  it('refuses an issued order (pointing to revoke) and a revoked one, changing nothing', async () => {
    const issued = await seed(['cancel-issued.example.com'], 'certificate');
    const revoked = await seed(['cancel-revoked.example.com'], 'revoked');
    const before = emulator.cas.packages().map((p) => ({ ...p }));
    const [a, b] = await Promise.all([
      run({ mode: 'cancel', 'order-id': issued }),
      run({ mode: 'cancel', 'order-id': revoked }),
    ]);
    expectRefusal(a, `Order ${issued} is already issued`, 'mode: revoke');
    expectRefusal(b, `Order ${revoked} is in state 'unknow'`, 'mode: status');
    expect(emulator.cas.order(issued)?.state).toBe('certificate');
    expect(emulator.cas.packages()).toEqual(before);
    // Reads only: the issued order once, the revoked one three times (an unknown state is read again to be sure).
    expect(actions()).toEqual(Array(4).fill('DescribeCertificateState'));
  });
});

describe('revoke', () => {
  it('revokes within 30 days of issue: the quota comes back, and revoking again is a notice', async () => {
    const orderId = await seed(['revoke.example.com'], 'certificate', { issuedDaysAgo: 5 });
    const before = quota(PAID);
    const result = await run({ mode: 'revoke', 'order-id': orderId });
    expectSuccess(result);
    expect(result.outputs).toMatchObject({ status: 'revoked', 'order-id': orderId });
    expect(actions()).toContain('CancelCertificateForPackageRequest');
    expect(emulator.cas.order(orderId)?.state).toBe('revoked');
    expect(quota(PAID)).toMatchObject({ used: (before.used ?? 0) - 1, issued: (before.issued ?? 0) - 1 });
    expect(result.summary).toMatch(
      /\| Quota refund \| comes back: revoked 5 days after issue \(\d{4}-\d\d-\d\d\), within the 30 days/,
    );
    expect(result.outputs['quota-used']).toBe(String((before.used ?? 0) - 1));
    expect(result.outputs['private-key']).toBeUndefined();

    emulator.calls.length = 0;
    const again = await run({ mode: 'revoke', 'order-id': orderId });
    expectSuccess(again);
    expect(again.outputs.status).toBe('revoked');
    expect(again.stdout).toContain(`::notice::Order ${orderId} is already revoked`);
    expect(actions()).not.toContain('CancelCertificateForPackageRequest');
  });

  it('revokes after 30 days: the summary says the quota does not come back', async () => {
    const orderId = await seed(['revoke-late.example.com'], 'certificate', { issuedDaysAgo: 40 });
    const before = quota(PAID);
    const result = await run({ mode: 'revoke', 'order-id': orderId });
    expectSuccess(result);
    expect(result.outputs.status).toBe('revoked');
    expect(quota(PAID)).toEqual(before);
    expect(result.summary).toContain('does not come back: revoked 40 days after issue');
  });

  it('refuses orders with no certificate, naming cancel', async () => {
    emulator.cas.knobs.issuanceDelayMs = 3_600_000; // a `process` order stays in review
    const states = ['domain_verify', 'process', 'verify_fail', 'payed'] as const;
    const ids = await Promise.all(states.map((s) => seed([`revoke-${s.replace('_', '-')}.example.com`], s)));
    const results = await Promise.all([...ids, '778'].map((id) => run({ mode: 'revoke', 'order-id': id })));
    states.forEach((state, i) => {
      expectRefusal(results[i], `Order ${ids[i]} `, `'${state}'`, 'mode: cancel');
    });
    expectRefusal(results[4], 'Order 778 does not exist', 'order-id');
    expect(emulator.calls.map((c) => c.action)).not.toContain('CancelCertificateForPackageRequest');
  });
});

describe('status', () => {
  it('reports the order, its certificate, the quota, every page of matching orders and the CDN domain', async () => {
    emulator.cas.knobs.maxPageSize = 2;
    const domains = ['status.example.com'];
    const orderId = await seed(domains, 'certificate', { issuedDaysAgo: 20, daysLeft: 70 });
    const others = [
      await seed(domains, 'domain_verify'),
      await seed(domains, 'verify_fail'),
      await seed(domains, 'certificate', { issuedDaysAgo: 400, daysLeft: -30 }),
      await seed(domains, 'payed'),
    ];
    await seed(['www.status.example.com'], 'certificate');
    await emulator.cdn.setDomainCertificate('cdn.status.example.com', { orderId });
    const order = emulator.cas.order(orderId);

    const result = await run({
      mode: 'status',
      'order-id': orderId,
      domains: domains.join(),
      'cdn-domain': 'cdn.status.example.com',
      'output-dir': 'certs',
    });
    expectSuccess(result);
    const leaf = new X509Certificate(order?.certificate?.certificatePem ?? '');
    const notAfter = `${new Date(leaf.validTo).toISOString().slice(0, 19)}Z`;
    expect(result.outputs).toMatchObject({
      status: 'active',
      'order-id': orderId,
      'cert-id': order?.certificate?.certId,
      'not-after': notAfter,
      'days-remaining': '69',
      'fingerprint-sha256': leaf.fingerprint256,
      domains: 'status.example.com',
      'quota-total': String(quota(PAID).total),
      'quota-used': String(quota(PAID).used),
      'quota-issued': String(quota(PAID).issued),
      'cdn-not-after': notAfter,
      'cdn-days-remaining': '69',
    });
    // Status never hands out the key, in outputs or files.
    expect(result.outputs['private-key']).toBeUndefined();
    expect(result.outputs['private-key-file']).toBeUndefined();
    expectNoSecretsLeaked(result, order?.certificate?.privateKeyPem);
    expect(result.files.output).not.toContain('PRIVATE KEY');
    // Five orders for these names, two to a page: three pages.
    // Every page, in order (a lost renew answer under chaos mode reads the list again after these).
    expect(
      emulator
        .callsTo('ListUserCertificateOrder')
        .map((c) => c.params.CurrentPage)
        .slice(0, 3),
    ).toEqual(['1', '2', '3']);
    expect(result.summary).toContain('#### Orders (5)');
    for (const id of [orderId, ...others]) expect(result.summary).toContain(`| ${id} | status.example.com |`);
    expect(result.summary).toContain('| State | certificate (ISSUED in the order list) |');
    expect(result.summary).toContain(`| CDN cdn.status.example.com serves order ${orderId} | yes |`);
    expect(result.summary).toMatch(/\| CDN cdn\.status\.example\.com \| .* until .* \(69 days\) \|/);
    expect(actions()).toEqual(
      expect.arrayContaining([
        'DescribeCertificateState',
        'DescribePackageState',
        'DescribeDomainCertificateInfo',
      ]),
    );
  });

  it('reports a pending order with its validation record, found by order-id alone', async () => {
    const orderId = await seed(['status-pending.example.com'], 'domain_verify', { productCode: FREE });
    const result = await run({ mode: 'status', 'order-id': orderId });
    expectSuccess(result);
    expect(result.outputs).toMatchObject({
      status: 'active',
      'order-id': orderId,
      'validation-record-domain': '_dnsauth.status-pending',
      'validation-record-name': '_dnsauth.status-pending.example.com',
      'validation-record-type': 'TXT',
      'validation-record-value': emulator.cas.order(orderId)?.validationToken,
      // The product's quota, learnt from the order list.
      'quota-total': String(quota(FREE).total),
    });
    expect(result.outputs['not-after']).toBeUndefined();
    expect(emulator.callsTo('DescribePackageState')[0]?.params.ProductCode).toBe(FREE);
    expect(result.summary).toContain('| State | domain_verify (CHECKING in the order list) |');
    expect(result.summary).toContain(`| ${orderId} | status-pending.example.com | CHECKING | ${FREE} |`);
  });

  it('reports an expired certificate by domains (days remaining below zero) and a CDN domain without HTTPS', async () => {
    const orderId = await seed(['status-expired.example.com'], 'certificate', {
      issuedDaysAgo: 100,
      daysLeft: -10,
    });
    emulator.cdn.addDomain('cdn.status-expired.example.com');
    const result = await run({
      mode: 'status',
      domains: 'status-expired.example.com',
      'cdn-domain': 'cdn.status-expired.example.com',
    });
    expectSuccess(result);
    expect(result.outputs).toMatchObject({ status: 'active', 'order-id': orderId, 'days-remaining': '-11' });
    expect(result.outputs['cdn-not-after']).toBeUndefined();
    expect(result.summary).toContain(
      '| CDN cdn.status-expired.example.com | no certificate served (HTTPS off) |',
    );
    expect(result.summary).toContain('| State | certificate (EXPIRED in the order list) |');
  });

  it('fails clearly when the order, the domains or the CDN domain are unknown', async () => {
    const [noOrder, noDomains, noCdn] = await Promise.all([
      run({ mode: 'status', 'order-id': '779' }),
      run({ mode: 'status', domains: 'nothing.example.com' }),
      run({ mode: 'status', 'cdn-domain': 'cdn.nothing.example.com' }),
    ]);
    expectRefusal(noOrder, 'Order 779 does not exist', 'check order-id', 'mode: issue');
    expectRefusal(noDomains, 'No order for nothing.example.com was found', 'mode: issue');
    expectRefusal(noCdn, 'CDN domain cdn.nothing.example.com is not in this account', 'cdn-domain');
  });
});
