// mode: renew in-process through FlowContext against the emulator: by order-id and by domains (both spellings of
// "about to expire"), refusals, a renewal reused or resumed, and an uncertain renew call reconciled.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCsr } from '../../emulator/ca.js';
import type { CallRecord } from '../../emulator/server.js';
import {
  closeAll,
  DAY,
  type Emulator,
  FlowError,
  FREE,
  flowContext,
  PAID,
  quotaOf,
  refusal,
  renewCertificate,
  seed,
  startEmulator,
  validationRecords,
  writes,
} from '../support/flow-context.js';

const RENEW = 'RenewCertificateOrderForPackageRequest';
let emulator: Emulator;
/** Runs after the emulator answered a call: plays another run (or the console) acting in between. */
let afterCall: ((call: CallRecord) => void) | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ onCall: (call) => afterCall?.(call) });
});
beforeEach(() => {
  afterCall = undefined;
  emulator.cas.knobs.verifyFailDomains = [];
  emulator.faults.clear();
  emulator.calls.length = 0;
  emulator.cas.knobs.issuanceDelayMs = 0;
  emulator.cas.knobs.willExpireSpelling = 'WILLEXPRIED';
});
afterAll(() => closeAll(emulator));

const renew = (inputs: Record<string, string>, options?: Parameters<typeof flowContext>[2]) => {
  // These cases are about how a renewal is made, not when: force it (test 'renew, only when due' covers when).
  const harness = flowContext(emulator, { mode: 'renew', force: 'true', ...inputs }, options);
  return { harness, run: renewCertificate(harness.ctx, harness.domains) };
};
const renewals = (oldId: string) => emulator.cas.orders().filter((o) => o.renewedFrom?.toString() === oldId);

