// What the action promises under faults, end to end: `node dist/index.js` against the emulator (docs/faults.md).
import { execFileSync } from 'node:child_process';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeCacheService, startFakeCacheService } from '../support/fake-cache-service.js';
import { createEmulator, type Emulator, emulatorInputs, expectNoSecretsLeaked } from '../support/fixtures.js';
import { type ActionRun, eventually, runAction } from '../support/run-action.js';

const PAID = 'symantec-dv-1-starter';
let emulator: Emulator;

beforeAll(async () => {
  emulator = await createEmulator({
    zones: ['example.com'],
    packages: { [PAID]: 100, 'digicert-free-1-free': 100, 'symantec-free-1-free': 100 },
    recycleLeafKeys: true,
    // These cases plant their own faults: chaos mode stays off here whatever the environment says.
    chaosMode: false,
  });
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.calls.length = 0;
  emulator.cas.knobs.listLagMs = 0;
  emulator.cas.knobs.verifyFailDomains = [];
});
afterAll(() => emulator.close());

const inputs = (extra: Record<string, string>) => emulatorInputs(emulator, extra);
const errorLines = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
const creates = () => emulator.callsTo('CreateCertificateForPackageRequest');

describe('deadline', () => {
  it('a Retry-After of 6 hours with wait-timeout 4 ends the run within the deadline, as a timeout, order kept', async () => {
    const started = Date.now();
    const run = await runAction(
      inputs({ domains: 'slow-hint.example.com', 'dns-provider': 'manual', 'wait-timeout': '4' }),
      {
        whileRunning: async (stdout) => {
          // Once the order is waiting for validation, every status read is refused with a 6-hour hint.
          await eventually(() => /Order \d+: domain_verify/.test(stdout()));
          emulator.faults.add({
            action: 'DescribeCertificateState',
            kind: 'throttle',
            retryAfter: 21600,
            times: -1,
          });
        },
      },
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(15_000);
    expect(run.exitCode).toBe(1);
    const [error] = errorLines(run);
    expect(error).toMatch(/is still 'domain_verify' after wait-timeout 4s/);
    expect(error).toMatch(/Run again with order-id \d+/);
    expect(run.stdout).toMatch(/asked to wait 21600s, past this run's deadline/);
    const orderId = run.outputs['order-id'] ?? '';
    expect(emulator.cas.order(orderId)?.state).toBe('domain_verify');
  });

  it('a throttled look-up with a hint past the deadline fails at once, naming the time that ran out', async () => {
    emulator.faults.add({
      action: 'ListUserCertificateOrder',
      kind: 'throttle',
      retryAfter: 21600,
      times: -1,
    });
    const started = Date.now();
    const run = await runAction(inputs({ domains: 'hint-list.example.com', 'wait-timeout': '4' }));
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.exitCode).toBe(1);
    expect(errorLines(run)[0]).toMatch(
      /Throttling\.User.*past this run's deadline.*wait-timeout\) ran out first/,
    );
    expect(creates()).toEqual([]);
  });
});

describe('creates', () => {
  it('a create answered 503 is reconciled (order list and quota) before it is sent once more', async () => {
    emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind: 'unavailable' });
    const run = await runAction(inputs({ domains: 'refused-once.example.com' }));
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('issued');
    expect(creates().map((c) => c.status)).toEqual([503, 200]);
    const actions = emulator.calls.map((c) => c.action);
    const [first, second] = actions.flatMap((a, i) =>
      a === 'CreateCertificateForPackageRequest' ? [i] : [],
    );
    const between = actions.slice((first ?? 0) + 1, second);
    expect(between).toContain('ListUserCertificateOrder');
    expect(between).toContain('DescribePackageState');
    expect(run.stdout).toContain('checking whether the order was created before doing anything else');
  });

  it('a create refused three times is sent twice at most, then the run stops saying so', async () => {
    emulator.faults.add({ action: 'CreateCertificateForPackageRequest', kind: 'unavailable', times: 3 });
    const run = await runAction(inputs({ domains: 'refused-thrice.example.com' }));
    expect(run.exitCode).toBe(1);
    expect(creates()).toHaveLength(2);
    expect(errorLines(run)[0]).toMatch(/may or may not have taken effect/);
    expect(emulator.cas.orders().filter((o) => o.domains.includes('refused-thrice.example.com'))).toEqual([]);
  });

  it('two runs at once for the same names converge on the oldest order; the other is cancelled and deleted', async () => {
    // The list lags 2 s behind a create, so both runs look before either order shows: both order.
    emulator.cas.knobs.listLagMs = 2_000;
    const domains = 'twice-at-once.example.com';
    const before = { ...emulator.cas.package(PAID) };
    const [a, b] = await Promise.all([
      runAction(inputs({ domains, 'product-code': PAID })),
      runAction(inputs({ domains, 'product-code': PAID })),
    ]);
    for (const run of [a, b]) expect(run.exitCode, run.stdout).toBe(0);
    expect(creates()).toHaveLength(2);
    const orders = emulator.cas.orders().filter((o) => o.domains.includes(domains));
    expect(orders).toHaveLength(1);
    const kept = orders[0]?.orderId.toString();
    expect(a.outputs['order-id']).toBe(kept);
    expect(b.outputs['order-id']).toBe(kept);
    const withdrawn = [a, b].find((r) => r.stdout.includes('keeping the oldest'));
    expect(withdrawn?.stdout).toMatch(
      new RegExp(`keeping the oldest, ${kept}; cancelling and deleting \\d+`),
    );
    expect(withdrawn?.summary).toContain('Concurrent orders');
    // One certificate of the package is spent, not two.
    expect(emulator.cas.package(PAID)?.used).toBe((before.used ?? 0) + 1);
  });
});

