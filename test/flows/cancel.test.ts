// mode: cancel in-process through FlowContext against the emulator: every state that can be cancelled, the calls
// each needs, the quota coming back, the validation records removed, an order already gone (safe twice), races
// with another run, and the refusals.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RequestParams } from '../../emulator/params.js';
import type { CallRecord } from '../../emulator/server.js';
import {
  cancelOrder,
  closeAll,
  type Emulator,
  FREE,
  flowContext,
  PAID,
  quotaOf,
  refusal,
  seed,
  startEmulator,
  validationRecords,
  writes,
} from '../support/flow-context.js';

let emulator: Emulator;
/** Runs after the emulator answered a call: plays another run (or the console) acting in between. */
let afterCall: ((call: CallRecord) => void) | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ onCall: (call) => afterCall?.(call) });
});
beforeEach(() => {
  afterCall = undefined;
  emulator.faults.clear();
  emulator.calls.length = 0;
  emulator.cas.knobs.issuanceDelayMs = 3_600_000; // a `process` order stays in review
  emulator.cas.knobs.validationDelayMs = 0;
});
afterAll(() => closeAll(emulator));

const cancel = (inputs: Record<string, string>) => {
  const harness = flowContext(emulator, { mode: 'cancel', ...inputs });
  return { harness, run: cancelOrder(harness.ctx, harness.domains) };
};
const orderCalls = () =>
  emulator.calls
    .map((c) => c.action)
    .filter((a) => a === 'CancelOrderRequest' || a === 'DeleteCertificateRequest');

