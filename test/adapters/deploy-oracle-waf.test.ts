// WAF 3.0 (waf-openapi 2021-10-01) has no official SDK on the npm registry (`@alicloud/waf-openapi20211001` is not
// there), so the fixed expected request shapes below come from the official Go SDK instead (github
// alibabacloud-go/waf-openapi-20211001, client/client.go and client/*_request_model.go: every operation POSTs its
// fields in the query; ModifyDomain's `Listen` and `Redirect` are JSON text (its shrink request); a repeated
// `Certificates` is flattened `Certificates.N.CertificateId` / `.AppliedType`), and from certimate's WAF deployer
// (github certimate-go/certimate, pkg/core/deployer/providers/aliyun-waf: `DescribeDomainDetail` then `ModifyDomain`
// with every read field put back and the backends as strings; `DescribeCloudResourceAccessPortDetails` with
// `ResourceInstanceId` and `Port`, then `ModifyCloudResourceCert` with `CloudResourceId` and the whole list). Each
// shape is first sent signed, as the Go SDK sends it, and accepted; then our target sends the same parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { callRpc } from '../../emulator/test-helpers.js';
import { WAF_VERSION } from '../../emulator/waf.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import type { DeployTarget } from '../../src/deploy/target.js';
import { createWafTarget } from '../../src/deploy/waf.js';
import { createCdnService, createDcdnService } from '../../src/services/cdn.js';

let emulator: Emulator;
let client: RpcClient;
let target: DeployTarget;
let instanceId: string;
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
]);
const operationParams = (params: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(params).filter(([name]) => !COMMON.has(name)));

/** Sends a fixed shape signed, as the Go SDK sends it (POST, the fields in the query), and expects it accepted. */
async function sdkShape(action: string, params: Record<string, string>) {
  const answer = await callRpc(emulator, WAF_VERSION, action, params, { method: 'POST' });
  expect(answer.status, answer.text).toBe(200);
  return answer;
}

/** Our target's last call of an action: accepted, with these operation parameters. */
function ourCall(action: string) {
  const call = emulator.callsTo(action).at(-1);
  expect(call?.status).toBe(200);
  return operationParams(call?.params);
}

