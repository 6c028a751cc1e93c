// mode: status in-process through FlowContext against the emulator: by order-id, by domains (which order is the
// current one), a pending order with its record names, the CDN domain, and the failures. Status only reads.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  closeAll,
  type Emulator,
  type FlowResult,
  FREE,
  flowContext,
  PAID,
  quotaOf,
  refusal,
  reportOf,
  reportStatus,
  seed,
  startEmulator,
  writes,
} from '../support/flow-context.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.calls.length = 0;
  delete emulator.cas.knobs.maxPageSize;
  emulator.cas.knobs.recordDomainStyle = 'zone-relative';
});
afterAll(() => closeAll(emulator));

const status = (inputs: Record<string, string>) => {
  const harness = flowContext(emulator, { mode: 'status', ...inputs });
  return { harness, run: reportStatus(harness.ctx, harness.domains) };
};
const ids = (result: FlowResult) =>
  reportOf(result, 'status')
    ?.orders?.map((o) => o.orderId)
    .sort();
const sorted = (list: string[]) => [...list].sort();

describe('status by order-id', () => {
  it('reports the order, its certificate, every page of orders for its names, the quota and the CDN domain', async () => {
    emulator.cas.knobs.maxPageSize = 2;
    const domains = ['status.example.com'];
    const orderId = await seed(emulator, domains, 'certificate', { issuedDaysAgo: 20, daysLeft: 70 });
    const others = [
      await seed(emulator, domains, 'domain_verify'),
      await seed(emulator, domains, 'verify_fail'),
      await seed(emulator, domains, 'certificate', { issuedDaysAgo: 400, daysLeft: -30 }),
      await seed(emulator, domains, 'payed'),
    ];
    await seed(emulator, ['www.status.example.com'], 'certificate');
    await emulator.cdn.setDomainCertificate('cdn.status.example.com', { orderId });
    const order = emulator.cas.order(orderId);
    const leaf = new X509Certificate(order?.certificate?.certificatePem ?? '');

    const { harness, run } = status({
      'order-id': orderId,
      domains: domains.join(),
      'cdn-domain': 'cdn.status.example.com',
    });
    const result = await run;

    expect(result).toMatchObject({ status: 'active', orderId, certId: order?.certificate?.certId });
    expect(result.certificate?.info.fingerprintSha256).toBe(leaf.fingerprint256);
    expect(result.certificate?.info.names).toEqual(domains);
    // Status never hands out the key.
    expect(result.certificate?.privateKeyPem).toBeUndefined();
    expect(ids(result)).toEqual(sorted([orderId, ...others]));
    expect(result.details).toEqual(
      expect.arrayContaining([
        ['State', 'certificate (ISSUED in the order list)'],
        ['Product', PAID],
        [`CDN cdn.status.example.com serves order ${orderId}`, 'yes'],
      ]),
    );
    expect(result.quota).toEqual({ ...quotaOf(emulator), productCode: PAID });
    expect(reportOf(result, 'status')?.cdn).toMatchObject({ domain: 'cdn.status.example.com' });
    expect(reportOf(result, 'status')?.cdn?.notAfter?.toISOString()).toBe(
      new Date(leaf.validTo).toISOString(),
    );
    // Five orders for these names, two to a page: three pages (www.status is another name).
    expect(emulator.callsTo('ListUserCertificateOrder').map((c) => c.params.CurrentPage)).toEqual([
      '1',
      '2',
      '3',
    ]);
    expect(harness.logged('info').join('\n')).toMatch(
      new RegExp(`Order ${orderId}: certificate, certificate for status\\.example\\.com valid, 69 days left`),
    );
    expect(writes(emulator)).toEqual([]);
  });

  it('with order-id alone, finds the orders for the names of its certificate', async () => {
    const domains = ['alone.example.com', 'www.alone.example.com'];
    const orderId = await seed(emulator, domains, 'certificate', { issuedDaysAgo: 1, daysLeft: 100 });
    const older = await seed(emulator, domains, 'certificate', { issuedDaysAgo: 300, daysLeft: 60 });
    await seed(emulator, ['alone.example.com'], 'certificate');

    const result = await status({ 'order-id': orderId }).run;

    expect(ids(result)).toEqual(sorted([orderId, older]));
    expect(emulator.callsTo('ListUserCertificateOrder')[0]?.params.Keyword).toBe('alone.example.com');
  });

  it('reports a pending order with the full names of its validation records and its own product quota', async () => {
    const orderId = await seed(emulator, ['status-pending.example.com'], 'domain_verify', {
      productCode: FREE,
    });

    const result = await status({ 'order-id': orderId }).run;

    expect(result).toMatchObject({ status: 'active', orderId });
    expect(result.certificate).toBeUndefined();
    expect(result.challenge).toEqual({
      method: 'DNS',
      recordDomain: '_dnsauth.status-pending',
      recordType: 'TXT',
      recordValue: emulator.cas.order(orderId)?.validationToken,
    });
    expect(result.recordNames).toEqual(['_dnsauth.status-pending.example.com']);
    expect(result.details).toEqual([
      ['State', 'domain_verify (CHECKING in the order list)'],
      ['Product', FREE],
    ]);
    // The product's quota, learnt from the order list, not the default product's.
    expect(emulator.callsTo('DescribePackageState').map((c) => c.params.ProductCode)).toEqual([FREE]);
    expect(result.quota).toEqual({ ...quotaOf(emulator, FREE), productCode: FREE });
    expect(ids(result)).toEqual([orderId]);
  });

  it.each([
    ['zone-relative', 'alidns'],
    ['full', 'alidns'],
    ['zone-relative', 'manual'],
  ] as const)(
    'names the records of a pending order for two zones (RecordDomain %s, dns-provider %s)',
    async (style, provider) => {
      emulator.cas.knobs.recordDomainStyle = style;
      const domains = ['two.example.com', 'two.example.net'];
      const orderId = await seed(emulator, domains, 'domain_verify');
      const result = await status({ 'order-id': orderId, domains: domains.join(), 'dns-provider': provider })
        .run;
      expect(sorted(result.recordNames ?? [])).toEqual([
        '_dnsauth.two.example.com',
        '_dnsauth.two.example.net',
      ]);
      expect(emulator.callsTo('DescribeDomains').length > 0).toBe(provider === 'alidns');
    },
  );

  it('reports a revoked order as unknown, told apart by the order list', async () => {
    const orderId = await seed(emulator, ['status-revoked.example.com'], 'revoked');
    const result = await status({ 'order-id': orderId }).run;
    expect(result.details).toContainEqual(['State', 'unknow (REVOKED in the order list)']);
    expect(result.certificate).toBeUndefined();
    expect(ids(result)).toEqual([orderId]);
  });

  it('fails clearly when the order does not exist', async () => {
    const error = await refusal(status({ 'order-id': '779' }).run);
    expect(error.message).toMatch(
      /^Order 779 does not exist \(never made, or cancelled and deleted\); check order-id/,
    );
  });
});

