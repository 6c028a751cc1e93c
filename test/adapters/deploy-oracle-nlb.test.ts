// NLB (2022-04-30) has no official SDK on the npm registry (`@alicloud/nlb20220430` is not there), so no SDK can be
// the oracle here as for CDN (deploy-oracle.test.ts). The fixed expected request shapes below come instead from
// the official Go SDK's request models (github alibabacloud-go/nlb-20220430, client/client.go: which fields each
// operation takes, a repeated field flattened `Name.N`, body or query) and certimate's NLB deployer (github
// certimate-go/certimate, pkg/core/deployer/providers/aliyun-nlb: `UpdateListenerAttribute` with `ListenerId` and
// `CertificateIds` = the CAS `CertIdWithRegion`). Each shape is first sent signed, as the Go SDK sends it (POST, a
// form body where its model puts the fields in the body), and accepted; then our target sends the same operation
// parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NLB_VERSION } from '../../emulator/nlb.js';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { callRpc } from '../../emulator/test-helpers.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { createNlbTarget } from '../../src/deploy/nlb.js';
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
]);
const operationParams = (params: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(params).filter(([name]) => !COMMON.has(name)));

/** The operations whose Go SDK model puts the fields in a form body; the others send them in the query. */
const BODY = new Set([
  'UpdateListenerAttribute',
  'ListListenerCertificates',
  'AssociateAdditionalCertificatesWithListener',
  'DisassociateAdditionalCertificatesWithListener',
]);

/** Sends a fixed shape signed, as the Go SDK sends it, and expects it accepted. */
async function sdkShape(action: string, params: Record<string, string>) {
  const answer = await callRpc(emulator, NLB_VERSION, action, params, {
    method: 'POST',
    formBody: BODY.has(action),
  });
  expect(answer.status, answer.text).toBe(200);
  return answer;
}

/** Our target's last call of an action: accepted, in the listener's region, with these operation parameters. */
function ourCall(action: string) {
  const call = emulator.callsTo(action).at(-1);
  expect(call?.status).toBe(200);
  expect(call?.params.RegionId).toBe('cn-hangzhou');
  return operationParams(call?.params);
}

