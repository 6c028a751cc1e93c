// Trust nothing the endpoint says (docs/faults.md, "Nothing leaks"): a key served in any wrapping is masked in every form the
// action publishes; a credential echoed at any percent-encoding depth is cut out and masked; a string from the
// service cannot start a workflow command; a refused signature keeps the server's string to sign out of the
// failure. `node dist/index.js` as GitHub runs it, against the emulator behind the hostile proxy.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { percentEncode } from '../../src/aliyun/sign.js';
import {
  createEmulator,
  createValidationRecordsByHand,
  type Emulator,
  emulatorInputs,
  expectNoSecretsLeaked,
} from '../support/fixtures.js';
import { type HostileProxy, type Rewrite, rewriteJson, startHostileProxy } from '../support/hostile-proxy.js';
import { type ActionRun, eventually, privateKeyLines, runAction } from '../support/run-action.js';

/** An STS-style token with the characters that change under percent-encoding (`/`, `+`, `=`). */
const TOKEN = `CAIS/${'Ab+cD/eF'.repeat(12)}xY==`;
const STS_KEY = { accessKeyId: 'STS.trust-secrets', accessKeySecret: 'the-right-secret-of-the-sts-key' };
const INJECTION = '\n::stop-commands::pwned\n';

let emulator: Emulator;
let proxy: HostileProxy;
beforeAll(async () => {
  emulator = await createEmulator({
    // example.net: a zone no other test validates in, so the order below waits for its record.
    zones: ['example.com', 'example.net'],
    accessKeys: [{ ...STS_KEY, securityToken: TOKEN }],
  });
  proxy = await startHostileProxy(emulator.url);
});
beforeEach(() => {
  emulator.calls.length = 0;
  emulator.faults.clear();
  proxy.setRewrite(undefined);
});
afterAll(async () => {
  await proxy.close();
  await emulator.close();
});

/** Every endpoint through the hostile proxy. */
const proxiedInputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, {
    endpoint: proxy.url,
    'dns-endpoint': proxy.url,
    'cdn-endpoint': proxy.url,
    ...extra,
  });

/** The values registered as secrets, as the runner reads them (a command's data is escaped: `%25`, `%0A`). */
const masks = (run: ActionRun) =>
  run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => fromCommandData(l.slice('::add-mask::'.length)));
const errorLines = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
/** How a workflow command carries its data (@actions/core's escaping), and how the runner reads it back. */
const asCommandData = (value: string) =>
  value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const fromCommandData = (data: string) =>
  data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/** A PEM block's body re-wrapped at `width` columns (0: on one line), its armour kept. */
function rewrap(pem: string, width: number): string {
  const match = /^(-----BEGIN [A-Z ]+-----)\s*([\s\S]*?)\s*(-----END [A-Z ]+-----)\s*$/.exec(pem.trim());
  if (!match) throw new Error('not one PEM block');
  const body = (match[2] ?? '').replace(/\s+/g, '');
  const lines = width === 0 ? [body] : (body.match(new RegExp(`.{1,${width}}`, 'g')) ?? []);
  return `${match[1]}\n${lines.join('\n')}\n${match[3]}\n`;
}

/** The key as published was registered whole and line by line, and the served form is not what was published. */
function expectPublishedKeyMasked(run: ActionRun, served: string): string {
  const published = run.outputs['private-key'] ?? '';
  expect(published).toContain('PRIVATE KEY-----');
  // The action re-wraps at 64 columns: the published lines are not the served ones.
  expect(privateKeyLines(published).some((l) => !served.includes(`${l}\n`))).toBe(true);
  expect(masks(run)).toContain(published);
  for (const line of privateKeyLines(published)) expect(masks(run)).toContain(line);
  expectNoSecretsLeaked(run, published);
  return published;
}

