// Domain validation done by the action, end to end: `node dist/index.js` as GitHub runs it, against the emulator
// over loopback (Alidns records, FILE under a web root, a dns-hook, and the post step after a crash).
import { chmod, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions } from '../../emulator/server.js';
import { EMULATOR_ACCESS_KEY_SECRET } from '../../emulator/server.js';
import { createEmulator, type Emulator, emulatorInputs, expectNoSecretsLeaked } from '../support/fixtures.js';
import { type ActionRun, eventually, runAction } from '../support/run-action.js';

const emulators: Emulator[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function start(options: EmulatorOptions): Promise<Emulator> {
  const emulator = await createEmulator(options);
  emulators.push(emulator);
  return emulator;
}

/** API calls of one product in a run, by action. */
function callsOf(emulator: Emulator, product: 'dns' | 'cas'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of emulator.calls) {
    if (call.product !== product || !call.action) continue;
    counts[call.action] = (counts[call.action] ?? 0) + 1;
  }
  return counts;
}

/** Per run: the DNS calls, the number of records validated, and what each validated record cost. */
const costs: Array<{
  scenario: string;
  records: number;
  dns: Record<string, number>;
  cas: Record<string, number>;
}> = [];
afterAll(() => {
  const lines = costs.map(({ scenario, records, dns, cas }) => {
    const dnsTotal = Object.values(dns).reduce((a, b) => a + b, 0);
    const casTotal = Object.values(cas).reduce((a, b) => a + b, 0);
    return (
      `${scenario}: ${records} record(s); Alidns ${dnsTotal} call(s) ${JSON.stringify(dns)} = ` +
      `${(dnsTotal / Math.max(records, 1)).toFixed(2)} per record; CAS ${casTotal} call(s) ${JSON.stringify(cas)}`
    );
  });
  console.log(`API calls per validated domain (emulator call log):\n${lines.join('\n')}`);
});

function recordCost(scenario: string, emulator: Emulator, records: number): void {
  costs.push({ scenario, records, dns: callsOf(emulator, 'dns'), cas: callsOf(emulator, 'cas') });
}

/** Names of the TXT records AddDomainRecord was asked for, in full. */
function addedNames(emulator: Emulator): string[] {
  return emulator
    .callsTo('AddDomainRecord')
    .map((c) => (c.params.RR === '@' ? c.params.DomainName : `${c.params.RR}.${c.params.DomainName}`))
    .filter((n): n is string => Boolean(n));
}

/** The action made no record that is still there: every record it added is gone. */
function expectNoRecordLeft(emulator: Emulator, before: string[] = []): void {
  const left = emulator.dns.records().filter((r) => !before.includes(r.recordId));
  expect(left).toEqual([]);
}

function expectIssued(run: ActionRun): void {
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  expect(run.outputs.status).toBe('issued');
}

/** The `::error::` line the action failed with. */
const failure = (run: ActionRun) => run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';

