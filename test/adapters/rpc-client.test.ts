// The real client over loopback against the emulator: signing, every retry rule, error classes, large ids.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmulator,
  EMULATOR_ACCESS_KEY_ID,
  EMULATOR_ACCESS_KEY_SECRET,
  type Emulator,
} from '../../emulator/server.js';
import { AliyunApiError } from '../../src/aliyun/errors.js';
import { RpcClient, type SignatureAlgorithm } from '../../src/aliyun/rpc.js';
import { createOrderApi } from '../../src/authority/order-api.js';

let emulator: Emulator;
const clients: RpcClient[] = [];

function client(
  options: {
    secret?: string;
    algorithm?: SignatureAlgorithm;
    token?: string;
    keyId?: string;
    maxAttempts?: number;
  } = {},
) {
  const c = new RpcClient({
    credentials: {
      accessKeyId: options.keyId ?? EMULATOR_ACCESS_KEY_ID,
      accessKeySecret: options.secret ?? EMULATOR_ACCESS_KEY_SECRET,
      securityToken: options.token,
    },
    signatureAlgorithm: options.algorithm,
    retry: { baseDelayMs: 5, maxDelayMs: 40, maxAttempts: options.maxAttempts ?? 5 },
    throttlingRetry: { baseDelayMs: 5, maxDelayMs: 40, maxAttempts: options.maxAttempts ?? 10 },
  });
  clients.push(c);
  return c;
}
const cas = (c = client()) => createOrderApi(c, emulator.url, () => {});
const forPackage = (domains: string[]) => ({
  operation: 'CreateCertificateForPackageRequest' as const,
  productCode: 'digicert-free-1-free',
  domains,
  validationMethod: 'DNS' as const,
  contact: {},
});
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as AliyunApiError,
  );

beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
});
afterEach(() => {
  emulator.faults.clear();
  emulator.calls.length = 0;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await emulator.close();
});