describe('answers', () => {
  it('an unreadable Retry-After gets the default wait and one warning', async () => {
    emulator.faults.add({
      action: 'DescribePackageState',
      kind: 'throttle',
      retryAfter: 'soon',
      times: 3,
    });
    const run = await runAction(inputs({ mode: 'status' }));
    expect(run.exitCode).toBe(0);
    const warnings = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::warning::') && l.includes('Retry-After'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("'soon' is neither seconds nor an HTTP date");
  });

  it('an error that echoes the request has its signature, nonce and key id cut out of every message', async () => {
    emulator.faults.add({
      action: 'ListUserCertificateOrder',
      kind: 'internal',
      status: 400,
      code: 'InvalidParameter',
      echoRequest: true,
    });
    const run = await runAction(inputs({ domains: 'echo.example.com' }));
    expect(run.exitCode).toBe(1);
    const [error] = errorLines(run);
    const call = emulator.callsTo('ListUserCertificateOrder')[0];
    const nonce = call?.params.SignatureNonce ?? '';
    expect(nonce).not.toBe('');
    expect(error).toContain('The request was:');
    expect(error).toContain('Signature=***');
    expect(error).not.toMatch(/Signature=(?!\*\*\*)/);
    expect(run.stdout).not.toContain(nonce);
    expect(run.stdout).not.toContain(call?.params.AccessKeyId ?? '-');
    expectNoSecretsLeaked(run, undefined);
  });
});

describe('bad input', () => {
  it('reports every bad name at once, invalid Punycode and reserved hyphens included, before any call', async () => {
    const run = await runAction(inputs({ domains: 'xn--zz.com, ab--c.com, -bad.example.com' }));
    expect(run.exitCode).toBe(1);
    const [error] = errorLines(run);
    expect(error).toContain('"xn--zz.com" has the label "xn--zz", which is not valid Punycode');
    expect(error).toContain('"ab--c.com" has the label "ab--c"; hyphens in the third and fourth places');
    expect(error).toContain('-bad.example.com');
    expect(emulator.calls).toEqual([]);
  });

  it('checks names taken from a CSR by the same rules (at most 5, no mixing), every problem at once', async () => {
    const csr = opensslCsr(
      ['rsa:2048'],
      [
        'a.example.com',
        '*.b.example.com',
        'c.example.com',
        'd.example.com',
        'e.example.com',
        'f.example.com',
      ],
    );
    const run = await runAction(
      inputs({
        csr: await csr,
        'create-operation': 'CreateCertificateWithCsrRequest',
        'contact-name': 'A',
        'contact-phone': '1',
        'contact-email': 'a@example.com',
      }),
    );
    expect(run.exitCode).toBe(1);
    const [error] = errorLines(run);
    expect(error).toContain(
      "input 'csr' names: 6 domain names were given; one certificate order allows at most 5",
    );
    expect(error).toContain("input 'csr' names: plain and wildcard domain names cannot be mixed");
    expect(emulator.calls).toEqual([]);
  });

  it.each([
    [
      'an RSA-2047 key',
      ['rsa:2047'],
      [],
      /input 'csr' has an RSA key of 2047 bits; the service needs at least 2048/,
    ],
    ['a SHA-1 signature', ['rsa:2048'], ['-sha1'], /input 'csr' is signed with SHA-1/],
    [
      'a P-224 key',
      ['ec:p224'],
      [],
      /input 'csr' has an EC key on secp224r1; the service takes P-256 or P-384/,
    ],
  ])('refuses a CSR with %s, naming csr, before any call', async (_what, key, extra, message) => {
    const csr = await opensslCsr(key, ['weak.example.com'], extra);
    const run = await runAction(inputs({ csr, domains: 'weak.example.com' }));
    expect(run.exitCode).toBe(1);
    expect(errorLines(run)[0]).toMatch(message);
    expect(emulator.calls).toEqual([]);
  });
});

