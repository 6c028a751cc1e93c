import { createHash, createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCsr } from './ca.js';
import { createEmulator, type Emulator } from './server.js';
import { callCas, callRpc, casSdkClient, sdkRequest, utcTimestamp } from './test-helpers.js';

describe('gateway', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({
      zones: ['example.com'],
      recycleLeafKeys: true,
      packages: { 'symantec-free-1-free': 20, 'symantec-dv-1-starter': 5 },
      accessKeys: [
        { accessKeyId: 'sts-key', accessKeySecret: 'sts-secret', securityToken: 'token-1' },
        {
          accessKeyId: 'expired-sts-key',
          accessKeySecret: 'sts-secret',
          securityToken: 'token-2',
          securityTokenExpiresAt: Date.now() - 1000,
        },
      ],
    });
  });
  afterAll(() => emulator.close());

  for (const style of ['v2', 'acs3'] as const) {
    it(`accepts the official SDK (${style}) for every CAS operation`, async () => {
      const client = casSdkClient(emulator, { style });
      const first = emulator.calls.length;
      const state = await client.describePackageState(sdkRequest('DescribePackageStateRequest', {}));
      expect(state.body.totalCount).toBe(20);

      const created = await client.createCertificateForPackageRequest(
        sdkRequest('CreateCertificateForPackageRequestRequest', {
          domain: `pkg-${style}.example.com`,
          username: "O'Brien (*) ~!",
          email: 'ops+certs@example.com',
          phone: '1390000 0000',
          validateType: 'DNS',
        }),
      );
      const orderId = created.body.orderId;
      const dv = await client.createCertificateRequest(
        sdkRequest('CreateCertificateRequestRequest', {
          domain: `dv-${style}.example.com`,
          username: 'Tom',
          phone: '1390000',
          email: 'tom@example.com',
          validateType: 'FILE',
        }),
      );
      const { csrPem } = await createCsr({ names: [`csr-${style}.example.com`], keyType: 'ec' });
      await client.createCertificateWithCsrRequest(
        sdkRequest('CreateCertificateWithCsrRequestRequest', {
          csr: csrPem,
          username: 'Tom',
          phone: '1390000',
          email: 'tom@example.com',
          validateType: 'DNS',
        }),
      );
      const described = await client.describeCertificateState(
        sdkRequest('DescribeCertificateStateRequest', { orderId }),
      );
      expect(described.body.type).toBe('domain_verify');
      await client.cancelOrderRequest(sdkRequest('CancelOrderRequestRequest', { orderId }));
      await client.deleteCertificateRequest(sdkRequest('DeleteCertificateRequestRequest', { orderId }));

      const issued = await emulator.cas.seedOrder({
        domains: [`paid-${style}.example.com`],
        productCode: 'symantec-dv-1-starter',
      });
      const renewed = await client.renewCertificateOrderForPackageRequest(
        sdkRequest('RenewCertificateOrderForPackageRequestRequest', { orderId: Number(issued.orderId) }),
      );
      expect(renewed.body.orderId).toBeTypeOf('number');
      await client.cancelCertificateForPackageRequest(
        sdkRequest('CancelCertificateForPackageRequestRequest', { orderId: Number(issued.orderId) }),
      );
      const listed = await client.listUserCertificateOrder(
        sdkRequest('ListUserCertificateOrderRequest', { keyword: style, showSize: 10, currentPage: 1 }),
      );
      expect(listed.body.totalCount).toBeGreaterThan(0);
      expect(dv.body.orderId).toBeTypeOf('number');

      const calls = emulator.calls.slice(first);
      expect(calls.map((call) => [call.action, call.status, call.code])).toEqual(
        [
          'DescribePackageState',
          'CreateCertificateForPackageRequest',
          'CreateCertificateRequest',
          'CreateCertificateWithCsrRequest',
          'DescribeCertificateState',
          'CancelOrderRequest',
          'DeleteCertificateRequest',
          'RenewCertificateOrderForPackageRequest',
          'CancelCertificateForPackageRequest',
          'ListUserCertificateOrder',
        ].map((action) => [action, 200, undefined]),
      );
      expect(new Set(calls.map((call) => call.signatureStyle))).toEqual(
        new Set([style === 'v2' ? 'rpc-v1' : 'acs3']),
      );
      expect(calls[1]?.params.Username).toBe("O'Brien (*) ~!");
    });
  }

  it('accepts STS credentials from the SDK in both styles and refuses a wrong token', async () => {
    for (const style of ['v2', 'acs3'] as const) {
      const good = casSdkClient(emulator, {
        style,
        accessKeyId: 'sts-key',
        accessKeySecret: 'sts-secret',
        securityToken: 'token-1',
      });
      await expect(
        good.describePackageState(sdkRequest('DescribePackageStateRequest')),
      ).resolves.toBeDefined();
      const bad = casSdkClient(emulator, {
        style,
        accessKeyId: 'sts-key',
        accessKeySecret: 'sts-secret',
        securityToken: 'nope',
      });
      await expect(bad.describePackageState(sdkRequest('DescribePackageStateRequest'))).rejects.toMatchObject(
        {
          code: 'InvalidSecurityToken.MismatchWithAccessKey',
        },
      );
    }
    const missing = await callCas(
      emulator,
      'DescribePackageState',
      {},
      { accessKeyId: 'sts-key', accessKeySecret: 'sts-secret' },
    );
    expect(missing.json.Code).toBe('InvalidSecurityToken.MismatchWithAccessKey');
    const expired = await callCas(
      emulator,
      'DescribePackageState',
      {},
      {
        accessKeyId: 'expired-sts-key',
        accessKeySecret: 'sts-secret',
        extraCommon: { SecurityToken: 'token-2' },
      },
    );
    expect([expired.status, expired.json.Code]).toEqual([400, 'InvalidSecurityToken.Expired']);
  });

  it('refuses a wrong secret through the SDK in both styles', async () => {
    for (const style of ['v2', 'acs3'] as const) {
      const client = casSdkClient(emulator, { style, accessKeySecret: 'wrong' });
      await expect(
        client.describePackageState(sdkRequest('DescribePackageStateRequest')),
      ).rejects.toMatchObject({
        code: 'SignatureDoesNotMatch',
        statusCode: 400,
      });
    }
  });

  it('accepts GET, POST with query, and POST with a form body using + for spaces', async () => {
    for (const options of [
      { method: 'GET' },
      { method: 'POST' },
      { method: 'POST', formBody: true },
    ] as const) {
      const result = await callCas(
        emulator,
        'ListUserCertificateOrder',
        { Keyword: 'no such thing *~', ShowSize: 5 },
        options,
      );
      expect(result.status, result.text).toBe(200);
      expect(result.json).toMatchObject({ TotalCount: 0, ShowSize: 5, CurrentPage: 1 });
      expect(result.json.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    }
  });

  it('refuses a tampered signature, showing the server string to sign', async () => {
    const result = await callCas(
      emulator,
      'DescribePackageState',
      {},
      { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' },
    );
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ Code: 'SignatureDoesNotMatch', HostId: 'cas.aliyuncs.com' });
    expect(result.json.Message).toContain(
      'server string to sign is:GET&%2F&AccessKeyId%3Demulator-access-key-id',
    );
    expect(Object.keys(result.json).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
  });

  it('refuses a reused nonce but not a nonce burnt by a forged request', async () => {
    const nonce = randomUUID();
    const forged = await callCas(emulator, 'DescribePackageState', {}, { nonce, signature: 'bad' });
    expect(forged.json.Code).toBe('SignatureDoesNotMatch');
    expect((await callCas(emulator, 'DescribePackageState', {}, { nonce })).status).toBe(200);
    const replay = await callCas(emulator, 'DescribePackageState', {}, { nonce });
    expect([replay.status, replay.json.Code]).toEqual([400, 'SignatureNonceUsed']);
  });

  it('refuses old, future and malformed timestamps', async () => {
    const old = await callCas(
      emulator,
      'DescribePackageState',
      {},
      { timestamp: utcTimestamp(Date.now() - 16 * 60_000) },
    );
    expect([old.status, old.json.Code]).toEqual([400, 'InvalidTimeStamp.Expired']);
    const future = await callCas(
      emulator,
      'DescribePackageState',
      {},
      { timestamp: utcTimestamp(Date.now() + 16 * 60_000) },
    );
    expect(future.json.Code).toBe('InvalidTimeStamp.Expired');
    const malformed = await callCas(
      emulator,
      'DescribePackageState',
      {},
      { timestamp: '2024-01-01 00:00:00' },
    );
    expect([malformed.status, malformed.json.Code]).toEqual([400, 'InvalidTimeStamp.Format']);
    const millis = await callCas(
      emulator,
      'DescribePackageState',
      {},
      { timestamp: new Date().toISOString() },
    );
    expect(millis.json.Code).toBe('InvalidTimeStamp.Format');
  });

  it('emulates a skewed client clock with the gateway offset', async () => {
    emulator.setGatewayClockOffset(20 * 60_000);
    try {
      const skewed = await callCas(emulator, 'DescribePackageState');
      expect(skewed.json.Code).toBe('InvalidTimeStamp.Expired');
      const acs3 = casSdkClient(emulator, { style: 'acs3' });
      await expect(
        acs3.describePackageState(sdkRequest('DescribePackageStateRequest')),
      ).rejects.toMatchObject({
        code: 'InvalidTimeStamp.Expired',
      });
    } finally {
      emulator.setGatewayClockOffset(0);
    }
  });

  it('refuses an unknown key, missing common parameters, wrong method or version', async () => {
    const unknown = await callCas(emulator, 'DescribePackageState', {}, { accessKeyId: 'who' });
    expect([unknown.status, unknown.json.Code]).toEqual([404, 'InvalidAccessKeyId.NotFound']);
    const missing = await callCas(emulator, 'DescribePackageState', {}, { omit: ['SignatureNonce'] });
    expect([missing.status, missing.json.Code]).toEqual([400, 'MissingParameter']);
    expect(missing.json.Message).toContain('SignatureNonce');
    const sha256 = await callCas(
      emulator,
      'DescribePackageState',
      {},
      { extraCommon: { SignatureMethod: 'HMAC-SHA256' } },
    );
    expect(sha256.json.Code).toBe('IncompleteSignature');
    const version = await callRpc(emulator, '2017-01-01', 'DescribePackageState', {});
    expect([version.status, version.json.Code]).toEqual([400, 'InvalidVersion']);
    const action = await callCas(emulator, 'NoSuchAction');
    expect([action.status, action.json.Code]).toEqual([404, 'InvalidAction.NotFound']);
    const dnsActionOnCas = await callCas(emulator, 'AddDomainRecord');
    expect(dnsActionOnCas.json.Code).toBe('InvalidAction.NotFound');
    const path = await fetch(`${emulator.url}/v1/whatever`);
    expect(path.status).toBe(404);
  });

  it('verifies ACS3 byte for byte: payload hash, signed headers, nonce, tampering', async () => {
    interface Acs3Options {
      nonce?: string;
      body?: string;
      /** Changes headers after signing. */
      tamper?: (headers: Record<string, string>) => void;
      /** Sends this body instead of the signed one. */
      sentBody?: string;
    }
    const send = async ({ nonce = randomUUID(), body = '', tamper, sentBody }: Acs3Options = {}) => {
      const headers: Record<string, string> = {
        host: `127.0.0.1:${emulator.port}`,
        'x-acs-action': 'DescribePackageState',
        'x-acs-version': '2020-04-07',
        'x-acs-date': utcTimestamp(),
        'x-acs-signature-nonce': nonce,
        'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
      };
      const signed = Object.keys(headers).sort();
      const canonicalRequest = [
        'POST',
        '/',
        'ProductCode=symantec-free-1-free',
        signed.map((name) => `${name}:${headers[name]}\n`).join(''),
        signed.join(';'),
        headers['x-acs-content-sha256'],
      ].join('\n');
      const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
      const signature = createHmac('sha256', emulator.accessKeySecret).update(stringToSign).digest('hex');
      headers.authorization = `ACS3-HMAC-SHA256 Credential=${emulator.accessKeyId},SignedHeaders=${signed.join(';')},Signature=${signature}`;
      tamper?.(headers);
      const { host: _host, ...sent } = headers;
      const response = await fetch(`${emulator.url}/?ProductCode=symantec-free-1-free`, {
        method: 'POST',
        headers: sent,
        body: sentBody ?? body,
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    expect((await send()).status).toBe(200);
    const nonce = randomUUID();
    expect((await send({ nonce })).status).toBe(200);
    expect((await send({ nonce })).json.Code).toBe('SignatureNonceUsed');
    const code = async (options: Acs3Options) => (await send(options)).json.Code;
    expect(
      await code({ tamper: (h) => Object.assign(h, { 'x-acs-action': 'ListUserCertificateOrder' }) }),
    ).toBe('SignatureDoesNotMatch');
    expect(await code({ tamper: (h) => Object.assign(h, { 'x-acs-content-sha256': 'abc' }) })).toBe(
      'SignatureDoesNotMatch',
    );
    expect(await code({ body: 'a=1', sentBody: 'a=2' })).toBe('SignatureDoesNotMatch');
    expect((await send({ body: 'a=1' })).status).toBe(200);
    expect(
      await code({ tamper: (h) => Object.assign(h, { authorization: 'ACS3-HMAC-SHA256 garbage' }) }),
    ).toBe('IncompleteSignature');
    expect(await code({ tamper: (h) => Object.assign(h, { 'x-acs-date': '2020-01-01T00:00:00Z' }) })).toBe(
      'InvalidTimeStamp.Expired',
    );
    expect(await code({ tamper: (h) => Object.assign(h, { 'x-acs-version': '1999-01-01' }) })).toBe(
      'InvalidVersion',
    );
    // A body that is not the one hashed into x-acs-content-sha256.
    const mismatch = await fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: { authorization: 'ACS3-HMAC-SHA256 Credential=x,SignedHeaders=host,Signature=00' },
      body: 'x=1',
    });
    expect(((await mismatch.json()) as Record<string, unknown>).Code).toBe('MissingParameter');
  });
});