beforeAll(async () => {
  emulator = await createEmulator({
    wafInstances: [
      {
        domains: [
          {
            domain: 'oracle.example.com',
            listen: { Http2Enabled: true, TLSVersion: 'tlsv1.2' },
            backends: ['10.0.0.1'],
          },
        ],
        ports: [{ resourceInstanceId: 'lb-oracle', port: 443 }],
      },
    ],
  });
  instanceId = emulator.waf.instance('cn-hangzhou')?.instanceId ?? '';
  client = new RpcClient({
    credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
  });
  target = createWafTarget(
    {
      cdn: createCdnService(client, emulator.url),
      dcdn: createDcdnService(client, emulator.url),
      client,
      endpointOverride: (name) => (name === 'waf' ? emulator.url : undefined),
    },
    { certRegion: 'cn-hangzhou', region: 'cn-shanghai' },
  );
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

const heldCertificate = async (name: string) =>
  (await emulator.cas.seedOrder({ domains: [name] })).certificate?.certId ?? '';

describe('WAF 3.0: the fixed shapes are accepted, and our target sends them', () => {
  it('a CNAME domain: DescribeInstance, DescribeDomainDetail, then ModifyDomain with Listen and Redirect as JSON', async () => {
    const first = await heldCertificate('oracle.example.com');
    const second = await heldCertificate('oracle.example.com');
    await sdkShape('DescribeInstance', { RegionId: 'cn-hangzhou' });
    const detailShape = { RegionId: 'cn-hangzhou', InstanceId: instanceId, Domain: 'oracle.example.com' };
    const read = await sdkShape('DescribeDomainDetail', detailShape);
    const listen = read.json.Listen as Record<string, unknown>;
    const modifyShape = {
      ...detailShape,
      Listen: JSON.stringify({ ...listen, CertId: `${first}-cn-hangzhou` }),
      Redirect: JSON.stringify({ ...(read.json.Redirect as object), Backends: ['10.0.0.1'] }),
    };
    await sdkShape('ModifyDomain', modifyShape);

    await target.set('oracle.example.com', second);
    expect(ourCall('DescribeInstance')).toEqual({ RegionId: 'cn-hangzhou' });
    expect(ourCall('DescribeDomainDetail')).toEqual(detailShape);
    const ours = ourCall('ModifyDomain');
    expect(Object.keys(ours).sort()).toEqual(Object.keys(modifyShape).sort());
    expect(ours).toMatchObject(detailShape);
    expect(JSON.parse(ours.Listen ?? '')).toEqual({
      ...JSON.parse(modifyShape.Listen),
      CertId: `${second}-cn-hangzhou`,
    });
    expect(JSON.parse(ours.Redirect ?? '')).toEqual(JSON.parse(modifyShape.Redirect));
    expect(await target.serving('oracle.example.com')).toMatchObject({ certId: second, inEffect: true });
  });

  it('a cloud resource port: DescribeCloudResourceAccessPortDetails, then ModifyCloudResourceCert with Certificates.N', async () => {
    const base = await heldCertificate('port.example.com');
    const extra = await heldCertificate('shop.example.com');
    const detailShape = {
      RegionId: 'cn-hangzhou',
      InstanceId: instanceId,
      ResourceInstanceId: 'lb-oracle',
      Port: '443',
    };
    const read = await sdkShape('DescribeCloudResourceAccessPortDetails', detailShape);
    expect(read.json.AccessPortDetails).toMatchObject([{ CloudResourceId: 'lb-oracle-443-clb7' }]);
    const modifyShape = {
      RegionId: 'cn-hangzhou',
      InstanceId: instanceId,
      CloudResourceId: 'lb-oracle-443-clb7',
      'Certificates.1.CertificateId': `${base}-cn-hangzhou`,
      'Certificates.1.AppliedType': 'default',
    };
    await sdkShape('ModifyCloudResourceCert', modifyShape);

    await target.set('lb-oracle:443 sni', extra);
    expect(ourCall('DescribeCloudResourceAccessPortDetails')).toEqual(detailShape);
    expect(ourCall('ModifyCloudResourceCert')).toEqual({
      ...modifyShape,
      'Certificates.2.CertificateId': `${extra}-cn-hangzhou`,
      'Certificates.2.AppliedType': 'extension',
    });
    expect(await target.serving('lb-oracle:443 sni')).toMatchObject({
      certId: base,
      extensions: [extra],
      inEffect: true,
    });
  });

  it('alsoInUse pages DescribeDomains of the instance', async () => {
    const used = await heldCertificate('oracle.example.com');
    emulator.waf.addDomain({ domain: 'other.example.com', certId: used });
    expect(await target.alsoInUse?.([used, '999999'])).toEqual([used]);
    expect(ourCall('DescribeDomains')).toEqual({
      RegionId: 'cn-hangzhou',
      InstanceId: instanceId,
      PageNumber: '1',
      PageSize: '50',
    });
  });

  it('the international site: the ap-southeast-1 instance, by default for a certificate held there', async () => {
    const intl = createWafTarget(
      {
        cdn: createCdnService(client, emulator.url),
        dcdn: createDcdnService(client, emulator.url),
        client,
        endpointOverride: (name) => (name === 'waf' ? emulator.url : undefined),
      },
      { certRegion: 'ap-southeast-1', region: 'ap-southeast-1' },
    );
    const sg = emulator.waf.addInstance({
      regionId: 'ap-southeast-1',
      domains: [{ domain: 'sg.example.com' }],
    });
    emulator.waf.casRegion = 'ap-southeast-1';
    try {
      const certId = await heldCertificate('sg.example.com');
      expect(await intl.check?.('sg.example.com')).toBeUndefined();
      expect(await intl.check?.('sg.example.com@cn-hangzhou')).toMatch(
        /on the Chinese mainland site, but the certificate is held at Certificate Management Service in ap-southeast-1/,
      );
      await intl.set('sg.example.com', certId);
      expect(ourCall('ModifyDomain')).toMatchObject({
        RegionId: 'ap-southeast-1',
        InstanceId: sg.instanceId,
        Domain: 'sg.example.com',
      });
      expect(emulator.waf.domain('sg.example.com', 'ap-southeast-1')?.listen.CertId).toBe(
        `${certId}-ap-southeast-1`,
      );
      expect(intl.regionOf?.('sg.example.com')).toBe('ap-southeast-1');
    } finally {
      emulator.waf.casRegion = 'cn-hangzhou';
    }
  });
});