describe('renew only when due', () => {
  it('mode renew with 80 days left is unchanged and logs the due date; force: true renews now', async () => {
    const now = emulator.clock.now();
    const day = 86_400_000;
    const order = await emulator.cas.seedOrder({
      domains: ['renew-early.example.com'],
      state: 'certificate',
      productCode: PAID,
      notBefore: now - 10 * day,
      notAfter: now + 80 * day,
    });
    const orderId = order.orderId.toString();
    const early = await runAction(inputs({ mode: 'renew', 'order-id': orderId }));
    expect(early.exitCode).toBe(0);
    expect(early.outputs).toMatchObject({ status: 'unchanged', 'order-id': orderId });
    const dueOn = new Date(now + 50 * day).toISOString().slice(0, 10);
    expect(early.stdout).toContain(`is due for renewal on ${dueOn}`);
    expect(emulator.callsTo('RenewCertificateOrderForPackageRequest')).toEqual([]);

    const forced = await runAction(inputs({ mode: 'renew', 'order-id': orderId, force: 'true' }));
    expect(forced.exitCode).toBe(0);
    expect(forced.outputs.status).toBe('renewed');
    expect(emulator.callsTo('RenewCertificateOrderForPackageRequest')).toHaveLength(1);
  });
  it('two renewals at once of the same order converge on the oldest renewal; the other is withdrawn', async () => {
    emulator.cas.knobs.listLagMs = 2_000;
    const now = emulator.clock.now();
    const day = 86_400_000;
    const order = await emulator.cas.seedOrder({
      domains: ['renew-twice.example.com'],
      state: 'certificate',
      productCode: PAID,
      notBefore: now - 70 * day,
      notAfter: now + 20 * day,
    });
    const orderId = order.orderId.toString();
    const before = { ...emulator.cas.package(PAID) };
    const [a, b] = await Promise.all([
      runAction(inputs({ mode: 'renew', 'order-id': orderId })),
      runAction(inputs({ mode: 'renew', 'order-id': orderId })),
    ]);
    for (const run of [a, b]) expect(run.exitCode, run.stdout).toBe(0);
    expect(emulator.callsTo('RenewCertificateOrderForPackageRequest')).toHaveLength(2);
    const renewals = emulator.cas.orders().filter((o) => o.renewedFrom === order.orderId);
    expect(renewals).toHaveLength(1);
    const kept = renewals[0]?.orderId.toString();
    expect([a.outputs['order-id'], b.outputs['order-id']]).toEqual([kept, kept]);
    expect([a.outputs.status, b.outputs.status]).toEqual(['renewed', 'renewed']);
    const withdrawn = [a, b].find((r) => r.stdout.includes('keeping the oldest'));
    expect(withdrawn?.summary).toMatch(new RegExp(`Concurrent renewals \\| kept ${kept} \\(the oldest\\)`));
    expect(emulator.cas.package(PAID)?.used).toBe((before.used ?? 0) + 1);
  });
});

