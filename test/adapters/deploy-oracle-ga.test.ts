// Global Accelerator (2019-11-20) has no official SDK on the npm registry (`@alicloud/ga20191120` is not there), so
// no SDK can be the oracle here as for CDN (deploy-oracle.test.ts). The fixed expected request shapes below come
// instead from the official Go SDK's request models (github alibabacloud-go/ga-20191120, client/client.go: which
// fields each operation takes, a repeated field flattened `Name.N.Field`, every field in the query of a POST) and
// certimate's GA deployer (github certimate-go/certimate, pkg/core/deployer/providers/aliyun-ga: `UpdateListener`
// with `RegionId` cn-hangzhou, `ListenerId` and `Certificates.1.Id` = the CAS `CertIdWithRegion` alone, the other
// settings left out; `AssociateAdditionalCertificatesWithListener` with `Certificates.1.Id`/`.Domain` for a domain
// without one, `UpdateAdditionalCertificateWithListener` with `CertificateId`/`Domain` for a domain with one;
// `ListListenerCertificates` and `ListListeners` by `AcceleratorId`). Each shape is first sent signed, as the Go SDK
// sends it, and accepted; then our target sends the same operation parameters, plus its own ClientToken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GA_VERSION } from '../../emulator/ga.js';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { callRpc } from '../../emulator/test-helpers.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { createGaTarget } from '../../src/deploy/ga.js';
import { heldCertificateFacts } from '../../src/deploy/held-certificate.js';
import type { DeployTarget } from '../../src/deploy/target.js';
import { createCdnService, createDcdnService } from '../../src/services/cdn.js';

let emulator: Emulator;
let client: RpcClient;
let target: DeployTarget;
const COMMON = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'SignatureType',
  'RegionId',
  'ClientToken',
]);
const operationParams = (params: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(params).filter(([name]) => !COMMON.has(name)));

/** Sends a fixed shape signed, as the Go SDK sends it (POST, every field in the query), and expects it accepted. */
async function sdkShape(action: string, params: Record<string, string>) {
  const answer = await callRpc(
    emulator,
    GA_VERSION,
    action,
    { RegionId: 'cn-hangzhou', ...params },
    { method: 'POST' },
  );
  expect(answer.status, answer.text).toBe(200);
  return answer;
}

/** Our target's last call of an action: accepted, RegionId cn-hangzhou, a write with a ClientToken of its own. */
function ourCall(action: string, write = false) {
  const call = emulator.callsTo(action).at(-1);
  expect(call?.status).toBe(200);
  expect(call?.params.RegionId).toBe('cn-hangzhou');
  if (write) expect(call?.params.ClientToken).toMatch(/^certdeploy-[0-9a-f]{40}$/);
  else expect(call?.params.ClientToken).toBeUndefined();
  return operationParams(call?.params);
}

