// ROA requests through the one signed client (src/aliyun/rpc.ts `roa`, src/aliyun/roa.ts) against the emulator's
// own ACS3 check (emulator/gateway.ts) and its ROA routing (emulator/roa.ts): a product registered by path prefix,
// temporary credentials, the retry rules of writes and reads, the service's error read, a private key never echoed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../emulator/errors.js';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { AliyunApiError } from '../../src/aliyun/errors.js';
import { RpcClient } from '../../src/aliyun/rpc.js';

const VERSION = '2099-01-01';
const PRIVATE_KEY =
  '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC+/=\n-----END PRIVATE KEY-----\n';
const TOKEN = 'CAIS-temporary-token';

let emulator: Emulator;
let sts: Emulator;
const things = new Map<string, Record<string, unknown>>();
const clients: RpcClient[] = [];

function registerThings(e: Emulator) {
  e.roa.register({
    name: 'things',
    version: VERSION,
    host: 'things.aliyuncs.com',
    prefix: `/${VERSION}/`,
    routes: [
      {
        method: 'GET',
        path: `/${VERSION}/things/{name}`,
        action: 'GetThing',
        handle: ({ path, query }) => {
          const thing = things.get(path.name ?? '');
          if (!thing) throw new ApiError(404, 'ThingNotFound', `thing ${path.name} does not exist`);
          return { ...thing, name: path.name, limit: query.get('limit') };
        },
      },
      {
        method: 'PUT',
        path: `/${VERSION}/things/{name}`,
        action: 'UpdateThing',
        handle: ({ path, body }) => {
          things.set(path.name ?? '', body);
          return { name: path.name, ...body };
        },
      },
      {
        method: 'POST',
        path: `/${VERSION}/echo`,
        action: 'EchoThing',
        // A service that repeats what it was sent in its refusal.
        handle: ({ body }) => {
          throw new ApiError(400, 'InvalidArgument', `cannot take ${JSON.stringify(body)}`);
        },
      },
    ],
  });
}

function client(e: Emulator, credentials: { secret?: string; token?: string } = {}, deadline?: number) {
  const c = new RpcClient({
    credentials: {
      accessKeyId: e.accessKeyId,
      accessKeySecret: credentials.secret ?? e.accessKeySecret,
      ...(credentials.token ? { securityToken: credentials.token } : {}),
    },
    retry: { baseDelayMs: 5, maxDelayMs: 40 },
    throttlingRetry: { baseDelayMs: 5, maxDelayMs: 40 },
    ...(deadline === undefined ? {} : { deadline }),
  });
  clients.push(c);
  return c;
}

const get = (c: RpcClient, name: string, e = emulator) =>
  c.roa({
    endpoint: e.url,
    version: VERSION,
    action: 'GetThing',
    method: 'GET',
    path: [VERSION, 'things', name],
    query: { limit: 20 },
    changesState: false,
  });
const put = (c: RpcClient, name: string, body: unknown) =>
  c.roa({
    endpoint: emulator.url,
    version: VERSION,
    action: 'UpdateThing',
    method: 'PUT',
    path: [VERSION, 'things', name],
    body,
    changesState: true,
  });

beforeAll(async () => {
  emulator = await createEmulator();
  sts = await createEmulator({ securityToken: TOKEN });
  registerThings(emulator);
  registerThings(sts);
});
afterEach(() => {
  emulator.faults.clear();
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await emulator.close();
  await sts.close();
});