describe('across runs (the Actions cache)', () => {
  let cache: FakeCacheService;
  beforeAll(async () => {
    cache = await startFakeCacheService();
  });
  afterAll(() => cache.close());

  it('after verify_fail the next runs wait (1 h, doubling), unless the inputs change; the summary says when', async () => {
    emulator.cas.knobs.verifyFailDomains = ['fails.example.com'];
    const domains = 'fails.example.com';
    // A runner's RUNNER_TEMP is the same path in every run (the cache version includes the cached path).
    const runnerTemp = join(process.cwd(), '.tmp', `runner-temp-${Date.now()}`);
    await mkdir(runnerTemp, { recursive: true });
    const env = { ...cache.env, RUNNER_TEMP: runnerTemp };
    const first = await runAction(inputs({ domains }), { env });
    expect(first.exitCode).toBe(1);
    expect(errorLines(first)[0]).toContain('failed review (verify_fail)');
    expect(errorLines(first)[0]).toMatch(/A new order for these inputs waits until \d{4}-\d\d-\d\dT[\d:]+Z/);
    expect(first.summary).toMatch(/Next try \| not before \d{4}-\d\d-\d\dT/);
    expect(creates()).toHaveLength(1);

    const second = await runAction(inputs({ domains }), { env });
    expect(second.exitCode).toBe(1);
    const [error] = errorLines(second);
    expect(error).toMatch(
      /failed review \(verify_fail, 1 time\(s\) in a row with these inputs\), so no new order is placed before/,
    );
    const next = Date.parse(/placed before (\S+);/.exec(error ?? '')?.[1] ?? '');
    expect(next - Date.now()).toBeGreaterThan(3_500_000);
    expect(next - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(second.summary).toContain('Next try');
    expect(creates()).toHaveLength(1);

    // Changed inputs (another validation set-up) lift the wait: this run orders at once.
    const changed = await runAction(
      inputs({ domains, 'dns-provider': 'manual', 'wait-timeout': '1', 'fail-on-pending': 'false' }),
      { env },
    );
    expect(changed.exitCode).toBe(0);
    expect(creates()).toHaveLength(2);
  });

  it('the post step removes what the main step wrote under RUNNER_TEMP, never a folder the user chose', async () => {
    const domains = 'temp-files.example.com';
    // The work directory is RUNNER_TEMP too: keep-files keeps output-dir's key files there (test/e2e/key-files.test.ts).
    const main = await runAction(inputs({ domains, 'output-dir': 'certs', 'keep-files': 'true' }), {
      env: cache.env,
    });
    expect(main.exitCode).toBe(0);
    const record = join(main.workDir, 'alibaba-cloud-ssl-order');
    await access(record);
    const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
    const post = await runAction(inputs({ domains, 'output-dir': 'certs', 'keep-files': 'true' }), {
      env: { ...cache.env, ...stateEnv },
      workDir: main.workDir,
    });
    expect(post.exitCode).toBe(0);
    await expect(access(record)).rejects.toThrow();
    // output-dir is the user's, with keep-files: true: the key file there stays.
    expect(await readFile(join(main.workDir, 'certs', 'privkey.pem'), 'utf8')).toContain('PRIVATE KEY');
  });
});

/** A CSR made by openssl (the weak ones WebCrypto refuses to make): key spec `rsa:BITS` or `ec:p224`. */
async function opensslCsr(key: string[], names: string[], extra: string[] = []): Promise<string> {
  const dir = join(process.cwd(), '.tmp', `csr-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  await mkdir(dir, { recursive: true });
  const keyFile = join(dir, 'key.pem');
  const spec = key[0] ?? 'rsa:2048';
  if (spec.startsWith('ec:')) {
    execFileSync('openssl', ['ecparam', '-name', 'secp224r1', '-genkey', '-noout', '-out', keyFile]);
  } else {
    execFileSync(
      'openssl',
      ['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${spec.slice(4)}`, '-out', keyFile],
      { stdio: 'ignore' },
    );
  }
  const config = join(dir, 'req.cnf');
  await writeFile(
    config,
    `[req]\ndistinguished_name=dn\nprompt=no\nreq_extensions=ext\n[dn]\nCN=${names[0]}\n[ext]\nsubjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\n`,
  );
  return execFileSync('openssl', ['req', '-new', '-key', keyFile, '-config', config, ...extra], {
    encoding: 'utf8',
  });
}
