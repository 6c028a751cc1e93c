import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_HEADER, createEmulator, type Emulator } from './server.js';
import { callCas, casSdkClient, rawJsonNumber, sdkRequest } from './test-helpers.js';

describe('fault injection', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ zones: ['example.com'] });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.faults.clear());

  const orderCount = () => emulator.cas.orders().length;
  let counter = 0;
  const create = (options?: Parameters<typeof callCas>[3]) =>
    callCas(emulator, 'CreateCertificateForPackageRequest', { Domain: `f${++counter}.example.com` }, options);

  it('throttles with Retry-After, then lets calls through', async () => {
    emulator.faults.add({ action: 'DescribePackageState', kind: 'throttle', times: 2, retryAfter: 3 });
    for (let i = 0; i < 2; i++) {
      const throttled = await callCas(emulator, 'DescribePackageState');
      expect([throttled.status, throttled.json.Code]).toEqual([400, 'Throttling.User']);
      expect(throttled.headers.get('retry-after')).toBe('3');
      expect(throttled.json.RequestId).toBeTypeOf('string');
    }
    expect((await callCas(emulator, 'DescribePackageState')).status).toBe(200);
    const calls = emulator.callsTo('DescribePackageState').slice(-3);
    expect(calls.map((call) => [call.status, call.code, call.fault])).toEqual([
      [400, 'Throttling.User', 'throttle'],
      [400, 'Throttling.User', 'throttle'],
      [200, undefined, undefined],
    ]);
  });

  it('limits each listed action to qps calls a second, refusing the rest with Throttling.User', async () => {
    emulator.faults.chaos = { qps: 3, qpsActions: ['DescribePackageState'] };
    const statuses = async (action: string, n: number) => {
      const answers = await Promise.all(Array.from({ length: n }, () => callCas(emulator, action)));
      return answers.map((a) => a.json.Code ?? a.status);
    };
    const burst = await statuses('DescribePackageState', 5);
    expect(burst.filter((s) => s === 200)).toHaveLength(3);
    expect(burst.filter((s) => s === 'Throttling.User')).toHaveLength(2);
    // Other actions are not limited; the window frees up after a second.
    expect(await statuses('ListUserCertificateOrder', 5)).toEqual([200, 200, 200, 200, 200]);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect(await statuses('DescribePackageState', 3)).toEqual([200, 200, 200]);
  });

  it('lets the throttling code, header and HTTP date be chosen; the SDK sees a ThrottlingError', async () => {
    emulator.faults.add({
      kind: 'throttle',
      code: 'Throttling.Api',
      retryAfterHeader: 'x-acs-retry-after',
      retryAfter: 2,
    });
    const sdk = casSdkClient(emulator, { style: 'v2' });
    await expect(sdk.describePackageState(sdkRequest('DescribePackageStateRequest'))).rejects.toMatchObject({
      code: 'Throttling.Api',
      retryAfter: 2,
    });
    const date = new Date(Date.now() + 5000).toUTCString();
    emulator.faults.add({ kind: 'throttle', code: 'Throttling', retryAfter: date });
    const result = await callCas(emulator, 'ListUserCertificateOrder');
    expect([result.json.Code, result.headers.get('retry-after')]).toEqual(['Throttling', date]);
  });

  it('answers 503 and 500 without touching state', async () => {
    emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind: 'unavailable' });
    emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind: 'internal' });
    const before = orderCount();
    const unavailable = await create();
    expect([unavailable.status, unavailable.json.Code]).toEqual([503, 'ServiceUnavailable']);
    const internal = await create();
    expect([internal.status, internal.json.Code]).toEqual([500, 'InternalError']);
    expect(orderCount()).toBe(before);
    expect((await create()).status).toBe(200);
  });

  it('drops the connection before processing (no order) or after it (order created, no answer)', async () => {
    const before = orderCount();
    emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind: 'drop-before' });
    await expect(create()).rejects.toThrow();
    expect(orderCount()).toBe(before);
    emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind: 'drop-after' });
    await expect(create()).rejects.toThrow();
    expect(orderCount()).toBe(before + 1);
    const dropped = emulator.callsTo('CreateCertificateForPackageRequest').slice(-2);
    expect(dropped.map((call) => [call.status, call.fault])).toEqual([
      [0, 'drop-before'],
      [0, 'drop-after'],
    ]);
  });

  it('sends malformed and truncated bodies with status 200', async () => {
    const before = orderCount();
    emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind: 'malformed-before' });
    const early = await create();
    expect(early.status).toBe(200);
    expect(() => JSON.parse(early.text)).toThrow();
    expect(orderCount()).toBe(before);

    emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind: 'malformed' });
    const late = await create();
    expect([late.status, late.headers.get('content-type')]).toEqual([200, 'text/html']);
    expect(orderCount()).toBe(before + 1);

    emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind: 'truncated' });
    const truncated = await create();
    expect(truncated.status).toBe(200);
    expect(truncated.text.startsWith('{"RequestId":')).toBe(true);
    expect(() => JSON.parse(truncated.text)).toThrow();
    expect(orderCount()).toBe(before + 2);
  });

  it('delays the answer after processing, so a client that times out still created the order', async () => {
    emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind: 'delay', delayMs: 400 });
    const before = orderCount();
    const started = Date.now();
    await expect(
      callCas(
        emulator,
        'CreateCertificateForPackageRequest',
        { Domain: 'slow.example.com' },
        { timeoutMs: 100 },
      ),
    ).rejects.toThrow();
    expect(orderCount()).toBe(before + 1);
    emulator.faults.add({ kind: 'delay', delayMs: 150 });
    const slow = await callCas(emulator, 'DescribePackageState');
    expect(slow.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it("prefers an action's own queue over '*', and '*' hits any action", async () => {
    emulator.faults.add({ kind: 'internal', times: 1 });
    emulator.faults.add({ action: 'DescribePackageState', kind: 'unavailable' });
    expect((await callCas(emulator, 'DescribePackageState')).status).toBe(503);
    expect((await callCas(emulator, 'DescribePackageState')).status).toBe(500);
    expect((await callCas(emulator, 'DescribePackageState')).status).toBe(200);
    emulator.faults.add({ kind: 'throttle', times: -1 });
    for (let i = 0; i < 3; i++)
      expect((await callCas(emulator, 'ListUserCertificateOrder')).json.Code).toBe('Throttling.User');
    expect(emulator.faults.pending()).toHaveLength(1);
  });

  it('takes faults and chaos over the admin API', async () => {
    const headers = { [ADMIN_TOKEN_HEADER]: emulator.adminToken };
    const post = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers,
      body: JSON.stringify([
        { action: 'DescribePackageState', kind: 'unavailable', retryAfter: 1 },
        { chaos: { maxDelayMs: 5 } },
      ]),
    });
    expect(post.status).toBe(200);
    const result = await callCas(emulator, 'DescribePackageState');
    expect([result.status, result.headers.get('retry-after')]).toEqual([503, '1']);
    expect(emulator.faults.chaos.maxDelayMs).toBe(5);
    const bad = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers,
      body: '{"kind":"explode"}',
    });
    expect(bad.status).toBe(400);
    await fetch(`${emulator.url}/__emulator/faults`, { method: 'DELETE', headers });
    expect(emulator.faults.pending()).toEqual([]);
    const created = await create();
    expect(rawJsonNumber(created.text, 'OrderId')).toMatch(/^\d+$/);
  });
});