describe('renew, main path', () => {
  it('renews by order-id: one renew call, a new order that is validated, issued and checked', async () => {
    const domains = ['renew.example.com', 'www.renew.example.com'];
    const oldId = await seed(emulator, domains, 'certificate', { issuedDaysAgo: 340, daysLeft: 25 });
    const old = emulator.cas.order(oldId);
    const before = quotaOf(emulator);

    const { harness, run } = renew({ 'order-id': oldId });
    const result = await run;

    expect(result.status).toBe('renewed');
    const [renewal, ...more] = renewals(oldId);
    expect(more).toEqual([]);
    const newId = renewal?.orderId.toString();
    expect(result.orderId).toBe(newId);
    expect(newId).not.toBe(oldId);
    expect(renewal?.state).toBe('certificate');
    expect(renewal?.createOperation).toBe(RENEW);
    expect(result.certId).toBe(renewal?.certificate?.certId);
    // The certificate handed out is the renewal's own, for the same names, not the old one.
    const leaf = new X509Certificate(renewal?.certificate?.certificatePem ?? '');
    expect(result.certificate?.info.fingerprintSha256).toBe(leaf.fingerprint256);
    expect(result.certificate?.info.names.sort()).toEqual([...domains].sort());
    expect(result.certificate?.info.notAfter.getTime()).toBeGreaterThan(old?.certificate?.notAfter ?? 0);
    expect(result.timeline.at(-1)?.state).toBe('certificate');
    expect(result.details).toContainEqual(['Renewal of order', oldId]);
    expect(result.details.find(([k]) => k === 'Previous certificate until')?.[1]).toBe(
      new Date(old?.certificate?.notAfter ?? 0).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    );
    // The renewal takes one from the package; the quota reported is the one read before renewing.
    expect(quotaOf(emulator)).toMatchObject({
      used: (before.used ?? 0) + 1,
      issued: (before.issued ?? 0) + 1,
    });
    expect(result.quota).toMatchObject({ productCode: PAID, used: before.used, total: before.total });
    expect(emulator.callsTo(RENEW).map((c) => c.params.OrderId)).toEqual([oldId]);
    expect(emulator.callsTo('CreateCertificateForPackageRequest')).toEqual([]);
    expect(harness.known).toContain(newId);
    // The old order is untouched and the validation records made for the renewal are gone again.
    expect(emulator.cas.order(oldId)?.state).toBe('certificate');
    expect(validationRecords(emulator, renewal?.validationToken)).toEqual([]);
    expect(emulator.callsTo('AddDomainRecord').length).toBeGreaterThan(0);
  });

  it.each(['WILLEXPRIED', 'WILLEXPIRED'] as const)(
    'renews by domains when the list spells about-to-expire %s, skipping orders that are not issued',
    async (spelling) => {
      emulator.cas.knobs.willExpireSpelling = spelling;
      const domains = [`soon-${spelling.toLowerCase()}.example.net`];
      const oldId = await seed(emulator, domains, 'certificate', { issuedDaysAgo: 350, daysLeft: 15 });
      await seed(emulator, domains, 'verify_fail');
      await seed(emulator, domains, 'certificate', { issuedDaysAgo: 400, daysLeft: -10 });
      await seed(emulator, domains, 'revoked');

      const { harness, run } = renew({ domains: domains.join() });
      const result = await run;

      expect(result.status).toBe('renewed');
      expect(emulator.callsTo(RENEW).map((c) => c.params.OrderId)).toEqual([oldId]);
      expect(result.orderId).toBe(renewals(oldId)[0]?.orderId.toString());
      expect(harness.logged('info')).toContain(`Order ${oldId} is the issued order for ${domains[0]}.`);
    },
  );

  it('renews by order-id when the domains input names the same set in another order', async () => {
    const oldId = await seed(emulator, ['b.same.example.com', 'a.same.example.com'], 'certificate', {
      daysLeft: 20,
    });
    const result = await renew({ 'order-id': oldId, domains: 'a.same.example.com,b.same.example.com' }).run;
    expect(result.status).toBe('renewed');
    expect(emulator.callsTo(RENEW)).toHaveLength(1);
  });

  it('ends pending when the renewal is not validated in time, with the renewal and the quota reported', async () => {
    const domains = ['renew-pending.example.com'];
    const oldId = await seed(emulator, domains, 'certificate', { daysLeft: 20 });
    const result = await renew({
      'order-id': oldId,
      'dns-provider': 'manual',
      'wait-timeout': '0.1',
      'fail-on-pending': 'false',
    }).run;
    const renewal = renewals(oldId)[0];
    expect(result).toMatchObject({
      status: 'pending',
      orderId: renewal?.orderId.toString(),
      state: 'domain_verify',
    });
    expect(result.challenge).toMatchObject({ method: 'DNS', recordValue: renewal?.validationToken });
    expect(result.recordNames).toEqual(['_dnsauth.renew-pending.example.com']);
    expect(result.quota?.productCode).toBe(PAID);
    expect(result.details.map(([k]) => k)).toEqual([
      'Renewal of order',
      'Previous certificate until',
      'Still to do',
    ]);
    expect(result.certificate).toBeUndefined();
    expect(renewal?.state).toBe('domain_verify');
  });
});

