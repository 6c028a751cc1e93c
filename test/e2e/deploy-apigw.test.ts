// Deploying to API Gateway, as GitHub runs the action (`node dist/index.js` against the emulator, `apigw-endpoint`
// pointed at it for both APIs): a classic group's custom domain takes the held certificate's PEM and private key
// (the key in no line of the output), a cloud-native domain its CAS identifier with every TLS setting kept. The
// served front (emulator/served.ts) shows what clients get.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedFingerprint } from '../../emulator/test-helpers.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type ActionRun, runAction } from '../support/run-action.js';

const GROUP = '927d50c0f2e54b359919923d908bb015';
const OTHER_GROUP = 'aaaabbbbccccddddeeeeffff00001111';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
});
afterAll(() => emulator.close());

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'apigw-endpoint': emulator.url, 'dns-provider': 'alidns', ...extra });
const okCalls = (action: string) => emulator.callsTo(action).filter((c) => c.status === 200);
const orders = () => emulator.callsTo('CreateCertificateForPackageRequest').length;
const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
const fingerprintOf = (certId: string) =>
  new X509Certificate(emulator.cas.certificates.get(certId)?.certificatePem ?? '').fingerprint256;

async function heldCertificate(domains: string[]): Promise<string> {
  return (await emulator.cas.seedOrder({ domains })).certificate?.certId ?? '';
}

/** Every private key line the emulator holds: none may appear in what the run printed. */
function privateKeyLines(certId: string): string[] {
  const pem = emulator.cas.certificates.get(certId)?.privateKeyPem ?? '';
  return pem.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));
}

describe('classic API Gateway: a group custom domain', () => {
  it('issue + deploy sends the PEM and key, reads it back, clients get it; the key is in no output line; a second run changes nothing', async () => {
    emulator.apigw.addClassicDomain({ groupId: GROUP, domainName: 'api.example.com' });
    const front = await emulator.served.listen(`apigw:${GROUP}/api.example.com`);
    const deploy = `apigw: ${GROUP}/api.example.com@cn-hangzhou`;
    const run = await runAction(
      inputs({
        domains: 'api.example.com',
        deploy,
        'verify-url': 'https://api.example.com',
        'verify-connect-to': `api.example.com:443:127.0.0.1:${front.port}`,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
    const certId = run.outputs['cert-id'] ?? '';
    expect(run.outputs['deployed-domains']).toBe(`${GROUP}/api.example.com@cn-hangzhou`);
    expect(run.outputs.changed).toBe('true');
    const [set] = okCalls('SetDomainCertificate');
    expect(okCalls('SetDomainCertificate')).toHaveLength(1);
    expect(set?.params).toMatchObject({
      GroupId: GROUP,
      DomainName: 'api.example.com',
      CertificateName: expect.stringMatching(new RegExp(`^cas-${certId}-[0-9a-f]{12}$`)),
      CertificatePrivateKey: expect.stringMatching(/^\[private key, \d+ characters/),
    });
    // The domain holds the certificate's chain, and clients get it.
    const held = emulator.cas.certificates.get(certId);
    expect(emulator.apigw.classicDomain(GROUP, 'api.example.com')?.certificate?.body).toBe(
      `${held?.certificatePem}${held?.chainPem}`,
    );
    expect(emulator.apigw.servedSet(`${GROUP}/api.example.com`)?.default).toBe(certId);
    expect(run.stdout).toContain(`https://api.example.com serves certificate ${certId}`);
    expect(await servedFingerprint(front.port, 'api.example.com')).toBe(fingerprintOf(certId));
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        target: 'apigw',
        resource: `${GROUP}/api.example.com@cn-hangzhou`,
        region: 'cn-hangzhou',
        'cert-id-after': certId,
        outcome: 'deployed',
      }),
    ]);
    expect(run.summary).toMatch(new RegExp(`\\| API Gateway \\| ${GROUP}/api.example.com@cn-hangzhou \\|`));
    // Debug lines (`::debug::`, always written) included; `::add-mask::` is the runner's masking, never shown.
    const printed = `${run.stdout}\n${run.stderr}\n${run.summary}`
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(run.stdout).toContain('::add-mask::');
    const keyLines = privateKeyLines(certId);
    expect(keyLines.length).toBeGreaterThan(5);
    for (const line of keyLines) expect(printed).not.toContain(line);
    await front.close();

    const again = await runAction(inputs({ domains: 'api.example.com', deploy }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.status).toBe('unchanged');
    expect(again.outputs.changed).toBe('false');
    expect(again.stdout).toContain(
      `API Gateway domain api.example.com of group ${GROUP}@cn-hangzhou already serves certificate ${certId}`,
    );
    expect(okCalls('SetDomainCertificate')).toHaveLength(1);
  }, 90_000);

  it('a copy uploaded by hand under our name (another body) is not taken for the certificate: it is set', async () => {
    const certId = await heldCertificate(['hand.example.com']);
    const other = await heldCertificate(['hand.example.com']);
    emulator.apigw.addClassicDomain({ groupId: GROUP, domainName: 'hand.example.com' });
    const domain = emulator.apigw.classicDomain(GROUP, 'hand.example.com');
    const otherHeld = emulator.cas.certificates.get(other);
    if (domain && otherHeld) {
      domain.certificate = {
        id: 'f'.repeat(32),
        name: `cas-${certId}-000000000000`,
        body: `${otherHeld.certificatePem}${otherHeld.chainPem}`,
        privateKey: otherHeld.privateKeyPem ?? '',
        validStart: 0,
        validEnd: 0,
      };
    }
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: `apigw: ${GROUP}/hand.example.com` }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(emulator.apigw.servedSet(`${GROUP}/hand.example.com`)?.default).toBe(certId);
    expect(run.stdout).toContain(
      `set certificate ${certId} (was certificate 'cas-${certId}-000000000000' (not one of Certificate Management Service))`,
    );
    // mode: deploy reads the key for the set only: it is in no line either (the runner's `::add-mask::` aside).
    const printed = `${run.stdout}\n${run.stderr}`
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'));
    for (const line of privateKeyLines(certId)) expect(printed.join('\n')).not.toContain(line);
  }, 60_000);
});