describe('status by domains', () => {
  it('picks the issued order that lasts longest over newer ones in flight or expired', async () => {
    const domains = ['pick.example.com'];
    await seed(emulator, domains, 'certificate', { issuedDaysAgo: 100, daysLeft: 50 });
    const longest = await seed(emulator, domains, 'certificate', { issuedDaysAgo: 50, daysLeft: 250 });
    await seed(emulator, domains, 'certificate', { issuedDaysAgo: 10, daysLeft: 20 });
    await seed(emulator, domains, 'domain_verify');
    await seed(emulator, domains, 'certificate', { issuedDaysAgo: 500, daysLeft: -1 });

    const { harness, run } = status({ domains: domains.join() });
    const result = await run;

    expect(result.orderId).toBe(longest);
    expect(reportOf(result, 'status')?.orders).toHaveLength(5);
    expect(harness.logged('info')).toContain(`Order ${longest} is the current order for pick.example.com.`);
    expect(emulator.callsTo('DescribeCertificateState').map((c) => c.params.OrderId)).toEqual([longest]);
  });

  it('picks the order in flight when none is issued, else the newest', async () => {
    const flight = ['flight.example.com'];
    await seed(emulator, flight, 'verify_fail');
    const inFlight = await seed(emulator, flight, 'domain_verify');
    await seed(emulator, flight, 'payed');
    expect((await status({ domains: flight.join() }).run).orderId).toBe(inFlight);

    const none = ['newest.example.com'];
    await seed(emulator, none, 'verify_fail');
    const newest = await seed(emulator, none, 'certificate', { issuedDaysAgo: 400, daysLeft: -30 });
    const result = await status({ domains: none.join() }).run;
    expect(result.orderId).toBe(newest);
    expect(result.details).toContainEqual(['State', 'certificate (EXPIRED in the order list)']);
  });

  it('reports an expired certificate with its days below zero', async () => {
    const orderId = await seed(emulator, ['status-expired.example.com'], 'certificate', {
      issuedDaysAgo: 100,
      daysLeft: -10,
    });
    const { harness, run } = status({ domains: 'status-expired.example.com' });
    const result = await run;
    expect(result.orderId).toBe(orderId);
    expect(result.certificate?.info.notAfter.getTime()).toBeLessThan(Date.now());
    expect(harness.logged('info').join('\n')).toContain('expired 11 days ago');
  });

  it('keeps to product-code: the orders and the quota of that product only', async () => {
    const domains = ['product.example.com'];
    await seed(emulator, domains, 'certificate', { productCode: PAID, daysLeft: 300 });
    const free = await seed(emulator, domains, 'certificate', { productCode: FREE, daysLeft: 60 });
    const result = await status({ domains: domains.join(), 'product-code': FREE }).run;
    expect(result.orderId).toBe(free);
    expect(ids(result)).toEqual([free]);
    expect(result.quota?.productCode).toBe(FREE);
    expect(emulator.callsTo('DescribePackageState').map((c) => c.params.ProductCode)).toEqual([FREE]);
  });

  it('fails clearly when no order is for the domains (naming the product when one is given)', async () => {
    const plain = await refusal(status({ domains: 'nothing.example.com' }).run);
    expect(plain.message).toMatch(/^No order for nothing\.example\.com was found; order a certificate/);
    await seed(emulator, ['other-product.example.com'], 'certificate', { productCode: PAID });
    const narrowed = await refusal(
      status({ domains: 'other-product.example.com', 'product-code': FREE }).run,
    );
    expect(narrowed.message).toContain(`No order for other-product.example.com was found (product ${FREE})`);
  });
});

