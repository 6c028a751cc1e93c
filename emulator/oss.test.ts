// The OSS emulator against ali-oss (signature V4): its ListCname and PutCname requests are accepted, a wrong
// secret, a missing bucket and an unbound domain are refused in OSS's XML, faults apply by action name, and the
// domain's front serves what PutCname set.

import { X509Certificate } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './server.js';
import { servedFingerprint } from './test-helpers.js';

const require = createRequire(import.meta.url);
type OssResult = { status: number; data: Buffer | string; res: { headers: Record<string, string> } };
type OssClient = {
  request(params: Record<string, unknown>): Promise<OssResult>;
  parseXML(text: Buffer | string): Promise<Record<string, unknown>>;
};
const OSS = require('ali-oss') as new (options: Record<string, unknown>) => OssClient;
const { obj2xml } = require('ali-oss/lib/common/utils/obj2xml.js') as {
  obj2xml(tree: Record<string, unknown>): string;
};

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({
    ossBuckets: [{ bucket: 'my-bucket', region: 'cn-shanghai', domains: ['static.example.com'] }],
    recycleLeafKeys: true,
  });
});
afterAll(() => emulator.close());

function aliOss(overrides: Record<string, unknown> = {}): OssClient {
  return new OSS({
    region: 'oss-cn-shanghai',
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
    authorizationV4: true,
    endpoint: `http://127.0.0.1:${emulator.port}`,
    bucket: 'my-bucket',
    retryMax: 0,
    ...overrides,
  });
}

const listCname = (client: OssClient, bucket = 'my-bucket') =>
  client.request({ method: 'GET', bucket, subres: 'cname', successStatuses: [200] });
const putCname = (client: OssClient, certId: string, domain = 'static.example.com') =>
  client.request({
    method: 'POST',
    bucket: 'my-bucket',
    subres: { cname: '', comp: 'add' },
    mime: 'xml',
    content: obj2xml({
      BucketCnameConfiguration: {
        Cname: { Domain: domain, CertificateConfiguration: { CertId: certId, Force: 'true' } },
      },
    }),
    successStatuses: [200],
  });
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ code: 'none', status: 0 }),
    (error: { code?: string; status?: number; message?: string }) => error,
  );

describe('OSS: ListCname and PutCname, signature V4', () => {
  it('accepts ali-oss: PutCname binds a CAS certificate, ListCname reads it back, the front serves it', async () => {
    const order = await emulator.cas.seedOrder({ domains: ['static.example.com'] });
    const certId = order.certificate?.certId ?? '';
    const front = await emulator.served.listen('oss:my-bucket/static.example.com');
    const client = aliOss();
    await putCname(client, `${certId}-cn-hangzhou`);
    const put = emulator.callsTo('PutCname').at(-1);
    expect(put).toMatchObject({ product: 'oss', status: 200 });
    expect(put?.params).toMatchObject({
      Bucket: 'my-bucket',
      cname: '',
      comp: 'add',
      'Cname.Domain': 'static.example.com',
      'Cname.CertificateConfiguration.CertId': `${certId}-cn-hangzhou`,
      'Cname.CertificateConfiguration.Force': 'true',
    });
    const list = await client.parseXML((await listCname(client)).data);
    const cname = list.Cname as { Domain: string; Status: string; Certificate: Record<string, string> };
    expect(cname.Domain).toBe('static.example.com');
    expect(cname.Status).toBe('Enabled');
    expect(cname.Certificate).toMatchObject({
      Type: 'CAS',
      CertId: `${certId}-cn-hangzhou`,
      Status: 'Enabled',
    });
    const leaf = new X509Certificate(order.certificate?.certificatePem ?? '');
    expect(cname.Certificate.Fingerprint).toBe(leaf.fingerprint);
    expect(Date.parse(cname.Certificate.ValidEndDate ?? '')).toBe(Date.parse(leaf.validTo));
    expect(emulator.oss.servedSet('my-bucket/static.example.com')).toEqual({ default: certId });
    expect(await servedFingerprint(front.port, 'static.example.com')).toBe(leaf.fingerprint256);
    await front.close();
  });

  it('refuses a wrong secret with SignatureDoesNotMatch, its string to sign beside it', async () => {
    const error = await refusal(listCname(aliOss({ accessKeySecret: 'not-the-secret' })));
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
    const record = emulator.callsTo('ListCname').at(-1);
    expect(record).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('requires the STS token of a temporary key', async () => {
    emulator.gateway.setKey({
      accessKeyId: 'sts-key',
      accessKeySecret: 'sts-secret',
      securityToken: 'tok-1',
    });
    const keyed = { accessKeyId: 'sts-key', accessKeySecret: 'sts-secret' };
    expect((await listCname(aliOss({ ...keyed, stsToken: 'tok-1' }))).status).toBe(200);
    expect(await refusal(listCname(aliOss(keyed)))).toMatchObject({ code: 'InvalidSecurityToken' });
  });

  it('names a missing bucket NoSuchBucket, an unbound domain NeedVerifyDomainOwnership, a foreign certificate', async () => {
    expect(await refusal(listCname(aliOss({ bucket: 'no-bucket' }), 'no-bucket'))).toMatchObject({
      code: 'NoSuchBucket',
      status: 404,
    });
    const order = await emulator.cas.seedOrder({ domains: ['other.example.com'] });
    const certId = order.certificate?.certId ?? '';
    expect(await refusal(putCname(aliOss(), `${certId}-cn-hangzhou`, 'other.example.com'))).toMatchObject({
      code: 'NeedVerifyDomainOwnership',
    });
    expect(await refusal(putCname(aliOss(), `${certId}-ap-southeast-1`))).toMatchObject({
      code: 'InvalidArgument',
    });
    // The certificate does not cover the bucket's domain.
    expect(await refusal(putCname(aliOss(), `${certId}-cn-hangzhou`))).toMatchObject({
      code: 'InvalidArgument',
    });
  });

  it('signs for the bucket’s region: another region is told the endpoint to use', async () => {
    const error = await refusal(listCname(aliOss({ region: 'oss-cn-beijing' })));
    expect(error).toMatchObject({ code: 'AccessDenied', status: 403 });
  });

  it('applies faults by action name, in OSS’s XML', async () => {
    emulator.faults.add({ action: 'ListCname', kind: 'unavailable' });
    expect(await refusal(listCname(aliOss()))).toMatchObject({ code: 'ServiceUnavailable', status: 503 });
    expect(emulator.callsTo('ListCname').at(-1)).toMatchObject({ fault: 'unavailable', status: 503 });
    expect((await listCname(aliOss())).status).toBe(200);
  });
});