describe('renew, never twice', () => {
  it('hands out a renewal made already (status unchanged) without renewing again', async () => {
    const domains = ['renewed.example.com'];
    const oldId = await seed(emulator, domains, 'certificate', { issuedDaysAgo: 340, daysLeft: 25 });
    // An older, shorter issued order for the same names is no successor; the longest-lasting one is.
    await seed(emulator, domains, 'certificate', { issuedDaysAgo: 360, daysLeft: 5 });
    await seed(emulator, domains, 'certificate', { issuedDaysAgo: 2, daysLeft: 200 });
    const successor = await seed(emulator, domains, 'certificate', { issuedDaysAgo: 1, daysLeft: 360 });
    // Another product's order lasts longer still, but is no renewal of this one.
    await seed(emulator, domains, 'certificate', { productCode: FREE, issuedDaysAgo: 1, daysLeft: 400 });
    const before = emulator.cas.packages().map((p) => ({ ...p }));

    const { harness, run } = renew({ 'order-id': oldId });
    const result = await run;

    expect(result).toMatchObject({ status: 'unchanged', orderId: successor });
    expect(result.certId).toBe(emulator.cas.order(successor)?.certificate?.certId);
    expect(result.certificate?.info.fingerprintSha256).toBe(
      new X509Certificate(emulator.cas.order(successor)?.certificate?.certificatePem ?? '').fingerprint256,
    );
    expect(result.details).toEqual([['Renewal of order', oldId]]);
    expect(result.timeline.map((t) => t.state)).toEqual(['certificate']);
    expect(harness.logged('notice').join('\n')).toContain(
      `Order ${oldId} is renewed already: order ${successor}`,
    );
    expect(emulator.callsTo(RENEW)).toEqual([]);
    expect(writes(emulator)).toEqual([]);
    expect(emulator.cas.packages()).toEqual(before);
  });

  it('resumes a renewal in flight from an earlier run instead of paying again', async () => {
    const domains = ['inflight.example.com'];
    const oldId = await seed(emulator, domains, 'certificate', { daysLeft: 20 });
    const inFlight = await seed(emulator, domains, 'domain_verify');
    const before = quotaOf(emulator);

    const { harness, run } = renew({ 'order-id': oldId });
    const result = await run;

    expect(result).toMatchObject({ status: 'renewed', orderId: inFlight });
    expect(emulator.cas.order(inFlight)?.state).toBe('certificate');
    expect(emulator.callsTo(RENEW)).toEqual([]);
    expect(quotaOf(emulator)).toMatchObject({ used: before.used, issued: (before.issued ?? 0) + 1 });
    expect(harness.logged('info')).toContain(
      `Order ${inFlight} for inflight.example.com is already in flight: resuming it.`,
    );
    expect(harness.known).toEqual([inFlight]);
  });

  it("does not resume another product's order in flight for the same names: it renews", async () => {
    const domains = ['inflight-other.example.com'];
    const oldId = await seed(emulator, domains, 'certificate', { daysLeft: 20 });
    const other = await seed(emulator, domains, 'domain_verify', { productCode: FREE });
    const result = await renew({ 'order-id': oldId }).run;
    expect(result.status).toBe('renewed');
    expect(result.orderId).not.toBe(other);
    expect(emulator.callsTo(RENEW).map((c) => c.params.OrderId)).toEqual([oldId]);
    expect(emulator.cas.order(other)?.state).toBe('domain_verify');
  });

  it('adopts the renewal an uncertain renew call made (answer lost after it took effect): one call, one order', async () => {
    const domains = ['uncertain.example.com'];
    const oldId = await seed(emulator, domains, 'certificate', { daysLeft: 20 });
    const before = quotaOf(emulator);
    emulator.faults.add({ action: RENEW, kind: 'drop-after' });

    const { harness, run } = renew({ 'order-id': oldId });
    const result = await run;

    const made = renewals(oldId);
    expect(made).toHaveLength(1);
    expect(result).toMatchObject({ status: 'renewed', orderId: made[0]?.orderId.toString() });
    expect(emulator.callsTo(RENEW)).toHaveLength(1);
    expect(emulator.callsTo(RENEW)[0]).toMatchObject({ status: 0, fault: 'drop-after' });
    expect(quotaOf(emulator).used).toBe((before.used ?? 0) + 1);
    expect(harness.logged('warning').join('\n')).toContain('checking whether the order was created');
    expect(harness.logged('info')).toContain(
      `The uncertain create did take effect: adopting order ${made[0]?.orderId.toString()}.`,
    );
  });

  it('renews again when an uncertain renew call proves not to have happened (quota unchanged)', async () => {
    const domains = ['lost.example.com'];
    const oldId = await seed(emulator, domains, 'certificate', { daysLeft: 20 });
    const before = quotaOf(emulator);
    emulator.faults.add({ action: RENEW, kind: 'drop-before' });

    const { harness, run } = renew({ 'order-id': oldId });
    const result = await run;

    const made = renewals(oldId);
    expect(made).toHaveLength(1);
    expect(result).toMatchObject({ status: 'renewed', orderId: made[0]?.orderId.toString() });
    expect(emulator.callsTo(RENEW).map((c) => c.fault ?? 'answered')).toEqual(['drop-before', 'answered']);
    expect(quotaOf(emulator).used).toBe((before.used ?? 0) + 1);
    expect(harness.logged('info')).toContain(
      'The uncertain create did not take effect (quota unchanged): it is safe to order.',
    );
  });
});