describe('status of a CDN domain', () => {
  it('says no when the CDN domain serves another order', async () => {
    const mine = await seed(emulator, ['cdn-mine.example.com'], 'certificate');
    const theirs = await seed(emulator, ['cdn-mine.example.com'], 'certificate', { productCode: FREE });
    await emulator.cdn.setDomainCertificate('cdn.mine.example.com', { orderId: theirs });
    const result = await status({ 'order-id': mine, 'cdn-domain': 'cdn.mine.example.com' }).run;
    expect(result.details).toContainEqual([`CDN cdn.mine.example.com serves order ${mine}`, 'no']);
    expect(reportOf(result, 'status')?.cdn?.notAfter?.getTime()).toBe(
      new Date(
        new X509Certificate(emulator.cas.order(theirs)?.certificate?.certificatePem ?? '').validTo,
      ).getTime(),
    );
  });

  it('reports a CDN domain without HTTPS, and a CDN domain alone (no order)', async () => {
    emulator.cdn.addDomain('cdn.off.example.com');
    const { harness, run } = status({ 'cdn-domain': 'cdn.off.example.com' });
    const result = await run;
    expect(result).toMatchObject({ status: 'active', report: { cdn: { domain: 'cdn.off.example.com' } } });
    expect(reportOf(result, 'status')?.cdn?.notAfter).toBeUndefined();
    expect(result.orderId).toBeUndefined();
    expect(reportOf(result, 'status')?.orders).toBeUndefined();
    expect(harness.logged('info')).toContain(
      'CDN domain cdn.off.example.com serves no certificate (HTTPS off).',
    );
    // No product named anywhere: the default product's quota.
    expect(result.quota?.productCode).toBe('symantec-free-1-free');
    expect(emulator.callsTo('DescribeCertificateState')).toEqual([]);
  });

  it('fails clearly when the CDN domain is not in the account', async () => {
    const error = await refusal(status({ 'cdn-domain': 'cdn.nothing.example.com' }).run);
    expect(error.message).toMatch(
      /^CDN domain cdn\.nothing\.example\.com is not in this account \(.+\); check cdn-domain/,
    );
  });
});
