// ali-oss (the official OSS SDK for Node, signature V4) is the oracle: it has no PutCname or ListCname method, so
// its generic signed `request` sends them, with the body built by its own XML writer. The emulator accepts its
// requests (so the emulator's signature check and shapes are OSS's), and our target sends the same query and body
// (the emulator's recorded params, the body flattened) and reads the same answer. Credentials: a fixed key and an
// STS key, both through the provider the RPC client uses.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { OssClient } from '../../src/aliyun/oss-request.js';
import { createOssTargetOn } from '../../src/deploy/oss.js';

const require = createRequire(import.meta.url);
type AliOss = {
  request(params: Record<string, unknown>): Promise<{ status: number; data: Buffer }>;
  parseXML(text: Buffer | string): Promise<Record<string, unknown>>;
};
const OSS = require('ali-oss') as new (options: Record<string, unknown>) => AliOss;
const { obj2xml } = require('ali-oss/lib/common/utils/obj2xml.js') as {
  obj2xml(tree: Record<string, unknown>): string;
};

const RESOURCE = 'my-bucket/static.example.com@cn-shanghai';
let emulator: Emulator;
let certId: string;
beforeAll(async () => {
  emulator = await createEmulator({
    ossBuckets: [{ bucket: 'my-bucket', region: 'cn-shanghai', domains: ['static.example.com'] }],
  });
  const order = await emulator.cas.seedOrder({ domains: ['static.example.com'] });
  certId = order.certificate?.certId ?? '';
});
afterAll(() => emulator.close());

const aliOss = (key: Record<string, string>) =>
  new OSS({
    region: 'oss-cn-shanghai',
    ...key,
    authorizationV4: true,
    endpoint: `http://127.0.0.1:${emulator.port}`,
    bucket: 'my-bucket',
    retryMax: 0,
  });
const lastParams = (action: string) => {
  const call = emulator.callsTo(action).at(-1);
  expect(call?.status, JSON.stringify(call)).toBe(200);
  return call?.params ?? {};
};

type Key = () => { accessKeyId: string; accessKeySecret: string; securityToken?: string };
describe.each<[string, Key]>([
  ['a fixed key', () => ({ accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret })],
  [
    'an STS key',
    () => {
      emulator.gateway.setKey({
        accessKeyId: 'sts-id',
        accessKeySecret: 'sts-secret',
        securityToken: 'sts-token',
      });
      return { accessKeyId: 'sts-id', accessKeySecret: 'sts-secret', securityToken: 'sts-token' };
    },
  ],
])('OSS, with %s: ali-oss and ours send the same operations', (_name, key) => {
  it('PutCname: the same query and body fields', async () => {
    const { securityToken, ...ids } = key();
    const sdk = aliOss({ ...ids, ...(securityToken ? { stsToken: securityToken } : {}) });
    await sdk.request({
      method: 'POST',
      bucket: 'my-bucket',
      subres: { cname: '', comp: 'add' },
      mime: 'xml',
      content: obj2xml({
        BucketCnameConfiguration: {
          Cname: {
            Domain: 'static.example.com',
            CertificateConfiguration: { CertId: `${certId}-cn-hangzhou`, Force: 'true' },
          },
        },
      }),
      successStatuses: [200],
    });
    const theirs = lastParams('PutCname');
    const client = new OssClient({
      credentials: async () => ({ ...ids, ...(securityToken ? { securityToken } : {}) }),
    });
    const target = createOssTargetOn(client, emulator.url, {
      certRegion: 'cn-hangzhou',
      region: 'cn-hangzhou',
    });
    await target.set(RESOURCE, certId);
    const ours = lastParams('PutCname');
    expect(ours).toEqual(theirs);
    expect(ours).toEqual({
      Bucket: 'my-bucket',
      cname: '',
      comp: 'add',
      'Cname.Domain': 'static.example.com',
      'Cname.CertificateConfiguration.CertId': `${certId}-cn-hangzhou`,
      'Cname.CertificateConfiguration.Force': 'true',
    });
    await client.close();
  });

  it('ListCname: the same query, and ours reads what ali-oss parses', async () => {
    const { securityToken, ...ids } = key();
    const sdk = aliOss({ ...ids, ...(securityToken ? { stsToken: securityToken } : {}) });
    const answer = await sdk.request({
      method: 'GET',
      bucket: 'my-bucket',
      subres: 'cname',
      successStatuses: [200],
    });
    const parsed = (await sdk.parseXML(answer.data)) as {
      Cname: { Domain: string; Certificate: { CertId: string; Status: string } };
    };
    const theirs = lastParams('ListCname');
    const client = new OssClient({
      credentials: async () => ({ ...ids, ...(securityToken ? { securityToken } : {}) }),
    });
    const target = createOssTargetOn(client, emulator.url, {
      certRegion: 'cn-hangzhou',
      region: 'cn-hangzhou',
    });
    const serving = await target.serving(RESOURCE);
    expect(lastParams('ListCname')).toEqual(theirs);
    expect(theirs).toEqual({ Bucket: 'my-bucket', cname: '' });
    expect(parsed.Cname.Domain).toBe('static.example.com');
    expect(`${serving.certId}-cn-hangzhou`).toBe(parsed.Cname.Certificate.CertId);
    expect(serving.inEffect).toBe(parsed.Cname.Certificate.Status === 'Enabled');
    await client.close();
  });
});

describe('OSS errors, read by ours as ali-oss reads them', () => {
  it('a wrong secret: SignatureDoesNotMatch, the string to sign kept for the debug log only', async () => {
    const debug: string[] = [];
    const client = new OssClient({
      credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: 'wrong-secret' },
      onDebug: (line) => debug.push(line),
    });
    const target = createOssTargetOn(client, emulator.url, {
      certRegion: 'cn-hangzhou',
      region: 'cn-hangzhou',
    });
    const error = (await target.serving(RESOURCE).catch((e: unknown) => e)) as {
      code: string;
      message: string;
    };
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(error.message).not.toContain('OSS4-HMAC-SHA256');
    expect(debug.join('\n')).toContain('ListCname: SignatureDoesNotMatch: string to sign OSS4-HMAC-SHA256');
    await client.close();
  });
});