describe('cancel', () => {
  it('withdraws and deletes an order waiting for validation, removes only its own record, and is safe twice', async () => {
    const domains = ['cancel.example.com', 'cancel.example.net'];
    const orderId = await seed(emulator, domains, 'domain_verify');
    const token = emulator.cas.order(orderId)?.validationToken ?? '';
    // A run that died half-way made the record of one name only; someone else's record sits beside it.
    const ours = emulator.dns.addRecord({ fqdn: '_dnsauth.cancel.example.com', type: 'TXT', value: token });
    const theirs = emulator.dns.addRecord({ fqdn: '_dnsauth.cancel.example.com', type: 'TXT', value: 'x' });
    const before = quotaOf(emulator);

    const { harness, run } = cancel({ 'order-id': orderId });
    const result = await run;

    expect(result).toMatchObject({ status: 'cancelled', orderId });
    expect(orderCalls()).toEqual(['CancelOrderRequest', 'DeleteCertificateRequest']);
    expect(emulator.cas.order(orderId)).toBeUndefined();
    expect(quotaOf(emulator).used).toBe((before.used ?? 0) - 1);
    expect(result.quota).toMatchObject({ productCode: PAID, used: (before.used ?? 0) - 1 });
    const left = emulator.dns.records().map((r) => r.recordId);
    expect(left).not.toContain(ours.recordId);
    expect(left).toContain(theirs.recordId);
    expect(validationRecords(emulator, token)).toEqual([]);
    expect(result.details).toEqual([
      ['Previous state', 'domain_verify'],
      ['Calls', 'CancelOrderRequest, then DeleteCertificateRequest'],
      ['Validation records', '1 removed from Alibaba Cloud DNS'],
    ]);
    expect(harness.logged('info')).toContain(
      `Order ${orderId} (domain_verify) was withdrawn and deleted; its quota is returned.`,
    );

    emulator.calls.length = 0;
    const again = cancel({ 'order-id': orderId });
    const second = await again.run;
    expect(second).toMatchObject({ status: 'cancelled', orderId });
    expect(second.details).toEqual([['Previous state', 'already gone (NotFoundOrder)']]);
    expect(second.quota).toBeUndefined();
    expect(again.harness.logged('notice')[0]).toMatch(
      new RegExp(`^Order ${orderId} does not exist: it was already cancelled and deleted`),
    );
    expect(emulator.calls.map((c) => [c.action, c.code])).toEqual([
      ['DescribeCertificateState', 'NotFoundOrder'],
    ]);
    expect(quotaOf(emulator).used).toBe((before.used ?? 0) - 1);
  });

  it('removes the records of every name the domains input gives (both zones)', async () => {
    const domains = ['both.example.com', 'both.example.net'];
    const orderId = await seed(emulator, domains, 'domain_verify');
    const token = emulator.cas.order(orderId)?.validationToken ?? '';
    emulator.cas.knobs.validationDelayMs = 3_600_000; // the CA has not looked at the records yet
    for (const d of domains) emulator.dns.addRecord({ fqdn: `_dnsauth.${d}`, type: 'TXT', value: token });
    expect(validationRecords(emulator, token)).toHaveLength(2);

    const result = await cancel({ 'order-id': orderId, domains: domains.join() }).run;

    expect(result.details).toContainEqual(['Validation records', '2 removed from Alibaba Cloud DNS']);
    expect(validationRecords(emulator, token)).toEqual([]);
    expect(emulator.callsTo('DeleteDomainRecord')).toHaveLength(2);
  });

  it('with dns-provider manual leaves the record to the user and says so', async () => {
    const orderId = await seed(emulator, ['manual-cancel.example.com'], 'domain_verify');
    const token = emulator.cas.order(orderId)?.validationToken ?? '';
    emulator.cas.knobs.validationDelayMs = 3_600_000; // the CA has not looked at the record yet
    emulator.dns.addRecord({ fqdn: '_dnsauth.manual-cancel.example.com', type: 'TXT', value: token });

    const { harness, run } = cancel({ 'order-id': orderId, 'dns-provider': 'manual' });
    const result = await run;

    expect(result.details).toContainEqual(['Validation records', 'left to you (dns-provider manual)']);
    expect(validationRecords(emulator, token)).toHaveLength(1);
    expect(emulator.callsTo('DeleteDomainRecord')).toEqual([]);
    expect(harness.logged('info').join('\n')).toContain(
      `The validation record TXT _dnsauth.manual-cancel.example.com = ${token} is no longer needed`,
    );
  });

  it.each([
    ['process', ['CancelOrderRequest', 'DeleteCertificateRequest']],
    ['verify_fail', ['DeleteCertificateRequest']],
    ['payed', ['DeleteCertificateRequest']],
  ] as const)('from %s: %j, and the quota comes back', async (state, calls) => {
    const orderId = await seed(emulator, [`cancel-${state.replace('_', '-')}.example.com`], state, {
      productCode: FREE,
    });
    const before = quotaOf(emulator, FREE);

    const result = await cancel({ 'order-id': orderId }).run;

    expect(result).toMatchObject({ status: 'cancelled', orderId });
    expect(orderCalls()).toEqual(calls);
    expect(emulator.cas.order(orderId)).toBeUndefined();
    expect(quotaOf(emulator, FREE).used).toBe((before.used ?? 0) - 1);
    // The product is learnt from the order list before the order goes.
    expect(result.quota).toMatchObject({ productCode: FREE, used: (before.used ?? 0) - 1 });
    expect(result.details).toContainEqual(['Previous state', state]);
    expect(result.details).toContainEqual(['Calls', calls.join(', then ')]);
    // A withdrawn (payed) order has no records to look for; one past validation is looked up by name.
    if (state === 'payed') expect(result.details.map(([k]) => k)).not.toContain('Validation records');
    else expect(result.details).toContainEqual(['Validation records', 'none found']);
  });

  it.each(['process', 'verify_fail'] as const)(
    'from %s removes the record written for it, found by name, and keeps the one a waiting order needs',
    async (state) => {
      const name = `past-${state.replace('_', '-')}.example.com`;
      const orderId = await seed(emulator, [name], state);
      // The record this order was validated with (the service no longer names it past domain_verify)...
      const stale = emulator.dns.addRecord({ fqdn: `_dnsauth.${name}`, type: 'TXT', value: 'old-token' });
      // ...and another order for the same name, still waiting for its own record.
      const waiting = await seed(emulator, [name], 'domain_verify');
      const token = emulator.cas.order(waiting)?.validationToken ?? '';
      const needed = emulator.dns.addRecord({ fqdn: `_dnsauth.${name}`, type: 'TXT', value: token });
      emulator.cas.knobs.validationDelayMs = 3_600_000; // the CA has not looked at that record yet

      const result = await cancel({ 'order-id': orderId, domains: name }).run.finally(() => {
        emulator.cas.knobs.validationDelayMs = 0;
      });

      expect(result.details).toContainEqual(['Validation records', '1 removed from Alibaba Cloud DNS']);
      const left = emulator.dns.records().map((r) => r.recordId);
      expect(left).not.toContain(stale.recordId);
      expect(left).toContain(needed.recordId);
    },
  );

  it('needs order-id, asking the service nothing', async () => {
    // The config refuses cancel without order-id already; the flow checks again for callers that skip it.
    const harness = flowContext(emulator, { mode: 'cancel', 'order-id': '1', domains: 'no-id.example.com' });
    harness.ctx.config = { ...harness.ctx.config, orderId: undefined };
    const error = await refusal(cancelOrder(harness.ctx, harness.domains));
    expect(error.message).toBe('mode cancel needs the input order-id.');
    expect(emulator.calls).toEqual([]);
  });
});