describe('cloud-native API Gateway: a domain by id', () => {
  it('GetDomain → UpdateDomain with the CAS identifier and every TLS field as read; clients get it; a second run changes nothing', async () => {
    // Another name: a held certificate for gw.example.com would be reused, not issued.
    const old = await heldCertificate(['old-gw.example.com']);
    const ciphers = { configType: 'Custom', tlsCipherSuite: [{ name: 'ECDHE-ECDSA-AES128-GCM-SHA256' }] };
    emulator.apigw.addNativeDomain({
      domainId: 'd-issue',
      name: 'gw.example.com',
      certificate: old,
      tlsMin: 'TLS 1.2',
      tlsMax: 'TLS 1.2',
      http2Option: 'Open',
      forceHttps: true,
      tlsCipherSuitesConfig: ciphers,
    });
    const front = await emulator.served.listen('apigw:d-issue');
    const deploy = 'apigw: d-issue@cn-hangzhou';
    const run = await runAction(
      inputs({
        domains: 'gw.example.com',
        deploy,
        'verify-url': 'https://gw.example.com',
        'verify-connect-to': `gw.example.com:443:127.0.0.1:${front.port}`,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const certId = run.outputs['cert-id'] ?? '';
    expect(certId).not.toBe(old);
    expect(run.outputs['deployed-domains']).toBe('d-issue@cn-hangzhou');
    expect(okCalls('UpdateDomain').map((c) => c.params)).toEqual([
      expect.objectContaining({
        domainId: 'd-issue',
        certIdentifier: `${certId}-cn-hangzhou`,
        protocol: 'HTTPS',
        tlsMin: 'TLS 1.2',
        tlsMax: 'TLS 1.2',
        http2Option: 'Open',
        forceHttps: 'true',
        'tlsCipherSuitesConfig.configType': 'Custom',
      }),
    ]);
    // The domain keeps its settings (a field not sent would have fallen back to its default).
    expect(emulator.apigw.nativeDomain('d-issue')).toMatchObject({
      certIdentifier: `${certId}-cn-hangzhou`,
      protocol: 'HTTPS',
      tlsMin: 'TLS 1.2',
      tlsMax: 'TLS 1.2',
      http2Option: 'Open',
      forceHttps: true,
      tlsCipherSuitesConfig: ciphers,
    });
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        target: 'apigw',
        resource: 'd-issue@cn-hangzhou',
        'cert-id-before': old,
        'cert-id-after': certId,
        outcome: 'deployed',
      }),
    ]);
    expect(await servedFingerprint(front.port, 'gw.example.com')).toBe(run.outputs['fingerprint-sha256']);
    await front.close();

    const again = await runAction(inputs({ domains: 'gw.example.com', deploy }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(again.stdout).toContain(
      `API Gateway (cloud-native) domain d-issue@cn-hangzhou already serves certificate ${certId}`,
    );
    expect(okCalls('UpdateDomain')).toHaveLength(1);
  }, 90_000);

  it('delete-superseded deletes the old certificate, and keeps one another domain of the region still names', async () => {
    const oldOne = await heldCertificate(['one.example.com']);
    const oldShared = await heldCertificate(['two.example.com']);
    const certId = await heldCertificate(['one.example.com', 'two.example.com']);
    emulator.apigw.addNativeDomain({ domainId: 'd-one', name: 'one.example.com', certificate: oldOne });
    emulator.apigw.addNativeDomain({ domainId: 'd-two', name: 'two.example.com', certificate: oldShared });
    // Not listed: the certificate it names is kept.
    emulator.apigw.addNativeDomain({
      domainId: 'd-unlisted',
      name: 'two.example.com',
      certificate: oldShared,
    });
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        deploy: 'apigw: d-one@cn-hangzhou\napigw: d-two',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('d-one@cn-hangzhou,d-two');
    expect(run.outputs['superseded-cert-ids']).toBe(oldOne);
    expect(emulator.cas.certificates.get(oldOne)).toBeUndefined();
    expect(emulator.cas.certificates.get(oldShared)).toBeDefined();
    for (const id of ['d-one', 'd-two']) expect(emulator.apigw.servedSet(id)?.default).toBe(certId);
    expect(emulator.apigw.servedSet('d-unlisted')?.default).toBe(oldShared);
    expect(okCalls('ListDomains').length).toBeGreaterThan(0);
  }, 60_000);
});

describe('API Gateway pre-flight: before anything is ordered', () => {
  it('an unknown group, a domain not bound to the group, an unknown domain id, an HTTP domain and one of the other site each fail naming it; no order', async () => {
    emulator.apigw.addClassicDomain({ groupId: GROUP, domainName: 'bound.example.com' });
    emulator.apigw.addNativeDomain({ domainId: 'd-http', name: 'pre.example.com', protocol: 'HTTP' });
    emulator.apigw.addNativeDomain({ domainId: 'd-sg', name: 'pre.example.com', regionId: 'ap-southeast-1' });
    const before = orders();
    const run = await runAction(
      inputs({
        domains: 'pre.example.com',
        deploy: [
          `apigw: ${OTHER_GROUP}/pre.example.com`,
          `apigw: ${GROUP}/pre.example.com`,
          'apigw: d-gone',
          'apigw: d-http',
          'apigw: d-sg@ap-southeast-1',
        ].join('\n'),
      }),
    );
    expect(run.exitCode).toBe(1);
    const error = errorsOf(run).join('\n');
    expect(error).toContain(
      `input 'deploy' names API Gateway domain pre.example.com of group ${OTHER_GROUP}@cn-hangzhou, but group ${OTHER_GROUP} is not in this account in cn-hangzhou (NotFoundApiGroup)`,
    );
    expect(error).toContain(
      `names API Gateway domain pre.example.com of group ${GROUP}@cn-hangzhou, but the domain is not bound to that group (NotFoundDomain)`,
    );
    expect(error).toContain(
      'names API Gateway (cloud-native) domain d-gone@cn-hangzhou, but the domain is not in this account in cn-hangzhou (DatabaseError.RecordNotFound)',
    );
    expect(error).toContain(
      'names API Gateway (cloud-native) domain d-http@cn-hangzhou, but its protocol is HTTP, not HTTPS',
    );
    expect(error).toMatch(
      /names API Gateway \(cloud-native\) domain d-sg@ap-southeast-1, on the international site, while the certificate is held .* in cn-hangzhou/,
    );
    expect(orders()).toBe(before);
    expect(run.outputs['order-id']).toBeUndefined();
    expect(
      emulator.callsTo('SetDomainCertificate').filter((c) => c.params.DomainName === 'pre.example.com'),
    ).toHaveLength(0);
    expect(emulator.callsTo('UpdateDomain').filter((c) => c.params.domainId === 'd-http')).toHaveLength(0);
  }, 60_000);
});

describe('API Gateway coverage', () => {
  it('a cloud-native domain the pre-flight read is held to its name: a certificate not covering it is not set', async () => {
    emulator.apigw.addNativeDomain({ domainId: 'd-named', name: 'named.example.com' });
    const run = await runAction(inputs({ domains: 'cover.example.com', deploy: 'apigw: d-named' }));
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run).join('\n')).toMatch(
      /does not cover API Gateway \(cloud-native\) domain d-named@cn-hangzhou \(input 'deploy'\); nothing was deployed/,
    );
    expect(emulator.callsTo('UpdateDomain').filter((c) => c.params.domainId === 'd-named')).toHaveLength(0);
  }, 60_000);
});

