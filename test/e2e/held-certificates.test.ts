// Certificates held at the service end to end, in both API versions: `upload` (reuse by name and SHA-256, a name
// clash, the checks before any call), `list` (every page, the domains filter with wildcards, due marked), `download`
// of a certificate `issue` made earlier in the same test (delivered as issue delivers: outputs, masking, files 0600,
// PKCS#12), and `delete` (refused while a CDN or DCDN domain serves it, safe to run twice). `node dist/index.js` as GitHub
// runs it, against the emulator over loopback.
import { X509Certificate } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, emulatorInputs, expectNoSecretsLeaked } from '../support/fixtures.js';
import { type ActionRun, privateKeyLines, runAction } from '../support/run-action.js';

const DAY = 86_400_000;
const VERSIONS = [
  { version: '2020-04-07', upload: 'UploadUserCertificate', list: 'ListUserCertificateOrder' },
  { version: '2018-07-13', upload: 'CreateUserCertificate', list: 'DescribeUserCertificateList' },
] as const;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({
    zones: ['example.com'],
    cdnDomains: ['cdn.example.com', '.wild.example.com'],
    dcdnDomains: ['edge.example.com'],
    recycleLeafKeys: true,
  });
});
beforeEach(() => {
  emulator.calls.length = 0;
  delete emulator.cas.knobs.maxPageSize;
});
afterAll(() => emulator.close());

const run = (inputs: Record<string, string>, options?: Parameters<typeof runAction>[1]) =>
  runAction(emulatorInputs(emulator, inputs), options);
/** Calls that change something at the service. */
const writes = () =>
  emulator.calls.map((c) => c.action ?? '').filter((a) => /^(Upload|Create|Delete|Set)/.test(a));

/** A certificate "from elsewhere": the test CA's leaf with a key of its own, as files a job would hold. */
async function foreignPair(names: string[], validity: { notBefore?: number; notAfter?: number } = {}) {
  const leaf = await emulator.ca.issueLeaf({
    names,
    ...(validity.notBefore ? { notBefore: new Date(validity.notBefore) } : {}),
    ...(validity.notAfter ? { notAfter: new Date(validity.notAfter) } : {}),
  });
  return {
    fullchain: `${leaf.certificatePem}${leaf.chainPem}`,
    leafPem: leaf.certificatePem,
    chainPem: leaf.chainPem,
    key: leaf.privateKeyPem ?? '',
    fingerprint: new X509Certificate(leaf.certificatePem).fingerprint256,
  };
}

function expectOk(result: ActionRun): void {
  expect(result.stdout).not.toContain('::error::');
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
}

/** Exit 1 with one `::error::` line holding every fragment. */
function expectRefusal(result: ActionRun, ...fragments: string[]): void {
  expect(result.exitCode).toBe(1);
  const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  for (const fragment of fragments) expect(errors[0]).toContain(fragment);
}

/**
 * Every key line was registered as a secret before the step printed anything (an input) or, for a key read from a
 * file, before it printed a word about the certificate.
 */
function expectKeyMaskedFirst(result: ActionRun, key: string, from: 'input' | 'file'): void {
  const lines = result.stdout.split('\n');
  const masks = lines.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length));
  for (const line of privateKeyLines(key)) expect(masks).toContain(line);
  const lastMask = Math.max(...privateKeyLines(key).map((l) => lines.indexOf(`::add-mask::${l}`)));
  const firstWords = lines.findIndex((l) =>
    from === 'input'
      ? l !== '' && !l.startsWith('::add-mask::')
      : /certificate/i.test(l) && !l.startsWith('::'),
  );
  expect(firstWords).toBeGreaterThan(-1);
  expect(lastMask).toBeLessThan(firstWords);
}