describe('signing', () => {
  it.each(['HMAC-SHA1', 'ACS3-HMAC-SHA256'] as const)('is accepted with %s', async (algorithm) => {
    const state = await cas(client({ algorithm })).describePackageState('digicert-free-1-free');
    expect(state.total).toBeGreaterThan(0);
    expect(emulator.calls.at(-1)?.signatureStyle).toBe(algorithm === 'HMAC-SHA1' ? 'rpc-v1' : 'acs3');
  });

  it('sends a multi-line CSR in the signed form body', async () => {
    const { createCsr } = await import('../../emulator/ca.js');
    const { csrPem } = await createCsr({ names: ['csr.example.com'] });
    const { orderId } = await cas().createOrder({
      ...forPackage([]),
      operation: 'CreateCertificateWithCsrRequest',
      csr: csrPem,
      contact: { name: 'Tom', phone: '13900000000', email: 'tom@example.com' },
    });
    expect(emulator.cas.order(orderId)?.domains).toEqual(['csr.example.com']);
  });

  it('refuses a wrong secret without retrying, with the service code and request id', async () => {
    const error = await rejection(cas(client({ secret: 'wrong' })).describePackageState());
    expect(error).toBeInstanceOf(AliyunApiError);
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', status: 400, outcomeUnknown: false });
    expect(error.requestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(emulator.calls).toHaveLength(1);
  });

  it('reports an unknown access key as InvalidAccessKeyId.NotFound', async () => {
    const error = await rejection(cas(client({ keyId: 'nobody' })).describePackageState());
    expect(error).toMatchObject({ code: 'InvalidAccessKeyId.NotFound', status: 404 });
  });

  it('uses a fresh nonce on every attempt', async () => {
    emulator.faults.add({ action: 'DescribePackageState', kind: 'unavailable', times: 2 });
    await cas().describePackageState();
    const nonces = emulator.calls.map((c) => c.params.SignatureNonce);
    expect(nonces).toHaveLength(3);
    expect(new Set(nonces).size).toBe(3);
  });
});

describe('retries of reads', () => {
  it.each([
    'throttle',
    'unavailable',
    'internal',
    'drop-before',
    'drop-after',
    'malformed',
    'truncated',
  ] as const)('retries after %s', async (kind) => {
    emulator.faults.add({ action: 'DescribePackageState', kind, times: 2 });
    const state = await cas().describePackageState('digicert-free-1-free');
    expect(state.productCode).toBe('digicert-free-1-free');
    expect(emulator.callsTo('DescribePackageState')).toHaveLength(3);
  });

  it('gives up after the maximum attempts with the last error', async () => {
    emulator.faults.add({
      action: 'DescribePackageState',
      kind: 'throttle',
      times: Number.POSITIVE_INFINITY,
    });
    const error = await rejection(cas(client({ maxAttempts: 3 })).describePackageState());
    expect(error).toMatchObject({ code: 'Throttling.User', status: 400 });
    expect(emulator.callsTo('DescribePackageState')).toHaveLength(3);
  });

  it.each(['Retry-After', 'x-acs-retry-after'] as const)('waits as long as %s says', async (header) => {
    emulator.faults.add({
      action: 'DescribePackageState',
      kind: 'throttle',
      retryAfter: 1,
      retryAfterHeader: header,
    });
    const started = Date.now();
    await cas().describePackageState();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('accepts Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 2000).toUTCString();
    emulator.faults.add({ action: 'DescribePackageState', kind: 'throttle', retryAfter: at });
    const started = Date.now();
    await cas().describePackageState();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('stops instead of waiting past the caller deadline', async () => {
    emulator.faults.add({ action: 'DescribePackageState', kind: 'throttle', retryAfter: 30 });
    const started = Date.now();
    const error = await rejection(
      client().call({
        endpoint: emulator.url,
        version: '2020-04-07',
        action: 'DescribePackageState',
        changesState: false,
        deadline: Date.now() + 1000,
      }),
    );
    expect(error.code).toBe('Throttling.User');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('does not retry client errors', async () => {
    const error = await rejection(cas().describeOrder('424242'));
    expect(error).toMatchObject({ code: 'NotFoundOrder', status: 404 });
    expect(emulator.calls).toHaveLength(1);
  });
});

describe('state-changing calls', () => {
  it.each(['throttle', 'unavailable', 'drop-before'] as const)(
    'are retried after %s only when that proves nothing happened',
    async (kind) => {
      const before = emulator.cas.orders().length;
      emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind });
      if (kind === 'drop-before' || kind === 'unavailable') {
        // A dropped connection, or a 503 (which a gateway may answer after the call ran), proves nothing to the
        // client: only a throttling refusal is known not to have been processed (docs/faults.md).
        const error = await rejection(cas().createOrder(forPackage(['retry.example.com'])));
        expect(error.outcomeUnknown).toBe(true);
        expect(emulator.cas.orders().length).toBe(before);
        return;
      }
      await cas().createOrder(forPackage(['retry.example.com']));
      expect(emulator.callsTo('CreateCertificateForPackageRequest')).toHaveLength(2);
      expect(emulator.cas.orders().length).toBe(before + 1);
    },
  );

  it.each(['internal', 'drop-after', 'malformed', 'truncated'] as const)(
    'are never retried after %s: the outcome is reported unknown',
    async (kind) => {
      const before = emulator.cas.orders().length;
      emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind });
      const error = await rejection(cas().createOrder(forPackage(['unknown.example.com'])));
      expect(error).toBeInstanceOf(AliyunApiError);
      expect(error.outcomeUnknown).toBe(true);
      expect(emulator.callsTo('CreateCertificateForPackageRequest')).toHaveLength(1);
      // drop-after, malformed and truncated took effect at the service; internal did not.
      expect(emulator.cas.orders().length).toBe(kind === 'internal' ? before : before + 1);
    },
  );

  it('reports NotRemainCount without retrying', async () => {
    emulator.cas.setPackage('geotrust-dv-1-starter', 1, 1);
    const error = await rejection(
      cas().createOrder({ ...forPackage(['quota.example.com']), productCode: 'geotrust-dv-1-starter' }),
    );
    expect(error).toMatchObject({ code: 'NotRemainCount', status: 404, outcomeUnknown: false });
    expect(emulator.calls).toHaveLength(1);
  });
});

describe('security token', () => {
  it('is sent in both signature versions and required by an STS key', async () => {
    const sts = await createEmulator({ securityToken: 'sts-token-value' });
    try {
      for (const algorithm of ['HMAC-SHA1', 'ACS3-HMAC-SHA256'] as const) {
        const withToken = createOrderApi(client({ algorithm, token: 'sts-token-value' }), sts.url, () => {});
        await expect(withToken.describePackageState()).resolves.toMatchObject({ total: expect.any(Number) });
        const without = createOrderApi(client({ algorithm }), sts.url, () => {});
        const error = await rejection(without.describePackageState());
        expect(error.code).toMatch(/SecurityToken/);
      }
    } finally {
      await sts.close();
    }
  });
});

describe('large ids', () => {
  it.each(['number', 'string'] as const)(
    'keeps every digit of ids beyond 2^53 sent as JSON %s',
    async (orderIdJson) => {
      const big = await createEmulator({ largeIds: true, orderIdJson });
      try {
        const service = createOrderApi(client(), big.url, () => {});
        const { orderId } = await service.createOrder(forPackage(['big.example.com']));
        expect(BigInt(orderId)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
        expect(orderId).toBe(big.cas.orders()[0]?.orderId.toString());
        const status = await service.describeOrder(orderId);
        expect(status.state).toBe('domain_verify');
        const listed = await service.listOrders({ keyword: 'big.example.com' });
        expect(listed.map((o) => o.orderId)).toEqual([orderId]);
      } finally {
        await big.close();
      }
    },
  );
});

describe('masking by construction', () => {
  it('hands every private key the order adapter receives to maskSecret before returning it', async () => {
    const order = await emulator.cas.seedOrder({ domains: ['masked.example.com'], state: 'certificate' });
    const masked: string[] = [];
    const adapter = createOrderApi(client(), emulator.url, (secret) => masked.push(secret));
    const status = await adapter.describeOrder(order.orderId.toString());
    expect(status.privateKey).toMatch(/PRIVATE KEY/);
    expect(masked).toEqual([status.privateKey]);
  });
});