beforeAll(async () => {
  emulator = await createEmulator({
    nlbListeners: [
      { listenerId: 'lsn-oracle@443', region: 'cn-hangzhou' },
      { listenerId: 'lsn-other@443', region: 'cn-hangzhou' },
      { listenerId: 'lsn-plain@80', region: 'cn-hangzhou', protocol: 'TCP' },
    ],
  });
  client = new RpcClient({
    credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
  });
  target = createNlbTarget(
    {
      cdn: createCdnService(client, emulator.url),
      dcdn: createDcdnService(client, emulator.url),
      client,
      endpointOverride: (name) => (name === 'nlb' ? emulator.url : undefined),
    },
    { certRegion: 'cn-hangzhou', region: 'cn-hangzhou' },
  );
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

const heldCertificate = async (name: string) =>
  (await emulator.cas.seedOrder({ domains: [name] })).certificate?.certId ?? '';

describe('NLB: the fixed shapes are accepted, and our target sends them', () => {
  it('the default certificate: UpdateListenerAttribute CertificateIds.1, read back with GetListenerAttribute', async () => {
    const first = await heldCertificate('oracle.example.com');
    const second = await heldCertificate('oracle.example.com');
    const shape = { ListenerId: 'lsn-oracle@443', 'CertificateIds.1': `${first}-cn-hangzhou` };
    await sdkShape('UpdateListenerAttribute', shape);
    await target.set('lsn-oracle@443@cn-hangzhou', second);
    expect(ourCall('UpdateListenerAttribute')).toEqual({
      ...shape,
      'CertificateIds.1': `${second}-cn-hangzhou`,
    });

    const read = await sdkShape('GetListenerAttribute', { ListenerId: 'lsn-oracle@443' });
    expect(read.json).toMatchObject({
      ListenerProtocol: 'TCPSSL',
      ListenerStatus: 'Running',
      CertificateIds: [`${second}-cn-hangzhou`],
    });
    expect(await target.serving('lsn-oracle@443@cn-hangzhou')).toMatchObject({
      certId: second,
      inEffect: true,
    });
    expect(ourCall('GetListenerAttribute')).toEqual({ ListenerId: 'lsn-oracle@443' });
  });

  it('additional certificates: Associate…, ListListenerCertificates, Disassociate… with AdditionalCertificateIds.N', async () => {
    const extra = await heldCertificate('a.oracle.example.com');
    const other = await heldCertificate('b.oracle.example.com');
    const listShape = { ListenerId: 'lsn-oracle@443', CertType: 'Server', MaxResults: '50' };
    const associate = { ListenerId: 'lsn-oracle@443', 'AdditionalCertificateIds.1': `${other}-cn-hangzhou` };
    await sdkShape('AssociateAdditionalCertificatesWithListener', associate);
    await target.set('lsn-oracle@443@cn-hangzhou sni', extra);
    expect(ourCall('AssociateAdditionalCertificatesWithListener')).toEqual({
      ...associate,
      'AdditionalCertificateIds.1': `${extra}-cn-hangzhou`,
    });

    const listed = await sdkShape('ListListenerCertificates', listShape);
    expect(listed.json.Certificates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          CertificateId: `${extra}-cn-hangzhou`,
          IsDefault: false,
          Status: 'Associated',
        }),
      ]),
    );
    const serving = await target.serving('lsn-oracle@443@cn-hangzhou sni');
    expect(serving.extensions?.sort()).toEqual([extra, other].sort());
    expect(ourCall('ListListenerCertificates')).toEqual(listShape);

    await sdkShape('DisassociateAdditionalCertificatesWithListener', associate);
    await target.detach?.('lsn-oracle@443@cn-hangzhou sni', [extra]);
    expect(ourCall('DisassociateAdditionalCertificatesWithListener')).toEqual({
      ListenerId: 'lsn-oracle@443',
      'AdditionalCertificateIds.1': `${extra}-cn-hangzhou`,
    });
    expect((await target.serving('lsn-oracle@443@cn-hangzhou sni')).extensions).toEqual([]);
  });

  it('what other listeners use: ListListeners of the region (TCPSSL), and the certificates of each', async () => {
    const kept = await heldCertificate('kept.example.com');
    const unused = await heldCertificate('unused.example.com');
    emulator.nlb.addListener({
      listenerId: 'lsn-keeps@8443',
      region: 'cn-hangzhou',
      additionalCertificateIds: [`${kept}-cn-hangzhou`],
    });
    const shape = { ListenerProtocol: 'TCPSSL', MaxResults: '100' };
    const listed = await sdkShape('ListListeners', shape);
    expect(listed.json.Listeners).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ListenerId: 'lsn-keeps@8443', ListenerProtocol: 'TCPSSL' }),
      ]),
    );
    expect(await target.alsoInUse?.([kept, unused])).toEqual([kept]);
    expect(ourCall('ListListeners')).toEqual(shape);
  });

  it("check names the listener and the product's meaning", async () => {
    expect(await target.check?.('lsn-oracle@443@cn-hangzhou')).toBeUndefined();
    expect(await target.check?.('lsn-plain@80@cn-hangzhou')).toBe(
      'names NLB listener lsn-plain@80 in cn-hangzhou, which is a TCP listener, not TCPSSL: only a TCPSSL listener serves a certificate',
    );
    expect(await target.check?.('lsn-gone@443')).toBe(
      'names NLB listener lsn-gone@443 in cn-hangzhou, which is not a listener of this account there (ResourceNotFound.listener): check its id (lsn-…@<port>) and region, or nlb-endpoint',
    );
    expect(await target.check?.('lsn-oracle@443@ap-southeast-1')).toMatch(
      /^names NLB listener lsn-oracle@443 in ap-southeast-1, but the certificate is held at Certificate Management Service in cn-hangzhou \(the China site\)/,
    );
  });
  it('alsoInUse follows NextToken past the first page of ListListeners', async () => {
    const late = await heldCertificate('late.example.com');
    for (let index = 0; index < 101; index++)
      emulator.nlb.addListener({ listenerId: `lsn-page${index}@443` });
    emulator.nlb.addListener({ listenerId: 'lsn-zlast@443', certificateIds: [`${late}-cn-hangzhou`] });
    const before = emulator.callsTo('ListListeners').length;
    expect(await target.alsoInUse?.([late])).toEqual([late]);
    // ap-southeast-1 was named too (by check): it is asked once, and has none.
    const pages = emulator
      .callsTo('ListListeners')
      .slice(before)
      .filter((c) => c.params.RegionId === 'cn-hangzhou');
    expect(pages.length).toBe(2);
    expect(pages[1]?.params.NextToken).toEqual(expect.any(String));
  });
});