beforeAll(async () => {
  emulator = await createEmulator({
    gaListeners: [
      { listenerId: 'lsr-oracle', acceleratorId: 'ga-oracle' },
      { listenerId: 'lsr-other', acceleratorId: 'ga-oracle' },
      { listenerId: 'lsr-tcp', acceleratorId: 'ga-oracle', protocol: 'TCP' },
    ],
  });
  client = new RpcClient({
    credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
  });
  target = createGaTarget(
    {
      cdn: createCdnService(client, emulator.url),
      dcdn: createDcdnService(client, emulator.url),
      client,
      certificateFacts: (certId) => heldCertificateFacts(client, emulator.url, certId),
      endpointOverride: (name) => (name === 'ga' ? emulator.url : undefined),
    },
    { certRegion: 'cn-hangzhou', region: 'cn-hangzhou' },
  );
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

const heldCertificate = async (...names: string[]) =>
  (await emulator.cas.seedOrder({ domains: names })).certificate?.certId ?? '';

describe('GA: the fixed shapes are accepted, and our target sends them', () => {
  it('the default certificate: UpdateListener Certificates.1.Id alone, read back with DescribeListener', async () => {
    const first = await heldCertificate('oracle.example.com');
    const second = await heldCertificate('oracle.example.com');
    const shape = { ListenerId: 'lsr-oracle', 'Certificates.1.Id': `${first}-cn-hangzhou` };
    await sdkShape('UpdateListener', shape);
    await target.set('lsr-oracle', second);
    expect(ourCall('UpdateListener', true)).toEqual({
      ...shape,
      'Certificates.1.Id': `${second}-cn-hangzhou`,
    });

    const read = await sdkShape('DescribeListener', { ListenerId: 'lsr-oracle' });
    expect(read.json).toMatchObject({
      AcceleratorId: 'ga-oracle',
      Protocol: 'HTTPS',
      State: 'active',
      Certificates: [{ Id: `${second}-cn-hangzhou`, Type: 'Server' }],
    });
    expect(await target.serving('lsr-oracle')).toMatchObject({ certId: second, inEffect: true });
    expect(ourCall('DescribeListener')).toEqual({ ListenerId: 'lsr-oracle' });
  });

  it('additional certificates: Associate… per domain, Update… for a bound domain, Dissociate… by Domains.N', async () => {
    const shop = await heldCertificate('shop.oracle.example.com');
    const renewed = await heldCertificate('shop.oracle.example.com', 'api.oracle.example.com');
    const other = await heldCertificate('other.oracle.example.com');
    const ids = { AcceleratorId: 'ga-oracle', ListenerId: 'lsr-oracle' };
    const associate = {
      ...ids,
      'Certificates.1.Id': `${other}-cn-hangzhou`,
      'Certificates.1.Domain': 'other.oracle.example.com',
    };
    await sdkShape('AssociateAdditionalCertificatesWithListener', associate);
    await target.set('lsr-oracle sni', shop);
    expect(ourCall('AssociateAdditionalCertificatesWithListener', true)).toEqual({
      ...ids,
      'Certificates.1.Id': `${shop}-cn-hangzhou`,
      'Certificates.1.Domain': 'shop.oracle.example.com',
    });

    const listShape = { ...ids, Role: 'additional', MaxResults: '50' };
    const listed = await sdkShape('ListListenerCertificates', listShape);
    expect(listed.json.Certificates).toEqual(
      expect.arrayContaining([
        {
          CertificateId: `${shop}-cn-hangzhou`,
          Domain: 'shop.oracle.example.com',
          IsDefault: false,
          State: 'active',
        },
      ]),
    );
    expect((await target.serving('lsr-oracle sni')).extensions?.sort()).toEqual([shop, other].sort());
    expect(ourCall('ListListenerCertificates')).toEqual(listShape);

    // The renewal covers the bound domain (replaced in place) and a new one (associated).
    const replace = { ...ids, CertificateId: `${renewed}-cn-hangzhou`, Domain: 'other.oracle.example.com' };
    await sdkShape('UpdateAdditionalCertificateWithListener', replace);
    await target.set('lsr-oracle sni', renewed);
    expect(ourCall('UpdateAdditionalCertificateWithListener', true)).toEqual({
      ...replace,
      Domain: 'shop.oracle.example.com',
    });
    expect(ourCall('AssociateAdditionalCertificatesWithListener', true)).toEqual({
      ...ids,
      'Certificates.1.Id': `${renewed}-cn-hangzhou`,
      'Certificates.1.Domain': 'api.oracle.example.com',
    });

    const dissociate = { ...ids, 'Domains.1': 'other.oracle.example.com' };
    await sdkShape('DissociateAdditionalCertificatesFromListener', dissociate);
    await target.set('lsr-oracle sni', other);
    await target.detach?.('lsr-oracle sni', [other]);
    expect(ourCall('DissociateAdditionalCertificatesFromListener', true)).toEqual(dissociate);
    expect((await target.serving('lsr-oracle sni')).extensions).toEqual([renewed]);
  });

  it('the same write gets the same ClientToken; another certificate or what it replaces, another', async () => {
    const a = await heldCertificate('token.oracle.example.com');
    const b = await heldCertificate('token.oracle.example.com');
    const tokens: string[] = [];
    for (const id of [a, b, a, a]) {
      await target.set('lsr-other', id);
      tokens.push(emulator.callsTo('UpdateListener').at(-1)?.params.ClientToken ?? '');
    }
    // a over nothing, b over a, a over b, then a over a: four different writes.
    expect(new Set(tokens).size).toBe(4);
    // The same write again (a over a) is the same token: answered, not a second change.
    await target.set('lsr-other', a);
    expect(emulator.callsTo('UpdateListener').at(-1)?.params.ClientToken).toBe(tokens[3]);
  });

  it('what other listeners use: ListListeners of the accelerator, and ListListenerCertificates of each HTTPS one', async () => {
    const kept = await heldCertificate('kept.example.com');
    const unused = await heldCertificate('unused.example.com');
    emulator.ga.addListener({
      listenerId: 'lsr-keeps',
      acceleratorId: 'ga-oracle',
      additional: [{ domain: 'kept.example.com', certId: kept }],
    });
    const shape = { AcceleratorId: 'ga-oracle', PageNumber: '1', PageSize: '50' };
    const listed = await sdkShape('ListListeners', shape);
    expect(listed.json.Listeners).toEqual(
      expect.arrayContaining([expect.objectContaining({ ListenerId: 'lsr-keeps', Protocol: 'HTTPS' })]),
    );
    expect(await target.alsoInUse?.([kept, unused])).toEqual([kept]);
    expect(ourCall('ListListeners')).toEqual(shape);
    expect(ourCall('ListListenerCertificates')).toEqual({
      AcceleratorId: 'ga-oracle',
      ListenerId: 'lsr-keeps',
      MaxResults: '50',
    });
  });

  it("check names the listener and the product's meaning", async () => {
    expect(await target.check?.('lsr-oracle')).toBeUndefined();
    expect(await target.check?.('lsr-tcp')).toBe(
      'names GA listener lsr-tcp, a TCP listener, not HTTPS: GA serves certificates on HTTPS listeners only',
    );
    expect(await target.check?.('lsr-gone')).toBe(
      'names GA listener lsr-gone, which is not in this account (NotExist.Listener): check the listener id, or ga-endpoint',
    );
  });
});