describe('API Gateway faults', () => {
  it('a set refused twice (503) fails naming the domain; once, it is read back and sent again; a read refused is retried', async () => {
    const certId = await heldCertificate(['fault.example.com']);
    emulator.apigw.addClassicDomain({ groupId: GROUP, domainName: 'fault.example.com' });
    emulator.apigw.addNativeDomain({ domainId: 'd-fault', name: 'fault.example.com' });
    emulator.faults.add({ action: 'SetDomainCertificate', kind: 'unavailable', times: 2 });
    emulator.faults.add({ action: 'UpdateDomain', kind: 'unavailable', times: 2 });
    const deploy = `apigw: ${GROUP}/fault.example.com\napigw: d-fault`;
    const refused = await runAction(inputs({ mode: 'deploy', 'cert-id': certId, deploy }));
    expect(refused.exitCode).toBe(1);
    const error = errorsOf(refused).join('\n');
    expect(error).toMatch(
      new RegExp(
        `API Gateway domain fault.example.com of group ${GROUP}@cn-hangzhou: SetDomainCertificate failed: ServiceUnavailable`,
      ),
    );
    expect(error).toMatch(
      /API Gateway \(cloud-native\) domain d-fault@cn-hangzhou: UpdateDomain failed: ServiceUnavailable/,
    );
    expect(emulator.apigw.classicDomain(GROUP, 'fault.example.com')?.certificate).toBeUndefined();

    emulator.faults.add({ action: 'SetDomainCertificate', kind: 'unavailable' });
    emulator.faults.add({ action: 'UpdateDomain', kind: 'unavailable' });
    emulator.faults.add({ action: 'DescribeDomain', kind: 'unavailable' });
    emulator.faults.add({ action: 'GetDomain', kind: 'unavailable' });
    const resent = await runAction(inputs({ mode: 'deploy', 'cert-id': certId, deploy }));
    expect(resent.exitCode, resent.stdout).toBe(0);
    expect(emulator.apigw.servedSet(`${GROUP}/fault.example.com`)?.default).toBe(certId);
    expect(emulator.apigw.servedSet('d-fault')?.default).toBe(certId);
  }, 60_000);
});