describe.each(VERSIONS)('api-version $version', ({ version, upload, list }) => {
  const tag = version.slice(0, 4);

  it('upload: the default name passes the strict reading of the name rule; a name it refuses is reported', async () => {
    emulator.cas.knobs.certificateNameRule = 'strict';
    try {
      const pair = await foreignPair([`*.strict${tag}.example.com`]);
      const named = await run({
        mode: 'upload',
        'api-version': version,
        certificate: pair.fullchain,
        'private-key': pair.key,
      });
      expectOk(named);
      expect(emulator.cas.certificates.get(named.outputs['cert-id'] ?? '')?.name).toMatch(
        new RegExp(`^wildcard_strict${tag}_example_com_\\d{8}$`),
      );
      const uploadDotted = () =>
        run({
          mode: 'upload',
          'api-version': version,
          certificate: pair.fullchain,
          'private-key': pair.key,
          'certificate-name': 'strict.example.com',
        });
      const refused = [
        "certificate name strict.example.com (input 'certificate-name')",
        'InvalidParameter.Name',
      ];
      expectRefusal(await uploadDotted(), ...refused);
      // The refusal's answer lost: the name is looked up, sent once more, and refused the same way.
      emulator.faults.add({ action: upload, kind: 'drop-after' });
      const before = writes().length;
      expectRefusal(await uploadDotted(), ...refused);
      expect(writes().slice(before)).toEqual([upload, upload]);
    } finally {
      delete emulator.cas.knobs.certificateNameRule;
    }
  });

  it('upload: a certificate from elsewhere, then the same again (unchanged), then another under that name (refused)', async () => {
    const pair = await foreignPair([`up${tag}.example.com`, `www.up${tag}.example.com`]);
    const first = await run(
      {
        mode: 'upload',
        'api-version': version,
        'certificate-file': 'fullchain.pem',
        'private-key-file': 'privkey.pem',
      },
      {
        prepare: async (dir) => {
          await writeFile(join(dir, 'fullchain.pem'), pair.fullchain);
          await writeFile(join(dir, 'privkey.pem'), pair.key);
        },
      },
    );
    expectOk(first);
    expect(first.outputs.status).toBe('uploaded');
    const certId = first.outputs['cert-id'] ?? '';
    const stored = emulator.cas.certificates.get(certId);
    expect(stored).toMatchObject({
      source: 'upload',
      sans: [`up${tag}.example.com`, `www.up${tag}.example.com`],
    });
    const day = new Date(new X509Certificate(pair.leafPem).validTo)
      .toISOString()
      .slice(0, 10)
      .replace(/-/g, '');
    expect(stored?.name).toBe(`up${tag}_example_com_${day}`);
    expect(stored?.privateKeyPem).toBe(pair.key);
    expect(stored?.chainPem).toBe(pair.chainPem);
    expect(first.outputs['fingerprint-sha256']).toBe(pair.fingerprint);
    expect(emulator.callsTo(upload)).toHaveLength(1);
    expect(emulator.callsTo(upload)[0]?.version).toBe(version);
    expectKeyMaskedFirst(first, pair.key, 'file');
    expectNoSecretsLeaked(first, pair.key);

    emulator.calls.length = 0;
    const again = await run({
      mode: 'upload',
      'api-version': version,
      certificate: pair.fullchain,
      'private-key': pair.key,
      'certificate-name': stored?.name ?? '',
    });
    expectOk(again);
    expect(again.outputs.status).toBe('unchanged');
    expect(again.outputs['cert-id']).toBe(certId);
    expect(writes()).toEqual([]);
    // The key given as an input is masked by the runner before anything else is printed.
    expectKeyMaskedFirst(again, pair.key, 'input');
    expectNoSecretsLeaked(again, pair.key);

    emulator.calls.length = 0;
    const other = await foreignPair([`up${tag}.example.com`]);
    const clash = await run({
      mode: 'upload',
      'api-version': version,
      certificate: other.fullchain,
      'private-key': other.key,
      'certificate-name': stored?.name ?? '',
    });
    expectRefusal(clash, `certificate name ${stored?.name}`, 'certificate-name', `certificate ${certId}`);
    expect(writes()).toEqual([]);
    expect(emulator.cas.certificates.get(certId)?.sha256).toBe(stored?.sha256);
    expectNoSecretsLeaked(clash, other.key);
  });

  it('upload: checks the pair before any call (key of another certificate, expired, chain out of order)', async () => {
    const pair = await foreignPair([`check${tag}.example.com`]);
    const stranger = await emulator.ca.issueLeaf({ names: ['stranger.example.com'] });
    const expired = await foreignPair([`old${tag}.example.com`], {
      notBefore: Date.now() - 100 * DAY,
      notAfter: Date.now() - DAY,
    });
    const cases: Array<[Record<string, string>, string[]]> = [
      [
        { certificate: pair.fullchain, 'private-key': stranger.privateKeyPem ?? '' },
        ["input 'private-key'", 'does not match'],
      ],
      [{ certificate: expired.fullchain, 'private-key': expired.key }, ["input 'certificate'", 'expired']],
      [
        { certificate: `${pair.chainPem}${pair.leafPem}`, 'private-key': pair.key },
        ["input 'certificate'", 'put it first'],
      ],
      [{ certificate: pair.fullchain }, ["input 'private-key'", 'private-key-file']],
    ];
    for (const [inputs, fragments] of cases) {
      emulator.calls.length = 0;
      const result = await run({ mode: 'upload', 'api-version': version, ...inputs });
      expectRefusal(result, ...fragments);
      expect(emulator.calls).toEqual([]);
      expectNoSecretsLeaked(result, inputs['private-key']);
    }
  });

  it('list: every page, filtered by domains (wildcards included), soonest expiry first, due ones marked', async () => {
    const now = Date.now();
    const soon = await foreignPair([`soon${tag}.list.example.com`], {
      notBefore: now - 80 * DAY,
      notAfter: now + 10 * DAY,
    });
    const wild = await foreignPair([`*.wild${tag}.list.example.com`], { notAfter: now + 200 * DAY });
    const unrelated = await foreignPair([`elsewhere${tag}.example.net`]);
    const ids: string[] = [];
    for (const [pair, name] of [
      [soon, `soon${tag}`],
      [wild, `wild${tag}`],
      [unrelated, `unrelated${tag}`],
    ] as const) {
      ids.push(
        emulator.cas.certificates
          .add({ name, pem: pair.fullchain, privateKeyPem: pair.key, source: 'upload' })
          .certId.toString(),
      );
    }
    const order = await emulator.cas.seedOrder({
      domains: [`soon${tag}.list.example.com`],
      state: 'certificate',
    });
    emulator.cas.knobs.maxPageSize = 2;
    const result = await run({
      mode: 'list',
      'api-version': version,
      domains: `soon${tag}.list.example.com, a.wild${tag}.list.example.com`,
      'renew-before-days': '30',
    });
    expectOk(result);
    expect(result.outputs.status).toBe('listed');
    const listed = JSON.parse(result.outputs.certificates ?? '[]') as Array<Record<string, unknown>>;
    expect(listed.map((c) => c.id)).toEqual([ids[0], order.certificate?.certId, ids[1]]);
    expect(listed[0]).toMatchObject({
      name: `soon${tag}`,
      domains: [`soon${tag}.list.example.com`],
      source: 'uploaded',
    });
    expect(listed[0]?.['days-remaining']).toBeLessThanOrEqual(10);
    // Both lists give a day without a time: reported as that day (issue 28, item 7).
    expect(listed[0]?.['not-after']).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(listed[1]).toMatchObject({ source: 'issued' });
    expect(listed[2]).toMatchObject({ domains: [`*.wild${tag}.list.example.com`] });
    expect(result.summary).toContain(`| ${ids[0]} | soon${tag} | soon${tag}.list.example.com | uploaded |`);
    expect(result.summary).toMatch(new RegExp(`\\| ${ids[0]} \\|.*\\| \\*\\*due\\*\\* \\|`));
    expect(result.summary).not.toMatch(new RegExp(`\\| ${ids[1]} \\|.*\\*\\*due\\*\\*`));
    expect(result.summary).not.toContain(`elsewhere${tag}`);
    // Every page was read: with two per page, the list took more than one call.
    expect(emulator.callsTo(list).length).toBeGreaterThan(1);
    expect(writes()).toEqual([]);
  });

  it('download: the certificate that issue made earlier in this test, delivered exactly as issue delivers it', async () => {
    const domains = `dl${tag}.example.com`;
    const issued = await run({ domains, 'dns-provider': 'alidns' });
    expectOk(issued);
    expect(issued.outputs.status).toBe('issued');
    const certId = issued.outputs['cert-id'] ?? '';
    const downloaded = await run({
      mode: 'download',
      'api-version': version,
      'cert-id': certId,
      'output-dir': 'certs',
      'pfx-password': 'pfx-Pa55word!',
    });
    expectOk(downloaded);
    expect(downloaded.outputs.status).toBe('downloaded');
    for (const name of [
      'cert-id',
      'certificate',
      'certificate-chain',
      'fullchain',
      'private-key',
      'not-after',
      'fingerprint-sha256',
      'domains',
    ])
      expect(downloaded.outputs[name], name).toBe(issued.outputs[name]);
    const key = downloaded.outputs['private-key'] ?? '';
    expectKeyMaskedFirstOfCall(downloaded, key);
    expectNoSecretsLeaked(downloaded, key);
    const dir = join(downloaded.workDir, 'certs');
    // As issue writes them: the key and the PKCS#12 file 0600, the certificates beside them.
    for (const file of ['privkey.pem', 'cert.pfx'])
      expect((await stat(join(dir, file))).mode & 0o777, file).toBe(0o600);
    expect(await readFile(join(dir, 'privkey.pem'), 'utf8')).toBe(key);
    expect(await readFile(join(dir, 'fullchain.pem'), 'utf8')).toBe(issued.outputs.fullchain);
    expect(downloaded.outputs['pfx-file']).toBe(join(dir, 'cert.pfx'));
    expect(downloaded.outputs['private-key-file']).toBe(join(dir, 'privkey.pem'));

    const missing = await run({ mode: 'download', 'api-version': version, 'cert-id': '999999999' });
    expectRefusal(missing, 'Certificate 999999999 is not at the service', 'cert-id');
  });

  it('delete: refused while a CDN domain serves it, then deleted, and a second run is harmless', async () => {
    const pair = await foreignPair([`del${tag}.example.com`]);
    const held = emulator.cas.certificates.add({
      name: `del${tag}`,
      pem: pair.fullchain,
      privateKeyPem: pair.key,
      source: 'upload',
    });
    const certId = held.certId.toString();
    emulator.cdn.setCertificate('.wild.example.com', {
      certificatePem: pair.fullchain,
      certId,
      certType: 'cas',
    });
    const refused = await run({
      mode: 'delete',
      'api-version': version,
      'cert-id': certId,
      'cdn-domains': 'cdn.example.com, *.wild.example.com',
    });
    expectRefusal(
      refused,
      `Certificate ${certId} is still served by CDN domain *.wild.example.com`,
      'cdn-domains',
    );
    expect(writes()).toEqual([]);
    expect(emulator.callsTo('DescribeDomainCertificateInfo').map((c) => c.params.DomainName)).toEqual([
      'cdn.example.com',
      '.wild.example.com',
    ]);
    expect(emulator.cas.certificates.get(certId)).toBeDefined();

    const other = await foreignPair(['wild.example.com']);
    emulator.cdn.setCertificate('.wild.example.com', {
      certificatePem: other.fullchain,
      certId: '1',
      certType: 'cas',
    });
    const deleted = await run({
      mode: 'delete',
      'api-version': version,
      'cert-id': certId,
      'cdn-domains': '*.wild.example.com',
    });
    expectOk(deleted);
    expect(deleted.outputs.status).toBe('deleted');
    expect(emulator.cas.certificates.get(certId)).toBeUndefined();
    const twice = await run({ mode: 'delete', 'api-version': version, 'cert-id': certId });
    expectOk(twice);
    expect(twice.outputs.status).toBe('deleted');
    expect(twice.stdout).toContain(`Certificate ${certId} is not at the service (deleted before)`);
  });

  it('delete: refused while a DCDN domain serves it, and for a DCDN domain not in the account', async () => {
    const pair = await foreignPair([`dcdn${tag}.example.com`]);
    const held = emulator.cas.certificates.add({
      name: `dcdn${tag}`,
      pem: pair.fullchain,
      privateKeyPem: pair.key,
      source: 'upload',
    });
    const certId = held.certId.toString();
    emulator.dcdn.setCertificate('edge.example.com', {
      certificatePem: pair.fullchain,
      certId,
      certType: 'cas',
    });
    const inputs = {
      mode: 'delete',
      'api-version': version,
      'cert-id': certId,
      'dcdn-endpoint': emulator.url,
    };
    const refused = await run({
      ...inputs,
      'cdn-domains': 'cdn.example.com',
      'dcdn-domains': 'edge.example.com',
    });
    expectRefusal(
      refused,
      `Certificate ${certId} is still served by DCDN domain edge.example.com (input 'dcdn-domains')`,
      'Nothing was deleted.',
    );
    expect(writes()).toEqual([]);
    expect(emulator.callsTo('DescribeDomainCertificateInfo').map((c) => c.params.DomainName)).toEqual([
      'cdn.example.com',
    ]);
    expect(emulator.callsTo('DescribeDcdnDomainCertificateInfo').map((c) => c.params.DomainName)).toEqual([
      'edge.example.com',
    ]);
    expect(emulator.cas.certificates.get(certId)).toBeDefined();

    const missing = await run({ ...inputs, 'dcdn-domains': 'gone.example.com' });
    expectRefusal(
      missing,
      'DCDN domain gone.example.com is not in this account (InvalidDomain.NotFound)',
      'check dcdn-domains and the dcdn-endpoint',
    );
    expect(writes()).toEqual([]);
    expect(emulator.cas.certificates.get(certId)).toBeDefined();
  });
});

/** download: the key arrives in the detail answer and is masked before the step says a word about it. */
function expectKeyMaskedFirstOfCall(result: ActionRun, key: string): void {
  const lines = result.stdout.split('\n');
  const lastMask = Math.max(...privateKeyLines(key).map((l) => lines.indexOf(`::add-mask::${l}`)));
  expect(lastMask).toBeGreaterThan(-1);
  expect(lastMask).toBeLessThan(lines.findIndex((l) => l.startsWith('Downloaded certificate')));
}
