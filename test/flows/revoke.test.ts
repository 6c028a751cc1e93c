// mode: revoke in-process through FlowContext against the emulator: within and after the 30-day refund window
// (the quota back or not, by the emulator's own count), twice, an expired certificate, the states that have no
// certificate, and another run revoking in between.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallRecord } from '../../emulator/server.js';
import {
  closeAll,
  DAY,
  type Emulator,
  FREE,
  flowContext,
  PAID,
  quotaOf,
  refusal,
  revokeCertificate,
  seed,
  startEmulator,
  writes,
} from '../support/flow-context.js';

const REVOKE = 'CancelCertificateForPackageRequest';
let emulator: Emulator;
let afterCall: ((call: CallRecord) => void) | undefined;

beforeAll(async () => {
  emulator = await startEmulator({ onCall: (call) => afterCall?.(call) });
});
beforeEach(() => {
  afterCall = undefined;
  emulator.faults.clear();
  emulator.calls.length = 0;
  emulator.cas.knobs.issuanceDelayMs = 3_600_000; // a `process` order stays in review
});
afterAll(() => closeAll(emulator));

const revoke = (inputs: Record<string, string>) => {
  const harness = flowContext(emulator, { mode: 'revoke', ...inputs });
  return { harness, run: revokeCertificate(harness.ctx, harness.domains) };
};
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('revoke', () => {
  it('revokes within 30 days of issue: the quota comes back; revoking again is a notice', async () => {
    const domains = ['revoke.example.com', 'www.revoke.example.com'];
    const orderId = await seed(emulator, domains, 'certificate', { issuedDaysAgo: 5 });
    const order = emulator.cas.order(orderId);
    const leaf = new X509Certificate(order?.certificate?.certificatePem ?? '');
    const before = quotaOf(emulator);

    const { harness, run } = revoke({ 'order-id': orderId });
    const result = await run;

    expect(result).toMatchObject({ status: 'revoked', orderId, certId: order?.certificate?.certId });
    expect(emulator.cas.order(orderId)?.state).toBe('revoked');
    expect(emulator.callsTo(REVOKE).map((c) => [c.params.OrderId, c.status])).toEqual([[orderId, 200]]);
    expect(quotaOf(emulator)).toMatchObject({
      used: (before.used ?? 0) - 1,
      issued: (before.issued ?? 0) - 1,
    });
    // The quota reported is read after revoking, for the product the order list names.
    expect(result.quota).toMatchObject({ productCode: PAID, used: (before.used ?? 0) - 1 });
    const issued = day(order?.certificate?.notBefore ?? 0);
    expect(result.details).toEqual([
      ['Revoked certificate', `${domains.join(', ')}, serial ${leaf.serialNumber}`],
      ['SHA-256 fingerprint', leaf.fingerprint256],
      [
        'Quota refund',
        `comes back: revoked 5 days after issue (${issued}), within the 30 days the service allows`,
      ],
    ]);
    expect(result.certificate).toBeUndefined();
    expect(harness.logged('info').join('\n')).toContain(
      `Order ${orderId}: the certificate for ${domains.join(', ')} is revoked`,
    );

    emulator.calls.length = 0;
    const again = revoke({ 'order-id': orderId });
    const second = await again.run;
    expect(second).toMatchObject({ status: 'revoked', orderId });
    expect(second.details).toEqual([['Previous state', 'already revoked']]);
    expect(again.harness.logged('notice')).toEqual([
      `Order ${orderId} is already revoked, so there is nothing to do.`,
    ]);
    expect(emulator.callsTo(REVOKE)).toEqual([]);
    expect(quotaOf(emulator).used).toBe((before.used ?? 0) - 1);
  });

  it('knows a revoked order by the domains input too (its names search the list)', async () => {
    const orderId = await seed(emulator, ['revoked-names.example.com'], 'revoked');
    const result = await revoke({ 'order-id': orderId, domains: 'revoked-names.example.com' }).run;
    expect(result.details).toEqual([['Previous state', 'already revoked']]);
    expect(emulator.callsTo('ListUserCertificateOrder')[0]?.params.Keyword).toBe('revoked-names.example.com');
    expect(writes(emulator)).toEqual([]);
  });

  it('revokes after 30 days: the quota does not come back, and the summary says so', async () => {
    const orderId = await seed(emulator, ['revoke-late.example.com'], 'certificate', { issuedDaysAgo: 40 });
    const before = quotaOf(emulator);
    const result = await revoke({ 'order-id': orderId }).run;
    expect(result.status).toBe('revoked');
    expect(emulator.cas.order(orderId)?.state).toBe('revoked');
    expect(quotaOf(emulator)).toEqual(before);
    expect(result.quota).toMatchObject({ used: before.used, issued: before.issued });
    expect(result.details.find(([k]) => k === 'Quota refund')?.[1]).toMatch(
      /^does not come back: revoked 40 days after issue \(\d{4}-\d\d-\d\d\); the service returns it only within 30 days$/,
    );
  });

  it.each([
    [29.9, true, 29],
    [30.1, false, 30],
  ])('at %d days the flow and the service agree on the refund (%s)', async (age, back, days) => {
    const now = emulator.clock.now();
    const order = await emulator.cas.seedOrder({
      domains: [`edge-${String(age).replace('.', '-')}.example.com`],
      state: 'certificate',
      productCode: FREE,
      notBefore: now - age * DAY,
      notAfter: now + 60 * DAY,
    });
    const before = quotaOf(emulator, FREE);
    const result = await revoke({ 'order-id': order.orderId.toString() }).run;
    expect(quotaOf(emulator, FREE).used).toBe((before.used ?? 0) - (back ? 1 : 0));
    expect(result.quota).toMatchObject({ productCode: FREE, used: quotaOf(emulator, FREE).used });
    expect(result.details.find(([k]) => k === 'Quota refund')?.[1]).toMatch(
      new RegExp(`^${back ? 'comes back' : 'does not come back'}: revoked ${days} days after issue`),
    );
  });

  it('revokes an expired certificate (reported, not refused)', async () => {
    const orderId = await seed(emulator, ['revoke-expired.example.com'], 'certificate', {
      issuedDaysAgo: 400,
      daysLeft: -5,
    });
    const result = await revoke({ 'order-id': orderId }).run;
    expect(result.status).toBe('revoked');
    expect(emulator.cas.order(orderId)?.state).toBe('revoked');
    expect(emulator.callsTo(REVOKE)).toHaveLength(1);
  });
});