describe('the key is masked in every form the action publishes (issue 24, item 1)', () => {
  it.each([
    ['76 columns', 76],
    ['one line', 0],
  ])(
    'issue: a PrivateKey served at %s is masked as published, and in its encrypted forms',
    async (_, width) => {
      const served: string[] = [];
      proxy.setRewrite(
        rewriteJson('DescribeCertificateState', (body) => {
          if (typeof body.PrivateKey !== 'string' || body.PrivateKey === '') return undefined;
          const key = rewrap(body.PrivateKey, width);
          served.push(key);
          return { ...body, PrivateKey: key };
        }),
      );
      const domains = [`wrapped${width}.example.com`];
      const run = await runAction(
        proxiedInputs({
          domains: domains.join(),
          'dns-provider': 'manual',
          'output-dir': 'certs',
          'pfx-password': 'pfx-Pa55word!',
          'private-key-passphrase': 'pem-Pa55phrase!',
        }),
        { whileRunning: () => createValidationRecordsByHand(emulator, domains) },
      );
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.status).toBe('issued');
      expect(served.length).toBeGreaterThan(0);
      const published = expectPublishedKeyMasked(run, served[0] ?? '');
      const dir = join(run.workDir, 'certs');
      expect(await readFile(join(dir, 'privkey.pem'), 'utf8')).toBe(published);
      // The encrypted forms are secrets too: a later step that prints them shows asterisks.
      const encrypted = await readFile(join(dir, 'privkey.encrypted.pem'), 'utf8');
      expect(masks(run)).toContain(encrypted);
      for (const line of privateKeyLines(encrypted)) expect(masks(run)).toContain(line);
      const pfx = (await readFile(join(dir, 'cert.pfx'))).toString('base64');
      expect(masks(run)).toContain(pfx);
    },
  );

  it('download: a held Key served on one line is masked as published', async () => {
    const domains = ['held-one-line.example.com'];
    const issued = await runAction(
      emulatorInputs(emulator, { domains: domains.join(), 'dns-provider': 'alidns' }),
    );
    expect(issued.exitCode, issued.stdout).toBe(0);
    const served: string[] = [];
    proxy.setRewrite(
      rewriteJson('GetUserCertificateDetail', (body) => {
        if (typeof body.Key !== 'string' || body.Key === '') return undefined;
        const key = rewrap(body.Key, 0);
        served.push(key);
        return { ...body, Key: key };
      }),
    );
    const run = await runAction(
      proxiedInputs({ mode: 'download', 'cert-id': issued.outputs['cert-id'] ?? '' }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('downloaded');
    expect(served).toHaveLength(1);
    expect(expectPublishedKeyMasked(run, served[0] ?? '')).toBe(issued.outputs['private-key']);
  });

  it('upload: a private-key input wrapped at 76 columns is masked as published', async () => {
    const leaf = await emulator.ca.issueLeaf({ names: ['upload-wrapped.example.com'] });
    const key = rewrap(leaf.privateKeyPem ?? '', 76);
    const run = await runAction(
      proxiedInputs({
        mode: 'upload',
        certificate: `${leaf.certificatePem}${leaf.chainPem}`,
        'private-key': key,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('uploaded');
    expectPublishedKeyMasked(run, key);
  });
});

/** Percent-encoded `depth` times, as a signer or a gateway echo does (RFC 3986 and JavaScript's encoder). */
function encodings(value: string): string[] {
  const forms: string[] = [];
  let rfc = value;
  let js = value;
  for (let depth = 1; depth <= 3; depth++) {
    rfc = percentEncode(rfc);
    js = encodeURIComponent(js);
    forms.push(rfc, js);
  }
  return [...new Set(forms)];
}

/** None of `values` appears anywhere but the runner's mask commands. */
function expectNowhere(run: ActionRun, values: string[]): void {
  const stdout = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const places = { stdout, stderr: run.stderr, ...run.files };
  for (const value of values)
    for (const [place, text] of Object.entries(places))
      expect(text, `${place}: ${value}`).not.toContain(value);
}

describe('a credential echoed at any encoding depth (issue 24, item 3; issue 30, item 10)', () => {
  const stsInputs = (extra: Record<string, string> = {}) =>
    proxiedInputs({
      mode: 'status',
      domains: 'echo.example.com',
      'access-key-id': STS_KEY.accessKeyId,
      'access-key-secret': 'a-secret-that-does-not-sign',
      'security-token': TOKEN,
      ...extra,
    });

  it("SignatureDoesNotMatch: the double-encoded token of the server's string to sign reaches neither the error nor the summary", async () => {
    const run = await runAction(stsInputs());
    expect(run.exitCode).toBe(1);
    const [error = ''] = errorLines(run);
    expect(error).toContain('SignatureDoesNotMatch');
    expect(error).toContain('Check access-key-id, access-key-secret and security-token.');
    // The server's string to sign (some 640 characters) stays out of the error and the summary.
    expect(error).not.toContain('string to sign');
    expect(error).not.toContain('POST&');
    expect(error.length).toBeLessThan(400);
    expect(run.summary).not.toContain('POST&');
    // It is kept for the debug log, scrubbed.
    const debug = run.stdout
      .split('\n')
      .find((l) => l.startsWith('::debug::') && l.includes('string to sign'));
    expect(debug).toContain('server string to sign is:POST&');
    expect(debug).toContain(asCommandData('%26SecurityToken%3D***%26'));
    expectNowhere(run, [TOKEN, ...encodings(TOKEN)]);
    expect(masks(run)).toEqual(expect.arrayContaining(encodings(TOKEN)));
  });

  it('an echo of the token and the secret at depths 1 to 3 is cut out of a Message, and each form masked', async () => {
    const secret = 'a-secret/that+does=not*sign';
    const echoed = [TOKEN, secret].flatMap(encodings).join(' ; ');
    const rewrite: Rewrite = (call, answer) =>
      call.action === 'DescribePackageState' || answer.status >= 400
        ? {
            ...answer,
            status: 400,
            body: JSON.stringify({
              Code: 'InvalidParameter',
              Message: `bad request: ${echoed}`,
              RequestId: 'r-1',
            }),
          }
        : undefined;
    proxy.setRewrite(rewrite);
    const run = await runAction(stsInputs({ 'access-key-secret': secret }));
    expect(run.exitCode).toBe(1);
    expect(errorLines(run)[0]).toContain('bad request: ***');
    expectNowhere(run, [TOKEN, secret, ...encodings(TOKEN), ...encodings(secret)]);
    expect(masks(run)).toEqual(expect.arrayContaining([...encodings(TOKEN), ...encodings(secret)]));
  });
});

/** No line of stdout starts a workflow command the action did not write itself. */
function expectNoInjectedCommand(run: ActionRun): void {
  for (const line of run.stdout.split(/\r\n|\r|\n/)) {
    expect(line.trimStart()).not.toMatch(/^::stop-commands::/);
    expect(line).not.toContain('##[');
    expect(line).not.toContain('\0');
  }
}

describe('a string from the service cannot start a workflow command (issue 24, item 10)', () => {
  it('a RecordDomain with new lines: no ::stop-commands:: line, and no record is written', async () => {
    proxy.setRewrite(
      rewriteJson('DescribeCertificateState', (body) =>
        typeof body.RecordDomain === 'string'
          ? { ...body, RecordDomain: `${body.RecordDomain}${INJECTION}` }
          : undefined,
      ),
    );
    const run = await runAction(
      proxiedInputs({ domains: 'inject.example.net', 'dns-provider': 'hook', 'dns-hook': 'true' }),
    );
    expectNoInjectedCommand(run);
    // The name is no validation record of the order (docs/security.md): refused, and printed inert.
    expect(run.exitCode).toBe(1);
    expect(errorLines(run)[0]).toContain('%0A::stop-commands::pwned');
    expect(run.stdout).not.toContain('dns-hook presented');
  });

  it('a dns-hook whose output starts a workflow command: no ::stop-commands:: line, and the key is still masked', async () => {
    const domains = ['hooked.example.net'];
    // The hook prints the injection; the test plays the DNS provider the hook would call.
    const hook = `printf 'done${INJECTION.replace(/\n/g, '\\n')}'`;
    const run = await runAction(
      proxiedInputs({ domains: domains.join(), 'dns-provider': 'hook', 'dns-hook': hook }),
      {
        // Only once the hook has run: under chaos a retried read could otherwise find the order issued first.
        whileRunning: async (stdout) => {
          await eventually(() => stdout().includes('dns-hook presented'));
          await createValidationRecordsByHand(emulator, domains);
        },
      },
    );
    expectNoInjectedCommand(run);
    expect(run.stdout).toContain('::stop-commands::pwned');
    expect(run.exitCode, run.stdout).toBe(0);
    const key = run.outputs['private-key'] ?? '';
    for (const line of privateKeyLines(key)) expect(masks(run)).toContain(line);
    expectNoSecretsLeaked(run, key);
  });

  it("an order's domain with new lines prints on one line", async () => {
    await emulator.cas.seedOrder({ domains: ['listed.example.com'] });
    proxy.setRewrite(
      rewriteJson('ListUserCertificateOrder', (body) => {
        for (const order of (body.CertificateOrderList as Record<string, unknown>[] | undefined) ?? [])
          for (const field of ['Sans', 'Domain'])
            if (typeof order[field] === 'string') order[field] = `${order[field]}${INJECTION}\0##[add-mask]x`;
        return body;
      }),
    );
    // The account check lists every order due within renew-before-days, by its domain.
    const run = await runAction(proxiedInputs({ mode: 'status', 'renew-before-days': '100' }));
    expect(run.exitCode, run.stdout).toBe(0);
    expectNoInjectedCommand(run);
    expect(run.stdout).toMatch(/^Order \d+ for listed\.example\.com.*::stop-commands::pwned.* expires in/m);
  });

  it('a Message with new lines stays inside the one ::error:: line', async () => {
    proxy.setRewrite((call, answer) =>
      call.action === 'DescribePackageState'
        ? {
            ...answer,
            status: 400,
            body: JSON.stringify({ Code: 'InvalidParameter', Message: `busy${INJECTION}`, RequestId: 'r-2' }),
          }
        : undefined,
    );
    const run = await runAction(proxiedInputs({ mode: 'status' }));
    expect(run.exitCode).toBe(1);
    expectNoInjectedCommand(run);
    expect(errorLines(run)[0]).toContain('::stop-commands::pwned');
  });
});