describe('renew, refusals: nothing is renewed and the quota is untouched', () => {
  it.each([
    [
      'a free product',
      { productCode: FREE, daysLeft: 40 },
      'certificate',
      /is a free certificate \(digicert-free-1-free\).*mode: issue/,
    ],
    [
      'an expired certificate',
      { issuedDaysAgo: 400, daysLeft: -5 },
      'certificate',
      /expired on \d{4}-\d\d-\d\d and cannot be renewed.*mode: issue/,
    ],
    [
      'an order waiting for validation',
      {},
      'domain_verify',
      /is not issued yet \('domain_verify'\).*mode: issue and order-id/,
    ],
    ['an order in review', {}, 'process', /is not issued yet \('process'\)/],
    ['a failed order', {}, 'verify_fail', /is 'verify_fail' and has no valid certificate/],
    ['a withdrawn order', {}, 'payed', /is 'payed' and has no valid certificate/],
    ['a revoked order', {}, 'revoked', /is 'unknow' and has no valid certificate/],
  ] as const)('refuses %s by order-id', async (_what, opts, state, message) => {
    emulator.cas.knobs.issuanceDelayMs = 3_600_000; // a `process` order stays in review
    const orderId = await seed(
      emulator,
      [`refuse-${state.replace('_', '-')}-${Date.now()}.example.com`],
      state,
      opts,
    );
    const before = emulator.cas.packages().map((p) => ({ ...p }));
    const error = await refusal(renew({ 'order-id': orderId }).run);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`${orderId}`);
    expect(emulator.callsTo(RENEW)).toEqual([]);
    expect(writes(emulator)).toEqual([]);
    expect(emulator.cas.packages()).toEqual(before);
    expect(emulator.cas.order(orderId)?.state).toBe(state);
  });

  it('refuses an order that does not exist', async () => {
    const error = await refusal(renew({ 'order-id': '777' }).run);
    expect(error.message).toBe(
      'Order 777 does not exist; check order-id, or order a certificate with mode: issue.',
    );
    expect(emulator.calls.map((c) => [c.action, c.code])).toEqual([
      ['DescribeCertificateState', 'NotFoundOrder'],
    ]);
  });

  it('refuses an order-id whose names are not the domains input', async () => {
    const orderId = await seed(emulator, ['mine.example.com'], 'certificate', { daysLeft: 40 });
    const error = await refusal(renew({ 'order-id': orderId, domains: 'other.example.com' }).run);
    expect(error.message).toContain(
      `Order ${orderId} is for mine.example.com, not for the domains input (other.example.com)`,
    );
    expect(writes(emulator)).toEqual([]);
  });

  it('refuses domains with no issued, valid order, naming what it saw', async () => {
    const expired = await seed(emulator, ['gone-renew.example.com'], 'certificate', {
      issuedDaysAgo: 400,
      daysLeft: -5,
    });
    const none = await refusal(renew({ domains: 'none-renew.example.com' }).run);
    expect(none.message).toMatch(/^No issued, still valid order for none-renew\.example\.com was found, so/);
    const seen = await refusal(renew({ domains: 'gone-renew.example.com' }).run);
    expect(seen.message).toContain(`(only ${expired} EXPIRED)`);
    expect(writes(emulator)).toEqual([]);
  });

  it('with domains and two issued orders renews the one that lasts longest; product-code narrows it', async () => {
    const domains = ['twice-renew.example.com'];
    const older = await seed(emulator, domains, 'certificate', { daysLeft: 100 });
    const free = await seed(emulator, domains, 'certificate', { productCode: FREE, daysLeft: 200 });
    // The free one lasts longest, and a free certificate cannot be renewed in place.
    const error = await refusal(renew({ domains: domains.join() }).run);
    expect(error.message).toContain(`Order ${free} is a free certificate`);
    expect(emulator.callsTo(RENEW)).toEqual([]);
    // product-code narrows it to the paid one, which renews.
    const result = await renew({ domains: domains.join(), 'product-code': PAID }).run;
    expect(result.status).toBe('renewed');
    expect(emulator.callsTo(RENEW).map((c) => c.params.OrderId)).toEqual([older]);
  });
});