describe('dns-provider: alidns', () => {
  it('validates one domain: creates the TXT record, issues, removes the record', async () => {
    const emulator = await start({ zones: ['example.com'] });
    const run = await runAction(emulatorInputs(emulator, { domains: 'example.com' }));
    expectIssued(run);
    expect(emulator.callsTo('AddDomainRecord').map((c) => c.params)).toMatchObject([
      { DomainName: 'example.com', RR: '_dnsauth', Type: 'TXT', TTL: '600' },
    ]);
    expect(emulator.callsTo('DeleteDomainRecord')).toHaveLength(1);
    expectNoRecordLeft(emulator);
    expect(run.stdout).toContain('Created the TXT record _dnsauth.example.com in zone example.com');
    expectNoSecretsLeaked(run, run.outputs['private-key']);
    // Cleanup finished, so nothing is left for the post step.
    expect(JSON.parse(run.state['validation-cleanup'] ?? '[]')).toEqual([]);
    recordCost('one domain', emulator, 1);
  });

  it('validates several domains across two zones (longest zone suffix), RecordDomain given in full', async () => {
    const emulator = await start({
      zones: ['example.com', 'dev.example.com', 'example.org'],
      recordDomainStyle: 'full',
    });
    const domains = ['example.com', 'www.example.com', 'api.dev.example.com', 'shop.dev.example.com'];
    const run = await runAction(emulatorInputs(emulator, { domains: domains.join('\n') }));
    expectIssued(run);
    expect(
      emulator
        .callsTo('AddDomainRecord')
        .map((c) => [c.params.DomainName, c.params.RR])
        .sort(),
    ).toEqual([
      ['dev.example.com', '_dnsauth.api'],
      ['dev.example.com', '_dnsauth.shop'],
      ['example.com', '_dnsauth'],
      ['example.com', '_dnsauth.www'],
    ]);
    expect(emulator.callsTo('DeleteDomainRecord')).toHaveLength(4);
    expectNoRecordLeft(emulator);
    recordCost('four domains, two zones', emulator, 4);
  });

  it('validates a wildcard at its base name', async () => {
    const emulator = await start({ zones: ['example.org'] });
    const run = await runAction(emulatorInputs(emulator, { domains: '*.example.org' }));
    expectIssued(run);
    expect(run.outputs.domains).toBe('*.example.org');
    expect(addedNames(emulator)).toEqual(['_dnsauth.example.org']);
    expectNoRecordLeft(emulator);
    recordCost('wildcard', emulator, 1);
  });

  it('reuses an identical record that already exists and leaves it in place', async () => {
    const emulator = await start({ zones: ['example.com'] });
    const domains = ['example.com', 'www.example.com'];
    const order = await emulator.cas.seedOrder({ domains, state: 'domain_verify' });
    // The user made one of the two records already (the order waits for the other).
    const existing = emulator.dns.addRecord({
      fqdn: '_dnsauth.www.example.com',
      type: 'TXT',
      value: order.validationToken,
    });
    const run = await runAction(
      emulatorInputs(emulator, { domains: domains.join(), 'order-id': order.orderId.toString() }),
    );
    expectIssued(run);
    // Looked for before writing: the existing record is used, never a second one added.
    expect(emulator.callsTo('AddDomainRecord').map((c) => [c.params.RR, c.code ?? 'created'])).toEqual([
      ['_dnsauth', 'created'],
    ]);
    expect(emulator.callsTo('DeleteDomainRecord')).toHaveLength(1);
    expect(emulator.dns.records()).toEqual([existing]);
    expect(run.stdout).toContain(
      'The TXT record _dnsauth.www.example.com with this value is already in zone example.com: using it, leaving it in place.',
    );
    recordCost('two domains, one record already there', emulator, 2);
  });

  it('adopts a record whose AddDomainRecord answer was lost, and removes it after', async () => {
    const emulator = await start({ zones: ['example.com'] });
    emulator.faults.add({ action: 'AddDomainRecord', kind: 'drop-after' });
    const run = await runAction(emulatorInputs(emulator, { domains: 'lost.example.com' }));
    expectIssued(run);
    // Sent once, never blindly again: looked up instead, found, and owned.
    expect(emulator.callsTo('AddDomainRecord')).toHaveLength(1);
    // One look before writing, one after the lost answer.
    expect(emulator.callsTo('DescribeDomainRecords')).toHaveLength(2);
    expect(emulator.callsTo('DeleteDomainRecord')).toHaveLength(1);
    expectNoRecordLeft(emulator);
  });

  it('refuses a name in no zone of the account before ordering anything', async () => {
    const emulator = await start({ zones: ['example.com'] });
    const run = await runAction(emulatorInputs(emulator, { domains: 'example.com, www.example.net' }));
    expect(run.exitCode).toBe(1);
    expect(failure(run)).toContain(
      "No Alibaba Cloud DNS zone in this account holds www.example.net (input 'domains')",
    );
    expect(emulator.cas.orders()).toHaveLength(0);
    expect(emulator.callsTo('AddDomainRecord')).toHaveLength(0);
  });

  it('names the record to create by hand when a resumed order has a name in no zone', async () => {
    const emulator = await start({ zones: ['example.com'] });
    const domains = 'example.com, www.example.net';
    const pending = await runAction(
      emulatorInputs(emulator, {
        domains,
        'dns-provider': 'manual',
        'wait-timeout': '0.1',
        'fail-on-pending': 'false',
      }),
    );
    const orderId = pending.outputs['order-id'] ?? '';
    const run = await runAction(emulatorInputs(emulator, { domains, 'order-id': orderId }));
    expect(run.exitCode).toBe(1);
    const token = emulator.cas.orders()[0]?.validationToken ?? '';
    expect(failure(run)).toContain(
      'No zone in this Alibaba Cloud DNS account holds _dnsauth.www.example.net',
    );
    expect(failure(run)).toContain(
      `create the TXT record _dnsauth.www.example.net with the value '${token}' by hand`,
    );
    // Nothing was created for the other name either: the zones are checked before any record is made.
    expect(emulator.callsTo('AddDomainRecord')).toHaveLength(0);
    expect(emulator.cas.orders()).toHaveLength(1);
    expectNoRecordLeft(emulator);
  });

  it('removes its records when the order is still waiting at wait-timeout', async () => {
    const emulator = await start({ zones: ['example.com'], issuanceDelayMs: 60_000 });
    const run = await runAction(emulatorInputs(emulator, { domains: 'example.com', 'wait-timeout': '1' }));
    expect(run.exitCode).toBe(1);
    expect(failure(run)).toContain("is still 'process' after wait-timeout 1s");
    expect(emulator.callsTo('AddDomainRecord')).toHaveLength(1);
    expectNoRecordLeft(emulator);
  });

  it('after a crash between record creation and cleanup, the post step removes the record', async () => {
    const emulator = await start({ zones: ['example.com'], issuanceDelayMs: 120_000 });
    const inputs = emulatorInputs(emulator, { domains: 'crash.example.com', 'wait-timeout': '60' });
    const crashed = await runAction(inputs, {
      killAfterMs: 4_000,
      whileRunning: () => eventually(() => emulator.dns.records().length === 1),
    });
    expect(crashed.exitCode).toBeNull();
    const [record] = emulator.dns.records();
    const saved = crashed.state['validation-cleanup'] ?? '';
    expect(JSON.parse(saved)).toEqual([
      {
        kind: 'alidns-record',
        recordId: record?.recordId,
        zone: 'example.com',
        rr: '_dnsauth.crash',
        type: 'TXT',
      },
    ]);
    expect(saved).not.toContain(EMULATOR_ACCESS_KEY_SECRET);
    expect(crashed.state.isPost).toBe('true');

    // The runner runs the post step with the saved state as STATE_* variables.
    const postEnv = { STATE_isPost: 'true', 'STATE_validation-cleanup': saved };
    const post = await runAction(inputs, { env: postEnv });
    expect(post.stderr).toBe('');
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toContain('Removing 1 validation leftover(s) of the main step.');
    expect(post.stdout).toContain(
      `Removed the TXT record _dnsauth.crash.example.com (record id ${record?.recordId})`,
    );
    expectNoRecordLeft(emulator);
    expectNoSecretsLeaked(post, undefined);

    // A post step that finds the record already gone says so and does not fail the job.
    const again = await runAction(inputs, { env: postEnv });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('is already gone');
    expect(again.stdout).not.toMatch(/^::(error|warning)::/m);
  });
});

