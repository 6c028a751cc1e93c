// The held-certificate adapters (src/held/) over loopback against the emulator: the 2020-04-07 adapter sends what the
// official SDK sends for the same operation (the SDK is the oracle), the 2018-07-13 one sends 004's parameters, and
// both read every page and the same store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmulator,
  EMULATOR_ACCESS_KEY_ID,
  EMULATOR_ACCESS_KEY_SECRET,
  type Emulator,
} from '../../emulator/server.js';
import { casSdkClient, sdkRequest } from '../../emulator/test-helpers.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { openHeldCertificates } from '../../src/held/open.js';
import { type HeldApiVersion, NameTakenError } from '../../src/held/port.js';

let emulator: Emulator;
let client: RpcClient;
const masked: string[] = [];
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
  client = new RpcClient({
    credentials: { accessKeyId: EMULATOR_ACCESS_KEY_ID, accessKeySecret: EMULATOR_ACCESS_KEY_SECRET },
  });
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

const store = (version: HeldApiVersion) =>
  openHeldCertificates(client, emulator.url, version, (secret) => void masked.push(secret));
const COMMON = /^(Action|Version|Format|AccessKeyId|Signature.*|Timestamp|SecurityToken)$/;
/** The operation's own parameters of the last call to `action`, as the emulator received them. */
function lastParams(action: string): Record<string, string> {
  const call = emulator.callsTo(action).at(-1);
  return Object.fromEntries(Object.entries(call?.params ?? {}).filter(([name]) => !COMMON.test(name)));
}
const pair = async (name: string) => {
  const leaf = await emulator.ca.issueLeaf({ names: [name], recycleKey: true });
  return { fullchainPem: `${leaf.certificatePem}${leaf.chainPem}`, privateKeyPem: leaf.privateKeyPem ?? '' };
};

describe('2020-04-07 adapter and the official SDK send the same parameters', () => {
  it('UploadUserCertificate, GetUserCertificateDetail, ListUserCertificateOrder CERT, DeleteUserCertificate', async () => {
    const sdk = casSdkClient(emulator, { style: 'v2' });
    const ours = store('2020-04-07');
    const { fullchainPem, privateKeyPem } = await pair('oracle.example.com');

    const { certId } = await ours.upload({ name: 'oracle_ours', fullchainPem, privateKeyPem });
    const oursUpload = lastParams('UploadUserCertificate');
    const sdkUpload = await sdk.uploadUserCertificate(
      sdkRequest('UploadUserCertificateRequest', {
        name: 'oracle_sdk',
        cert: fullchainPem,
        key: privateKeyPem,
      }),
    );
    expect(lastParams('UploadUserCertificate')).toEqual({ ...oursUpload, Name: 'oracle_sdk' });

    const detail = await ours.download(certId);
    const oursDetail = lastParams('GetUserCertificateDetail');
    await sdk.getUserCertificateDetail(
      sdkRequest('GetUserCertificateDetailRequest', { certId: Number(certId), certFilter: false }),
    );
    expect(lastParams('GetUserCertificateDetail')).toEqual(oursDetail);
    expect(detail).toMatchObject({
      certId,
      name: 'oracle_ours',
      domains: ['oracle.example.com'],
      source: 'uploaded',
    });
    expect(detail?.privateKeyPem).toBe(privateKeyPem);
    expect(masked).toContain(privateKeyPem);

    await ours.list();
    const oursList = lastParams('ListUserCertificateOrder');
    await sdk.listUserCertificateOrder(
      sdkRequest('ListUserCertificateOrderRequest', { orderType: 'CERT', currentPage: 1, showSize: 50 }),
    );
    expect(lastParams('ListUserCertificateOrder')).toEqual(oursList);

    expect(await ours.delete(certId)).toBe(true);
    const oursDelete = lastParams('DeleteUserCertificate');
    await sdk.deleteUserCertificate(
      sdkRequest('DeleteUserCertificateRequest', { certId: Number(sdkUpload.body.certId) }),
    );
    expect(Object.keys(lastParams('DeleteUserCertificate'))).toEqual(Object.keys(oursDelete));
  });
});

it('reads the 2018 list in both of 004 sample spellings (TotalCount, totalCount), every page', async () => {
  const ours = store('2018-07-13');
  for (let i = 0; i < 3; i++) await emulator.cas.seedOrder({ domains: [`spell${i}.example.com`] });
  const expected = emulator.cas.certificates.all().filter((c) => c.notAfter > Date.now());
  for (const spelling of ['json-sample', 'xml-sample'] as const) {
    emulator.cas.knobs.certificateListSpelling = spelling;
    emulator.cas.knobs.maxPageSize = 2;
    const listed = await ours.list().finally(() => delete emulator.cas.knobs.maxPageSize);
    expect(listed.map((c) => c.certId).sort(), spelling).toEqual(
      expected.map((c) => c.certId.toString()).sort(),
    );
  }
  delete emulator.cas.knobs.certificateListSpelling;
});

describe.each(['2020-04-07', '2018-07-13', '2018-08-13'] as const)('the %s adapter', (version) => {
  it('uploads, refuses a taken name, lists every page, downloads, deletes twice safely', async () => {
    const ours = store(version);
    const { fullchainPem, privateKeyPem } = await pair(`v${version.replace(/-/g, '')}.example.com`);
    const name = `v${version.replace(/-/g, '_')}`;
    const { certId } = await ours.upload({ name, fullchainPem, privateKeyPem });
    await expect(ours.upload({ name, fullchainPem, privateKeyPem })).rejects.toBeInstanceOf(NameTakenError);
    for (let i = 0; i < 4; i++)
      await emulator.cas.seedOrder({ domains: [`p${i}-${name.replace(/_/g, '')}.example.com`] });

    emulator.cas.knobs.maxPageSize = 2;
    const listed = await ours.list().finally(() => delete emulator.cas.knobs.maxPageSize);
    const valid = emulator.cas.certificates.all().filter((c) => c.notAfter > Date.now() && !c.revokedAt);
    expect(listed.map((c) => c.certId).sort()).toEqual(valid.map((c) => c.certId.toString()).sort());
    const mine = listed.find((c) => c.certId === certId);
    expect(mine).toMatchObject({ name, source: 'uploaded' });
    // The list's day, read as the start of that day in China Standard Time: never after the real not-after.
    const real = emulator.cas.certificates.get(certId)?.notAfter ?? 0;
    expect(mine?.notAfter?.getTime()).toBeLessThanOrEqual(real);
    expect(real - (mine?.notAfter?.getTime() ?? 0)).toBeLessThan(86_400_000);

    const detail = await ours.download(certId);
    expect(detail?.certificatePem).toContain('BEGIN CERTIFICATE');
    expect(await ours.delete(certId)).toBe(true);
    expect(await ours.delete(certId)).toBe(false);
    expect(await ours.download(certId)).toBeUndefined();
    if (version !== '2020-04-07') {
      expect(emulator.callsTo('CreateUserCertificate').at(-1)?.version).toBe(version);
      expect(Object.keys(lastParams('CreateUserCertificate')).sort()).toEqual(['Cert', 'Key', 'Name']);
      expect(Object.keys(lastParams('DescribeUserCertificateList')).sort()).toEqual([
        'CurrentPage',
        'ShowSize',
      ]);
    }
  });
});