describe('renew, only when due', () => {
  it('without force, an order not due is handed out as it is (unchanged), with its due date; no call spends quota', async () => {
    const domains = ['not-due.example.com'];
    const orderId = await seed(emulator, domains, 'certificate', { issuedDaysAgo: 10, daysLeft: 80 });
    const before = quotaOf(emulator);
    const { harness, run } = renew({ 'order-id': orderId, force: 'false' });
    const result = await run;
    expect(result).toMatchObject({ status: 'unchanged', orderId });
    expect(result.certificate?.info.names).toEqual(domains);
    const due = new Date(emulator.cas.order(orderId)?.certificate?.notAfter ?? 0);
    const dueOn = new Date(due.getTime() - 30 * DAY).toISOString().slice(0, 10);
    expect(result.details).toContainEqual(['Renewal', expect.stringContaining(`due on ${dueOn}`)]);
    expect(harness.logged('notice').join('\n')).toMatch(
      /has \d+ days left and is due for renewal on .*force: true/,
    );
    expect(emulator.callsTo(RENEW)).toEqual([]);
    expect(quotaOf(emulator)).toEqual(before);
  });

  it('without force, an order within renew-before-days renews; force renews one that is not due', async () => {
    const due = await seed(emulator, ['due.example.com'], 'certificate', { issuedDaysAgo: 70, daysLeft: 20 });
    expect((await renew({ 'order-id': due, force: 'false' }).run).status).toBe('renewed');
    const early = await seed(emulator, ['early.example.com'], 'certificate', { daysLeft: 80 });
    const { harness, run } = renew({ 'order-id': early, force: 'true' });
    expect((await run).status).toBe('renewed');
    expect(harness.logged('info').join('\n')).toContain('force is true: renewing now');
    expect(emulator.callsTo(RENEW).map((c) => c.params.OrderId)).toEqual([due, early]);
  });

  it('renews by domains again and again: each time the newest issued order is the one renewed', async () => {
    const domains = ['again.example.com'];
    const first = await seed(emulator, domains, 'certificate', { issuedDaysAgo: 80, daysLeft: 10 });
    const one = await renew({ domains: domains.join(), force: 'false' }).run;
    expect(one.status).toBe('renewed');
    // Later the renewal is due too; two issued orders are now for these names.
    const two = await renew({ domains: domains.join(), force: 'false' }).run;
    expect(two.status).toBe('unchanged');
    expect(two.orderId).toBe(one.orderId);
    const three = await renew({ domains: domains.join(), force: 'true' }).run;
    expect(three.status).toBe('renewed');
    expect(emulator.callsTo(RENEW).map((c) => c.params.OrderId)).toEqual([first, one.orderId]);
  });
});