describe('validation-method: FILE', () => {
  it('writes the file in nested folders under file-validation-root, says so, and removes it after issuance', async () => {
    const webRoot = await mkdtemp(join(tmpdir(), 'webroot-'));
    const emulator = await start({ webRoot });
    const run = await runAction(
      emulatorInputs(emulator, {
        domains: 'files.example.com',
        'validation-method': 'FILE',
        'file-validation-root': webRoot,
      }),
    );
    expectIssued(run);
    const path = join(webRoot, '.well-known/pki-validation/fileauth.txt');
    expect(run.stdout).toContain(
      `::notice::Wrote the validation file for order ${run.outputs['order-id']} to ${path}: ` +
        'a deploy must publish it at http://files.example.com/.well-known/pki-validation/fileauth.txt',
    );
    // The file and the two folders made for it are gone; the web root stays.
    expect(await readdir(webRoot)).toEqual([]);
    expect(emulator.calls.filter((c) => c.product === 'dns')).toEqual([]);
    expectNoRecordLeft(emulator);
    recordCost('FILE', emulator, 1);
  });

  it('refuses a Uri that escapes the root and writes nothing outside it', async () => {
    const base = await mkdtemp(join(tmpdir(), 'webroot-'));
    const webRoot = join(base, 'www');
    await mkdir(webRoot);
    const emulator = await start({ webRoot });
    // The service's answer, with its Uri rewritten on the way: the action must not trust it.
    const proxy = await rewritingProxy(emulator.url, (text) =>
      text.replace(/"Uri":"[^"]*"/, '"Uri":"/.well-known/../../escaped.txt"'),
    );
    const run = await runAction(
      emulatorInputs(emulator, {
        endpoint: proxy,
        domains: 'files.example.com',
        'validation-method': 'FILE',
        'file-validation-root': webRoot,
      }),
    );
    expect(run.exitCode).toBe(1);
    expect(failure(run)).toMatch(
      /asks for the validation file '\/\.well-known\/\.\.\/\.\.\/escaped\.txt', which is not a path inside file-validation-root/,
    );
    expect(await readdir(base)).toEqual(['www']);
    expect(await readdir(webRoot)).toEqual([]);
  });

  it('without file-validation-root says which file to publish, as manual does', async () => {
    const webRoot = await mkdtemp(join(tmpdir(), 'webroot-'));
    const emulator = await start({ webRoot });
    const run = await runAction(
      emulatorInputs(emulator, {
        domains: 'files.example.com',
        'validation-method': 'FILE',
        'wait-timeout': '0.5',
        'fail-on-pending': 'false',
      }),
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('pending');
    expect(run.stdout).toMatch(
      /::notice::Order \d+ waits for domain validation: publish http:\/\/files\.example\.com\/\.well-known\/pki-validation\/fileauth\.txt with the content '/,
    );
    expect(run.outputs['validation-file-uri']).toBe('/.well-known/pki-validation/fileauth.txt');
  });
});

describe('dns-provider: hook', () => {
  /** Another DNS provider's API, which the hook script calls: it keeps the records in the emulator's zones. */
  async function otherProvider(emulator: Emulator): Promise<string> {
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        const { action, domain, type, value } = JSON.parse(body) as Record<string, string>;
        if (action === 'present')
          emulator.dns.addRecord({ fqdn: domain, type: type ?? 'TXT', value: value ?? '' });
        else {
          for (const r of emulator.dns.records()) {
            if (`${r.rr}.${r.domainName}` === domain && r.value === value)
              emulator.dns.deleteRecord(r.recordId);
          }
        }
        response.end('ok');
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** A hook script as a user would write one: it logs its environment and calls its provider's API. */
  async function writeHook(dir: string): Promise<string> {
    const script = join(dir, 'dns-hook.sh');
    await writeFile(
      script,
      [
        '#!/bin/sh',
        'set -e',
        'n=$(ls "$HOOK_LOG_DIR" | wc -l | tr -d " ")',
        'env > "$HOOK_LOG_DIR/$n-$CAS_VALIDATION_ACTION.env"',
        'node -e \'fetch(process.env.PROVIDER_URL, { method: "POST", body: JSON.stringify({ action: process.env.CAS_VALIDATION_ACTION, domain: process.env.CAS_VALIDATION_RECORD_DOMAIN, type: process.env.CAS_VALIDATION_RECORD_TYPE, value: process.env.CAS_VALIDATION_RECORD_VALUE }) }).then((r) => { if (!r.ok) process.exit(1); })\'',
        'echo "$CAS_VALIDATION_ACTION done for $CAS_VALIDATION_RECORD_DOMAIN"',
        '',
      ].join('\n'),
    );
    await chmod(script, 0o755);
    return script;
  }

  it('runs the hook once per record name to present and to clean up, without any Alibaba Cloud secret', async () => {
    // The provider's zones stand in for the other DNS; the Alibaba Cloud DNS account has none of them.
    const emulator = await start({ zones: ['example.com', 'example.net'] });
    const dir = await mkdtemp(join(tmpdir(), 'hook-'));
    const logDir = join(dir, 'log');
    await mkdir(logDir);
    const script = await writeHook(dir);
    const inputs = emulatorInputs(emulator, {
      domains: 'example.com, www.example.net',
      'dns-provider': 'hook',
      'dns-hook': `sh ${script}`,
      // The hook's environment is an allowlist: what it needs of the step's is named on purpose.
      'dns-hook-env': 'HOOK_LOG_DIR, PROVIDER_URL',
    });
    const run = await runAction(inputs, {
      env: {
        HOOK_LOG_DIR: logDir,
        PROVIDER_URL: await otherProvider(emulator),
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_ACCESS_KEY_SECRET,
      },
    });
    expectIssued(run);
    const files = (await readdir(logDir)).sort();
    // www.example.net is presented under its own name and, for DigiCert, under its base too.
    expect(files).toEqual([
      '0-present.env',
      '1-present.env',
      '2-present.env',
      '3-cleanup.env',
      '4-cleanup.env',
      '5-cleanup.env',
    ]);
    const envs = await Promise.all(files.map((f) => readFile(join(logDir, f), 'utf8')));
    const token = emulator.cas.orders()[0]?.validationToken;
    const names = ['_dnsauth.example.com', '_dnsauth.www.example.net', '_dnsauth.example.net'];
    expect(envs.map((e) => /^CAS_VALIDATION_RECORD_DOMAIN=(.*)$/m.exec(e)?.[1])).toEqual([
      ...names,
      ...names,
    ]);
    for (const env of envs) {
      expect(env).toContain('CAS_VALIDATION_RECORD_TYPE=TXT');
      expect(env).toContain(`CAS_VALIDATION_RECORD_VALUE=${token}`);
      expect(env).toMatch(/^PROVIDER_URL=http:/m);
      expect(env).not.toContain(EMULATOR_ACCESS_KEY_SECRET);
      expect(env).not.toMatch(/^(INPUT_|ALIBABA_CLOUD_|STATE_)/m);
    }
    // The action itself made no Alidns call: the hook did the DNS work.
    expect(emulator.calls.filter((c) => c.product === 'dns')).toEqual([]);
    expectNoRecordLeft(emulator);
    expectNoSecretsLeaked(run, run.outputs['private-key']);
    recordCost('hook (two names)', emulator, 2);
  });

  it('reports a failing hook with its exit code and output, never a secret, and cleans up', async () => {
    const emulator = await start({ zones: ['example.com'] });
    const dir = await mkdtemp(join(tmpdir(), 'hook-'));
    const hook =
      `echo "$CAS_VALIDATION_ACTION" >> ${join(dir, 'calls')}; ` +
      'if [ "$CAS_VALIDATION_ACTION" = present ]; then echo "provider said: zone locked (key=$ALIBABA_CLOUD_ACCESS_KEY_SECRET)" >&2; exit 3; fi';
    const run = await runAction(
      emulatorInputs(emulator, { domains: 'example.com', 'dns-provider': 'hook', 'dns-hook': hook }),
      { env: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_ACCESS_KEY_SECRET } },
    );
    expect(run.exitCode).toBe(1);
    expect(failure(run)).toContain(
      'dns-hook present for the TXT record _dnsauth.example.com exited with code 3; its output: provider said: zone locked (key=)',
    );
    expectNoSecretsLeaked(run, undefined);
    expectNoRecordLeft(emulator);
    // The record may have been made half-way: cleanup runs for it all the same.
    expect((await readFile(join(dir, 'calls'), 'utf8')).split('\n')).toEqual(['present', 'cleanup', '']);
  });
});

const HOP_BY_HOP = ['connection', 'content-length', 'content-encoding', 'keep-alive', 'transfer-encoding'];

/** An HTTP proxy to `target` that passes requests through and rewrites each response body. */
async function rewritingProxy(target: string, rewrite: (body: string) => string): Promise<string> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(
          (e): e is [string, string] =>
            typeof e[1] === 'string' && !['host', 'content-length'].includes(e[0]),
        ),
      );
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      try {
        const answer = await fetch(`${target}${request.url ?? '/'}`, {
          method: request.method,
          headers,
          body,
        });
        const text = await answer.text();
        // Every header but the framing ones passes through (a chaos emulator's Retry-After included).
        const passed = [...answer.headers].filter(([name]) => !HOP_BY_HOP.includes(name));
        response.writeHead(answer.status, Object.fromEntries(passed));
        response.end(rewrite(text));
      } catch {
        // The emulator reset the connection (chaos mode): reset the client's too, as the service would.
        response.destroy();
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