describe('cancel, refusals and races', () => {
  it('refuses an issued order (pointing to revoke) and a revoked one, changing nothing', async () => {
    const issued = await seed(emulator, ['cancel-issued.example.com'], 'certificate');
    const revoked = await seed(emulator, ['cancel-revoked.example.com'], 'revoked');
    const before = emulator.cas.packages().map((p) => ({ ...p }));

    const a = await refusal(cancel({ 'order-id': issued }).run);
    const b = await refusal(cancel({ 'order-id': revoked }).run);

    expect(a.message).toMatch(new RegExp(`^Order ${issued} is already issued.*mode: revoke`));
    expect(b.message).toMatch(new RegExp(`^Order ${revoked} is in state 'unknow'.*mode: status`));
    expect(emulator.cas.order(issued)?.state).toBe('certificate');
    expect(emulator.cas.order(revoked)?.state).toBe('revoked');
    expect(emulator.cas.packages()).toEqual(before);
    expect(writes(emulator)).toEqual([]);
  });

  it('reports an order deleted by another run between the read and the calls as already gone', async () => {
    const orderId = await seed(emulator, ['race-gone.example.com'], 'payed');
    const before = quotaOf(emulator);
    let deleting: Promise<unknown> | undefined;
    afterCall = (call) => {
      if (call.action !== 'ListUserCertificateOrder' || deleting) return;
      // The other run deletes it through the service itself.
      deleting = Promise.resolve(
        emulator.cas.actions.DeleteCertificateRequest?.(paramsOf({ OrderId: orderId })),
      );
    };

    const { harness, run } = cancel({ 'order-id': orderId });
    const result = await run;
    await deleting;

    expect(result).toMatchObject({ status: 'cancelled', orderId });
    expect(result.details).toEqual([['Previous state', 'already gone (NotFoundOrder)']]);
    expect(emulator.callsTo('DeleteCertificateRequest').map((c) => c.code)).toEqual(['NotFoundOrder']);
    expect(harness.logged('notice')[0]).toContain(`Order ${orderId} does not exist`);
    // Returned once, by the run that deleted it.
    expect(quotaOf(emulator).used).toBe((before.used ?? 0) - 1);
  });

  it.each([
    ['certificate', /moved to 'certificate' while it was being cancelled; revoke it with mode: revoke/],
    ['payed', /moved to 'payed' while it was being cancelled; run mode: cancel again/],
  ] as const)('names what to do when the order moved to %s while being cancelled', async (moved, message) => {
    const orderId = await seed(emulator, ['race-moved.example.com'], 'domain_verify');
    afterCall = (call) => {
      const order = emulator.cas.order(orderId);
      if (call.action === 'ListUserCertificateOrder' && order) order.state = moved;
    };
    if (moved === 'certificate') {
      const order = emulator.cas.order(orderId);
      // The CA issued it meanwhile: give it a certificate for the state to be read back whole.
      const issued = await seed(emulator, ['race-moved.example.com'], 'certificate');
      if (order) order.certificate = emulator.cas.order(issued)?.certificate;
    }
    const before = quotaOf(emulator);

    const error = await refusal(cancel({ 'order-id': orderId }).run);

    expect(error.message).toMatch(message);
    expect(error.message).toContain(orderId);
    expect(emulator.callsTo('CancelOrderRequest').map((c) => c.code)).toEqual(['OrderStateError']);
    expect(emulator.callsTo('DeleteCertificateRequest')).toEqual([]);
    expect(emulator.cas.order(orderId)?.state).toBe(moved);
    expect(quotaOf(emulator)).toEqual(before);
  });

  it('an uncertain delete (answer lost after it took effect) is settled by reading the order: gone, done', async () => {
    const orderId = await seed(emulator, ['uncertain-cancel.example.com'], 'verify_fail');
    emulator.faults.add({ action: 'DeleteCertificateRequest', kind: 'drop-after' });
    const result = await cancel({ 'order-id': orderId }).run;
    expect(result).toMatchObject({ status: 'cancelled', orderId });
    expect(emulator.cas.order(orderId)).toBeUndefined();
    // Read back, not sent again.
    expect(emulator.callsTo('DeleteCertificateRequest')).toHaveLength(1);
    const second = await cancel({ 'order-id': orderId }).run;
    expect(second.details).toEqual([['Previous state', 'already gone (NotFoundOrder)']]);
  });

  it('an uncertain cancel that did not take effect (lost before) is sent once more after reading the order', async () => {
    const orderId = await seed(emulator, ['uncertain-withdraw.example.com'], 'domain_verify');
    emulator.faults.add({ action: 'CancelOrderRequest', kind: 'internal' });
    const result = await cancel({ 'order-id': orderId }).run;
    expect(result).toMatchObject({ status: 'cancelled', orderId });
    expect(emulator.callsTo('CancelOrderRequest').map((c) => c.status)).toEqual([500, 200]);
    expect(emulator.callsTo('DeleteCertificateRequest')).toHaveLength(1);
    expect(emulator.cas.order(orderId)).toBeUndefined();
  });
});

function paramsOf(values: Record<string, string>) {
  return new RequestParams(new Map(Object.entries(values)));
}