describe('renew, more paths', () => {
  it('renews with a CSR: the renewal is for the CSR, and no private key is expected or handed out', async () => {
    const domains = ['csr-renew.example.com'];
    const oldId = await seed(emulator, domains, 'certificate', { daysLeft: 20 });
    const { csrPem } = await createCsr({ names: domains });

    const result = await renew({ domains: domains.join(), csr: csrPem }).run;

    expect(result.status).toBe('renewed');
    expect(emulator.callsTo(RENEW)[0]?.params).toMatchObject({ OrderId: oldId, Csr: csrPem.trim() });
    const renewal = renewals(oldId)[0];
    expect(renewal?.csrPublicKeyPem).toBeDefined();
    expect(renewal?.certificate?.privateKeyPem).toBeUndefined();
    expect(result.certificate?.privateKeyPem).toBeUndefined();
    expect(result.certificate?.info.names).toEqual(domains);
  });

  it('refuses to hand out a successor the list calls issued when the order itself says otherwise', async () => {
    const domains = ['ghost.example.com'];
    const oldId = await seed(emulator, domains, 'certificate', { daysLeft: 20 });
    const successor = await seed(emulator, domains, 'certificate', { daysLeft: 300 });
    afterCall = (call) => {
      const order = emulator.cas.order(successor);
      // Revoked by someone else just after the list was read.
      if (call.action === 'ListUserCertificateOrder' && order) order.state = 'revoked';
    };
    const error = await refusal(renew({ 'order-id': oldId }).run);
    expect(error.message).toBe(
      `Order ${successor} for the same names looks issued in the order list but is 'unknow'; ` +
        `run again later, or renew order ${successor} instead.`,
    );
    expect(writes(emulator)).toEqual([]);
  });

  it('names mode: issue when the service refuses the renewal itself (the order moved meanwhile)', async () => {
    const oldId = await seed(emulator, ['moved-renew.example.com'], 'certificate', { daysLeft: 20 });
    const before = quotaOf(emulator);
    afterCall = (call) => {
      const order = emulator.cas.order(oldId);
      if (call.action === 'DescribePackageState' && order) order.state = 'revoked';
    };
    const error = await refusal(renew({ 'order-id': oldId }).run);
    expect(error.message).toMatch(
      new RegExp(
        `^Order ${oldId} cannot be renewed in place \\(OrderStateError: .+\\); order a new certificate with mode: issue\\.$`,
      ),
    );
    expect(emulator.callsTo(RENEW).map((c) => c.code)).toEqual(['OrderStateError']);
    expect(renewals(oldId)).toEqual([]);
    expect(quotaOf(emulator)).toEqual(before);
  });

  it('deletes a renewal that fails review, which returns its quota', async () => {
    const domains = ['review-fails.example.com'];
    emulator.cas.knobs.verifyFailDomains = domains;
    const oldId = await seed(emulator, domains, 'certificate', { daysLeft: 20 });
    const before = quotaOf(emulator);
    const error = await refusal(renew({ 'order-id': oldId }).run);
    expect(error.message).toMatch(/failed review \(verify_fail\) and was deleted, which returned its quota/);
    const newId = emulator.callsTo('DeleteCertificateRequest')[0]?.params.OrderId;
    expect(newId).toBeDefined();
    expect(newId).not.toBe(oldId);
    expect(emulator.cas.order(newId ?? '')).toBeUndefined();
    expect(emulator.cas.order(oldId)?.state).toBe('certificate');
    expect(quotaOf(emulator).used).toBe(before.used);
  });

  it('with fail-on-pending fails naming the renewal still waiting, and leaves it behind', async () => {
    const oldId = await seed(emulator, ['renew-late.example.com'], 'certificate', { daysLeft: 20 });
    const error = await refusal(
      renew({ 'order-id': oldId, 'dns-provider': 'manual', 'wait-timeout': '0.1' }).run,
    );
    const renewal = renewals(oldId)[0]?.orderId.toString();
    expect(error).toBeInstanceOf(FlowError);
    expect(error.message).toMatch(
      new RegExp(`^Order ${renewal} is still 'domain_verify' after wait-timeout 0.1s`),
    );
    expect((error as InstanceType<typeof FlowError>).result).toMatchObject({
      orderId: renewal,
      state: 'domain_verify',
    });
    expect(emulator.cas.order(renewal ?? '')?.state).toBe('domain_verify');
  });
});