describe('ROA requests through the signed client', () => {
  it('puts a JSON body and gets it back by path, a wildcard name encoded as the SDKs do', async () => {
    const c = client(emulator);
    await put(c, '*.example.com', { certConfig: { certName: 'cas-1' }, protocol: 'HTTP,HTTPS' });
    const r = await get(c, '*.example.com');
    expect(r).toMatchObject({ name: '*.example.com', limit: '20', protocol: 'HTTP,HTTPS' });
    const call = emulator.callsTo('UpdateThing').at(-1);
    expect(call).toMatchObject({ status: 200, signatureStyle: 'acs3', version: VERSION });
    expect(call?.params).toMatchObject({ name: '*.example.com', 'certConfig.certName': 'cas-1' });
  });

  it('signs with a temporary key and its token, which the gateway requires', async () => {
    things.set('sts.example.com', { protocol: 'HTTP' });
    await expect(get(client(sts, { token: TOKEN }), 'sts.example.com', sts)).resolves.toMatchObject({
      protocol: 'HTTP',
    });
    await expect(get(client(sts), 'sts.example.com', sts)).rejects.toMatchObject({
      code: 'InvalidSecurityToken.MismatchWithAccessKey',
    });
  });

  it('is refused with a wrong secret: the emulator checks the signature itself', async () => {
    await expect(get(client(emulator, { secret: 'wrong' }), 'x')).rejects.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });

  it('reads the service error: code, message, status, request id', async () => {
    const error = (await get(client(emulator), 'missing.example.com').catch((e) => e)) as AliyunApiError;
    expect(error).toBeInstanceOf(AliyunApiError);
    expect(error).toMatchObject({ code: 'ThingNotFound', status: 404, action: 'GetThing' });
    expect(error.message).toContain('missing.example.com does not exist');
    expect(error.requestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('retries a read after a 503, by the route operation name', async () => {
    things.set('r.example.com', {});
    emulator.faults.add({ action: 'GetThing', kind: 'unavailable', times: 2 });
    await expect(get(client(emulator), 'r.example.com')).resolves.toMatchObject({ name: 'r.example.com' });
    expect(
      emulator
        .callsTo('GetThing')
        .slice(-3)
        .map((c) => c.status),
    ).toEqual([503, 503, 200]);
  });

  it('never resends a write after a 503 (its outcome is unknown), and retries it after throttling', async () => {
    const c = client(emulator);
    emulator.faults.add({ action: 'UpdateThing', kind: 'unavailable' });
    const before = emulator.callsTo('UpdateThing').length;
    await expect(put(c, 'w.example.com', { a: 1 })).rejects.toMatchObject({ outcomeUnknown: true });
    expect(emulator.callsTo('UpdateThing').length - before).toBe(1);
    emulator.faults.add({ action: 'UpdateThing', kind: 'throttle' });
    await expect(put(c, 'w.example.com', { a: 2 })).resolves.toMatchObject({ a: 2 });
  });

  it('gives up a retry that would end past the run deadline', async () => {
    emulator.faults.add({ action: 'GetThing', kind: 'unavailable', retryAfter: 30 });
    const error = (await get(client(emulator, {}, Date.now() + 2000), 'd.example.com').catch(
      (e) => e,
    )) as AliyunApiError;
    expect(error.deadlineReached).toBe(true);
  });

  it('never repeats a private key it sent: not in an echoing refusal, not in the call records', async () => {
    const error = (await client(emulator)
      .roa({
        endpoint: emulator.url,
        version: VERSION,
        action: 'EchoThing',
        method: 'POST',
        path: [VERSION, 'echo'],
        body: { certConfig: { privateKey: PRIVATE_KEY } },
        changesState: true,
      })
      .catch((e) => e)) as AliyunApiError;
    expect(error.code).toBe('InvalidArgument');
    expect(error.message).toContain('cannot take');
    expect(error.message).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
    const recorded = JSON.stringify(emulator.callsTo('EchoThing'));
    expect(recorded).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC');
    expect(recorded).toContain('[private key,');
  });

  it('answers a path under the prefix that no route takes with a 404', async () => {
    const error = (await client(emulator)
      .roa({
        endpoint: emulator.url,
        version: VERSION,
        action: 'ListThings',
        method: 'GET',
        path: [VERSION, 'nothing'],
        changesState: false,
      })
      .catch((e) => e)) as AliyunApiError;
    expect(error).toMatchObject({ status: 404, code: 'InvalidAction.NotFound' });
  });

  it('refuses an unsigned ROA request', async () => {
    const answer = await fetch(`${emulator.url}/${VERSION}/things/x`);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ Code: 'IncompleteSignature' });
  });
});