describe('revoke, refusals and races', () => {
  it.each([
    ['domain_verify', /not issued yet \('domain_verify'\).*withdraw it with mode: cancel/],
    ['process', /not issued yet \('process'\).*withdraw it with mode: cancel/],
    ['verify_fail', /is 'verify_fail' and has no certificate to revoke; delete it with mode: cancel/],
    ['payed', /is 'payed' and has no certificate to revoke; delete it with mode: cancel/],
  ] as const)('refuses an order in %s, naming cancel, changing nothing', async (state, message) => {
    const orderId = await seed(emulator, [`revoke-${state.replace('_', '-')}.example.com`], state);
    const before = emulator.cas.packages().map((p) => ({ ...p }));
    const error = await refusal(revoke({ 'order-id': orderId }).run);
    expect(error.message).toMatch(new RegExp(`^Order ${orderId} `));
    expect(error.message).toMatch(message);
    expect(emulator.cas.order(orderId)?.state).toBe(state);
    expect(emulator.cas.packages()).toEqual(before);
    expect(writes(emulator)).toEqual([]);
  });

  it('refuses an order that does not exist', async () => {
    const error = await refusal(revoke({ 'order-id': '778' }).run);
    expect(error.message).toMatch(/^Order 778 does not exist; check order-id/);
    expect(emulator.calls.map((c) => c.action)).toEqual(['DescribeCertificateState']);
  });

  it('needs order-id, asking the service nothing', async () => {
    const harness = flowContext(emulator, { mode: 'revoke', 'order-id': '1' });
    harness.ctx.config = { ...harness.ctx.config, orderId: undefined };
    const error = await refusal(revokeCertificate(harness.ctx, []));
    expect(error.message).toBe('mode revoke needs the input order-id.');
    expect(emulator.calls).toEqual([]);
  });

  it('names the state when another run revoked it between the read and the call', async () => {
    const orderId = await seed(emulator, ['revoke-race.example.com'], 'certificate');
    afterCall = (call) => {
      const order = emulator.cas.order(orderId);
      if (call.action === 'ListUserCertificateOrder' && order) order.state = 'revoked';
    };
    const error = await refusal(revoke({ 'order-id': orderId }).run);
    expect(error.message).toBe(
      `Order ${orderId} could not be revoked in state 'unknow' (OrderStateError); look at it with mode: status.`,
    );
    expect(emulator.callsTo(REVOKE).map((c) => c.code)).toEqual(['OrderStateError']);
  });

  it('an uncertain revoke (answer lost after it took effect) is settled by reading the order, not resent', async () => {
    const orderId = await seed(emulator, ['revoke-uncertain.example.com'], 'certificate');
    emulator.faults.add({ action: REVOKE, kind: 'drop-after' });
    const first = await revoke({ 'order-id': orderId }).run;
    expect(first).toMatchObject({ status: 'revoked', orderId });
    expect(emulator.cas.order(orderId)?.state).toBe('revoked');
    expect(emulator.callsTo(REVOKE)).toHaveLength(1);
    const second = await revoke({ 'order-id': orderId }).run;
    expect(second.details).toEqual([['Previous state', 'already revoked']]);
    expect(emulator.callsTo(REVOKE)).toHaveLength(1);
  });
});
